"""The workbench (工作台), the home screen: what needs the signed-in cadre's attention today.

Lists, each limited (``limit`` rows plus a ``more`` flag) and computed from indexed
queries on the household list projection, ``follow_up`` and ``change_log``:

- my paired households (``household.cadre_id``);
- households not visited in N days (setting ``not_visited_days``; ``household_list.last_visit``);
- follow-ups due within a few days, and overdue ones;
- households with an unmet 两不愁三保障 / drinking-water indicator;
- households whose per-person income of their latest year is below that year's monitoring line
  (reference data; a year without a line is reported, not guessed);
- monitoring candidates (建议纳入监测): income at or below that line, not monitored already and with no
  workflow running (their workflows read in bulk), for a monitoring workflow to be started;
- spot-check rectifications (整改) the cadre has to do, or that wait for the reviewer's confirmation;
- the number of changes made here and not yet synced.

Scope: the households paired with a cadre, or — with no cadre — every household in
this laptop's villages. Each entry carries the id of the record it names
(household, follow-up and its visit) so the GUI can open it.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    BigInteger,
    Connection,
    Date,
    Integer,
    String,
    Table,
    and_,
    bindparam,
    exists,
    false,
    func,
    or_,
    select,
    type_coerce,
    union,
)

from fieldapp.domain import workflow as flows
from fieldapp.services import thresholds
from fieldapp.services.context import AppContext
from fieldapp.services.spotcheck import rectify
from fieldapp.services.workflow import store as wf_store
from fieldapp.store import limits
from fieldapp.store.models import ChangeLog, FollowUp, HouseholdListRow, Indicator, Visit, VisitCadre
from fieldapp.sync import state

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


@dataclass(frozen=True)
class MonitoringCandidate:
    """A household the workbench proposes for monitoring (防返贫监测): income at or below the year's line."""

    household_id: str
    head_name: str | None
    hh_no: str | None
    village_id: str
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
    lines: dict[int, int] = field(default_factory=dict)  # the monitoring line (fen) of each income year shown
    households: int = 0  # households of the laptop's villages in the register (none: say how to add some)
    #: open spot-check rectifications (整改), deadline first: to do, or reported and awaiting confirmation
    rectifications: WorkList[rectify.RectificationView] = field(default_factory=lambda: WorkList(()))
    #: households at or below the monitoring line, not monitored and with no workflow running, lowest first
    monitoring: WorkList[MonitoringCandidate] = field(default_factory=lambda: WorkList(()))


def load_workbench(ctx: AppContext, *, today: dt.date | None = None, limit: int = 50,
                   cadre_id: str | None = None) -> Workbench:
    """The workbench of ``cadre_id`` (default: the signed-in cadre; none: the laptop's villages)."""
    today = today or dt.date.today()
    scope = Scope(cadre_id or ctx.cadre_id or None, tuple(ctx.settings["village_ids"]))
    days = int(ctx.settings["not_visited_days"])
    device = ctx.identity.device_id if ctx.identity is not None else ""
    lines, missing = monitoring_lines(ctx, scope)
    with ctx.db.read() as conn:
        board = Workbench(
            scope=scope, today=today, not_visited_days=days,
            my_households=my_households(conn, scope.cadre_id, limit=limit),
            not_visited=not_visited(conn, scope, today - dt.timedelta(days=days), limit=limit),
            follow_ups=follow_ups_due(conn, scope, today, limit=limit),
            unmet_indicators=unmet_indicators(conn, scope, limit=limit),
            below_line=below_line(conn, scope, lines, limit=limit),
            years_without_line=missing,
            unsynced=unsynced_changes(conn, device, str(ctx.settings["server_device_id"] or "") or None),
            lines=lines,
            households=int(conn.execute(select(func.count()).select_from(_L).where(
                _L.c.village_id.in_(scope.village_ids))).scalar() or 0),
        )
    board.rectifications = open_rectifications(ctx, scope, today, limit=limit)
    board.monitoring = monitoring_candidates(ctx, scope, lines, limit=limit)
    for year in missing:
        board.notes.append(f"参考数据中没有 {year} 年的监测线，未能判断该年度收入是否低于监测线")
    return board


def monitoring_lines(ctx: AppContext, scope: Scope) -> tuple[dict[int, int], tuple[int, ...]]:
    """The monitoring line (fen) of each latest income year of the scope's households, and the years without
    one in the reference data (reported, never guessed)."""
    with ctx.db.read() as conn:
        years = income_years(conn, scope)
    lines: dict[int, int] = {}
    for year in years:
        found = thresholds.threshold_for(ctx.db, MONITORING_KIND, year, ctx.settings["district_code"])
        if found is not None:
            lines[year] = found.amount
    return lines, tuple(y for y in years if y not in lines)


# ---------------------------------------------------------------- the lists


