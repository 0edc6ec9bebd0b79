"""Spot-check prints: the checklist for paper use (入户抽查核查表) and the summary (抽查情况汇总).

The checklist has one page (or more) per sampled household: each item as the record stood at the
draw, boxes for 正确 / 不正确 and room for a note, filled in on paper and entered afterwards; an item
already marked shows its finding. The draw's seed and frame hash are printed so the sample can be
re-drawn from the paper. ID numbers are masked (the field catalogue's masking; any ID-length digits in
a note too); bank data is not on a checklist.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from fieldapp.domain import spotcheck as sc
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import (
    Cancelled,
    atomic_output,
    check_cancel,
    grid,
    heading,
    numbered_canvas,
    para,
    styles,
)
from fieldapp.services.spotcheck import checklist, summary

LANG = "zh-Hans"  # printed documents are in Simplified Chinese
BOX, TICK = "□", "■"
LEVELS = {"village": "村", "town": "乡镇"}
STRATA = {"": "不分层", "village": "按村分层", "type": "按户类型分层"}


def when_text(ms: int | None) -> str:
    if ms is None:
        return ""
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def draw_lines(ctx: AppContext, info: checklist.DrawInfo) -> list[str]:
    """The facts of a draw that let anyone re-draw it."""
    role = ctx.ref["role"].label(info.role)
    return [f"抽查范围：{info.area_name}（{LEVELS.get(info.level, info.level)}）；抽查比例 {info.percent}%（{role}）；"
            f"{STRATA.get(info.strata, info.strata)}；抽样框 {info.frame_size} 户，抽中 {len(info.sample)} 户",
            f"抽样人：{info.drawn_by_name or '—'}；抽样时间：{when_text(info.drawn_at)}；随机种子：{info.seed}",
            f"抽样框校验值（SHA-256）：{info.frame_hash}",
            f"复核：fieldapp spotcheck redraw {info.id}"]


def render_checklist(ctx: AppContext, draw_id: str, out: Path | str, *, household_id: str | None = None,
                     cancelled: Cancelled | None = None) -> Path:
    """The checklist of a draw (or of one of its households) as a PDF at ``out``."""
    info = checklist.get_draw(ctx.db, draw_id)
    homes = [h for h in checklist.draw_households(ctx.db, info.id) if household_id in (None, h.household_id)]
    if not homes:
        raise LookupError("该抽样中没有本机可打印的农户" if household_id is None else f"户 {household_id} 不在该抽样中")
    names = checklist.names_for(ctx.db)
    st = styles()
    story: list[Any] = []
    for n, home in enumerate(homes):
        check_cancel(cancelled)
        if n:
            story.append(PageBreak())
        story += [Paragraph("入户抽查核查表", st["title"]),
                  para(f"{home.village_name} 户主 {home.head_name or '—'}（户编号 {home.hh_no or '—'}）"
                       f"　第 {n + 1} 户 / 共 {len(homes)} 户", st["subtitle"])]
        story += [para(line, st["note"]) for line in draw_lines(ctx, info)]
        story.append(Spacer(1, 3 * mm))
        items = checklist.draw_items(ctx.db, info.id, home.household_id)
        rows: list[list[Any]] = [[para(h, st["head"]) for h in ("序号", "项目", "抽样时的记录", "正确", "不正确",
                                                                 "说明")]]
        for item in items:
            title = checklist.item_title(ctx.ref, item, LANG)
            rows.append([para(str(item.position), st["cell"]), para(title, st["cell"]),
                         para(checklist.item_text(ctx.ref, item, names, LANG), st["cell"]),
                         para(TICK if item.result == sc.CORRECT else BOX, st["head"]),
                         para(TICK if item.result == sc.INCORRECT else BOX, st["head"]),
                         para(item.note or "", st["cell"])])
        table = LongTable(rows, colWidths=[w * mm for w in (10, 30, 82, 11, 13, 34)], repeatRows=1)
        table.setStyle(grid())
        story.append(table)
        story += [Spacer(1, 6 * mm),
                  para("抽查人（签字）：＿＿＿＿＿＿　　　被查户（签字）：＿＿＿＿＿＿　　　"
                       "日期：＿＿＿＿年＿＿月＿＿日", st["body"]),
                  para("判为“不正确”的项目请在说明栏写明哪里不对、应当如何；录入后生成整改任务，由填报该项的干部整改。",
                       st["note"])]
    return _build(out, story, f"抽查 {info.id[:8]}", cancelled)


def render_summary(ctx: AppContext, out: Path | str, *, draw_ids: tuple[str, ...] = (),
                   today: dt.date | None = None, cancelled: Cancelled | None = None) -> Path:
    """The summary per village and per cadre as a PDF at ``out``."""
    result = summary.summary(ctx.db, draw_ids, today=today)
    st = styles()
    scope = "全部抽样" if not draw_ids else "抽样 " + "、".join(d[:8] for d in draw_ids)
    story: list[Any] = [Paragraph("抽查情况汇总", st["title"]),
                        para(f"{scope}；统计日期 {result.today.isoformat()}", st["subtitle"])]
    for title, lines in (("一、按村", result.by_village), ("二、按责任人", result.by_cadre)):
        story += heading(title, st)
        story.append(_tally_table(lines, result.total, st, "村" if lines is result.by_village else "责任人"))
    story += [Spacer(1, 4 * mm),
              para("差错率＝判为不正确的项目数÷已检查项目数；按期整改＝经审核员确认、且完成日期不晚于整改期限的整改数；"
                   "逾期未改＝已过期限、尚未报告完成的整改数。", st["note"])]
    return _build(out, story, "抽查情况汇总", cancelled)


def _tally_table(lines: tuple[summary.Line, ...], total: sc.Tally, st: dict[str, Any], first: str) -> LongTable:
    header = [first, "检查项数", "不正确", "差错率", "整改数", "已确认", "按期整改", "逾期未改"]

    def row(name: str, t: sc.Tally) -> list[Any]:
        values = [t.checked, t.incorrect, sc.percent_text(t.error_rate), t.rectifications, t.closed,
                  t.closed_on_time, t.open_overdue]
        return [para(name, st["cell"]), *[para(str(v), st["num"]) for v in values]]

    body = [[para(h, st["head"]) for h in header], *[row(line.name, line.tally) for line in lines],
            row("合计", total)]
    table = LongTable(body, colWidths=[w * mm for w in (40, 20, 18, 20, 18, 18, 20, 20)], repeatRows=1)
    table.setStyle(grid(total_row=True))
    return table


def _build(out: Path | str, story: list[Any], footer: str, cancelled: Cancelled | None) -> Path:
    check_cancel(cancelled)
    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm,
                                bottomMargin=16 * mm, title=footer, author="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(footer))
    return Path(out)
