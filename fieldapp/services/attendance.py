"""Attendance (驻村考勤): 在村 check-ins, days in the village, the compliance tables and their export.

Days in the village per cadre per month are derived, never typed: the distinct
dates of the visits the cadre took part in (``visit_cadre``) together with the
dates of explicit check-ins (``checkin``) for days without a visit. A check-in and a
visit on the same day count once; several cadres on one visit each get the day.
The arithmetic is :func:`fieldapp.domain.visits.days_in_village`; the two queries
run on ``ix_visit_cadre_cadre`` and ``ix_checkin_cadre`` (cadre_id, date).

Two tables (speech 3): each resident cadre × month, compliant at ≥ 15 days; each
unit leader's visits this year, compliant at ≥ 3. :func:`export_attendance`
writes both to one .xlsx.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, and_, func, select

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.refdata import RefData
from fieldapp.domain.visits import Month, MonthStatus
from fieldapp.services import xlsx
from fieldapp.services.context import AppContext
from fieldapp.store import limits
from fieldapp.store.models import (
    AttendanceReopen,
    Cadre,
    CheckIn,
    CheckInConfirm,
    Person,
    Signoff,
    Visit,
    VisitCadre,
)

log = logging.getLogger("fieldapp.services.attendance")

RESIDENT_ROLES = ("member", "leader")  # 驻村工作队员/包扶干部, 第一书记/工作队长
UNIT_LEADER_ROLE = "unit_leader"

_VC: Table = VisitCadre.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_K: Table = CheckIn.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
_KC: Table = CheckInConfirm.__table__  # type: ignore[assignment]
_SO: Table = Signoff.__table__  # type: ignore[assignment]
_R: Table = AttendanceReopen.__table__  # type: ignore[assignment]
_P: Table = Person.__table__  # type: ignore[assignment]
MONTH_SUBJECT = "attendance_month"

STATUS_LABELS: dict[str, str] = {"met": "达标", "short": "未达标", "open": "进行中", "future": ""}


@dataclass(frozen=True)
class DayEntry:
    """One day in the village: from visits (how many), a check-in, or both."""

    date: dt.date
    visits: int
    checked_in: bool
    note: str | None = None
    pending: bool = False  # only a late check-in waiting for the leader's confirmation: not counted


@dataclass(frozen=True)
class MonthCell:
    month: Month
    days: int
    status: MonthStatus
    closed: bool = False  # signed off by the team leader and not reopened since


@dataclass(frozen=True)
class ComplianceRow:
    """One cadre's year: days in the village for each of the 12 months."""

    cadre_id: str
    name: str
    unit: str | None
    role: str
    months: tuple[MonthCell, ...]

    @property
    def short_months(self) -> list[Month]:
        return [c.month for c in self.months if c.status == "short"]


@dataclass(frozen=True)
class LeaderRow:
    """A unit leader's year: the visits they signed themselves count; ``unsigned`` ones are shown, not counted."""

    cadre_id: str
    name: str
    unit: str | None
    visits: int
    status: MonthStatus
    unsigned: int = 0


# ---------------------------------------------------------------- check-ins


def checkin(ctx: AppContext, day: dt.date, *, cadre_id: str | None = None, note: str | None = None,
            village_id: str | None = None, today: dt.date | None = None) -> str:
    """Record that the signed-in cadre was in the village on ``day``.

    Only for oneself: ``cadre_id`` may name only the signed-in account's own cadre (the write path
    refuses anybody else's with the permission ``checkin.others``, which no role holds). One check-in
    per cadre and day (natural id): checking in again updates the note/village, never the day it was
    first entered. A check-in entered more than ``late_checkin_days`` after its date is late (补登)
    and counts once the team leader confirms it. ``village_id`` defaults to this laptop's first
    village. Returns the check-in id.
    """
    today = today or dt.date.today()
    cadre_id = cadre_id or ctx.cadre_id
    village_ids = list(ctx.settings["village_ids"])
    village_id = village_id or (village_ids[0] if village_ids else None)
    note = rules.clean_text(note)
    problems = rules.checkin_problems(day, village_id, village_ids, note, today)
    if not cadre_id:
        problems["cadre_id"] = "请选择干部"
    if problems:
        raise ValidationError(problems)
    row_id = natural_id("checkin", cadre_id, day.isoformat())
    with ctx.writer.transaction() as txn:
        known = txn.conn.execute(select(_C.c.id).where(_C.c.id == cadre_id, _C.c.deleted.is_(False))).first()
        if known is None:
            raise ValidationError.single("cadre_id", "所选干部不存在或已删除")
        closed = month_closed(txn.conn, cadre_id, Month.of(day))
        if closed is not None:
            raise ValidationError.single("date", closed)
        existing = txn.conn.execute(select(_K.c.deleted, _K.c.entered_on).where(_K.c.id == row_id)).first()
        values: dict[str, object] = {"cadre_id": cadre_id, "village_id": village_id, "date": day, "note": note}
        if existing is None or existing.deleted or existing.entered_on is None:
            values["entered_on"] = today
        txn.put(CheckIn, row_id, values)
    return row_id


