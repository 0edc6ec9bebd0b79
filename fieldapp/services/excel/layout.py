"""The column layout of the national system's household export, and how headers map to fields.

One row per household member; the household's columns (户编号, 贫困户属性, 致贫原因 …) repeat
on every member's row, or stand only on the first row (often in merged cells). The export
writes this layout with the first header of each field; the import recognises every
synonym, after :func:`normalize_header` (full-width forms, spaces, line breaks, ``*``
marks, and a unit in brackets such as ``（元）`` do not matter).

The headers of FieldApp's own fields (first one written, all recognised) are the field
catalogue's (:mod:`fieldapp.domain.fields`); the columns FieldApp ignores are listed here.
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

from fieldapp.domain import refdata

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


def _c(key: str, level: str, kind: str, codes: str | None = None, **extra: Any) -> Field:
    """A field whose sheet headers are the field catalogue's ``headers`` of its stored column."""
    table, column = _COLUMNS.get(key, ("member" if level == MEMBER else "household", key))
    headers = refdata.shipped().fields[table, column].headers
    return Field(key, headers, level, kind, codes, **extra)


H, M = HOUSEHOLD, MEMBER
# Import keys that are not the column's own name.
_COLUMNS = {"village": ("household", "village_id"), "cadre": ("household", "cadre_id"),
            "other_causes": ("household", "other_causes"), "per_person_income": ("income_year", "per_person")}

# Column order of the export (and of the national system's member sheet, roughly).
HOUSEHOLD_FIELDS: tuple[Field, ...] = (
    _c("village", H, "village"),
    _c("group_no", H, "group"),
    _c("hh_no", H, "hh_no", required=True),
    _c("name", M, "name", required=True),
    _c("id_no", M, "id_no"),
    _c("gender", M, "code", "gender"),
    _c("birth_date", M, "date"),
    _c("relation", M, "code", "relation", required=True),
    _c("ethnicity", M, "text"),
    _c("education", M, "code", "education"),
    _c("schooling", M, "code", "schooling"),
    _c("health", M, "code", "health"),
    _c("disability_grade", M, "code", "disability_grade"),
    _c("disability_cert", M, "cert"),
    _c("labour_skill", M, "code", "labour_skill"),
    _c("work_status", M, "code", "work_status"),
    _c("work_months", M, "months"),
    _c("employer", M, "text"),
    _c("medical_insurance", M, "bool"),
    _c("critical_illness_insurance", M, "bool"),
    _c("pension_insurance", M, "bool"),
    _c("dibao", M, "bool"),
    _c("tekun", M, "bool"),
    _c("military", M, "bool"),
    _c("phone", H, "phone"),
    _c("address", H, "text"),
    _c("standard", H, "code", "identification_standard"),
    _c("identified_on", H, "date"),
    _c("attribute", H, "code", "household_attribute"),
    _c("exit_status", H, "code", "exit_status"),
    _c("exit_year", H, "year"),
    _c("exit_deadline", H, "year"),
    _c("plate_kind", H, "code", "household_kind"),
    _c("main_cause", H, "code", "poverty_cause"),
    _c("other_causes", H, "codes", "poverty_cause"),
    _c("cadre", H, "cadre"),
    _c("fund_channel", H, "code", "fund_channel"),
    _c("farmland_mu", H, "decimal"),
    _c("forest_mu", H, "decimal"),
    _c("grain_to_green_mu", H, "decimal"),
    _c("house_area", H, "decimal"),
    _c("danger_grade", H, "code", "dangerous_house_grade"),
    _c("sanitary_toilet", H, "bool"),
    _c("electricity", H, "bool"),
    _c("broadcast_tv", H, "bool"),
    _c("road_type", H, "code", "road_type"),
    _c("road_distance_km", H, "decimal"),
    _c("fuel", H, "code", "fuel"),
    _c("relocation_type", H, "code", "relocation_type"),
    _c("relocation_site", H, "text"),
    # Computed by FieldApp from the income rows, never typed in: compared, reported when it differs.
    _c("per_person_income", CHECK, "money"),
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
