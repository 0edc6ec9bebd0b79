"""The project ledgers of a village, a town or the district: read in a fixed number of SQL statements.

- :func:`project_ledger` (项目台账): every project of the scope with its type, implementing unit, status, budget
  by fund channel, approved amount, what was disbursed by channel, how many households benefit and the latest
  progress; with the totals per area (each village, and a town's own projects) and per town, and the whole.
- :func:`fund_ledger` (资金台账): per year and fund channel what was budgeted, budgeted on approved projects and
  disbursed; per year the approved amount; every disbursement with its voucher number; totals per area.
- :func:`integrated_funds` (涉农资金整合): how much came through each channel, and where it went: per project
  type, per project, and to households (the amounts of the households' measures that name a project).

The same functions serve a laptop, a township laptop and the district server: each holds the rows of its
villages through sync, so a town's ledger is its villages' ledgers added up, to the fen (the tests check it).
Every statement is filtered by the scope in SQL (a village: its projects; a town: its villages' and its own
projects; the district: every town's), so the cost grows with the scope's rows, not the database.

Years: a project's money is budgeted (and approved) in its year, :func:`fieldapp.domain.projects.project_year`;
a disbursement counts in the year of its date. Approval is one amount per project, not per channel: per channel
the fund ledger gives what approved projects budgeted on it (已批复项目预算), and per year the approved amount.
Money is fen. A measure without a channel counts under channel ``None`` (未注明渠道).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, false, func, select

from fieldapp.domain import charts as ch
from fieldapp.domain import projects as rules
from fieldapp.domain.refdata import RefData
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Measure,
    Project,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
    ProjectProgress,
)

_P, _B, _BEN = Project.__table__, ProjectBudget.__table__, ProjectBeneficiary.__table__
_D, _PR, _M, _A = ProjectDisbursement.__table__, ProjectProgress.__table__, Measure.__table__, Area.__table__


def _add(into: dict, key: object, amount: int) -> None:  # type: ignore[type-arg]
    into[key] = into.get(key, 0) + amount


def _sum(maps: Iterable[Mapping[str | None, int]]) -> dict[str | None, int]:
    found: dict[str | None, int] = {}
    for m in maps:
        for k, v in m.items():
            _add(found, k, v)
    return found


def channel_codes(ref: RefData, *held: Iterable[str | None]) -> list[str]:
    """The fund channels in reference-data order (every one: a ledger's columns stay put), then any code the
    ledgers hold that this laptop's list lacks."""
    known = [c.code for c in ref["fund_channel"].codes]
    return known + sorted({c for codes in held for c in codes if c and c not in known})


def channel_label(ref: RefData, code: str | None) -> str:
    return "未注明渠道" if code is None else ref["fund_channel"].label(code)


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class ProjectLine:
    """One project in the ledger (money in fen; ``budget``/``disbursed`` by fund channel)."""

    id: str
    area_id: str  # its village, or the town for a town's project
    area_name: str
    town_id: str
    name: str
    type: str
    industry: str | None
    unit: str
    status: str
    year: int | None
    budget_total: int
    budget: Mapping[str, int]
    approved: int | None
    approved_on: dt.date | None
    disbursed: Mapping[str, int]
    beneficiaries: int  # households
    percent: int | None  # the latest progress update (None: none reported)

    @property
    def disbursed_total(self) -> int:
        return sum(self.disbursed.values())


@dataclass(frozen=True)
class Totals:
    """Projects added up (one area, one town, or the whole scope)."""

    area_id: str
    name: str
    projects: int
    budget_total: int
    budget: Mapping[str, int]
    approved: int
    disbursed: Mapping[str, int]
    beneficiaries: int  # beneficiary places (a household benefiting from two projects counts twice)

    @property
    def disbursed_total(self) -> int:
        return sum(self.disbursed.values())


def totals(area_id: str, name: str, lines: Iterable[ProjectLine]) -> Totals:
    found = list(lines)
    return Totals(area_id, name, len(found), sum(p.budget_total for p in found), _sum(p.budget for p in found),
                  sum(p.approved or 0 for p in found), _sum(p.disbursed for p in found),
                  sum(p.beneficiaries for p in found))


@dataclass(frozen=True)
class ProjectLedger:
    """项目台账 of a scope: the lines by area and name, the totals per area and per town, the whole."""

    scope: ch.Scope
    lines: tuple[ProjectLine, ...]
    by_area: tuple[Totals, ...]  # each village, and each town's own projects (in tree order)
    by_town: tuple[Totals, ...]
    total: Totals

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.total.budget) | set(self.total.disbursed)))


