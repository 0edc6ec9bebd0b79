"""The public notice list (公示名单) of households proposed to enter or to exit the register.

A notice is posted where the whole village reads it: landscape A4, large type, the
notice period, whom to tell of an objection, the issuing body and date. It lists the
household head's name, group, de-identified ID number (``6125**********1234``),
household size, attribute and the reason; never a full ID number, member health or
bank data. The period may not be shorter than ``notice_minimum_days`` of ``workflows.json``.

Notices of the workflows (:mod:`fieldapp.services.printing.workflow_notice`) are drawn by the same
:func:`render_notice`, with the households at the step, their own title and intro and the issuer's
signature with its verification QR code; the list the caller names (``--households``) is the older
way, kept for the print page until it moves to the workflow's notices.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.resident_id import mask
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import (
    atomic_output,
    date_text,
    grid,
    numbered_canvas,
    para,
    styles,
    village_names,
    yuan,
)
from fieldapp.store.models import Household, HouseholdListRow, Indicator

log = logging.getLogger("fieldapp.services.printing")

KINDS = {"entry": "纳入建档立卡贫困户", "exit": "退出贫困户"}
INTRO = {
    "entry": "根据精准识别工作程序，经农户申请、村民代表大会民主评议、村“两委”和驻村工作队入户核实，"
             "拟将以下{households}户{people}人纳入建档立卡贫困户，现予以公示。",
    "exit": "根据贫困户退出工作程序，经村民代表大会民主评议、村“两委”和驻村工作队入户核实、贫困户认可，"
            "拟将以下{households}户{people}人退出贫困户，现予以公示。",
}
HEADER = ["序号", "组", "户主姓名", "证件号码", "家庭人口", "贫困户属性", "理由"]
WIDTHS_MM = [15, 15, 30, 52, 28, 42, 0]  # 家庭人口 in the header needs 26 mm at 13 pt


def notice_problems(ids: Sequence[str], kind: str, start: dt.date, end: dt.date, contact: str, *,
                    minimum: int = 1) -> dict[str, str]:
    p = {}
    if not ids:
        p["households"] = "请至少选择一户"
    if kind not in KINDS:
        p["kind"] = "公示类别应为 entry（纳入）或 exit（退出）"
    if end < start:
        p["end"] = "公示结束日期不能早于开始日期"
    elif (end - start).days + 1 < minimum:
        p["end"] = f"公示期只有 {(end - start).days + 1} 天，公示期不得少于 {minimum} 天"
    if not contact.strip():
        p["contact"] = "请填写异议受理联系人及电话"
    return p


def _rows(ctx: AppContext, ids: Sequence[str]) -> tuple[list[dict[str, Any]], dict[str, bool]]:
    h, lst, ind = Household.__table__, HouseholdListRow.__table__, Indicator.__table__
    with ctx.db.read() as conn:
        found = {r.household_id: dict(r._mapping) for r in conn.execute(
            select(lst, h.c.cause2, h.c.cause3).join(h, h.c.id == lst.c.household_id)
            .where(lst.c.household_id.in_(list(ids))))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise LookupError(f"户 {missing[0]} 不存在或已删除")
        unmet = {r.household_id for r in conn.execute(
            select(ind.c.household_id).where(ind.c.household_id.in_(list(ids)), ind.c.deleted.is_(False),
                                             ind.c.met.is_not(True)))}
        checked = {r.household_id for r in conn.execute(
            select(ind.c.household_id).where(ind.c.household_id.in_(list(ids)), ind.c.deleted.is_(False)))}
    return [found[i] for i in ids], {i: i in checked and i not in unmet for i in ids}


def default_reason(ctx: AppContext, row: Mapping[str, Any], kind: str, guaranteed: bool) -> str:
    """Entry: the causes. Exit: the latest per-person income and whether 两不愁三保障 are met."""
    causes = ctx.ref["poverty_cause"]
    if kind == "entry":
        return "、".join(causes.label(c) for c in (row["main_cause"], row["cause2"], row["cause3"]) if c)
    parts = []
    if row["per_person_income"] is not None:
        parts.append(f"{row['income_year']}年人均纯收入{yuan(row['per_person_income'])}元")
    if guaranteed:
        parts.append("“两不愁三保障”及饮水安全达标")
    return "，".join(parts)


def render_notice(ctx: AppContext, household_ids: Sequence[str], out_path: Path | str, *, kind: str,
                  start: dt.date, end: dt.date, contact: str, issuer: str | None = None,
                  reasons: Mapping[str, str] | None = None, today: dt.date | None = None,
                  title: str | None = None, intro: str | None = None, tail: Sequence[Any] = (),
                  word: str = "公示") -> Path:
    """Write the notice list; raises ValidationError for a bad request, LookupError for an unknown household.
    ``title``/``intro`` replace the hand-picked list's ({place}, {households} and {people} filled in);
    ``tail`` is drawn after the issuer (a signature block); ``word`` names the period (公示, or 公告)."""
    from fieldapp.domain import workflow as flows

    problems = notice_problems(household_ids, kind, start, end, contact,
                               minimum=flows.definitions(ctx.ref).notice_minimum_days)
    if problems:
        raise ValidationError(problems)
    rows, guaranteed = _rows(ctx, household_ids)
    with ctx.db.read() as conn:
        villages = village_names(conn)
    names = list(dict.fromkeys(villages.get(r["village_id"], "") for r in rows))
    place = "、".join(n for n in names if n) or ctx.settings["town_name"]
    issuer = issuer or (f"{names[0]}村民委员会" if len(names) == 1 else f"{ctx.settings['town_name']}人民政府")
    st = styles(13)
    big = ParagraphStyle("notice-title", parent=st["title"], fontSize=26, leading=34, spaceAfter=10)
    body_style = ParagraphStyle("notice-body", parent=st["body"], fontSize=14, leading=24, firstLineIndent=28)
    right = ParagraphStyle("notice-sign", parent=st["body"], fontSize=14, leading=24, alignment=TA_RIGHT)
    people = sum(r["member_count"] or 0 for r in rows)
    table_rows: list[list[Any]] = [[para(c, st["head"]) for c in HEADER]]
    for i, r in enumerate(rows, start=1):
        reason = (reasons or {}).get(r["household_id"]) or default_reason(ctx, r, kind, guaranteed[r["household_id"]])
        cells = [str(i), str(r["group_no"] or ""), r["head_name"] or "", mask(r["head_id_no"]),
                 str(r["member_count"] or 0), ctx.ref["household_attribute"].label(r["attribute"]), reason]
        table_rows.append([para(c, st["cell"]) for c in cells])
    width = landscape(A4)[0] - 30 * mm
    widths = [w * mm for w in WIDTHS_MM[:-1]]
    widths.append(width - sum(widths))
    table = LongTable(table_rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid(pad=5))
    days = (end - start).days + 1
    day = today or dt.date.today()
    title = (title or "{place}拟" + KINDS[kind] + "名单公示").format(place=place)
    story = [
        Paragraph(title, big),
        para((intro or INTRO[kind]).format(households=len(rows), people=people), body_style),
        para(f"{word}期：{date_text(start)}至{date_text(end)}（共{days}天）。{word}期内，如有异议，"
             f"请以书面或口头形式向{contact.strip()}反映。", body_style),
        Spacer(1, 4 * mm), table, Spacer(1, 8 * mm),
        KeepTogether([para(issuer, right), para(date_text(day), right)]),
        *tail,
    ]
    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=14 * mm, bottomMargin=16 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas())
    log.info("%s notice of %d households written to %s", kind, len(rows), target)
    return target
