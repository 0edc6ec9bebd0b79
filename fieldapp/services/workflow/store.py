"""Reading workflows and their decisions, with the state derived from them (never stored)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import workflow as rules
from fieldapp.services.signoff import service as signoff
from fieldapp.store import flows
from fieldapp.store.db import Database
from fieldapp.store.models import Household, HouseholdListRow, Signoff, Workflow

_W, _H = Workflow.__table__, Household.__table__


WorkflowView = flows.WorkflowView
decision_of = flows.decision_of


def _views(conn: Connection, defs: rules.Definitions, where: object) -> list[WorkflowView]:
    return flows.views(conn, defs, where)


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
    """The household's own ``exit_status``: the imported value (never typed since; see :func:`standing_of`)."""
    with db.read() as conn:
        return conn.execute(select(_H.c.exit_status).where(_H.c.id == household_id)).scalar()


def standing_of(db: Database, household_id: str, defs: rules.Definitions) -> rules.Standing:
    """Where the household stands (exit status and year, the open workflow and step), derived as the
    household list shows it."""
    with db.read() as conn:
        own = conn.execute(select(_H.c.exit_status, _H.c.exit_year).where(_H.c.id == household_id)).first()
        found = _views(conn, defs, _W.c.household_id == household_id)
    return rules.standing(found, own.exit_status if own else None, own.exit_year if own else None)


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

