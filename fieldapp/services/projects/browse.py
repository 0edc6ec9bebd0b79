"""Reading projects for a list that pages (项目库) and for the pickers of the project dialogs.

:func:`project_page` returns one keyset page of projects matching a :class:`ProjectQuery` (village or town,
status, type), ordered by area name, project name and id, with the figures a table shows: budget, approved,
disbursed and the latest progress percentage. Cost grows with the page, not the register: each figure is a
correlated subquery over the project's own rows. :func:`areas` lists the villages and towns a filter offers,
:func:`households_of` the households a project may take as beneficiaries, :func:`beneficiary_projects` the
projects a household's measure may be linked to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select, tuple_

from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Household,
    Member,
    Project,
    ProjectBeneficiary,
    ProjectDisbursement,
    ProjectProgress,
)

_P, _A, _D, _PR = Project.__table__, Area.__table__, ProjectDisbursement.__table__, ProjectProgress.__table__
_H, _M, _BEN = Household.__table__, Member.__table__, ProjectBeneficiary.__table__


@dataclass(frozen=True)
class ProjectQuery:
    """Which projects: of an area (a village; a town: its own and its villages'), a status, a type (None: any)."""

    area_id: str | None = None
    status: str | None = None
    type: str | None = None

    def with_(self, **changes: object) -> ProjectQuery:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ProjectRow:
    """A project in the list (amounts in fen; ``percent`` None: no progress reported)."""

    id: str
    name: str
    type: str
    area_name: str
    unit: str
    status: str
    budget_total: int
    approved_amount: int | None
    disbursed: int
    percent: int | None

    @property
    def key(self) -> tuple[str, str, str]:
        """Where the row sorts: the keyset of the next page."""
        return (self.area_name, self.name, self.id)


def project_page(db: Database, query: ProjectQuery, *, after: tuple[str, str, str] | None = None,
                 limit: int = 200) -> list[ProjectRow]:
    """At most ``limit`` projects matching ``query`` that sort after ``after`` (None: from the first)."""
    paid = (select(func.coalesce(func.sum(_D.c.amount), 0))
            .where(_D.c.project_id == _P.c.id, _D.c.deleted.is_(False)).scalar_subquery())
    latest = (select(_PR.c.percent).where(_PR.c.project_id == _P.c.id, _PR.c.deleted.is_(False))
              .order_by(_PR.c.date.desc(), _PR.c.id.desc()).limit(limits.fixed(1)).scalar_subquery())
    area_name = func.coalesce(_A.c.name, "")
    statement = (select(_P.c.id, _P.c.name, _P.c.type, area_name.label("area_name"), _P.c.unit, _P.c.status,
                        _P.c.budget_total, _P.c.approved_amount, paid.label("paid"), latest.label("percent"))
                 .select_from(_P.outerjoin(_A, _A.c.id == _P.c.village_id)).where(_P.c.deleted.is_(False)))
    if query.area_id is not None:
        statement = statement.where((_P.c.village_id == query.area_id) | (_P.c.town_id == query.area_id))
    if query.status is not None:
        statement = statement.where(_P.c.status == query.status)
    if query.type is not None:
        statement = statement.where(_P.c.type == query.type)
    if after is not None:
        statement = statement.where(tuple_(area_name, _P.c.name, _P.c.id) > tuple_(*after))
    statement = statement.order_by(area_name, _P.c.name, _P.c.id).limit(limits.fixed(limit))
    with db.read() as conn:
        rows = conn.execute(statement).all()
    return [ProjectRow(r.id, r.name, r.type, r.area_name, r.unit, r.status, int(r.budget_total),
                       None if r.approved_amount is None else int(r.approved_amount), int(r.paid),
                       None if r.percent is None else int(r.percent)) for r in rows]


def count(db: Database, query: ProjectQuery) -> int:
    """How many projects match ``query``."""
    statement = select(func.count()).select_from(_P).where(_P.c.deleted.is_(False))
    if query.area_id is not None:
        statement = statement.where((_P.c.village_id == query.area_id) | (_P.c.town_id == query.area_id))
    if query.status is not None:
        statement = statement.where(_P.c.status == query.status)
    if query.type is not None:
        statement = statement.where(_P.c.type == query.type)
    with db.read() as conn:
        return int(conn.execute(statement).scalar_one())


@dataclass(frozen=True)
class AreaChoice:
    id: str
    name: str
    level: str  # village | town


def areas(db: Database) -> list[AreaChoice]:
    """The towns and villages of the register (a project belongs to one), towns first, by name."""
    with db.read() as conn:
        rows = conn.execute(select(_A.c.id, _A.c.name, _A.c.level)
                            .where(_A.c.level.in_(("town", "village")), _A.c.deleted.is_(False))
                            .order_by(_A.c.level.desc(), _A.c.name, _A.c.id)).all()
    return [AreaChoice(r.id, r.name, r.level) for r in rows]


@dataclass(frozen=True)
class HouseholdChoice:
    id: str
    hh_no: str | None
    head: str | None

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.hh_no, self.head) if p) or self.id


def households_of(db: Database, area_id: str) -> list[HouseholdChoice]:
    """The households a project of ``area_id`` may benefit: the village's, or every village's of a town."""
    head = (select(_M.c.name).where(_M.c.household_id == _H.c.id, _M.c.relation == "01", _M.c.deleted.is_(False))
            .limit(limits.fixed(1)).scalar_subquery())
    villages = select(_A.c.id).where((_A.c.id == area_id) | (_A.c.parent_id == area_id))
    with db.read() as conn:
        rows = conn.execute(select(_H.c.id, _H.c.hh_no, head.label("head"))
                            .where(_H.c.village_id.in_(villages), _H.c.deleted.is_(False))
                            .order_by(_H.c.hh_no, _H.c.id)).all()
    return [HouseholdChoice(r.id, r.hh_no, r.head) for r in rows]


@dataclass(frozen=True)
class LinkChoice:
    """A project a household's measure may be linked to (the household is one of its beneficiaries)."""

    id: str
    name: str
    status: str


def beneficiary_projects(db: Database, household_id: str) -> list[LinkChoice]:
    with db.read() as conn:
        rows = conn.execute(select(_P.c.id, _P.c.name, _P.c.status)
                            .select_from(_P.join(_BEN, _BEN.c.project_id == _P.c.id))
                            .where(_BEN.c.household_id == household_id, _BEN.c.deleted.is_(False),
                                   _P.c.deleted.is_(False)).order_by(_P.c.name, _P.c.id)).all()
    return [LinkChoice(r.id, r.name, r.status) for r in rows]


def photo_hashes(db: Database, photo_ids: list[str]) -> dict[str, str]:
    """photo id -> sha256 (the photo folder's key), for showing a progress update's photos."""
    from fieldapp.store.models import Photo

    table = Photo.__table__
    if not photo_ids:
        return {}
    with db.read() as conn:
        return {r.id: r.sha256 for r in conn.execute(select(table.c.id, table.c.sha256)
                                                      .where(table.c.id.in_(photo_ids)))}


def project_names(db: Database, project_ids: list[str]) -> dict[str, str]:
    """project id -> name (a household's measures tab names the project each measure belongs to)."""
    if not project_ids:
        return {}
    with db.read() as conn:
        return {r.id: r.name for r in conn.execute(select(_P.c.id, _P.c.name).where(_P.c.id.in_(project_ids)))}
