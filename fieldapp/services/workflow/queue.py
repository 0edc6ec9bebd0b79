"""The queue of the signed-in account (households whose current step its roles decide) and the exit
candidates the app proposes (households that meet the exit standard, not exited, with no workflow running)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import people
from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import store
from fieldapp.store.models import HouseholdListRow


@dataclass(frozen=True)
class QueueEntry:
    """A household waiting for a decision: the workflow, its current step, from when it may be decided."""

    household_id: str
    hh_no: str
    head_name: str
    workflow: store.WorkflowView
    step: rules.Step
    earliest: dt.date
    conflict: bool = False


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
        due = rules.earliest(step, view.state.since)
        found.append(QueueEntry(view.household_id, "", "", view, step, due, conflict))
    names = _names(ctx, [e.household_id for e in found])
    found = [QueueEntry(e.household_id, *names.get(e.household_id, ("", "")), e.workflow, e.step, e.earliest,
                        e.conflict) for e in found]
    return sorted(found, key=lambda e: (e.earliest, e.hh_no, e.household_id))


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
    """Households of this laptop that meet the exit standard, have not exited and have no workflow running."""
    from fieldapp.services.workflow import gate as gates

    defs = rules.definitions(ctx.ref)
    lst = HouseholdListRow.__table__
    with ctx.db.read() as conn:
        rows = conn.execute(select(lst.c.household_id, lst.c.hh_no, lst.c.head_name)
                            .order_by(lst.c.hh_no, lst.c.household_id)).all()
    found: list[Candidate] = []
    for r in rows:
        views = store.workflows_of(ctx.db, r.household_id, defs)
        if any(v.state.is_open for v in views):
            continue
        if store.exited(views, store.typed_exit_status(ctx.db, r.household_id)):
            continue
        judged = gates.exit_gate_of(ctx, r.household_id)
        if judged.passed:
            found.append(Candidate(r.household_id, r.hh_no or "", r.head_name or "", judged))
    return found
