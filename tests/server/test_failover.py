"""The failover drill, small: devices syncing with two server processes on one PostgreSQL survive a
``kill -9`` of one process and an immediate restart of PostgreSQL itself, with nothing lost or doubled.

The drill is :func:`bench.bench_failover.drill` (the bench runs it with 200 devices): its own throwaway
PostgreSQL cluster (initdb in a temporary folder; the machine's server is never stopped), two real
``fieldapp-server`` processes, real laptops' replicas syncing over HTTP and retrying as the client does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import pgcluster
from bench.bench_failover import drill

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _binaries() -> None:
    if pgcluster.binaries() is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not installed")


def test_a_killed_server_process_and_a_restarted_postgresql_lose_and_double_nothing(tmp_path: Path) -> None:
    result = drill(6, 50, tmp_path / "run", cache_dir=tmp_path / "cache", deadline_s=300, log=lambda _t: None)
    report = "\n".join(result.lines())
    assert (result.kills, result.pg_restarts) == (1, 1), report
    assert result.finished == 6 and not result.errors, report
    assert result.changes_sent == 6 * 50, report
    assert result.lost == 0 and result.duplicated == 0, report
    assert result.converged, report
    # the outage is answered as "unavailable, try later" (503), never as a server error
    assert result.server_500s == 0 and 500 not in result.answers_5xx and result.tracebacks == 0, report


def test_a_read_on_postgresql_sees_one_snapshot(postgres_url: str) -> None:
    """A reply is built in one read: what another process commits meanwhile must not show in its later queries
    (at READ COMMITTED the vector came from before a merge and the changes from after it)."""
    from fieldapp.store import guard
    from fieldapp.store.db import Database

    db = Database.open_url(postgres_url)
    other = Database.open_url(postgres_url)
    try:
        with db.read() as conn:
            before = conn.exec_driver_sql("SELECT count(*) FROM sync_seen").scalar()
            with other.transaction() as writing, guard.write_path():
                writing.exec_driver_sql("INSERT INTO sync_seen (package_id, sender, applied_at, summary) "
                                        "VALUES ('p1', 'd1', '2026-12-07T00:00:00Z', '{}')")
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_seen").scalar() == before
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_seen").scalar() == before + 1
    finally:
        db.close()
        other.close()
