"""What a disclosure notice states, read from the project ledger (never typed): one function per kind.

Each returns a JSON-able dict of integer fen, ISO dates and text. Households appear by 户编号, group,
head's name and masked ID number (:func:`fieldapp.domain.resident_id.mask`); no health or bank data is
read. The same functions run when a notice is issued (its figures are stored and signed) and when it
is checked or printed later (the ledger now, to say whether the notice is out of date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import disclosure as rules
from fieldapp.domain import projects as project_rules
from fieldapp.domain.resident_id import mask
from fieldapp.services.projects import records
from fieldapp.store.db import Database
from fieldapp.store.models import Area, HouseholdListRow, Project

_P, _A, _L = Project.__table__, Area.__table__, HouseholdListRow.__table__


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def year_of(view: records.ProjectView | Any) -> int | None:
    """The year a project belongs to in a plan: of its planned start, else its approval, else its planned finish."""
    day = view.planned_start or view.approved_on or view.planned_end
    return day.year if day else None


def village_year_projects(conn: Connection, village_id: str, year: int) -> list[records.ProjectView]:
    """The village's own projects of ``year`` (:func:`year_of`), by name."""
    rows = conn.execute(select(_P.c.id, _P.c.name, _P.c.planned_start, _P.c.approved_on, _P.c.planned_end)
                        .where(_P.c.village_id == village_id, _P.c.deleted.is_(False))
                        .order_by(_P.c.name, _P.c.id)).all()
    return [records.read(conn, r.id) for r in rows if year_of(r) == year]


def _project(view: records.ProjectView) -> dict[str, Any]:
    return {"id": view.id, "name": view.name, "type": view.type, "unit": view.unit, "status": view.status,
            "planned_start": _iso(view.planned_start), "planned_end": _iso(view.planned_end),
            "actual_start": _iso(view.actual_start), "actual_end": _iso(view.actual_end)}


