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
from collections.abc import Iterable

from sqlalchemy import Connection, Table

from fieldapp.store import batch, derived, guard
from fieldapp.store.models import SYNCED_MODELS

log = logging.getLogger("fieldapp.store.removal")

_TABLES: list[Table] = [m.__table__ for m in SYNCED_MODELS]  # type: ignore[attr-defined]


@functools.cache
def _children() -> dict[str, list[tuple[str, str]]]:
    """For each table, the (child table, child column) pairs that reference its id."""
    out: dict[str, list[tuple[str, str]]] = {t.name: [] for t in _TABLES}
    for table in _TABLES:
        for fk in table.foreign_keys:
            out[fk.column.table.name].append((table.name, fk.parent.name))
    return out


def _dependants(conn: Connection, table: str, ids: set[str], found: dict[str, set[str]]) -> None:
    """Collect, recursively, every row that references ``ids`` of ``table`` (into ``found``)."""
    for child, column in _children()[table]:
        new = {r[0] for r in batch.rows_in(conn, f"SELECT id FROM {child} WHERE {column} IN ({{marks}})", ids)}
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
            removed += batch.execute_in(conn, f"DELETE FROM {table.name} WHERE id IN ({{marks}})",
                                        found.get(table.name, ()))
    derived.refresh_households(conn, sorted(found["household"]))  # drops their list rows
    log.info("evicted %d households (%d rows) that left this device's villages", len(found["household"]), removed)
    return removed


def purge_rows(conn: Connection, table: str, ids: Iterable[str]) -> int:
    """Physically delete tombstoned rows of ``table`` that no row references any more; rows purged."""
    refs = _children()[table]
    guard_sql = "".join(f" AND NOT EXISTS (SELECT 1 FROM {child} WHERE {child}.{column} = {table}.id)"
                        for child, column in refs)
    with guard.write_path():
        return batch.execute_in(conn, f"DELETE FROM {table} WHERE deleted = ? AND id IN ({{marks}}){guard_sql}",
                                ids, (True,))


def table_names() -> list[str]:
    """Synced tables, children first (the order purges must run in)."""
    return [t.name for t in reversed(_TABLES)]
