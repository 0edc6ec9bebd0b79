"""Reading assets: one asset whole (:class:`AssetView`: its project, incomes with their distributions, changes), the
ledger lines (:class:`AssetLine`, counted and paged in SQL for the page's model) and a household's shares
(:func:`household_shares`: what the household received from assets' income, per year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select

from fieldapp.domain.assets import FINAL_STATES
from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Asset,
    AssetDistribution,
    AssetEvent,
    AssetIncome,
    Household,
    Member,
    Project,
)

_AS, _IN, _DI, _EV = Asset.__table__, AssetIncome.__table__, AssetDistribution.__table__, AssetEvent.__table__
_P, _A, _H, _M = Project.__table__, Area.__table__, Household.__table__, Member.__table__


def _head(household_column: Any) -> Any:
    """The 户主's name of the household in ``household_column`` (a scalar subquery)."""
    return (select(_M.c.name).where(_M.c.household_id == household_column, _M.c.relation == "01",
                                    _M.c.deleted.is_(False)).limit(limits.fixed(1)).scalar_subquery())


@dataclass(frozen=True)
class Share:
    """A household's share of one year's income."""

    id: str
    household_id: str
    amount: int  # fen
    note: str
    hh_no: str | None = None
    head: str | None = None


@dataclass(frozen=True)
class Income:
    id: str
    year: int
    income: int  # fen
    note: str
    shares: tuple[Share, ...] = ()

    @property
    def distributed(self) -> int:
        return sum(s.amount for s in self.shares)

    @property
    def retained(self) -> int:
        """What stays with the collective (村集体留存)."""
        return self.income - self.distributed


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    date: dt.date
    reason: str
    owner_before: str | None
    owner_after: str | None
    owner_before_name: str
    owner_after_name: str
    manager_before: str
    manager_after: str
    state_before: str
    state_after: str
    recorded_by_name: str | None
    signoff_id: str | None


