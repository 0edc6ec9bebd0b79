"""The district's analytic extract: a de-identified SQLite file (``fieldapp-server export-analytics``).

For the district's analysts, opened by Datasette or any SQLite tool; built with ``sqlite-utils``. It holds
the areas (district, towns, villages), each village's year record and the targets, and per village and
year *counts only*: households and people by support and status, measures per type (planned, done,
households covered, money), industries against their plan, and exits, entries and monitoring per month —
the figures of the four 挂图作战 charts (:func:`fieldapp.services.charts.figures.village_charts`, the one
source of figures), one row per village, never per household. Where the database holds the synced
``summary`` table (weekly and monthly summaries), its rows come too: period, whether signed, and the
numbers of its figures (no narrative, no author).

Never in the file: a person's or household's name, ID number, phone, address, bank data, health or
disability, a household's or member's id, free text a cadre typed (measure contents, notes) — the tables
are built from counts, not copied from the register. ``readme`` describes every table and view (and says
what is absent and why); ``about`` says when, from what and for which years. Foreign keys tie every
table to ``area``; ``area`` has full-text search on names, pinyin and codes; the ``chart_*`` views are
the data behind each chart.

Projects come as totals: per project its area, codes, dates, budget, approved and disbursed money and the
*number* of households that benefit (:mod:`fieldapp.services.analytics.projects`), per fund channel its
budget and disbursements; ``project`` has full-text search on names (trigram) and ``project_summary`` is
the one-line-per-project view; ``project_funds`` is the fund ledger per area, year and channel
(:func:`fieldapp.services.projects.ledgers.fund_ledger`, the ledgers' one source). Never which households, to
whom money went, voucher numbers, who accepted a project or what they found, or progress notes.

The file is written beside its destination and renamed into place when complete; an existing file is
replaced only when asked (``force``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlalchemy import Connection, MetaData, Table, inspect, select

from fieldapp.domain import charts as ch
from fieldapp.domain import targets as target_rules
from fieldapp.domain.refdata import RefData
from fieldapp.domain.search import full_pinyin, initials
from fieldapp.domain.targets import percent_text
from fieldapp.services.analytics import projects as project_totals
from fieldapp.services.charts import figures, sources
from fieldapp.services.projects import ledgers as project_ledgers
from fieldapp.services.targets import records
from fieldapp.store.db import SCHEMA_VERSION, Database

LEVEL_WORDS = {ch.DISTRICT: "区县", ch.TOWN: "乡镇", ch.VILLAGE: "村"}
TARGET_WORDS = {ch.TARGET_HOUSEHOLDS: "脱贫户数", ch.TARGET_PEOPLE: "脱贫人数", ch.TARGET_VILLAGES: "贫困村退出数"}
SUMMARY_TABLE = "summary"
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class ExtractError(ValueError):
    """The extract cannot be written; the message names the problem."""


@dataclass(frozen=True)
class Extract:
    path: Path
    years: tuple[int, ...]
    rows: Mapping[str, int]  # table -> rows written
    summaries: bool  # whether the database had summaries to bring


def _readme() -> list[dict[str, str]]:
    rows = [
        ("readme", "table", "本表：文件中每个表和视图的说明，以及缺少什么、为什么。"),
        ("about", "table", "本文件的来历：生成时间、来源服务器、数据库类型、年度、口径说明。"),
        ("area", "table", "区县、乡镇、村（parent_id 指向上级）；name/pinyin/initials/code 可全文检索。"),
        ("area_fts", "fts", "area 的全文检索（FTS5）：整名或前缀（东村、dong*、拼音首字母 dc）。"),
        ("village_year", "table", "村的年度记录：是否贫困村、摘帽年份、官方贫困发生率（%）、村集体经济收入（分）。"),
        ("target", "table", "年度目标（区县、乡镇或村）：kind 为目标类别代码（industry_<产业> 为该产业计划户数）。"),
        ("households", "table", "每村每年的户数与人数：一般/低保/特困、未脱贫/已脱贫、监测户，本年脱贫户与人数"
                                "（exits_undated：只知年份、无逐月日期的脱贫户）。只有数量，没有个人。"),
        ("measures", "table", "每村每年各类帮扶措施：计划项数、已落实项数（日期已到）、覆盖户数、资金（分）。"),
        ("industries", "table", "每村每年各产业：已发展户数、资金（分）、计划户数（目标 industry_<产业>，无则为空）。"),
        ("progress", "table", "每村每年逐月：脱贫户与人数、新识别与返贫户、纳入监测户。"),
        ("chart_distribution", "view", "贫困对象分布图：各村户数人数（附乡镇）。"),
        ("chart_measures", "view", "计划措施细则图：各村各类措施计划与落实，资金以元计。"),
        ("chart_industries", "view", "产业发展规划图：各村各产业已发展户与计划户、差距。"),
        ("chart_progress", "view", "任务进度进展图：各村逐月脱贫与累计（窗口函数）。"),
        ("village_status", "view", "各村进展：户数、脱贫完成与目标、差距、是否贫困村、摘帽年份。"),
        ("project", "table", "帮扶项目（当前状态，不分年度）：area_id 为所属村（乡镇项目为乡镇）、town_id 为乡镇；"
                             "类型、产业、实施单位、状态、计划与实际起止日期、批复日期；预算总额、批复金额、"
                             "已拨付合计（分）；受益户数（只有户数，没有哪些户）；最近一次进度百分比。"),
        ("project_fts", "fts", "project 的全文检索（FTS5，trigram）：名称、拼音、拼音首字母中任意三个字以上的片段"
                               "（核桃基、hetao、dchtj）。"),
        ("project_channel", "table", "每个项目每个资金渠道：预算与已拨付（分）。不含拨付对象、凭证号。"),
        ("project_summary", "view", "各项目一览：乡镇、村、类型、状态、预算、批复、已拨付（元）、拨付比例、"
                                    "受益户数、进度。"),
        ("project_funds", "table", "资金台账：每村（乡镇项目为乡镇）每年每个资金渠道的预算、已批复项目预算、"
                                   "已拨付（分）。预算按项目年度（批复日期所在年，未批复的按计划开工年；"
                                   "无则 year 为空），拨付按拨付日期所在年；与项目台账、资金台账 PDF/xlsx 同源。"),
        ("fund_summary", "view", "资金台账一览：乡镇、村、年度、资金渠道，预算、已批复项目预算、已拨付（元）。"),
    ]
    return [{"name": n, "kind": k, "description": d} for n, k, d in rows]


def _has_summaries(conn: Connection) -> bool:
    return bool(inspect(conn).has_table(SUMMARY_TABLE))


def numeric_figures(figures_json: str) -> list[tuple[str, float]]:
    """The numbers of a summary's figures (JSON): every number reached through objects, named by its path
    (``exits.households``). Lists are left out (they may list households or cadres one by one), and so is
    text, and so is any object whose key is not a field name (an object keyed by ids or names)."""
    try:
        data = json.loads(figures_json or "{}")
    except ValueError:
        return []
    found: list[tuple[str, float]] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(key, str) and _FIELD_NAME.match(key):
                    walk(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, bool):
            found.append((path, int(value)))
        elif isinstance(value, int | float):
            found.append((path, value))

    walk(data, "")
    return found


def _summaries(conn: Connection, village_ids: set[str]) -> Iterator[tuple[dict[str, Any], list[tuple[str, float]]]]:
    table = Table(SUMMARY_TABLE, MetaData(), autoload_with=conn)
    c = table.c
    query = select(c.village_id, c.kind, c.period, c.figures, c.generated_at, c.signed_at)
    if "deleted" in c:
        query = query.where(c.deleted.is_(False))
    for r in conn.execute(query):
        if r.village_id not in village_ids:
            continue
        yield ({"village_id": r.village_id, "kind": r.kind, "period": r.period,
                "generated_on": dt.datetime.fromtimestamp(int(r.generated_at) / 1000).date().isoformat()
                if r.generated_at is not None else None,
                "signed": r.signed_at is not None}, numeric_figures(r.figures))


def _roots(tree: ch.AreaTree) -> list[ch.Area]:
    return sorted((a for a in tree.areas.values() if a.parent_id is None or a.parent_id not in tree.areas),
                  key=lambda a: (a.code or "", a.name))


def _labels(ref: RefData, name: str) -> dict[str, str]:
    return {c.code: c.text() for c in ref[name].codes} if name in ref.names() else {}


def _target_word(kind: str, ref: RefData) -> str:
    word = target_rules.kind_label(kind, ref["target_kind"], industries=ref["industry"])
    return TARGET_WORDS.get(kind, kind) if word == kind else word


def _create(db: sqlite_utils.Database) -> None:
    area_fk = [("village_id", "area", "id")]
    db.table("area").create({"id": str, "parent_id": str, "level": str, "level_label": str, "code": str, "name": str,
                       "pinyin": str, "initials": str}, pk="id", not_null=["level", "name"])
    db.table("village_year").create({"village_id": str, "year": int, "poor_village": int, "out_year": int,
                               "official_incidence": str, "collective_income_fen": int},
                              pk=("village_id", "year"), foreign_keys=area_fk)
    db.table("target").create({"area_id": str, "year": int, "kind": str, "kind_label": str, "value": int},
                        pk=("area_id", "year", "kind"), foreign_keys=[("area_id", "area", "id")])
    db.table("households").create({"village_id": str, "year": int, "households": int, "people": int, "general": int,
                             "dibao": int, "tekun": int, "poor": int, "exited": int, "monitored": int,
                             "exits_households": int, "exits_people": int, "exits_undated": int},
                            pk=("village_id", "year"), foreign_keys=area_fk)
    db.table("measures").create({"village_id": str, "year": int, "type": str, "type_label": str, "pathway": int,
                           "planned": int, "done": int, "households": int, "amount_fen": int},
                          pk=("village_id", "year", "type"), foreign_keys=area_fk)
    db.table("industries").create({"village_id": str, "year": int, "industry": str, "industry_label": str,
                             "households": int, "amount_fen": int, "plan": int},
                            pk=("village_id", "year", "industry"), foreign_keys=area_fk)
    db.table("progress").create({"village_id": str, "year": int, "month": int, "exits_households": int,
                           "exits_people": int, "entries": int, "monitored": int},
                          pk=("village_id", "year", "month"), foreign_keys=area_fk)
    db.table("project").create({"id": str, "area_id": str, "town_id": str, "name": str, "pinyin": str,
                                "initials": str, "type": str, "type_label": str, "industry": str,
                                "industry_label": str, "unit": str, "status": str, "status_label": str,
                                "planned_start": str, "planned_end": str, "actual_start": str, "actual_end": str,
                                "approved_on": str, "budget_total_fen": int, "approved_amount_fen": int,
                                "disbursed_fen": int, "beneficiaries": int, "percent": int},
                               pk="id", not_null=["area_id", "town_id", "name", "type", "status"],
                               foreign_keys=[("area_id", "area", "id"), ("town_id", "area", "id")])
    db.table("project_channel").create({"project_id": str, "channel": str, "channel_label": str, "budget_fen": int,
                                        "disbursed_fen": int}, pk=("project_id", "channel"),
                                       foreign_keys=[("project_id", "project", "id")])
    db.table("project_funds").create({"area_id": str, "year": int, "channel": str, "channel_label": str,
                                      "budget_fen": int, "approved_budget_fen": int, "disbursed_fen": int},
                                     foreign_keys=[("area_id", "area", "id")])
    db.table("area").add_foreign_key("parent_id", "area", "id")


_VIEWS = {
    "chart_distribution": """
        SELECT h.year, t.name AS town, v.name AS village, v.code, h.households, h.people, h.general, h.dibao,
               h.tekun, h.poor, h.exited, h.monitored
        FROM households h JOIN area v ON v.id = h.village_id LEFT JOIN area t ON t.id = v.parent_id
        ORDER BY h.year, v.code, v.name""",
    "chart_measures": """
        SELECT m.year, t.name AS town, v.name AS village, m.type, m.type_label, m.pathway, m.planned, m.done,
               m.households, m.amount_fen / 100.0 AS amount_yuan
        FROM measures m JOIN area v ON v.id = m.village_id LEFT JOIN area t ON t.id = v.parent_id
        ORDER BY m.year, v.code, m.pathway DESC, m.type""",
    "chart_industries": """
        SELECT i.year, t.name AS town, v.name AS village, i.industry, i.industry_label, i.households, i.plan,
               CASE WHEN i.plan IS NULL THEN NULL ELSE max(i.plan - i.households, 0) END AS gap,
               i.amount_fen / 100.0 AS amount_yuan
        FROM industries i JOIN area v ON v.id = i.village_id LEFT JOIN area t ON t.id = v.parent_id
        ORDER BY i.year, v.code, i.industry""",
    "chart_progress": """
        SELECT p.year, t.name AS town, v.name AS village, p.month, p.exits_households, p.exits_people,
               sum(p.exits_households) OVER w AS cumulative_households,
               sum(p.exits_people) OVER w AS cumulative_people, p.entries, p.monitored
        FROM progress p JOIN area v ON v.id = p.village_id LEFT JOIN area t ON t.id = v.parent_id
        WINDOW w AS (PARTITION BY p.village_id, p.year ORDER BY p.month)
        ORDER BY p.year, v.code, p.month""",
    "village_status": """
        SELECT h.year, t.name AS town, v.name AS village, v.code, h.households, h.people, h.poor, h.exited,
               h.monitored, h.exits_households, g.value AS exit_target,
               CASE WHEN g.value IS NULL THEN NULL ELSE max(g.value - h.exits_households, 0) END AS exit_gap,
               y.poor_village, y.out_year
        FROM households h JOIN area v ON v.id = h.village_id LEFT JOIN area t ON t.id = v.parent_id
        LEFT JOIN target g ON g.area_id = h.village_id AND g.year = h.year AND g.kind = 'households_exit'
        LEFT JOIN village_year y ON y.village_id = h.village_id AND y.year = h.year
        ORDER BY h.year, v.code, v.name""",
    "project_summary": """
        SELECT p.id, t.name AS town, CASE WHEN a.level = 'village' THEN a.name END AS village, p.name,
               p.type_label, p.industry_label, p.status, p.status_label, p.planned_start, p.planned_end,
               p.actual_start, p.actual_end, p.budget_total_fen / 100.0 AS budget_yuan,
               p.approved_amount_fen / 100.0 AS approved_yuan, p.disbursed_fen / 100.0 AS disbursed_yuan,
               CASE WHEN coalesce(p.approved_amount_fen, p.budget_total_fen) > 0
                    THEN round(100.0 * p.disbursed_fen / coalesce(p.approved_amount_fen, p.budget_total_fen), 1)
               END AS disbursed_percent,
               p.beneficiaries, p.percent
        FROM project p JOIN area a ON a.id = p.area_id LEFT JOIN area t ON t.id = p.town_id
        ORDER BY t.code, a.code, p.name""",
    "fund_summary": """
        SELECT CASE WHEN a.level = 'town' THEN a.name ELSE t.name END AS town,
               CASE WHEN a.level = 'village' THEN a.name END AS village, f.year, f.channel, f.channel_label,
               f.budget_fen / 100.0 AS budget_yuan, f.approved_budget_fen / 100.0 AS approved_budget_yuan,
               f.disbursed_fen / 100.0 AS disbursed_yuan
        FROM project_funds f JOIN area a ON a.id = f.area_id LEFT JOIN area t ON t.id = a.parent_id
        ORDER BY town, a.code, f.year, f.channel""",
}


def _chart_rows(charts: figures.Charts, measure_words: Mapping[str, str], industry_words: Mapping[str, str],
                ) -> dict[str, list[dict[str, Any]]]:
    vid, year = charts.scope.area_id, charts.year
    d, p = charts.distribution.total, charts.progress
    households = [{"village_id": vid, "year": year, "households": d.households.value, "people": d.people.value,
                   "general": d.general.value, "dibao": d.dibao.value, "tekun": d.tekun.value, "poor": d.poor.value,
                   "exited": d.exited.value, "monitored": d.monitored.value,
                   "exits_households": p.exited_households.value, "exits_people": p.exited_people.value,
                   "exits_undated": p.undated_households.value}]
    measures = [{"village_id": vid, "year": year, "type": r.type, "type_label": measure_words.get(r.type, r.type),
                 "pathway": int(r.pathway), "planned": r.planned.value, "done": r.done.value,
                 "households": r.covered.value, "amount_fen": r.amount}
                for r in charts.measures.rows if r.planned.value]
    industries = [{"village_id": vid, "year": year, "industry": r.industry,
                   "industry_label": industry_words.get(r.industry, r.industry),
                   "households": r.total.households.value, "amount_fen": r.total.amount, "plan": r.total.plan}
                  for r in charts.industries.rows if r.total.households.value or r.total.plan is not None]
    progress = [{"village_id": vid, "year": year, "month": m.month, "exits_households": m.households.value,
                 "exits_people": m.people.value, "entries": m.entries.value, "monitored": m.monitored.value}
                for m in p.months if not m.future]
    return {"households": households, "measures": measures, "industries": industries, "progress": progress}


def _project_rows(projects: Sequence[project_totals.ProjectTotals],
                  channels: Sequence[project_totals.ChannelTotals], ref: RefData) -> dict[str, list[dict[str, Any]]]:
    types, industries = _labels(ref, "project_type"), _labels(ref, "industry")
    statuses, channel_words = _labels(ref, "project_status"), _labels(ref, "fund_channel")

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value is not None else None

    rows = [{"id": p.id, "area_id": p.area_id, "town_id": p.town_id, "name": p.name, "pinyin": full_pinyin(p.name),
             "initials": initials(p.name), "type": p.type, "type_label": types.get(p.type, p.type),
             "industry": p.industry, "industry_label": industries.get(p.industry, p.industry) if p.industry else None,
             "unit": p.unit, "status": p.status, "status_label": statuses.get(p.status, p.status),
             "planned_start": day(p.planned_start), "planned_end": day(p.planned_end),
             "actual_start": day(p.actual_start), "actual_end": day(p.actual_end), "approved_on": day(p.approved_on),
             "budget_total_fen": p.budget_total, "approved_amount_fen": p.approved_amount,
             "disbursed_fen": p.disbursed, "beneficiaries": p.beneficiaries, "percent": p.percent}
            for p in projects]
    by_channel = [{"project_id": c.project_id, "channel": c.channel,
                   "channel_label": channel_words.get(c.channel, c.channel), "budget_fen": c.budget,
                   "disbursed_fen": c.disbursed} for c in channels]
    return {"project": rows, "project_channel": by_channel}


def export(db: Database, ref: RefData, out: Path, years: Sequence[int] = (), *, source: str = "",
           as_of: dt.datetime | None = None, force: bool = False) -> Extract:
    """Write the extract of every district the database holds, for ``years`` (default: the as-of year)."""
    out = Path(out)
    now = (as_of or dt.datetime.now()).replace(microsecond=0)
    chosen = tuple(sorted(set(years))) or (now.year,)
    if out.exists() and not force:
        raise ExtractError(f"文件已存在：{out}（要替换请加 --force）")
    if not out.parent.is_dir():
        raise ExtractError(f"文件夹不存在：{out.parent}")
    with db.read() as conn:
        tree = sources.area_tree(conn)
        has_summaries = _has_summaries(conn)
        villages = [v for root in _roots(tree) for v in tree.villages_under(root.id)]
        areas = list(tree.areas.values())
        area_ids = [a.id for a in areas]
        vys = records.read_village_years(conn, ref, [v.id for v in villages], chosen)
        targets = records.read_targets(conn, area_ids, chosen)
        summaries = list(_summaries(conn, {v.id for v in villages})) if has_summaries else []
        projects, channels = project_totals.read(conn, area_ids)
    funds = [c for root in _roots(tree) if root.level in ch.LEVELS
             for c in project_ledgers.fund_ledger(db, root.id).cells]
    if not areas:
        raise ExtractError("数据库里还没有区县、乡镇和村（笔记本同步后才有可导出的数据）")
    measure_words, industry_words = _labels(ref, "measure_type"), _labels(ref, "industry")
    tables: dict[str, list[dict[str, Any]]] = {"households": [], "measures": [], "industries": [], "progress": []}
    for root in _roots(tree):
        if root.level not in ch.LEVELS:
            continue
        for year in chosen:
            for charts in figures.village_charts(db, ref, root.id, year, now):
                for name, rows in _chart_rows(charts, measure_words, industry_words).items():
                    tables[name] += rows
    tables["area"] = [{"id": a.id, "parent_id": a.parent_id if a.parent_id in tree.areas else None,
                       "level": a.level, "level_label": LEVEL_WORDS.get(a.level, a.level), "code": a.code,
                       "name": a.name, "pinyin": full_pinyin(a.name), "initials": initials(a.name)}
                      for a in sorted(areas, key=lambda a: (ch.LEVELS.index(a.level) if a.level in ch.LEVELS else 9,
                                                            a.code or "", a.name))]
    tables["village_year"] = [{"village_id": r.village_id, "year": int(r.year),
                               "poor_village": int(bool(r.poor_village)), "out_year": r.out_year,
                               "official_incidence": percent_text(r.official_incidence) or None,
                               "collective_income_fen": r.collective_income} for r in vys]
    tables["target"] = [{"area_id": r.area_id, "year": int(r.year), "kind": r.kind,
                         "kind_label": _target_word(r.kind, ref), "value": int(r.value)}
                        for r in targets]
    tables.update(_project_rows(projects, channels, ref))
    channel_words = _labels(ref, "fund_channel")
    tables["project_funds"] = [{"area_id": c.area_id, "year": c.year, "channel": c.channel,
                                "channel_label": channel_words.get(c.channel, c.channel), "budget_fen": c.budgeted,
                                "approved_budget_fen": c.approved_budget, "disbursed_fen": c.disbursed}
                               for c in funds]
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        counts = _write(partial, tables, summaries=summaries, has_summaries=has_summaries, years=chosen, now=now,
                        source=source)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return Extract(out, chosen, counts, has_summaries)


def _write(path: Path, tables: dict[str, list[dict[str, Any]]], *,
           summaries: list[tuple[dict[str, Any], list[tuple[str, float]]]], has_summaries: bool,
           years: tuple[int, ...], now: dt.datetime, source: str) -> dict[str, int]:
    db = sqlite_utils.Database(path)
    try:
        _create(db)
        order = ("area", "village_year", "target", "households", "measures", "industries", "progress", "project",
                 "project_channel", "project_funds")
        for name in order:
            db.table(name).insert_all(tables[name])
        readme = _readme()
        if has_summaries:
            summary_fk = [("village_id", "area", "id")]
            db.table("summary").create({"village_id": str, "kind": str, "period": str, "generated_on": str,
                                        "signed": int}, pk=("village_id", "kind", "period"), foreign_keys=summary_fk)
            db.table("summary_figure").create({"village_id": str, "kind": str, "period": str, "name": str,
                                               "value": float}, pk=("village_id", "kind", "period", "name"),
                                              foreign_keys=summary_fk)
            db.table("summary").insert_all(row for row, _ in summaries)
            db.table("summary_figure").insert_all({"village_id": row["village_id"], "kind": row["kind"],
                                                   "period": row["period"], "name": n, "value": v}
                                                  for row, numbers in summaries for n, v in numbers)
            readme += [{"name": "summary", "kind": "table",
                        "description": "各村周汇总、月更新：期间、生成日期、是否已签字（不含文字说明与填报人）。"},
                       {"name": "summary_figure", "kind": "table",
                        "description": "汇总中的数字，按名称（路径）逐项列出；列表与文字不导出。"}]
        else:
            readme.append({"name": "summary", "kind": "absent",
                           "description": "来源数据库没有周汇总、月更新表（summary）：本文件不含汇总。"})
        db.table("readme").insert_all(readme, pk="name")
        db.table("about").insert_all([
            {"key": "generated_at", "value": now.isoformat()},
            {"key": "source", "value": source},
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "years", "value": ",".join(str(y) for y in years)},
            {"key": "privacy", "value": "只有数量与区域：没有姓名、证件号码、电话、住址、银行、健康信息，"
                                        "也没有户或人的编号与填写的文字；项目只有名称、"
                                        "实施单位、金额与受益户数，没有受益户、拨付对象、凭证号、验收人与意见、进度说明。"},
            {"key": "as_of", "value": "措施“已落实”与逐月进度按生成时间计；未到的月份不列出。"},
        ], pk="key")
        db.table("area").enable_fts(["name", "pinyin", "initials", "code"], fts_version="FTS5")
        # trigram: a project's name is one run of characters, so words inside it are found only as fragments
        db.table("project").enable_fts(["name", "pinyin", "initials"], fts_version="FTS5", tokenize="trigram")
        for name, sql in _VIEWS.items():
            db.create_view(name, sql.strip())
        counts = {name: db.table(name).count for name in db.table_names()
                  if not name.startswith(("area_fts", "project_fts"))}
        db.execute("PRAGMA foreign_keys = ON")
        problems = list(db.execute("PRAGMA foreign_key_check").fetchall())
        if problems:
            raise ExtractError(f"导出文件的外键不一致：{problems[:3]}")
        db.vacuum()
    finally:
        db.close()
    return counts
