"""The projects of the analytic extract: per project its area, codes, dates and money, per fund channel its
budget and what was disbursed, and how many households benefit — read as totals and counts.

What is never read: which households benefit (only how many), to whom money went and the voucher numbers,
who accepted a project and their findings, progress notes, the project's own note and who recorded anything.
The queries name only the columns they need, so a column added later does not slip into the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, FromClause, func, select

from fieldapp.store.models import Project, ProjectBeneficiary, ProjectBudget, ProjectDisbursement, ProjectProgress

_P, _B, _BEN = Project.__table__, ProjectBudget.__table__, ProjectBeneficiary.__table__
_D, _PR = ProjectDisbursement.__table__, ProjectProgress.__table__


@dataclass(frozen=True)
class ProjectTotals:
    """One project as the extract holds it: money in fen; ``beneficiaries`` a count of households."""

    id: str
    area_id: str  # its village, or the town for a town's project
    town_id: str
    name: str
    type: str
    industry: str | None
    unit: str
    status: str
    planned_start: dt.date | None
    planned_end: dt.date | None
    actual_start: dt.date | None
    actual_end: dt.date | None
    approved_on: dt.date | None
    budget_total: int
    approved_amount: int | None
    disbursed: int
    beneficiaries: int
    percent: int | None  # the latest progress update's (None: none reported)


@dataclass(frozen=True)
class ChannelTotals:
    """A project's money on one fund channel: budgeted and disbursed (fen)."""

    project_id: str
    channel: str
    budget: int
    disbursed: int


def _sums(conn: Connection, table: FromClause, ids: set[str]) -> dict[tuple[str, str], int]:
    query = (select(table.c.project_id, table.c.channel, func.sum(table.c.amount))
             .where(table.c.deleted.is_(False)).group_by(table.c.project_id, table.c.channel))
    return {(r[0], r[1]): int(r[2] or 0) for r in conn.execute(query) if r[0] in ids}


def read(conn: Connection, area_ids: Collection[str]) -> tuple[list[ProjectTotals], list[ChannelTotals]]:
    """The live projects whose area and town are among ``area_ids``, in area and name order, and their
    channels (every channel with a budget or a disbursement)."""
    areas = set(area_ids)
    rows = [r for r in conn.execute(
        select(_P.c.id, _P.c.village_id, _P.c.town_id, _P.c.name, _P.c.type, _P.c.industry, _P.c.unit, _P.c.status,
               _P.c.planned_start, _P.c.planned_end, _P.c.actual_start, _P.c.actual_end, _P.c.approved_on,
               _P.c.budget_total, _P.c.approved_amount)
        .where(_P.c.deleted.is_(False)).order_by(_P.c.village_id, _P.c.name, _P.c.id))
        if r.village_id in areas and r.town_id in areas]
    ids = {r.id for r in rows}
    budget = _sums(conn, _B, ids)
    paid = _sums(conn, _D, ids)
    counts = {r[0]: int(r[1]) for r in conn.execute(
        select(_BEN.c.project_id, func.count(func.distinct(_BEN.c.household_id)))
        .where(_BEN.c.deleted.is_(False)).group_by(_BEN.c.project_id))}
    percent: dict[str, int] = {}
    for r in conn.execute(select(_PR.c.project_id, _PR.c.percent).where(_PR.c.deleted.is_(False))
                          .order_by(_PR.c.project_id, _PR.c.date, _PR.c.id)):
        percent[r.project_id] = int(r.percent)  # the last in date order stays
    projects = [ProjectTotals(
        id=r.id, area_id=r.village_id, town_id=r.town_id, name=r.name, type=r.type, industry=r.industry,
        unit=r.unit, status=r.status, planned_start=r.planned_start, planned_end=r.planned_end,
        actual_start=r.actual_start, actual_end=r.actual_end, approved_on=r.approved_on,
        budget_total=int(r.budget_total or 0),
        approved_amount=None if r.approved_amount is None else int(r.approved_amount),
        disbursed=sum(v for (p, _), v in paid.items() if p == r.id), beneficiaries=counts.get(r.id, 0),
        percent=percent.get(r.id)) for r in rows]
    channels = [ChannelTotals(p, c, budget.get((p, c), 0), paid.get((p, c), 0))
                for p, c in sorted(set(budget) | set(paid))]
    return projects, channels
