"""Importing the project library (项目库) from a spreadsheet: the dry run, then the write.

:func:`build_plan` reads the workbook (:mod:`.import_sheets`) and decides every project without writing anything:
new (新增), changed (更新, with what changes), unchanged (无变化) or rejected (拒绝, with the row, the column and
the reason of every problem). Each row is checked cell by cell (the village, the codes, money to the fen: at most
two decimals, never negative, never through a float; dates) and then as a whole with the domain's consistency
rules (:func:`fieldapp.domain.projects.problems`) on the figures the project would have, its disbursements and
beneficiaries already stored included.

Semantics are the household import's: a project with any problem, in its own row or in one of its 受益户 rows,
is rejected whole (all its rows go to the rejects workbook); the other projects are written by
:func:`apply_plan` in one transaction through :func:`fieldapp.services.projects.service.save_all` (all of them or
none), and a plan the register has moved on from since the dry run is refused.

No duplicates on re-import: a row is the project of the same village (or town) with the same name; when the
village has several projects of that name, the one whose planned start is in the same year. A 项目编号 column
(the project's identifier, as exported) overrides this. A matched project gets only what differs; budgets and
beneficiaries have natural ids, so they are replaced, never added twice. A beneficiary not in the file is left
as it is (the file adds and changes, it does not remove), and so is what a blank cell would erase (a budget
channel, a date, the industry, the note: as in the household import, blank cells never erase; 0 clears an amount).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fieldapp.domain import projects as rules
from fieldapp.domain.projects import yuan
from fieldapp.services.context import AppContext
from fieldapp.services.excel.apply import PlanOutdated  # the household import's: the same condition, one message
from fieldapp.services.excel.clean import CellProblem, CodeCleaner, MonthOnly, clean_date, clean_hh_no, text
from fieldapp.services.excel.read import MAX_BYTES, SpreadsheetError
from fieldapp.services.projects import records, service
from fieldapp.services.projects.import_sheets import Table, Workbook, channel_header, read_workbook
from fieldapp.store import limits
from fieldapp.store.models import Area, ChangeLog, Household, Member, Project

log = logging.getLogger("fieldapp.projects.import")

STATUSES = ("create", "update", "unchanged", "rejected")
STATUS_LABELS = {"create": "新增", "update": "更新", "unchanged": "无变化", "rejected": "拒绝"}
MAX_NAME, MAX_UNIT = 100, 128
_MONEY = re.compile(r"^\d+(\.\d+)?$")
_A, _H, _M, _P = Area.__table__, Household.__table__, Member.__table__, Project.__table__
CHUNK = 500

#: the column a consistency problem is about (by its code), to name it in the reason
_PROBLEM_COLUMN = {"budget_sum": "budget_total", "approved_over_budget": "approved",
                   "approved_negative": "approved", "planned_dates": "planned_end",
                   "started_before_approval": "approved_on", "disbursed_before_approval": "approved_on",
                   "disbursed_over_approved": "approved", "beneficiaries_over_approved": "approved",
                   "approval_missing": "approved"}


@dataclass
class Entry:
    """One project of the file (or one beneficiary row naming no project of it) and what the import does."""

    status: str
    rows: list[int]  # rows of the 项目库 sheet
    area: str
    name: str
    message: str = ""
    beneficiary_rows: list[int] = field(default_factory=list)

    def where(self) -> str:
        parts = [f"第{'、'.join(map(str, self.rows))}行"] if self.rows else []
        if self.beneficiary_rows:
            parts.append(f"受益户第{'、'.join(map(str, self.beneficiary_rows))}行")
        return "，".join(parts)


@dataclass
class ImportPlan:
    """The dry run: an entry per project, the writes to make, and the reason of each rejected row per sheet."""

    book: Workbook
    entries: list[Entry]
    saves: list[service.ProjectSave]
    rejected: dict[str, dict[int, str]]
    register_mark: int
    notes: list[str] = field(default_factory=list)
    applied: list[str] | None = None

    @property
    def path(self) -> Path:
        return self.book.path

    def counts(self) -> dict[str, int]:
        found = Counter(e.status for e in self.entries)
        return {s: found.get(s, 0) for s in STATUSES}

    @property
    def rejected_rows(self) -> int:
        return sum(len(r) for r in self.rejected.values())

    def summary(self) -> str:
        c = self.counts()
        text_ = (f"新增 {c['create']} 个项目，更新 {c['update']} 个，无变化 {c['unchanged']} 个，"
                 f"拒绝 {c['rejected']} 个")
        return text_ + (f"（{self.rejected_rows} 行）" if self.rejected_rows else "")


# -- cells -----------------------------------------------------------------------------------------


def money(value: Any) -> int | None:
    """元 as written in a cell → fen, exactly: at most two decimals, not negative; None for an empty cell.

    A number cell is taken through its shortest decimal form; a binary-float tail a formula left (12.350000000000001)
    is not a third decimal, anything larger is."""
    if isinstance(value, bool):
        raise CellProblem(f"应为金额（元），现为“{value}”")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise CellProblem("不是有效的金额")
        number = Decimal(repr(value))
        cents = number.quantize(Decimal("0.01"))
        if abs(number - cents) > Decimal("0.000001"):
            raise CellProblem(f"金额最多两位小数（到分），现为 {value!r}")
        number = cents
    else:
        s = text(value)
        if s is None:
            return None
        s = s.replace(" ", "").replace(",", "").replace("，", "").removesuffix("元")
        negative = s.startswith("-")
        if not _MONEY.match(s.removeprefix("-")):
            raise CellProblem(f"应为金额（元，如 12500.50），现为“{value}”")
        if negative:
            raise CellProblem(f"金额不能为负数（{value}）")
        try:
            number = Decimal(s)
        except InvalidOperation:  # pragma: no cover  (the pattern admits only digits)
            raise CellProblem(f"应为金额（元），现为“{value}”") from None
        if number != number.quantize(Decimal("0.01")):
            raise CellProblem(f"金额最多两位小数（到分），现为“{value}”")
    if number < 0:
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        raise CellProblem(f"金额不能为负数（{shown}）")
    return int(number * 100)


def date(value: Any) -> dt.date | None:
    found = clean_date(value)
    if isinstance(found, MonthOnly):
        raise CellProblem(f"只写到了月（{found}），请写完整的日期，如 2026-03-10")
    return found


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _where(table: Table, key: str | None = None, col: int | None = None) -> str:
    if col is None and key is not None:
        col = table.columns.get(key)
    if col is None:
        return ""
    return f"{_letter(col)}列“{table.headers[col]}”："


# -- the register --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Area:
    id: str
    name: str
    level: str
    town_name: str


class _Areas:
    """Villages and towns by id, 区划代码, name or “乡镇/村”."""

    def __init__(self, ctx: AppContext) -> None:
        with ctx.db.read() as conn:
            rows = conn.execute(select(_A.c.id, _A.c.name, _A.c.code, _A.c.level, _A.c.parent_id)
                                .where(_A.c.level.in_(("village", "town")), _A.c.deleted.is_(False))).all()
        names = {r.id: r.name for r in rows}
        self.index: dict[str, list[_Area]] = {}
        for r in rows:
            area = _Area(r.id, r.name, r.level, names.get(r.parent_id or "", r.name))
            keys = {r.id, r.name, *([r.code] if r.code else [])}
            if r.level == "village":
                keys.add(f"{area.town_name}/{r.name}")
            for k in keys:
                self.index.setdefault(k, []).append(area)
        self.villages = sorted(r.name for r in rows if r.level == "village")

    def find(self, value: Any) -> _Area:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        s = text(value)
        if s is None:
            raise CellProblem("未填写村")
        s = s.replace("／", "/").replace(" ", "")
        found = self.index.get(s, [])
        if len(found) == 1:
            return found[0]
        if found:
            raise CellProblem(f"有多个村或乡镇名为“{s}”，请写成“乡镇/村”或填写区划代码")
        shown = "、".join(self.villages[:15]) + ("等" if len(self.villages) > 15 else "")
        raise CellProblem(f"没有村或乡镇“{s}”（本机的村：{shown or '无'}）")


def _households(ctx: AppContext, hh_nos: Iterable[str]) -> dict[str, list[tuple[str, str, str | None]]]:
    """户编号 → [(household id, village id, 户主)] of the register (several: a number used twice)."""
    wanted = sorted(set(hh_nos))
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    head = (select(_M.c.name).where(_M.c.household_id == _H.c.id, _M.c.relation == "01", _M.c.deleted.is_(False))
            .limit(limits.fixed(1)).scalar_subquery())
    with ctx.db.read() as conn:
        for start in range(0, len(wanted), CHUNK):
            for r in conn.execute(select(_H.c.hh_no, _H.c.id, _H.c.village_id, head.label("head"))
                                  .where(_H.c.hh_no.in_(wanted[start:start + CHUNK]), _H.c.deleted.is_(False))):
                found.setdefault(r.hh_no, []).append((r.id, r.village_id, r.head))
    return found


def _register_mark(ctx: AppContext) -> int:
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.coalesce(func.max(ChangeLog.__table__.c.seq), 0))).scalar() or 0)


# -- one project row ---------------------------------------------------------------------------------


@dataclass
class _Row:
    """A 项目库 row as read: its values (None where a cell had a problem) and its problems."""

    number: int
    problems: list[str] = field(default_factory=list)
    area: _Area | None = None
    project_id: str | None = None
    name: str | None = None
    type: str | None = None
    industry: str | None = None
    unit: str | None = None
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    budget: dict[str, int] = field(default_factory=dict)
    budget_total: int | None = None
    approved: int | None = None
    approved_on: dt.date | None = None
    status: str | None = None
    note: str | None = None
    view: records.ProjectView | None = None
    beneficiaries: dict[str, int] = field(default_factory=dict)
    beneficiary_rows: list[int] = field(default_factory=list)
    beneficiary_problems: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return None if self.planned_start is None else self.planned_start.year

    @property
    def label(self) -> str:
        return self.name or "（无项目名称）"


class _Reader:
    """Cell values of one 项目库 row, each problem recorded with its column."""

    def __init__(self, ctx: AppContext, table: Table, areas: _Areas) -> None:
        self.table = table
        self.areas = areas
        self.types = CodeCleaner(ctx.ref, "project_type")
        self.industries = CodeCleaner(ctx.ref, "industry")
        self.statuses = CodeCleaner(ctx.ref, "project_status")
        self.channel_names = [channel_header(c.code, ctx.ref) for c in ctx.ref["fund_channel"].codes]

    def row(self, number: int, values: tuple[Any, ...]) -> _Row:
        row = _Row(number)
        t = self.table

        def cell(key: str, read: Callable[[Any], Any], col: int | None = None) -> Any:
            col = t.columns.get(key) if col is None else col
            if col is None:
                return None
            try:
                return read(values[col])
            except CellProblem as exc:
                row.problems.append(f"{_where(t, col=col)}{exc}")
                return None

        row.area = cell("area", self.areas.find)
        row.project_id = cell("project_id", text)
        row.name = cell("name", lambda v: _required(v, "项目名称", MAX_NAME))
        row.type = cell("type", lambda v: _required(v, "项目类型", None, self.types))
        row.industry = cell("industry", self.industries)
        row.unit = cell("unit", lambda v: _required(v, "实施单位", MAX_UNIT))
        row.planned_start = cell("planned_start", date)
        row.planned_end = cell("planned_end", date)
        for channel, col in t.channels.items():
            amount = cell(channel, money, col)
            if amount is not None:
                row.budget[channel] = amount
        for col, header in t.unknown_channels.items():
            if values[col] is not None and str(values[col]).strip():
                known = "、".join(self.channel_names)
                row.problems.append(f"{_where(t, col=col)}“{header}”不是已知的资金渠道，这笔预算无法导入"
                                    f"（资金渠道：{known}；请把表头改为其中之一）")
        row.budget_total = cell("budget_total", money)
        row.approved = cell("approved", money)
        row.approved_on = cell("approved_on", date)
        row.status = cell("status", self._status)
        row.note = cell("note", text)
        self._approval(row)
        if not t.channels:
            row.problems.append("表中没有资金渠道的预算列（如“上级资金”“本级财政”），无法导入预算")
        return row

    def _status(self, value: Any) -> str | None:
        code = self.statuses(value)
        if code not in (None, rules.PLANNED, rules.APPROVED):
            raise CellProblem(f"导入只能是“储备”或“已批复”；“{rules.status_word(code or '')}”须在项目中逐步记录"
                              "（开工、完工、验收）")
        return code

    def _approval(self, row: _Row) -> None:
        t = self.table
        given = row.approved is not None or row.approved_on is not None
        if row.status == rules.PLANNED and given:
            row.problems.append(f"{_where(t, 'status')}状态为“储备”，却填写了批复金额或批复日期；"
                                "已批复的项目请把状态改为“已批复”")
        elif row.status == rules.APPROVED or given:
            if row.approved is None and "approved" not in _failed(row, t):
                row.problems.append(f"{_where(t, 'approved') or '批复金额：'}已批复的项目须填写批复金额")
            if row.approved_on is None and "approved_on" not in _failed(row, t):
                row.problems.append(f"{_where(t, 'approved_on') or '批复日期：'}已批复的项目须填写批复日期")


def _failed(row: _Row, t: Table) -> set[str]:
    """The keys of the columns whose cell already had a problem."""
    return {k for k in t.columns if any(p.startswith(_where(t, k)) for p in row.problems)}


def _required(value: Any, what: str, limit: int | None, clean: Callable[[Any], Any] = text) -> Any:
    found = clean(value)
    if found is None:
        raise CellProblem(f"未填写{what}")
    if limit is not None and len(found) > limit:
        raise CellProblem(f"过长（{len(found)}个字，最多{limit}个）")
    return found


# -- the plan ---------------------------------------------------------------------------------------


def build_plan(ctx: AppContext, path: Path | str, *, max_bytes: int = MAX_BYTES) -> ImportPlan:
    """Read ``path`` and decide every project (nothing is written). Raises SpreadsheetError for a file that
    cannot be used, PermissionDenied without ``project.edit``."""
    ctx.require(rules.EDIT)
    mark = _register_mark(ctx)
    book = read_workbook(path, ctx.ref, max_bytes=max_bytes)
    reader = _Reader(ctx, book.projects, _Areas(ctx))
    rows = [reader.row(n, v) for n, v in book.projects.rows]
    _duplicates(rows, book.projects)
    _match(ctx, rows)
    orphans = _beneficiaries(ctx, book, rows) if book.beneficiaries is not None else []
    plan = ImportPlan(book, [], [], {book.projects.sheet: {}}, mark)
    if book.beneficiaries is not None:
        plan.rejected[book.beneficiaries.sheet] = {}
    channels, labels = service._channels(ctx)
    for row in rows:
        _decide(ctx, plan, row, channels, labels)
    for number, reason in orphans:
        plan.entries.append(Entry("rejected", [], "", "", reason, [number]))
        assert book.beneficiaries is not None
        plan.rejected[book.beneficiaries.sheet][number] = reason
    plan.notes = _notes(book)
    log.info("project import plan of %s: %s", book.path.name, plan.summary())
    return plan


def _notes(book: Workbook) -> list[str]:
    t = book.projects
    notes = [f"项目库：工作表“{t.sheet}”，表头在第{t.header_row}行，数据 {len(t.rows)} 行"]
    if book.beneficiaries is not None:
        b = book.beneficiaries
        notes.append(f"受益户：工作表“{b.sheet}”，表头在第{b.header_row}行，数据 {len(b.rows)} 行")
    used = set(t.columns.values()) | set(t.channels.values())
    ignored = [f"{_letter(c)}列“{h}”" for c, h in enumerate(t.headers) if h and c not in used
               and h not in ("原行号", "错误原因")]
    if ignored:
        notes.append(f"以下列不导入：{'、'.join(ignored)}")
    return notes


def _key(row: _Row) -> tuple[Any, ...] | None:
    if row.area is None or row.name is None:
        return None
    return (row.area.id, row.name, row.year)


def _duplicates(rows: list[_Row], t: Table) -> None:
    """The same project twice in the file (same village, name and planned-start year, or the same 项目编号):
    both rows are refused, each naming the other."""
    by_key: dict[tuple[Any, ...], list[_Row]] = {}
    for row in rows:
        key = ("id", row.project_id) if row.project_id else _key(row)
        if key is not None:
            by_key.setdefault(key, []).append(row)
    for same in by_key.values():
        if len(same) > 1:
            for row in same:
                others = "、".join(str(o.number) for o in same if o is not row)
                what = "项目编号" if row.project_id else "村、项目名称和计划开工年份"
                row.problems.append(f"与第{others}行重复（{what}相同）；同一项目只能有一行")


def _match(ctx: AppContext, rows: list[_Row]) -> None:
    """The stored project each row is (its ``view``), or none: a new one."""
    names = sorted({r.name for r in rows if r.name})
    stored: dict[tuple[str, str], list[tuple[str, int | None]]] = {}
    with ctx.db.read() as conn:
        for start in range(0, len(names), CHUNK):
            for r in conn.execute(select(_P.c.id, _P.c.village_id, _P.c.name, _P.c.planned_start)
                                  .where(_P.c.name.in_(names[start:start + CHUNK]), _P.c.deleted.is_(False))):
                year = None if r.planned_start is None else r.planned_start.year
                stored.setdefault((r.village_id, r.name), []).append((r.id, year))
        ids = {r.project_id for r in rows if r.project_id}
        known = {r.id: r.village_id for r in conn.execute(
            select(_P.c.id, _P.c.village_id).where(_P.c.id.in_(sorted(ids)), _P.c.deleted.is_(False)))} if ids else {}
    in_file = Counter((r.area.id, r.name) for r in rows if r.area and r.name)
    taken: dict[str, int] = {}
    for row in rows:
        if row.area is None or row.name is None:
            continue
        if row.project_id:
            found = _by_id(row, known)
        else:
            found = _by_name(row, stored.get((row.area.id, row.name), []), in_file[(row.area.id, row.name)])
        if found is not None:
            if found in taken:
                row.problems.append(f"与第{taken[found]}行是同一个已登记的项目；同一项目只能有一行")
                continue
            taken[found] = row.number
            with ctx.db.read() as conn:
                row.view = records.read(conn, found)


def _by_id(row: _Row, known: dict[str, str]) -> str | None:
    assert row.area is not None and row.project_id
    if row.project_id not in known:
        row.problems.append(f"项目编号“{row.project_id}”在本机没有对应的项目（新项目请把项目编号留空）")
        return None
    if known[row.project_id] != row.area.id:
        row.problems.append(f"项目编号“{row.project_id}”的项目不属于“{row.area.name}”")
        return None
    return row.project_id


def _by_name(row: _Row, candidates: list[tuple[str, int | None]], rows_of_name: int) -> str | None:
    """The one stored project of the row's village and name; with several (or several rows of that name in the
    file), the one whose planned start is in the row's year."""
    assert row.area is not None
    if len(candidates) == 1 and rows_of_name == 1:
        return candidates[0][0]
    same_year = [c for c, y in candidates if y == row.year]
    if len(same_year) > 1:
        row.problems.append(f"“{row.area.name}”已有{len(same_year)}个名为“{row.name}”、计划开工年份相同的"
                            "项目，无法确定是哪一个：请填写项目编号")
        return None
    return same_year[0] if same_year else None


