"""Rectifications (整改): the cadre reports one done, the reviewer confirms it or sends it back.

A rectification is opened by marking an item incorrect (:mod:`.checklist`). The responsible cadre
reports it done with a note (a :class:`~fieldapp.store.models.RectificationReport` of the current
round; the write path lets a cadre report only their own, a team leader anyone's). Only then can the
reviewer confirm it (closed) or reopen it with a reason (the next round: reported again, confirmed
again). State and punctuality are :mod:`fieldapp.domain.spotcheck`'s arithmetic.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, select

from fieldapp.domain import people
from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.services.context import AppContext
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Cadre,
    HouseholdListRow,
    Rectification,
    RectificationReport,
    SpotcheckItem,
)

_R: Table = Rectification.__table__  # type: ignore[assignment]
_RR: Table = RectificationReport.__table__  # type: ignore[assignment]
_I: Table = SpotcheckItem.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_A: Table = Area.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]

NOTE_MAX = 500


@dataclass(frozen=True)
class Report:
    id: str
    round: int
    done_on: dt.date
    note: str
    reported_by_name: str | None


@dataclass(frozen=True)
class RectificationView:
    id: str
    item_id: str
    draw_id: str
    household_id: str
    head_name: str | None
    hh_no: str | None
    village_id: str | None
    village_name: str
    kind: str
    finding: str | None
    cadre_id: str | None
    cadre_name: str
    due_date: dt.date
    round: int
    reopen_note: str | None
    opened_by_name: str | None
    confirmed_by_name: str | None
    confirmed_at: int | None
    reports: tuple[Report, ...]
    status: str
    overdue: bool
    on_time: bool

    @property
    def facts(self) -> sc.RectificationFacts:
        return _facts(self.due_date, self.round, self.confirmed_at is not None, self.reports)


def _facts(due: dt.date, round_: int, confirmed: bool, reports: Iterable[Report]) -> sc.RectificationFacts:
    reports = list(reports)
    current = [r for r in reports if r.round == round_]
    return sc.RectificationFacts(due, round_, confirmed, frozenset(r.round for r in reports),
                                 current[-1].done_on if current else None)


def rectifications(db: Database, *, cadre_id: str | None = None, village_ids: Iterable[str] | None = None,
                   draw_id: str | None = None, household_id: str | None = None, open_only: bool = False,
                   today: dt.date | None = None) -> list[RectificationView]:
    """Live rectifications, deadline first, filtered by cadre, villages, draw or household."""
    today = today or dt.date.today()
    stmt = (select(_R, _I.c.kind, _L.c.head_name, _L.c.hh_no, _L.c.village_id, _A.c.name.label("village_name"),
                   _C.c.name.label("cadre_name"))
            .select_from(_R.join(_I, _I.c.id == _R.c.item_id).outerjoin(_L, _L.c.household_id == _R.c.household_id)
                         .outerjoin(_A, _A.c.id == _L.c.village_id).outerjoin(_C, _C.c.id == _R.c.cadre_id))
            .where(_R.c.deleted.is_(False)))
    if cadre_id is not None:
        stmt = stmt.where(_R.c.cadre_id == cadre_id)
    if village_ids is not None:
        stmt = stmt.where(_L.c.village_id.in_(list(village_ids)))
    if draw_id is not None:
        stmt = stmt.where(_R.c.draw_id == draw_id)
    if household_id is not None:
        stmt = stmt.where(_R.c.household_id == household_id)
    if open_only:
        stmt = stmt.where(_R.c.confirmed_at.is_(None))
    with db.read() as conn:
        rows = conn.execute(stmt.order_by(_R.c.due_date, _R.c.id)).mappings().all()
        reports = _reports(conn, [r["id"] for r in rows])
    out = []
    for r in rows:
        mine = reports.get(r["id"], ())
        facts = _facts(r["due_date"], int(r["round"]), r["confirmed_at"] is not None, mine)
        out.append(RectificationView(
            str(r["id"]), str(r["item_id"]), str(r["draw_id"]), str(r["household_id"]), r["head_name"], r["hh_no"],
            r["village_id"], str(r["village_name"] or ""), str(r["kind"]), r["finding"], r["cadre_id"],
            str(r["cadre_name"] or ""), r["due_date"], int(r["round"]), r["reopen_note"], r["opened_by_name"],
            r["confirmed_by_name"], r["confirmed_at"], tuple(mine), sc.rectification_status(facts),
            sc.overdue(facts, today), sc.on_time(facts)))
    return out


def _reports(conn: Connection, ids: list[str]) -> dict[str, tuple[Report, ...]]:
    out: dict[str, list[Report]] = {}
    for start in range(0, len(ids), 500):
        for r in conn.execute(select(_RR).where(_RR.c.rectification_id.in_(ids[start:start + 500]),
                                                _RR.c.deleted.is_(False))
                              .order_by(_RR.c.round, _RR.c.row_hlc)).mappings():
            out.setdefault(str(r["rectification_id"]), []).append(
                Report(str(r["id"]), int(r["round"]), r["done_on"], str(r["note"]), r["reported_by_name"]))
    return {k: tuple(v) for k, v in out.items()}


def get(db: Database, rect_id: str, today: dt.date | None = None) -> RectificationView:
    """One live rectification (``rect_id`` may be a unique prefix of at least 6 characters)."""
    found = [r for r in rectifications(db, today=today)
             if r.id == rect_id or (len(rect_id) >= 6 and r.id.startswith(rect_id))]
    if len(found) != 1:
        raise LookupError(f"没有整改 {rect_id}" if not found else f"整改编号 {rect_id} 不唯一，请写全")
    return found[0]


def _note(note: str, what: str) -> str:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": f"请写明{what}"})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": f"说明最长 {NOTE_MAX} 字（现有 {len(note)} 字）"})
    return note


def report_done(ctx: AppContext, rect_id: str, note: str, *, done_on: dt.date | None = None) -> str:
    """The responsible cadre reports the rectification done; returns the report's id."""
    ctx.require(people.RECTIFICATION_CLOSE)
    note = _note(note, "整改了什么")
    done_on = done_on or dt.date.today()
    if done_on > dt.date.today():
        raise ValidationError({"done_on": "完成日期不能晚于今天"})
    rect = get(ctx.db, rect_id)
    if rect.status == sc.CLOSED:
        raise ValidationError({"status": "该整改已经确认关闭"})
    if rect.status == sc.AWAITING:
        raise ValidationError({"status": "已报告完成，正在等待审核员确认"})
    s = ctx.session
    with ctx.writer.transaction() as txn:
        return txn.insert(RectificationReport, {
            "rectification_id": rect.id, "household_id": rect.household_id, "cadre_id": rect.cadre_id,
            "round": rect.round, "done_on": done_on, "note": note,
            "reported_by": s.person_id if s else None, "reported_by_name": s.name if s else None})


