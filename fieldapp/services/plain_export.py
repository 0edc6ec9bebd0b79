"""A plain (unencrypted) copy of the register for support: checked, warned about, audited.

The copy holds every ID number, health detail and bank account of the register in the clear, so
only a person holding the ``export.plain`` permission may make one, and every copy is recorded.
Accounts and the audit log come with the people service; until it is there :func:`_require` and
:func:`_audit` are the two seams it fills (the first refuses, the second writes ``audit_event``),
and the copy is logged.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.store import crypt

if TYPE_CHECKING:
    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.services.plain_export")

PERMISSION = "export.plain"
WARNING = ("警告：导出的数据库副本没有加密，含全部身份证号、健康状况和银行账号。"
           "仅供技术支持使用，用完立即删除，不要通过微信、邮件或U盘随意传递。")


def _require(ctx: AppContext, permission: str) -> None:
    """Refuse unless the signed-in person holds ``permission`` (the people service's check, when present)."""
    try:  # by name: the module arrives with accounts
        people = importlib.import_module("fieldapp.services.people")
    except ModuleNotFoundError:
        return
    people.require(ctx, permission)


def _audit(ctx: AppContext, event: str, detail: dict[str, str]) -> None:
    """Record the act in the audit log (the people service's, when present); always in the log file."""
    log.warning("%s: %s", event, detail)
    try:
        audit = importlib.import_module("fieldapp.services.people.audit")
    except ModuleNotFoundError:
        return
    audit.log_event(ctx, "export_plain", **detail)


def export_plain(ctx: AppContext, out: Path) -> Path:
    """Write an unencrypted copy of the register to ``out`` (refused if ``out`` exists)."""
    _require(ctx, PERMISSION)
    written = crypt.export_plain(ctx.db, Path(out))
    _audit(ctx, PERMISSION, {"file": str(written), "encrypted_source": str(ctx.db.key is not None)})
    return written