def _beneficiaries(ctx: AppContext, book: Workbook, rows: list[_Row]) -> list[tuple[int, str]]:
    """Attach the 受益户 rows to their projects; returns the rows that name no project of the file, with why."""
    t = book.beneficiaries
    assert t is not None
    parsed: list[tuple[int, tuple[Any, ...], str | None]] = []
    for number, values in t.rows:
        try:
            hh_no = clean_hh_no(values[t.columns["hh_no"]])
        except CellProblem:
            hh_no = None  # read again below, where the problem is recorded with its column
        parsed.append((number, values, hh_no))
    reader = _BeneficiaryReader(t, _Areas(ctx), rows, _households(ctx, [h for _n, _v, h in parsed if h]))
    orphans: list[tuple[int, str]] = []
    for number, values, hh_no in parsed:
        why = reader.row(number, values, hh_no)
        if why is not None:
            orphans.append((number, why))
    return orphans


class _BeneficiaryReader:
    """The 受益户 rows, each attached to its project row with its amount, or its problems."""

    def __init__(self, t: Table, areas: _Areas, rows: list[_Row],
                 register: dict[str, list[tuple[str, str, str | None]]]) -> None:
        self.t, self.areas, self.register = t, areas, register
        self.by_name: dict[str, list[_Row]] = {}
        self.by_id: dict[str, _Row] = {}
        for row in rows:
            if row.name:
                self.by_name.setdefault(row.name, []).append(row)
            for pid in (row.project_id, row.view.id if row.view else None):
                if pid:
                    self.by_id[pid] = row
        self.seen: dict[tuple[int, str], int] = {}

    def row(self, number: int, values: tuple[Any, ...], hh_no: str | None) -> str | None:
        """Read one row into its project; returns why when it names no project of the file."""
        t = self.t
        problems: list[str] = []

        def cell(key: str, read: Callable[[Any], Any]) -> Any:
            col = t.columns.get(key)
            if col is None:
                return None
            try:
                return read(values[col])
            except CellProblem as exc:
                problems.append(f"{_where(t, col=col)}{exc}")
                return None

        project, why = _project_of(cell, self.areas, self.by_name, self.by_id)
        if project is None:
            return why
        project.beneficiary_rows.append(number)
        household = None
        if hh_no is None:
            cell("hh_no", lambda v: _required(clean_hh_no(v), "户编号", None, lambda x: x))
        else:
            household = _household_of(hh_no, self.register, project, problems, t)
        head = cell("head", text)
        amount = cell("amount", money)
        if amount is None and not problems:
            problems.append(f"{_where(t, 'amount')}未填写计划金额")
        if household is not None:
            hid, registered_head = household
            if head and registered_head and head != registered_head:
                problems.append(f"{_where(t, 'head')}户编号 {hh_no} 的户主是“{registered_head}”，不是“{head}”")
            key = (id(project), hid)
            if key in self.seen:
                problems.append(f"该户已在受益户第{self.seen[key]}行列出；同一项目每户只能有一行")
            else:
                self.seen[key] = number
            if amount is not None and not problems:
                project.beneficiaries[hid] = amount
        project.beneficiary_problems += [f"受益户第{number}行：{p}" for p in problems]
        return None