@dataclass(frozen=True)
class ChannelYear:
    """The fund ledger's line: one year and channel (``year`` None: a project without a year)."""

    year: int | None
    channel: str
    budgeted: int
    approved_budget: int  # what approved projects budgeted on the channel
    disbursed: int


@dataclass(frozen=True)
class YearTotal:
    year: int | None
    budgeted: int
    approved: int  # the approved amounts of the year's projects
    disbursed: int


@dataclass(frozen=True)
class DisbursementLine:
    id: str
    project_id: str
    project_name: str
    area_id: str
    area_name: str
    date: dt.date
    amount: int
    channel: str
    payee: str
    voucher_no: str


@dataclass(frozen=True)
class AreaFunds:
    """An area's money in the fund ledger (same year filter): budgeted, approved, disbursed by channel."""

    area_id: str
    name: str
    budgeted: Mapping[str, int]
    approved: int
    disbursed: Mapping[str, int]


@dataclass(frozen=True)
class AreaChannelYear:
    """The fund ledger's finest cell: one area (a village, or a town's own projects), year and channel."""

    area_id: str
    year: int | None
    channel: str
    budgeted: int
    approved_budget: int
    disbursed: int


@dataclass(frozen=True)
class FundLedger:
    """资金台账 of a scope (``year`` None: every year). ``rows`` are ``cells`` added up over the areas."""

    scope: ch.Scope
    year: int | None
    rows: tuple[ChannelYear, ...]  # by year (no year last), then channel
    years: tuple[YearTotal, ...]
    disbursements: tuple[DisbursementLine, ...]  # by date
    by_area: tuple[AreaFunds, ...]
    cells: tuple[AreaChannelYear, ...] = ()  # by area (tree order), year, channel

    @property
    def budgeted(self) -> int:
        return sum(y.budgeted for y in self.years)

    @property
    def approved(self) -> int:
        return sum(y.approved for y in self.years)

    @property
    def disbursed(self) -> int:
        return sum(y.disbursed for y in self.years)


@dataclass(frozen=True)
class Flow:
    """Money of one destination (a project type, a project, the households) by channel."""

    key: str  # the type code, the project id, or "households"
    name: str  # the project's name ("" for a type: its label is the front end's)
    by_channel: Mapping[str | None, int]

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


@dataclass(frozen=True)
class IntegratedFunds:
    """涉农资金整合 of a scope: what came through each channel and where it went (``year`` None: every year).

    ``budgeted`` and ``disbursed`` per channel; ``by_type`` (most money first) and ``by_project`` (ledger order)
    split what was disbursed;
    ``to_households`` is what the households' measures naming a project of the scope record they received
    (by the measure's channel), from ``households`` households in ``measures`` measures."""

    scope: ch.Scope
    year: int | None
    budgeted: Mapping[str, int]
    disbursed: Mapping[str, int]
    by_type: tuple[Flow, ...]
    by_project: tuple[Flow, ...]
    to_households: Flow
    households: int
    measures: int
    per_project_households: Mapping[str, int] = field(default_factory=dict)  # project id -> its measures' fen

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.budgeted) | set(self.disbursed)))


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Where:
    tree: ch.AreaTree
    scope: ch.Scope
    condition: ColumnElement[bool]


def _scope_tree(conn: Connection, area_id: str) -> ch.AreaTree:
    """The scope's area and the areas below it (and its parent, for names): at most three statements, reading
    what the scope holds, not every area of the database (a district server holds many)."""
    columns = (_A.c.id, _A.c.parent_id, _A.c.level, _A.c.name, _A.c.code)
    live = _A.c.deleted.is_(False)
    found = {r.id: r for r in conn.execute(select(*columns).where(_A.c.id == area_id, live))}
    level = found[area_id].level if area_id in found else None
    if level in (ch.TOWN, ch.DISTRICT):
        children = {r.id: r for r in conn.execute(select(*columns).where(_A.c.parent_id == area_id, live))}
        found |= children
        if level == ch.DISTRICT and children:
            found |= {r.id: r for r in conn.execute(select(*columns).where(_A.c.parent_id.in_(list(children)),
                                                                           live))}
    return ch.AreaTree({r.id: ch.Area(r.id, r.parent_id, r.level, r.name, r.code) for r in found.values()})


