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

_WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)


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
    match = _WRITE.match(statement)
    if match and match.group(1).lower() in SYNCED_TABLES:
        raise WritePathViolation(
            f"write to synced table {match.group(1)!r} outside the change writer: {statement[:80]}"
        )


def install(engine: Engine) -> None:
    if not event.contains(engine, "before_cursor_execute", _check):
        event.listen(engine, "before_cursor_execute", _check)
