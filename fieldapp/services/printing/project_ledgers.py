"""The project ledger (项目台账) and the fund ledger (资金台账) of a village, town or district as landscape A4 PDFs.

The figures are :mod:`fieldapp.services.projects.ledgers`' (the same as the .xlsx of
:mod:`fieldapp.services.excel.projects` and the screen): nothing is added up here except what a table's totals
row shows, and that from the same lines. Each table has its header repeated on every page and a totals row.
Money is printed in 元 with two decimals. A money cell of a fund channel holds two lines: budgeted, and in grey
what was disbursed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, SimpleDocTemplate

from fieldapp.domain import projects as rules
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import atomic_output, grid, numbered_canvas, para, styles, yuan
from fieldapp.services.projects import ledgers
from fieldapp.services.projects.ledgers import channel_codes, channel_label

log = logging.getLogger("fieldapp.services.printing")

PAGE_W = landscape(A4)[0] - 24 * mm
SCOPE_WORDS = {"village": "村", "town": "乡镇", "district": "区县"}


def _two(budget: int, paid: int, st: dict[str, Any]) -> Paragraph:
    """Budgeted over disbursed; blank for a channel with neither (the line's channels stand out)."""
    if not budget and not paid:
        return Paragraph("", st["num"])
    return Paragraph(f"{escape(yuan(budget))}<br/><font color='#555555'>{escape(yuan(paid))}</font>", st["num"])


def _table(body: list[list[Any]], widths_mm: Sequence[float], *, total: bool = True,
           header_rows: int = 1) -> LongTable:
    scale = PAGE_W / (sum(widths_mm) * mm)  # the widths are proportions of the page's width
    table = LongTable(body, colWidths=[w * mm * scale for w in widths_mm], repeatRows=header_rows)
    table.setStyle(grid(header_rows=header_rows, total_row=total, pad=2.5))
    return table


def _doc(story: list[Flowable], out_path: Path | str, title: str, day: dt.date) -> Path:
    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=12 * mm, bottomMargin=16 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(f"{title}　打印于 {day.isoformat()}"))
    return target


def _totals_table(ctx: AppContext, rows: Sequence[ledgers.Totals], total: ledgers.Totals, channels: list[str],
                  *, st: dict[str, Any], first: str) -> LongTable:
    head = [first, "项目数", *(channel_label(ctx.ref, c) for c in channels), "合计", "批复金额"]
    body: list[list[Any]] = [[para(h, st["head"]) for h in head]]
    for t in [*rows, total]:
        name = "合计" if t is total else t.name
        body.append([para(name, st["cell"]), para(str(t.projects), st["num"]),
                     *(_two(t.budget.get(c, 0), t.disbursed.get(c, 0), st) for c in channels),
                     _two(t.budget_total, t.disbursed_total, st), para(yuan(t.approved), st["num"])])
    return _table(body, [30, 12, *([26] * len(channels)), 28, 26])


def render_project_ledger(ctx: AppContext, area_id: str, out_path: Path | str, *,
                          today: dt.date | None = None) -> ledgers.ProjectLedger:
    """项目台账 of the area (village, town or district) as a PDF; returns the ledger printed."""
    st = styles(7.5)
    day = today or dt.date.today()
    ledger = ledgers.project_ledger(ctx.db, area_id)
    channels = channel_codes(ctx.ref, ledger.channels)
    title = f"{ledger.scope.name}帮扶项目台账"
    head = ["序号", "村（乡镇）", "项目名称", "类型", "实施单位", "状态", "年度",
            *(channel_label(ctx.ref, c) for c in channels), "合计", "批复金额", "受益户", "进度"]
    body: list[list[Any]] = [[para(h, st["head"]) for h in head]]
    for i, p in enumerate(ledger.lines, start=1):
        industry = f"（{ctx.ref['industry'].label(p.industry)}）" if p.industry else ""
        body.append([
            para(str(i), st["num"]), para(p.area_name, st["cell"]), para(p.name, st["cell"]),
            para(ctx.ref["project_type"].label(p.type) + industry, st["cell"]), para(p.unit, st["cell"]),
            para(rules.status_word(p.status), st["cell"]), para(str(p.year or ""), st["cell"]),
            *(_two(p.budget.get(c, 0), p.disbursed.get(c, 0), st) for c in channels),
            _two(p.budget_total, p.disbursed_total, st),
            para("" if p.approved is None else yuan(p.approved), st["num"]),
            para(f"{p.beneficiaries} 户" if p.beneficiaries else "", st["num"]),
            para("" if p.percent is None else f"{p.percent}%", st["num"])])
    t = ledger.total
    body.append([para("合计", st["cell"]), para(f"{t.projects} 个项目", st["cell"]), "", "", "", "", "",
                 *(_two(t.budget.get(c, 0), t.disbursed.get(c, 0), st) for c in channels),
                 _two(t.budget_total, t.disbursed_total, st), para(yuan(t.approved), st["num"]),
                 para(f"{t.beneficiaries} 户次", st["num"]), ""])
    table = _table(body, [8, 16, 32, 18, 24, 12, 10, *([22] * len(channels)), 24, 22, 12, 10])
    table.setStyle([("SPAN", (1, -1), (6, -1))])
    story: list[Flowable] = [
        Paragraph(title, st["title"]),
        para(f"截至 {day.year}年{day.month}月{day.day}日，共 {t.projects} 个项目。金额单位：元；各资金渠道及合计栏"
             "上行为预算，下行（灰色）为已拨付。", st["subtitle"]), table]
    if ledger.scope.level != "village" and len(ledger.by_area) > 0:
        story += [CondPageBreak(45 * mm), Paragraph("按村（乡镇）汇总", st["heading"]),
                  _totals_table(ctx, ledger.by_area, t, channels, st=st, first="村（乡镇本级）")]
    if ledger.scope.level == "district" and len(ledger.by_town) > 0:
        story += [CondPageBreak(45 * mm), Paragraph("按乡镇汇总", st["heading"]),
                  _totals_table(ctx, ledger.by_town, t, channels, st=st, first="乡镇")]
    _doc(story, out_path, title, day)
    log.info("project ledger of %s (%d projects) written to %s", ledger.scope.name, t.projects, out_path)
    return ledger


