"""``IN (…)`` over many ids, in chunks under the databases' parameter limits (SQLite, PostgreSQL).

Driver-level SQL is written with ``?`` placeholders (the engine turns them into ``%s`` for
psycopg); ``{marks}`` in a statement stands for the placeholders of one chunk. A SQLAlchemy
statement takes :func:`one_of` instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

CHUNK = 500


def chunks(ids: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    """The distinct ids, sorted, in lists of at most ``size``."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), size):
        yield wanted[start:start + size]


def marks(n: int) -> str:
    return ",".join("?" * n)


def rows_in(conn: Connection, sql: str, ids: Iterable[str], first: tuple[Any, ...] = ()) -> list[Any]:
    """Run ``sql`` over ``ids`` chunk by chunk (``first`` binds the ``?`` before ``{marks}``); all rows."""
    rows: list[Any] = []
    for chunk in chunks(ids):
        rows += conn.exec_driver_sql(sql.format(marks=marks(len(chunk))), (*first, *chunk)).all()
    return rows


def execute_in(conn: Connection, sql: str, ids: Iterable[str], first: tuple[Any, ...] = ()) -> int:
    """Run a writing ``sql`` over ``ids`` chunk by chunk; the rows it touched."""
    return sum(conn.exec_driver_sql(sql.format(marks=marks(len(chunk))), (*first, *chunk)).rowcount
               for chunk in chunks(ids))


def one_of(conn: Connection, column: ColumnElement[Any], values: list[str]) -> ColumnElement[bool]:
    """``column IN values`` for a SQLAlchemy statement; on SQLite with the values as one JSON parameter
    (``json_each``), which the lookup through the column's index reads as it reads a list. SQLAlchemy's
    compiler expands a plain IN into one bound parameter per value on every execution, which for a few
    thousand values cost more than the query. PostgreSQL keeps the plain IN (chunk it with :func:`chunks`)."""
    if conn.dialect.name != "sqlite":
        return column.in_(values)
    return column.in_(select(func.json_each(json.dumps(values)).table_valued("value").c.value))
