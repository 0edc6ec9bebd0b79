"""Reading the register into the charts' facts (:mod:`fieldapp.domain.charts`), one read snapshot.

The projects and their money come from the project ledgers
(:func:`fieldapp.services.projects.ledgers.chart_projects`), in the same snapshot. The targets and village years
come from the targets service's read API
(:func:`fieldapp.services.targets.records.read_targets`, :func:`~fieldapp.services.targets.records.read_village_years`),
in the same snapshot. Whether a household has exited, and when, is
:func:`fieldapp.services.workflow.standing.exit_state`'s (the one function every capability asks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import charts as ch
from fieldapp.domain import hlc
from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.projects.ledgers import chart_projects
from fieldapp.services.targets import records
from fieldapp.services.workflow.standing import day_of, exit_state
from fieldapp.services.workflow.store import views_of_households
from fieldapp.store import limits
from fieldapp.store.models import (
    Area,
    ChangeLog,
    Household,
    HouseholdListRow,
    Measure,
)

_A, _H, _L, _M = Area.__table__, Household.__table__, HouseholdListRow.__table__, Measure.__table__
CHUNK = 500  # ids per IN (…): SQLite's and PostgreSQL's parameter limits are far above it


def chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


def area_tree(conn: Connection) -> ch.AreaTree:
    rows = conn.execute(select(_A.c.id, _A.c.parent_id, _A.c.level, _A.c.name, _A.c.code)
                        .where(_A.c.deleted.is_(False)))
    return ch.AreaTree({r.id: ch.Area(r.id, r.parent_id, r.level, r.name, r.code) for r in rows})


def data_time(conn: Connection) -> dt.datetime | None:
    """When the newest change in the register was made (its clock), None for an empty register."""
    log = ChangeLog.__table__
    value = conn.execute(select(log.c.hlc).order_by(log.c.seq.desc()).limit(limits.fixed(1))).scalar()
    return dt.datetime.fromtimestamp(hlc.physical_ms(int(value)) / 1000) if value is not None else None


@dataclass(frozen=True)
class HouseholdState:
    exited: bool
    monitored: bool
    movements: tuple[ch.Movement, ...]


def household_states(conn: Connection, defs: rules.Definitions,
                     typed: dict[str, tuple[str | None, int | None]]) -> dict[str, HouseholdState]:
    """Exit and monitoring state and the finished workflows (movements) of the households in ``typed``
    (id → typed exit_status and exit_year). Exited: :func:`~fieldapp.services.workflow.standing.exit_state`;
    the last finished monitoring not followed by a finished risk elimination makes a household monitored."""
    views = {hid: [v for v in found if v.kind in defs.workflows]  # a kind the reference data lacks: no movement
             for hid, found in views_of_households(conn, list(typed), defs).items()}
    found = {}
    for hid, (status, exit_year) in typed.items():
        mine = views.get(hid, [])
        movements: list[ch.Movement] = []
        monitored = False
        for v in mine:
            if v.state.status not in (rules.COMPLETED, rules.IMPORTED):
                continue
            if v.kind == "monitoring":
                monitored = True
            elif v.kind == "risk_elimination":
                monitored = False
            if v.state.status == rules.COMPLETED:
                on = day_of(v.state.since)
                movements.append(ch.Movement(hid, v.kind, on.year, on))
            elif v.kind == ch.EXIT and exit_year:  # an imported exit: its year only
                movements.append(ch.Movement(hid, v.kind, exit_year, None))
        state = exit_state(mine, status, exit_year)
        if state.exited and state.exit_year and not any(m.kind == ch.EXIT for m in movements):
            movements.append(ch.Movement(hid, ch.EXIT, state.exit_year, None))  # typed, no workflow: year only
        found[hid] = HouseholdState(state.exited, monitored, tuple(movements))
    return found


def support_map(ref: RefData) -> dict[str, str]:
    """household_attribute code → general | dibao | tekun (a 低保特困 household counts as 特困)."""
    found = {}
    for code in ref["household_attribute"].codes:
        support = str(code.attrs.get("support", ch.GENERAL))
        found[code.code] = ch.TEKUN if ch.TEKUN in support else ch.DIBAO if ch.DIBAO in support else ch.GENERAL
    return found


def households(conn: Connection, village_ids: Sequence[str], ref: RefData, defs: rules.Definitions,
               ) -> tuple[list[ch.HouseholdFact], list[ch.Movement]]:
    support = support_map(ref)
    rows: list[Any] = []
    for chunk in chunks(village_ids):
        rows += conn.execute(
            select(_H.c.id, _H.c.village_id, _H.c.group_no, _H.c.attribute, _H.c.exit_status, _H.c.exit_year,
                   _L.c.member_count, _L.c.head_name, _L.c.hh_no)
            .select_from(_H.outerjoin(_L, _L.c.household_id == _H.c.id))
            .where(_H.c.village_id.in_(chunk), _H.c.deleted.is_(False))).all()
    states = household_states(conn, defs, {r.id: (r.exit_status, r.exit_year) for r in rows})
    facts = [ch.HouseholdFact(r.id, r.village_id, r.group_no, ch.support_of(support, r.attribute),
                              int(r.member_count or 0), states[r.id].exited, states[r.id].monitored,
                              f"{r.head_name or ''} {r.hh_no or ''}".strip())
             for r in rows]
    return facts, [m for r in rows for m in states[r.id].movements]


def measures(conn: Connection, household_ids: Sequence[str]) -> list[ch.MeasureFact]:
    found = []
    for chunk in chunks(household_ids):
        found += [ch.MeasureFact(r.household_id, r.type, r.industry, r.amount, r.date, r.end_date)
                  for r in conn.execute(select(_M.c.household_id, _M.c.type, _M.c.industry, _M.c.amount, _M.c.date,
                                               _M.c.end_date)
                                        .where(_M.c.household_id.in_(chunk), _M.c.deleted.is_(False)))]
    return found


def targets(conn: Connection, area_ids: Sequence[str], year: int) -> list[ch.TargetFact]:
    """The target rows of the areas for the year (kinds of refdata ``target_kind`` and ``industry_<code>``)."""
    return [ch.TargetFact(t.area_id, t.year, t.kind, t.value) for t in records.read_targets(conn, area_ids, year)]


def village_years(conn: Connection, ref: RefData, village_ids: Sequence[str], year: int) -> list[ch.VillageYearFact]:
    return [ch.VillageYearFact(v.village_id, v.year, v.poor_village, v.out_year)
            for v in records.read_village_years(conn, ref, village_ids, year)]


def _under(tree: ch.AreaTree, area_id: str) -> list[str]:
    """The area and every area below it."""
    return [area_id, *(a for child in tree.children(area_id) for a in _under(tree, child.id))]


def scope_facts(conn: Connection, ref: RefData, defs: rules.Definitions, area_id: str, *, year: int,
                as_of: dt.datetime) -> ch.Facts:
    """The facts of the area's charts for the year (every household of the villages under it)."""
    tree = area_tree(conn)
    scope = tree.scope(area_id)
    villages = [v.id for v in tree.villages_under(area_id)]
    found, movements = households(conn, villages, ref, defs)
    return ch.Facts(tree, scope, year, as_of, tuple(found), tuple(measures(conn, [h.id for h in found])),
                    tuple(movements), tuple(targets(conn, _under(tree, area_id), year)),
                    tuple(village_years(conn, ref, villages, year)), tuple(chart_projects(conn, area_id, year)))
