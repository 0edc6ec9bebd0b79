"""The ledgers of the visits and printing issues as .xlsx, from the same rows as their PDFs.

- 村台账 (:func:`export_ledger`): the household list's query, one line per household, ID numbers
  masked as on the printed ledger, a totals line;
- 公示名单 (:func:`export_notice`): the households proposed to enter or exit, masked IDs;
- 包扶纪实档案 (:func:`export_archive`): one cadre's visits and activities of a month or a year,
  with the days in the village;
- 驻村考勤: :func:`fieldapp.services.attendance.export_attendance` (re-exported here).

Every workbook goes through :mod:`fieldapp.services.xlsx` (formula injection neutralised,
written atomically).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fieldapp.domain.resident_id import mask
from fieldapp.domain.visits import Month
from fieldapp.services import attendance, xlsx
from fieldapp.services.attendance import export_attendance
from fieldapp.services.context import AppContext
from fieldapp.store.models import Cadre
from fieldapp.store.queries import HouseholdQuery

log = logging.getLogger("fieldapp.excel")

__all__ = ["export_archive", "export_attendance", "export_ledger", "export_notice"]


def export_ledger(ctx: AppContext, query: HouseholdQuery, path: Path | str) -> int:
    """村台账 of the households ``query`` matches; returns how many households it lists."""
    from fieldapp.services.printing.common import cadre_rows, village_names
    from fieldapp.services.printing.ledger import HEADER, ledger_rows

    rows = ledger_rows(ctx, query)
    with ctx.db.read() as conn:
        villages, cadres = village_names(conn), cadre_rows(conn)
    ref = ctx.ref
    header = [*HEADER[:12], "人均纯收入（元）", "收入年度", HEADER[13]]
    body: list[list[Any]] = []
    people = 0
    for i, r in enumerate(rows, start=1):
        people += r["member_count"] or 0
        cadre = cadres.get(r["cadre_id"] or "")
        income = r["per_person_income"]
        body.append([i, villages.get(r["village_id"], ""), r["group_no"], r["hh_no"], r["head_name"],
                     mask(r["head_id_no"]), r["member_count"] or 0, ref["household_attribute"].label(r["attribute"]),
                     ref["household_kind"].label(r["plate_kind"]), ref["poverty_cause"].label(r["main_cause"]),
                     ref["exit_status"].label(r["exit_status"]), r["exit_year"],
                     None if income is None else income / 100, r["income_year"] if income is not None else None,
                     cadre.name if cadre else None])
    body.append(["合计", f"{len(rows)} 户", None, None, None, None, people])
    widths = [6, 10, 5, 19, 10, 21, 6, 16, 9, 14, 18, 9, 14, 9, 10]
    xlsx.write_workbook(Path(path), [xlsx.Sheet("村台账", header, body, widths=widths)])
    log.info("ledger of %d households exported to %s", len(rows), path)
    return len(rows)


def export_notice(ctx: AppContext, household_ids: Sequence[str], path: Path | str, *, kind: str,
                  reasons: dict[str, str] | None = None) -> Path:
    """公示名单 of ``household_ids`` (``kind`` entry or exit) as a workbook."""
    from fieldapp.services.printing.notice import HEADER, KINDS, _rows, default_reason

    if kind not in KINDS:
        raise ValueError("公示类别应为 entry（纳入）或 exit（退出）")
    rows, guaranteed = _rows(ctx, household_ids)
    body = []
    for i, r in enumerate(rows, start=1):
        reason = (reasons or {}).get(r["household_id"]) or default_reason(ctx, r, kind, guaranteed[r["household_id"]])
        body.append([i, r["group_no"], r["head_name"], mask(r["head_id_no"]), r["member_count"] or 0,
                     ctx.ref["household_attribute"].label(r["attribute"]), reason])
    target = xlsx.write_workbook(Path(path), [xlsx.Sheet(f"拟{KINDS[kind]}名单", HEADER, body,
                                                         widths=[6, 6, 12, 21, 9, 18, 50])])
    log.info("%s notice of %d households exported to %s", kind, len(rows), target)
    return target


def export_archive(ctx: AppContext, cadre_id: str, path: Path | str, *, year: int, month: int | None = None,
                   today: dt.date | None = None) -> Path:
    """包扶纪实档案 of one cadre for ``year`` (or one ``month``): visits, then days in the village."""
    from fieldapp.services.printing.archive import archive_visits

    today = today or dt.date.today()
    c = Cadre.__table__
    with ctx.db.read() as conn:
        cadre = conn.execute(select(c.c.id, c.c.name, c.c.unit).where(c.c.id == cadre_id,
                                                                        c.c.deleted.is_(False))).first()
        if cadre is None:
            raise LookupError(f"干部 {cadre_id} 不存在或已删除")
        months = [Month(year, month)] if month else [Month(year, m) for m in range(1, 13)]
        days = [(m, attendance.days_of_month(conn, cadre_id, m)) for m in months]
    start, end = months[0].first, months[-1].last
    visits = archive_visits(ctx, cadre_id, start, end)
    visit_rows = [[i, v.date, ctx.ref["visit_type"].label(v.type), v.head_name or ("村级活动" if not v.household_id
                   else ""), v.hh_no, " ".join(p for p in (v.title, v.found) if p) or None, v.done,
                   "、".join(v.cadre_names)] for i, v in enumerate(visits, start=1)]
    day_rows = [[d.date, f"{d.visits} 次" if d.visits else None,
                 "是" if d.checked_in else ("补登待确认" if d.pending else None), d.note]
                for _m, entries in days for d in entries]
    month_rows = [[f"{m.year}年{m.month}月", sum(not d.pending for d in entries)]
                  for m, entries in days if m.first <= today]
    period = f"{year}年{month}月" if month else f"{year}年"
    label = ctx.ref.fields.label  # the visit column headers come from the field catalogue
    sheets = [
        xlsx.Sheet(f"走访记录{period}", ["序号", label("visit", "date"), label("visit", "type"), "户主",
                                        label("household", "hh_no"), label("visit", "found"), label("visit", "done"),
                                        label("visit_cadre", "cadre_id")],
                   visit_rows, widths=[6, 12, 12, 10, 19, 50, 50, 20]),
        xlsx.Sheet("在村天数", ["月份", "在村天数"], month_rows, widths=[14, 10]),
        xlsx.Sheet("在村日期", ["日期", "走访及活动", "在村签到", "备注"], day_rows, widths=[12, 12, 10, 30]),
    ]
    target = xlsx.write_workbook(Path(path), sheets)
    log.info("archive of cadre %s (%s, %s) exported to %s", cadre.name, cadre.unit, period, target)
    return target
