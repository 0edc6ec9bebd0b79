"""The household file (一户一档): every section of one household's record, for the binder inspectors leaf through.

Sections: 基本情况, 家庭成员 (two tables: identity, then health/labour/insurance),
收入情况 with the computed 家庭纯收入 and 人均纯收入 per year, 两不愁三保障及饮水安全,
生产生活条件, 帮扶措施 with an empty 户主签名 box per measure, 资产收益分配 (the household's shares of
assets' yearly income, when it has any), 走访记录 (when the
register has visits), 变更记录 (who changed what, when, on which device) and the
sign-off lines. Long tables break across pages with their header row repeated;
every page says “第 N 页 共 M 页”. A record that was signed off (签字背书) ends with the signer, the
time, the verification code and its QR code, and says whether the record changed since.

This is an internal file, but ID numbers (and disability certificate numbers) are still
masked unless the caller passes ``full_ids=True``, and bank account numbers unless it passes
``bank=True`` (a separate choice: full IDs for the archive do not bring bank data with them).
Any ID-length number typed into free text is masked too (:func:`.common.para`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, LongTable, Paragraph, Spacer, Table

from fieldapp.domain import income as income_rules
from fieldapp.domain import register as rules
from fieldapp.domain import workflow as flow_rules
from fieldapp.domain.income import INCOME_FIELDS
from fieldapp.services import register, thresholds
from fieldapp.services.context import AppContext
from fieldapp.services.printing import household_history
from fieldapp.services.printing.common import (
    cadre_rows,
    date_text,
    grid,
    heading,
    para,
    styles,
    village_names,
    write_a4,
    yes_no,
    yuan,
)
from fieldapp.services.printing.signoff_block import signoff_block
from fieldapp.services.register import HouseholdRecord
from fieldapp.store import derived

log = logging.getLogger("fieldapp.services.printing")

WIDTH = A4[0] - 36 * mm  # text width between the margins
TRANSFERS = tuple(f for f in INCOME_FIELDS if f.startswith("transfer_"))
PROPERTY = tuple(f for f in INCOME_FIELDS if f.startswith("property_"))


def render_household_file(ctx: AppContext, household_id: str, out_path: Path | str, *, full_ids: bool = False,
                          bank: bool = False, today: dt.date | None = None) -> Path:
    """Write the household file of ``household_id`` to ``out_path`` (atomically); returns the path."""
    record = register.load_record(ctx.db, household_id)
    story = build_story(ctx, record, full_ids=full_ids, bank=bank, today=today)
    h = record.household
    day = today or dt.date.today()
    footer = f"户编号 {h.get('hh_no') or '—'}　打印于 {day.isoformat()}"
    target = write_a4(story, out_path, title="一户一档", footer=footer)
    log.info("household file of %s written to %s", household_id, target)
    return target


def build_story(ctx: AppContext, record: HouseholdRecord, *, full_ids: bool = False, bank: bool = False,
                today: dt.date | None = None) -> list[Any]:
    st = styles(9)
    h = record.household
    with ctx.db.read() as conn:
        villages, cadres = village_names(conn), cadre_rows(conn)
        names = {**villages, **{k: v.name for k, v in cadres.items()}}
        names.update({m["id"]: m["name"] for m in record.members})
        history = household_history.history_rows(conn, ctx, str(record.id), full_ids, bank=bank)
        visits = household_history.visit_rows(conn, str(record.id))
        stands = derived.standings(conn, [str(record.id)]).get(str(record.id))
    head = next((m for m in record.members if m.get("relation") == rules.HEAD), None)
    village = villages.get(h["village_id"], "")
    story: list[Any] = [
        Paragraph("建档立卡户档案（一户一档）", st["title"]),
        para(f"{village}{'　第' + str(h['group_no']) + '组' if h.get('group_no') else ''}　"
             f"户主 {head['name'] if head else '—'}　户编号 {h.get('hh_no') or '—'}", st["subtitle"]),
    ]
    story += _basics(ctx, record, village, cadres, st, bank, stands)
    story += _members(ctx, record, st, full_ids)
    story += _incomes(ctx, record, st)
    story += _indicators(ctx, record, cadres, st)
    story += _living(ctx, record, st)
    story += _measures(ctx, record, names, st)
    story += _asset_shares(ctx, str(record.id), st)
    story += household_history.visits_section(ctx, visits, st)
    story += household_history.history_section(history, st, "七" if visits is None else "八",
                                               keep_ids=full_ids or bank)
    story.append(KeepTogether([Spacer(1, 8 * mm), para(
        "户主（签字）：＿＿＿＿＿＿＿＿　　包扶责任人（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        st["body"])]))
    story += signoff_block(ctx, "household", str(record.id), st, WIDTH)
    return story


def _labels(ctx: AppContext, table: str, full_ids: bool,
            bank: bool = False) -> tuple[Callable[[str], str], Callable[[str, Any], str]]:
    """A table's field labels and printed values from the field catalogue; sensitive values masked unless asked."""
    fields = ctx.ref.fields

    def label(column: str) -> str:
        return fields.label(table, column)

    def value(column: str, stored: Any) -> str:
        return fields.format_value(table, column, stored, masked=not full_ids, bank=bank)

    return label, value


