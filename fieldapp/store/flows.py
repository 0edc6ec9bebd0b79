"""Reading workflows with their derived state, in bulk: a few statements for any number of households.

The state of a workflow is derived from its decisions (:func:`fieldapp.domain.workflow.derive`), never
stored; :func:`views` reads the workflows matching a condition and all their decisions (chunked ``IN``
lists), so the list projection (:mod:`fieldapp.store.derived`), the services and the exit-candidate
proposal read a village's workflows without a query per household.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from fieldapp.domain import workflow as rules
from fieldapp.store.models import Workflow, WorkflowStep

_W: Table = Workflow.__table__  # type: ignore[assignment]
_S: Table = WorkflowStep.__table__  # type: ignore[assignment]
_CHUNK = 500


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
    """A ``workflow_step`` row as a decision."""
    try:
        settles = tuple(str(x) for x in json.loads(r.settles)) if r.settles else ()
    except (ValueError, TypeError):
        settles = ()  # unreadable: settles nothing, so the conflict stays shown
    return rules.Decision(r.id, r.step, r.decision, r.reason or "", r.prev_id or "", r.person_id, r.person_name,
                          r.role, int(r.decided_at), r.signoff_id, bool(r.override), r.decided_as or "", settles,
                          r.meeting_id)


def views(conn: Connection, defs: rules.Definitions, where: Any) -> list[WorkflowView]:
    """The live workflows matching ``where``, oldest first, each with its derived state (two statements,
    plus one per 500 workflows)."""
    rows = conn.execute(select(_W).where(where, _W.c.deleted.is_(False))
                        .order_by(_W.c.started_at, _W.c.id)).all()
    if not rows:
        return []
    decisions: dict[str, list[rules.Decision]] = {}
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), _CHUNK):
        for s in conn.execute(select(_S).where(_S.c.workflow_id.in_(ids[chunk:chunk + _CHUNK]),
                                               _S.c.deleted.is_(False))):
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


def views_by_household(conn: Connection, defs: rules.Definitions,
                       household_ids: Sequence[str]) -> dict[str, list[WorkflowView]]:
    """Every workflow of each household (oldest first), read in chunks of 500 households."""
    found: dict[str, list[WorkflowView]] = {}
    for chunk in range(0, len(household_ids), _CHUNK):
        for v in views(conn, defs, _W.c.household_id.in_(list(household_ids[chunk:chunk + _CHUNK]))):
            found.setdefault(v.household_id, []).append(v)
    return found
