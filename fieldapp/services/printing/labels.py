"""Labels of register fields and the printed form of stored values, for the household file and its history.

The GUI has its own table (``fieldapp.gui.household_editor.labels``) wrapped for Qt
translation; services may not import Qt, so printed documents (Simplified Chinese,
like the paper forms they replace) keep this plain copy. ID numbers, disability
certificate numbers are masked unless the caller asks for full IDs, and bank account
numbers unless it asks for bank data (a separate, explicit choice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fieldapp.domain import register as rules
from fieldapp.domain.income import INCOME_FIELDS
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.domain.resident_id import mask

FIELDS: dict[tuple[str, str], str] = {
    ("household", "village_id"): "村", ("household", "group_no"): "组", ("household", "hh_no"): "户编号",
    ("household", "address"): "详细地址", ("household", "phone"): "联系电话", ("household", "bank_name"): "开户银行",
    ("household", "bank_account"): "银行账号", ("household", "standard"): "识别标准",
    ("household", "identified_on"): "首次识别时间", ("household", "attribute"): "贫困户属性",
    ("household", "exit_status"): "脱贫状态", ("household", "exit_year"): "脱贫年度",
    ("household", "plate_kind"): "门牌类别", ("household", "main_cause"): "主要致贫原因",
    ("household", "cause2"): "次要致贫原因（一）", ("household", "cause3"): "次要致贫原因（二）",
    ("household", "note"): "备注", ("household", "exit_deadline"): "脱贫时限", ("household", "cadre_id"): "包扶责任人",
    ("household", "fund_channel"): "脱贫资金渠道", ("household", "farmland_mu"): "耕地（亩）",
    ("household", "forest_mu"): "林地（亩）", ("household", "grain_to_green_mu"): "退耕还林（亩）",
    ("household", "house_area"): "住房面积（㎡）", ("household", "danger_grade"): "危房等级",
    ("household", "sanitary_toilet"): "卫生厕所", ("household", "electricity"): "通电",
    ("household", "broadcast_tv"): "通广播电视", ("household", "road_type"): "入户路类型",
    ("household", "road_distance_km"): "与主干路距离（公里）", ("household", "fuel"): "主要燃料",
    ("household", "relocation_type"): "易地搬迁方式", ("household", "relocation_site"): "安置地",
    ("member", "name"): "姓名", ("member", "id_no"): "证件号码", ("member", "gender"): "性别",
    ("member", "birth_date"): "出生日期", ("member", "relation"): "与户主关系", ("member", "ethnicity"): "民族",
    ("member", "education"): "文化程度", ("member", "schooling"): "在校生状况", ("member", "health"): "健康状况",
    ("member", "disability_grade"): "残疾等级", ("member", "disability_cert"): "残疾证号",
    ("member", "labour_skill"): "劳动技能", ("member", "work_status"): "务工状况",
    ("member", "work_months"): "务工时间（月）", ("member", "employer"): "务工单位",
    ("member", "medical_insurance"): "基本医疗保险", ("member", "critical_illness_insurance"): "大病保险",
    ("member", "pension_insurance"): "养老保险", ("member", "dibao"): "享受低保", ("member", "tekun"): "享受特困供养",
    ("member", "military"): "现役军人",
    ("income_year", "year"): "年度", ("income_year", "persons"): "人口数",
    ("indicator", "code"): "指标", ("indicator", "met"): "是否达标", ("indicator", "checked_on"): "核查日期",
    ("indicator", "checked_by"): "核查人", ("indicator", "note"): "备注",
    ("measure", "type"): "措施类型", ("measure", "content"): "内容", ("measure", "amount"): "金额（元）",
    ("measure", "fund_channel"): "资金渠道", ("measure", "date"): "日期", ("measure", "end_date"): "结束日期",
    ("measure", "responsible_unit"): "责任单位", ("measure", "industry"): "产业", ("measure", "post"): "公益岗位",
    ("measure", "member_id"): "受益成员",
    ("visit", "date"): "日期", ("visit", "type"): "走访类型", ("visit", "title"): "标题", ("visit", "found"): "情况",
    ("visit", "done"): "措施与成效", ("visit", "created_by"): "记录人", ("visit", "village_id"): "村",
    ("visit_cadre", "cadre_id"): "参与干部", ("visit_cadre", "date"): "日期",
    ("follow_up", "text"): "后续事项", ("follow_up", "due_date"): "期限", ("follow_up", "done_on"): "完成日期",
}
TABLES = {"household": "户", "member": "成员", "income_year": "收入", "indicator": "指标", "measure": "措施",
          "visit": "走访", "visit_cadre": "走访干部", "visit_measure": "走访措施", "visit_photo": "走访照片",
          "follow_up": "后续事项"}
CODE_LISTS: dict[tuple[str, str], str] = {
    **{("household", f): name for f, name in rules.HOUSEHOLD_CODES.items()},
    **{("member", f): name for f, name in rules.MEMBER_CODES.items()},
    **{("measure", f): name for f, name in rules.MEASURE_CODES.items()},
    ("indicator", "code"): "indicator",
    ("visit", "type"): "visit_type",
}
MONEY = frozenset({("income_year", f) for f in INCOME_FIELDS} | {("measure", "amount")})
REFERENCES = frozenset({("household", "village_id"), ("household", "cadre_id"), ("indicator", "checked_by"),
                        ("measure", "member_id"), ("visit", "village_id"), ("visit", "created_by"),
                        ("visit_cadre", "cadre_id")})
BANK_ACCOUNT = ("household", "bank_account")
SENSITIVE = frozenset({("member", "id_no"), ("member", "disability_cert"), BANK_ACCOUNT})


def field_label(table: str, column: str, ref: RefData) -> str:
    if table == "income_year" and column in INCOME_FIELDS:
        return ref["income_item"].label(column)
    if column == "deleted":
        return "整条记录"
    return FIELDS.get((table, column), column)


def format_value(table: str, column: str, value: Any, ref: RefData, *, names: Mapping[str, str] | None = None,
                 full_ids: bool = False, bank: bool = False) -> str:
    """A stored value (or its JSON form from the change log) as printed."""
    key = (table, column)
    if value is None or value == "":
        text = ""
    elif column == "deleted":
        text = "已删除" if value else "已恢复"
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif key in SENSITIVE:
        shown = bank if key == BANK_ACCOUNT else full_ids
        text = str(value) if shown else mask(str(value))
    elif key in CODE_LISTS:
        text = ref[CODE_LISTS[key]].label(str(value))
    elif key in MONEY:
        text = format_yuan(int(value))
    elif key in REFERENCES:
        text = (names or {}).get(str(value)) or str(value)[:8]
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return text