def _pairs(pairs: list[tuple[str, str]], st: dict[str, Any], columns: int = 2, *, keep_ids: bool = False) -> Table:
    """Label/value pairs, ``columns`` pairs to a row."""
    label_w, value_w = 26 * mm, WIDTH / columns - 26 * mm
    rows = []
    for i in range(0, len(pairs), columns):
        row: list[Any] = []
        for label, value in pairs[i:i + columns]:
            row += [para(label, st["cell"]), para(value, st["cell"], keep_ids=keep_ids)]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    table = Table(rows, colWidths=[label_w, value_w] * columns)
    style = grid(header_rows=0)
    for c in range(0, 2 * columns, 2):
        style.add("BACKGROUND", (c, 0), (c, -1), "#F1F4F7")
    table.setStyle(style)
    return table


def _basics(ctx: AppContext, record: HouseholdRecord, village: str, cadres: dict[str, Any],  # noqa: PLR0917
            st: dict[str, Any], bank: bool, stands: flow_rules.Standing | None) -> list[Any]:
    ref, h = ctx.ref, record.household
    # the exit status and year the workflows decided, and where they come from (never a typed value)
    status = stands.exit_status if stands is not None else None
    year = stands.exit_year if stands is not None else None
    source = {flow_rules.SOURCE_WORKFLOW: "（由流程确定）", flow_rules.SOURCE_IMPORTED: "（导入）"}.get(
        stands.source if stands is not None else "", "")
    label, value = _labels(ctx, "household", False, bank)
    status_text = value("exit_status", status) + source if status else ""
    code = ref["poverty_cause"]
    cadre = cadres.get(h.get("cadre_id") or "")
    kind = rules.plate_kind(h.get("attribute"), h.get("plate_kind"), ref)
    kind_text = ref["household_kind"].label(kind) + ("" if h.get("plate_kind") else "（按属性）")
    group = f" 第{h['group_no']}组" if h.get("group_no") else ""
    unit_phone = "　".join(p for p in (cadre.unit, cadre.phone) if p) if cadre else ""
    pairs = [
        (label("hh_no"), h.get("hh_no") or ""), ("住址", f"{village}{group}"),
        (label("address"), h.get("address") or ""), (label("phone"), h.get("phone") or ""),
        (label("standard"), value("standard", h.get("standard"))),
        (label("identified_on"), date_text(h.get("identified_on"))),
        (label("attribute"), value("attribute", h.get("attribute"))), (label("plate_kind"), kind_text),
        (label("exit_status"), status_text),
        (label("exit_year"), f"{year}年" if year else ""),
        (label("main_cause"), value("main_cause", h.get("main_cause"))),
        ("次要致贫原因", "、".join(code.label(c) for c in (h.get("cause2"), h.get("cause3")) if c)),
        (label("exit_deadline"), f"{h['exit_deadline']}年" if h.get("exit_deadline") else ""),
        (label("fund_channel"), value("fund_channel", h.get("fund_channel"))),
        (label("cadre_id"), cadre.name if cadre else ""),
        ("单位及电话", unit_phone),
        (label("bank_name"), h.get("bank_name") or ""),
        (label("bank_account"), value("bank_account", h.get("bank_account"))),
    ]
    items: list[Any] = [*heading("一、基本情况", st), _pairs(pairs, st, keep_ids=bank)]
    if h.get("note"):
        items += [Spacer(1, 2 * mm), para(f"备注：{h['note']}", st["cell"])]
    return items


