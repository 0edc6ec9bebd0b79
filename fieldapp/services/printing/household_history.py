"""The household file's last sections: its visits (走访记录) and its change history (变更记录).

History comes from :func:`fieldapp.services.history.full_household_history`, in
words like the editor's history tab: who (填报人), when, on which device, what object,
which field, old and new value. Visits are summarised when the register has them
(through :func:`fieldapp.services.visits.household_visits_page`; a register without
visit tables leaves the section out).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, inspect

from fieldapp.services import history
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import heading, para, ruled_table
from fieldapp.services.visits import VisitSummary, household_visits_page

VISITS_LISTED = 30
VISIT_PAGE = 200
PAGE = 500
WIDTH_MM = 174.0


def history_rows(conn: Connection, ctx: AppContext, household_id: str, full_ids: bool = False, *,
                 bank: bool = False) -> list[list[str]]:
    """[time, object, field, old, new, user, device] per field change, newest first; a new record is one row."""
    device = ctx.identity.device_id if ctx.identity else ""
    lines = history.full_household_history(conn, ctx.ref, household_id, own_device=device, masked=not full_ids,
                                           bank=bank, page=PAGE)
    created = ctx.ref.fields.word("created")
    rows: list[list[str]] = []
    inserted: dict[int, list[str]] = {}  # change seq → its row: a new record is one row listing its values
    for line in lines:
        if line.op == "insert" and line.seq in inserted:
            inserted[line.seq][4] += f"　{line.field}：{line.new}"
            continue
        row = [line.when[:16], line.target, line.field, line.old, line.new, line.user, line.device]
        if line.op == "insert":
            row[2], row[4] = created, f"{line.field}：{line.new}"
            inserted[line.seq] = row
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
    label = ctx.ref.fields.label  # the column headers come from the field catalogue
    rows = [[label("visit", "date"), label("visit", "type"), label("visit_cadre", "cadre_id"),
             label("visit", "found"), label("visit", "done")]]
    for v in shown:
        found = " ".join(p for p in (v.title, v.found) if p)
        rows.append([v.date.isoformat(), ctx.ref["visit_type"].label(v.type), "、".join(v.cadre_names), found,
                     v.done or ""])
    return [*items, ruled_table(rows, [20, 18, 24, (WIDTH_MM - 62) / 2, (WIDTH_MM - 62) / 2], st)]


def history_section(rows: list[list[str]], st: dict[str, Any], number: str, *, keep_ids: bool = False) -> list[Any]:
    items: list[Any] = heading(f"{number}、变更记录（谁填报谁负责）", st)
    if not rows:
        return [*items, para("（无变更记录）", st["note"])]
    header = ["时间", "对象", "项目", "原值", "新值", "填报人", "设备"]
    return [*items, ruled_table([header, *rows], [22, 20, 26, 26, WIDTH_MM - 122, 14, 14], st, keep_ids=keep_ids)]