def remove_checkin(ctx: AppContext, cadre_id: str, day: dt.date) -> bool:
    """Withdraw a check-in (tombstone). Returns False when there was none."""
    row_id = natural_id("checkin", cadre_id, day.isoformat())
    with ctx.writer.transaction() as txn:
        row = txn.conn.execute(select(_K.c.deleted).where(_K.c.id == row_id)).first()
        if row is None or row.deleted:
            return False
        closed = month_closed(txn.conn, cadre_id, Month.of(day))
        if closed is not None:
            raise ValidationError.single("date", closed)
        txn.delete(CheckIn, row_id)
    return True


def confirm_checkin(ctx: AppContext, cadre_id: str, day: dt.date) -> str:
    """The team leader confirms ``cadre_id``'s late check-in of ``day`` (permission ``checkin.confirm``;
    nobody confirms their own). Returns the confirmation's id."""
    checkin_id = natural_id("checkin", cadre_id, day.isoformat())
    row_id = natural_id("checkin_confirm", checkin_id)
    actor = ctx.writer.actor
    with ctx.writer.transaction() as txn:
        row = txn.conn.execute(select(_K.c.deleted, _K.c.entered_on, _K.c.date).where(_K.c.id == checkin_id)).first()
        if row is None or row.deleted:
            raise ValidationError.single("date", f"{day.isoformat()} 没有该干部的签到")
        if not rules.is_late_checkin(row.date, row.entered_on, late_days(ctx)):
            raise ValidationError.single("date", f"{day.isoformat()} 的签到是按时登记的，无需确认")
        done = txn.conn.execute(select(_KC.c.deleted).where(_KC.c.id == row_id)).first()
        if done is not None and not done.deleted:
            raise ValidationError.single("date", f"{day.isoformat()} 的补登签到已经确认过")
        txn.put(CheckInConfirm, row_id, {"checkin_id": checkin_id, "cadre_id": cadre_id,
                                         "person_id": actor.user_id or "", "at": int(time.time() * 1000)})
    return row_id


def late_days(ctx: AppContext) -> int:
    """This laptop's setting: days after which a check-in is late (补登)."""
    return int(ctx.settings["late_checkin_days"])


@dataclass(frozen=True)
class LateCheckIn:
    """A late check-in (补登): entered long after its date; it counts once confirmed."""

    cadre_id: str
    name: str
    date: dt.date
    entered_on: dt.date
    note: str | None
    confirmed: bool


def late_checkins(conn: Connection, *, cadre_ids: Sequence[str] | None = None, pending_only: bool = True,
                  late_after: int = rules.LATE_CHECKIN_DAYS, since: dt.date | None = None) -> list[LateCheckIn]:
    """Late check-ins (by date, newest first): by default those still waiting for a confirmation."""
    stmt = (select(_K.c.cadre_id, _C.c.name, _K.c.date, _K.c.entered_on, _K.c.note,
                   _KC.c.id.is_not(None).label("confirmed"))
            .join(_C, _C.c.id == _K.c.cadre_id)
            .outerjoin(_KC, and_(_KC.c.checkin_id == _K.c.id, _KC.c.deleted.is_(False)))
            .where(_K.c.deleted.is_(False), _K.c.entered_on.is_not(None)))
    if cadre_ids is not None:
        stmt = stmt.where(_K.c.cadre_id.in_(cadre_ids))
    if since is not None:
        stmt = stmt.where(_K.c.date >= since)
    rows = [LateCheckIn(r.cadre_id, r.name, r.date, r.entered_on, r.note, bool(r.confirmed))
            for r in conn.execute(stmt.order_by(_K.c.date.desc(), _C.c.name))
            if rules.is_late_checkin(r.date, r.entered_on, late_after)]
    return [r for r in rows if not (pending_only and r.confirmed)]


# ---------------------------------------------------------------- closing a month


CLOSE = "attendance.close"
REASON_MAX = 200


def period_of(month: Month) -> str:
    return f"{month.year:04d}-{month.month:02d}"


