"""A statement's ``LIMIT`` written into its SQL, never bound: the one way the store and services limit a read.

The SQLite that ``sqlcipher3`` bundles (3.51, the encrypted register's; not the standard library's 3.40) prepares
a statement again every time a value is bound to a ``LIMIT ?`` of the query or of a subquery in its FROM or IN
(≈40–60 µs each time, more than a page of the household list costs to read). A bound ``OFFSET ?`` does not do
that, nor a limit written into the SQL. SQLAlchemy binds ``.limit(n)``, so every limit on the laptop's paths goes
through :func:`fixed` instead: ``LIMIT n`` in the SQL text, on SQLite and PostgreSQL alike.

Each distinct limit is then a statement of its own, in SQLAlchemy's compiled cache (the text is part of the cache
key) and in the driver's statement cache. So limits are constants (a page size, ``page + 1``, a cap, 1 or 2), and
a limit that comes from outside (a setting, a command-line option) goes through :func:`clamp` first.
``literal(n, literal_execute=True)`` would keep one compiled statement for every limit, but it renders the SQL
again on every execution (≈25 µs of Python on SQLite, half of what it saves).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, literal_column

#: the largest page a caller may ask for; larger requests are clamped to it (see :func:`clamp`)
MAX_PAGE = 10_000


def fixed(n: int) -> Any:
    """``LIMIT n`` for ``select(...).limit(...)``, written into the SQL. ``n`` must be a whole number ≥ 0."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a limit must be an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"a limit must not be negative: {n}")
    return literal_column(str(n), Integer())


def clamp(n: int, most: int = MAX_PAGE) -> int:
    """A page size asked for from outside (a setting, an option) brought within 1…``most``: a few sizes, each one
    statement, instead of one statement per value anybody ever typed."""
    return max(1, min(int(n), most))
