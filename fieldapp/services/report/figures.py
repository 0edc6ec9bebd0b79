"""The figures of a village's weekly or monthly summary, computed from the register.

Each number is one query a person could repeat by hand on the register (what each counts is said on
:class:`fieldapp.domain.report.Figures`). Times stored in ms (workflow decisions, spot-check findings,
confirmations) are judged by the laptop's local day, as the rest of the app shows them.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, Table, and_, case, distinct, func, or_, select

from fieldapp.domain import report as rules
from fieldapp.domain import visits as visit_rules
from fieldapp.domain import workflow as flows
from fieldapp.services import attendance
from fieldapp.store.models import (
    Cadre,
    CheckIn,
    FollowUp,
    Household,
    Measure,
    Person,
    Rectification,
    RectificationReport,
    SpotcheckItem,
    Visit,
    VisitCadre,
    Workflow,
    WorkflowStep,
)

_V: Table = Visit.__table__  # type: ignore[assignment]
_VC: Table = VisitCadre.__table__  # type: ignore[assignment]
_K: Table = CheckIn.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
_P: Table = Person.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_ME: Table = Measure.__table__  # type: ignore[assignment]
_W: Table = Workflow.__table__  # type: ignore[assignment]
_WS: Table = WorkflowStep.__table__  # type: ignore[assignment]
_SI: Table = SpotcheckItem.__table__  # type: ignore[assignment]
_R: Table = Rectification.__table__  # type: ignore[assignment]
_RR: Table = RectificationReport.__table__  # type: ignore[assignment]
_F: Table = FollowUp.__table__  # type: ignore[assignment]

#: workflow kind → the figure its completion (the last step passed) counts in
COMPLETES = {"identification": "identified", "exit": "exited"}


def ms_range(period: rules.Period) -> tuple[int, int]:
    """[start, end) of the period in ms since the epoch, local days."""
    start = dt.datetime.combine(period.first, dt.time())
    end = dt.datetime.combine(period.last + dt.timedelta(days=1), dt.time())
    return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


def compute(conn: Connection, village_id: str, period: rules.Period, *,
            definitions: flows.Definitions | None = None,
            late_after: int = visit_rules.LATE_CHECKIN_DAYS) -> rules.Figures:
    """The village's figures for ``period`` from the register ``conn`` reads."""
    start_ms, end_ms = ms_range(period)
    in_village = and_(_H.c.village_id == village_id, _H.c.deleted.is_(False))
    visits = _visits(conn, village_id, period)
    cadres = _cadre_days(conn, village_id, period, late_after)
    measures = conn.execute(
        select(func.count(), func.coalesce(func.sum(_ME.c.amount), 0))
        .select_from(_ME.join(_H, _H.c.id == _ME.c.household_id))
        .where(in_village, _ME.c.deleted.is_(False), _ME.c.date >= period.first, _ME.c.date <= period.last)).one()
    steps, completed = _steps(conn, in_village, start_ms, end_ms, definitions or flows.definitions())
    return rules.Figures(
        visits=visits[0], households_visited=visits[1], activities=visits[2], cadre_days=cadres,
        measures=int(measures[0]), measure_amount=int(measures[1]), steps=steps,
        identified=completed.get("identified", 0), exited=completed.get("exited", 0),
        **_spot_checks(conn, in_village, period, start_ms, end_ms),
        **_problems(conn, village_id, period),
        attendance_minimum=visit_rules.MIN_DAYS_PER_MONTH if period.kind == rules.MONTHLY else 0)


def _visits(conn: Connection, village_id: str, period: rules.Period) -> tuple[int, int, int]:
    """(household visits, distinct households visited, village activities) dated in the period."""
    live = and_(_V.c.village_id == village_id, _V.c.deleted.is_(False), _V.c.date >= period.first,
                _V.c.date <= period.last)
    homes = conn.execute(select(func.count(), func.count(distinct(_V.c.household_id)))
                         .where(live, _V.c.household_id.is_not(None))).one()
    activities = conn.execute(select(func.count()).where(live, _V.c.household_id.is_(None))).scalar()
    return int(homes[0]), int(homes[1]), int(activities or 0)


def village_cadres(conn: Connection, village_id: str, period: rules.Period) -> list[str]:
    """The cadres of the village's team: accounts assigned to the village with a cadre, and every cadre
    who went on a visit of the village or checked in there during the period."""
    found: set[str] = set()
    for r in conn.execute(select(_P.c.cadre_id, _P.c.village_ids)
                          .where(_P.c.deleted.is_(False), _P.c.active.is_(True), _P.c.cadre_id.is_not(None))):
        try:
            if village_id in json.loads(r.village_ids or "[]"):
                found.add(r.cadre_id)
        except ValueError:
            continue
    found.update(r[0] for r in conn.execute(
        select(_VC.c.cadre_id).distinct().join(_V, _V.c.id == _VC.c.visit_id)
        .where(_V.c.village_id == village_id, _VC.c.deleted.is_(False), _VC.c.date >= period.first,
               _VC.c.date <= period.last)))
    found.update(r[0] for r in conn.execute(
        select(_K.c.cadre_id).distinct().where(_K.c.village_id == village_id, _K.c.deleted.is_(False),
                                               _K.c.date >= period.first, _K.c.date <= period.last)))
    return sorted(found)


