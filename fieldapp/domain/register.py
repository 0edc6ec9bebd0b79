"""Validation rules of a household record (建档立卡) and its parts.

Records are plain dicts keyed by store column names. Each ``*_problems`` function
returns {field: message}; an empty dict means valid. Messages are Simplified
Chinese, shown next to the field by the editor and listed by imports.

A household exists only with a 户编号 and exactly one head (户主) among its members:
without them it would show as a blank row and print as a blank door plate. Text
longer than its stored column is refused with the limit and the length typed, never
cut. Amounts are never negative: 生产经营性收入 is the gross takings and its costs
are typed separately as 生产经营性支出, so a business that lost money shows as a
negative 家庭纯收入 (computed) without any typed amount being negative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from fieldapp.domain import resident_id, validation
from fieldapp.domain.income import INCOME_FIELDS
from fieldapp.domain.refdata import RefData

HEAD = "01"

# field → code list name, for every coded field
HOUSEHOLD_CODES = {
    "standard": "identification_standard", "attribute": "household_attribute", "exit_status": "exit_status",
    "plate_kind": "household_kind", "main_cause": "poverty_cause", "cause2": "poverty_cause",
    "cause3": "poverty_cause", "fund_channel": "fund_channel", "danger_grade": "dangerous_house_grade",
    "road_type": "road_type", "fuel": "fuel", "relocation_type": "relocation_type",
}
MEMBER_CODES = {
    "gender": "gender", "relation": "relation", "education": "education", "schooling": "schooling",
    "health": "health", "disability_grade": "disability_grade", "labour_skill": "labour_skill",
    "work_status": "work_status",
}
MEASURE_CODES = {"type": "measure_type", "fund_channel": "fund_channel", "industry": "industry",
                 "post": "public_welfare_post"}
# Longest text each column holds (the store's column lengths; tests/domain checks they agree).
HOUSEHOLD_TEXT_MAX = {"hh_no": 32, "address": 200, "phone": 32, "bank_name": 64, "bank_account": 40,
                      "relocation_site": 128}
MEMBER_TEXT_MAX = {"name": 32, "id_no": 18, "ethnicity": 16, "disability_cert": 20, "employer": 128}
MEASURE_TEXT_MAX = {"content": 500, "responsible_unit": 128}
INDICATOR_TEXT_MAX = {"note": 200}
DECIMAL_FIELDS = ("farmland_mu", "forest_mu", "grain_to_green_mu", "house_area", "road_distance_km")


def _code_problems(values: Mapping[str, Any], codes: Mapping[str, str], ref: RefData) -> dict[str, str]:
    problems = {}
    for field, list_name in codes.items():
        value = values.get(field)
        if value is None or value == "":
            continue
        code_list = ref[list_name]
        if value not in code_list:
            problems[field] = f"代码 {value} 不在“{code_list.title['zh-Hans']}”代码表中"
    return problems


def length_problem(value: Any, limit: int) -> str | None:
    """Message for text longer than ``limit`` characters (it is refused, never cut)."""
    if isinstance(value, str) and len(value.strip()) > limit:
        return f"最多{limit}个字，现有{len(value.strip())}个字"
    return None


def _length_problems(values: Mapping[str, Any], limits: Mapping[str, int]) -> dict[str, str]:
    found = {}
    for field, limit in limits.items():
        value = values.get(field)
        if isinstance(value, str) and len(value) > limit:  # only text this long can be too long once stripped
            message = length_problem(value, limit)
            if message:
                found[field] = message
    return found


def household_problems(h: Mapping[str, Any], ref: RefData, today: dt.date | None = None, *,
                       cells_checked: bool = False) -> dict[str, str]:
    """The household's own rules; ``cells_checked``: see :func:`record_problems`."""
    p = {} if cells_checked else _code_problems(h, HOUSEHOLD_CODES, ref)
    required = {"village_id": "请选择村", "hh_no": "户编号为必填", "main_cause": "主要致贫原因为必填"}
    p.update({field: message for field, message in required.items() if not str(h.get(field) or "").strip()})
    causes = [h.get(k) for k in ("main_cause", "cause2", "cause3") if h.get(k)]
    if len(causes) != len(set(causes)):
        p["cause2"] = "次要致贫原因不能与其他原因重复"
    group = h.get("group_no")
    if group is not None:
        try:
            if not 1 <= int(group) <= 99:
                p["group_no"] = "组号应在1到99之间"
        except (TypeError, ValueError):
            p["group_no"] = "组号应为数字"
    for field, message in (
        ("phone", validation.phone_problem(h.get("phone"))),
        ("identified_on", validation.past_date_problem(h.get("identified_on"), today)),
        ("exit_year", validation.year_problem(h.get("exit_year"), hi=(today or dt.date.today()).year)),
        ("exit_deadline", validation.year_problem(h.get("exit_deadline"))),
    ):
        if message:
            p[field] = message
    for field in DECIMAL_FIELDS:
        text = h.get(field)
        if text not in (None, ""):
            try:
                if float(str(text)) < 0:
                    p[field] = "不能为负数"
            except ValueError:
                p[field] = "请输入数字"
    p.update(_length_problems(h, HOUSEHOLD_TEXT_MAX))
    return p


def _id_problems(m: Mapping[str, Any], id_no: str, cells_checked: bool) -> dict[str, str]:
    """The ID number's own check (left out for a cleaned cell), then the birth date and gender against it."""
    number = id_no
    if not cells_checked:
        try:
            number = resident_id.validate(id_no)
        except resident_id.ResidentIdError as exc:
            return {"id_no": str(exc)}
    p: dict[str, str] = {}
    if m.get("birth_date") and m["birth_date"] != resident_id.birth_date(number):
        p["birth_date"] = "出生日期与证件号码不一致"
    if m.get("gender") and m["gender"] != resident_id.gender_code(number):
        p["gender"] = "性别与证件号码不一致"
    return p


