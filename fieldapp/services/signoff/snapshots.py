"""The snapshot of each kind of subject, read from a register (a laptop's or the district server's).

A snapshot is every live row of the subject's tables with every stored column but the sync
columns (:func:`fieldapp.domain.signoff.snapshot`): what the household editor or the visit form shows.
The same function runs on a laptop when a person signs and on the district server when it checks a code
against its own copy, so both compute the same bytes from the same data.

Builders are registered per subject (:func:`register_builder`): household and visit here, a
month's attendance for one cadre (check-ins and visit days) as a default, a notice, a workflow
decision and a batch of decisions (with the attachments made with them). A subject without a builder
can still be signed with the rows given by the caller, but its status then cannot say whether it changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, select

from fieldapp.domain import signoff as rules
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Asset,
    AssetEvent,
    CheckIn,
    CheckInConfirm,
    FollowUp,
    Household,
    IncomeYear,
    Indicator,
    Measure,
    Member,
    Notice,
    Project,
    ProjectAcceptance,
    ProjectBeneficiary,
    Signoff,
    Summary,
    Visit,
    VisitCadre,
    VisitMeasure,
    VisitPhoto,
    Workflow,
    WorkflowStep,
)

Tables = dict[str, list[dict[str, Any]]]
#: (connection, subject id, period) → the subject's rows per table; raises LookupError if it does not exist
Builder = Callable[[Connection, str, str], Tables]
#: (connection, subject id, period) → the household the subject belongs to (None: a village's)
HouseholdOf = Callable[[Connection, str, str], str | None]

_BUILDERS: dict[str, tuple[Builder, HouseholdOf]] = {}


def _t(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


def _rows(conn: Connection, model: Any, *where: Any) -> list[dict[str, Any]]:
    table = _t(model)
    found = conn.execute(select(table).where(table.c.deleted.is_(False), *where)).mappings()
    return [dict(r) for r in found]


def household_tables(conn: Connection, household_id: str, _period: str = "") -> Tables:
    """八个搞清楚: the household row, its members, incomes, indicators and measures."""
    home = _rows(conn, Household, _t(Household).c.id == household_id)
    if not home:
        raise LookupError(f"户 {household_id} 不存在或已删除")
    tables: Tables = {"household": home}
    for model in (Member, IncomeYear, Indicator, Measure):
        tables[_t(model).name] = _rows(conn, model, _t(model).c.household_id == household_id)
    return tables


def visit_tables(conn: Connection, visit_id: str, _period: str = "") -> Tables:
    """A visit with its cadres, measures, photos (by content hash) and follow-ups."""
    visit = _rows(conn, Visit, _t(Visit).c.id == visit_id)
    if not visit:
        raise LookupError(f"走访记录 {visit_id} 不存在或已删除")
    tables: Tables = {"visit": visit}
    for model in (VisitCadre, VisitMeasure, VisitPhoto, FollowUp):
        tables[_t(model).name] = _rows(conn, model, _t(model).c.visit_id == visit_id)
    return tables


def attendance_tables(conn: Connection, cadre_id: str, period: str) -> Tables:
    """One cadre's month (``period`` YYYY-MM): the check-ins and the visits the cadre went on."""
    import datetime as dt

    try:
        first = dt.date.fromisoformat(f"{period}-01")
    except ValueError:
        raise LookupError(f"月份应为 YYYY-MM：{period}") from None
    after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    k, vc, kc = _t(CheckIn), _t(VisitCadre), _t(CheckInConfirm)
    checkins = _rows(conn, CheckIn, and_(k.c.cadre_id == cadre_id, k.c.date >= first, k.c.date < after))
    # the leader's confirmations of late check-ins are part of what the month's signature covers
    confirms = _rows(conn, CheckInConfirm, kc.c.checkin_id.in_([c["id"] for c in checkins])) if checkins else []
    return {"checkin": checkins, "checkin_confirm": confirms,
            "visit_cadre": _rows(conn, VisitCadre, and_(vc.c.cadre_id == cadre_id, vc.c.date >= first,
                                                        vc.c.date < after))}


def _visit_household(conn: Connection, visit_id: str, _period: str) -> str | None:
    return conn.execute(select(_t(Visit).c.household_id).where(_t(Visit).c.id == visit_id)).scalar()


