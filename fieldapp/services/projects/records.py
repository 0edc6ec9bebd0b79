"""Reading projects: one project whole (:class:`ProjectView`: budget, beneficiaries, progress, disbursements,
acceptances), a list of projects, and the :class:`fieldapp.domain.projects.Figures` the checks run on."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from fieldapp.domain import projects as rules
from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Household,
    Member,
    Project,
    ProjectAcceptance,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
    ProjectProgress,
    ProjectProgressPhoto,
)

_P, _B, _BEN = Project.__table__, ProjectBudget.__table__, ProjectBeneficiary.__table__
_PR, _PRP, _D, _ACC = (ProjectProgress.__table__, ProjectProgressPhoto.__table__, ProjectDisbursement.__table__,
                       ProjectAcceptance.__table__)
_A, _H, _M = Area.__table__, Household.__table__, Member.__table__


@dataclass(frozen=True)
class Beneficiary:
    household_id: str
    amount: int  # planned, fen
    note: str
    hh_no: str | None = None
    head: str | None = None  # 户主


@dataclass(frozen=True)
class Progress:
    id: str
    date: dt.date
    percent: int
    note: str
    recorded_by_name: str | None
    photo_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disbursement:
    id: str
    date: dt.date
    amount: int
    channel: str
    payee: str
    voucher_no: str
    recorded_by_name: str | None


@dataclass(frozen=True)
class Acceptance:
    id: str
    date: dt.date
    members: tuple[str, ...]
    findings: str
    passed: bool
    recorded_by_name: str | None
    signoff_id: str | None


@dataclass(frozen=True)
class ProjectView:
    """One project as stored, with its rows (each list in date or 户编号 order)."""

    id: str
    village_id: str
    town_id: str
    area_name: str
    name: str
    type: str
    industry: str | None
    unit: str
    planned_start: dt.date | None
    planned_end: dt.date | None
    actual_start: dt.date | None
    actual_end: dt.date | None
    budget_total: int
    approved_amount: int | None
    approved_on: dt.date | None
    status: str
    note: str
    budget: dict[str, int]
    beneficiaries: tuple[Beneficiary, ...] = ()
    progress: tuple[Progress, ...] = ()
    disbursements: tuple[Disbursement, ...] = ()
    acceptances: tuple[Acceptance, ...] = ()

    @property
    def is_town_project(self) -> bool:
        return self.village_id == self.town_id

    @property
    def disbursed(self) -> int:
        return sum(d.amount for d in self.disbursements)

    @property
    def percent(self) -> int | None:
        """The latest progress update's percentage (None: none reported)."""
        return self.progress[-1].percent if self.progress else None

    def figures(self) -> rules.Figures:
        return rules.Figures(
            budget_total=self.budget_total, budget=dict(self.budget), approved=self.approved_amount,
            approved_on=self.approved_on, beneficiaries={b.household_id: b.amount for b in self.beneficiaries},
            disbursements=tuple(rules.Disbursement(d.date, d.amount, d.channel) for d in self.disbursements),
            planned_start=self.planned_start, planned_end=self.planned_end, actual_start=self.actual_start,
            actual_end=self.actual_end)


def get(db: Database, project_id: str) -> ProjectView:
    """The project whole; raises LookupError naming it when there is none."""
    with db.read() as conn:
        return read(conn, project_id)