def open_rectifications(ctx: AppContext, scope: Scope, today: dt.date, *,
                        limit: int = 50) -> WorkList[rectify.RectificationView]:
    """Rectifications not yet confirmed: the cadre's own, or (no cadre) those of the laptop's villages."""
    if scope.cadre_id:
        found = rectify.rectifications(ctx.db, cadre_id=scope.cadre_id, open_only=True, today=today)
    else:
        found = rectify.rectifications(ctx.db, village_ids=scope.village_ids, open_only=True, today=today)
    rows, more = _limited(found, limit)
    return WorkList(tuple(rows), more)


def _limited(rows: Sequence[Any], limit: int) -> tuple[Sequence[Any], bool]:
    return rows[:limit], len(rows) > limit


def _household(r: Any) -> HouseholdEntry:
    return HouseholdEntry(r.household_id, r.head_name, r.hh_no, r.village_id, r.group_no, r.last_visit)


_HL_COLUMNS = (_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.village_id, _L.c.group_no, _L.c.last_visit)

# The lists run on every refresh of the home screen. Their statements are built once per kind of
# scope and limit with bound parameters (:func:`functools.cache`), so a refresh costs little more than its SQL:
# building and compiling a statement anew took longer than running it. The limit (one more than shown) is
# written into the SQL (:func:`fieldapp.store.limits.fixed`): a bound one makes SQLCipher's SQLite prepare the
# statement again on every run.


def _scope_params(scope: Scope) -> tuple[str, dict[str, Any]]:
    """The kind of scope (``cadre``, ``village`` or ``none``) and its parameters."""
    if scope.cadre_id:
        return "cadre", {"scope_cadre": scope.cadre_id}
    if scope.village_ids:
        return "village", {"scope_villages": list(scope.village_ids)}
    return "none", {}


def _scope_clause(kind: str) -> Any:
    """The WHERE clause on household_list of a kind of scope (cf. :meth:`Scope.households`)."""
    if kind == "cadre":
        return _L.c.cadre_id == bindparam("scope_cadre", type_=String())
    if kind == "village":
        return _L.c.village_id.in_(bindparam("scope_villages", expanding=True))
    return false()


def my_households(conn: Connection, cadre_id: str | None, *, after: str | None = None,
                  limit: int = 50) -> WorkList[HouseholdEntry]:
    """Households paired with the cadre, in household-id (creation) order; page on with ``after``."""
    if not cadre_id:
        return WorkList(())
    params = {"cadre_id": cadre_id, "after": after}
    rows, more = _limited(conn.execute(_my_households_statement(after is not None, limit + 1), params).all(), limit)
    return WorkList(tuple(_household(r) for r in rows), more)


@functools.cache
def _my_households_statement(paged: bool, limit: int) -> Any:
    stmt = select(*_HL_COLUMNS).where(_L.c.cadre_id == bindparam("cadre_id", type_=String()))
    if paged:
        stmt = stmt.where(_L.c.household_id > bindparam("after", type_=String()))
    return stmt.order_by(_L.c.household_id).limit(limits.fixed(limit))


def not_visited(conn: Connection, scope: Scope, cutoff: dt.date, *, limit: int = 50) -> WorkList[HouseholdEntry]:
    """Households last visited before ``cutoff`` or never; never-visited first, then the longest ago."""
    kind, params = _scope_params(scope)
    found = conn.execute(_not_visited_statement(kind, limit + 1), {**params, "cutoff": cutoff}).all()
    rows, more = _limited(found, limit)
    return WorkList(tuple(_household(r) for r in rows), more)


@functools.cache
def _not_visited_statement(kind: str, limit: int) -> Any:
    cutoff = bindparam("cutoff", type_=Date())
    return (select(*_HL_COLUMNS)
            .where(_scope_clause(kind), or_(_L.c.last_visit.is_(None), _L.c.last_visit < cutoff))
            .order_by(_L.c.last_visit, _L.c.household_id).limit(limits.fixed(limit)))


def _follow_up_scope(scope: Scope) -> Any:
    """Village scope: follow-ups of visits in the laptop's villages (cadre scope: _my_follow_ups_statement)."""
    return exists().where(_V.c.id == _F.c.visit_id, _V.c.village_id.in_(scope.village_ids))


_FOLLOW_UP_COLUMNS = (_F.c.id, _F.c.visit_id, _F.c.household_id, _F.c.text, _F.c.due_date, _L.c.head_name)