def _project_of(cell: Callable[..., Any], areas: _Areas, by_name: dict[str, list[_Row]],
                by_id: dict[str, _Row]) -> tuple[_Row | None, str]:
    pid = cell("project_id", text)
    if pid:
        found = by_id.get(pid)
        return (found, "") if found else (None, f"项目编号“{pid}”不在项目库表中（受益户须属于表中的项目）")
    name = cell("name", text)
    if not name:
        return None, "未填写项目名称"
    candidates = by_name.get(name, [])
    area_text = cell("area", text)
    if area_text:
        try:
            area = areas.find(area_text)
        except CellProblem as exc:
            return None, f"村：{exc}"
        candidates = [r for r in candidates if r.area is not None and r.area.id == area.id]
    if len(candidates) == 1:
        return candidates[0], ""
    if not candidates:
        return None, f"项目库表中没有项目“{name}”" + (f"（{area_text}）" if area_text else "")
    return None, (f"项目库表中有{len(candidates)}个项目名为“{name}”，请" + ("填写项目编号" if area_text
                                                                    else "填写村（或项目编号）"))


def _household_of(hh_no: str, register: dict[str, list[tuple[str, str, str | None]]], project: _Row,
                  problems: list[str], t: Table) -> tuple[str, str | None] | None:
    found = register.get(hh_no, [])
    where = _where(t, "hh_no")
    if not found:
        problems.append(f"{where}登记册中没有户编号为 {hh_no} 的农户")
        return None
    if len(found) > 1:
        problems.append(f"{where}登记册中有{len(found)}户的户编号都是 {hh_no}，无法确定是哪一户")
        return None
    hid, village, head = found[0]
    if project.area is not None and project.area.level == "village" and village != project.area.id:
        problems.append(f"{where}户编号 {hh_no} 的农户不属于项目所在的“{project.area.name}”")
        return None
    return hid, head


