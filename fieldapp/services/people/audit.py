"""The audit log: logins, failed logins, throttling, locks and account changes (``audit_event``).

The table is synced and append-only: events are inserted through the one write path, never
changed. Events that happened while the register was closed come from the keystore's pending
file and are written at the next successful login.
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select

from fieldapp.services.context import AppContext
from fieldapp.store import limits
from fieldapp.store.models import AuditEvent
from fieldapp.store.writer import WriteTxn

KINDS = ("login", "login_failed", "throttled", "lock", "unlock", "logout", "account_created",
         "password_changed", "password_reset", "roles_changed", "export_plain")

_A = AuditEvent.__table__


def record(txn: WriteTxn, kind: str, *, person_id: str | None = None, login_name: str | None = None,
           at_ms: int | None = None, **detail: Any) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown audit event {kind}")
    return txn.insert(AuditEvent, {"at": at_ms or int(time.time() * 1000), "kind": kind, "person_id": person_id,
                                   "login_name": login_name,
                                   "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)})


def log_event(ctx: AppContext, kind: str, **kwargs: Any) -> None:
    """Record one event in its own transaction (a lock, an unlock, a plain export)."""
    if ctx.session is not None:
        kwargs.setdefault("person_id", ctx.session.person_id)
        kwargs.setdefault("login_name", ctx.session.name)
    with ctx.writer.transaction() as txn:
        record(txn, kind, **kwargs)


def events(ctx: AppContext, limit: int = 200) -> list[dict[str, Any]]:
    """The latest events, newest first."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_A.c.at, _A.c.kind, _A.c.person_id, _A.c.login_name, _A.c.detail)
                            .order_by(_A.c.at.desc()).limit(limits.fixed(limit))).mappings().all()
    return [{**r, "detail": json.loads(r["detail"] or "{}")} for r in rows]
