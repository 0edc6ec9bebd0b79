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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, func, select

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.refdata import RefData
from fieldapp.domain.visits import Month, MonthStatus
from fieldapp.services import xlsx
from fieldapp.services.context import AppContext
from fieldapp.store.models import Cadre, CheckIn, Visit, VisitCadre

log = logging.getLogger("fieldapp.services.attendance")

RESIDENT_ROLES = ("member", "leader")  # 驻村工作队员/包扶干部, 第一书记/工作队长
UNIT_LEADER_ROLE = "unit_leader"

_VC: Table = VisitCadre.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_K: Table = CheckIn.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]

STATUS_LABELS: dict[str, str] = {"met": "达标", "short": "未达标", "open": "进行中", "future": ""}


@dataclass(frozen=True)
class DayEntry:
    """One day in the village: from visits (how many), a check-in, or both."""

    date: dt.date
    visits: int
    checked_in: bool
    note: str | None = None


@dataclass(frozen=True)
class MonthCell:
    month: Month
    days: int
    status: MonthStatus


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
    cadre_id: str
    name: str
    unit: str | None
    visits: int
    status: MonthStatus


# ---------------------------------------------------------------- check-ins


def checkin(ctx: AppContext, day: dt.date, *, cadre_id: str | None = None, note: str | None = None,
            village_id: str | None = None, today: dt.date | None = None) -> str:
    """Record that ``cadre_id`` (default: the signed-in cadre) was in the village on ``day``.

    One check-in per cadre and day (natural id): checking in again updates the note/village.
    ``village_id`` defaults to this laptop's first village. Returns the check-in id.
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
        txn.put(CheckIn, row_id, {"cadre_id": cadre_id, "village_id": village_id, "date": day, "note": note})
    return row_id


def remove_checkin(ctx: AppContext, cadre_id: str, day: dt.date) -> bool:
    """Withdraw a check-in (tombstone). Returns False when there was none."""
    row_id = natural_id("checkin", cadre_id, day.isoformat())
    with ctx.writer.transaction() as txn:
        row = txn.conn.execute(select(_K.c.deleted).where(_K.c.id == row_id)).first()
        if row is None or row.deleted:
            return False
        txn.delete(CheckIn, row_id)
    return True


# ---------------------------------------------------------------- days in the village


def _visit_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    stmt = (select(_VC.c.cadre_id, _VC.c.date).distinct()
            .where(_VC.c.cadre_id.in_(cadre_ids), _VC.c.date >= start, _VC.c.date <= end, _VC.c.deleted.is_(False)))
    return [(r.cadre_id, r.date) for r in conn.execute(stmt)]


def _checkin_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date,
                  end: dt.date) -> list[tuple[str, dt.date]]:
    stmt = (select(_K.c.cadre_id, _K.c.date)
            .where(_K.c.cadre_id.in_(cadre_ids), _K.c.date >= start, _K.c.date <= end, _K.c.deleted.is_(False)))
    return [(r.cadre_id, r.date) for r in conn.execute(stmt)]


def month_days(conn: Connection, cadre_ids: Sequence[str], start: dt.date,
               end: dt.date) -> dict[str, dict[Month, int]]:
    """Days in the village per cadre per month, for dates in [start, end]."""
    if not cadre_ids:
        return {}
    return rules.days_in_village(_visit_days(conn, cadre_ids, start, end),
                                 _checkin_days(conn, cadre_ids, start, end))


def days_of_month(conn: Connection, cadre_id: str, month: Month) -> list[DayEntry]:
    """The cadre's days in the village in one month, for a calendar view (ascending)."""
    visits: dict[dt.date, int] = {r[0]: int(r[1]) for r in conn.execute(
        select(_VC.c.date, func.count()).where(_VC.c.cadre_id == cadre_id, _VC.c.date >= month.first,
                                               _VC.c.date <= month.last, _VC.c.deleted.is_(False))
        .group_by(_VC.c.date))}
    checkins = {r.date: r.note for r in conn.execute(
        select(_K.c.date, _K.c.note).where(_K.c.cadre_id == cadre_id, _K.c.date >= month.first,
                                           _K.c.date <= month.last, _K.c.deleted.is_(False)))}
    days = sorted(set(visits) | set(checkins))
    return [DayEntry(d, visits.get(d, 0), d in checkins, checkins.get(d)) for d in days]