def _decide(ctx: AppContext, plan: ImportPlan, row: _Row, channels: list[str], labels: dict[str, str]) -> None:
    t = plan.book.projects
    area_name = row.area.name if row.area else ""
    save = None
    if not row.problems and not row.beneficiary_problems:
        save = _save(ctx, row, t, channels, labels)
    problems = row.problems + row.beneficiary_problems
    if problems:
        reason = "；".join(problems)
        plan.entries.append(Entry("rejected", [row.number], area_name, row.label, reason, list(row.beneficiary_rows)))
        plan.rejected[t.sheet][row.number] = "；".join(row.problems) or "该项目的受益户行有错误（见受益户表）"
        if plan.book.beneficiaries is not None:
            for number in row.beneficiary_rows:
                own = [p.split("：", 1)[1] for p in row.beneficiary_problems if p.startswith(f"受益户第{number}行：")]
                plan.rejected[plan.book.beneficiaries.sheet][number] = (
                    "；".join(own) if own else f"所属项目（项目库第{row.number}行）有错误，整个项目未导入")
        return
    assert save is not None
    changes = _changes(row.view, save, labels) if row.view is not None else []
    if row.view is None:
        status, message = "create", _new_text(save)
    elif changes:
        status, message = "update", "；".join(changes)
    else:
        status, message = "unchanged", ""
    plan.entries.append(Entry(status, [row.number], area_name, row.label, message, list(row.beneficiary_rows)))
    if status != "unchanged":
        plan.saves.append(save)