def confirm(ctx: AppContext, rect_id: str, *, now_ms: int | None = None) -> RectificationView:
    """The reviewer confirms a rectification reported done: it is closed."""
    ctx.require(people.RECTIFICATION_CONFIRM)
    rect = get(ctx.db, rect_id)
    if rect.status != sc.AWAITING:
        raise ValidationError({"status": "该整改已经确认关闭" if rect.status == sc.CLOSED
                               else "责任人尚未报告整改完成，不能确认"})
    s = ctx.session
    with ctx.writer.transaction() as txn:
        txn.update(Rectification, rect.id, {"confirmed_at": now_ms or time.time_ns() // 1_000_000,
                                            "confirmed_by": s.person_id if s else None,
                                            "confirmed_by_name": s.name if s else None})
    return get(ctx.db, rect.id)


def reopen(ctx: AppContext, rect_id: str, note: str, *, due_date: dt.date | None = None) -> RectificationView:
    """The reviewer sends a reported rectification back (the next round), with the reason and maybe a new deadline."""
    ctx.require(people.RECTIFICATION_CONFIRM)
    note = _note(note, "退回的原因")
    rect = get(ctx.db, rect_id)
    if rect.status != sc.AWAITING:
        raise ValidationError({"status": "只能退回已报告完成、尚未确认的整改"})
    if due_date is not None and due_date < dt.date.today():
        raise ValidationError({"due_date": "新的整改期限不能早于今天"})
    with ctx.writer.transaction() as txn:
        txn.update(Rectification, rect.id, {"round": rect.round + 1, "reopen_note": note,
                                            **({"due_date": due_date} if due_date else {})})
    return get(ctx.db, rect.id)