def _where(conn: Connection, area_id: str) -> _Where:
    tree = _scope_tree(conn, area_id)
    scope = tree.scope(area_id)
    if scope.level == ch.VILLAGE:
        condition: ColumnElement[bool] = _P.c.village_id == area_id
    elif scope.level == ch.TOWN:
        condition = _P.c.town_id == area_id
    else:
        towns = [a.id for a in tree.areas.values() if a.level == ch.TOWN and a.parent_id == area_id]
        condition = _P.c.town_id.in_(towns) if towns else false()
    return _Where(tree, scope, condition & _P.c.deleted.is_(False))


def _scoped(table: object):  # type: ignore[no-untyped-def]
    """A child table joined to its live project in scope."""
    return table.join(_P, _P.c.id == table.c.project_id)  # type: ignore[attr-defined]


def _lines(conn: Connection, w: _Where) -> list[ProjectLine]:
    projects = conn.execute(
        select(_P.c.id, _P.c.village_id, _P.c.town_id, _P.c.name, _P.c.type, _P.c.industry, _P.c.unit, _P.c.status,
               _P.c.planned_start, _P.c.approved_on, _P.c.budget_total, _P.c.approved_amount)
        .where(w.condition)).all()
    budget: dict[str, dict[str, int]] = {}
    for r in conn.execute(select(_B.c.project_id, _B.c.channel, func.sum(_B.c.amount))
                          .select_from(_scoped(_B)).where(w.condition, _B.c.deleted.is_(False))
                          .group_by(_B.c.project_id, _B.c.channel)):
        budget.setdefault(r[0], {})[r[1]] = int(r[2] or 0)
    paid: dict[str, dict[str, int]] = {}
    for r in conn.execute(select(_D.c.project_id, _D.c.channel, func.sum(_D.c.amount))
                          .select_from(_scoped(_D)).where(w.condition, _D.c.deleted.is_(False))
                          .group_by(_D.c.project_id, _D.c.channel)):
        paid.setdefault(r[0], {})[r[1]] = int(r[2] or 0)
    counts = {r[0]: int(r[1]) for r in conn.execute(
        select(_BEN.c.project_id, func.count(func.distinct(_BEN.c.household_id)))
        .select_from(_scoped(_BEN)).where(w.condition, _BEN.c.deleted.is_(False)).group_by(_BEN.c.project_id))}
    latest = (select(_PR.c.project_id, func.max(_PR.c.date).label("day"))
              .select_from(_scoped(_PR)).where(w.condition, _PR.c.deleted.is_(False))
              .group_by(_PR.c.project_id).subquery())
    percent: dict[str, int] = {}
    for r in conn.execute(select(_PR.c.project_id, _PR.c.percent).select_from(
            _PR.join(latest, (latest.c.project_id == _PR.c.project_id) & (latest.c.day == _PR.c.date)))
            .where(_PR.c.deleted.is_(False))):
        percent[r[0]] = max(percent.get(r[0], 0), int(r[1]))  # two updates on the last day: the higher
    names = {a.id: a.name for a in w.tree.areas.values()}
    found = [ProjectLine(
        id=r.id, area_id=r.village_id, area_name=names.get(r.village_id, ""), town_id=r.town_id, name=r.name,
        type=r.type, industry=r.industry, unit=r.unit, status=r.status,
        year=rules.project_year(r.approved_on, r.planned_start), budget_total=int(r.budget_total or 0),
        budget=budget.get(r.id, {}), approved=None if r.approved_amount is None else int(r.approved_amount),
        approved_on=r.approved_on, disbursed=paid.get(r.id, {}), beneficiaries=counts.get(r.id, 0),
        percent=percent.get(r.id)) for r in projects]
    order = _area_order(w)
    return sorted(found, key=lambda p: (order.get(p.area_id, len(order)), p.area_name, p.name, p.id))


def _area_order(w: _Where) -> dict[str, int]:
    """Tree order below the scope: a town, then its villages."""
    found: list[str] = []

    def walk(area_id: str) -> None:
        found.append(area_id)
        for child in w.tree.children(area_id):
            walk(child.id)

    walk(w.scope.area_id)
    return {a: i for i, a in enumerate(found)}