@dataclass(frozen=True)
class Reopening:
    who: str
    at: int  # ms since the epoch
    reason: str


@dataclass(frozen=True)
class MonthClose:
    """Whether a cadre's month is closed (signed off by the team leader and not reopened since)."""

    closed: bool
    signed_by: str = ""
    signed_at: int = 0  # ms since the epoch; 0: never signed
    reopenings: tuple[Reopening, ...] = ()  # newest first; they stay visible for good


def month_close(conn: Connection, cadre_id: str, month: Month) -> MonthClose:
    """The month's sign-offs and reopenings (through ``ix_signoff_subject`` and ``ix_attendance_reopen_cadre``)."""
    period = period_of(month)
    signed = conn.execute(
        select(_SO.c.signed_at, _P.c.name).outerjoin(_P, _P.c.id == _SO.c.person_id)
        .where(_SO.c.subject == MONTH_SUBJECT, _SO.c.subject_id == cadre_id, _SO.c.period == period,
               _SO.c.deleted.is_(False))
        .order_by(_SO.c.signed_at.desc()).limit(limits.fixed(1))).first()
    reopened = tuple(Reopening(r.name or r.person_id[:8], int(r.at), r.reason) for r in conn.execute(
        select(_R.c.at, _R.c.reason, _R.c.person_id, _P.c.name).outerjoin(_P, _P.c.id == _R.c.person_id)
        .where(_R.c.cadre_id == cadre_id, _R.c.period == period, _R.c.deleted.is_(False))
        .order_by(_R.c.at.desc())))
    if signed is None:
        return MonthClose(False, reopenings=reopened)
    at = int(signed.signed_at)
    return MonthClose(not reopened or at > reopened[0].at, signed.name or "", at, reopened)


def closed_months(conn: Connection, cadre_ids: Sequence[str], year: int) -> set[tuple[str, Month]]:
    """The (cadre, month) pairs of ``year`` that are closed: signed off later than any reopening."""
    if not cadre_ids:
        return set()
    periods = [period_of(m) for m in rules.months_of_year(year)]
    signed: dict[tuple[str, str], int] = {}
    for r in conn.execute(select(_SO.c.subject_id, _SO.c.period, func.max(_SO.c.signed_at).label("at"))
                          .where(_SO.c.subject == MONTH_SUBJECT, _SO.c.subject_id.in_(cadre_ids),
                                 _SO.c.period.in_(periods), _SO.c.deleted.is_(False))
                          .group_by(_SO.c.subject_id, _SO.c.period)):
        signed[(r.subject_id, r.period)] = int(r.at)
    if not signed:
        return set()
    reopened = {(r.cadre_id, r.period): int(r.at) for r in conn.execute(
        select(_R.c.cadre_id, _R.c.period, func.max(_R.c.at).label("at"))
        .where(_R.c.cadre_id.in_(cadre_ids), _R.c.period.in_(periods), _R.c.deleted.is_(False))
        .group_by(_R.c.cadre_id, _R.c.period))}
    return {(cadre, Month(int(period[:4]), int(period[5:]))) for (cadre, period), at in signed.items()
            if at > reopened.get((cadre, period), -1)}


def month_closed(conn: Connection, cadre_id: str, month: Month) -> str | None:
    """Why ``cadre_id``'s ``month`` takes no more changes (signed off and not reopened since), or None."""
    state = month_close(conn, cadre_id, month)
    if not state.closed:
        return None
    when = dt.datetime.fromtimestamp(state.signed_at / 1000).strftime("%Y-%m-%d %H:%M")
    return (f"{month.year}年{month.month}月的考勤已由{state.signed_by}于{when}签字关闭；"
            f"要修改，须由队长说明原因重新打开这个月")


def close_month(ctx: AppContext, cadre_id: str, month: Month, *, today: dt.date | None = None) -> Any:
    """The team leader closes ``cadre_id``'s ``month`` by signing it (签字背书 of the month's days).

    The month must be over, not closed already, and have no late check-in waiting for a
    confirmation. Returns the sign-off record."""
    from fieldapp.services.signoff import service as signoffs

    ctx.require(CLOSE)
    today = today or dt.date.today()
    if month.last >= today:
        raise ValidationError.single("month", f"{month.year}年{month.month}月还没有结束，不能关闭")
    with ctx.db.read() as conn:
        closed = month_closed(conn, cadre_id, month)
        waiting = [w for w in late_checkins(conn, cadre_ids=[cadre_id], late_after=late_days(ctx), since=month.first)
                   if w.date <= month.last]
    if closed is not None:
        raise ValidationError.single("month", closed)
    if waiting:
        raise ValidationError.single("month", f"还有 {len(waiting)} 条补登的签到待确认，请先确认或退回后再关闭")
    return signoffs.sign(ctx, MONTH_SUBJECT, cadre_id, period_of(month))


