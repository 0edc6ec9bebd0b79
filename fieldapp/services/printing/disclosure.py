"""The printed disclosure notice (资金公示): a village's 资金使用计划, 项目公示, 项目完成公告 or 到户补助公示.

Posted where the whole village reads it: landscape A4, large type. It prints the figures the notice
states as issued and signed (never the ledger of the day of printing, never typed), the period with its
first and last day, where to object, the issuing body and the issuer's signature with its verification
QR code (``fieldapp-server verify CODE``). When the ledger changed after issue, or the stored notice no
longer matches its signature, a boxed line at the top says so: the notice is out of date, issue a new one.
Households appear by group, 户编号, head's name and masked ID number; no health or bank data, and no
payee of a disbursement (it may name a person or carry an account number).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, Table

from fieldapp.domain import disclosure as rules
from fieldapp.domain import projects as project_rules
from fieldapp.domain.workflow import day_of
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure.service import DisclosureView, standing
from fieldapp.services.printing.common import atomic_output, date_text, grid, numbered_canvas, para, styles, yuan
from fieldapp.services.printing.signoff_block import signoff_table

log = logging.getLogger("fieldapp.services.printing")
WIDTH = landscape(A4)[0] - 30 * mm


def title_of(view: DisclosureView) -> str:
    if view.kind == rules.PLAN:
        return f"{view.village_name}{view.year}年度扶贫资金使用计划公示"
    if view.kind == rules.SUBSIDY:
        what = f"“{view.project_name}”" if view.project_id else f"{view.year}年度"
        return f"{view.village_name}{what}到户补助资金公示"
    return f"“{view.project_name}”{rules.KIND_WORDS[view.kind]}"


def render_disclosure(ctx: AppContext, view: DisclosureView, out_path: Path | str) -> Path:
    """Write the notice's PDF from its stored figures, with its standing, period, contact and signature."""
    st = styles(12)
    big = ParagraphStyle("disclosure-title", parent=st["title"], fontSize=24, leading=32, spaceAfter=8)
    body = ParagraphStyle("disclosure-body", parent=st["body"], fontSize=13, leading=22, firstLineIndent=26)
    right = ParagraphStyle("disclosure-sign", parent=st["body"], fontSize=13, leading=22, alignment=TA_RIGHT)
    warn = ParagraphStyle("disclosure-warn", parent=st["body"], fontSize=12, leading=18, textColor="#b00020")
    channel = ctx.ref["fund_channel"].label
    f = view.figures
    story: list[Any] = []
    state = standing(ctx, view)
    if not state.holds:
        box = Table([[para("注意：" + state.text(), warn)]], colWidths=[WIDTH])
        box.setStyle([("BOX", (0, 0), (-1, -1), 1.2, "#b00020"), ("LEFTPADDING", (0, 0), (-1, -1), 8)])
        story += [box, Spacer(1, 3 * mm)]
    title = title_of(view)
    story += [Paragraph(title, big), para(_intro(ctx, view), body)]
    story += _tables(ctx, view, f, st, channel)
    word = "公告" if view.kind == rules.COMPLETION else "公示"
    story += [Spacer(1, 3 * mm),
              para(f"{word}期：{date_text(view.period_start)}至{date_text(view.period_end)}（共{view.days}天）。"
                   f"{word}期内，如对上述项目、资金或补助对象有异议，请以书面或口头形式向{view.contact}反映。", body),
              _closing(ctx, view, right)]
    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=14 * mm, bottomMargin=16 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas())
    log.info("%s disclosure %s written to %s", view.kind, view.id, target)
    return target


def _closing(ctx: AppContext, view: DisclosureView, right: ParagraphStyle) -> Table:
    """The signature block (verification code and QR) beside the issuing body and date: one band, kept together."""
    issuer = [Spacer(1, 4 * mm), para(_issuer(ctx, view), right), para(date_text(day_of(view.issued_at)), right)]
    signed = signoff_table(ctx, "disclosure", view.id, styles(10), WIDTH - 72 * mm) or ""
    band = Table([[signed, issuer]], colWidths=[WIDTH - 70 * mm, 70 * mm])
    band.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return band


