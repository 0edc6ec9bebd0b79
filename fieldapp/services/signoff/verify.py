"""The district's check of a printed verification code: who signed what and when, whether the signature
is valid, and whether the register's current copy still matches what was signed.

Used by ``fieldapp-server verify CODE`` and the admin page's form (and works on a laptop's register too).
Differences are given in words with sensitive values masked (the catalogue's rules), never in full.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain import refdata
from fieldapp.domain.signoff import DiffLine, normalise_code
from fieldapp.services.signoff import keys, service
from fieldapp.store.db import Database


@dataclass(frozen=True)
class CodeReport:
    """What a code names, as the register holds it (``matches`` None: no copy of the subject to compare)."""

    code: str
    subject: str
    signer: str
    role: str
    signed_at: str
    valid: bool
    problems: tuple[str, ...]
    matches: bool | None
    lines: tuple[DiffLine, ...]
    key_id: str
    key_note: str

    @property
    def verdict(self) -> str:
        """One line: 有效且一致 / 有效，但签字后已修改 / 签名无效."""
        if not self.valid:
            return "签名无效"
        if self.matches is None:
            return "签名有效（本库无此对象的当前数据可比对）"
        return "签名有效，内容与区县当前数据一致" if self.matches else "签名有效，但签字后数据已修改"


def check_code(db: Database, code: str, ref: refdata.RefData | None = None,
               lang: str = refdata.DEFAULT_LANGUAGE) -> list[CodeReport]:
    """Reports for the sign-offs ``code`` names (empty: none here). Raises ``SignoffError`` for a code that
    is malformed or has a wrong check character."""
    ref = ref or refdata.default()
    printed = normalise_code(code)
    reports = []
    for record in service.by_code(db, printed):
        problems = service.problems(db, record)
        matches, _diffs, lines = service.compare(db, record, ref, lang) if not problems else (None, [], [])
        with db.read() as conn:
            key = keys.key(conn, record.key_id)
        note = "公钥未登记" if key is None else (
            f"公钥 {record.key_id[:8]}，{service.when_text(key.created_at)} 登记（设备 {key.row_device[-8:]}）"
            + (f"，{service.when_text(key.retired_at)} 停用" if key.retired_at else ""))
        reports.append(CodeReport(printed, service.subject_text(db, record, ref), record.person_name,
                                  record.role_label(ref, lang), record.signed_text, not problems, tuple(problems),
                                  matches, tuple(lines), record.key_id, note))
    return reports