@functools.cache
def _my_follow_ups_statement(limit: int) -> Any:
    """Open follow-ups due by ``:horizon`` on the cadre's visits or about their paired households.

    Driven from the cadre's own rows (``ix_visit_cadre_cadre`` → ``ix_follow_up_visit``, and
    ``ix_hl_cadre`` → ``ix_follow_up_household``), so the cost grows with the cadre's work, not with
    the register: walking ``ix_follow_up_open`` instead visits every open follow-up of every cadre
    (160 ms against 2 ms on a 100,000-household register). ``ifnull(done_on, '') = ''`` rather than
    ``done_on IS NULL`` keeps SQLite's planner from choosing that index. Built once per limit (bound
    parameters ``cadre_id``, ``horizon``): it is run on every refresh of the workbench.
    """
    cadre_id = bindparam("cadre_id", type_=String())
    horizon = bindparam("horizon", type_=Date())
    open_due = and_(func.ifnull(type_coerce(_F.c.done_on, String()), "") == "", _F.c.due_date <= horizon,
                    _F.c.deleted.is_(False))
    on_my_visits = (select(_F.c.id).select_from(_VC.join(_F, _F.c.visit_id == _VC.c.visit_id))
                    .where(_VC.c.cadre_id == cadre_id, _VC.c.deleted.is_(False), open_due))
    paired = _L.alias("paired")
    on_my_households = (select(_F.c.id).select_from(paired.join(_F, _F.c.household_id == paired.c.household_id))
                        .where(paired.c.cadre_id == cadre_id, open_due))
    return (select(*_FOLLOW_UP_COLUMNS).select_from(_F.outerjoin(_L, _L.c.household_id == _F.c.household_id))
            .where(_F.c.id.in_(union(on_my_visits, on_my_households)))
            .order_by(_F.c.due_date, _F.c.id).limit(limits.fixed(limit)))


def follow_ups_due(conn: Connection, scope: Scope, today: dt.date, *, horizon_days: int = FOLLOW_UP_HORIZON_DAYS,
                   limit: int = 50) -> WorkList[FollowUpEntry]:
    """Open follow-ups due by ``today + horizon_days``, earliest first; ``overdue`` when due before today.

    In cadre scope: follow-ups of visits the cadre took part in, or about households paired with them,
    found from the cadre's side (see :func:`_my_follow_ups_statement`); in village scope on
    ``ix_follow_up_open`` (done_on, due_date).
    """
    horizon = today + dt.timedelta(days=horizon_days)
    if scope.cadre_id:
        found = conn.execute(_my_follow_ups_statement(limit + 1),
                             {"cadre_id": scope.cadre_id, "horizon": horizon}).all()
    else:
        found = conn.execute(
            select(*_FOLLOW_UP_COLUMNS).select_from(_F.outerjoin(_L, _L.c.household_id == _F.c.household_id))
            .where(_F.c.done_on.is_(None), _F.c.due_date <= horizon, _F.c.deleted.is_(False),
                   _follow_up_scope(scope))
            .order_by(_F.c.due_date, _F.c.id).limit(limits.fixed(limit + 1))).all()
    rows, more = _limited(found, limit)
    return WorkList(tuple(FollowUpEntry(r.id, r.visit_id, r.household_id, r.head_name, r.text, r.due_date,
                                        r.due_date < today) for r in rows), more)


def unmet_indicators(conn: Connection, scope: Scope, *, limit: int = 50) -> WorkList[IndicatorEntry]:
    """Households with at least one indicator answered "not met" (met = false), with those codes."""
    kind, params = _scope_params(scope)
    rows, more = _limited(conn.execute(_unmet_statement(kind, limit + 1), params).all(), limit)
    codes: dict[str, list[str]] = {}
    if rows:
        for r in conn.execute(_unmet_codes_statement(), {"ids": [r.household_id for r in rows]}):
            codes.setdefault(r.household_id, []).append(r.code)
    return WorkList(tuple(IndicatorEntry(r.household_id, r.head_name, r.hh_no, tuple(codes.get(r.household_id, ())))
                          for r in rows), more)


@functools.cache
def _unmet_statement(kind: str, limit: int) -> Any:
    unmet = exists().where(_I.c.household_id == _L.c.household_id, _I.c.met.is_(False), _I.c.deleted.is_(False))
    return (select(_L.c.household_id, _L.c.head_name, _L.c.hh_no).where(_scope_clause(kind), unmet)
            .order_by(*_scope_order_of(kind)).limit(limits.fixed(limit)))


@functools.cache
def _unmet_codes_statement() -> Any:
    return (select(_I.c.household_id, _I.c.code)
            .where(_I.c.household_id.in_(bindparam("ids", expanding=True)), _I.c.met.is_(False),
                   _I.c.deleted.is_(False)).order_by(_I.c.code))


def income_years(conn: Connection, scope: Scope) -> list[int]:
    """The distinct latest income years among the scope's households (which lines are needed)."""
    kind, params = _scope_params(scope)
    return sorted(int(r[0]) for r in conn.execute(_income_years_statement(kind), params))


@functools.cache
def _income_years_statement(kind: str) -> Any:
    return select(_L.c.income_year).distinct().where(_scope_clause(kind), _L.c.income_year.is_not(None))