def _households(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """household id → 户编号, group, head and the head's masked ID number."""
    if not ids:
        return {}
    rows = conn.execute(select(_L.c.household_id, _L.c.hh_no, _L.c.group_no, _L.c.head_name, _L.c.head_id_no)
                        .where(_L.c.household_id.in_(list(ids)))).all()
    return {r.household_id: {"household_id": r.household_id, "hh_no": r.hh_no or "", "group_no": r.group_no,
                             "head": r.head_name or "", "id_masked": mask(r.head_id_no)} for r in rows}


def _beneficiaries(conn: Connection, views: Sequence[records.ProjectView]) -> list[dict[str, Any]]:
    """One line per project and beneficiary household, in 户编号 then project order."""
    people = _households(conn, sorted({b.household_id for v in views for b in v.beneficiaries}))
    lines = []
    for v in views:
        for b in v.beneficiaries:
            who = people.get(b.household_id) or {"household_id": b.household_id, "hh_no": b.hh_no or "",
                                                 "group_no": None, "head": b.head or "", "id_masked": ""}
            lines.append({"key": f"{v.id}:{b.household_id}", **who, "project_id": v.id, "project": v.name,
                          "amount": b.amount})
    return sorted(lines, key=lambda x: (x["hh_no"], x["household_id"], x["project"], x["project_id"]))


def plan(conn: Connection, village_id: str, year: int) -> dict[str, Any]:
    """资金使用计划: the village's projects of the year, each with its budget by channel and approved amount."""
    views = village_year_projects(conn, village_id, year)
    if not views:
        raise rules.DisclosureError(f"该村没有 {year} 年的项目（按计划开工、批复或计划完工日期的年份），"
                                    "无从公示资金使用计划")
    projects = [{**_project(v), "budget": dict(sorted(v.budget.items())), "budget_total": v.budget_total,
                 "approved": v.approved_amount} for v in views]
    return {"village_id": village_id, "year": year, "projects": projects,
            "budget": rules.totals_by_channel([v.budget for v in views]),
            "budget_total": sum(v.budget_total for v in views),
            "approved_total": sum(v.approved_amount or 0 for v in views)}


def project(conn: Connection, project_id: str) -> dict[str, Any]:
    """项目公示: the project, its budget by channel, approved amount and beneficiaries with planned amounts."""
    v = records.read(conn, project_id)
    if v.status not in (project_rules.PLANNED, project_rules.APPROVED):
        raise rules.DisclosureError(f"项目“{v.name}”已{project_rules.status_word(v.status)}：项目公示在开工前发布；"
                                    "完工验收后请发布项目完成公告（--kind completion）")
    lines = _beneficiaries(conn, [v])
    return {"project": _project(v), "budget": dict(sorted(v.budget.items())), "budget_total": v.budget_total,
            "approved": v.approved_amount, "approved_on": _iso(v.approved_on), "beneficiaries": lines,
            "beneficiary_total": sum(x["amount"] for x in lines), "households": len(lines)}


def completion(conn: Connection, project_id: str) -> dict[str, Any]:
    """项目完成公告: what was disbursed on each channel, with each disbursement, and the passed acceptance."""
    v = records.read(conn, project_id)
    passed = [a for a in v.acceptances if a.passed]
    if v.status != project_rules.ACCEPTED or not passed:
        raise rules.DisclosureError(f"项目“{v.name}”处于“{project_rules.status_word(v.status)}”：验收合格后才能发布"
                                    "项目完成公告")
    acceptance = passed[-1]
    by_channel: dict[str, int] = {}
    for d in v.disbursements:
        by_channel[d.channel] = by_channel.get(d.channel, 0) + d.amount
    return {"project": _project(v), "budget": dict(sorted(v.budget.items())), "budget_total": v.budget_total,
            "approved": v.approved_amount, "disbursed": dict(sorted(by_channel.items())),
            "disbursed_total": v.disbursed,
            # the payee is left out: it may name a person or carry an account number
            "disbursements": [{"id": d.id, "date": d.date.isoformat(), "channel": d.channel, "amount": d.amount,
                               "voucher_no": d.voucher_no} for d in v.disbursements],
            "acceptance": {"id": acceptance.id, "date": acceptance.date.isoformat(), "passed": acceptance.passed,
                           "members": list(acceptance.members), "findings": acceptance.findings}}


def subsidy(conn: Connection, *, project_id: str | None = None, village_id: str | None = None,
            year: int | None = None) -> dict[str, Any]:
    """到户补助公示: the amount per household (each project's planned amount for it), of one project or of the
    village's projects of a year, with the total per household and in all."""
    if project_id:
        views = [records.read(conn, project_id)]
        scope: dict[str, Any] = {"project_id": project_id}
    elif village_id and year:
        views = village_year_projects(conn, village_id, year)
        scope = {"village_id": village_id, "year": year}
    else:
        raise rules.DisclosureError("到户补助公示须指明项目（--project），或村和年份（--village、--year）")
    lines = _beneficiaries(conn, views)
    if not lines:
        raise rules.DisclosureError("没有受益户的补助金额可公示（先在项目中登记受益户及其计划金额）")
    totals: dict[str, int] = {}
    for x in lines:
        totals[x["household_id"]] = totals.get(x["household_id"], 0) + x["amount"]
    return {**scope, "lines": lines, "household_totals": totals, "households": len(totals),
            "total": sum(totals.values())}


def of(db: Database, kind: str, *, project_id: str | None = None, village_id: str | None = None,
       year: int | None = None) -> dict[str, Any]:
    """The figures of ``kind`` as the ledger holds them now; raises ``DisclosureError``, ``LookupError``."""
    rules.check_kind(kind)
    with db.read() as conn:
        if kind == rules.PLAN:
            if not (village_id and year):
                raise rules.DisclosureError("资金使用计划公示须指明村和年份（--village、--year）")
            return plan(conn, village_id, year)
        if kind == rules.SUBSIDY:
            return subsidy(conn, project_id=project_id, village_id=village_id, year=year)
        if not project_id:
            raise rules.DisclosureError(f"{rules.KIND_WORDS[kind]}须指明项目（--project）")
        return project(conn, project_id) if kind == rules.PROJECT else completion(conn, project_id)


def village_of_project(db: Database, project_id: str) -> str:
    with db.read() as conn:
        found = conn.execute(select(_P.c.village_id).where(_P.c.id == project_id, _P.c.deleted.is_(False))).scalar()
    if found is None:
        raise LookupError(f"项目 {project_id} 不存在")
    return str(found)
