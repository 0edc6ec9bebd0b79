"""Two server objects on one database merging at once: the higher clock wins whatever the commit order,
and the household list projection takes concurrent refreshes of one household without a unique violation.

Each server object has its own process-wide write lock (as two processes would), so only the database
can serialise their merges: SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory transaction lock
(:data:`fieldapp.sync.service.MERGE_LOCK`). The interleaving is forced, not left to timing: one merge is
held just after it has read the rows it will write (the merge's ``_load``), the other is let run.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from fieldapp.server import registry, syncing
from fieldapp.server.storage import Server, ServerConfig, open_server
from fieldapp.services import syncing as laptop_syncing
from fieldapp.store import derived
from fieldapp.store.db import Database
from fieldapp.sync import service
from fieldapp.sync.merge import Merger
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, edit_household

WAIT_S = 60.0


def _package(lap: Laptop) -> bytes:
    with lap.ctx() as c:
        return service.build_package(laptop_syncing.replica_of(c), c.settings["server_device_id"]).data


def _device_id(lap: Laptop) -> str:
    with lap.ctx() as c:
        assert c.identity is not None
        return c.identity.device_id


def _clock(lap: Laptop, household_id: str, name: str) -> list[Any]:
    with lap.ctx() as c, c.db.read() as conn:
        raw = conn.exec_driver_sql("SELECT field_clocks FROM household WHERE id = ?", (household_id,)).scalar()
    return list(json.loads(raw)[name])


def _advisory_waiters(db: Database) -> int:
    with db.read() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").scalar() or 0)


class _Merge(threading.Thread):
    """One server object applying one device's package (as the USB desk does), keeping what came of it."""

    def __init__(self, server: Server, device_id: str, data: bytes) -> None:
        super().__init__(daemon=True)
        self.server, self.device_id, self.data = server, device_id, data
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with self.server.db.read() as conn:
                device = registry.device(conn, self.device_id)
            assert device is not None
            syncing.apply_package(self.server, device, self.data, transport="usb")
        except BaseException as exc:  # reported by the test
            self.error = exc


def _shared_household(server: ServerProcess, x: Laptop, y: Laptop) -> str:
    """A household of laptop X's, held by the server and by laptop Y (both enrolled for its village)."""
    east, _west = x.setup()
    x.ok("enrol", server.url, server.code("王伟", [east]))
    with x.ctx() as c:
        home = add_household(c, east, "李大山", phone="13900000000")
    x.ok("sync", "now")
    y.ok("enrol", server.url, server.code("赵敏", [east]))
    y.ok("sync", "now")
    return home


@pytest.fixture
def two_servers(server: ServerProcess) -> Iterator[tuple[Server, Server]]:
    """Two server objects on the network server's home and database (two write locks, one database)."""
    config = ServerConfig(busy_wait_s=WAIT_S)
    first = open_server(server.db_url, server.home, config, log_to_file=False)
    second = open_server(server.db_url, server.home, config, log_to_file=False)
    yield first, second
    first.close()
    second.close()