#: notice columns its signature leaves out: the signature's own id and the posting, a later fact
NOTICE_NOT_SIGNED = frozenset({"signoff_id", "posted_on", "posted_by_name"})


def notice_tables(conn: Connection, notice_id: str, _period: str = "") -> Tables:
    """What a 公示's signature covers: the notice row (step, households, period, where to object, issuer)."""
    n = _t(Notice)
    row = conn.execute(select(n).where(n.c.id == notice_id, n.c.deleted.is_(False))).first()
    if row is None:
        raise LookupError(f"公示 {notice_id} 不存在")
    return {"notice": [{k: v for k, v in row._mapping.items() if k not in NOTICE_NOT_SIGNED}]}


#: summary columns its signature leaves out: the signature's own id and time (written with it)
SUMMARY_NOT_SIGNED = frozenset({"signoff_id", "signed_at"})


def summary_tables(conn: Connection, summary_id: str, _period: str = "") -> Tables:
    """What a summary's signature covers: its figures (canonical JSON), narrative, period and author."""
    t = _t(Summary)
    row = conn.execute(select(t).where(t.c.id == summary_id, t.c.deleted.is_(False))).first()
    if row is None:
        raise LookupError(f"汇总 {summary_id} 不存在")
    return {"summary": [{k: v for k, v in row._mapping.items() if k not in SUMMARY_NOT_SIGNED}]}


#: a batch decision's rows that its signature leaves out: the signature's own id
STEP_NOT_SIGNED = frozenset({"signoff_id"})


