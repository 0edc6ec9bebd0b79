"""Reading the register into the charts' facts (:mod:`fieldapp.domain.charts`), one read snapshot.

The targets and village years are read here through :func:`targets` and :func:`village_years` (typed
records) rather than through the targets service, so the charts depend on the two tables only. Whether a
household has exited is judged in one place, :func:`household_states`, from its finished workflows (the
typed ``exit_status`` without any), the rule of :func:`fieldapp.services.workflow.store.exited`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, select

from fieldapp.domain import charts as ch
from fieldapp.domain import hlc
from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.services.workflow.store import decision_of
from fieldapp.store.models import (
    Area,
    ChangeLog,
    Household,
    HouseholdListRow,
    Measure,
    Target,
    VillageYear,
    Workflow,
    WorkflowStep,
)

_A, _H, _L, _M = Area.__table__, Household.__table__, HouseholdListRow.__table__, Measure.__table__
_T, _V, _W, _S = Target.__table__, VillageYear.__table__, Workflow.__table__, WorkflowStep.__table__
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
    value = conn.execute(select(ChangeLog.__table__.c.hlc).order_by(ChangeLog.__table__.c.seq.desc()).limit(1)).scalar()
    return dt.datetime.fromtimestamp(hlc.physical_ms(int(value)) / 1000) if value is not None else None


@dataclass(frozen=True)
class HouseholdState:
    exited: bool
    monitored: bool
    movements: tuple[ch.Movement, ...]


def _day(ms: int) -> dt.date:
    return dt.datetime.fromtimestamp(ms / 1000).date()


def household_states(conn: Connection, defs: rules.Definitions,
                     typed: dict[str, tuple[str | None, int | None]]) -> dict[str, HouseholdState]:
    """Exit and monitoring state and the finished workflows (movements) of the households in ``typed``
    (id → typed exit_status and exit_year). The last finished identification / exit / return decides
    exited (:func:`fieldapp.domain.workflow.has_exited`); the last finished monitoring not followed by a
    finished risk elimination makes a household monitored."""
    ids = list(typed)
    flows: dict[str, list[Row[Any]]] = {}
    decisions: dict[str, list[rules.Decision]] = {}
    for chunk in chunks(ids):
        for r in conn.execute(select(_W).where(_W.c.household_id.in_(chunk), _W.c.deleted.is_(False))):
            flows.setdefault(r.household_id, []).append(r)
        for s in conn.execute(select(_S).where(_S.c.household_id.in_(chunk), _S.c.deleted.is_(False))):
            decisions.setdefault(s.workflow_id, []).append(decision_of(s))
    found = {}
    for hid, (status, exit_year) in typed.items():
        finished: list[tuple[str, str | None]] = []
        movements: list[ch.Movement] = []
        monitored = False
        for r in sorted(flows.get(hid, []), key=lambda f: (int(f.started_at), f.id)):
            definition = defs.workflows.get(r.kind)
            if definition is None:
                continue
            state = rules.derive(definition, int(r.started_at), decisions.get(r.id, ()), origin=r.origin)
            if state.status not in (rules.COMPLETED, rules.IMPORTED):
                continue
            kind = r.kind
            finished.append((kind, r.imported_value))
            if kind == "monitoring":
                monitored = True
            elif kind == "risk_elimination":
                monitored = False
            if state.status == rules.COMPLETED:
                on = _day(state.since)
                movements.append(ch.Movement(hid, kind, on.year, on))
            elif kind == ch.EXIT and exit_year:  # an imported exit: its year only
                movements.append(ch.Movement(hid, kind, exit_year, None))
        if not any(k == ch.EXIT for k, _ in finished) and status in rules.EXITED_CODES and exit_year:
            movements.append(ch.Movement(hid, ch.EXIT, exit_year, None))  # typed, no workflow: year only
        found[hid] = HouseholdState(rules.has_exited(finished, status), monitored, tuple(movements))
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
    found = []
    for chunk in chunks(area_ids):
        found += [ch.TargetFact(r.area_id, int(r.year), r.kind, int(r.value))
                  for r in conn.execute(select(_T.c.area_id, _T.c.year, _T.c.kind, _T.c.value)
                                        .where(_T.c.area_id.in_(chunk), _T.c.year == year, _T.c.deleted.is_(False)))]
    return found


def village_years(conn: Connection, village_ids: Sequence[str], year: int) -> list[ch.VillageYearFact]:
    found = []
    for chunk in chunks(village_ids):
        found += [ch.VillageYearFact(r.village_id, int(r.year), bool(r.poor_village), r.out_year)
                  for r in conn.execute(select(_V.c.village_id, _V.c.year, _V.c.poor_village, _V.c.out_year)
                                        .where(_V.c.village_id.in_(chunk), _V.c.year == year,
                                               _V.c.deleted.is_(False)))]
    return found


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
                    tuple(village_years(conn, villages, year)))