def reopen_month(ctx: AppContext, cadre_id: str, month: Month, reason: str) -> str:
    """Reopen a closed month, with the reason (kept and shown for good). Returns the reopening's id."""
    ctx.require(CLOSE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError.single("reason", "请填写重新打开的原因")
    if len(reason) > REASON_MAX:
        raise ValidationError.single("reason", f"原因不能超过{REASON_MAX}字")
    with ctx.writer.transaction() as txn:
        if month_closed(txn.conn, cadre_id, month) is None:
            raise ValidationError.single("month", f"{month.year}年{month.month}月的考勤没有关闭，无需重新打开")
        return txn.insert(AttendanceReopen, {"cadre_id": cadre_id, "period": period_of(month), "reason": reason,
                                             "person_id": ctx.writer.actor.user_id or "",
                                             "at": int(time.time() * 1000)})


# ---------------------------------------------------------------- days in the village


def _visit_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    stmt = (select(_VC.c.cadre_id, _VC.c.date).distinct()
            .where(_VC.c.cadre_id.in_(cadre_ids), _VC.c.date >= start, _VC.c.date <= end, _VC.c.deleted.is_(False)))
    return [(r.cadre_id, r.date) for r in conn.execute(stmt)]


def _checkins(conn: Connection, cadre_ids: Sequence[str], start: dt.date, end: dt.date) -> Any:
    """Check-ins in [start, end] with their entry day and whether a leader confirmed them."""
    return conn.execute(
        select(_K.c.cadre_id, _K.c.date, _K.c.note, _K.c.entered_on, _KC.c.id.is_not(None).label("confirmed"))
        .outerjoin(_KC, and_(_KC.c.checkin_id == _K.c.id, _KC.c.deleted.is_(False)))
        .where(_K.c.cadre_id.in_(cadre_ids), _K.c.date >= start, _K.c.date <= end, _K.c.deleted.is_(False)))


def _counts(row: Any, late_after: int) -> bool:
    """A check-in counts unless it is late and not (yet) confirmed."""
    return bool(row.confirmed) or not rules.is_late_checkin(row.date, row.entered_on, late_after)


def _checkin_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date,
                  end: dt.date, late_after: int) -> list[tuple[str, dt.date]]:
    return [(r.cadre_id, r.date) for r in _checkins(conn, cadre_ids, start, end) if _counts(r, late_after)]


def month_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date,
               end: dt.date, *, late_after: int = rules.LATE_CHECKIN_DAYS) -> dict[str, dict[Month, int]]:
    """Days in the village per cadre per month, for dates in [start, end] (late check-ins waiting
    for a confirmation do not count)."""
    if not cadre_ids:
        return {}
    return rules.days_in_village(_visit_days(conn, cadre_ids, start, end),
                                 _checkin_days(conn, cadre_ids, start, end, late_after))


def days_of_month(conn: Connection, cadre_id: str, month: Month, *,
                  late_after: int = rules.LATE_CHECKIN_DAYS) -> list[DayEntry]:
    """The cadre's days in the village in one month, for a calendar view (ascending).

    A late check-in still waiting for its confirmation is listed (``pending``) but is no day in the
    village until confirmed."""
    visits: dict[dt.date, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(_VC.c.date, func.count()).where(_VC.c.cadre_id == cadre_id, _VC.c.date >= month.first,
                                               _VC.c.date <= month.last, _VC.c.deleted.is_(False))
        .group_by(_VC.c.date))}
    rows = {r.date: r for r in _checkins(conn, [cadre_id], month.first, month.last)}
    days = sorted(set(visits) | set(rows))
    entries = []
    for d in days:
        row = rows.get(d)
        pending = row is not None and not _counts(row, late_after)
        entries.append(DayEntry(d, visits.get(d, 0), row is not None and not pending,
                                row.note if row is not None else None, pending=pending and not visits.get(d)))
    return entries


# ---------------------------------------------------------------- tables


def _cadres(conn: Connection, roles: Sequence[str], cadre_ids: Sequence[str] | None) -> list[tuple[str, str, str | None,
                                                                                                    str]]:
    stmt = select(_C.c.id, _C.c.name, _C.c.unit, _C.c.role).where(_C.c.deleted.is_(False))
    stmt = stmt.where(_C.c.id.in_(cadre_ids)) if cadre_ids is not None else stmt.where(_C.c.role.in_(roles))
    return [(r.id, r.name, r.unit, r.role) for r in conn.execute(stmt.order_by(_C.c.name, _C.c.id))]