def _members(ctx: AppContext, record: HouseholdRecord, st: dict[str, Any], full_ids: bool) -> list[Any]:
    ref = ctx.ref
    label, value = _labels(ctx, "member", full_ids)
    if not record.members:
        return [*heading("二、家庭成员", st), para("（无成员记录）", st["note"])]
    ident = [["序号", *(label(k) for k in ("name", "relation", "id_no", "gender", "birth_date", "ethnicity",
                                            "education", "schooling"))]]
    care = [["序号", label("name"), label("health"), "残疾等级/证号", label("labour_skill"), label("work_status"),
             "务工时间/单位", "医保/大病/养老", "低保/特困", label("military")]]
    for i, m in enumerate(record.members, start=1):
        ident.append([str(i), m.get("name") or "", ref["relation"].label(m.get("relation")),
                      value("id_no", m.get("id_no")),
                      ref["gender"].label(m.get("gender")),
                      m["birth_date"].isoformat() if m.get("birth_date") else "", m.get("ethnicity") or "",
                      ref["education"].label(m.get("education")), ref["schooling"].label(m.get("schooling"))])
        disability = " ".join(p for p in (ref["disability_grade"].label(m.get("disability_grade")),
                                          value("disability_cert", m.get("disability_cert"))) if p)
        work = " ".join(p for p in (f"{m['work_months']}个月" if m.get("work_months") else "", m.get("employer") or "")
                        if p)
        care.append([str(i), m.get("name") or "", ref["health"].label(m.get("health")), disability,
                     ref["labour_skill"].label(m.get("labour_skill")), ref["work_status"].label(m.get("work_status")),
                     work, "/".join(yes_no(m.get(k)) or "—" for k in ("medical_insurance", "critical_illness_insurance",
                                                                      "pension_insurance")),
                     "/".join(yes_no(m.get(k)) or "—" for k in ("dibao", "tekun")), yes_no(m.get("military"))])
    w = WIDTH / mm
    ident_widths = [8, 18, 18, 36, 10, 22, 12, 20, w - 144]
    care_widths = [8, 18, 18, 26, 16, 18, w - 152, 22, 16, 10]
    return [*heading("二、家庭成员", st), _table(ident, ident_widths, st, keep_ids=full_ids), Spacer(1, 3 * mm),
            _table(care, care_widths, st, keep_ids=full_ids)]


