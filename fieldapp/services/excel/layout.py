"""The column layout of the national system's household export, and how headers map to fields.

One row per household member; the household's columns (户编号, 贫困户属性, 致贫原因 …) repeat
on every member's row, or stand only on the first row (often in merged cells). The export
writes this layout with the first header of each field; the import recognises every
synonym, after :func:`normalize_header` (full-width forms, spaces, line breaks, ``*``
marks, and a unit in brackets such as ``（元）`` do not matter).

A :class:`Layout` finds the header row among the first rows of a sheet (title rows above
it, a second header row under it) and proposes a column → field mapping that the user
may correct. Fields of level ``ignore`` are recognised (they help find the header row)
but not imported: 人编号, 户主姓名, 家庭人口 … FieldApp does not store or computes itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

HOUSEHOLD, MEMBER, CHECK, IGNORE = "household", "member", "check", "ignore"
HEADER_SCAN_ROWS = 30  # the header row is looked for among this many rows at the top of a sheet
MIN_HEADER_MATCHES = 3


@dataclass(frozen=True)
class Field:
    """One importable column: ``key`` is the store column (or a special key), ``headers[0]`` is written."""

    key: str
    headers: tuple[str, ...]
    level: str
    kind: str
    codes: str | None = None
    required: bool = False
    export: bool = True

    @property
    def label(self) -> str:
        return self.headers[0]


def _f(key: str, headers: str, level: str, kind: str, codes: str | None = None, **extra: Any) -> Field:
    return Field(key, tuple(headers.split("|")), level, kind, codes, **extra)


H, M = HOUSEHOLD, MEMBER

# Column order of the export (and of the national system's member sheet, roughly).
HOUSEHOLD_FIELDS: tuple[Field, ...] = (
    _f("village", "行政村|村|村名|所在村|行政村名称|村（社区）|村社区", H, "village"),
    _f("group_no", "组|村民小组|组别|所在组|组号|小组", H, "group"),
    _f("hh_no", "户编号|户码|贫困户编号|家庭编号|户号", H, "hh_no", required=True),
    _f("name", "姓名|成员姓名|家庭成员姓名|人员姓名", M, "name", required=True),
    _f("id_no", "证件号码|身份证号码|身份证号|公民身份号码|身份证|证件号|居民身份证号码", M, "id_no"),
    _f("gender", "性别", M, "code", "gender"),
    _f("birth_date", "出生日期|出生年月|出生年月日|出生时间", M, "date"),
    _f("relation", "与户主关系|与户主的关系|家庭关系|关系", M, "code", "relation", required=True),
    _f("ethnicity", "民族", M, "text"),
    _f("education", "文化程度|学历", M, "code", "education"),
    _f("schooling", "在校生状况|在校生情况|在校情况|在校生", M, "code", "schooling"),
    _f("health", "健康状况|身体状况", M, "code", "health"),
    _f("disability_grade", "残疾等级|残疾级别", M, "code", "disability_grade"),
    _f("disability_cert", "残疾证号|残疾证号码|残疾证编号", M, "cert"),
    _f("labour_skill", "劳动技能|劳动能力", M, "code", "labour_skill"),
    _f("work_status", "务工状况|务工情况|务工区域", M, "code", "work_status"),
    _f("work_months", "务工时间（月）|务工时间|务工月数|务工时长", M, "months"),
    _f("employer", "务工单位|务工企业名称|务工企业|务工单位名称", M, "text"),
    _f("medical_insurance", "是否参加基本医疗保险|是否参加城乡居民基本医疗保险|是否参加新型农村合作医疗|"
       "基本医疗保险|参加基本医疗保险|是否参加新农合|医疗保险", M, "bool"),
    _f("critical_illness_insurance", "是否参加大病保险|大病保险|参加大病保险", M, "bool"),
    _f("pension_insurance", "是否参加养老保险|是否参加城乡居民基本养老保险|养老保险|参加养老保险", M, "bool"),
    _f("dibao", "是否享受低保|享受低保|是否低保|低保", M, "bool"),
    _f("tekun", "是否享受特困供养|是否特困供养|享受特困供养|特困供养|是否五保|五保", M, "bool"),
    _f("military", "是否现役军人|现役军人", M, "bool"),
    _f("phone", "联系电话|电话|手机号|手机号码|户主联系电话|联系方式|电话号码", H, "phone"),
    _f("address", "住址|家庭住址|地址|详细地址|家庭地址", H, "text"),
    _f("standard", "识别标准", H, "code", "identification_standard"),
    _f("identified_on", "首次识别时间|识别时间|识别日期|纳入时间|首次识别日期", H, "date"),
    _f("attribute", "贫困户属性|户属性|贫困户类型", H, "code", "household_attribute"),
    _f("exit_status", "脱贫状态|脱贫属性|贫困户状态", H, "code", "exit_status"),
    _f("exit_year", "脱贫年度|脱贫年份|脱贫时间", H, "year"),
    _f("exit_deadline", "计划脱贫年度|脱贫时限|计划脱贫年份|计划脱贫时间", H, "year"),
    _f("plate_kind", "门牌类别|兜底户或脱贫户", H, "code", "household_kind"),
    _f("main_cause", "主要致贫原因|致贫原因|主要致贫原因（单选）", H, "code", "poverty_cause"),
    _f("other_causes", "其他致贫原因|次要致贫原因|其它致贫原因|其他致贫原因（多选）", H, "codes", "poverty_cause"),
    _f("cadre", "包扶责任人|帮扶责任人|结对帮扶干部|包扶干部|帮扶干部|帮扶人|帮扶责任人姓名", H, "cadre"),
    _f("fund_channel", "脱贫资金渠道|资金渠道", H, "code", "fund_channel"),
    _f("farmland_mu", "耕地面积（亩）|耕地面积|耕地", H, "decimal"),
    _f("forest_mu", "林地面积（亩）|林地面积|林地", H, "decimal"),
    _f("grain_to_green_mu", "退耕还林面积（亩）|退耕还林面积|退耕还林", H, "decimal"),
    _f("house_area", "住房面积（平方米）|住房面积", H, "decimal"),
    _f("danger_grade", "危房等级|危房级别", H, "code", "dangerous_house_grade"),
    _f("sanitary_toilet", "是否有卫生厕所|卫生厕所|是否有卫生厕", H, "bool"),
    _f("electricity", "是否通生活用电|是否通电|通生活用电|通电", H, "bool"),
    _f("broadcast_tv", "是否通广播电视|通广播电视|广播电视", H, "bool"),
    _f("road_type", "入户路类型|入户路", H, "code", "road_type"),
    _f("road_distance_km", "与村主干路距离（公里）|与村主干路距离|与主干路距离|距村主干路距离", H, "decimal"),
    _f("fuel", "主要燃料类型|主要燃料|燃料类型", H, "code", "fuel"),
    _f("relocation_type", "易地搬迁方式|搬迁方式|易地扶贫搬迁方式", H, "code", "relocation_type"),
    _f("relocation_site", "安置地|安置点|搬迁安置地", H, "text"),
    # Computed by FieldApp from the income rows, never typed in: compared, reported when it differs.
    _f("per_person_income", "人均纯收入（元）|人均纯收入|家庭人均纯收入|人均收入", CHECK, "money"),
)

IGNORED_FIELDS: tuple[Field, ...] = (
    _f("_person_no", "人编号|成员编号|个人编号|人员编号", IGNORE, "text", export=False),
    _f("_seq", "序号|编号|行号", IGNORE, "text", export=False),
    _f("_head_name", "户主姓名|户主", IGNORE, "text", export=False),
    _f("_head_id", "户主证件号码|户主身份证号码|户主身份证号", IGNORE, "text", export=False),
    _f("_size", "家庭人口|家庭人口数|人口数|人数|家庭人数", IGNORE, "text", export=False),
    _f("_province", "省|省份|省（区、市）", IGNORE, "text", export=False),
    _f("_city", "市|地市|市（州）", IGNORE, "text", export=False),
    _f("_county", "县|县（区）|县（市、区）|区县|县区", IGNORE, "text", export=False),
    _f("_town", "乡|乡镇|乡（镇）|镇|乡镇（街道）", IGNORE, "text", export=False),
    _f("_natural_village", "自然村", IGNORE, "text", export=False),
    _f("_politics", "政治面貌", IGNORE, "text", export=False),
    _f("_note", "备注|说明", IGNORE, "text", export=False),
)

_BRACKETS = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_STRIP = re.compile(r"[\s*＊:：]+")


def normalize_header(text: Any) -> str:
    """Canonical header text: NFKC, no whitespace, ``*`` or colons."""
    if text is None:
        return ""
    return _STRIP.sub("", unicodedata.normalize("NFKC", str(text)))


def _without_brackets(text: str) -> str:
    return _BRACKETS.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class HeaderGuess:
    """Where the header is and what each column seems to be (column index → field key, or None)."""

    row: int  # 0-based index among the rows looked at
    headers: list[str]
    mapping: dict[int, str | None]
    score: int


class Layout:
    """A set of fields and the header synonyms that find them."""

    def __init__(self, fields: Sequence[Field], *, min_matches: int = MIN_HEADER_MATCHES,
                 must_have: tuple[str, ...] = ()) -> None:
        self.fields = tuple(fields)
        self.min_matches = min_matches
        self.must_have = must_have
        self.by_key = {f.key: f for f in self.fields}
        if len(self.by_key) != len(self.fields):
            raise ValueError("duplicate field keys")

    @cached_property
    def _index(self) -> tuple[dict[str, str], dict[str, str]]:
        exact: dict[str, str] = {}
        loose: dict[str, str] = {}
        for f in self.fields:
            for header in f.headers:
                exact.setdefault(normalize_header(header), f.key)
                loose.setdefault(normalize_header(_without_brackets(header)), f.key)
        return exact, loose

    def match(self, header: Any) -> str | None:
        """The field a header names, or None."""
        text = normalize_header(header)
        if not text:
            return None
        exact, loose = self._index
        found = exact.get(text)
        if found is None:
            found = loose.get(normalize_header(_without_brackets(str(header))))
        return found

    @property
    def required(self) -> list[Field]:
        return [f for f in self.fields if f.required]

    def export_fields(self) -> list[Field]:
        return [f for f in self.fields if f.export and f.level != IGNORE]

    def guess(self, top_rows: Sequence[Sequence[Any]]) -> HeaderGuess | None:
        """The header row among ``top_rows``: the row naming the most fields (a row above it fills gaps).

        Returns None when no row names at least ``min_matches`` fields (and every ``must_have`` one).
        """
        best: HeaderGuess | None = None
        for i, row in enumerate(top_rows[:HEADER_SCAN_ROWS]):
            above = top_rows[i - 1] if i > 0 else ()
            headers, mapping = self._map_row(row, above)
            found = {k for k in mapping.values() if k is not None}
            score = len(found)
            if score >= self.min_matches and found.issuperset(self.must_have) and (best is None or score > best.score):
                best = HeaderGuess(i, headers, mapping, score)
        return best

    def _map_row(self, row: Sequence[Any], above: Sequence[Any]) -> tuple[list[str], dict[int, str | None]]:
        """Headers of one row; a blank cell takes the header above it (a merged two-row header)."""
        headers: list[str] = []
        mapping: dict[int, str | None] = {}
        taken: set[str] = set()
        for col in range(max(len(row), len(above))):
            cell = row[col] if col < len(row) else None
            upper = above[col] if col < len(above) else None
            text = str(cell).strip() if cell not in (None, "") else ""
            key = self.match(text) if text else None
            if key is None and upper not in (None, ""):
                key = self.match(f"{upper}{text}") or (self.match(upper) if not text else None)
                if key is not None and not text:
                    text = str(upper).strip()
            if key in taken:  # a second column with the same meaning is left unmapped
                key = None
            if key is not None:
                taken.add(key)
            headers.append(text)
            mapping[col] = key
        return headers, mapping

    def is_header_like(self, row: Iterable[Any]) -> bool:
        """A repeated header row (or a second header row) inside the data: two or more cells name fields."""
        hits = 0
        for cell in row:
            if isinstance(cell, str) and cell and self.match(cell) is not None:
                hits += 1
                if hits >= 2:
                    return True
        return False


HOUSEHOLD_LAYOUT = Layout(HOUSEHOLD_FIELDS + IGNORED_FIELDS)


def missing_required(layout: Layout, mapping: dict[int, str | None]) -> list[Field]:
    present = set(mapping.values())
    return [f for f in layout.required if f.key not in present]