def _cadre_days(conn: Connection, village_id: str, period: rules.Period,
                late_after: int) -> tuple[rules.CadreDays, ...]:
    """Days in the village per cadre (attendance's rule: visits and counted check-ins, one per date);
    for a month, whether each resident cadre met the minimum."""
    ids = village_cadres(conn, village_id, period)
    if not ids:
        return ()
    counts = attendance.month_days(conn, ids, period.first, period.last, late_after=late_after)
    cadres = {r.id: r for r in conn.execute(select(_C.c.id, _C.c.name, _C.c.role).where(_C.c.id.in_(ids)))}
    rows = []
    for cadre_id in ids:
        row = cadres.get(cadre_id)
        days = sum(counts.get(cadre_id, {}).values())
        resident = row is not None and row.role in attendance.RESIDENT_ROLES
        monthly = period.kind == rules.MONTHLY and resident
        met = days >= visit_rules.MIN_DAYS_PER_MONTH if monthly else None
        closed = attendance.month_close(conn, cadre_id, visit_rules.Month.of(period.first)).closed if monthly else None
        rows.append(rules.CadreDays(cadre_id, row.name if row is not None else cadre_id[:8], days, met, closed))
    return tuple(sorted(rows, key=lambda c: (c.name, c.cadre_id)))


def _steps(conn: Connection, in_village: object, start_ms: int, end_ms: int,
           defs: flows.Definitions) -> tuple[tuple[rules.StepCount, ...], dict[str, int]]:
    """Workflow decisions made in the period, per kind, step and decision; and the workflows completed
    (their last step passed) per :data:`COMPLETES` figure."""
    rows = conn.execute(
        select(_W.c.kind, _WS.c.step, _WS.c.decision, func.count().label("n"))
        .select_from(_WS.join(_W, _W.c.id == _WS.c.workflow_id).join(_H, _H.c.id == _WS.c.household_id))
        .where(in_village, _WS.c.deleted.is_(False), _WS.c.decided_at >= start_ms, _WS.c.decided_at < end_ms)
        .group_by(_W.c.kind, _WS.c.step, _WS.c.decision)).all()
    steps = tuple(sorted((rules.StepCount(r.kind, r.step, r.decision, int(r.n)) for r in rows),
                         key=lambda s: (s.kind, _position(defs, s.kind, s.step), s.decision)))
    completed: dict[str, int] = {}
    for s in steps:
        figure = COMPLETES.get(s.kind)
        definition = defs.workflows.get(s.kind)
        if figure and definition is not None and s.decision == "pass" and s.step == definition.steps[-1].code:
            completed[figure] = completed.get(figure, 0) + s.count
    return steps, completed


def _position(defs: flows.Definitions, kind: str, step: str) -> int:
    definition = defs.workflows.get(kind)
    if definition is None:
        return 99
    try:
        return definition.index(step)
    except flows.WorkflowError:
        return 99


def _spot_checks(conn: Connection, in_village: object, period: rules.Period, start_ms: int,
                 end_ms: int) -> dict[str, int]:
    checked = conn.execute(
        select(func.count(), func.coalesce(func.sum(case((_SI.c.result == "incorrect", 1), else_=0)), 0))
        .select_from(_SI.join(_H, _H.c.id == _SI.c.household_id))
        .where(in_village, _SI.c.deleted.is_(False), _SI.c.result.is_not(None), _SI.c.checked_at >= start_ms,
               _SI.c.checked_at < end_ms)).one()
    reported = conn.execute(
        select(func.count()).select_from(_RR.join(_H, _H.c.id == _RR.c.household_id))
        .where(in_village, _RR.c.deleted.is_(False), _RR.c.done_on >= period.first,
               _RR.c.done_on <= period.last)).scalar()
    rect = _R.join(_H, _H.c.id == _R.c.household_id).join(_SI, _SI.c.id == _R.c.item_id)
    confirmed = conn.execute(
        select(func.count()).select_from(rect)
        .where(in_village, _R.c.deleted.is_(False), _R.c.confirmed_at >= start_ms, _R.c.confirmed_at < end_ms)).scalar()
    still_open = conn.execute(
        select(func.count()).select_from(rect)
        .where(in_village, _R.c.deleted.is_(False), _SI.c.checked_at < end_ms,
               or_(_R.c.confirmed_at.is_(None), _R.c.confirmed_at >= end_ms))).scalar()
    return {"spot_checked": int(checked[0]), "spot_incorrect": int(checked[1]),
            "rectified_reported": int(reported or 0), "rectified_confirmed": int(confirmed or 0),
            "rectifications_open": int(still_open or 0)}


def _problems(conn: Connection, village_id: str, period: rules.Period) -> dict[str, int]:
    """Follow-ups (待办问题) of the village's visits: raised on a visit of the period, done in it, and those
    open at its end (raised by then, not done by then), of which past their due date."""
    base = _F.join(_V, _V.c.id == _F.c.visit_id)
    live = and_(_V.c.village_id == village_id, _V.c.deleted.is_(False), _F.c.deleted.is_(False))

    def count(*where: object) -> int:
        return int(conn.execute(select(func.count()).select_from(base).where(live, *where)).scalar() or 0)

    open_at_end = and_(_V.c.date <= period.last, or_(_F.c.done_on.is_(None), _F.c.done_on > period.last))
    return {"problems_raised": count(_V.c.date >= period.first, _V.c.date <= period.last),
            "problems_resolved": count(_F.c.done_on >= period.first, _F.c.done_on <= period.last),
            "problems_open": count(open_at_end),
            "problems_overdue": count(open_at_end, _F.c.due_date <= period.last)}