def _channel_order(ctx: AppContext, *amounts: Mapping[str, int]) -> list[str]:
    """The channels of ``amounts`` in the reference data's order (上级, 本级财政, 金融, 社会)."""
    used = {c for a in amounts for c in a}
    order = [c.code for c in ctx.ref["fund_channel"].codes]
    return [c for c in order if c in used] + sorted(used - set(order))


def _issuer(ctx: AppContext, view: DisclosureView) -> str:
    if view.village_name and view.village_name != ctx.settings["town_name"]:
        return f"{view.village_name}村民委员会"
    return f"{ctx.settings['town_name']}人民政府"


def _by_channel(amounts: Mapping[str, int], channel: Any, order: list[str]) -> str:
    return "；".join(f"{channel(c)} {yuan(amounts[c])}元" for c in order if c in amounts) or "—"


def _intro(ctx: AppContext, view: DisclosureView) -> str:
    f = view.figures
    channel = ctx.ref["fund_channel"].label
    order = _channel_order(ctx, f.get("budget", {}), f.get("disbursed", {}))
    if view.kind == rules.PLAN:
        return (f"根据扶贫资金公开公示的规定，现将本村{view.year}年度扶贫项目及资金使用计划予以公示：共"
                f"{len(f['projects'])}个项目，预算资金{yuan(f['budget_total'])}元"
                f"（{_by_channel(f['budget'], channel, order)}），"
                f"已批复{yuan(f['approved_total'])}元。")
    if view.kind == rules.PROJECT:
        approved = (f"已于{date_text(f['approved_on'])}批复{yuan(f['approved'])}元" if f["approved"] is not None
                    else "尚未批复")
        p = f["project"]
        return (f"“{p['name']}”项目拟于{date_text(p['planned_start'])}开工，由{p['unit']}实施。项目总预算"
                f"{yuan(f['budget_total'])}元（{_by_channel(f['budget'], channel, order)}），{approved}；"
                f"受益户{f['households']}户，计划到户资金{yuan(f['beneficiary_total'])}元。现予以公示。")
    if view.kind == rules.COMPLETION:
        a, p = f["acceptance"], f["project"]
        return (f"“{p['name']}”项目由{p['unit']}实施，于{date_text(p['actual_start'])}开工、"
                f"{date_text(p['actual_end'])}完工，{date_text(a['date'])}经{('、'.join(a['members']))}验收"
                f"{'合格' if a['passed'] else '不合格'}。批复资金{yuan(f['approved'])}元，实际拨付"
                f"{yuan(f['disbursed_total'])}元（{_by_channel(f['disbursed'], channel, order)}）。现予以公告。")
    scope = f"“{view.project_name}”项目" if view.project_id else f"{view.year}年度各扶贫项目"
    return (f"现将{scope}到户补助资金予以公示：共{f['households']}户，补助资金合计{yuan(f['total'])}元。"
            "证件号码已作脱敏处理。")


def _table(rows: list[list[str]], widths_mm: Sequence[float], st: dict[str, Any], *, numeric: set[int],
           total: bool = True) -> LongTable:
    """A ruled table of fixed column widths, centred, its last row a shaded total."""
    widths = [w * mm for w in widths_mm]
    cells = [[para(c, st["head"]) for c in rows[0]]]
    cells += [[para(c, st["num"] if i in numeric else st["cell"]) for i, c in enumerate(r)] for r in rows[1:]]
    table = LongTable(cells, colWidths=widths, repeatRows=1)
    table.setStyle(grid(pad=4, total_row=total))
    return table