def below_line(conn: Connection, scope: Scope, lines: Mapping[int, int], *,
               limit: int = 50) -> WorkList[IncomeEntry]:
    """Households whose latest-year per-person income is below ``lines[year]`` (fen), lowest first."""
    if not lines:
        return WorkList(())
    kind, params = _scope_params(scope)
    for i, (year, amount) in enumerate(lines.items()):
        params.update({f"year{i}": year, f"line{i}": amount})
    found = conn.execute(_below_line_statement(kind, len(lines), limit + 1), params).all()
    rows, more = _limited(found, limit)
    return WorkList(tuple(IncomeEntry(r.household_id, r.head_name, r.hh_no, r.income_year, r.per_person_income,
                                      lines[r.income_year]) for r in rows), more)


@functools.cache
def _below_line_statement(kind: str, years: int, limit: int) -> Any:
    below = or_(*(and_(_L.c.income_year == bindparam(f"year{i}", type_=Integer()),
                       _L.c.per_person_income < bindparam(f"line{i}", type_=BigInteger())) for i in range(years)))
    return (select(_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.income_year, _L.c.per_person_income)
            .where(_scope_clause(kind), _L.c.per_person_income.is_not(None), below)
            .order_by(_L.c.per_person_income, _L.c.household_id).limit(limits.fixed(limit)))


def monitoring_candidates(ctx: AppContext, scope: Scope, lines: Mapping[int, int], *,
                          limit: int = 50) -> WorkList[MonitoringCandidate]:
    """Households whose latest-year per-person income is at or below ``lines[year]`` (fen), lowest first, that
    are not monitored (their last finished monitoring was not followed by a risk elimination) and have no
    workflow running. One query for the incomes, then the workflows of 500 households at a time (never one
    household at a time)."""
    if not lines:
        return WorkList(())
    kind, params = _scope_params(scope)
    for i, (year, amount) in enumerate(lines.items()):
        params.update({f"year{i}": year, f"line{i}": amount})
    with ctx.db.read() as conn:
        rows = conn.execute(_at_or_below_statement(kind, len(lines)), params).all()
    defs = flows.definitions(ctx.ref)
    found: list[MonitoringCandidate] = []
    # the workflows of 500 households at a time, lowest incomes first, until one more than shown is found
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        views = wf_store.workflows_of_households(ctx.db, [r.household_id for r in chunk], defs)
        for r in chunk:
            mine = views.get(r.household_id, [])
            if any(v.state.is_open for v in mine):
                continue
            if flows.is_monitored([v.kind for v in mine if v.state.status == flows.COMPLETED]):
                continue
            found.append(MonitoringCandidate(r.household_id, r.head_name, r.hh_no, r.village_id, r.income_year,
                                             r.per_person_income, lines[r.income_year]))
        if len(found) > limit:
            break
    items, more = _limited(found, limit)
    return WorkList(tuple(items), more)


@functools.cache
def _at_or_below_statement(kind: str, years: int) -> Any:
    at_or_below = or_(*(and_(_L.c.income_year == bindparam(f"year{i}", type_=Integer()),
                             _L.c.per_person_income <= bindparam(f"line{i}", type_=BigInteger()))
                        for i in range(years)))
    return (select(_L.c.household_id, _L.c.head_name, _L.c.hh_no, _L.c.village_id, _L.c.income_year,
                   _L.c.per_person_income)
            .where(_scope_clause(kind), _L.c.per_person_income.is_not(None), at_or_below)
            .order_by(_L.c.per_person_income, _L.c.household_id))


def unsynced_changes(conn: Connection, device_id: str, district_id: str | None = None) -> int:
    """How many changes made on this device the district does not hold yet, as far as we know.

    This device's ``origin_seq`` runs 1, 2, 3… without gaps, so its maximum counts its changes (one
    index seek on ``uq_change_log_origin``); the district's last package said how many of them it
    holds. The district is :func:`fieldapp.sync.state.default_peer` (``district_id``, the enrolled
    server, when registered); without any peer, every change counts.
    """
    if not device_id:
        return 0
    mine = int(conn.execute(_unsynced_statement(), {"device": device_id}).scalar() or 0)
    district = state.default_peer(state.peers(conn), district_id)
    return mine if district is None else max(0, mine - int(district.known.get(device_id, 0)))


@functools.cache
def _unsynced_statement() -> Any:
    return select(func.max(_CL.c.origin_seq)).where(_CL.c.origin == bindparam("device", type_=String()))


def _scope_order_of(kind: str) -> tuple[Any, ...]:
    """An order the scope's index yields directly (no sort of the whole village)."""
    if kind == "cadre":
        return (_L.c.cadre_id, _L.c.household_id)
    return (_L.c.village_id, _L.c.group_no, _L.c.household_id)

