"""``IN (…)`` over many ids, in chunks under the databases' parameter limits (SQLite, PostgreSQL).

Driver-level SQL is written with ``?`` placeholders (the engine turns them into ``%s`` for
psycopg); ``{marks}`` in a statement stands for the placeholders of one chunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection

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
