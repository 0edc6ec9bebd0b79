"""The asset ledger (资产台账) as a landscape A4 PDF and as a workbook, from the same reads (:mod:`.records`).

The PDF lists each asset (village, project, kind, name, value, location, ownership, manager, state, income and
distributed over the years) with a totals line, then each year's income and its distribution (收益分配: income,
distributed to how many households, retained by the collective) and the signed changes (移交、毁损、处置). The
workbook has the same three lists and one more, every household's share. No ID number is printed.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate
from sqlalchemy import select

from fieldapp.services import xlsx
from fieldapp.services.assets import records
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import atomic_output, grid, heading, numbered_canvas, para, styles, yuan
from fieldapp.store.models import Area

log = logging.getLogger("fieldapp.services.assets")

HEADER = ["序号", "村", "所属项目", "类别", "资产名称", "资产价值（元）", "坐落位置", "产权归属", "管护主体", "状态",
          "登记日期", "累计收益（元）", "累计分配（元）"]
WIDTHS_MM = [9, 14, 32, 12, 32, 22, 24, 28, 22, 12, 18, 22, 0]  # last: the rest
INCOME_HEADER = ["村", "资产名称", "年度", "收益（元）", "分配到户（元）", "分配户数", "村集体留存（元）"]
EVENT_HEADER = ["村", "资产名称", "变更", "日期", "原因", "产权归属", "管护主体", "状态", "登记人"]


def _title(ctx: AppContext, f: records.Filter) -> str:
    if f.area_ids and len(f.area_ids) == 1:
        a = Area.__table__
        with ctx.db.read() as conn:
            name = conn.execute(select(a.c.name).where(a.c.id == f.area_ids[0])).scalar()
        return f"{name or ''}扶贫资产台账"
    return "扶贫资产台账"


def _criteria(ctx: AppContext, f: records.Filter) -> str:
    parts = []
    if f.kind:
        parts.append(f"类别：{ctx.ref['asset_kind'].label(f.kind)}")
    if f.state:
        parts.append(f"状态：{ctx.ref['asset_state'].label(f.state)}")
    return "；".join(parts)


def render_pdf(ctx: AppContext, out_path: Path | str, f: records.Filter | None = None, *,
               today: dt.date | None = None) -> int:
    """Write the ledger of the assets ``f`` selects; returns how many assets it lists."""
    st = styles(8)
    ref = ctx.ref
    f = f or records.Filter()
    lines = records.ledger(ctx.db, f)
    day = today or dt.date.today()
    title = _title(ctx, f)
    body: list[list[Any]] = [[para(c, st["head"]) for c in HEADER]]
    for i, a in enumerate(lines, start=1):
        cells = [str(i), a.area_name, a.project_name, ref["asset_kind"].label(a.kind), a.name, yuan(a.value),
                 a.location, a.owner_name, a.manager, ref["asset_state"].label(a.state), a.recorded_on.isoformat(),
                 yuan(a.income), yuan(a.distributed)]
        body.append([para(c, st["num"] if n in (0, 5, 11, 12) else st["cell"]) for n, c in enumerate(cells)])
    value, income, shared = (sum(a.value for a in lines), sum(a.income for a in lines),
                             sum(a.distributed for a in lines))
    by_kind = "，".join(f"{ref['asset_kind'].label(k)} {n} 项" for k in ("operating", "public", "household")
                       if (n := sum(a.kind == k for a in lines)))
    body.append([para("合计", st["cell"]), para(f"{len(lines)} 项" + (f"（{by_kind}）" if by_kind else ""),
                                              st["cell"]), "", "", "", para(yuan(value), st["num"]), "", "", "", "",
                 "", para(yuan(income), st["num"]), para(yuan(shared), st["num"])])
    page_w = landscape(A4)[0] - 24 * mm
    widths = [w * mm for w in WIDTHS_MM[:-1]]
    widths.append(page_w - sum(widths))
    table = LongTable(body, colWidths=widths, repeatRows=1)
    style = grid(total_row=True, pad=2.5)
    style.add("SPAN", (1, -1), (4, -1))
    table.setStyle(style)
    criteria = _criteria(ctx, f)
    story: list[Any] = [Paragraph(title, st["title"]),
                        para(f"截至 {day.year}年{day.month}月{day.day}日，共 {len(lines)} 项资产，价值 {yuan(value)} 元"
                             + (f"。筛选条件——{criteria}" if criteria else ""), st["subtitle"]), table]
    story += _income_section(ctx, f, st, page_w)
    story += _event_section(ctx, f, st, page_w)
    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=12 * mm, bottomMargin=16 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(f"{title}　打印于 {day.isoformat()}"))
    log.info("asset ledger of %d assets written to %s", len(lines), target)
    return len(lines)


def _income_section(ctx: AppContext, f: records.Filter, st: Any, page_w: float) -> list[Any]:
    years = records.incomes(ctx.db, f)
    if not years:
        return []
    body: list[list[Any]] = [[para(c, st["head"]) for c in INCOME_HEADER]]
    for y in years:
        cells = [y.area_name, y.asset_name, str(y.year), yuan(y.income), yuan(y.distributed), str(y.households),
                 yuan(y.income - y.distributed)]
        body.append([para(c, st["num"] if n >= 2 else st["cell"]) for n, c in enumerate(cells)])
    income, shared = sum(y.income for y in years), sum(y.distributed for y in years)
    body.append([para("合计", st["cell"]), "", "", para(yuan(income), st["num"]), para(yuan(shared), st["num"]), "",
                 para(yuan(income - shared), st["num"])])
    widths = [30 * mm, 60 * mm, 20 * mm, 36 * mm, 36 * mm, 24 * mm]
    widths.append(page_w - sum(widths))
    table = LongTable(body, colWidths=widths, repeatRows=1)
    table.setStyle(grid(total_row=True, pad=2.5))
    return [*heading("收益及分配", st), table]


def _event_section(ctx: AppContext, f: records.Filter, st: Any, page_w: float) -> list[Any]:
    found = records.events(ctx.db, f)
    if not found:
        return []
    ref = ctx.ref
    body: list[list[Any]] = [[para(c, st["head"]) for c in EVENT_HEADER]]
    for line, e in found:
        body.append([para(c, st["cell"]) for c in (
            line.area_name, line.name, ref["asset_event"].label(e.kind), e.date.isoformat(), e.reason,
            _moved(e.owner_before_name, e.owner_after_name), _moved(e.manager_before, e.manager_after),
            _moved(ref["asset_state"].label(e.state_before), ref["asset_state"].label(e.state_after)),
            e.recorded_by_name or "")])
    widths = [22 * mm, 36 * mm, 14 * mm, 22 * mm, 0, 40 * mm, 36 * mm, 26 * mm, 18 * mm]
    widths[4] = page_w - sum(widths)
    table = LongTable(body, colWidths=widths, repeatRows=1)
    table.setStyle(grid(pad=2.5))
    return [*heading("资产变更（移交、毁损、处置，均经签字）", st), table]


def _moved(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"


def export_xlsx(ctx: AppContext, out_path: Path | str, f: records.Filter | None = None) -> int:
    """The same ledger as a workbook (money in yuan, to the fen); returns how many assets it lists."""
    ref = ctx.ref
    f = f or records.Filter()
    lines = records.ledger(ctx.db, f)
    body: list[list[Any]] = [[i, a.area_name, a.project_name, ref["asset_kind"].label(a.kind), a.name, a.value / 100,
                              a.location, a.owner_name, a.manager, ref["asset_state"].label(a.state), a.recorded_on,
                              a.income / 100, a.distributed / 100] for i, a in enumerate(lines, start=1)]
    body.append(["合计", f"{len(lines)} 项", None, None, None, sum(a.value for a in lines) / 100, None, None, None,
                 None, None, sum(a.income for a in lines) / 100, sum(a.distributed for a in lines) / 100])
    years = [[y.area_name, y.asset_name, y.year, y.income / 100, y.distributed / 100, y.households,
              (y.income - y.distributed) / 100] for y in records.incomes(ctx.db, f)]
    shares = [[s.area_name, s.asset_name, s.year, s.hh_no, s.head, s.amount / 100] for s in records.shares(ctx.db, f)]
    changes = [[line.area_name, line.name, ref["asset_event"].label(e.kind), e.date, e.reason,
                _moved(e.owner_before_name, e.owner_after_name), _moved(e.manager_before, e.manager_after),
                _moved(ref["asset_state"].label(e.state_before), ref["asset_state"].label(e.state_after)),
                e.recorded_by_name] for line, e in records.events(ctx.db, f)]
    xlsx.write_workbook(Path(out_path), [
        xlsx.Sheet("资产台账", HEADER, body, widths=[6, 10, 24, 8, 24, 14, 18, 18, 18, 8, 12, 14, 14]),
        xlsx.Sheet("收益及分配", INCOME_HEADER, years, widths=[10, 24, 8, 14, 14, 10, 16]),
        xlsx.Sheet("分配到户明细", ["村", "资产名称", "年度", "户编号", "户主", "分配金额（元）"], shares,
                   widths=[10, 24, 8, 20, 10, 14]),
        xlsx.Sheet("资产变更", EVENT_HEADER, changes, widths=[10, 24, 8, 12, 40, 24, 24, 14, 10]),
    ])
    log.info("asset ledger of %d assets exported to %s", len(lines), out_path)
    return len(lines)
