"""Cross-checking a department's list against the register by ID number (speech 2: the 民政 低保 list).

Lists: 低保名单 (``dibao``), 特困供养名单 (``tekun``), 残疾人名单 (``disability``), 医保参保名单
(``insurance``). Mismatches are listed both ways:

- marked in the register (享受低保 …) but absent from the list;
- on the list but not marked in the register;
- on the list but not found in the register;
- for the disability list, a disability grade that differs;
- and, as a hint, the same ID number under another name, and list rows whose ID number is
  unusable (Excel-mangled, wrong check digit: see :mod:`.clean`).

A 低保 or 特困 list that names only household heads is compared per household (a marked
member is covered when someone of the household is on the list); the result says so.
The report goes to .xlsx (full ID numbers: a working file) and PDF (ID numbers masked,
since printouts travel: 去标识化); see :mod:`.report`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Table, or_, select

from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.excel.clean import CellProblem, CodeCleaner, clean_id, clean_name
from fieldapp.services.excel.layout import Field, Layout
from fieldapp.services.excel.read import MAX_BYTES, open_table
from fieldapp.store.models import Household, HouseholdListRow, Member

log = logging.getLogger("fieldapp.excel")

_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]

KINDS = {"dibao": "低保名单", "tekun": "特困供养名单", "disability": "残疾人名单", "insurance": "医保参保名单"}
FLAGS = {"dibao": "享受低保", "tekun": "享受特困供养", "disability": "残疾", "insurance": "参加基本医疗保险"}
CATEGORIES = ("marked_not_listed", "listed_not_marked", "not_found", "grade_differs", "name_differs", "invalid")
CATEGORY_TITLES = {
    "marked_not_listed": "登记册中标记为{flag}，但不在名单中",
    "listed_not_marked": "在名单中，但登记册未标记{flag}",
    "not_found": "在名单中，但登记册中查无此人",
    "grade_differs": "残疾等级不一致",
    "name_differs": "证件号码相同，姓名不一致",
    "invalid": "名单中证件号码有误，无法核对",
}
LIST_LAYOUT = Layout((
    Field("name", ("姓名", "名字", "户主姓名", "保障对象姓名", "持证人姓名", "参保人姓名"), "member", "name"),
    Field("id_no", ("证件号码", "身份证号码", "身份证号", "公民身份号码", "身份证", "证件号", "居民身份证号码"),
          "member", "id_no", required=True),
    Field("disability_grade", ("残疾等级", "残疾级别", "等级"), "member", "code", "disability_grade"),
    Field("disability_kind", ("残疾类别", "残疾类型"), "ignore", "text"),
    Field("disability_cert", ("残疾证号", "残疾证号码", "残疾人证号"), "member", "text"),
    Field("village", ("村", "行政村", "村（社区）", "所在村", "地址", "住址", "家庭住址"), "ignore", "text"),
    Field("_seq", ("序号",), "ignore", "text"),
    Field("_town", ("乡镇", "乡（镇）", "镇"), "ignore", "text"),
    Field("_amount", ("保障金额", "月保障金", "金额", "救助金额"), "ignore", "text"),
    Field("_size", ("保障人数", "家庭人口", "人数"), "ignore", "text"),
), min_matches=1, must_have=("id_no",))
Progress = Callable[[int, int, str], None]


class Person(NamedTuple):
    """A register member as the check sees it."""

    household_id: str
    name: str
    relation: str | None
    marked: bool
    grade: str | None
    hh_no: str | None
    head: str | None
    village: str
    group_no: int | None


@dataclass(frozen=True)
class Finding:
    category: str
    row: int | None  # row of the list
    list_name: str | None
    register_name: str | None
    id_no: str | None
    hh_no: str | None = None
    head: str | None = None
    village: str | None = None
    group_no: int | None = None
    note: str = ""


@dataclass
class CheckResult:
    kind: str
    path: Path
    sheet: str
    rows: int  # list rows with an ID number or a name
    matched: int  # on the list and marked in the register
    findings: list[Finding] = field(default_factory=list)
    per_household: bool = False
    checked_on: dt.date = field(default_factory=dt.date.today)

    @property
    def title(self) -> str:
        return f"{KINDS[self.kind]}与建档立卡登记册比对"

    def category_title(self, category: str) -> str:
        return CATEGORY_TITLES[category].format(flag=FLAGS[self.kind])

    def of(self, category: str) -> list[Finding]:
        return [f for f in self.findings if f.category == category]

    def counts(self) -> dict[str, int]:
        return {c: len(self.of(c)) for c in CATEGORIES}

    def summary(self) -> str:
        parts = [f"名单 {self.rows} 人，相符 {self.matched} 人"]
        parts += [f"{self.category_title(c)} {n} 人" for c, n in self.counts().items() if n]
        return "；".join(parts)


def _marked(kind: str, r: Any) -> bool:
    if kind == "dibao":
        return bool(r.dibao)
    if kind == "tekun":
        return bool(r.tekun)
    if kind == "insurance":
        return bool(r.medical_insurance)
    return r.health == "04" or r.disability_grade is not None


def _register(ctx: AppContext, kind: str, numbers: list[str]) -> dict[str, Person]:
    """Members on the list or marked, by ID number (live members of live households)."""
    villages = dict(setup.villages(ctx))
    flag = {"dibao": _M.c.dibao.is_(True), "tekun": _M.c.tekun.is_(True),
            "insurance": _M.c.medical_insurance.is_(True),
            "disability": or_(_M.c.health == "04", _M.c.disability_grade.is_not(None))}[kind]
    columns = (_M.c.id_no, _M.c.household_id, _M.c.name, _M.c.relation, _M.c.dibao, _M.c.tekun,
               _M.c.medical_insurance, _M.c.health, _M.c.disability_grade, _H.c.hh_no, _H.c.village_id,
               _H.c.group_no, _L.c.head_name)
    base = (select(*columns).join(_H, _H.c.id == _M.c.household_id)
            .join(_L, _L.c.household_id == _M.c.household_id, isouter=True)
            .where(_M.c.deleted.is_(False), _H.c.deleted.is_(False), _M.c.id_no.is_not(None)))
    people: dict[str, Person] = {}

    def add(r: Any) -> None:
        people[r.id_no] = Person(r.household_id, r.name, r.relation, _marked(kind, r), r.disability_grade, r.hh_no,
                                 r.head_name, villages.get(r.village_id, ""), r.group_no)

    with ctx.db.read() as conn:
        for r in conn.execute(base.where(flag)):
            add(r)
        wanted = [n for n in numbers if n not in people]
        for start in range(0, len(wanted), 5000):
            for r in conn.execute(base.where(_M.c.id_no.in_(wanted[start:start + 5000]))):
                add(r)
    return people


def check_list(ctx: AppContext, path: Path | str, kind: str, *, max_bytes: int = MAX_BYTES,
               progress: Progress | None = None) -> CheckResult:
    """Compare the list in ``path`` with the register (see the module docstring)."""
    if kind not in KINDS:
        raise ValueError(f"名单类别应为 {'、'.join(KINDS)} 之一")
    grades = CodeCleaner(ctx.ref, "disability_grade")
    entries: list[tuple[int, str | None, str, str | None]] = []  # row, name, id, grade
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    with open_table(path, LIST_LAYOUT, max_bytes=max_bytes) as table:
        cols = {k: c for c, k in table.guess.items() if k is not None}
        rows = 0
        for number, values in table.rows():
            raw_id = values[cols["id_no"]]
            name = _safe(clean_name, values[cols["name"]]) if "name" in cols else None
            if raw_id is None and not name:
                continue
            rows += 1
            try:
                id_no = clean_id(raw_id)
                if id_no is None:
                    raise CellProblem("为空")
            except CellProblem as exc:
                findings.append(Finding("invalid", number, name, None, _raw(raw_id), note=f"证件号码{exc}"))
                continue
            grade = None
            if kind == "disability" and "disability_grade" in cols:
                try:
                    grade = grades(values[cols["disability_grade"]])
                except CellProblem as exc:
                    findings.append(Finding("invalid", number, name, None, id_no, note=f"残疾等级{exc}"))
            if id_no in seen:
                findings.append(Finding("invalid", number, name, None, id_no, note=f"与名单第{seen[id_no]}行重复"))
                continue
            seen[id_no] = number
            entries.append((number, name, id_no, grade))
            if progress is not None and rows % 2000 == 0:
                progress(rows, table.estimated_rows, "读取名单")
    people = _register(ctx, kind, [e[2] for e in entries])
    result = CheckResult(kind, Path(path), table.sheet, rows, 0, findings)
    listed_heads = [people[e[2]] for e in entries if e[2] in people]
    result.per_household = (kind in ("dibao", "tekun") and len(listed_heads) >= 3
                            and all(p.relation == "01" for p in listed_heads))
    _compare(result, entries, people)
    log.info("%s checked against the register: %s", KINDS[kind], result.summary())
    return result


def _safe(clean: Callable[[Any], Any], value: Any) -> Any:
    try:
        return clean(value)
    except CellProblem:
        return None if value is None else str(value)


def _raw(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:.5E}"
    return str(value)


def _compare(result: CheckResult, entries: list[tuple[int, str | None, str, str | None]],
             people: dict[str, Person]) -> None:
    kind, per_household = result.kind, result.per_household
    listed = {e[2] for e in entries}
    marked_households = {p.household_id for p in people.values() if p.marked}
    listed_households = {people[n].household_id for n in listed if n in people}
    for row, name, id_no, grade in entries:
        p = people.get(id_no)
        if p is None:
            result.findings.append(Finding("not_found", row, name, None, id_no))
            continue
        marked = p.marked or (per_household and p.household_id in marked_households)
        if not marked:
            result.findings.append(_found("listed_not_marked", row, name, id_no, p))
        else:
            result.matched += 1
        if name and p.name and name != p.name:
            result.findings.append(_found("name_differs", row, name, id_no, p, f"名单：{name}；登记册：{p.name}"))
        if kind == "disability" and grade is not None and p.marked and grade != p.grade:
            result.findings.append(_found("grade_differs", row, name, id_no, p,
                                          f"登记册：{_grade(p.grade)}；名单：{_grade(grade)}"))
    for id_no, p in people.items():
        if not p.marked or id_no in listed or (per_household and p.household_id in listed_households):
            continue
        result.findings.append(_found("marked_not_listed", None, None, id_no, p))


def _found(category: str, row: int | None, name: str | None, id_no: str, p: Person,  # noqa: PLR0917
           note: str = "") -> Finding:
    return Finding(category, row, name, p.name, id_no, p.hh_no, p.head, p.village, p.group_no, note)


def _grade(code: str | None) -> str:
    return f"{code}级" if code else "未填写"