def member_problems(m: Mapping[str, Any], ref: RefData, today: dt.date | None = None, *,
                    cells_checked: bool = False) -> dict[str, str]:
    """One member's rules; ``cells_checked``: see :func:`record_problems`."""
    p = {} if cells_checked else _code_problems(m, MEMBER_CODES, ref)
    if not (m.get("name") or "").strip():
        p["name"] = "姓名为必填"
    if not m.get("relation"):
        p["relation"] = "与户主关系为必填"
    id_no = m.get("id_no")
    if id_no:
        p.update(_id_problems(m, id_no, cells_checked))
    birth = validation.past_date_problem(m.get("birth_date"), today)
    if birth:
        p["birth_date"] = birth
    if m.get("health") == "04" and not m.get("disability_grade"):
        p["disability_grade"] = "残疾人须填写残疾等级"
    cert = m.get("disability_cert")
    if cert and id_no:
        cert_no, number = resident_id.normalize(str(cert)), resident_id.normalize(str(id_no))
        if not (len(cert_no) == len(number) + 2 and cert_no.startswith(number) and cert_no[-2:].isdigit()):
            p["disability_cert"] = "残疾证号应为证件号码加2位数字"
    months = m.get("work_months")
    if months is not None and not 0 <= int(months) <= 12:
        p["work_months"] = "务工时间应在0到12个月之间"
    return {**_length_problems(m, MEMBER_TEXT_MAX), **p}


def income_problems(row: Mapping[str, Any], today: dt.date | None = None) -> dict[str, str]:
    p: dict[str, str] = {}
    year_msg = validation.year_problem(row.get("year"), hi=(today or dt.date.today()).year)
    if row.get("year") is None:
        p["year"] = "年度为必填"
    elif year_msg:
        p["year"] = year_msg
    for field in INCOME_FIELDS:
        msg = validation.amount_problem(row.get(field))
        if msg:
            # a loss is not a negative income: it is a cost larger than the takings
            p[field] = msg + ("（亏损请把成本填在“生产经营性支出”）" if field == "production" else "")
    persons = row.get("persons")
    if persons is not None and int(persons) <= 0:
        p["persons"] = "人口数应大于0"
    return p


def indicator_problems(row: Mapping[str, Any], ref: RefData, today: dt.date | None = None) -> dict[str, str]:
    p: dict[str, str] = {}
    if row.get("code") not in ref["indicator"]:
        p["code"] = f"未知指标 {row.get('code')}"
    msg = validation.past_date_problem(row.get("checked_on"), today)
    if msg:
        p["checked_on"] = msg
    if row.get("met") is not None and not row.get("checked_on"):
        p["checked_on"] = "请填写核查日期"
    p.update(_length_problems(row, INDICATOR_TEXT_MAX))
    return p


def measure_problems(row: Mapping[str, Any], ref: RefData, today: dt.date | None = None) -> dict[str, str]:
    p = _code_problems(row, MEASURE_CODES, ref)
    if not row.get("type"):
        p["type"] = "措施类型为必填"
    if not (row.get("content") or "").strip():
        p["content"] = "措施内容为必填"
    msg = validation.amount_problem(row.get("amount"))
    if msg:
        p["amount"] = msg
    if row.get("date") and row.get("end_date") and row["end_date"] < row["date"]:
        p["end_date"] = "结束日期不能早于开始日期"
    return {**_length_problems(row, MEASURE_TEXT_MAX), **p}


def record_problems(household: Mapping[str, Any], members: Sequence[Mapping[str, Any]],
                    ref: RefData, today: dt.date | None = None, *, cells_checked: bool = False) -> dict[str, str]:
    """Whole-record rules. Keys: ``household.<field>``, ``member[i].<field>``, ``members``.

    A record without members, or without exactly one head, is refused (``members``).
    ``cells_checked``: every value came from a cell an import's cleaner accepted (a new household of a
    file), so each coded value is a code of its list and each ID number valid and canonical (the cleaners
    refused the others, with their own messages); those two rules are not run again. Every other rule is.
    """
    today = today or dt.date.today()  # once for the record, not once per member
    problems = {f"household.{k}": v
                for k, v in household_problems(household, ref, today, cells_checked=cells_checked).items()}
    seen: dict[str, int] = {}
    heads = 0
    for i, m in enumerate(members):
        for k, v in member_problems(m, ref, today, cells_checked=cells_checked).items():
            problems[f"member[{i}].{k}"] = v
        if m.get("relation") == HEAD:
            heads += 1
        if m.get("id_no"):
            number = resident_id.normalize(str(m["id_no"]))
            if number in seen:
                problems[f"member[{i}].id_no"] = f"与第{seen[number] + 1}位成员的证件号码重复"
            seen[number] = i
    if not members:
        problems["members"] = "本户没有成员，请添加户主"
    elif heads != 1:
        problems["members"] = "每户必须有且只有一位户主" if heads > 1 else "本户没有户主"
    return problems


def plate_kind(attribute: str | None, explicit: str | None, ref: RefData) -> str:
    """兜底户 (safety_net) or 脱贫户 (development): explicit flag, else derived from the attribute."""
    if explicit:
        return explicit
    code = ref["household_attribute"].by_code.get(attribute or "")
    return "safety_net" if code is not None and code.attrs.get("safety_net") else "development"
