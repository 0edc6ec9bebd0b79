"""Reading workflows and their decisions, with the state derived from them (never stored)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from fieldapp.domain import workflow as rules
from fieldapp.services.signoff import service as signoff
from fieldapp.store import flows
from fieldapp.store.db import Database
from fieldapp.store.models import Household, Signoff, Workflow

_W, _H = Workflow.__table__, Household.__table__


WorkflowView = flows.WorkflowView
decision_of = flows.decision_of


def _views(conn: Connection, defs: rules.Definitions, where: object) -> list[WorkflowView]:
    return flows.views(conn, defs, where)


def workflows_of(db: Database, household_id: str, defs: rules.Definitions) -> list[WorkflowView]:
    """Every workflow of a household, oldest first."""
    with db.read() as conn:
        return _views(conn, defs, _W.c.household_id == household_id)


def open_workflows(db: Database, defs: rules.Definitions) -> list[WorkflowView]:
    """Every workflow still running (open or in conflict) on this laptop."""
    with db.read() as conn:
        return [v for v in _views(conn, defs, _W.c.origin == rules.ORIGIN_APP) if v.state.is_open]


def open_workflow(db: Database, household_id: str, defs: rules.Definitions) -> WorkflowView | None:
    found = [v for v in workflows_of(db, household_id, defs) if v.state.is_open]
    return found[-1] if found else None


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


def exited(views: list[WorkflowView], typed_exit_status: str | None) -> bool:
    """Whether the household counts as exited, from its finished workflows (or the typed value without any)."""
    finished = [(v.kind, v.imported_value) for v in views if v.state.status in (rules.COMPLETED, rules.IMPORTED)]
    return rules.has_exited(finished, typed_exit_status)