def _tables(ctx: AppContext, view: DisclosureView, f: Mapping[str, Any], st: dict[str, Any],
            channel: Any) -> list[Any]:
    kinds = ctx.ref["project_type"].label
    codes = _channel_order(ctx, f.get("budget", {}), f.get("disbursed", {}))
    if view.kind == rules.PLAN:
        head = ["序号", "项目名称（实施单位）", "类型", *(f"{channel(c)}（元）" for c in codes), "预算合计（元）",
                "批复金额（元）", "状态"]
        rows = [head]
        for i, p in enumerate(f["projects"], start=1):
            rows.append([str(i), f"{p['name']}\n（{p['unit']}）", kinds(p["type"]),
                         *(yuan(p["budget"].get(c, 0)) for c in codes), yuan(p["budget_total"]),
                         "—" if p["approved"] is None else yuan(p["approved"]), project_rules.status_word(p["status"])])
        rows.append(["", "合计", "", *(yuan(f["budget"][c]) for c in codes), yuan(f["budget_total"]),
                     yuan(f["approved_total"]), ""])
        money = set(range(3, 5 + len(codes)))
        return [Spacer(1, 3 * mm),
                _table_fixed_last(rows, [12, 0, 24, *([26] * len(codes)), 30, 30, 18], st, numeric=money)]
    if view.kind == rules.PROJECT:
        budget = [["资金渠道", "预算金额（元）"], *([channel(c), yuan(f["budget"][c])] for c in codes),
                  ["合计", yuan(f["budget_total"])]]
        out: list[Any] = [Spacer(1, 3 * mm), _table(budget, [60, 50], st, numeric={1})]
        if f["beneficiaries"]:
            out += [Spacer(1, 4 * mm), _household_table(f["beneficiaries"], st, project=False,
                                                        total=f["beneficiary_total"])]
        return out
    if view.kind == rules.COMPLETION:
        summary = [["资金渠道", "预算（元）", "实际拨付（元）"],
                   *([channel(c), yuan(f["budget"].get(c, 0)), yuan(f["disbursed"].get(c, 0))]
                     for c in codes),
                   ["合计", yuan(f["budget_total"]), yuan(f["disbursed_total"])]]
        lines = [["拨付日期", "资金渠道", "金额（元）", "凭证号"],
                 *([date_text(d["date"]), channel(d["channel"]), yuan(d["amount"]), d["voucher_no"]]
                   for d in f["disbursements"]),
                 ["合计", "", yuan(f["disbursed_total"]), ""]]
        return [Spacer(1, 3 * mm), _table(summary, [60, 50, 50], st, numeric={1, 2}), Spacer(1, 4 * mm),
                _table(lines, [45, 45, 50, 50], st, numeric={2})]
    return [Spacer(1, 3 * mm), _household_table(f["lines"], st, project=not view.project_id, total=f["total"])]


def _household_table(lines: list[Mapping[str, Any]], st: dict[str, Any], *, project: bool, total: int) -> LongTable:
    """序号, 组, 户编号, 户主, masked ID, [项目], amount; a total row."""
    head = ["序号", "组", "户编号", "户主姓名", "证件号码", *(["项目"] if project else []), "补助金额（元）"]
    rows = [head]
    for i, x in enumerate(lines, start=1):
        rows.append([str(i), "" if x["group_no"] is None else str(x["group_no"]), x["hh_no"], x["head"],
                     x["id_masked"], *([x["project"]] if project else []), yuan(x["amount"])])
    rows.append(["", "合计", "", "", "", *([""] if project else []), yuan(total)])
    widths = [16, 14, 52, 36, 58, *([0, 46] if project else [50])]  # a 16-digit 户编号 on one line
    if project:  # the project column takes the rest; the amount a fixed width
        return _table_fixed_last(rows, widths, st, numeric={len(head) - 1})
    return _table(rows, widths, st, numeric={len(head) - 1})


def _table_fixed_last(rows: list[list[str]], widths_mm: Sequence[float], st: dict[str, Any], *,
                      numeric: set[int]) -> LongTable:
    """A table whose column of width 0 takes what the others leave."""
    fixed = sum(w for w in widths_mm if w) * mm
    widths = [w * mm if w else WIDTH - fixed for w in widths_mm]
    cells = [[para(c, st["head"]) for c in rows[0]]]
    cells += [[para(c, st["num"] if i in numeric else st["cell"]) for i, c in enumerate(r)] for r in rows[1:]]
    table = LongTable(cells, colWidths=widths, repeatRows=1)
    table.setStyle(grid(pad=4, total_row=True))
    return table