def compliance_table(conn: Connection, year: int, *, cadre_ids: Sequence[str] | None = None,
                     today: dt.date | None = None, late_after: int = rules.LATE_CHECKIN_DAYS) -> list[ComplianceRow]:
    """Each cadre × month of ``year``: days in the village and status (met at ≥ 15 days).

    ``cadre_ids`` None: every resident cadre (roles member and leader).
    """
    today = today or dt.date.today()
    cadres = _cadres(conn, RESIDENT_ROLES, cadre_ids)
    counts = month_days(conn, [c[0] for c in cadres], dt.date(year, 1, 1), dt.date(year, 12, 31),
                        late_after=late_after)
    closed = closed_months(conn, [c[0] for c in cadres], year)
    rows = []
    for cadre_id, name, unit, role in cadres:
        per_month = counts.get(cadre_id, {})
        cells = tuple(MonthCell(m, per_month.get(m, 0), rules.month_status(m, per_month.get(m, 0), today),
                                (cadre_id, m) in closed)
                      for m in rules.months_of_year(year))
        rows.append(ComplianceRow(cadre_id, name, unit, role, cells))
    return rows


def leader_table(conn: Connection, year: int, *, today: dt.date | None = None) -> list[LeaderRow]:
    """Each unit leader (role unit_leader): visits taken part in during ``year`` (met at ≥ 3).

    A visit counts once the unit leader signed it with their own account (签字背书 by the person
    whose cadre record they are); the others are returned as ``unsigned``.
    """
    today = today or dt.date.today()
    cadres = _cadres(conn, (UNIT_LEADER_ROLE,), None)
    ids = [c[0] for c in cadres]
    signed: dict[str, int] = {}
    total: dict[str, int] = {}
    if ids:
        own_signoff = (select(_SO.c.id).join(_P, _P.c.id == _SO.c.person_id)
                       .where(_SO.c.subject == "visit", _SO.c.subject_id == _VC.c.visit_id,
                              _SO.c.deleted.is_(False), _P.c.cadre_id == _VC.c.cadre_id).exists())
        for r in conn.execute(
                select(_VC.c.cadre_id, _VC.c.visit_id, own_signoff.label("signed")).distinct()
                .join(_V, _V.c.id == _VC.c.visit_id)
                .where(_VC.c.cadre_id.in_(ids), _VC.c.date >= dt.date(year, 1, 1), _VC.c.date <= dt.date(year, 12, 31),
                       _VC.c.deleted.is_(False), _V.c.deleted.is_(False))):
            total[r.cadre_id] = total.get(r.cadre_id, 0) + 1
            if r.signed:
                signed[r.cadre_id] = signed.get(r.cadre_id, 0) + 1
    return [LeaderRow(cid, name, unit, signed.get(cid, 0), rules.leader_status(year, signed.get(cid, 0), today),
                      total.get(cid, 0) - signed.get(cid, 0))
            for cid, name, unit, _role in cadres]


def export_attendance(ctx: AppContext, path: Path, year: int, *, today: dt.date | None = None) -> Path:
    """Both tables of ``year`` as one .xlsx (sheets 驻村考勤 and 单位领导走访)."""
    today = today or dt.date.today()
    with ctx.db.read() as conn:
        compliance = compliance_table(conn, year, today=today)
        leaders = leader_table(conn, year, today=today)
    sheets = [
        xlsx.Sheet(f"驻村考勤{year}", ["姓名", "单位", "角色", *[f"{m}月" for m in range(1, 13)], "未达标月份"],
                   [_compliance_cells(r, ctx.ref) for r in compliance],
                   widths=[10, 24, 20, *[6] * 12, 30]),
        xlsx.Sheet(f"单位领导走访{year}",
                   ["姓名", "单位", "本人签字的走访次数", "要求次数", "结果", "未经本人签字（不计）"],
                   [[r.name, r.unit, r.visits, rules.MIN_LEADER_VISITS_PER_YEAR, STATUS_LABELS[r.status], r.unsigned]
                    for r in leaders],
                   widths=[10, 24, 18, 10, 10, 20]),
    ]
    return xlsx.write_workbook(path, sheets)


def _compliance_cells(row: ComplianceRow, ref: RefData) -> list[object]:
    days: list[object] = [c.days if c.status != "future" else None for c in row.months]
    short = "、".join(f"{m.month}月" for m in row.short_months)
    return [row.name, row.unit, ref["cadre_role"].label(row.role), *days, short]
