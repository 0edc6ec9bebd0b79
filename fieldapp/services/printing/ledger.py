"""The village ledger (村台账): one line per household, filtered like the household list, with a totals line.

Takes the list's own :class:`~fieldapp.store.queries.HouseholdQuery` (search text,
filters, sort), reads it page by page through the keyset query, and prints landscape
A4 with the header row repeated on every page. ID numbers are masked (去标识化).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate
from sqlalchemy import select

from fieldapp.domain import refdata
from fieldapp.domain import register as rules
from fieldapp.domain import workflow as flow_rules
from fieldapp.domain.resident_id import mask
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import (
    atomic_output,
    cadre_rows,
    grid,
    numbered_canvas,
    para,
    styles,
    village_names,
    yuan,
)
from fieldapp.store.models import Household
from fieldapp.store.queries import HouseholdQuery, household_page, sort_key

log = logging.getLogger("fieldapp.services.printing")

_FIELDS = refdata.shipped().fields  # printed documents are in Simplified Chinese
_H = ("village_id", "group_no", "hh_no")
HEADER = ["序号", *(_FIELDS.label("household", c) for c in _H), "户主", _FIELDS.label("member", "id_no"), "人口",
          *(_FIELDS.label("household", c) for c in ("attribute", "plate_kind", "main_cause", "exit_status",
                                                    "exit_year")),
          "人均纯收入（元）", _FIELDS.label("household", "cadre_id")]
WIDTHS_MM = [11, 18, 9, 30, 17, 34, 10, 25, 15, 21, 24, 13, 21, 0]  # last: the rest
FILTERS = ("village_id", "group_no", "exit_status", "attribute", "main_cause", "cadre_id")
FILTER_NAMES = {**{c: _FIELDS.label("household", c) for c in FILTERS}, "workflow": "流程/环节"}
FILTER_CODES = {c: _FIELDS.code_lists[("household", c)] for c in ("exit_status", "attribute", "main_cause")}
PAGE = 500


def ledger_rows(ctx: AppContext, query: HouseholdQuery) -> list[dict[str, Any]]:
    """Every list row the query matches, in its order, with the household fields the ledger adds."""
    h = Household.__table__
    rows: list[dict[str, Any]] = []
    with ctx.db.read() as conn:
        after = None
        while True:
            page = household_page(conn, query, after=after, limit=PAGE)
            rows.extend(page)
            if len(page) < PAGE:
                break
            after = sort_key(page[-1], query)
        extra: dict[str, Any] = {}
        ids = [r["household_id"] for r in rows]
        for start in range(0, len(ids), PAGE):
            chunk = ids[start:start + PAGE]
            for r in conn.execute(select(h.c.id, h.c.plate_kind).where(h.c.id.in_(chunk))):
                extra[r.id] = r
    for row in rows:  # exit status and year: the list's, derived from the workflows
        found = extra.get(row["household_id"])
        row["plate_kind"] = rules.plate_kind(row["attribute"], found.plate_kind if found else None, ctx.ref)
    return rows


def describe_query(ctx: AppContext, query: HouseholdQuery, villages: dict[str, str],
                   cadres: dict[str, Any]) -> str:
    parts = []
    for name, value in query.filters.items():
        if value is None or value == "" or name in ("village_id", "wf_step"):
            continue
        title = FILTER_NAMES.get(name, name)
        if name in FILTER_CODES:
            text = ctx.ref[FILTER_CODES[name]].label(str(value))
        elif name == "cadre_id":
            text = cadres[value].name if value in cadres else str(value)
        elif name == "group_no":
            text = f"第{value}组"
        elif name == "wf_kind":  # with its step, when the list is filtered by one
            text = flow_rules.where_text(flow_rules.definitions(ctx.ref), str(value), query.filters.get("wf_step"))
            title = FILTER_NAMES["workflow"]
        else:
            text = str(value)
        parts.append(f"{title}：{text}")
    if query.text.strip():
        parts.append(f"搜索：{query.text.strip()}")
    return "；".join(parts)


def render_ledger(ctx: AppContext, query: HouseholdQuery, out_path: Path | str, *, title: str | None = None,
                  today: dt.date | None = None) -> int:
    """Write the ledger of the households ``query`` matches; returns how many lines it has."""
    st = styles(8)
    rows = ledger_rows(ctx, query)
    with ctx.db.read() as conn:
        villages, cadres = village_names(conn), cadre_rows(conn)
    village = villages.get(query.filters.get("village_id") or "", "")
    day = today or dt.date.today()
    title = title or f"{village or '全部村'}建档立卡户台账"
    criteria = describe_query(ctx, query, villages, cadres)
    ref = ctx.ref
    years = {r["income_year"] for r in rows if r["per_person_income"] is not None}
    header = list(HEADER)
    if len(years) == 1:  # one income year for all: say it once, in the header
        header[12] = f"{years.pop()}年人均纯收入（元）"
    body: list[list[Any]] = [[para(c, st["head"]) for c in header]]
    kinds: Counter[str] = Counter()
    exited = 0
    people = 0
    for i, r in enumerate(rows, start=1):
        kinds[r["plate_kind"]] += 1
        people += r["member_count"] or 0
        exited += r["exit_status"] in ("1", "4")
        cadre = cadres.get(r["cadre_id"] or "")
        income = yuan(r["per_person_income"])
        if income and header[12] == HEADER[12]:
            income += f"（{r['income_year']}年）"
        cells = [str(i), villages.get(r["village_id"], ""), str(r["group_no"] or ""), r["hh_no"] or "",
                 r["head_name"] or "", mask(r["head_id_no"]), str(r["member_count"] or 0),
                 ref["household_attribute"].label(r["attribute"]), ref["household_kind"].label(r["plate_kind"]),
                 ref["poverty_cause"].label(r["main_cause"]), ref["exit_status"].label(r["exit_status"]),
                 str(r["exit_year"] or ""), income, cadre.name if cadre else ""]
        body.append([para(c, st["num"] if n in (0, 6, 12) else st["cell"]) for n, c in enumerate(cells)])
    total = (f"兜底户 {kinds['safety_net']} 户，脱贫户 {kinds['development']} 户；"
             f"已脱贫 {exited} 户，未脱贫或返贫 {len(rows) - exited} 户")
    body.append([para("合计", st["cell"]), para(f"{len(rows)} 户", st["cell"]), "", "", "", "",
                 para(str(people), st["num"]), para(total, st["cell"])] + [""] * (len(HEADER) - 8))
    page_w = landscape(A4)[0] - 24 * mm
    widths = [w * mm for w in WIDTHS_MM[:-1]]
    widths.append(page_w - sum(widths))
    table = LongTable(body, colWidths=widths, repeatRows=1)
    style = grid(total_row=True, pad=2.5)
    style.add("SPAN", (1, -1), (5, -1))
    style.add("SPAN", (7, -1), (-1, -1))
    table.setStyle(style)
    story = [Paragraph(title, st["title"]),
             para(f"截至 {day.year}年{day.month}月{day.day}日，共 {len(rows)} 户 {people} 人"
                  + (f"。筛选条件——{criteria}" if criteria else ""), st["subtitle"]), table]
    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=12 * mm, bottomMargin=16 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(f"{title}　打印于 {day.isoformat()}"))
    log.info("ledger of %d households written to %s", len(rows), target)
    return len(rows)