def _table(rows: list[list[str]], widths_mm: list[float], st: dict[str, Any], total_row: bool = False,
           numeric: tuple[int, ...] = (), *, keep_ids: bool = False) -> LongTable:
    """A ruled table whose header row repeats on every page it spans."""
    body = [[para(c, st["head"]) for c in rows[0]]]
    for row in rows[1:]:
        body.append([para(c, st["num"] if i in numeric else st["cell"], keep_ids=keep_ids) for i, c in enumerate(row)])
    table = LongTable(body, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(grid(total_row=total_row))
    return table


def _incomes(ctx: AppContext, record: HouseholdRecord, st: dict[str, Any]) -> list[Any]:
    items: list[Any] = [*heading("三、收入情况（元）", st)]
    if not record.incomes:
        return [*items, para("（无收入记录）", st["note"])]
    rows = [["年度", "人口", "工资性收入", "生产经营性收入", "生产经营性支出", "转移性收入", "财产性收入",
             "家庭纯收入", "人均纯收入", "当年贫困线"]]
    area = ctx.settings["district_code"]
    lines = {}
    for inc in record.incomes:
        persons = inc.get("persons") or len(record.members)
        net = income_rules.net_income(inc)
        line = thresholds.threshold_for(ctx.db, "poverty_line", int(inc["year"]), area)
        lines[inc["year"]] = line
        rows.append([str(inc["year"]), str(persons or ""), yuan(inc.get("wage") or 0),
                     yuan(inc.get("production") or 0), yuan(inc.get("production_cost") or 0),
                     yuan(sum(inc.get(f) or 0 for f in TRANSFERS)), yuan(sum(inc.get(f) or 0 for f in PROPERTY)),
                     yuan(net), yuan(income_rules.per_person(net, persons)), yuan(line.amount) if line else ""])
    if not any(lines.values()):  # no poverty line known for these years: leave the column out
        rows = [r[:-1] for r in rows]
    money = len(rows[0]) - 2
    widths = [12, 10] + [(WIDTH / mm - 22) / money] * money
    return [*items, _table(rows, widths, st, numeric=tuple(range(1, len(rows[0])))),
            para("家庭纯收入 = 工资性收入 + 生产经营性收入 − 生产经营性支出 + 转移性收入 + 财产性收入；"
                 "人均纯收入 = 家庭纯收入 ÷ 人口，均由系统计算。", st["note"])]


def _indicators(ctx: AppContext, record: HouseholdRecord, cadres: dict[str, Any], st: dict[str, Any]) -> list[Any]:
    ref = ctx.ref
    found = {i["code"]: i for i in record.indicators}
    fields = ref.fields
    rows = [["类别", *(fields.label("indicator", k) for k in ("code", "met", "checked_on", "checked_by", "note"))]]
    groups = ref["indicator_group"]
    for code in ref["indicator"].codes:
        i = found.get(code.code, {})
        met = i.get("met")
        cadre = cadres.get(i.get("checked_by") or "")
        rows.append([groups.label(code.attrs.get("group", "")), code.text(),
                     "未核查" if met is None else ("达标" if met else "未达标"), date_text(i.get("checked_on")),
                     cadre.name if cadre else "", i.get("note") or ""])
    danger = ref["dangerous_house_grade"].label(record.household.get("danger_grade"))
    return [*heading("四、“两不愁三保障”及饮水安全", st), _table(rows, [18, 40, 18, 28, 18, WIDTH / mm - 122], st),
            para(f"危房等级：{danger or '未填写'}", st["note"])]


def _living(ctx: AppContext, record: HouseholdRecord, st: dict[str, Any]) -> list[Any]:
    ref, h = ctx.ref, record.household
    keys = ("farmland_mu", "forest_mu", "grain_to_green_mu", "house_area", "sanitary_toilet", "electricity",
            "broadcast_tv", "road_type", "road_distance_km", "fuel", "relocation_type", "relocation_site")
    pairs = [(ref.fields.label("household", k), ref.fields.format_value("household", k, h.get(k))) for k in keys]
    return [*heading("五、生产生活条件", st), _pairs(pairs, st, columns=3)]


def _measures(ctx: AppContext, record: HouseholdRecord, names: dict[str, str], st: dict[str, Any]) -> list[Any]:
    """帮扶措施 with the project each came from and its channel, then what the household received per year and
    channel (:func:`fieldapp.services.projects.household.household_benefits`: the measures' own amounts)."""
    from fieldapp.services.projects.household import household_benefits

    ref = ctx.ref
    benefits = household_benefits(ctx.db, str(record.id))
    project_of = {b.measure_id: b.project_name for b in benefits.benefits if b.project_name}
    rows = [["序号", *(ref.fields.label("measure", k) for k in ("type", "content", "amount")),
             f"{ref.fields.label('measure', 'fund_channel')}／项目",
             *(ref.fields.label("measure", k) for k in ("date", "responsible_unit")), "户主签名"]]
    for i, m in enumerate(record.measures, start=1):
        content = m.get("content") or ""
        if m.get("member_id") and names.get(m["member_id"]) and names[m["member_id"]] not in content:
            content = f"{content}（{names[m['member_id']]}）"
        source = ref["fund_channel"].label(m.get("fund_channel")) if m.get("fund_channel") else ""
        if project_of.get(m.get("id")):
            source = f"{source}\n项目：{project_of[m['id']]}".strip()
        rows.append([str(i), ref["measure_type"].label(m.get("type")), content, yuan(m.get("amount")), source,
                     m["date"].isoformat() if m.get("date") else "", m.get("responsible_unit") or "", ""])
    if len(rows) == 1:
        return [*heading("六、帮扶措施", st), para("（无帮扶措施）", st["note"])]
    widths = [8, 18, WIDTH / mm - 140, 18, 28, 20, 24, 24]
    table = _table(rows, widths, st, numeric=(3,))
    # room for a signature in every row
    table.setStyle([("BOTTOMPADDING", (0, 1), (-1, -1), 9), ("TOPPADDING", (0, 1), (-1, -1), 9)])
    return [*heading("六、帮扶措施", st), table, *_yearly(ctx, benefits, st)]


def _asset_shares(ctx: AppContext, household_id: str, st: dict[str, Any]) -> list[Any]:
    """资产收益分配: the household's shares of assets' yearly income, with each year's total (only when it has any)."""
    from fieldapp.services.assets import records as assets

    shares = assets.household_shares(ctx.db, household_id)
    if not shares:
        return []
    rows = [["年度", "资产", "类别", "所属项目", "分配金额"]]
    totals = assets.household_totals(shares)
    for year in sorted(totals):
        for s in (s for s in shares if s.year == year):
            rows.append([str(year), s.asset_name, ctx.ref["asset_kind"].label(s.asset_kind), s.project_name,
                         yuan(s.amount)])
        rows.append([f"{year}年合计", "", "", "", yuan(totals[year])])
    table = _table(rows, [16, 50, 16, WIDTH / mm - 110, 28], st, numeric=(4,))
    totals_at = [i for i, r in enumerate(rows) if r[0].endswith("合计")]
    table.setStyle([*(("BACKGROUND", (0, i), (-1, i), "#F1F4F7") for i in totals_at),
                    *(("SPAN", (0, i), (3, i)) for i in totals_at)])
    return [*heading("资产收益分配（元）", st), table]

def _yearly(ctx: AppContext, benefits: Any, st: dict[str, Any]) -> list[Any]:
    """每年帮扶资金 by channel: one row per year, one column per channel that has money (元)."""
    from fieldapp.services.projects.ledgers import channel_codes, channel_label

    if not benefits.totals:
        return []
    held = {t.channel for t in benefits.totals}
    channels: list[str | None] = [c for c in channel_codes(ctx.ref, held) if c in held]
    channels += [None] if None in held else []
    amount = {(t.year, t.channel): t.amount for t in benefits.totals}
    rows = [["年度", *(channel_label(ctx.ref, c) for c in channels), "合计"]]
    for year in benefits.years:
        rows.append([f"{year}年" if year else "未注明日期", *(yuan(amount.get((year, c))) for c in channels),
                     yuan(benefits.year_total(year))])
    rows.append(["合计", *(yuan(sum(t.amount for t in benefits.totals if t.channel == c)) for c in channels),
                 yuan(benefits.total)])
    first = 22
    rest = (WIDTH / mm - first) / (len(channels) + 1)
    table = _table(rows, [first, *([rest] * (len(channels) + 1))], st, total_row=True,
                   numeric=tuple(range(1, len(channels) + 2)))
    return [Spacer(1, 3 * mm), para("每年帮扶资金（按资金渠道，元）", st["body"]), table]