def render_fund_ledger(ctx: AppContext, area_id: str, out_path: Path | str, *, year: int | None = None,
                       today: dt.date | None = None) -> ledgers.FundLedger:
    """资金台账 of the area for a year (None: every year) as a PDF; returns the ledger printed."""
    st = styles(8)
    day = today or dt.date.today()
    ledger = ledgers.fund_ledger(ctx.db, area_id, year)
    period = f"{year}年度" if year else ""
    title = f"{ledger.scope.name}{period}扶贫资金台账"
    story: list[Flowable] = [
        Paragraph(title, st["title"]),
        para(f"截至 {day.year}年{day.month}月{day.day}日。金额单位：元。预算、批复按项目年度（批复日期所在年，"
             "未批复的按计划开工年）计，拨付按拨付日期所在年计；批复金额不分渠道，“已批复项目预算”为已批复项目在该渠道的预算。",
             st["subtitle"]),
        Paragraph("一、按年度和资金渠道", st["heading"])]
    head = ["年度", "资金渠道", "预算", "已批复项目预算", "批复金额", "已拨付"]
    body: list[list[Any]] = [[para(h, st["head"]) for h in head]]
    subtotal_rows = []
    for y in ledger.years:
        for r in (r for r in ledger.rows if r.year == y.year):
            body.append([para(str(r.year or "未定年度"), st["cell"]),
                         para(channel_label(ctx.ref, r.channel), st["cell"]),
                         para(yuan(r.budgeted), st["num"]), para(yuan(r.approved_budget), st["num"]), "",
                         para(yuan(r.disbursed), st["num"])])
        subtotal_rows.append(len(body))
        body.append([para(f"{y.year or '未定年度'}年小计" if y.year else "未定年度小计", st["cell"]), "",
                     para(yuan(y.budgeted), st["num"]), "", para(yuan(y.approved), st["num"]),
                     para(yuan(y.disbursed), st["num"])])
    body.append([para("合计", st["cell"]), "", para(yuan(ledger.budgeted), st["num"]), "",
                 para(yuan(ledger.approved), st["num"]), para(yuan(ledger.disbursed), st["num"])])
    table = _table(body, [20, 30, 30, 30, 30, 30])
    from fieldapp.services.printing.common import TOTAL_FILL

    table.setStyle([("BACKGROUND", (0, r), (-1, r), TOTAL_FILL) for r in subtotal_rows])
    story.append(table)
    if ledger.scope.level != "village" and ledger.by_area:
        channels = channel_codes(ctx.ref, *(a.budgeted for a in ledger.by_area), *(a.disbursed for a in ledger.by_area))
        story += [CondPageBreak(45 * mm), Paragraph("二、按村（乡镇）汇总（上行预算，下行已拨付）", st["heading"])]
        body = [[para(h, st["head"]) for h in ["村（乡镇本级）", *(channel_label(ctx.ref, c) for c in channels),
                                               "合计", "批复金额"]]]
        for a in ledger.by_area:
            body.append([para(a.name, st["cell"]),
                         *(_two(a.budgeted.get(c, 0), a.disbursed.get(c, 0), st) for c in channels),
                         _two(sum(a.budgeted.values()), sum(a.disbursed.values()), st),
                         para(yuan(a.approved), st["num"])])
        body.append([para("合计", st["cell"]),
                     *(_two(sum(a.budgeted.get(c, 0) for a in ledger.by_area),
                            sum(a.disbursed.get(c, 0) for a in ledger.by_area), st) for c in channels),
                     _two(ledger.budgeted, ledger.disbursed, st), para(yuan(ledger.approved), st["num"])])
        story.append(_table(body, [34, *([28] * len(channels)), 30, 28]))
    story += [CondPageBreak(45 * mm),
              Paragraph(f"{'三' if ledger.scope.level != 'village' else '二'}、资金拨付明细", st["heading"])]
    body = [[para(h, st["head"]) for h in ["序号", "拨付日期", "村（乡镇）", "项目", "资金渠道", "金额", "拨付对象",
                                           "凭证号"]]]
    for i, d in enumerate(ledger.disbursements, start=1):
        body.append([para(str(i), st["num"]), para(d.date.isoformat(), st["cell"]), para(d.area_name, st["cell"]),
                     para(d.project_name, st["cell"]), para(channel_label(ctx.ref, d.channel), st["cell"]),
                     para(yuan(d.amount), st["num"]), para(d.payee, st["cell"]), para(d.voucher_no, st["cell"])])
    body.append([para("合计", st["cell"]), para(f"{len(ledger.disbursements)} 笔", st["cell"]), "", "", "",
                 para(yuan(sum(d.amount for d in ledger.disbursements)), st["num"]), "", ""])
    story.append(_table(body, [10, 20, 22, 50, 24, 28, 36, 26]))
    _doc(story, out_path, title, day)
    log.info("fund ledger of %s (%d disbursements) written to %s", ledger.scope.name, len(ledger.disbursements),
             out_path)
    return ledger