@dataclass(frozen=True)
class AssetView:
    """One asset as stored, with its project's name and status, incomes (by year) and changes (by date)."""

    id: str
    project_id: str
    project_name: str
    project_status: str
    village_id: str
    area_name: str
    kind: str
    name: str
    value: int
    location: str
    owner_household_id: str | None
    owner_name: str  # 村集体, or 户编号 and 户主
    manager: str
    state: str
    recorded_on: dt.date
    note: str
    incomes: tuple[Income, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def income_total(self) -> int:
        return sum(i.income for i in self.incomes)

    @property
    def distributed_total(self) -> int:
        return sum(i.distributed for i in self.incomes)

    def income_of(self, year: int) -> Income | None:
        return next((i for i in self.incomes if i.year == year), None)

    @property
    def last_change(self) -> dt.date | None:
        return self.events[-1].date if self.events else None

    @property
    def final_year(self) -> int | None:
        """The year the asset left the ledger (disposed or transferred away), None while it is on it."""
        return next((e.date.year for e in self.events if e.state_after in FINAL_STATES), None)


def owner_words(hh_no: str | None, head: str | None, household_id: str | None) -> str:
    if household_id is None:
        return "村集体"
    return " ".join(x for x in (hh_no or household_id[:8], head or "") if x)


def _owner_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = conn.execute(select(_H.c.id, _H.c.hh_no, _head(_H.c.id).label("head")).where(_H.c.id.in_(sorted(ids))))
    return {r.id: owner_words(r.hh_no, r.head, r.id) for r in rows}


def get(db: Database, asset_id: str) -> AssetView:
    """The asset whole; raises LookupError naming it when there is none."""
    with db.read() as conn:
        return read(conn, asset_id)


def read(conn: Connection, asset_id: str) -> AssetView:
    row = conn.execute(select(_AS, _P.c.name.label("project_name"), _P.c.status.label("project_status"),
                              _A.c.name.label("area_name"))
                       .select_from(_AS.join(_P, _P.c.id == _AS.c.project_id)
                                    .outerjoin(_A, _A.c.id == _AS.c.village_id))
                       .where(_AS.c.id == asset_id, _AS.c.deleted.is_(False))).mappings().first()
    if row is None:
        raise LookupError(f"资产 {asset_id} 不存在")
    shares: dict[str, list[Share]] = {}
    for r in conn.execute(select(_DI.c.id, _DI.c.income_id, _DI.c.household_id, _DI.c.amount, _DI.c.note,
                                 _H.c.hh_no, _head(_DI.c.household_id).label("head"))
                          .select_from(_DI.outerjoin(_H, _H.c.id == _DI.c.household_id))
                          .where(_DI.c.asset_id == asset_id, _DI.c.deleted.is_(False))
                          .order_by(_H.c.hh_no, _DI.c.household_id)):
        shares.setdefault(r.income_id, []).append(Share(r.id, r.household_id, int(r.amount), r.note or "", r.hh_no,
                                                        r.head))
    incomes = tuple(Income(r.id, int(r.year), int(r.income), r.note or "", tuple(shares.get(r.id, ())))
                    for r in conn.execute(select(_IN).where(_IN.c.asset_id == asset_id, _IN.c.deleted.is_(False))
                                          .order_by(_IN.c.year)))
    event_rows = conn.execute(select(_EV).where(_EV.c.asset_id == asset_id, _EV.c.deleted.is_(False))
                              .order_by(_EV.c.date, _EV.c.id)).all()
    owners = {row["owner_household_id"]} | {r.owner_before for r in event_rows} | {r.owner_after for r in event_rows}
    names = _owner_names(conn, {o for o in owners if o})

    def named(household_id: str | None) -> str:
        return "村集体" if household_id is None else names.get(household_id, household_id[:8])

    events = tuple(Event(r.id, r.kind, r.date, r.reason, r.owner_before, r.owner_after, named(r.owner_before),
                         named(r.owner_after), r.manager_before or "", r.manager_after or "", r.state_before,
                         r.state_after, r.recorded_by_name, r.signoff_id) for r in event_rows)
    return AssetView(
        id=row["id"], project_id=row["project_id"], project_name=row["project_name"],
        project_status=row["project_status"], village_id=row["village_id"], area_name=row["area_name"] or "",
        kind=row["kind"], name=row["name"], value=int(row["value"]), location=row["location"] or "",
        owner_household_id=row["owner_household_id"], owner_name=named(row["owner_household_id"]),
        manager=row["manager"] or "", state=row["state"], recorded_on=row["recorded_on"], note=row["note"] or "",
        incomes=incomes, events=events)


def of_project(db: Database, project_id: str) -> list[AssetView]:
    with db.read() as conn:
        ids = conn.execute(select(_AS.c.id).where(_AS.c.project_id == project_id, _AS.c.deleted.is_(False))
                           .order_by(_AS.c.recorded_on, _AS.c.name, _AS.c.id)).scalars().all()
        return [read(conn, i) for i in ids]


# -- the ledger -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetLine:
    """An asset in the ledger (资产台账): the figures a table shows; income and distributed summed over the years."""

    id: str
    area_name: str
    project_name: str
    kind: str
    name: str
    value: int
    location: str
    owner_name: str
    manager: str
    state: str
    recorded_on: dt.date
    income: int
    distributed: int


@dataclass(frozen=True)
class Filter:
    """Which assets a ledger shows: areas (villages or towns; None: all), one kind, one state, one project."""

    area_ids: tuple[str, ...] | None = None
    kind: str | None = None
    state: str | None = None
    project_id: str | None = None


def _ledger_query(f: Filter) -> Select[Any]:
    income = (select(func.coalesce(func.sum(_IN.c.income), 0))
              .where(_IN.c.asset_id == _AS.c.id, _IN.c.deleted.is_(False)).scalar_subquery())
    shared = (select(func.coalesce(func.sum(_DI.c.amount), 0))
              .where(_DI.c.asset_id == _AS.c.id, _DI.c.deleted.is_(False)).scalar_subquery())
    query = (select(_AS.c.id, _A.c.name.label("area_name"), _P.c.name.label("project_name"), _AS.c.kind,
                    _AS.c.name, _AS.c.value, _AS.c.location, _AS.c.owner_household_id, _H.c.hh_no,
                    _head(_AS.c.owner_household_id).label("head"), _AS.c.manager, _AS.c.state, _AS.c.recorded_on,
                    income.label("income"), shared.label("shared"))
             .select_from(_AS.join(_P, _P.c.id == _AS.c.project_id).outerjoin(_A, _A.c.id == _AS.c.village_id)
                          .outerjoin(_H, _H.c.id == _AS.c.owner_household_id))
             .where(_AS.c.deleted.is_(False)))
    return _filtered(query, f)


def _filtered(query: Select[Any], f: Filter) -> Select[Any]:
    if f.area_ids is not None:
        query = query.where(_AS.c.village_id.in_(f.area_ids) | _P.c.town_id.in_(f.area_ids))
    if f.kind is not None:
        query = query.where(_AS.c.kind == f.kind)
    if f.state is not None:
        query = query.where(_AS.c.state == f.state)
    if f.project_id is not None:
        query = query.where(_AS.c.project_id == f.project_id)
    return query


def count(db: Database, f: Filter = Filter()) -> int:
    query = _filtered(select(func.count()).select_from(_AS.join(_P, _P.c.id == _AS.c.project_id))
                      .where(_AS.c.deleted.is_(False)), f)
    with db.read() as conn:
        return int(conn.execute(query).scalar_one())


def ledger(db: Database, f: Filter = Filter(), *, offset: int = 0, limit: int | None = None) -> list[AssetLine]:
    """The ledger's lines by village, kind, name; ``offset``/``limit`` page it in SQL."""
    query = _ledger_query(f).order_by(_A.c.name, _AS.c.kind, _AS.c.name, _AS.c.id)
    if limit is not None:
        query = query.limit(limits.fixed(limit))
    if offset:  # without a limit SQLAlchemy would bind SQLite's "LIMIT -1" for it (see fieldapp.store.limits)
        query = query.offset(offset)
    with db.read() as conn:
        rows = conn.execute(query).all()
    return [AssetLine(r.id, r.area_name or "", r.project_name, r.kind, r.name, int(r.value), r.location or "",
                      owner_words(r.hh_no, r.head, r.owner_household_id), r.manager or "", r.state, r.recorded_on,
                      int(r.income), int(r.shared)) for r in rows]


@dataclass(frozen=True)
class YearIncome:
    """One asset's income of one year in the ledger (收益分配 by year)."""

    asset_id: str
    asset_name: str
    area_name: str
    year: int
    income: int
    distributed: int
    households: int


def incomes(db: Database, f: Filter = Filter()) -> list[YearIncome]:
    """Every income of the filtered assets with what was distributed from it and to how many households."""
    shared = (select(func.coalesce(func.sum(_DI.c.amount), 0))
              .where(_DI.c.income_id == _IN.c.id, _DI.c.deleted.is_(False)).scalar_subquery())
    many = (select(func.count()).where(_DI.c.income_id == _IN.c.id, _DI.c.deleted.is_(False)).scalar_subquery())
    query = _filtered(select(_AS.c.id, _AS.c.name, _A.c.name.label("area_name"), _IN.c.year, _IN.c.income,
                             shared.label("shared"), many.label("many"))
                      .select_from(_IN.join(_AS, _AS.c.id == _IN.c.asset_id).join(_P, _P.c.id == _AS.c.project_id)
                                   .outerjoin(_A, _A.c.id == _AS.c.village_id))
                      .where(_IN.c.deleted.is_(False), _AS.c.deleted.is_(False)), f)
    with db.read() as conn:
        rows = conn.execute(query.order_by(_A.c.name, _AS.c.name, _AS.c.id, _IN.c.year)).all()
    return [YearIncome(r.id, r.name, r.area_name or "", int(r.year), int(r.income), int(r.shared), int(r.many))
            for r in rows]


# -- a household's shares -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdShare:
    """What a household received from an asset's income in a year (its record's 资产收益 section)."""

    year: int
    asset_id: str
    asset_name: str
    asset_kind: str
    project_name: str
    amount: int  # fen
    note: str


def household_shares(db: Database, household_id: str) -> list[HouseholdShare]:
    """The household's shares of assets' income, by year then asset name."""
    with db.read() as conn:
        rows = conn.execute(select(_DI.c.year, _AS.c.id, _AS.c.name, _AS.c.kind, _P.c.name.label("project_name"),
                                   _DI.c.amount, _DI.c.note)
                            .select_from(_DI.join(_AS, _AS.c.id == _DI.c.asset_id)
                                         .join(_P, _P.c.id == _AS.c.project_id))
                            .where(_DI.c.household_id == household_id, _DI.c.deleted.is_(False))
                            .order_by(_DI.c.year, _AS.c.name, _AS.c.id)).all()
    return [HouseholdShare(int(r.year), r.id, r.name, r.kind, r.project_name, int(r.amount), r.note or "")
            for r in rows]


def household_totals(shares: list[HouseholdShare]) -> dict[int, int]:
    """Per year, the household's total from assets (fen)."""
    found: dict[int, int] = {}
    for s in shares:
        found[s.year] = found.get(s.year, 0) + s.amount
    return found


@dataclass(frozen=True)
class ShareLine:
    """One household's share in the ledger's distribution list."""

    asset_name: str
    area_name: str
    year: int
    hh_no: str | None
    head: str | None
    amount: int


def shares(db: Database, f: Filter = Filter()) -> list[ShareLine]:
    """Every share of the filtered assets' incomes, by village, asset, year and 户编号."""
    query = _filtered(select(_AS.c.name, _A.c.name.label("area_name"), _DI.c.year, _H.c.hh_no,
                             _head(_DI.c.household_id).label("head"), _DI.c.amount)
                      .select_from(_DI.join(_AS, _AS.c.id == _DI.c.asset_id).join(_P, _P.c.id == _AS.c.project_id)
                                   .outerjoin(_A, _A.c.id == _AS.c.village_id)
                                   .outerjoin(_H, _H.c.id == _DI.c.household_id))
                      .where(_DI.c.deleted.is_(False), _AS.c.deleted.is_(False)), f)
    with db.read() as conn:
        rows = conn.execute(query.order_by(_A.c.name, _AS.c.name, _AS.c.id, _DI.c.year, _H.c.hh_no)).all()
    return [ShareLine(r.name, r.area_name or "", int(r.year), r.hh_no, r.head, int(r.amount)) for r in rows]


def events(db: Database, f: Filter = Filter()) -> list[tuple[AssetLine, Event]]:
    """Every change of the filtered assets with its asset's line, by village, asset and date."""
    lines = {line.id: line for line in ledger(db, f)}
    query = _filtered(select(_EV.c.asset_id).select_from(_EV.join(_AS, _AS.c.id == _EV.c.asset_id)
                                                         .join(_P, _P.c.id == _AS.c.project_id))
                      .where(_EV.c.deleted.is_(False)), f).distinct()
    with db.read() as conn:
        ids: set[str] = {str(i) for i in conn.execute(query).scalars()}
        found = [(lines[i], e) for i in lines if i in ids for e in read(conn, i).events]
    return found


@dataclass(frozen=True)
class HouseholdChoice:
    id: str
    words: str  # 户编号 户主


def households_of(db: Database, area_id: str) -> list[HouseholdChoice]:
    """The households of a village (or of every village of a town), by 户编号: whom an asset may go to."""
    with db.read() as conn:
        rows = conn.execute(select(_H.c.id, _H.c.hh_no, _head(_H.c.id).label("head"))
                            .select_from(_H.outerjoin(_A, _A.c.id == _H.c.village_id))
                            .where(_H.c.deleted.is_(False), (_H.c.village_id == area_id) | (_A.c.parent_id == area_id))
                            .order_by(_H.c.hh_no, _H.c.id)).all()
    return [HouseholdChoice(r.id, owner_words(r.hh_no, r.head, r.id)) for r in rows]


def accepted_projects(db: Database) -> list[tuple[str, str]]:
    """(id, “村 项目名称”) of every accepted project: those that may make assets."""
    with db.read() as conn:
        rows = conn.execute(select(_P.c.id, _P.c.name, _A.c.name.label("area_name"))
                            .select_from(_P.outerjoin(_A, _A.c.id == _P.c.village_id))
                            .where(_P.c.status == "accepted", _P.c.deleted.is_(False))
                            .order_by(_A.c.name, _P.c.name)).all()
    return [(r.id, f"{r.area_name or ''} {r.name}".strip()) for r in rows]
