"""Purging tombstones once every known replica holds the delete.

A deleted row stays as a tombstone (``deleted = 1``) so the delete can travel and so an
edit that crosses it is seen as a conflict. Once every peer this replica knows of holds
every change of the row (by the vectors their packages reported), nobody can send an edit
that has not seen the delete, and the row is removed for good (:mod:`fieldapp.store.removal`).
Its history stays in ``change_log``; a late change to the row is recognised there and
skipped (:meth:`fieldapp.sync.merge.Merger._purged`).

The cost follows the deletes, not the register: a cursor in ``local_state`` remembers how
far ``change_log`` was read, and deletes not yet held everywhere wait in a short list.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Connection, Table, select

from fieldapp.store import removal
from fieldapp.store.models import LocalState
from fieldapp.sync import state

log = logging.getLogger("fieldapp.sync.purge")

_local_state: Table = LocalState.__table__  # type: ignore[assignment]
_CURSOR, _WAITING = "purge_cursor", "purge_waiting"


def _get(conn: Connection, key: str, default: str) -> str:
    found = conn.execute(select(_local_state.c.value).where(_local_state.c.key == key)).scalar()
    return str(found) if found is not None else default


def _set(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(_local_state.c.key).where(_local_state.c.key == key)).first() is None:
        conn.execute(_local_state.insert().values(key=key, value=value))
    else:
        conn.execute(_local_state.update().where(_local_state.c.key == key).values(value=value))


def _top(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").scalar() or 0)


def purge_tombstones(rep: Any) -> int:
    """Remove the tombstones every known replica holds; returns how many rows went. ``rep``: a Replica."""
    with rep.db.read() as conn:  # the usual case, nothing new and nothing waiting: no write lock taken
        if int(_get(conn, _CURSOR, "0")) == _top(conn) and _get(conn, _WAITING, "[]") == "[]":
            return 0
    with rep.db.transaction() as conn:
        peers = state.peers(conn)
        if not peers:  # nobody to ask: a future peer may still need the delete
            return 0
        cursor = int(_get(conn, _CURSOR, "0"))
        waiting: set[tuple[str, str]] = {(str(t), str(r)) for t, r in json.loads(_get(conn, _WAITING, "[]"))}
        top = _top(conn)
        for _seq, tbl, row_id in conn.exec_driver_sql(
                "SELECT seq, tbl, row_id FROM change_log WHERE seq > ? AND seq <= ? AND op = 'delete'", (cursor, top)):
            waiting.add((tbl, row_id))
        if not waiting:
            if top > cursor:
                _set(conn, _CURSOR, str(top))  # the next look starts here: O(new changes), not O(log)
            return 0
        ready, still = _held_everywhere(conn, waiting, peers)
        total = 0
        for tbl in removal.table_names():  # children first
            if tbl in ready:
                total += removal.purge_rows(conn, tbl, ready[tbl])
        still += sorted([t, r] for t, r in _present(conn, ready))  # a live row still refers to them
        _set(conn, _CURSOR, str(top))
        _set(conn, _WAITING, json.dumps(sorted(still)))
    if total:
        log.info("purged %d tombstones held by every known replica", total)
    return total


def _held_everywhere(conn: Connection, waiting: set[tuple[str, str]],
                     peers: list[state.Peer]) -> tuple[dict[str, list[str]], list[list[str]]]:
    """The tombstones every peer holds all changes of (by table), and those still waiting."""
    ready: dict[str, list[str]] = {}
    still: list[list[str]] = []
    for tbl, row_id in sorted(waiting):
        if tbl not in removal.table_names():
            continue
        live = conn.exec_driver_sql(f"SELECT deleted FROM {tbl} WHERE id = ?", (row_id,)).first()
        if live is None or not live[0]:
            continue  # already gone, or revived
        held = all(int(p.known.get(origin, 0)) >= int(seq) for origin, seq in conn.exec_driver_sql(
            "SELECT origin, max(origin_seq) FROM change_log WHERE tbl = ? AND row_id = ? GROUP BY origin",
            (tbl, row_id)) for p in peers)
        if held:
            ready.setdefault(tbl, []).append(row_id)
        else:
            still.append([tbl, row_id])
    return ready, still


def _present(conn: Connection, ready: dict[str, list[str]]) -> set[tuple[str, str]]:
    """The rows of ``ready`` still in the database (a live row refers to them)."""
    out: set[tuple[str, str]] = set()
    for tbl, ids in ready.items():
        for row_id in ids:
            if conn.exec_driver_sql(f"SELECT 1 FROM {tbl} WHERE id = ?", (row_id,)).first():
                out.add((tbl, row_id))
    return out
