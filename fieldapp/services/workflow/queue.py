"""The queue of the signed-in account (households whose current step its roles decide) and the exit
candidates the app proposes (households that meet the exit standard, not exited, with no workflow running)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import people
from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import notices, store
from fieldapp.store.flows import views_by_household
from fieldapp.store.models import Household, HouseholdListRow


@dataclass(frozen=True)
class QueueEntry:
    """A household waiting for a decision: the workflow, its current step, from when it may pass (for a 公示
    step the day after its posted notice's period; None with ``waiting`` = 公示未签发/公示未张贴 when there is
    no posted notice)."""

    household_id: str
    hh_no: str
    head_name: str
    workflow: store.WorkflowView
    step: rules.Step
    earliest: dt.date | None
    conflict: bool = False
    waiting: str = ""

    def due(self, today: dt.date) -> bool:
        return self.earliest is not None and self.earliest <= today


def waiting(ctx: AppContext) -> list[QueueEntry]:
    """The households whose current step the signed-in account may decide (conflicts included), in the
    order they became due."""
    defs = rules.definitions(ctx.ref)
    table = people.permission_table(ctx.ref)
    roles = ctx.session.roles if ctx.session is not None else people.ROLES
    found: list[QueueEntry] = []
    for view in store.open_workflows(ctx.db, defs):
        conflict = view.state.status == rules.CONFLICT
        step = view.definition.steps[min(view.state.position, len(view.definition.steps) - 1)]
        if not table.allows(roles, step.permission):
            continue
        due = notices.pass_from(ctx, view, step)
        found.append(QueueEntry(view.household_id, "", "", view, step, due.day, conflict, due.waiting))
    names = _names(ctx, [e.household_id for e in found])
    found = [QueueEntry(e.household_id, *names.get(e.household_id, ("", "")), e.workflow, e.step, e.earliest,
                        e.conflict, e.waiting) for e in found]
    return sorted(found, key=lambda e: (e.earliest or dt.date.max, e.hh_no, e.household_id))


def _names(ctx: AppContext, ids: list[str]) -> dict[str, tuple[str, str]]:
    lst = HouseholdListRow.__table__
    out: dict[str, tuple[str, str]] = {}
    with ctx.db.read() as conn:
        for chunk in range(0, len(ids), 500):
            for r in conn.execute(select(lst.c.household_id, lst.c.hh_no, lst.c.head_name)
                                  .where(lst.c.household_id.in_(ids[chunk:chunk + 500]))):
                out[r.household_id] = (r.hh_no or "", r.head_name or "")
    return out


@dataclass(frozen=True)
class Candidate:
    """A household the app proposes for exit (对象确定), with the figures it was judged on."""

    household_id: str
    hh_no: str
    head_name: str
    gate: rules.Gate


def exit_candidates(ctx: AppContext) -> list[Candidate]:
    """Households of this laptop that meet the exit standard, have not exited and have no workflow running.

    Read in bulk: the households with their workflows (a few statements for all of them, the state derived
    as the list projection derives it), then the exit gate of those left (:func:`gate.exit_gates`)."""
    from fieldapp.services.workflow import gate as gates

    defs = rules.definitions(ctx.ref)
    lst, hh = HouseholdListRow.__table__, Household.__table__
    with ctx.db.read() as conn:
        rows = conn.execute(select(lst.c.household_id, lst.c.hh_no, lst.c.head_name, hh.c.exit_status,
                                   hh.c.exit_year)
                            .join(hh, hh.c.id == lst.c.household_id)
                            .order_by(lst.c.hh_no, lst.c.household_id)).all()
        flows = views_by_household(conn, defs, [r.household_id for r in rows])
    left = []
    for r in rows:
        views = flows.get(r.household_id, [])
        if any(v.state.is_open for v in views) or rules.standing(views, r.exit_status, r.exit_year).exited:
            continue
        left.append(r)
    judged = gates.exit_gates(ctx, [r.household_id for r in left])
    return [Candidate(r.household_id, r.hh_no or "", r.head_name or "", judged[r.household_id])
            for r in left if judged[r.household_id].passed]
