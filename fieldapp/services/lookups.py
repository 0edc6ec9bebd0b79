"""Small reads the front ends need: names, choices and summaries, as typed records.

Widgets call these with the database handle and never hold a connection or write SQL
themselves; each function is one read snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Table, func, or_, select

from fieldapp.domain import visits as visit_rules
from fieldapp.domain import workflow as flow_rules
from fieldapp.services import attendance, register, workbench
from fieldapp.store import batch, derived, limits
from fieldapp.store.db import Database
from fieldapp.store.models import (
    SYNCED_MODELS,
    Area,
    Cadre,
    Household,
    HouseholdListRow,
    Measure,
    Person,
    Visit,
    VisitCadre,
)
from fieldapp.sync import state

_A: Table = Area.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_ME: Table = Measure.__table__  # type: ignore[assignment]
_VC: Table = VisitCadre.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class CadreInfo:
    id: str
    name: str
    unit: str | None
    phone: str | None
    deleted: bool


@dataclass(frozen=True)
class HouseholdSummary:
    """What the list projection says about one household: enough to name it."""

    household_id: str
    head_name: str | None
    hh_no: str | None
    group_no: int | None
    village_id: str | None


@dataclass(frozen=True)
class HouseholdFacts:
    """A live household's village, 首次识别时间 and insert clock (what a visit form checks against)."""

    village_id: str
    identified_on: dt.date | None
    row_hlc: int


@dataclass(frozen=True)
class MeasureChoice:
    id: str
    type: str
    content: str
    date: dt.date | None


def cadres(db: Database, *, keep: Sequence[str] = (), removed: bool = False) -> list[CadreInfo]:
    """Live cadres by name (then id), plus those in ``keep`` even if removed, or every cadre if ``removed``."""
    stmt = select(_C.c.id, _C.c.name, _C.c.unit, _C.c.phone, _C.c.deleted)
    if not removed:
        stmt = stmt.where(_C.c.deleted.is_(False) | _C.c.id.in_(list(keep)))
    with db.read() as conn:
        rows = conn.execute(stmt.order_by(_C.c.name, _C.c.id)).all()
    return [CadreInfo(r.id, r.name, r.unit, r.phone, bool(r.deleted)) for r in rows]


@dataclass(frozen=True)
class PersonInfo:
    """A person of the registry, for choosing one."""

    id: str
    name: str


def people(db: Database) -> list[PersonInfo]:
    """Everyone in the registry of people (not deleted), by name."""
    p = Person.__table__
    with db.read() as conn:
        return [PersonInfo(r.id, r.name) for r in conn.execute(
            select(p.c.id, p.c.name).where(p.c.deleted.is_(False)).order_by(p.c.name, p.c.id))]


def resolve_cadre(db: Database, text: str) -> str:
    """A cadre by id or by name; raises LookupError when there is none or the name is not unique."""
    c = Cadre.__table__
    wanted = text.strip()
    with db.read() as conn:
        rows = conn.execute(select(c.c.id, c.c.name, c.c.unit).where(
            or_(c.c.id == wanted, c.c.name == wanted), c.c.deleted.is_(False))).all()
    if len(rows) == 1:
        return str(rows[0].id)
    if rows:
        units = "、".join(f"{r.name}（{r.unit or '—'}，{r.id[:8]}）" for r in rows)
        raise LookupError(f"有多位干部名为“{wanted}”：{units}；请改用干部的标识")
    raise LookupError(f"找不到干部“{wanted}”")


def cadre_names(db: Database, ids: Iterable[str]) -> dict[str, str]:
    """Cadre id → name for ``ids`` (removed cadres included: old records name them)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    with db.read() as conn:
        return {r.id: r.name for r in conn.execute(select(_C.c.id, _C.c.name).where(_C.c.id.in_(wanted)))}


def area_name(db: Database, area_id: str) -> str | None:
    with db.read() as conn:
        name = conn.execute(select(_A.c.name).where(_A.c.id == area_id)).scalar()
    return str(name) if name is not None else None


def first_live_ids(db: Database) -> tuple[str | None, str | None]:
    """A live household and a live visit, if any (for showing every window on real data: screenshots)."""
    v: Table = Visit.__table__  # type: ignore[assignment]
    with db.read() as conn:
        household = conn.execute(select(_H.c.id).where(_H.c.deleted.is_(False)).limit(limits.fixed(1))).scalar()
        visit = conn.execute(select(v.c.id).where(v.c.deleted.is_(False)).limit(limits.fixed(1))).scalar()
    return (None if household is None else str(household)), (None if visit is None else str(visit))


def household_summary(db: Database, household_id: str) -> HouseholdSummary | None:
    """The household's row in the list projection, or None if it is not listed (missing or removed)."""
    with db.read() as conn:
        row = conn.execute(select(_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.group_no, _L.c.village_id)
                           .where(_L.c.household_id == household_id)).first()
    return HouseholdSummary(row.household_id, row.head_name, row.hh_no, row.group_no, row.village_id) \
        if row is not None else None


