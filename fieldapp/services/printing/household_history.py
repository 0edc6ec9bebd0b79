"""The household file's last sections: its visits (走访记录) and its change history (变更记录).

History comes from :func:`fieldapp.store.queries.history_page`, every page of it,
shown like the editor's history tab: who (填报人), when, on which device, what object,
which field, old and new value. Visits are summarised when the register has them
(through :func:`fieldapp.services.visits.household_visits_page`; a register without
visit tables leaves the section out).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import LongTable
from sqlalchemy import Connection, inspect, select

from fieldapp.domain import hlc
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import grid, heading, para
from fieldapp.services.printing.labels import REFERENCES, TABLES, field_label, format_value
from fieldapp.services.visits import VisitSummary, household_visits_page
from fieldapp.store.models import IncomeYear, Indicator, Measure, Member
from fieldapp.store.queries import HistoryEntry, history_page

SKIP_ALWAYS = frozenset({"household_id", "id"})
SKIP_ON_INSERT = {"income_year": {"year"}, "indicator": {"code"}}
VISITS_LISTED = 30
VISIT_PAGE = 200
PAGE = 500
WIDTH_MM = 174.0


def _shown(e: HistoryEntry) -> bool:
    if e.field in SKIP_ALWAYS:
        return False
    if e.op == "insert":
        return e.new is not None and e.new != "" and e.field not in SKIP_ON_INSERT.get(e.tbl, ())
    return True


def _all_entries(conn: Connection, household_id: str) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    before: tuple[int, int] | None = None
    while True:
        page = history_page(conn, household_id, before_hlc=before[0] if before else None,
                            before_seq=before[1] if before else None, limit=PAGE)
        entries.extend(page)
        if len({e.seq for e in page}) < PAGE:
            return entries
        last = page[-1]
        before = (last.hlc, last.seq)


def _objects(conn: Connection, ctx: AppContext, entries: list[HistoryEntry]) -> dict[str, str]:
    """Row id → what the change was made to: 户, 成员 张三, 收入 2024年, 指标 不愁吃, 措施 产业发展."""
    wanted: dict[str, set[str]] = {}
    for e in entries:
        wanted.setdefault(e.tbl, set()).add(e.row_id)
    labels = dict.fromkeys(wanted.get("household", ()), "户")
    describe: dict[str, tuple[Any, Any]] = {
        "member": (Member.__table__, lambda r: r.name or ""),
        "income_year": (IncomeYear.__table__, lambda r: f"{r.year}年"),
        "indicator": (Indicator.__table__, lambda r: ctx.ref["indicator"].label(r.code)),
        "measure": (Measure.__table__, lambda r: ctx.ref["measure_type"].label(r.type)),
    }
    for name, (table, text) in describe.items():
        ids = sorted(wanted.get(name, ()))
        for start in range(0, len(ids), 500):
            for r in conn.execute(select(table).where(table.c.id.in_(ids[start:start + 500]))):
                labels[r.id] = f"{TABLES[name]} {text(r)}"
    return labels


def history_rows(conn: Connection, ctx: AppContext, household_id: str, names: dict[str, str],
                 full_ids: bool = False, *, bank: bool = False) -> list[list[str]]:
    """[time, object, field, old, new, user, device] per field change, newest first."""
    entries = [e for e in _all_entries(conn, household_id) if _shown(e)]
    objects = _objects(conn, ctx, entries)
    missing = {str(v) for e in entries if (e.tbl, e.field) in REFERENCES for v in (e.old, e.new)
               if v and str(v) not in names}
    if missing:
        m = Member.__table__
        names = {**names, **dict(conn.execute(select(m.c.id, m.c.name).where(m.c.id.in_(sorted(missing)))).all())}
    device = ctx.identity.device_id if ctx.identity else ""
    rows: list[list[str]] = []
    inserted: dict[int, list[str]] = {}  # change seq → its row: a new record is one row listing its values
    for e in entries:
        new = format_value(e.tbl, e.field, e.new, ctx.ref, names=names, full_ids=full_ids, bank=bank)
        if e.op == "insert" and e.seq in inserted:
            inserted[e.seq][4] += f"　{field_label(e.tbl, e.field, ctx.ref)}：{new}"
            continue
        row = [
            dt.datetime.fromtimestamp(hlc.physical_ms(e.hlc) / 1000).strftime("%Y-%m-%d %H:%M"),
            objects.get(e.row_id, TABLES.get(e.tbl, e.tbl)), field_label(e.tbl, e.field, ctx.ref),
            "" if e.op == "insert" else format_value(e.tbl, e.field, e.old, ctx.ref, names=names,
                                                     full_ids=full_ids, bank=bank),
            new,
            e.user_name or "—", "本机" if e.origin == device else e.origin[:8],
        ]
        if e.op == "insert":
            row[2], row[4] = "新建", f"{row[2]}：{new}"
            inserted[e.seq] = row
        rows.append(row)
    return rows


def visit_rows(conn: Connection, household_id: str) -> list[VisitSummary] | None:
    """The household's visits, newest first (every page of them); None when the register has no visit tables."""
    if not inspect(conn).has_table("visit"):
        return None
    rows: list[VisitSummary] = []
    before = None
    while True:
        page = household_visits_page(conn, household_id, before=before, limit=VISIT_PAGE)
        rows.extend(page)
        if len(page) < VISIT_PAGE:
            return rows
        before = page[-1].key


def visits_section(ctx: AppContext, visits: list[VisitSummary] | None, st: dict[str, Any]) -> list[Any]:
    if visits is None:
        return []
    items: list[Any] = heading("七、走访记录", st)
    if not visits:
        return [*items, para("（暂无走访记录）", st["note"])]
    types = Counter(ctx.ref["visit_type"].label(v.type) for v in visits)
    summary = "、".join(f"{t}{n}次" for t, n in types.most_common())
    shown = visits[:VISITS_LISTED]
    items.append(para(f"共 {len(visits)} 次，最近一次 {visits[0].date.isoformat()}，最早一次 "
                      f"{visits[-1].date.isoformat()}。按类型：{summary}。"
                      + (f"下表列出最近 {len(shown)} 次。" if len(visits) > len(shown) else ""), st["cell"]))
    rows = [["日期", "类型", "参与干部", "情况", "措施与成效"]]
    for v in shown:
        found = " ".join(p for p in (v.title, v.found) if p)
        rows.append([v.date.isoformat(), ctx.ref["visit_type"].label(v.type), "、".join(v.cadre_names), found,
                     v.done or ""])
    return [*items, _table(rows, [20, 18, 24, (WIDTH_MM - 62) / 2, (WIDTH_MM - 62) / 2], st)]


def history_section(rows: list[list[str]], st: dict[str, Any], number: str, *, keep_ids: bool = False) -> list[Any]:
    items: list[Any] = heading(f"{number}、变更记录（谁填报谁负责）", st)
    if not rows:
        return [*items, para("（无变更记录）", st["note"])]
    header = ["时间", "对象", "项目", "原值", "新值", "填报人", "设备"]
    return [*items, _table([header, *rows], [22, 20, 26, 26, WIDTH_MM - 122, 14, 14], st, keep_ids=keep_ids)]


def _table(rows: list[list[str]], widths_mm: list[float], st: dict[str, Any], *, keep_ids: bool = False) -> LongTable:
    body = [[para(c, st["head"]) for c in rows[0]],
            *[[para(c, st["cell"], keep_ids=keep_ids) for c in r] for r in rows[1:]]]
    table = LongTable(body, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(grid())
    return table
