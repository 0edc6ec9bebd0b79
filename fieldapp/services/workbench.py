"""The workbench (工作台), the home screen: what needs the signed-in cadre's attention today.

Lists, each limited (``limit`` rows plus a ``more`` flag) and computed from indexed
queries on the household list projection, ``follow_up`` and ``change_log``:

- my paired households (``household.cadre_id``);
- households not visited in N days (setting ``not_visited_days``; ``household_list.last_visit``);
- follow-ups due within a few days, and overdue ones;
- households with an unmet 两不愁三保障 / drinking-water indicator;
- households whose per-person income of their latest year is below that year's monitoring line
  (reference data; a year without a line is reported, not guessed);
- the number of changes made here and not yet synced.

Scope: the households paired with a cadre, or — with no cadre — every household in
this laptop's villages. Each entry carries the id of the record it names
(household, follow-up and its visit) so the GUI can open it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Table, and_, exists, false, func, or_, select

from fieldapp.services import thresholds
from fieldapp.services.context import AppContext
from fieldapp.store.models import ChangeLog, FollowUp, HouseholdListRow, Indicator, Visit, VisitCadre

log = logging.getLogger("fieldapp.services.workbench")

FOLLOW_UP_HORIZON_DAYS = 3  # follow-ups due within this many days are shown as due
MONITORING_KIND = "monitoring_line"

_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_F: Table = FollowUp.__table__  # type: ignore[assignment]
_I: Table = Indicator.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_VC: Table = VisitCadre.__table__  # type: ignore[assignment]
_CL: Table = ChangeLog.__table__  # type: ignore[assignment]

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """Whose households: those paired with ``cadre_id``, else all in ``village_ids``."""

    cadre_id: str | None
    village_ids: tuple[str, ...] = ()

    def households(self) -> Any:
        """A WHERE clause on household_list."""
        if self.cadre_id:
            return _L.c.cadre_id == self.cadre_id
        return _L.c.village_id.in_(self.village_ids) if self.village_ids else false()


@dataclass(frozen=True)
class WorkList(Generic[T]):
    """The first ``limit`` entries of a list; ``more`` is True when there are further ones."""

    items: tuple[T, ...]
    more: bool = False


@dataclass(frozen=True)
class HouseholdEntry:
    household_id: str
    head_name: str | None
    hh_no: str | None
    village_id: str
    group_no: int | None
    last_visit: dt.date | None


@dataclass(frozen=True)
class FollowUpEntry:
    follow_up_id: str
    visit_id: str
    household_id: str | None
    head_name: str | None
    text: str
    due_date: dt.date
    overdue: bool


@dataclass(frozen=True)
class IndicatorEntry:
    household_id: str
    head_name: str | None
    hh_no: str | None
    unmet: tuple[str, ...]  # indicator codes (refdata "indicator")


@dataclass(frozen=True)
class IncomeEntry:
    household_id: str
    head_name: str | None
    hh_no: str | None
    year: int
    per_person_income: int  # fen
    line: int  # fen, the monitoring line of that year


@dataclass
class Workbench:
    """Everything the home screen shows, computed at ``today``."""

    scope: Scope
    today: dt.date
    not_visited_days: int
    my_households: WorkList[HouseholdEntry]
    not_visited: WorkList[HouseholdEntry]
    follow_ups: WorkList[FollowUpEntry]
    unmet_indicators: WorkList[IndicatorEntry]
    below_line: WorkList[IncomeEntry]
    years_without_line: tuple[int, ...]  # income years for which the reference data has no monitoring line
    unsynced: int
    notes: list[str] = field(default_factory=list)  # user-facing remarks (zh-Hans), e.g. missing lines


def load_workbench(ctx: AppContext, *, today: dt.date | None = None, limit: int = 50,
                   cadre_id: str | None = None) -> Workbench:
    """The workbench of ``cadre_id`` (default: the signed-in cadre; none: the laptop's villages)."""
    today = today or dt.date.today()
    scope = Scope(cadre_id or ctx.settings["cadre_id"] or None, tuple(ctx.settings["village_ids"]))
    days = int(ctx.settings["not_visited_days"])
    device = ctx.identity.device_id if ctx.identity is not None else ""
    with ctx.db.read() as conn:
        years = income_years(conn, scope)
    lines: dict[int, int] = {}
    for year in years:
        found = thresholds.threshold_for(ctx.db, MONITORING_KIND, year, ctx.settings["district_code"])
        if found is not None:
            lines[year] = found.amount
    missing = tuple(y for y in years if y not in lines)
    with ctx.db.read() as conn:
        board = Workbench(
            scope=scope, today=today, not_visited_days=days,
            my_households=my_households(conn, scope.cadre_id, limit=limit),
            not_visited=not_visited(conn, scope, today - dt.timedelta(days=days), limit=limit),
            follow_ups=follow_ups_due(conn, scope, today, limit=limit),
            unmet_indicators=unmet_indicators(conn, scope, limit=limit),
            below_line=below_line(conn, scope, lines, limit=limit),
            years_without_line=missing,
            unsynced=unsynced_changes(conn, device),
        )
    for year in missing:
        board.notes.append(f"参考数据中没有 {year} 年的监测线，未能判断该年度收入是否低于监测线")
    return board


# ---------------------------------------------------------------- the lists


def _limited(rows: Sequence[Any], limit: int) -> tuple[Sequence[Any], bool]:
    return rows[:limit], len(rows) > limit


def _household(r: Any) -> HouseholdEntry:
    return HouseholdEntry(r.household_id, r.head_name, r.hh_no, r.village_id, r.group_no, r.last_visit)


_HL_COLUMNS = (_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.village_id, _L.c.group_no, _L.c.last_visit)


def my_households(conn: Connection, cadre_id: str | None, *, after: str | None = None,
                  limit: int = 50) -> WorkList[HouseholdEntry]:
    """Households paired with the cadre, in household-id (creation) order; page on with ``after``."""
    if not cadre_id:
        return WorkList(())
    stmt = select(*_HL_COLUMNS).where(_L.c.cadre_id == cadre_id)
    if after is not None:
        stmt = stmt.where(_L.c.household_id > after)
    rows, more = _limited(conn.execute(stmt.order_by(_L.c.household_id).limit(limit + 1)).all(), limit)
    return WorkList(tuple(_household(r) for r in rows), more)


def not_visited(conn: Connection, scope: Scope, cutoff: dt.date, *, limit: int = 50) -> WorkList[HouseholdEntry]:
    """Households last visited before ``cutoff`` or never; never-visited first, then the longest ago."""
    stmt = (select(*_HL_COLUMNS)
            .where(scope.households(), or_(_L.c.last_visit.is_(None), _L.c.last_visit < cutoff))
            .order_by(_L.c.last_visit, _L.c.household_id).limit(limit + 1))
    rows, more = _limited(conn.execute(stmt).all(), limit)
    return WorkList(tuple(_household(r) for r in rows), more)


def _follow_up_scope(scope: Scope) -> Any:
    if scope.cadre_id:
        on_my_visit = exists().where(_VC.c.visit_id == _F.c.visit_id, _VC.c.cadre_id == scope.cadre_id,
                                     _VC.c.deleted.is_(False))
        paired = _L.alias("paired")
        my_household = exists().where(paired.c.household_id == _F.c.household_id, paired.c.cadre_id == scope.cadre_id)
        return or_(on_my_visit, my_household)
    return exists().where(_V.c.id == _F.c.visit_id, _V.c.village_id.in_(scope.village_ids))


def follow_ups_due(conn: Connection, scope: Scope, today: dt.date, *, horizon_days: int = FOLLOW_UP_HORIZON_DAYS,
                   limit: int = 50) -> WorkList[FollowUpEntry]:
    """Open follow-ups due by ``today + horizon_days``, earliest first; ``overdue`` when due before today.

    In cadre scope: follow-ups of visits the cadre took part in, or about households paired with them.
    Runs on ``ix_follow_up_open`` (done_on, due_date).
    """
    horizon = today + dt.timedelta(days=horizon_days)
    stmt = (select(_F.c.id, _F.c.visit_id, _F.c.household_id, _F.c.text, _F.c.due_date, _L.c.head_name)
            .select_from(_F.outerjoin(_L, _L.c.household_id == _F.c.household_id))
            .where(_F.c.done_on.is_(None), _F.c.due_date <= horizon, _F.c.deleted.is_(False), _follow_up_scope(scope))
            .order_by(_F.c.due_date, _F.c.id).limit(limit + 1))
    rows, more = _limited(conn.execute(stmt).all(), limit)
    return WorkList(tuple(FollowUpEntry(r.id, r.visit_id, r.household_id, r.head_name, r.text, r.due_date,
                                        r.due_date < today) for r in rows), more)


def unmet_indicators(conn: Connection, scope: Scope, *, limit: int = 50) -> WorkList[IndicatorEntry]:
    """Households with at least one indicator answered "not met" (met = false), with those codes."""
    unmet = exists().where(_I.c.household_id == _L.c.household_id, _I.c.met.is_(False), _I.c.deleted.is_(False))
    stmt = (select(_L.c.household_id, _L.c.head_name, _L.c.hh_no).where(scope.households(), unmet)
            .order_by(*_scope_order(scope)).limit(limit + 1))
    rows, more = _limited(conn.execute(stmt).all(), limit)
    codes: dict[str, list[str]] = {}
    if rows:
        for r in conn.execute(select(_I.c.household_id, _I.c.code)
                              .where(_I.c.household_id.in_([r.household_id for r in rows]), _I.c.met.is_(False),
                                     _I.c.deleted.is_(False)).order_by(_I.c.code)):
            codes.setdefault(r.household_id, []).append(r.code)
    return WorkList(tuple(IndicatorEntry(r.household_id, r.head_name, r.hh_no, tuple(codes.get(r.household_id, ())))
                          for r in rows), more)


def income_years(conn: Connection, scope: Scope) -> list[int]:
    """The distinct latest income years among the scope's households (which lines are needed)."""
    stmt = select(_L.c.income_year).distinct().where(scope.households(), _L.c.income_year.is_not(None))
    return sorted(int(r[0]) for r in conn.execute(stmt))


def below_line(conn: Connection, scope: Scope, lines: Mapping[int, int], *,
               limit: int = 50) -> WorkList[IncomeEntry]:
    """Households whose latest-year per-person income is below ``lines[year]`` (fen), lowest first."""
    if not lines:
        return WorkList(())
    below = or_(*(and_(_L.c.income_year == year, _L.c.per_person_income < amount) for year, amount in lines.items()))
    stmt = (select(_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.income_year, _L.c.per_person_income)
            .where(scope.households(), _L.c.per_person_income.is_not(None), below)
            .order_by(_L.c.per_person_income, _L.c.household_id).limit(limit + 1))
    rows, more = _limited(conn.execute(stmt).all(), limit)
    return WorkList(tuple(IncomeEntry(r.household_id, r.head_name, r.hh_no, r.income_year, r.per_person_income,
                                      lines[r.income_year]) for r in rows), more)


def unsynced_changes(conn: Connection, device_id: str) -> int:
    """How many changes made on this device have not been synced yet.

    Until sync exists (issue 5) that is every change made here: this device's ``origin_seq``
    runs 1, 2, 3… without gaps, so its maximum is the count (one index seek on
    ``uq_change_log_origin``). Issue 5 subtracts the sequence number the server acknowledged.
    """
    if not device_id:
        return 0
    found = conn.execute(select(func.max(_CL.c.origin_seq)).where(_CL.c.origin == device_id)).scalar()
    return int(found or 0)


def _scope_order(scope: Scope) -> tuple[Any, ...]:
    """An order the scope's index yields directly (no sort of the whole village)."""
    if scope.cadre_id:
        return (_L.c.cadre_id, _L.c.household_id)
    return (_L.c.village_id, _L.c.group_no, _L.c.household_id)