def household_facts(db: Database, household_id: str) -> HouseholdFacts | None:
    with db.read() as conn:
        row = conn.execute(select(_H.c.village_id, _H.c.identified_on, _H.c.row_hlc)
                           .where(_H.c.id == household_id, _H.c.deleted.is_(False))).first()
    return HouseholdFacts(row.village_id, row.identified_on, row.row_hlc) if row is not None else None


def household_measures(db: Database, household_id: str) -> list[MeasureChoice]:
    """The household's live measures, newest first."""
    with db.read() as conn:
        rows = conn.execute(select(_ME.c.id, _ME.c.type, _ME.c.content, _ME.c.date)
                            .where(_ME.c.household_id == household_id, _ME.c.deleted.is_(False))
                            .order_by(_ME.c.date.desc(), _ME.c.id)).all()
    return [MeasureChoice(r.id, r.type, r.content, r.date) for r in rows]


def visit_date_range(db: Database, cadre_id: str) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) date of the cadre's live visits, or (None, None)."""
    with db.read() as conn:
        first, last = conn.execute(select(func.min(_VC.c.date), func.max(_VC.c.date))
                                   .where(_VC.c.cadre_id == cadre_id, _VC.c.deleted.is_(False))).one()
    return first, last


@dataclass(frozen=True)
class ReviewNames:
    """What the sync review needs to name things for a person."""

    heads: dict[str, str]  # household id → 户主 name
    names: dict[str, str]  # village / cadre / member id → name
    users: dict[tuple[str, str, str, int], str]  # (tbl, row, origin, hlc) → user name of that change


def review_names(db: Database, households: Iterable[str], refs: Iterable[str],
                 changed_rows: dict[str, set[str]]) -> ReviewNames:
    """The 户主 of ``households``, the names of the villages, cadres and members in ``refs``, and who made
    each logged change to ``changed_rows`` (table → row ids)."""
    heads: dict[str, str] = {}
    names: dict[str, str] = {}
    users: dict[tuple[str, str, str, int], str] = {}
    refs = set(refs)
    with db.read() as conn:
        for hid, head in batch.rows_in(conn, "SELECT household_id, head_name FROM household_list "
                                          "WHERE household_id IN ({marks})", set(households)):
            if head:
                heads[hid] = head
        for table in ("area", "cadre", "member"):
            for rid, name in batch.rows_in(conn, f"SELECT id, name FROM {table} WHERE id IN ({{marks}})", refs):
                names[rid] = name
        for tbl, ids in changed_rows.items():
            for row_id, origin, hlc, user in batch.rows_in(
                    conn, "SELECT row_id, origin, hlc, user_name FROM change_log "
                          "WHERE tbl = ? AND row_id IN ({marks}) AND user_name IS NOT NULL", ids, (tbl,)):
                users[(tbl, row_id, origin, int(hlc))] = user
    return ReviewNames(heads, names, users)


def synced_columns(table: str) -> dict[str, int]:
    """A synced table's columns in their declared order (the order of the editor's forms)."""
    for model in SYNCED_MODELS:
        if model.__tablename__ == table:  # type: ignore[attr-defined]
            return {c.name: i for i, c in enumerate(model.__table__.columns)}  # type: ignore[attr-defined]
    return {}


def peers(db: Database) -> list[state.Peer]:
    """The sync peers this replica knows, by name."""
    with db.read() as conn:
        return state.peers(conn)


def peer(db: Database, device_id: str) -> state.Peer | None:
    with db.read() as conn:
        return state.peer(conn, device_id)


def unsynced_count(db: Database, device_id: str, district_id: str | None) -> int:
    """This device's changes the district lacks (:func:`fieldapp.services.workbench.unsynced_changes`)."""
    with db.read() as conn:
        return workbench.unsynced_changes(conn, device_id, district_id)


def duplicate_id_problems(db: Database, household_id: str | None,
                          id_numbers: Sequence[str | None]) -> dict[str, str]:
    """Problems for the members whose ID number (in member order; None = none) another household holds."""
    with db.read() as conn:
        return register.duplicate_id_problems(conn, household_id, [{"id_no": n} for n in id_numbers])


@dataclass(frozen=True)
class AttendanceTables:
    compliance: list[attendance.ComplianceRow]
    leaders: list[attendance.LeaderRow]
    late: list[attendance.LateCheckIn]


def attendance_tables(db: Database, year: int, today: dt.date, *,
                      late_after: int = visit_rules.LATE_CHECKIN_DAYS) -> AttendanceTables:
    """The 考勤 page's tables for ``year``, read in one snapshot: compliance, unit leaders, late check-ins
    still waiting for a confirmation."""
    with db.read() as conn:
        return AttendanceTables(attendance.compliance_table(conn, year, today=today, late_after=late_after),
                                attendance.leader_table(conn, year, today=today),
                                attendance.late_checkins(conn, late_after=late_after))


def household_standing(db: Database, household_id: str) -> flow_rules.Standing | None:
    """Where the household stands (exit status and year derived from its workflows, the open workflow and
    step), as the household list shows it; None for a household not in the list (deleted, or not saved)."""
    with db.read() as conn:
        return derived.standings(conn, [household_id]).get(household_id)