def _save(ctx: AppContext, row: _Row, t: Table, channels: list[str], labels: dict[str, str],
          ) -> service.ProjectSave | None:
    """The save the row asks for, or None with its problems added to ``row.problems``."""
    assert row.area is not None and row.name and row.type and row.unit
    view = row.view
    # A blank cell (or a column the file lacks) keeps what is stored, as in the household import: 0 clears.
    budget = dict(row.budget) if view is None else {**view.budget, **row.budget}
    if not budget:
        row.problems.append("未填写预算：请至少填写一个资金渠道的金额")
        return None
    total = sum(budget.values())
    if row.budget_total is not None and row.budget_total != total:
        kept = "（含本机已登记、表中留空的渠道）" if view is not None and budget != row.budget else ""
        row.problems.append(f"{_where(t, 'budget_total')}预算合计 {yuan(row.budget_total)}，与各资金渠道之和 "
                            f"{yuan(total)}{kept} 不相等（相差 {yuan(abs(row.budget_total - total))}）")
        return None
    draft = service.ProjectDraft(
        area_id=row.area.id, name=row.name, type=row.type, unit=row.unit, budget=budget, budget_total=total,
        industry=row.industry if view is None else (row.industry or view.industry),
        planned_start=row.planned_start if view is None else (row.planned_start or view.planned_start),
        planned_end=row.planned_end if view is None else (row.planned_end or view.planned_end),
        note=(row.note or "") if view is None else (row.note or view.note))
    approval = (row.approved, row.approved_on) if row.approved is not None and row.approved_on is not None else None
    if view is not None and view.status != rules.PLANNED and row.status == rules.PLANNED:
        row.problems.append(f"{_where(t, 'status')}该项目已是“{rules.status_word(view.status)}”，导入不能撤回批复或"
                            "退回储备；请在项目中操作")
        return None
    save = service.ProjectSave(draft, None if view is None else view.id, approval, dict(row.beneficiaries))
    if view is not None and view.status == rules.ACCEPTED:
        if _changes(view, save, labels):
            row.problems.append(f"该项目已验收，不能再修改（{'；'.join(_changes(view, save, labels))}）")
            return None
        return save
    row.problems += _permission_problems(ctx, row, save, t)
    row.problems += _figure_problems(row, save, t, channels, labels)
    return None if row.problems else save


