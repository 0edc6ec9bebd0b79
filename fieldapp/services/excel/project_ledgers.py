"""The project ledger and the fund ledger as .xlsx, from the same ledgers as their PDFs
(:mod:`fieldapp.services.projects.ledgers`).

- 项目台账 (:func:`export_project_ledger`): one line per project, one column per fund channel for the budget and
  for what was disbursed, a totals line; a sheet of the totals per village (and a town's own projects) and, for
  the district, per town;
- 资金台账 (:func:`export_fund_ledger`): per year and channel; per area; every disbursement with its voucher number.

Money is written in 元 as numbers (fen / 100: exact to the fen in the cell's two decimals). Every workbook goes
through :mod:`fieldapp.services.xlsx` (formula injection neutralised, written atomically).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fieldapp.domain import projects as rules
from fieldapp.services import xlsx
from fieldapp.services.context import AppContext
from fieldapp.services.projects import ledgers
from fieldapp.services.projects.ledgers import channel_codes, channel_label

log = logging.getLogger("fieldapp.excel")


def _y(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


def _totals_sheet(ctx: AppContext, title: str, first: str, rows: Sequence[ledgers.Totals], total: ledgers.Totals,
                  *, channels: list[str]) -> xlsx.Sheet:
    head = [first, "项目数", *(f"预算-{channel_label(ctx.ref, c)}" for c in channels), "预算合计", "批复金额",
            *(f"已拨付-{channel_label(ctx.ref, c)}" for c in channels), "已拨付合计"]
    body = [[("合计" if t is total else t.name), t.projects, *(_y(t.budget.get(c, 0)) for c in channels),
             _y(t.budget_total), _y(t.approved), *(_y(t.disbursed.get(c, 0)) for c in channels),
             _y(t.disbursed_total)] for t in [*rows, total]]
    return xlsx.Sheet(title, head, body, widths=[18, 8, *([14] * len(channels)), 14, 14, *([14] * len(channels)), 14])


def export_project_ledger(ctx: AppContext, area_id: str, path: Path | str) -> ledgers.ProjectLedger:
    """项目台账 of the village, town or district; returns the ledger written."""
    ledger = ledgers.project_ledger(ctx.db, area_id)
    channels = channel_codes(ctx.ref, ledger.channels)
    head = ["序号", "村（乡镇）", "项目名称", "项目类型", "产业", "实施单位", "状态", "年度",
            *(f"预算-{channel_label(ctx.ref, c)}" for c in channels), "预算合计", "批复金额", "批复日期",
            *(f"已拨付-{channel_label(ctx.ref, c)}" for c in channels), "已拨付合计", "受益户数", "进度（%）"]
    body: list[list[Any]] = []
    for i, p in enumerate(ledger.lines, start=1):
        body.append([i, p.area_name, p.name, ctx.ref["project_type"].label(p.type),
                     ctx.ref["industry"].label(p.industry) if p.industry else None, p.unit,
                     rules.status_word(p.status), p.year, *(_y(p.budget.get(c, 0)) for c in channels),
                     _y(p.budget_total), _y(p.approved), p.approved_on,
                     *(_y(p.disbursed.get(c, 0)) for c in channels), _y(p.disbursed_total), p.beneficiaries,
                     p.percent])
    t = ledger.total
    body.append(["合计", f"{t.projects} 个项目", None, None, None, None, None, None,
                 *(_y(t.budget.get(c, 0)) for c in channels), _y(t.budget_total), _y(t.approved), None,
                 *(_y(t.disbursed.get(c, 0)) for c in channels), _y(t.disbursed_total), t.beneficiaries, None])
    n = len(channels)
    sheets = [xlsx.Sheet("项目台账", head, body, widths=[6, 12, 28, 10, 10, 22, 8, 7, *([14] * n), 14, 14, 11,
                                                          *([14] * n), 14, 9, 9])]
    if ledger.scope.level != "village":
        sheets.append(_totals_sheet(ctx, "按村汇总", "村（乡镇本级）", ledger.by_area, t, channels=channels))
    if ledger.scope.level == "district":
        sheets.append(_totals_sheet(ctx, "按乡镇汇总", "乡镇", ledger.by_town, t, channels=channels))
    target = xlsx.write_workbook(Path(path), sheets)
    log.info("project ledger of %s (%d projects) exported to %s", ledger.scope.name, t.projects, target)
    return ledger


def export_fund_ledger(ctx: AppContext, area_id: str, path: Path | str, *, year: int | None = None
                       ) -> ledgers.FundLedger:
    """资金台账 of the village, town or district for a year (None: every year); returns the ledger written."""
    ledger = ledgers.fund_ledger(ctx.db, area_id, year)
    rows: list[list[Any]] = []
    for y in ledger.years:
        for r in (r for r in ledger.rows if r.year == y.year):
            rows.append([r.year, channel_label(ctx.ref, r.channel), _y(r.budgeted), _y(r.approved_budget), None,
                         _y(r.disbursed)])
        rows.append([f"{y.year}年小计" if y.year else "未定年度小计", None, _y(y.budgeted), None, _y(y.approved),
                     _y(y.disbursed)])
    rows.append(["合计", None, _y(ledger.budgeted), None, _y(ledger.approved), _y(ledger.disbursed)])
    channels = channel_codes(ctx.ref, *(a.budgeted for a in ledger.by_area), *(a.disbursed for a in ledger.by_area))
    areas = [[a.name, *(_y(a.budgeted.get(c, 0)) for c in channels), _y(sum(a.budgeted.values())), _y(a.approved),
              *(_y(a.disbursed.get(c, 0)) for c in channels), _y(sum(a.disbursed.values()))] for a in ledger.by_area]
    areas.append(["合计", *(_y(sum(a.budgeted.get(c, 0) for a in ledger.by_area)) for c in channels),
                  _y(ledger.budgeted), _y(ledger.approved),
                  *(_y(sum(a.disbursed.get(c, 0) for a in ledger.by_area)) for c in channels), _y(ledger.disbursed)])
    paid = [[i, d.date, d.area_name, d.project_name, channel_label(ctx.ref, d.channel), _y(d.amount), d.payee,
             d.voucher_no] for i, d in enumerate(ledger.disbursements, start=1)]
    paid.append(["合计", f"{len(ledger.disbursements)} 笔", None, None, None,
                 _y(sum(d.amount for d in ledger.disbursements)), None, None])
    n = len(channels)
    sheets = [
        xlsx.Sheet("按年度和渠道", ["年度", "资金渠道", "预算", "已批复项目预算", "批复金额", "已拨付"], rows,
                   widths=[14, 14, 16, 16, 16, 16]),
        xlsx.Sheet("按村汇总", ["村（乡镇本级）", *(f"预算-{channel_label(ctx.ref, c)}" for c in channels), "预算合计",
                               "批复金额", *(f"已拨付-{channel_label(ctx.ref, c)}" for c in channels), "已拨付合计"],
                   areas, widths=[18, *([14] * n), 14, 14, *([14] * n), 14]),
        xlsx.Sheet("拨付明细", ["序号", "拨付日期", "村（乡镇）", "项目", "资金渠道", "金额（元）", "拨付对象",
                               "凭证号"], paid, widths=[6, 12, 12, 28, 14, 14, 20, 16]),
    ]
    target = xlsx.write_workbook(Path(path), sheets)
    log.info("fund ledger of %s (%d disbursements) exported to %s", ledger.scope.name, len(ledger.disbursements),
             target)
    return ledger
