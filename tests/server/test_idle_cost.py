"""A laptop with nothing to send and nothing new upstream costs the server O(1) work.

The server runs in-process (uvicorn in a thread, real HTTP on loopback) so the SQL statements its
engine executes for one idle ``sync now`` can be recorded — once with 20 households on the
server and once with 2,000. The statements must be the same, none may scan a big table, and the
SQLite virtual-machine steps they take (counted by a progress handler: work, not time) must not
grow with the register.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import event

from fieldapp.server.app import create_app
from fieldapp.server.main import main as server_main
from fieldapp.server.storage import Server, open_server
from fieldapp.services import syncing
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household
from fieldapp.store.writer import Actor, ChangeWriter
from tests.server.conftest import Backend, Laptop, _capture, free_port
from tests.store.util import StatementLog

BIG_TABLES = ("household", "member", "change_log", "household_list", "visit", "sync_seen", "server_audit")


@contextlib.contextmanager
def serving(server: Server) -> Iterator[str]:
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(server), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        assert time.monotonic() < deadline, "in-process server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=30)


def _fill(server: Server, households: int) -> str:
    """The district's own records: one village and ``households`` households (written by the server)."""
    writer = ChangeWriter(server.db, Actor(server.device_id, None, "区县"))
    with writer.transaction() as txn:
        village = txn.insert(Area, {"level": "village", "name": "东村", "code": "611002100001"})
        txn.insert_many(Household, [{"village_id": village, "group_no": 1 + i % 5, "hh_no": f"611002100001{i:04d}",
                                     "attribute": "01", "exit_status": "0"} for i in range(households)])
    return village


class VMSteps:
    """SQLite virtual-machine instructions executed by the engine's connections (a progress handler
    on every checked-out connection): a deterministic measure of database work, unlike time."""

    EVERY = 100

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ticks = 0

    def _tick(self) -> int:
        self.ticks += 1
        return 0

    def _checkout(self, dbapi: sqlite3.Connection, *_args: object) -> None:
        dbapi.set_progress_handler(self._tick, self.EVERY)

    def _checkin(self, dbapi: sqlite3.Connection, *_args: object) -> None:
        dbapi.set_progress_handler(None, self.EVERY)

    @property
    def steps(self) -> int:
        return self.ticks * self.EVERY

    def __enter__(self) -> VMSteps:
        event.listen(self.db.engine, "checkout", self._checkout)
        event.listen(self.db.engine, "checkin", self._checkin)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.db.engine, "checkout", self._checkout)
        event.remove(self.db.engine, "checkin", self._checkin)


def _normalise(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def _idle_statements(tmp: Path, backend: Backend, laptop: Laptop, households: int) -> tuple[list[str], int]:
    server = open_server(backend.url(tmp), tmp / "server-home", log_to_file=False)
    try:
        village = _fill(server, households)
        with serving(server) as url:
            status, out, err = _admin(server, backend.url(tmp), "enrol-code", "--cadre", "王伟", "--villages", village)
            assert status == 0, err
            laptop.ok("enrol", url, out.splitlines()[0])
            laptop.ok("sync", "now")  # the first sync brings the village
            laptop.ok("sync", "now")  # settles the cursors
            with laptop.ctx() as ctx, syncing.client(ctx) as client, StatementLog(server.db) as seen, \
                    VMSteps(server.db) as work:
                outcome = client.sync_now()
            assert outcome.sent == 0 and outcome.received is not None and outcome.received.stats.applied == 0
        statements = [_normalise(s) for s, _params in seen.statements]
        _assert_no_big_scans(server, seen.statements)
        return statements, work.steps
    finally:
        server.close()


def _admin(server: Server, db_url: str, *args: str) -> tuple[int, str, str]:
    return _capture(server_main, ["--home", str(server.home), "--db", db_url, *args])


def _assert_no_big_scans(server: Server, statements: list[tuple[str, object]]) -> None:
    raw = server.db.engine.raw_connection()
    try:
        cur = raw.cursor()
        for sql, params in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            args = params[0] if isinstance(params, list) and params else params
            if not isinstance(args, tuple):
                args = ()
            plan = " ".join(str(r[-1]) for r in cur.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall())
            scanned = set(re.findall(r"\bSCAN (\w+)", plan)) & set(BIG_TABLES)
            assert not scanned, f"{sql} scans {scanned}: {plan}"
    finally:
        raw.close()


def test_an_idle_sync_costs_the_same_statements_at_any_size(tmp_path: Path, server_backend: Backend,
                                                           laptop: Callable[[str], Laptop]) -> None:
    if server_backend.name != "sqlite":
        pytest.skip("counts SQLite virtual-machine steps and reads SQLite query plans")
    small, small_steps = _idle_statements(tmp_path / "small", server_backend, laptop("small"), 20)
    big, big_steps = _idle_statements(tmp_path / "big", server_backend, laptop("big"), 2000)
    assert small == big, "the idle sync's server statements depend on the register's size"
    assert len(small) < 60
    # The same statements could still read more rows in a bigger register (a range that starts at 0).
    assert big_steps <= small_steps * 1.25 + 1000, (
        f"the idle sync's database work grows with the register: {small_steps} SQLite VM steps at 20 "
        f"households, {big_steps} at 2,000")
