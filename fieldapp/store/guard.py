"""The write-path guard: a write to a synced table that bypasses the change log fails.

An engine-level ``before_cursor_execute`` hook inspects every INSERT/UPDATE/DELETE
statement; one aimed at a synced table is refused unless it runs inside
:func:`write_path` (the change writer) or :func:`raw_writes_allowed` (migrations).
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator

from sqlalchemy import Engine, event

from fieldapp.store.models import SYNCED_TABLES


class WritePathViolation(RuntimeError):
    """A synced table was written outside the one write path (a bug)."""


_allowed: contextvars.ContextVar[bool] = contextvars.ContextVar("fieldapp_write_path", default=False)

# Searched anywhere in the statement (not only at its start), so a leading comment or a
# ``WITH … UPDATE`` CTE does not hide a write; a schema prefix (``main.member``) is skipped.
_WRITE = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
    r"(?:[\"`\[]?\w+[\"`\]]?\s*\.\s*)?[\"`\[]?(\w+)",
    re.IGNORECASE,
)
# String literals and comments are blanked out first: text inside them is not a statement.
_LITERALS_AND_COMMENTS = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.DOTALL)


@contextlib.contextmanager
def write_path() -> Iterator[None]:
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)


raw_writes_allowed = write_path  # migrations: same permission, a name that says why


def _check(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
    if _allowed.get():
        return
    for match in _WRITE.finditer(_LITERALS_AND_COMMENTS.sub(" ", statement)):
        if match.group(1).lower() in SYNCED_TABLES:
            raise WritePathViolation(
                f"write to synced table {match.group(1)!r} outside the change writer: {statement[:80]}"
            )


def install(engine: Engine) -> None:
    if not event.contains(engine, "before_cursor_execute", _check):
        event.listen(engine, "before_cursor_execute", _check)