def _permission_problems(ctx: AppContext, row: _Row, save: service.ProjectSave, t: Table) -> list[str]:
    if ctx.allows(rules.APPROVE):
        return []
    view = row.view
    found: list[str] = []
    if view is None and row.area is not None and row.area.level == "town":
        found.append(f"{_where(t, 'area')}乡镇的项目须由有“批复项目”权限的人录入")
    old = None if view is None else (view.approved_amount, view.approved_on)
    if save.approval is not None and save.approval != old:
        found.append(f"{_where(t, 'approved')}填写或修改批复须有“批复项目”权限（project.approve）")
    if view is not None and view.status != rules.PLANNED and (
            view.budget != dict(save.draft.budget) or view.budget_total != save.draft.budget_total):
        found.append("项目已批复，调整预算须有“批复项目”权限（project.approve）")
    return found


def _figure_problems(row: _Row, save: service.ProjectSave, t: Table, channels: list[str],
                     labels: dict[str, str]) -> list[str]:
    view = row.view
    d = save.draft
    base = rules.Figures(budget_total=0) if view is None else view.figures()
    amounts = ({} if view is None else {b.household_id: b.amount for b in view.beneficiaries}) | dict(
        save.beneficiaries)
    after = replace(base, budget_total=d.budget_total or 0, budget=dict(d.budget), beneficiaries=amounts,
                    planned_start=d.planned_start, planned_end=d.planned_end)
    found: list[rules.Problem] = []
    if save.approval is not None:
        after = replace(after, approved=save.approval[0], approved_on=save.approval[1])
        if (view.status if view else rules.PLANNED) == rules.PLANNED:
            found += rules.transition_problems(rules.PLANNED, rules.APPROVED, after)
    found += rules.problems(after, channels, labels)
    stored = "（含本机已登记的拨付或受益户）" if view is not None else ""
    return [f"{_where(t, _PROBLEM_COLUMN.get(p.code)) if p.code in _PROBLEM_COLUMN else ''}{p.message}"
            + (stored if p.code.startswith(("disbursed", "beneficiaries")) else "") for p in found]