def project_ledger(db: Database, area_id: str) -> ProjectLedger:
    """项目台账 of a village, town or district (raises :class:`~fieldapp.domain.charts.ChartError` for another
    area, naming it)."""
    with db.read() as conn:
        w = _where(conn, area_id)
        lines = _lines(conn, w)
    by_area = _group(w, lines, lambda p: p.area_id)
    by_town = _group(w, lines, lambda p: p.town_id)
    return ProjectLedger(w.scope, tuple(lines), by_area, by_town, totals(w.scope.area_id, w.scope.name, lines))


def _group(w: _Where, lines: list[ProjectLine], key: object) -> tuple[Totals, ...]:
    groups: dict[str, list[ProjectLine]] = {}
    for p in lines:
        groups.setdefault(key(p), []).append(p)  # type: ignore[operator]
    order = _area_order(w)
    names = {a.id: a.name for a in w.tree.areas.values()}
    return tuple(totals(a, names.get(a, ""), groups[a])
                 for a in sorted(groups, key=lambda a: (order.get(a, 1 << 30), a)))


def fund_ledger(db: Database, area_id: str, year: int | None = None) -> FundLedger:
    """资金台账 of a village, town or district, of one year or (None) every year."""
    with db.read() as conn:
        w = _where(conn, area_id)
        lines = _lines(conn, w)
        query = (select(_D.c.id, _D.c.project_id, _P.c.name, _P.c.village_id, _D.c.date, _D.c.amount, _D.c.channel,
                        _D.c.payee, _D.c.voucher_no)
                 .select_from(_scoped(_D)).where(w.condition, _D.c.deleted.is_(False)))
        if year is not None:
            query = query.where(_D.c.date >= dt.date(year, 1, 1), _D.c.date <= dt.date(year, 12, 31))
        rows = conn.execute(query.order_by(_D.c.date, _D.c.voucher_no, _D.c.id)).all()
    names = {a.id: a.name for a in w.tree.areas.values()}
    paid = [DisbursementLine(r.id, r.project_id, r.name, r.village_id, names.get(r.village_id, ""), r.date,
                             int(r.amount), r.channel, r.payee, r.voucher_no) for r in rows]
    budgeted = [p for p in lines if year is None or p.year == year]
    area_of = {p.id: p.area_id for p in lines}
    fine: dict[tuple[str, int | None, str], list[int]] = {}
    for p in budgeted:
        for channel, amount in p.budget.items():
            cell = fine.setdefault((p.area_id, p.year, channel), [0, 0, 0])
            cell[0] += amount
            if p.approved is not None:
                cell[1] += amount
    for d in paid:
        fine.setdefault((area_of[d.project_id], d.date.year, d.channel), [0, 0, 0])[2] += d.amount
    order = _area_order(w)
    fine_cells = tuple(AreaChannelYear(a, y, c, *v) for (a, y, c), v in sorted(fine.items(), key=lambda kv: (
        order.get(kv[0][0], 1 << 30), kv[0][0], kv[0][1] is None, kv[0][1] or 0, kv[0][2])))
    cells: dict[tuple[int | None, str], list[int]] = {}
    for f in fine_cells:
        cell = cells.setdefault((f.year, f.channel), [0, 0, 0])
        cell[0] += f.budgeted
        cell[1] += f.approved_budget
        cell[2] += f.disbursed
    rows_out = tuple(ChannelYear(y, c, *v) for (y, c), v in sorted(cells.items(), key=lambda kv: (
        kv[0][0] is None, kv[0][0] or 0, kv[0][1])))
    years: dict[int | None, list[int]] = {}
    for p in budgeted:
        entry = years.setdefault(p.year, [0, 0, 0])
        entry[0] += p.budget_total
        entry[1] += p.approved or 0
    for d in paid:
        years.setdefault(d.date.year, [0, 0, 0])[2] += d.amount
    year_rows = tuple(YearTotal(y, *years[y]) for y in sorted(years, key=lambda y: (y is None, y or 0)))
    areas: dict[str, tuple[dict[str, int], list[int], dict[str, int]]] = {}
    for p in budgeted:
        b, approved, _ = areas.setdefault(p.area_id, ({}, [0], {}))
        for channel, amount in p.budget.items():
            _add(b, channel, amount)
        approved[0] += p.approved or 0
    for d in paid:
        _add(areas.setdefault(area_of[d.project_id], ({}, [0], {}))[2], d.channel, d.amount)
    by_area = tuple(AreaFunds(a, names.get(a, ""), areas[a][0], areas[a][1][0], areas[a][2])
                    for a in sorted(areas, key=lambda a: (order.get(a, 1 << 30), a)))
    return FundLedger(w.scope, year, rows_out, year_rows, tuple(paid), by_area, fine_cells)