def test_the_higher_clock_wins_when_a_merge_is_held_after_its_read(
        server: ServerProcess, two_servers: tuple[Server, Server], laptop: Callable[[str], Laptop],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Y's lower-clock edit is read first and held; X's higher-clock edit of the same field is let run; then Y.

    The server must end with X's value and clock. On PostgreSQL this fails (the server keeps Y's value and
    clock: Y's rank check ran on its stale read, then its plain ``UPDATE`` overwrote X's committed value)
    when the merge's ``pg_advisory_xact_lock`` in ``fieldapp.sync.service._under_write_lock`` is taken
    out; with it, X waits for the lock until Y commits and then reads Y's value, which its clock beats.
    On SQLite X waits at ``BEGIN IMMEDIATE`` the same way.
    """
    x, y = laptop("x"), laptop("y")
    home = _shared_household(server, x, y)
    with y.ctx() as c:  # Y edits first: the lower clock
        edit_household(c, home, phone="13900000001")
    with x.ctx() as c:  # then X: the higher clock
        edit_household(c, home, phone="13900000002")
    x_clock, y_clock = _clock(x, home, "phone"), _clock(y, home, "phone")
    assert x_clock > y_clock
    data_x, data_y = _package(x), _package(y)
    srv_x, srv_y = two_servers

    read = threading.Event()  # Y has read the rows it will write
    go_on = threading.Event()  # Y may write
    original = Merger._load

    def held_load(self: Merger, changes: Any) -> Any:
        rows = original(self, changes)
        if threading.current_thread() is merge_y and not read.is_set():
            read.set()
            assert go_on.wait(WAIT_S), "Y was never released"
        return rows

    monkeypatch.setattr(Merger, "_load", held_load)
    asking = threading.Event()  # X asks SQLite for the write lock

    @event.listens_for(srv_x.db.engine, "before_cursor_execute")
    def _begin(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement == "BEGIN IMMEDIATE" and threading.current_thread() is merge_x:
            asking.set()

    merge_y = _Merge(srv_y, _device_id(y), data_y)
    merge_x = _Merge(srv_x, _device_id(x), data_x)
    merge_y.start()
    assert read.wait(WAIT_S), merge_y.error
    merge_x.start()
    # Let X run until it has committed, or until it waits for the merge lock Y holds.
    deadline = time.monotonic() + WAIT_S
    postgres = srv_x.db.engine.dialect.name == "postgresql"
    while merge_x.is_alive() and time.monotonic() < deadline:
        if postgres and _advisory_waiters(srv_x.db):
            break
        if not postgres and asking.is_set():  # SQLite shows no waiter: X is given a moment to take the lock
            merge_x.join(0.5)
            break
        time.sleep(0.02)
    go_on.set()
    merge_y.join(WAIT_S)
    merge_x.join(WAIT_S)
    assert not merge_y.is_alive() and not merge_x.is_alive()
    assert merge_y.error is None and merge_x.error is None, (merge_y.error, merge_x.error)
    with srv_x.db.read() as conn:
        phone, clocks = conn.exec_driver_sql("SELECT phone, field_clocks FROM household WHERE id = ?",
                                             (home,)).one()
    assert (phone, list(json.loads(clocks)["phone"])) == ("13900000002", x_clock)


def test_concurrent_refreshes_of_one_household_upsert_its_list_row(
        server: ServerProcess, two_servers: tuple[Server, Server], laptop: Callable[[str], Laptop]) -> None:
    """Two transactions refresh the same household's missing list row at once; the second waits for the first's
    row and then updates it. A delete and re-insert failed here with a unique violation on
    ``pk_household_list`` on PostgreSQL (what two merges beside each other used to raise)."""
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    with lap.ctx() as c:
        home = add_household(c, east, "李大山")
    lap.ok("sync", "now")
    first, second = two_servers
    with first.db.transaction() as conn:  # the household without its list row
        conn.exec_driver_sql("DELETE FROM household_list WHERE household_id = ?", (home,))
    errors: list[BaseException] = []

    def refresh_again() -> None:
        try:
            with second.db.transaction() as conn:
                derived.refresh_households(conn, [home])
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    postgres = first.db.engine.dialect.name == "postgresql"
    with first.db.transaction() as conn:
        derived.refresh_households(conn, [home])  # inserted, not yet committed
        other = threading.Thread(target=refresh_again, daemon=True)
        other.start()
        deadline = time.monotonic() + WAIT_S
        while other.is_alive() and time.monotonic() < deadline:  # until it waits on this transaction
            if not postgres:  # SQLite: it waits at BEGIN IMMEDIATE, which nothing shows
                other.join(0.5)
                break
            with first.db.read() as look:
                if look.exec_driver_sql("SELECT count(*) FROM pg_locks WHERE NOT granted").scalar():
                    break
            time.sleep(0.02)
    other.join(WAIT_S)
    assert not other.is_alive() and not errors, errors
    with first.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM household_list WHERE household_id = ?",
                                    (home,)).scalar() == 1