# -- what changes ------------------------------------------------------------------------------------


def _new_text(save: service.ProjectSave) -> str:
    d = save.draft
    parts = [f"预算 {yuan(d.budget_total or 0)}"]
    if save.approval is not None:
        parts.append(f"批复 {yuan(save.approval[0])}（{save.approval[1].isoformat()}）")
    if save.beneficiaries:
        parts.append(f"受益户 {len(save.beneficiaries)} 户")
    return "，".join(parts)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _changes(view: records.ProjectView, save: service.ProjectSave, labels: dict[str, str]) -> list[str]:
    """What the save changes on the stored project, as “字段：旧 → 新”."""
    d = save.draft
    found: list[str] = []
    for label, old, new in (("项目名称", view.name, d.name),
                            ("项目类型", view.type, d.type), ("产业", view.industry, d.industry or None),
                            ("实施单位", view.unit, d.unit), ("计划开工", view.planned_start, d.planned_start),
                            ("计划完工", view.planned_end, d.planned_end), ("备注", view.note, d.note)):
        if (old or None) != (new or None):
            found.append(f"{label}：{_shown(old)} → {_shown(new)}")
    order = list(labels)  # reference data's order of the channels
    for channel in sorted(set(view.budget) | set(d.budget), key=lambda c: (c not in order, order.index(c)
                                                                           if c in order else 0, c)):
        before, after = view.budget.get(channel), d.budget.get(channel)
        if before != after:
            found.append(f"预算·{labels.get(channel, channel)}：{yuan(before) if before is not None else '（无）'} → "
                         f"{yuan(after) if after is not None else '（无）'}")
    if save.approval is not None and save.approval != (view.approved_amount, view.approved_on):
        old_text = ("（未批复）" if view.approved_amount is None
                    else f"{yuan(view.approved_amount)}（{_shown(view.approved_on)}）")
        found.append(f"批复：{old_text} → {yuan(save.approval[0])}（{save.approval[1].isoformat()}）")
    stored = {b.household_id: b for b in view.beneficiaries}
    added = [h for h in save.beneficiaries if h not in stored]
    changed = [h for h in save.beneficiaries if h in stored and stored[h].amount != save.beneficiaries[h]]
    if added:
        found.append(f"新增受益户 {len(added)} 户")
    for h in changed:
        b = stored[h]
        found.append(f"受益户 {b.hh_no or h}：{yuan(b.amount)} → {yuan(save.beneficiaries[h])}")
    return found


# -- writing --------------------------------------------------------------------------------------------


def apply_plan(ctx: AppContext, plan: ImportPlan) -> list[str]:
    """Write the plan's new and changed projects in one transaction (all or none); returns their ids.
    Raises PlanOutdated when the register changed since the dry run."""
    if _register_mark(ctx) != plan.register_mark:
        raise PlanOutdated("预览之后登记册又有了修改（本机或同步），请重新预览后再导入")
    try:
        ids = service.save_all(ctx, plan.saves) if plan.saves else []
    except rules.ProjectError as exc:  # checked in the dry run: only a change made meanwhile gets here
        raise PlanOutdated(f"{exc}（预览之后数据有了变化，请重新预览；未导入任何项目）") from None
    plan.applied = ids
    log.info("project import applied from %s: %s", plan.path.name, plan.summary())
    return ids


__all__ = ["STATUSES", "STATUS_LABELS", "Entry", "ImportPlan", "PlanOutdated", "SpreadsheetError", "apply_plan",
           "build_plan", "date", "money"]
