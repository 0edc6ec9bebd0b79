"""Removing synced rows *locally*, without recording a change: scope exits and tombstone purges.

Neither is a delete that syncs. A household that moved out of this device's villages
leaves it through a scope-exit marker (:func:`evict_households`): the rows go, their history
stays in ``change_log`` and nobody else is told. A tombstone is purged
(:func:`purge_rows`) once every known replica holds the delete. Both run inside the
caller's transaction under the write-path guard, and remove children before parents so
foreign keys hold; a row still referenced by a live row is kept.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, Table

from fieldapp.store import derived, guard
from fieldapp.store.models import SYNCED_MODELS

log = logging.getLogger("fieldapp.store.removal")

_TABLES: list[Table] = [m.__table__ for m in SYNCED_MODELS]  # type: ignore[attr-defined]
_CHUNK = 400


@functools.cache
def _children() -> dict[str, list[tuple[str, str]]]:
    """For each table, the (child table, child column) pairs that reference its id."""
    out: dict[str, list[tuple[str, str]]] = {t.name: [] for t in _TABLES}
    for table in _TABLES:
        for fk in table.foreign_keys:
            out[fk.column.table.name].append((table.name, fk.parent.name))
    return out


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    batch = sorted(set(ids))
    for start in range(0, len(batch), _CHUNK):
        yield batch[start:start + _CHUNK]


def _marks(_conn: Connection, n: int) -> str:
    return ",".join("?" * n)  # PostgreSQL: the engine turns them into %s


def _dependants(conn: Connection, table: str, ids: set[str], found: dict[str, set[str]]) -> None:
    """Collect, recursively, every row that references ``ids`` of ``table`` (into ``found``)."""
    for child, column in _children()[table]:
        new: set[str] = set()
        for chunk in _chunks(ids):
            new |= {r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM {child} WHERE {column} IN ({_marks(conn, len(chunk))})", tuple(chunk))}
        new -= found.setdefault(child, set())
        if new:
            found[child] |= new
            _dependants(conn, child, new, found)


def evict_households(conn: Connection, household_ids: Iterable[str]) -> int:
    """Remove households and everything that hangs off them (members, incomes, visits…); rows removed."""
    found: dict[str, set[str]] = {"household": set(household_ids)}
    _dependants(conn, "household", found["household"], found)
    removed = 0
    with guard.write_path():
        for table in reversed(_TABLES):  # children first
            for chunk in _chunks(found.get(table.name, ())):
                removed += conn.exec_driver_sql(
                    f"DELETE FROM {table.name} WHERE id IN ({_marks(conn, len(chunk))})", tuple(chunk)).rowcount
    derived.refresh_households(conn, sorted(found["household"]))  # drops their list rows
    log.info("evicted %d households (%d rows) that left this device's villages", len(found["household"]), removed)
    return removed


def purge_rows(conn: Connection, table: str, ids: Iterable[str]) -> int:
    """Physically delete tombstoned rows of ``table`` that no row references any more; rows purged."""
    refs = _children()[table]
    guard_sql = "".join(f" AND NOT EXISTS (SELECT 1 FROM {child} WHERE {child}.{column} = {table}.id)"
                        for child, column in refs)
    purged = 0
    with guard.write_path():
        for chunk in _chunks(ids):
            purged += conn.exec_driver_sql(
                f"DELETE FROM {table} WHERE deleted = ? AND id IN ({_marks(conn, len(chunk))}){guard_sql}",
                (True, *chunk)).rowcount
    return purged


def table_names() -> list[str]:
    """Synced tables, children first (the order purges must run in)."""
    return [t.name for t in reversed(_TABLES)]