def integrated_funds(db: Database, area_id: str, year: int | None = None) -> IntegratedFunds:
    """涉农资金整合 of a village (or a town, the district), of one year or every year: budgeted (projects of
    the year) and disbursed (dated in the year) per channel, disbursed per project type and per project, and
    what the households' measures naming a project of the scope record (measures dated in the year)."""
    with db.read() as conn:
        w = _where(conn, area_id)
        lines = _lines(conn, w)
        paid_query = (select(_D.c.project_id, _D.c.channel, func.sum(_D.c.amount))
                      .select_from(_scoped(_D)).where(w.condition, _D.c.deleted.is_(False)))
        measure_query = (select(_M.c.project_id, _M.c.fund_channel, _M.c.household_id, _M.c.amount)
                         .select_from(_M.join(_P, _P.c.id == _M.c.project_id))
                         .where(w.condition, _M.c.deleted.is_(False), _M.c.amount.is_not(None)))
        if year is not None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            paid_query = paid_query.where(_D.c.date >= first, _D.c.date <= last)
            measure_query = measure_query.where(_M.c.date >= first, _M.c.date <= last)
        paid = [(r[0], r[1], int(r[2] or 0)) for r in conn.execute(paid_query.group_by(_D.c.project_id, _D.c.channel))]
        measures = conn.execute(measure_query).all()
    projects = {p.id: p for p in lines}
    budgeted = _sum(p.budget for p in lines if year is None or p.year == year)
    disbursed: dict[str, int] = {}
    per_type: dict[str, dict[str | None, int]] = {}
    per_project: dict[str, dict[str | None, int]] = {}
    for project_id, channel, amount in paid:
        _add(disbursed, channel, amount)
        _add(per_type.setdefault(projects[project_id].type, {}), channel, amount)
        _add(per_project.setdefault(project_id, {}), channel, amount)
    to_households: dict[str | None, int] = {}
    per_project_households: dict[str, int] = {}
    for m in measures:
        _add(to_households, m.fund_channel, int(m.amount))
        _add(per_project_households, m.project_id, int(m.amount))
    return IntegratedFunds(
        w.scope, year, budgeted, disbursed,  # type: ignore[arg-type]
        tuple(Flow(t, "", per_type[t]) for t in sorted(per_type, key=lambda t: (-sum(per_type[t].values()), t))),
        tuple(Flow(p.id, p.name, per_project[p.id]) for p in lines if p.id in per_project),
        Flow("households", "", to_households), len({m.household_id for m in measures}), len(measures),
        per_project_households)


def chart_projects(conn: Connection, area_id: str, year: int) -> list[ch.ProjectFact]:
    """The scope's projects as the 挂图作战 charts take them (:class:`~fieldapp.domain.charts.ProjectFact`): the
    budget by channel, what was disbursed in ``year`` by channel, the beneficiary households. Read on the
    charts' own connection (their one snapshot)."""
    w = _where(conn, area_id)
    lines = _lines(conn, w)
    paid: dict[str, dict[str, int]] = {}
    for r in conn.execute(select(_D.c.project_id, _D.c.channel, func.sum(_D.c.amount))
                          .select_from(_scoped(_D))
                          .where(w.condition, _D.c.deleted.is_(False), _D.c.date >= dt.date(year, 1, 1),
                                 _D.c.date <= dt.date(year, 12, 31))
                          .group_by(_D.c.project_id, _D.c.channel)):
        paid.setdefault(r[0], {})[r[1]] = int(r[2] or 0)
    homes: dict[str, list[str]] = {}
    for r in conn.execute(select(_BEN.c.project_id, _BEN.c.household_id).select_from(_scoped(_BEN))
                          .where(w.condition, _BEN.c.deleted.is_(False))):
        homes.setdefault(r[0], []).append(r[1])
    return [ch.ProjectFact(p.id, p.area_id, p.type, p.industry, p.year, dict(p.budget), paid.get(p.id, {}),
                           tuple(sorted(homes.get(p.id, ())))) for p in lines]
