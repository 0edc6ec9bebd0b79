"""Reading workflows and their decisions, with the state derived from them (never stored)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import workflow as rules
from fieldapp.services.signoff import service as signoff
from fieldapp.store.db import Database
from fieldapp.store.models import Household, HouseholdListRow, Signoff, Workflow, WorkflowStep

_W, _S, _H = Workflow.__table__, WorkflowStep.__table__, Household.__table__


@dataclass(frozen=True)
class WorkflowView:
    """A workflow as stored, with its definition and its derived state."""

    id: str
    household_id: str
    kind: str
    definition: rules.Definition
    started_at: int
    started_by_name: str
    origin: str
    imported_value: str | None
    category: str | None
    risk_type: str | None
    state: rules.State

    @property
    def current(self) -> rules.Step | None:
        return self.state.current(self.definition)


def decision_of(r: Any) -> rules.Decision:
    try:
        settles = tuple(str(x) for x in json.loads(r.settles)) if r.settles else ()
    except (ValueError, TypeError):
        settles = ()  # unreadable: settles nothing, so the conflict stays shown
    return rules.Decision(r.id, r.step, r.decision, r.reason or "", r.prev_id or "", r.person_id, r.person_name,
                          r.role, int(r.decided_at), r.signoff_id, bool(r.override), r.decided_as or "", settles,
                          r.meeting_id)


def _views(conn: Connection, defs: rules.Definitions, where: object) -> list[WorkflowView]:
    rows = conn.execute(select(_W).where(where, _W.c.deleted.is_(False))  # type: ignore[arg-type]
                        .order_by(_W.c.started_at, _W.c.id)).all()
    if not rows:
        return []
    decisions: dict[str, list[rules.Decision]] = {}
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 500):
        for s in conn.execute(select(_S).where(_S.c.workflow_id.in_(ids[chunk:chunk + 500]), _S.c.deleted.is_(False))):
            decisions.setdefault(s.workflow_id, []).append(decision_of(s))
    found = []
    for r in rows:
        definition = defs.workflows.get(r.kind)
        if definition is None:  # a kind this laptop's reference data lacks: shown as a problem, not dropped
            definition = rules.Definition(r.kind, {"zh-Hans": r.kind}, r.kind, (
                rules.Step("?", {"zh-Hans": "未知步骤"}, "district"),))
        state = rules.derive(definition, int(r.started_at), decisions.get(r.id, ()), origin=r.origin)
        found.append(WorkflowView(r.id, r.household_id, r.kind, definition, int(r.started_at), r.started_by_name or "",
                                  r.origin, r.imported_value, r.category, r.risk_type, state))
    return found


def workflows_of(db: Database, household_id: str, defs: rules.Definitions) -> list[WorkflowView]:
    """Every workflow of a household, oldest first."""
    with db.read() as conn:
        return _views(conn, defs, _W.c.household_id == household_id)


def workflows_of_households(db: Database, household_ids: list[str],
                            defs: rules.Definitions) -> dict[str, list[WorkflowView]]:
    """Every workflow of many households at once (household id → its workflows, oldest first), read in
    chunks of 500 ids: lists of households never read them one by one."""
    with db.read() as conn:
        return views_of_households(conn, household_ids, defs)


def views_of_households(conn: Connection, household_ids: list[str],
                        defs: rules.Definitions) -> dict[str, list[WorkflowView]]:
    """:func:`workflows_of_households` inside a read the caller already holds (one snapshot for its counts)."""
    found: dict[str, list[WorkflowView]] = {}
    for chunk in range(0, len(household_ids), 500):
        for v in _views(conn, defs, _W.c.household_id.in_(household_ids[chunk:chunk + 500])):
            found.setdefault(v.household_id, []).append(v)
    return found


def open_workflows(db: Database, defs: rules.Definitions) -> list[WorkflowView]:
    """Every workflow still running (open or in conflict) on this laptop."""
    with db.read() as conn:
        return [v for v in _views(conn, defs, _W.c.origin == rules.ORIGIN_APP) if v.state.is_open]


def open_workflow(db: Database, household_id: str, defs: rules.Definitions) -> WorkflowView | None:
    found = [v for v in workflows_of(db, household_id, defs) if v.state.is_open]
    return found[-1] if found else None


@dataclass(frozen=True)
class Named:
    """A household as lists show it: 户编号, head, village."""

    household_id: str
    hh_no: str
    head_name: str
    village_id: str

    def text(self) -> str:
        return f"{self.head_name or '—'}（{self.hh_no or '—'}）"


def named(db: Database, household_ids: list[str]) -> dict[str, Named]:
    """户编号, head and village of many households (the list projection, 500 ids a query)."""
    lst = HouseholdListRow.__table__
    found: dict[str, Named] = {}
    with db.read() as conn:
        for chunk in range(0, len(household_ids), 500):
            for r in conn.execute(select(lst.c.household_id, lst.c.hh_no, lst.c.head_name, lst.c.village_id)
                                  .where(lst.c.household_id.in_(household_ids[chunk:chunk + 500]))):
                found[r.household_id] = Named(r.household_id, r.hh_no or "", r.head_name or "", r.village_id)
    return found


@dataclass(frozen=True)
class AtStep:
    """A household whose open workflow is at a step (for choosing households from a step, never typing them)."""

    household: Named
    workflow: WorkflowView
    step: rules.Step

    @property
    def household_id(self) -> str:
        return self.household.household_id


def at_steps(db: Database, defs: rules.Definitions, wanted: Any, village_id: str | None = None) -> list[AtStep]:
    """Households (of one village, if given) whose open workflow's current step satisfies ``wanted(kind,
    step)``, by 户编号; every open workflow and the names read in bulk."""
    found = [(v, v.current) for v in open_workflows(db, defs)
             if v.state.status == rules.OPEN and v.current is not None and wanted(v.kind, v.current)]
    names = named(db, [v.household_id for v, _s in found])
    rows = [AtStep(names[v.household_id], v, step) for v, step in found if v.household_id in names
            and (village_id is None or names[v.household_id].village_id == village_id)]
    return sorted(rows, key=lambda a: (a.household.hh_no, a.household_id))


def typed_exit_status(db: Database, household_id: str) -> str | None:
    with db.read() as conn:
        return conn.execute(select(_H.c.exit_status).where(_H.c.id == household_id)).scalar()


def signature(db: Database, signoff_id: str) -> tuple[signoff.SignoffRecord | None, list[str]]:
    """The signature of a decision and why it does not check (empty: it does); None when not on this laptop."""
    s = Signoff.__table__
    with db.read() as conn:
        row = conn.execute(select(s).where(s.c.id == signoff_id, s.c.deleted.is_(False))).first()
        record = signoff.record_of(conn, row) if row is not None else None
    return record, (signoff.problems(db, record) if record is not None else [])


def batch_size(record: signoff.SignoffRecord | None) -> int:
    """How many decisions a batch decision's signature covers (0: not a batch signature, or unreadable)."""
    if record is None or record.subject != "workflow_batch":
        return 0
    try:
        return len(json.loads(record.snapshot)["tables"]["workflow_step"])
    except (ValueError, KeyError, TypeError):
        return 0


def exited(views: list[WorkflowView], typed_exit_status: str | None) -> bool:
    """Whether the household counts as exited now, from its finished workflows (or the typed value without
    any): :func:`fieldapp.services.workflow.standing.exit_state`, the one place this is decided."""
    from fieldapp.services.workflow.standing import exit_state  # standing reads this module's views

    return exit_state(views, typed_exit_status, None).exited

