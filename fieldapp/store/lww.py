"""Received plain updates decided and written in bulk, in SQL (SQLite and PostgreSQL).

Most of what a sync package carries are updates of a few fields of rows the receiver holds, each
made over the value the receiver has (the change's ``prev`` stamp is the field's stored rank). The
merge (:mod:`fieldapp.sync.merge`) picks the changes that may be such an update from their content
alone; :func:`plain` then finds, in one statement per table and set of fields, those that meet a live row, whose every
field's stored rank is the change's ``prev`` and which has no field with several heads. For those the
last-writer-wins outcome is known without reading the row (the change's rank is above ``prev``, so it
wins): :func:`write` sets the values and the field clocks, one statement per table and set of fields.
Everything else is left to the merge's careful path (row by row, in Python), which decides exactly as before.

The decision reads its rows from one JSON parameter (``json_each`` on SQLite, ``jsonb_array_elements`` on
PostgreSQL): no staging table to fill, mark and empty per batch. The write is one prepared ``UPDATE … WHERE
id = ?`` run for every row (``executemany``), as the raw upsert is: measured, it costs less than an ``UPDATE
… FROM`` a JSON parameter, which extracts every value from the JSON again. Values travel in their JSON form,
which is SQLite's storage form (a boolean as 0/1, a date as its ISO text); ``field_clocks`` is updated with
the database's own JSON functions.

The stored rank is compared as JSON: on SQLite the field's clock as ``json_extract`` renders it (minified,
however it was stored; or the row's stamp rendered by ``json_array``) against the ``prev`` array rendered by
the same function, on PostgreSQL as ``jsonb``. A rank stored in another form (its hlc a text) is never taken
as equal, so such a change only takes the careful path: the comparison can miss a plain update, never invent one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table

from fieldapp.store import codec, guard
from fieldapp.store.models import SYNCED_MODELS

_TABLES: dict[str, Table] = {m.__tablename__: m.__table__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]

@functools.cache
def _encoder() -> Callable[[Any], bytes]:
    """msgspec's JSON encoder, imported on first use (the login imports no msgspec)."""
    import msgspec.json

    return msgspec.json.Encoder().encode


def _param(rows: list[Any]) -> str:
    return _encoder()(rows).decode("utf-8")


def _table(tbl: str) -> Table:
    table = _TABLES.get(tbl)
    if table is None:
        raise ValueError(f"{tbl} is not a synced table")
    return table


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@functools.lru_cache(maxsize=256)
def _plain_sql(tbl: str, names: tuple[str, ...], pg: bool) -> str:
    # one element per change: [row id, [prev hlc, prev device] of each field]; its position is its key
    if pg:
        clocks = "coalesce(nullif(t.field_clocks, ''), '{}')::jsonb"
        same = " AND ".join(f"coalesce({clocks} -> '{name}', jsonb_build_array(t.row_hlc, t.row_device)) "
                            f"= s.value -> {k}" for k, name in enumerate(names, 1))
        return (f"SELECT s.n - 1 FROM jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS s(value, n) "
                f"JOIN {tbl} t ON t.id = s.value ->> 0 WHERE t.deleted = false AND ({clocks} -> '~h') IS NULL "
                f"AND {same}")
    # "~h" (a field with several heads) can only be a key: devices and field names hold no "~"
    same = " AND ".join(f"coalesce(json_extract(nullif(t.field_clocks, ''), '$.{name}'), "
                        f"json_array(t.row_hlc, t.row_device)) = json_extract(s.value, '$[{k}]')"
                        for k, name in enumerate(names, 1))
    return (f"SELECT s.key FROM json_each(?) s JOIN {tbl} t ON t.id = json_extract(s.value, '$[0]') "
            f"WHERE t.deleted = 0 AND instr(coalesce(t.field_clocks, ''), '\"~h\"') = 0 AND {same}")


def plain(conn: Connection, tbl: str, names: tuple[str, ...], changes: list[tuple[str, list[Any]]]) -> set[int]:
    """Which of ``changes`` (by position) are plain updates of the fields ``names`` of ``tbl``.

    ``changes``: (row id, the rank each field replaced, ``[hlc, device]``, in the order of ``names``). A plain
    update meets a live row that has no field with several heads (``~h`` in its clocks), and each of its
    fields' stored rank (the field's clock, else the row's stamp) is the one it replaced.
    """
    _columns(tbl, names)
    if not changes:
        return set()
    param = _param([[row_id, *prevs] for row_id, prevs in changes])
    return {int(r[0]) for r in conn.exec_driver_sql(_plain_sql(tbl, names, _postgres(conn)), (param,))}


def _columns(tbl: str, names: tuple[str, ...]) -> None:
    table = _table(tbl)
    for name in names:
        if name not in codec.columns(table):
            raise ValueError(f"{tbl}.{name} is not a synced column")


@functools.lru_cache(maxsize=256)
def _write_sql(tbl: str, names: tuple[str, ...], pg: bool) -> str:
    # parameters: the value of each field, then the rank (hlc, device) of each field, then the row id
    kinds = [codec.kind(_TABLES[tbl], name) for name in names]
    sets = ", ".join(f'"{name}" = ' + ("CAST(? AS date)" if pg and kind == "date" else "?")
                     for name, kind in zip(names, kinds, strict=True))
    if pg:
        ranks = ", ".join(f"'{name}', jsonb_build_array(CAST(? AS bigint), CAST(? AS text))" for name in names)
        clocks = f"(coalesce(nullif(field_clocks, ''), '{{}}')::jsonb || jsonb_build_object({ranks}))::text"
    else:
        ranks = ", ".join(f"'$.{name}', json_array(?, ?)" for name in names)
        clocks = f"json_set(coalesce(nullif(field_clocks, ''), '{{}}'), {ranks})"
    return f"UPDATE {tbl} SET {sets}, field_clocks = {clocks} WHERE id = ?"


def write(conn: Connection, tbl: str, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Write plain updates of the fields ``names`` of ``tbl``: their values and their clocks.

    ``rows``: per change, the value of each field in the order of ``names`` (in its JSON form), then each
    field's rank (hlc, device), then the row id.
    """
    _columns(tbl, names)
    if not rows:
        return
    with guard.write_path():
        conn.exec_driver_sql(_write_sql(tbl, names, _postgres(conn)), rows)
