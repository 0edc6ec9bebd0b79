"""The cadre archive (包扶纪实档案) for a month or a year: attendance, the visits in date order, signatures.

Every unit keeps one for each cadre (speech 1). The visits come from
:func:`fieldapp.services.visits.archive_page` (the cadre's visits and village
activities, oldest first), the days in the village from :mod:`fieldapp.services.attendance`
(visit days plus 在村 check-ins; at least 15 a month, speech 3; a unit leader at least
3 visits a year). It ends with signature lines for the cadre and for the unit.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, LongTable, Paragraph, Spacer
from sqlalchemy import func, select

from fieldapp.domain import visits as visit_rules
from fieldapp.domain.visits import Month
from fieldapp.services import attendance
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import (
    grid,
    heading,
    label_pairs,
    para,
    styles,
    write_a4,
)
from fieldapp.services.visits import VisitSummary, archive_page
from fieldapp.store.models import Cadre, HouseholdListRow

log = logging.getLogger("fieldapp.services.printing")

WIDTH_MM = 174.0
PAGE = 500


def archive_visits(ctx: AppContext, cadre_id: str, start: dt.date, end: dt.date) -> list[VisitSummary]:
    """Every visit and activity of the cadre in [start, end], oldest first."""
    rows: list[VisitSummary] = []
    with ctx.db.read() as conn:
        after = None
        while True:
            page = archive_page(conn, cadre_id, start, end, after=after, limit=PAGE)
            rows.extend(page)
            if len(page) < PAGE:
                return rows
            after = page[-1].key


def _period(year: int, month: int | None) -> tuple[dt.date, dt.date, str]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年度"
    m = Month(year, month)
    return m.first, m.last, f"{year}年{month}月"


def render_archive(ctx: AppContext, cadre_id: str, out_path: Path | str, *, year: int, month: int | None = None,
                   today: dt.date | None = None) -> Path:
    """Write the archive of ``cadre_id`` for ``year`` (or one ``month`` of it) to ``out_path``."""
    today = today or dt.date.today()
    start, end, period = _period(year, month)
    c, lst = Cadre.__table__, HouseholdListRow.__table__
    with ctx.db.read() as conn:
        cadre = conn.execute(select(c).where(c.c.id == cadre_id, c.c.deleted.is_(False))).first()
        if cadre is None:
            raise LookupError(f"干部 {cadre_id} 不存在或已删除")
        paired = int(conn.execute(select(func.count()).select_from(lst).where(lst.c.cadre_id == cadre_id)).scalar()
                     or 0)
        attendance_items = _attendance(conn, cadre, year, month, today)
    visits = archive_visits(ctx, cadre_id, start, end)
    st = styles(9)
    role = ctx.ref["cadre_role"].label(cadre.role)
    story: list[Any] = [
        Paragraph("包扶纪实档案", st["title"]),
        para(f"{cadre.name}　{cadre.unit or ''}　{period}", st["subtitle"]),
        *heading("一、基本情况", st),
        label_pairs([("姓名", cadre.name), ("派出单位", cadre.unit or ""), ("身份", role),
                     ("联系电话", cadre.phone or ""), ("档案期间", f"{start.isoformat()} 至 {end.isoformat()}"),
                     ("包扶户数", f"{paired} 户"), ("走访及活动", f"{len(visits)} 次"),
                     ("涉及农户", f"{len({v.household_id for v in visits if v.household_id})} 户")], st, WIDTH_MM),
        *heading("二、驻村出勤", st), *attendance_items,
        *heading("三、走访及活动记录（按时间顺序）", st), *_visits(ctx, visits, st),
        KeepTogether([
            Spacer(1, 10 * mm),
            para("包扶干部（签字）：＿＿＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日", st["body"]),
            Spacer(1, 8 * mm),
            para("派出单位意见：", st["body"]), Spacer(1, 14 * mm),
            para("单位负责人（签字）：＿＿＿＿＿＿＿＿　　（单位盖章）　　日期：＿＿＿＿年＿＿月＿＿日", st["body"]),
        ]),
    ]
    target = write_a4(story, out_path, title="包扶纪实档案", footer=f"{cadre.name} 包扶纪实档案 {period}")
    log.info("archive of cadre %s for %s written to %s", cadre_id, period, target)
    return target


def _table(rows: list[list[str]], widths_mm: list[float], st: dict[str, Any], *, cell: str = "cell",
           pad: float = 3, small: tuple[int, ...] = ()) -> LongTable:
    body = [[para(c, st["head"]) for c in rows[0]],
            *[[para(c, st["small" if i in small else cell]) for i, c in enumerate(r)] for r in rows[1:]]]
    table = LongTable(body, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(grid(pad=pad))
    return table


def _attendance(conn: Any, cadre: Any, year: int, month: int | None, today: dt.date) -> list[Any]:
    st = styles(9)
    labels = attendance.STATUS_LABELS
    if cadre.role == attendance.UNIT_LEADER_ROLE:
        row = next((r for r in attendance.leader_table(conn, year, today=today) if r.cadre_id == cadre.id), None)
        count = row.visits if row else 0
        unsigned = row.unsigned if row else 0
        status = visit_rules.leader_status(year, count, today)
        least = visit_rules.MIN_LEADER_VISITS_PER_YEAR
        return [para(f"{year}年本人签字的走访 {count} 次（单位领导每年不少于{least}次）"
                     f"{'：' + labels[status] if labels[status] else ''}。"
                     + (f"另有 {unsigned} 次走访未经本人签字，不计入。" if unsigned else ""), st["cell"])]
    if month is not None:
        m = Month(year, month)
        days = attendance.days_of_month(conn, cadre.id, m)
        counted = sum(not d.pending for d in days)
        status = visit_rules.month_status(m, counted, today)
        items: list[Any] = [para(f"{year}年{month}月在村 {counted} 天（每月不少于{visit_rules.MIN_DAYS_PER_MONTH}天）"
                                 f"{'：' + labels[status] if labels[status] else ''}。", st["cell"])]
        if days:
            rows = [["日期", "星期", "走访及活动", "在村签到", "备注"]]
            weekdays = "一二三四五六日"
            rows += [[d.date.isoformat(), f"星期{weekdays[d.date.weekday()]}", f"{d.visits} 次" if d.visits else "",
                      "是" if d.checked_in else ("补登待确认" if d.pending else ""), d.note or ""] for d in days]
            items.append(_table(rows, [28, 20, 26, 22, WIDTH_MM - 96], st))
        return items
    table = attendance.compliance_table(conn, year, cadre_ids=[cadre.id], today=today)
    cells = table[0].months if table else ()
    rows = [["月份", *[f"{c.month.month}月" for c in cells], "合计"],
            ["在村天数", *[str(c.days) if c.status != "future" else "" for c in cells],
             str(sum(c.days for c in cells))],
            ["情况", *[labels[c.status] for c in cells], ""]]
    widths = [16] + [(WIDTH_MM - 28) / 12] * 12 + [12]
    table_flow = _table(rows, widths, st, cell="small", pad=1.5)
    short = [f"{c.month.month}月" for c in cells if c.status == "short"]
    note = (f"每月在村不少于{visit_rules.MIN_DAYS_PER_MONTH}天；未达标月份：{'、'.join(short)}。" if short
            else f"每月在村不少于{visit_rules.MIN_DAYS_PER_MONTH}天。")
    return [table_flow, para(note, st["note"])]


def _visits(ctx: AppContext, visits: list[VisitSummary], st: dict[str, Any]) -> list[Any]:
    if not visits:
        return [para("（本期间无走访及活动记录）", st["note"])]
    label = ctx.ref.fields.label  # the column headers come from the field catalogue
    rows = [["序号", label("visit", "date"), label("visit", "type"), "对象", label("visit", "found"),
             label("visit", "done"), label("visit_cadre", "cadre_id")]]
    for i, v in enumerate(visits, start=1):
        target = "村级活动"
        if v.household_id:
            target = f"户主 {v.head_name or '—'}" + (f"\n{v.hh_no}" if v.hh_no else "")
        found = " ".join(p for p in (v.title, v.found) if p)
        rows.append([str(i), v.date.isoformat(), ctx.ref["visit_type"].label(v.type), target, found, v.done or "",
                     "、".join(v.cadre_names)])
    rest = WIDTH_MM - 8 - 19 - 16 - 30 - 18
    return [_table(rows, [8, 19, 16, 30, rest / 2, rest / 2, 18], st, small=(3,))]