# ---------------------------------------------------------------- tables


def _cadres(conn: Connection, roles: Sequence[str], cadre_ids: Sequence[str] | None) -> list[tuple[str, str, str | None,
                                                                                                    str]]:
    stmt = select(_C.c.id, _C.c.name, _C.c.unit, _C.c.role).where(_C.c.deleted.is_(False))
    stmt = stmt.where(_C.c.id.in_(cadre_ids)) if cadre_ids is not None else stmt.where(_C.c.role.in_(roles))
    return [(r.id, r.name, r.unit, r.role) for r in conn.execute(stmt.order_by(_C.c.name, _C.c.id))]


def compliance_table(conn: Connection, year: int, *, cadre_ids: Sequence[str] | None = None,
                     today: dt.date | None = None) -> list[ComplianceRow]:
    """Each cadre × month of ``year``: days in the village and status (met at ≥ 15 days).

    ``cadre_ids`` None: every resident cadre (roles member and leader).
    """
    today = today or dt.date.today()
    cadres = _cadres(conn, RESIDENT_ROLES, cadre_ids)
    counts = month_days(conn, [c[0] for c in cadres], dt.date(year, 1, 1), dt.date(year, 12, 31))
    rows = []
    for cadre_id, name, unit, role in cadres:
        per_month = counts.get(cadre_id, {})
        cells = tuple(MonthCell(m, per_month.get(m, 0), rules.month_status(m, per_month.get(m, 0), today))
                      for m in rules.months_of_year(year))
        rows.append(ComplianceRow(cadre_id, name, unit, role, cells))
    return rows


def leader_table(conn: Connection, year: int, *, today: dt.date | None = None) -> list[LeaderRow]:
    """Each unit leader (role unit_leader): visits taken part in during ``year`` (met at ≥ 3)."""
    today = today or dt.date.today()
    cadres = _cadres(conn, (UNIT_LEADER_ROLE,), None)
    ids = [c[0] for c in cadres]
    counts: dict[str, int] = {}
    if ids:
        counts = {r[0]: int(r[1]) for r in conn.execute(
            select(_VC.c.cadre_id, func.count(func.distinct(_VC.c.visit_id)))
            .join(_V, _V.c.id == _VC.c.visit_id)
            .where(_VC.c.cadre_id.in_(ids), _VC.c.date >= dt.date(year, 1, 1), _VC.c.date <= dt.date(year, 12, 31),
                   _VC.c.deleted.is_(False), _V.c.deleted.is_(False))
            .group_by(_VC.c.cadre_id))}
    return [LeaderRow(cid, name, unit, counts.get(cid, 0), rules.leader_status(year, counts.get(cid, 0), today))
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
        xlsx.Sheet(f"单位领导走访{year}", ["姓名", "单位", "本年走访次数", "要求次数", "结果"],
                   [[r.name, r.unit, r.visits, rules.MIN_LEADER_VISITS_PER_YEAR, STATUS_LABELS[r.status]]
                    for r in leaders],
                   widths=[10, 24, 14, 10, 10]),
    ]
    return xlsx.write_workbook(path, sheets)


def _compliance_cells(row: ComplianceRow, ref: RefData) -> list[object]:
    days: list[object] = [c.days if c.status != "future" else None for c in row.months]
    short = "、".join(f"{m.month}月" for m in row.short_months)
    return [row.name, row.unit, ref["cadre_role"].label(row.role), *days, short]
