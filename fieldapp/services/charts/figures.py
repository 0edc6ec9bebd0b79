"""挂图作战 figures: one function per chart for a scope (district, town, village) and year, plus drill-down.

The one source of figures for the screen (``gui/charts``), the wall posters (:mod:`.posters`) and the
district server: each function reads the register in one snapshot and returns the typed records of
:mod:`fieldapp.domain.charts`, whose every number carries the households behind it. :func:`all_charts`
reads once for the four charts (what a poster and the page use).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import charts as ch
from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.charts import sources
from fieldapp.store.db import Database
from fieldapp.store.models import HouseholdListRow

_L = HouseholdListRow.__table__


@dataclass(frozen=True)
class Charts:
    """The four charts of one scope and year, read in one snapshot. ``as_of``: when they were read;
    ``data_time``: when the newest change in the register was made (None: an empty register)."""

    scope: ch.Scope
    year: int
    as_of: dt.datetime
    data_time: dt.datetime | None
    distribution: ch.Distribution
    measures: ch.Measures
    industries: ch.Industries
    progress: ch.Progress


def _facts(db: Database, ref: RefData, area_id: str, year: int | None,
           as_of: dt.datetime | None) -> tuple[ch.Facts, dt.datetime | None]:
    now = (as_of or dt.datetime.now()).replace(microsecond=0)
    with db.read() as conn:
        return (sources.scope_facts(conn, ref, rules.definitions(ref), area_id, year=year or now.year, as_of=now),
                sources.data_time(conn))


def _measure_types(ref: RefData) -> list[tuple[str, bool]]:
    return [(c.code, bool(c.attrs.get("pathway"))) for c in ref["measure_type"].codes]


def _industry_codes(ref: RefData) -> list[str]:
    return [c.code for c in ref["industry"].codes]


def distribution(db: Database, ref: RefData, area_id: str, year: int | None = None,
                 as_of: dt.datetime | None = None) -> ch.Distribution:
    """贫困对象分布图 of the area (district, town or village); the year defaults to the as-of year (now)."""
    return ch.distribution(_facts(db, ref, area_id, year, as_of)[0])


def measures(db: Database, ref: RefData, area_id: str, year: int | None = None,
             as_of: dt.datetime | None = None) -> ch.Measures:
    """计划措施细则图 of the area."""
    return ch.measures(_facts(db, ref, area_id, year, as_of)[0], _measure_types(ref))


def industries(db: Database, ref: RefData, area_id: str, year: int | None = None,
               as_of: dt.datetime | None = None) -> ch.Industries:
    """产业发展规划图 of the area."""
    return ch.industries(_facts(db, ref, area_id, year, as_of)[0], _industry_codes(ref))


def progress(db: Database, ref: RefData, area_id: str, year: int | None = None,
             as_of: dt.datetime | None = None) -> ch.Progress:
    """任务进度进展图 of the area."""
    return ch.progress(_facts(db, ref, area_id, year, as_of)[0])


def all_charts(db: Database, ref: RefData, area_id: str, year: int | None = None,
               as_of: dt.datetime | None = None) -> Charts:
    """The four charts of the area, from one read of the register."""
    f, newest = _facts(db, ref, area_id, year, as_of)
    return Charts(f.scope, f.year, f.as_of, newest, ch.distribution(f), ch.measures(f, _measure_types(ref)),
                  ch.industries(f, _industry_codes(ref)), ch.progress(f))


def village_charts(db: Database, ref: RefData, area_id: str, year: int | None = None,
                   as_of: dt.datetime | None = None) -> list[Charts]:
    """The four charts of every village under the area (the area itself when it is a village), from one
    read of the register: each is what :func:`all_charts` gives for that village alone."""
    f, newest = _facts(db, ref, area_id, year, as_of)
    types, codes = _measure_types(ref), _industry_codes(ref)
    found = []
    for village in f.tree.villages_under(area_id):
        v = ch.restrict(f, village.id)
        found.append(Charts(v.scope, v.year, v.as_of, newest, ch.distribution(v), ch.measures(v, types),
                            ch.industries(v, codes), ch.progress(v)))
    return found


def village_statuses(db: Database, ref: RefData, area_id: str, year: int | None = None,
                     as_of: dt.datetime | None = None) -> list[ch.VillageStatus]:
    """Each village's standing under the area (counts only), in tree order, from one read."""
    f, _ = _facts(db, ref, area_id, year, as_of)
    return [ch.village_status(ch.restrict(f, v.id)) for v in f.tree.villages_under(area_id)]


# ---------------------------------------------------------------- scopes and drill-down


def scopes(db: Database) -> list[ch.Scope]:
    """The scopes this register holds (the district, its towns, their villages), in tree order."""
    with db.read() as conn:
        tree = sources.area_tree(conn)
    found: list[ch.Scope] = []

    def walk(area: ch.Area) -> None:
        if area.level in ch.LEVELS:
            found.append(ch.Scope(area.level, area.id, area.name))
        for child in tree.children(area.id):
            walk(child)

    roots = [a for a in tree.areas.values() if a.parent_id is None or a.parent_id not in tree.areas]
    for root in sorted(roots, key=lambda a: (ch.LEVELS.index(a.level) if a.level in ch.LEVELS else 9, a.name)):
        walk(root)
    return found


def default_scope(db: Database) -> ch.Scope | None:
    """The narrowest scope that holds everything this register holds: from the top, down while an area
    has a single child (a laptop of one village opens on that village); None without areas."""
    with db.read() as conn:
        tree = sources.area_tree(conn)
    found = scopes(db)
    if not found:
        return None
    scope = found[0]
    while True:
        children = [a for a in tree.children(scope.area_id) if a.level in ch.LEVELS]
        if len(children) != 1:
            return scope
        scope = ch.Scope(children[0].level, children[0].id, children[0].name)


@dataclass(frozen=True)
class DrillRow:
    """A household behind a number: what the list shows (no ID number: the list may be shown to anyone)."""

    household_id: str
    head_name: str
    hh_no: str
    village_id: str
    group_no: int | None
    members: int
    attribute: str | None
    exit_status: str | None


def drill(db: Database, household_ids: tuple[str, ...] | list[str]) -> list[DrillRow]:
    """The households behind a number, in 户编号 order."""
    found: list[DrillRow] = []
    with db.read() as conn:
        for chunk in sources.chunks(list(household_ids)):
            found += [DrillRow(r.household_id, r.head_name or "", r.hh_no or "", r.village_id, r.group_no,
                               int(r.member_count or 0), r.attribute, r.exit_status)
                      for r in conn.execute(select(_L).where(_L.c.household_id.in_(chunk)))]
    return sorted(found, key=lambda r: (r.hh_no, r.head_name, r.household_id))


def resolve_area(db: Database, level: str, wanted: str | None) -> ch.Scope:
    """A scope by level and name or id (``wanted`` None: the only one of the level, e.g. the district).
    Raises LookupError naming the areas of that level there are."""
    found = [s for s in scopes(db) if s.level == level]
    words = {ch.DISTRICT: "区县", ch.TOWN: "乡镇", ch.VILLAGE: "村"}[level]
    names = "、".join(s.name for s in found) or "（无）"
    matches = found if wanted is None else [s for s in found if wanted.strip() in (s.area_id, s.name)]
    if len(matches) == 1:
        return matches[0]
    if wanted is None:
        raise LookupError(f"本机有多个{words}，请指定：{names}" if found else f"本机没有{words}")
    if matches:
        raise LookupError(f"有多个{words}名为“{wanted}”，请改用标识")
    raise LookupError(f"没有{words}“{wanted}”。本机的{words}：{names}")
