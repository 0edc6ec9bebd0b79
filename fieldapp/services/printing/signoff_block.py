"""The sign-off block of a printed record: who signed (签字背书), in which role, when, the short
verification code and its QR code, so the district can check the paper against its copy
(``fieldapp-server verify CODE``).

The block says the truth about the sign-off as the register holds it when printing: valid, changed
since signed (then it asks for a new signature), or a signature that does not check. It carries
no personal data: the QR code holds only the verification code.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from fieldapp.domain.signoff import qr_payload
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import para
from fieldapp.services.printing.layout import draw_qr
from fieldapp.services.signoff import service

QR_SIZE = 24 * mm


class QrFlowable(Flowable):
    """A QR code of ``payload``, ``size`` points square (vector, crisp at any zoom)."""

    def __init__(self, payload: str, size: float = QR_SIZE) -> None:
        super().__init__()
        self.payload = payload
        self.size = size

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)


def signoff_block(ctx: AppContext, subject: str, subject_id: str, st: dict[str, Any], width: float) -> list[Any]:
    """The block for the latest sign-off of the subject (nothing when it was never signed)."""
    table = signoff_table(ctx, subject, subject_id, st, width)
    return [] if table is None else [KeepTogether([Spacer(1, 6 * mm), table])]


def signoff_table(ctx: AppContext, subject: str, subject_id: str, st: dict[str, Any], width: float) -> Table | None:
    """The boxed signature, code and QR code alone (to place beside other content); None: never signed."""
    found = service.status(ctx.db, subject, subject_id, ref=ctx.ref)
    record = found.signoff
    if record is None:
        return None
    lines = [f"签字背书：{record.person_name}（{record.role_label(ctx.ref)}）　签字时间：{record.signed_text}",
             f"验证码：{record.code}　（区县核对：扫描二维码或输入验证码）"]
    if found.state == service.CHANGED:
        lines.append(f"注意：签字后本档案已修改 {len(found.lines)} 处，本打印件内容未经签字确认，请重新签字。")
    elif found.state == service.INVALID:
        lines.append("注意：签名无法核验（" + "；".join(found.problems) + "），本签字无效。")
    else:
        lines.append("本打印件内容与签字时一致。")
    text = [para(line, st["body"]) for line in lines]
    table = Table([[text, QrFlowable(qr_payload(record.code))]], colWidths=[width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 0.6, "#999999"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 4)])
    return table
