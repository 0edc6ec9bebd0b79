"""Display labels of register fields (table + column → translatable label) and of stored values.

One table for the whole editor: form labels, table headers and the change history
all come from here, so a field is called the same everywhere. Labels are marked
with QT_TRANSLATE_NOOP (context ``FieldLabel``) for pyside6-lupdate and translated
when looked up. Income items take their labels from reference data (``income_item``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.domain import register as rules
from fieldapp.domain.income import INCOME_FIELDS
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.gui.codes import current_language

CONTEXT = "FieldLabel"

# QT_TRANSLATE_NOOP returns its text unchanged (typed as object by the stubs).
_FIELDS: dict[tuple[str, str], object] = {
    # household: 住地与身份
    ("household", "village_id"): QT_TRANSLATE_NOOP("FieldLabel", "村"),
    ("household", "group_no"): QT_TRANSLATE_NOOP("FieldLabel", "组"),
    ("household", "hh_no"): QT_TRANSLATE_NOOP("FieldLabel", "户编号"),
    ("household", "address"): QT_TRANSLATE_NOOP("FieldLabel", "详细地址"),
    ("household", "phone"): QT_TRANSLATE_NOOP("FieldLabel", "联系电话"),
    ("household", "bank_name"): QT_TRANSLATE_NOOP("FieldLabel", "开户银行"),
    ("household", "bank_account"): QT_TRANSLATE_NOOP("FieldLabel", "银行账号"),
    ("household", "standard"): QT_TRANSLATE_NOOP("FieldLabel", "识别标准"),
    ("household", "identified_on"): QT_TRANSLATE_NOOP("FieldLabel", "首次识别时间"),
    ("household", "attribute"): QT_TRANSLATE_NOOP("FieldLabel", "贫困户属性"),
    ("household", "exit_status"): QT_TRANSLATE_NOOP("FieldLabel", "脱贫状态"),
    ("household", "exit_year"): QT_TRANSLATE_NOOP("FieldLabel", "脱贫年度"),
    ("household", "plate_kind"): QT_TRANSLATE_NOOP("FieldLabel", "门牌类别"),
    ("household", "main_cause"): QT_TRANSLATE_NOOP("FieldLabel", "主要致贫原因"),
    ("household", "cause2"): QT_TRANSLATE_NOOP("FieldLabel", "次要致贫原因（一）"),
    ("household", "cause3"): QT_TRANSLATE_NOOP("FieldLabel", "次要致贫原因（二）"),
    ("household", "note"): QT_TRANSLATE_NOOP("FieldLabel", "备注"),
    # household: 包扶责任
    ("household", "exit_deadline"): QT_TRANSLATE_NOOP("FieldLabel", "脱贫时限"),
    ("household", "cadre_id"): QT_TRANSLATE_NOOP("FieldLabel", "包扶责任人"),
    ("household", "fund_channel"): QT_TRANSLATE_NOOP("FieldLabel", "脱贫资金渠道"),
    # household: 生产生活条件
    ("household", "farmland_mu"): QT_TRANSLATE_NOOP("FieldLabel", "耕地（亩）"),
    ("household", "forest_mu"): QT_TRANSLATE_NOOP("FieldLabel", "林地（亩）"),
    ("household", "grain_to_green_mu"): QT_TRANSLATE_NOOP("FieldLabel", "退耕还林（亩）"),
    ("household", "house_area"): QT_TRANSLATE_NOOP("FieldLabel", "住房面积（㎡）"),
    ("household", "danger_grade"): QT_TRANSLATE_NOOP("FieldLabel", "危房等级"),
    ("household", "sanitary_toilet"): QT_TRANSLATE_NOOP("FieldLabel", "卫生厕所"),
    ("household", "electricity"): QT_TRANSLATE_NOOP("FieldLabel", "通电"),
    ("household", "broadcast_tv"): QT_TRANSLATE_NOOP("FieldLabel", "通广播电视"),
    ("household", "road_type"): QT_TRANSLATE_NOOP("FieldLabel", "入户路类型"),
    ("household", "road_distance_km"): QT_TRANSLATE_NOOP("FieldLabel", "与主干路距离（公里）"),
    ("household", "fuel"): QT_TRANSLATE_NOOP("FieldLabel", "主要燃料"),
    ("household", "relocation_type"): QT_TRANSLATE_NOOP("FieldLabel", "易地搬迁方式"),
    ("household", "relocation_site"): QT_TRANSLATE_NOOP("FieldLabel", "安置地"),
    # member
    ("member", "name"): QT_TRANSLATE_NOOP("FieldLabel", "姓名"),
    ("member", "id_no"): QT_TRANSLATE_NOOP("FieldLabel", "证件号码"),
    ("member", "gender"): QT_TRANSLATE_NOOP("FieldLabel", "性别"),
    ("member", "birth_date"): QT_TRANSLATE_NOOP("FieldLabel", "出生日期"),
    ("member", "relation"): QT_TRANSLATE_NOOP("FieldLabel", "与户主关系"),
    ("member", "ethnicity"): QT_TRANSLATE_NOOP("FieldLabel", "民族"),
    ("member", "education"): QT_TRANSLATE_NOOP("FieldLabel", "文化程度"),
    ("member", "schooling"): QT_TRANSLATE_NOOP("FieldLabel", "在校生状况"),
    ("member", "health"): QT_TRANSLATE_NOOP("FieldLabel", "健康状况"),
    ("member", "disability_grade"): QT_TRANSLATE_NOOP("FieldLabel", "残疾等级"),
    ("member", "disability_cert"): QT_TRANSLATE_NOOP("FieldLabel", "残疾证号"),
    ("member", "labour_skill"): QT_TRANSLATE_NOOP("FieldLabel", "劳动技能"),
    ("member", "work_status"): QT_TRANSLATE_NOOP("FieldLabel", "务工状况"),
    ("member", "work_months"): QT_TRANSLATE_NOOP("FieldLabel", "务工时间（月）"),
    ("member", "employer"): QT_TRANSLATE_NOOP("FieldLabel", "务工单位"),
    ("member", "medical_insurance"): QT_TRANSLATE_NOOP("FieldLabel", "基本医疗保险"),
    ("member", "critical_illness_insurance"): QT_TRANSLATE_NOOP("FieldLabel", "大病保险"),
    ("member", "pension_insurance"): QT_TRANSLATE_NOOP("FieldLabel", "养老保险"),
    ("member", "dibao"): QT_TRANSLATE_NOOP("FieldLabel", "享受低保"),
    ("member", "tekun"): QT_TRANSLATE_NOOP("FieldLabel", "享受特困供养"),
    ("member", "military"): QT_TRANSLATE_NOOP("FieldLabel", "现役军人"),
    ("member", "age"): QT_TRANSLATE_NOOP("FieldLabel", "年龄"),
    # income
    ("income_year", "year"): QT_TRANSLATE_NOOP("FieldLabel", "年度"),
    ("income_year", "persons"): QT_TRANSLATE_NOOP("FieldLabel", "人口数"),
    ("income_year", "net"): QT_TRANSLATE_NOOP("FieldLabel", "家庭纯收入"),
    ("income_year", "per_person"): QT_TRANSLATE_NOOP("FieldLabel", "人均纯收入"),
    # indicator
    ("indicator", "code"): QT_TRANSLATE_NOOP("FieldLabel", "指标"),
    ("indicator", "met"): QT_TRANSLATE_NOOP("FieldLabel", "是否达标"),
    ("indicator", "checked_on"): QT_TRANSLATE_NOOP("FieldLabel", "核查日期"),
    ("indicator", "checked_by"): QT_TRANSLATE_NOOP("FieldLabel", "核查人"),
    ("indicator", "note"): QT_TRANSLATE_NOOP("FieldLabel", "备注"),
    # measure
    ("measure", "type"): QT_TRANSLATE_NOOP("FieldLabel", "措施类型"),
    ("measure", "content"): QT_TRANSLATE_NOOP("FieldLabel", "内容"),
    ("measure", "amount"): QT_TRANSLATE_NOOP("FieldLabel", "金额（元）"),
    ("measure", "fund_channel"): QT_TRANSLATE_NOOP("FieldLabel", "资金渠道"),
    ("measure", "date"): QT_TRANSLATE_NOOP("FieldLabel", "日期"),
    ("measure", "end_date"): QT_TRANSLATE_NOOP("FieldLabel", "结束日期"),
    ("measure", "responsible_unit"): QT_TRANSLATE_NOOP("FieldLabel", "责任单位"),
    ("measure", "industry"): QT_TRANSLATE_NOOP("FieldLabel", "产业"),
    ("measure", "post"): QT_TRANSLATE_NOOP("FieldLabel", "公益岗位"),
    ("measure", "member_id"): QT_TRANSLATE_NOOP("FieldLabel", "受益成员"),
    # any table
    ("*", "deleted"): QT_TRANSLATE_NOOP("FieldLabel", "删除"),
}

_TABLES = {
    "household": QT_TRANSLATE_NOOP("FieldLabel", "户"),
    "member": QT_TRANSLATE_NOOP("FieldLabel", "成员"),
    "income_year": QT_TRANSLATE_NOOP("FieldLabel", "收入"),
    "indicator": QT_TRANSLATE_NOOP("FieldLabel", "指标"),
    "measure": QT_TRANSLATE_NOOP("FieldLabel", "措施"),
}

_INDICATOR_GROUPS = {
    "two_no_worries": QT_TRANSLATE_NOOP("FieldLabel", "两不愁"),
    "three_guarantees": QT_TRANSLATE_NOOP("FieldLabel", "三保障"),
    "drinking_water": QT_TRANSLATE_NOOP("FieldLabel", "饮水安全"),
}

# (table, column) → code list name, for every coded column.
CODE_LISTS: dict[tuple[str, str], str] = {
    **{("household", f): name for f, name in rules.HOUSEHOLD_CODES.items()},
    **{("member", f): name for f, name in rules.MEMBER_CODES.items()},
    **{("measure", f): name for f, name in rules.MEASURE_CODES.items()},
    ("indicator", "code"): "indicator",
}
MONEY: frozenset[tuple[str, str]] = frozenset({("income_year", f) for f in INCOME_FIELDS} | {("measure", "amount")})
# Columns holding the id of another row; shown by name through ``names``.
REFERENCES = frozenset({("household", "village_id"), ("household", "cadre_id"), ("indicator", "checked_by"),
                        ("measure", "member_id")})
BOOLEAN_TEXT = (QT_TRANSLATE_NOOP("FieldLabel", "否"), QT_TRANSLATE_NOOP("FieldLabel", "是"))


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def field_label(table: str, column: str, ref: RefData | None = None) -> str:
    """The label of a column, e.g. ("member", "id_no") → 证件号码; unknown columns show their name."""
    if table == "income_year" and column in INCOME_FIELDS and ref is not None:
        return ref["income_item"].label(column, current_language())
    text = _FIELDS.get((table, column)) or _FIELDS.get(("*", column))
    return _tr(text) if text else column


def table_label(table: str) -> str:
    text = _TABLES.get(table)
    return _tr(text) if text else table


def indicator_group_label(group: str) -> str:
    text = _INDICATOR_GROUPS.get(group)
    return _tr(text) if text else group


def format_value(table: str, column: str, value: Any, ref: RefData,
                 names: Mapping[str, str] | None = None) -> str:
    """A stored value (or its JSON form from the change log) as the user reads it."""
    key = (table, column)
    if value is None or value == "":
        text = ""
    elif isinstance(value, bool) or column == "deleted":
        text = _tr(BOOLEAN_TEXT[bool(value)])
    elif key in CODE_LISTS:
        text = ref[CODE_LISTS[key]].label(str(value), current_language())
    elif key in MONEY:
        text = format_yuan(int(value))
    elif key in REFERENCES:
        text = (names or {}).get(str(value)) or str(value)[:8]
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return text
