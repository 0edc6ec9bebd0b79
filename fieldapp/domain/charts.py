"""挂图作战: the figures of the four wall charts, pure (no SQL, no drawing).

One set of figures serves the screen and the print: :mod:`fieldapp.services.charts.figures` reads the
register into the typed *facts* below and the functions here turn them into the chart records.
Every number a chart shows is a :class:`Cell`: the value and the ids of the households behind it, so a
click on the screen drills down to exactly the households that make the number.

The four charts, for a *scope* (the district, a town or a village) and a year:

- **贫困对象分布图** (:func:`distribution`): households and people per unit one level down (towns of the
  district, villages of a town, 村民小组 of a village), by support (一般 / 低保 / 特困, from the
  ``support`` attribute of refdata ``household_attribute``), by status (未脱贫 / 已脱贫) and 监测对象.
  ``map_rows`` are per village (per group in a village scope): the places on the schematic map.
- **计划措施细则图** (:func:`measures`): measures per type (the 五个一批 pathways first), planned against
  done, and the households covered. A measure belongs to the year when it runs in it (its date, or no
  date, no later than the year's end; its end date, if any, no earlier than the year's start). It is
  *done* (已落实) once its date has come (on or before the as-of day); one without a date, or dated later,
  is planned only. The projects' money of the year per fund channel goes with it (:func:`project_money`:
  the year's projects' budget, what was disbursed in the year; behind it, the projects' beneficiaries).
- **产业发展规划图** (:func:`industries`): the 六大产业 per unit: households with an industry measure of the
  year and its scale (the money put in, fen), against the plan: targets of kind ``industry_<code>`` (the
  planned households of that industry in the area and year). Each industry also carries its projects and
  their money of the year (``IndustryRow.projects``).
- **任务进度进展图** (:func:`progress`): exits of the year by month (households and people, cumulated)
  against the year's targets ``households_exit`` / ``people_exit`` and ``villages_out`` (village_year
  ``out_year``), the gap to each target, and the entries (identification, return) and households taken
  into monitoring that the workflows record.

Targets roll up: an area's figure is its own target row when it has one, else the sum of its children's
(a district that set targets per town gets their sum); None when no area below has one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fieldapp.domain import targets as target_rules

DISTRICT, TOWN, VILLAGE, GROUP = "district", "town", "village", "group"
LEVELS = (DISTRICT, TOWN, VILLAGE)
CHILD_LEVEL = {DISTRICT: TOWN, TOWN: VILLAGE, VILLAGE: GROUP}

GENERAL, DIBAO, TEKUN = "general", "dibao", "tekun"
SUPPORTS = (GENERAL, DIBAO, TEKUN)

TARGET_PEOPLE, TARGET_HOUSEHOLDS, TARGET_VILLAGES = "people_exit", "households_exit", "villages_out"
INDUSTRY_TARGET_PREFIX = target_rules.INDUSTRY_PREFIX  # target kind industry_<industry code>: planned households

# workflow movements counted on the progress chart
EXIT, ENTRY, RETURN, MONITORING = "exit", "identification", "return", "monitoring"


class ChartError(ValueError):
    """A chart asked of something that cannot have one; the message names the problem."""


def industry_target_kind(industry: str) -> str:
    return target_rules.industry_kind(industry)


# ---------------------------------------------------------------- facts (what the service reads)


@dataclass(frozen=True)
class Area:
    id: str
    parent_id: str | None
    level: str
    name: str
    code: str | None = None


@dataclass(frozen=True)
class Scope:
    """What a chart covers: the district, a town or a village (an ``area`` row)."""

    level: str
    area_id: str
    name: str


@dataclass(frozen=True)
class HouseholdFact:
    id: str
    village_id: str
    group_no: int | None
    support: str  # general | dibao | tekun
    people: int
    exited: bool
    monitored: bool
    label: str = ""  # head's name and 户编号, for lists


@dataclass(frozen=True)
class MeasureFact:
    household_id: str
    type: str
    industry: str | None
    amount: int | None  # fen
    date: dt.date | None
    end_date: dt.date | None


@dataclass(frozen=True)
class Movement:
    """A finished workflow: an exit, an entry (identification or return) or a household taken into monitoring.
    ``on`` is the day of its last decision; None for a state imported from a typed value (year only)."""

    household_id: str
    kind: str
    year: int
    on: dt.date | None


@dataclass(frozen=True)
class TargetFact:
    area_id: str
    year: int
    kind: str
    value: int


@dataclass(frozen=True)
class VillageYearFact:
    village_id: str
    year: int
    poor_village: bool
    out_year: int | None


@dataclass(frozen=True)
class ProjectFact:
    """A project of the scope (its village, or a town's own): its year (:func:`fieldapp.domain.projects.
    project_year`), budget by channel, what was disbursed *in the facts' year* by channel, its beneficiaries."""

    id: str
    area_id: str
    type: str
    industry: str | None
    year: int | None
    budget: Mapping[str, int]
    disbursed: Mapping[str, int]
    beneficiaries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    """Everything the four charts of a scope and year are computed from."""

    tree: AreaTree
    scope: Scope
    year: int
    as_of: dt.datetime
    households: Sequence[HouseholdFact]
    measures: Sequence[MeasureFact] = ()
    movements: Sequence[Movement] = ()
    targets: Sequence[TargetFact] = ()
    village_years: Sequence[VillageYearFact] = ()
    projects: Sequence[ProjectFact] = ()


# ---------------------------------------------------------------- figure records


@dataclass(frozen=True)
class Cell:
    """A number on a chart and the households behind it (sorted ids; empty when it counts no households)."""

    value: int
    households: tuple[str, ...] = ()


EMPTY = Cell(0)


def households_cell(ids: Iterable[str]) -> Cell:
    found = tuple(sorted(set(ids)))
    return Cell(len(found), found)


@dataclass(frozen=True)
class Unit:
    """A row of a chart: a town, a village or a 村民小组 (``group_no``; ``area_id`` its village)."""

    key: str
    level: str
    name: str
    area_id: str
    group_no: int | None = None
    code: str | None = None  # the area's 统计用区划代码 (matches the village boundary file)


@dataclass(frozen=True)
class DistributionRow:
    unit: Unit
    households: Cell
    people: Cell  # value: people; households: the households they live in
    general: Cell
    dibao: Cell
    tekun: Cell
    poor: Cell
    exited: Cell
    monitored: Cell

    def support(self, code: str) -> Cell:
        return {GENERAL: self.general, DIBAO: self.dibao, TEKUN: self.tekun}[code]


@dataclass(frozen=True)
class Distribution:
    scope: Scope
    year: int
    as_of: dt.datetime
    rows: tuple[DistributionRow, ...]  # per unit one level down
    map_rows: tuple[DistributionRow, ...]  # per village (per group in a village scope)
    total: DistributionRow


@dataclass(frozen=True)
class ProjectMoney:
    """Projects' money of the year (fen): budgeted on the year's projects and disbursed in the year; the
    households behind it are the beneficiaries of the projects counted."""

    projects: int
    budget: int
    disbursed: int
    households: Cell


NO_PROJECTS = ProjectMoney(0, 0, 0, EMPTY)


@dataclass(frozen=True)
class ChannelMoney:
    """One fund channel's project money of the year (the 计划措施细则图's funds)."""

    channel: str
    money: ProjectMoney


@dataclass(frozen=True)
class MeasureRow:
    type: str
    pathway: bool  # one of the 五个一批
    planned: Cell  # value: measures of the year
    done: Cell  # value: measures whose date has come
    covered: Cell  # households with a measure of the type
    amount: int  # fen, planned


@dataclass(frozen=True)
class Measures:
    scope: Scope
    year: int
    as_of: dt.datetime
    rows: tuple[MeasureRow, ...]  # pathways first, in reference-data order
    planned: Cell
    done: Cell
    covered: Cell
    funds: tuple[ChannelMoney, ...] = ()  # project money per fund channel (channels with money)
    project_money: ProjectMoney = NO_PROJECTS  # all the projects' money of the year


@dataclass(frozen=True)
class IndustryCell:
    households: Cell
    amount: int  # fen
    plan: int | None  # planned households (target industry_<code>)


@dataclass(frozen=True)
class IndustryRow:
    industry: str
    units: tuple[IndustryCell, ...]  # aligned with Industries.units
    total: IndustryCell
    projects: ProjectMoney = NO_PROJECTS  # the industry's projects (type 产业) and their money of the year


@dataclass(frozen=True)
class Industries:
    scope: Scope
    year: int
    as_of: dt.datetime
    units: tuple[Unit, ...]
    rows: tuple[IndustryRow, ...]
    covered: Cell  # households with any industry measure of the year


@dataclass(frozen=True)
class ProgressMonth:
    month: int
    households: Cell  # exits decided in the month
    people: Cell
    cumulative_households: int
    cumulative_people: int
    entries: Cell  # identification and return finished in the month
    monitored: Cell  # taken into monitoring in the month
    future: bool  # after the as-of month: nothing to show yet


@dataclass(frozen=True)
class Goal:
    """A target and how far it is reached: ``gap`` = target − done (never below 0); None without a target."""

    done: int
    target: int | None

    @property
    def gap(self) -> int | None:
        return None if self.target is None else max(0, self.target - self.done)

    @property
    def share(self) -> float | None:
        return None if not self.target else self.done / self.target


@dataclass(frozen=True)
class Progress:
    scope: Scope
    year: int
    as_of: dt.datetime
    months: tuple[ProgressMonth, ...]  # 1..12
    undated_households: Cell  # exits of the year known by year only (imported state)
    undated_people: Cell
    exited_households: Cell  # the year's exits, dated or not
    exited_people: Cell
    households: Goal
    people: Goal
    villages: Goal
    villages_out: tuple[str, ...]  # village ids 摘帽 in the year
    entries: Cell
    returns: Cell
    monitored: Cell


# ---------------------------------------------------------------- areas and units


@dataclass(frozen=True)
class AreaTree:
    """The areas with their children, to find the villages under a scope and the units of a chart."""

    areas: Mapping[str, Area]

    def children(self, area_id: str) -> list[Area]:
        return sorted((a for a in self.areas.values() if a.parent_id == area_id), key=lambda a: (a.code or "", a.name))

    def villages_under(self, area_id: str) -> list[Area]:
        area = self.areas.get(area_id)
        if area is None:
            return []
        if area.level == VILLAGE:
            return [area]
        return [v for child in self.children(area_id) for v in self.villages_under(child.id)]

    def scope(self, area_id: str) -> Scope:
        area = self.areas.get(area_id)
        if area is None:
            raise ChartError(f"没有这个区域（{area_id}）")
        if area.level not in LEVELS:
            raise ChartError(f"区域“{area.name}”的级别“{area.level}”不能作图（只能是区县、乡镇或村）")
        return Scope(area.level, area.id, area.name)

    def unit_of_village(self, scope: Scope, village_id: str) -> str | None:
        """The key of the unit one level below ``scope`` that holds the village (towns: the town's id)."""
        if scope.level == VILLAGE:
            return None
        area = self.areas.get(village_id)
        while area is not None and area.parent_id != scope.area_id:
            area = self.areas.get(area.parent_id) if area.parent_id else None
        return area.id if area is not None else None


def group_key(village_id: str, group_no: int | None) -> str:
    return f"{village_id}#{group_no if group_no is not None else ''}"


def group_name(group_no: int | None) -> str:
    return f"{group_no}组" if group_no is not None else "未分组"


def units_of(tree: AreaTree, scope: Scope, households: Sequence[HouseholdFact]) -> list[Unit]:
    """The rows of a chart: the towns of a district, the villages of a town, the groups of a village
    (every group a household is in, in number order, 未分组 last)."""
    if scope.level == VILLAGE:
        groups = sorted({h.group_no for h in households}, key=lambda g: (g is None, g or 0))
        return [Unit(group_key(scope.area_id, g), GROUP, group_name(g), scope.area_id, g) for g in groups]
    return [Unit(a.id, a.level, a.name, a.id, code=a.code) for a in tree.children(scope.area_id)]


def _unit_key(tree: AreaTree, scope: Scope, h: HouseholdFact) -> str | None:
    if scope.level == VILLAGE:
        return group_key(h.village_id, h.group_no)
    return tree.unit_of_village(scope, h.village_id)


# ---------------------------------------------------------------- the four charts


def _distribution_row(unit: Unit, households: Sequence[HouseholdFact]) -> DistributionRow:
    def pick(keep: object) -> Cell:
        return households_cell(h.id for h in households if keep(h))  # type: ignore[operator]

    all_ids = households_cell(h.id for h in households)
    return DistributionRow(
        unit=unit, households=all_ids, people=Cell(sum(h.people for h in households), all_ids.households),
        general=pick(lambda h: h.support == GENERAL), dibao=pick(lambda h: h.support == DIBAO),
        tekun=pick(lambda h: h.support == TEKUN), poor=pick(lambda h: not h.exited), exited=pick(lambda h: h.exited),
        monitored=pick(lambda h: h.monitored))


def distribution(f: Facts) -> Distribution:
    tree, scope, households = f.tree, f.scope, f.households
    units = units_of(tree, scope, households)
    by_unit: dict[str, list[HouseholdFact]] = {u.key: [] for u in units}
    for h in households:
        key = _unit_key(tree, scope, h)
        if key in by_unit:
            by_unit[key].append(h)
    rows = tuple(_distribution_row(u, by_unit[u.key]) for u in units)
    if scope.level == VILLAGE:
        map_rows = rows
    else:
        by_village: dict[str, list[HouseholdFact]] = {}
        for h in households:
            by_village.setdefault(h.village_id, []).append(h)
        map_rows = tuple(_distribution_row(Unit(v.id, VILLAGE, v.name, v.id, code=v.code), by_village.get(v.id, []))
                         for v in tree.villages_under(scope.area_id))
    total = _distribution_row(Unit(scope.area_id, scope.level, scope.name, scope.area_id), households)
    return Distribution(scope, f.year, f.as_of, rows, map_rows, total)


def in_year(m: MeasureFact, year: int) -> bool:
    """Whether a measure runs in the year (see the module docstring)."""
    if m.date is not None and m.date > dt.date(year, 12, 31):
        return False
    return m.end_date is None or m.end_date >= dt.date(year, 1, 1)


def is_done(m: MeasureFact, as_of: dt.date) -> bool:
    return m.date is not None and m.date <= as_of


def measures(f: Facts, types: Sequence[tuple[str, bool]]) -> Measures:
    """``types``: (code, is a pathway) of every measure type in reference-data order."""
    day, year = f.as_of.date(), f.year
    of_year = [m for m in f.measures if in_year(m, year)]
    order = [t for t in types if t[1]] + [t for t in types if not t[1]]
    known = {code for code, _ in types}
    order += [(code, False) for code in sorted({m.type for m in of_year} - known)]  # codes this laptop lacks

    def row(code: str, pathway: bool) -> MeasureRow:
        ms = [m for m in of_year if m.type == code]
        done = [m for m in ms if is_done(m, day)]
        covered = households_cell(m.household_id for m in ms)
        return MeasureRow(code, pathway, Cell(len(ms), covered.households),
                          Cell(len(done), tuple(sorted({m.household_id for m in done}))), covered,
                          sum(m.amount or 0 for m in ms))

    rows = tuple(row(code, pathway) for code, pathway in order)
    done_all = [m for m in of_year if is_done(m, day)]
    covered = households_cell(m.household_id for m in of_year)
    channels = sorted({c for p in f.projects for c in (*p.budget, *p.disbursed)})
    funds = tuple(ChannelMoney(c, money) for c in channels
                  if (money := project_money(f.projects, year, channel=c)).budget or money.disbursed)
    return Measures(f.scope, year, f.as_of, rows, Cell(len(of_year), covered.households),
                    Cell(len(done_all), tuple(sorted({m.household_id for m in done_all}))), covered,
                    funds, project_money(f.projects, year))


def project_money(projects: Iterable[ProjectFact], year: int, *, channel: str | None = None) -> ProjectMoney:
    """The money of the year of ``projects`` (one ``channel``, or all): the budget of the year's projects and
    what was disbursed in the year; counted are the projects with either, their beneficiaries behind it."""
    budget = disbursed = 0
    counted: list[ProjectFact] = []
    for p in projects:
        b = (sum(p.budget.values()) if channel is None else p.budget.get(channel, 0)) if p.year == year else 0
        d = sum(p.disbursed.values()) if channel is None else p.disbursed.get(channel, 0)
        if b or d or (channel is None and p.year == year):
            counted.append(p)
        budget, disbursed = budget + b, disbursed + d
    return ProjectMoney(len(counted), budget, disbursed,
                        households_cell(h for p in counted for h in p.beneficiaries))


def target_value(tree: AreaTree, targets: Sequence[TargetFact], area_id: str, year: int, kind: str) -> int | None:
    """An area's target of the kind and year: its own row, else the sum of its children's (None: none set)."""
    own = {(t.area_id, t.year, t.kind): t.value for t in targets}
    return _rolled(tree, own, area_id, year, kind)


def _rolled(tree: AreaTree, own: Mapping[tuple[str, int, str], int], area_id: str, year: int,
            kind: str) -> int | None:
    if (area_id, year, kind) in own:
        return own[(area_id, year, kind)]
    found = [v for child in tree.children(area_id) if (v := _rolled(tree, own, child.id, year, kind)) is not None]
    return sum(found) if found else None


def industries(f: Facts, codes: Sequence[str]) -> Industries:
    """``codes``: the industry codes in reference-data order; measures of type ``industry`` count."""
    tree, scope, year = f.tree, f.scope, f.year
    units = units_of(tree, scope, f.households)
    unit_of = {h.id: _unit_key(tree, scope, h) for h in f.households}
    of_year = [m for m in f.measures
               if m.type == "industry" and m.industry and in_year(m, year) and m.household_id in unit_of]
    order = list(codes) + sorted({m.industry for m in of_year if m.industry} - set(codes))
    order += sorted({p.industry for p in f.projects if p.industry} - set(order))
    own = {(t.area_id, t.year, t.kind): t.value for t in f.targets}

    def cell(ms: list[MeasureFact], plan: int | None) -> IndustryCell:
        return IndustryCell(households_cell(m.household_id for m in ms), sum(m.amount or 0 for m in ms), plan)

    rows = []
    for code in order:
        ms = [m for m in of_year if m.industry == code]
        kind = industry_target_kind(code)
        per_unit = tuple(
            cell([m for m in ms if unit_of[m.household_id] == u.key],
                 None if u.level == GROUP else _rolled(tree, own, u.area_id, year, kind))
            for u in units)
        rows.append(IndustryRow(code, per_unit, cell(ms, _rolled(tree, own, scope.area_id, year, kind)),
                                project_money([p for p in f.projects if p.industry == code], year)))
    return Industries(scope, year, f.as_of, tuple(units), tuple(rows),
                      households_cell(m.household_id for m in of_year))


def progress(f: Facts) -> Progress:
    tree, scope, year, as_of = f.tree, f.scope, f.year, f.as_of
    people = {h.id: h.people for h in f.households}
    of_year = [m for m in f.movements if m.year == year and m.household_id in people]

    def cells(ms: Iterable[Movement]) -> tuple[Cell, Cell]:
        ids = households_cell(m.household_id for m in ms)
        return ids, Cell(sum(people[i] for i in ids.households), ids.households)

    exits = [m for m in of_year if m.kind == EXIT]
    months = []
    cum_h = cum_p = 0
    for month in range(1, 13):
        in_month = [m for m in of_year if m.on is not None and m.on.month == month]
        hh, pp = cells(m for m in in_month if m.kind == EXIT)
        cum_h, cum_p = cum_h + hh.value, cum_p + pp.value
        future = (year, month) > (as_of.year, as_of.month)
        months.append(ProgressMonth(
            month, hh, pp, cum_h, cum_p, households_cell(m.household_id for m in in_month if m.kind in (ENTRY, RETURN)),
            households_cell(m.household_id for m in in_month if m.kind == MONITORING), future))
    undated_h, undated_p = cells(m for m in exits if m.on is None)
    all_h, all_p = cells(exits)
    villages = {v.id for v in tree.villages_under(scope.area_id)}
    out = tuple(sorted({v.village_id for v in f.village_years if v.village_id in villages and v.out_year == year}))
    own = {(t.area_id, t.year, t.kind): t.value for t in f.targets}
    return Progress(
        scope, year, as_of, tuple(months), undated_h, undated_p, all_h, all_p,
        Goal(all_h.value, _rolled(tree, own, scope.area_id, year, TARGET_HOUSEHOLDS)),
        Goal(all_p.value, _rolled(tree, own, scope.area_id, year, TARGET_PEOPLE)),
        Goal(len(out), _rolled(tree, own, scope.area_id, year, TARGET_VILLAGES)), out,
        households_cell(m.household_id for m in of_year if m.kind == ENTRY),
        households_cell(m.household_id for m in of_year if m.kind == RETURN),
        households_cell(m.household_id for m in of_year if m.kind == MONITORING))


def support_of(attribute_support: Mapping[str, str], attribute: str | None) -> str:
    """The support (一般 / 低保 / 特困) of a household attribute code; 一般 when unknown or not given."""
    return attribute_support.get(attribute or "", GENERAL)


# ---------------------------------------------------------------- one village out of a wider read


def restrict(f: Facts, village_id: str) -> Facts:
    """The facts of one village of the scope: its households, their measures and movements, the village's
    own targets and year record. A village's charts from the one read of a wider scope are the charts
    read for the village alone (the district server's per-village status and the analytic extract)."""
    area = f.tree.areas.get(village_id)
    if area is None or area.level != VILLAGE:
        raise ChartError(f"没有这个村（{village_id}）")
    households = tuple(h for h in f.households if h.village_id == village_id)
    ids = {h.id for h in households}
    return Facts(f.tree, Scope(VILLAGE, village_id, area.name), f.year, f.as_of, households,
                 tuple(m for m in f.measures if m.household_id in ids),
                 tuple(m for m in f.movements if m.household_id in ids),
                 tuple(t for t in f.targets if t.area_id == village_id),
                 tuple(v for v in f.village_years if v.village_id == village_id),
                 tuple(p for p in f.projects if p.area_id == village_id))


@dataclass(frozen=True)
class VillageStatus:
    """A village's standing in the year, counts only (what a status table or an extract may show)."""

    village: Area
    town: Area | None
    households: int
    people: int
    poor: int
    exited: int
    monitored: int
    measures_planned: int
    measures_done: int
    exits: Goal  # households exited in the year against the village's households_exit target
    poor_village: bool | None  # None: no village_year record for the year
    out_year: int | None


def village_status(f: Facts) -> VillageStatus:
    """The status of the village ``f`` is scoped to (see :func:`restrict`)."""
    if f.scope.level != VILLAGE:
        raise ChartError(f"“{f.scope.name}”不是村")
    area = f.tree.areas[f.scope.area_id]
    town = f.tree.areas.get(area.parent_id) if area.parent_id else None
    d, m, p = distribution(f), measures(f, ()), progress(f)
    record = next((v for v in f.village_years if v.year == f.year), None)
    return VillageStatus(area, town, d.total.households.value, d.total.people.value, d.total.poor.value,
                         d.total.exited.value, d.total.monitored.value, m.planned.value, m.done.value, p.households,
                         None if record is None else record.poor_village, None if record is None else record.out_year)