def read(conn: Connection, project_id: str) -> ProjectView:
    row = conn.execute(select(_P, _A.c.name.label("area_name"))
                       .select_from(_P.outerjoin(_A, _A.c.id == _P.c.village_id))
                       .where(_P.c.id == project_id, _P.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"项目 {project_id} 不存在")
    budget = {r.channel: int(r.amount) for r in conn.execute(
        select(_B.c.channel, _B.c.amount).where(_B.c.project_id == project_id, _B.c.deleted.is_(False)))}
    head = (select(_M.c.name).where(_M.c.household_id == _H.c.id, _M.c.relation == "01", _M.c.deleted.is_(False))
            .limit(limits.fixed(1)).scalar_subquery())
    beneficiaries = tuple(Beneficiary(r.household_id, int(r.amount), r.note or "", r.hh_no, r.head)
                          for r in conn.execute(
        select(_BEN.c.household_id, _BEN.c.amount, _BEN.c.note, _H.c.hh_no, head.label("head"))
        .select_from(_BEN.outerjoin(_H, _H.c.id == _BEN.c.household_id))
        .where(_BEN.c.project_id == project_id, _BEN.c.deleted.is_(False)).order_by(_H.c.hh_no, _BEN.c.household_id)))
    photos: dict[str, list[str]] = {}
    for r in conn.execute(select(_PRP.c.progress_id, _PRP.c.photo_id).select_from(
            _PRP.join(_PR, _PR.c.id == _PRP.c.progress_id))
            .where(_PR.c.project_id == project_id, _PRP.c.deleted.is_(False)).order_by(_PRP.c.position)):
        photos.setdefault(r.progress_id, []).append(r.photo_id)
    progress = tuple(Progress(r.id, r.date, int(r.percent), r.note or "", r.recorded_by_name,
                              tuple(photos.get(r.id, ()))) for r in conn.execute(
        select(_PR).where(_PR.c.project_id == project_id, _PR.c.deleted.is_(False)).order_by(_PR.c.date, _PR.c.id)))
    disbursements = tuple(Disbursement(r.id, r.date, int(r.amount), r.channel, r.payee, r.voucher_no,
                                       r.recorded_by_name) for r in conn.execute(
        select(_D).where(_D.c.project_id == project_id, _D.c.deleted.is_(False)).order_by(_D.c.date, _D.c.id)))
    acceptances = tuple(Acceptance(r.id, r.date, tuple(json.loads(r.members or "[]")), r.findings, bool(r.passed),
                                   r.recorded_by_name, r.signoff_id) for r in conn.execute(
        select(_ACC).where(_ACC.c.project_id == project_id, _ACC.c.deleted.is_(False))
        .order_by(_ACC.c.date, _ACC.c.id)))
    return ProjectView(
        id=row["id"], village_id=row["village_id"], town_id=row["town_id"], area_name=row["area_name"] or "",
        name=row["name"], type=row["type"], industry=row["industry"], unit=row["unit"],
        planned_start=row["planned_start"], planned_end=row["planned_end"], actual_start=row["actual_start"],
        actual_end=row["actual_end"], budget_total=int(row["budget_total"]),
        approved_amount=None if row["approved_amount"] is None else int(row["approved_amount"]),
        approved_on=row["approved_on"], status=row["status"], note=row["note"] or "", budget=budget,
        beneficiaries=beneficiaries, progress=progress, disbursements=disbursements, acceptances=acceptances)


@dataclass(frozen=True)
class ProjectLine:
    """A project in a list: the figures a table shows."""

    id: str
    area_name: str
    name: str
    type: str
    status: str
    budget_total: int
    approved_amount: int | None
    disbursed: int


def list_projects(db: Database, area_ids: list[str] | None = None, status: str | None = None) -> list[ProjectLine]:
    """Projects of the given areas (villages or towns; None: all), optionally of one status, by area and name."""
    from sqlalchemy import func

    paid = (select(func.coalesce(func.sum(_D.c.amount), 0)).where(_D.c.project_id == _P.c.id, _D.c.deleted.is_(False))
            .scalar_subquery())
    query = (select(_P.c.id, _A.c.name.label("area_name"), _P.c.name, _P.c.type, _P.c.status, _P.c.budget_total,
                    _P.c.approved_amount, paid.label("paid"))
             .select_from(_P.outerjoin(_A, _A.c.id == _P.c.village_id)).where(_P.c.deleted.is_(False)))
    if area_ids is not None:
        query = query.where(_P.c.village_id.in_(area_ids) | _P.c.town_id.in_(area_ids))
    if status is not None:
        query = query.where(_P.c.status == status)
    with db.read() as conn:
        rows = conn.execute(query.order_by(_A.c.name, _P.c.name, _P.c.id)).all()
    return [ProjectLine(r.id, r.area_name or "", r.name, r.type, r.status, int(r.budget_total),
                        None if r.approved_amount is None else int(r.approved_amount), int(r.paid)) for r in rows]
