"""Received plain updates decided and written in bulk, in SQL (SQLite and PostgreSQL).

Most of what a sync package carries are updates of a few fields of rows the receiver holds, each
made over the value the receiver has (the change's ``prev`` stamp is the field's stored rank). The
merge (:mod:`fieldapp.sync.merge`) picks the changes that may be such an update from their content
alone and stages them here, one row per field, in a temporary table; :func:`plain` then finds, in one
statement, those that meet a live row, whose every field's stored rank is the change's ``prev`` and
which has no field with several heads. For those the last-writer-wins outcome is known without
reading the row (the change's rank is above ``prev``, so it wins): :func:`write` sets the values and
the field clocks with one ``UPDATE … FROM`` per table and field. Everything else is left to the
merge's careful path (row by row, in Python), which decides exactly as before.

Values are staged in a column of their kind (text, integer, boolean, date), so both databases take
them without casts; ``field_clocks`` is updated with the database's own JSON functions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table

from fieldapp.store import codec, guard
from fieldapp.store.models import SYNCED_MODELS

STAGE = "_lww_staged"
_TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]
_VALUE = {"text": "v_text", "int": "v_int", "bool": "v_bool", "date": "v_date"}
_COLUMNS = ("idx", "tbl", "row_id", "field", "n", "v_text", "v_int", "v_bool", "v_date", "rank_hlc", "rank_device",
            "prev_hlc", "prev_device")
_INSERT = f"INSERT INTO {STAGE} ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"

#: one staged field of one change: (idx, table, row id, field, number of fields of the change, value,
#: rank hlc, rank device, prev hlc, prev device); ``idx`` names the change within the batch
Staged = tuple[int, str, str, str, int, Any, int, str, int, str]


@functools.cache
def _kind(tbl: str, field: str) -> str:
    return codec.kind(_TABLES[tbl], field)


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _create(conn: Connection) -> None:
    pg = _postgres(conn)
    big, flag = ("BIGINT", "BOOLEAN") if pg else ("INTEGER", "BOOLEAN")
    tail = " ON COMMIT DELETE ROWS" if pg else ""
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (idx INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
        f"field TEXT NOT NULL, n INTEGER NOT NULL, v_text TEXT, v_int {big}, v_bool {flag}, v_date DATE, "
        f"rank_hlc {big} NOT NULL, rank_device TEXT NOT NULL, prev_hlc {big} NOT NULL, prev_device TEXT NOT NULL, "
        f"ok INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (idx, field)){tail}")


def stage(conn: Connection, rows: Iterable[Staged], *, again: bool = False) -> None:
    """Replace the staged fields with ``rows`` (inside the caller's write transaction).

    ``again``: this transaction staged before, so the temporary table is there (its ``CREATE … IF NOT
    EXISTS`` costs SQLite a look at the schema each time: a few milliseconds, per batch).
    """
    if not again:
        _create(conn)
    conn.exec_driver_sql(f"DELETE FROM {STAGE}")
    params = []
    for idx, tbl, row_id, field, n, value, rank_hlc, rank_device, prev_hlc, prev_device in rows:
        kind = _kind(tbl, field)
        params.append((idx, tbl, row_id, field, n, value if kind == "text" else None, value if kind == "int" else None,
                       value if kind == "bool" else None, value if kind == "date" else None,
                       rank_hlc, rank_device, prev_hlc, prev_device))
    if params:
        conn.exec_driver_sql(_INSERT, params)


def plain(conn: Connection, tables: Iterable[str]) -> set[int]:
    """The staged changes (their ``idx``) that are plain updates: marked, and returned.

    A plain update meets a live row that has no field with several heads (``~h`` in its clocks), and
    each of its fields' stored rank (the field's clock, else the row's stamp) is the change's ``prev``.
    """
    pg = _postgres(conn)
    for tbl in sorted(set(tables)):
        if tbl not in _TABLES:
            raise ValueError(f"{tbl} is not a synced table")
        if pg:
            clocks = f"coalesce(nullif({tbl}.field_clocks, ''), '{{}}')::jsonb"
            heads = f"({clocks} -> '~h') IS NULL"
            stored_hlc = f"coalesce(({clocks} -> s.field ->> 0)::bigint, {tbl}.row_hlc)"
            stored_device = f"coalesce({clocks} -> s.field ->> 1, {tbl}.row_device)"
            live = f"{tbl}.deleted = false"
        else:
            clocks = f"nullif({tbl}.field_clocks, '')"
            heads = f"json_extract({clocks}, '$.\"~h\"') IS NULL"
            stored_hlc = f"coalesce(json_extract({clocks}, '$.' || s.field || '[0]'), {tbl}.row_hlc)"
            stored_device = f"coalesce(json_extract({clocks}, '$.' || s.field || '[1]'), {tbl}.row_device)"
            live = f"{tbl}.deleted = 0"
        conn.exec_driver_sql(
            f"UPDATE {STAGE} SET ok = 1 WHERE tbl = ? AND idx IN (SELECT s.idx FROM {STAGE} s JOIN {tbl} "
            f"ON {tbl}.id = s.row_id WHERE s.tbl = ? AND {live} AND {heads} AND {stored_hlc} = s.prev_hlc "
            f"AND {stored_device} = s.prev_device GROUP BY s.idx, s.n HAVING count(*) = s.n)", (tbl, tbl))
    return {r[0] for r in conn.exec_driver_sql(f"SELECT DISTINCT idx FROM {STAGE} WHERE ok = 1").all()}


def mark(conn: Connection, idxs: Iterable[int], ok: bool = True) -> None:
    """Mark staged changes as to be written (or not: one the merge refused after all)."""
    ids = sorted(set(idxs))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.exec_driver_sql(f"UPDATE {STAGE} SET ok = ? WHERE idx IN ({','.join('?' * len(chunk))})",
                             (int(ok), *chunk))


def write(conn: Connection, fields: Sequence[tuple[str, str]]) -> None:
    """Write the marked changes: per (table, field) in ``fields``, the value and the field's clock."""
    pg = _postgres(conn)
    with guard.write_path():
        for tbl, field in sorted(set(fields)):
            if tbl not in _TABLES or field not in codec.columns(_TABLES[tbl]):
                raise ValueError(f"{tbl}.{field} is not a synced column")
            if pg:
                clocks = (f"(coalesce(nullif({tbl}.field_clocks, ''), '{{}}')::jsonb || jsonb_build_object('{field}', "
                          f"jsonb_build_array(s.rank_hlc, s.rank_device)))::text")
            else:
                clocks = (f"json_set(coalesce(nullif({tbl}.field_clocks, ''), '{{}}'), '$.{field}', "
                          "json_array(s.rank_hlc, s.rank_device))")
            conn.exec_driver_sql(
                f'UPDATE {tbl} SET "{field}" = s.{_VALUE[_kind(tbl, field)]}, field_clocks = {clocks} '
                f"FROM {STAGE} s WHERE s.ok = 1 AND s.tbl = ? AND s.field = ? AND {tbl}.id = s.row_id", (tbl, field))