def decision_tables(conn: Connection, step_id: str, _period: str = "") -> Tables:
    """What a workflow decision's signature covers (subject ``workflow_step``): the decision, its workflow
    and, when it was made with attachments, those (with each photo's SHA-256)."""
    from fieldapp.services.workflow.attachments import step_tables

    st, wf = _t(WorkflowStep), _t(Workflow)
    row = conn.execute(select(st).where(st.c.id == step_id, st.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"流程决定 {step_id} 不存在")
    flow = conn.execute(select(wf.c.id, wf.c.household_id, wf.c.kind, wf.c.started_at)
                        .where(wf.c.id == row["workflow_id"])).mappings().first()
    tables: Tables = {"workflow": [dict(flow)] if flow is not None else [],
                      "workflow_step": [{k: v for k, v in row.items() if k not in STEP_NOT_SIGNED}]}
    attached = step_tables(conn, [step_id])
    if attached["step_attachment"]:  # signed without attachments: no attachment tables in the snapshot
        tables.update(attached)
    return tables


def _step_household(conn: Connection, step_id: str, _period: str) -> str | None:
    return conn.execute(select(_t(WorkflowStep).c.household_id).where(_t(WorkflowStep).c.id == step_id)).scalar()


def batch_tables(conn: Connection, batch_id: str, _period: str = "") -> Tables:
    """What a batch decision's signature covers (subject ``workflow_batch``): every decision that names a
    signature of the batch, the workflows they belong to and their attachments (with each photo's SHA-256)."""
    from fieldapp.services.workflow.attachments import step_tables

    s, st, wf = _t(Signoff), _t(WorkflowStep), _t(Workflow)
    signatures = [r.id for r in conn.execute(select(s.c.id).where(s.c.subject == "workflow_batch",
                                                                 s.c.subject_id == batch_id))]
    if not signatures:
        raise LookupError(f"批量决定 {batch_id} 不存在")
    steps = [{k: v for k, v in r.items() if k not in STEP_NOT_SIGNED} for r in conn.execute(
        select(st).where(st.c.signoff_id.in_(signatures), st.c.deleted.is_(False))).mappings()]
    flows = [dict(r) for r in conn.execute(
        select(wf.c.id, wf.c.household_id, wf.c.kind, wf.c.started_at)
        .where(wf.c.id.in_(sorted({str(r["workflow_id"]) for r in steps})))).mappings()] if steps else []
    return {"workflow": flows, "workflow_step": steps, **step_tables(conn, [str(r["id"]) for r in steps])}


#: acceptance columns its signature leaves out: the signature's own id (written with it)
ACCEPTANCE_NOT_SIGNED = frozenset({"signoff_id"})
#: the project's columns an acceptance covers: what was accepted (a later disbursement, such as the final
#: payment made after acceptance, and the status the acceptance itself sets are not part of it)
ACCEPTED_PROJECT_COLUMNS = ("id", "name", "village_id", "town_id", "type", "industry", "unit", "approved_amount",
                            "actual_start", "actual_end")


def acceptance_project_tables(conn: Connection, project_id: str) -> Tables:
    """The project's rows an acceptance covers: its fixed columns and the beneficiary households' amounts."""
    p = _t(Project)
    row = conn.execute(select(*(p.c[c] for c in ACCEPTED_PROJECT_COLUMNS))
                       .where(p.c.id == project_id, p.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"项目 {project_id} 不存在")
    b = _t(ProjectBeneficiary)
    return {"project": [dict(row)],
            "project_beneficiary": _rows(conn, ProjectBeneficiary, b.c.project_id == project_id)}


def acceptance_tables(conn: Connection, acceptance_id: str, _period: str = "") -> Tables:
    """What a project acceptance's signature covers (subject ``project_acceptance``): the acceptance (date,
    members present, findings, passed), the project as accepted and its beneficiaries' planned amounts."""
    a = _t(ProjectAcceptance)
    row = conn.execute(select(a).where(a.c.id == acceptance_id, a.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"项目验收 {acceptance_id} 不存在")
    return {"project_acceptance": [{k: v for k, v in row.items() if k not in ACCEPTANCE_NOT_SIGNED}],
            **acceptance_project_tables(conn, str(row["project_id"]))}


#: asset columns an asset change's signature covers: which asset it is (its owner, manager and state are the
#: event's own before/after columns: a later change moves them on without breaking this signature)
ASSET_SIGNED_COLUMNS = ("id", "project_id", "village_id", "kind", "name", "value", "location", "recorded_on")


def asset_event_tables(conn: Connection, event_id: str, _period: str = "") -> Tables:
    """What an asset change's signature covers (subject ``asset_event``): the change (kind, date, reason, the owner,
    manager and state before and after) and the asset it changed."""
    e, a = _t(AssetEvent), _t(Asset)
    row = conn.execute(select(e).where(e.c.id == event_id, e.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"资产变更 {event_id} 不存在")
    asset = conn.execute(select(*(a.c[c] for c in ASSET_SIGNED_COLUMNS))
                         .where(a.c.id == row["asset_id"])).mappings().first()
    return {"asset_event": [{k: v for k, v in row.items() if k not in ACCEPTANCE_NOT_SIGNED}],
            "asset": [dict(asset)] if asset is not None else []}


def register_builder(subject: str, build: Builder, household_of: HouseholdOf | None = None) -> None:
    """Say how to read ``subject``'s snapshot (later work: workflow steps); replaces an earlier one."""
    if subject not in rules.SUBJECTS:
        raise rules.SignoffError(f"未知的签字对象：{subject}")
    _BUILDERS[subject] = (build, household_of or (lambda _c, _i, _p: None))


def has_builder(subject: str) -> bool:
    return subject in _BUILDERS


register_builder("household", household_tables, lambda _c, hid, _p: hid)
register_builder("visit", visit_tables, _visit_household)
register_builder("attendance_month", attendance_tables)
register_builder("notice", notice_tables)
register_builder("summary", summary_tables)
register_builder("workflow_step", decision_tables, _step_household)
register_builder("workflow_batch", batch_tables)
register_builder("project_acceptance", acceptance_tables)
register_builder("asset_event", asset_event_tables)
register_builder("disclosure", notice_tables)  # a 资金公示 is a notice row whose figures are part of it


def current(db: Database, subject: str, subject_id: str, period: str = "") -> dict[str, Any] | None:
    """The subject's snapshot as the register holds it now (None: no builder for the subject).
    Raises LookupError when the subject does not exist (any more)."""
    found = _BUILDERS.get(subject)
    if found is None:
        return None
    with db.read() as conn:
        tables = found[0](conn, subject_id, period)
    return rules.snapshot(subject, subject_id, tables, period)


def household_of(db: Database, subject: str, subject_id: str, period: str = "") -> str | None:
    found = _BUILDERS.get(subject)
    if found is None:
        return None
    with db.read() as conn:
        return found[1](conn, subject_id, period)


def given(subject: str, subject_id: str, tables: Mapping[str, Sequence[Mapping[str, Any]]],
          period: str = "") -> dict[str, Any]:
    """A snapshot from rows the caller shows (a subject without a builder)."""
    return rules.snapshot(subject, subject_id, tables, period)
