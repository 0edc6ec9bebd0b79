"""The parts of a trace that come from the accountability records: sign-offs, spot-check findings,
rectifications — for one household, or for one person in a period.

Each is a :class:`~fieldapp.services.audit.trace.TraceSection` (title, headings, rows of words), so the
trace view, the CLI and the PDF print them alike. They read through the sign-off and spot-check
services and their indexes (sign-offs by household or by person, items by household or by who
entered the value, rectifications by household or by cadre): the cost follows the records found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select

from fieldapp.domain.refdata import RefData
from fieldapp.domain.spotcheck import STATUS_WORDS
from fieldapp.services.signoff import service as signoffs
from fieldapp.services.spotcheck import checklist, rectify
from fieldapp.store.db import Database
from fieldapp.store.models import Person, Signoff, SpotcheckItem, WorkflowStep

STATE_WORDS = {signoffs.VALID: "有效", signoffs.CHANGED: "签字后已修改", signoffs.INVALID: "签名无效",
               signoffs.UNSIGNED: "未签字"}
RESULT_WORDS = {"correct": "正确", "incorrect": "不正确", None: "未查"}
_S = Signoff.__table__
_I = SpotcheckItem.__table__
_P = Person.__table__


@dataclass(frozen=True)
class TraceSection:
    """Rows of one kind (sign-offs, findings, rectifications) with their column headings."""

    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "无"
    weights: tuple[int, ...] = ()  # relative column widths on paper (empty: equal)
    note: str = ""  # a line under the rows


def _when(ms: int | None) -> str:
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M") if ms else ""


def _state(db: Database, record: signoffs.SignoffRecord, latest_id: str | None) -> str:
    if record.id != latest_id:
        return "已由新的签字取代"
    if signoffs.problems(db, record):
        return STATE_WORDS[signoffs.INVALID]
    same, _diff, _lines = signoffs.compare(db, record)
    return STATE_WORDS[signoffs.CHANGED] if same is False else STATE_WORDS[signoffs.VALID]


def _signoff_rows(db: Database, ref: RefData, records: Sequence[signoffs.SignoffRecord], *,
                  with_signer: bool) -> tuple[tuple[str, ...], ...]:
    latest: dict[tuple[str, str, str], str] = {}
    for r in sorted(records, key=lambda r: r.signed_at):
        latest[(r.subject, r.subject_id, r.period)] = r.id
    rows = []
    for r in sorted(records, key=lambda r: r.signed_at, reverse=True):
        state = _state(db, r, latest.get((r.subject, r.subject_id, r.period)))
        what = signoffs.subject_text(db, r, ref)
        signer = (f"{r.person_name}（{r.role_label(ref)}）",) if with_signer else ()
        rows.append((r.signed_text, *signer, what, r.code, state))
    return tuple(rows)


def _records(db: Database, *where: object) -> list[signoffs.SignoffRecord]:
    with db.read() as conn:
        rows = conn.execute(select(_S).where(_S.c.deleted.is_(False), *where)).all()
        return [signoffs.record_of(conn, r) for r in rows]


def household_sections(db: Database, ref: RefData, household_id: str, *,
                       today: dt.date | None = None) -> tuple[TraceSection, ...]:
    """Who signed the household (and its visits), who checked it and what they found, what was corrected."""
    steps = WorkflowStep.__table__  # a batch decision's one signature names no household: its decisions do
    batch_signed = select(steps.c.signoff_id).where(steps.c.household_id == household_id,
                                                    steps.c.signoff_id.is_not(None))
    signed = _signoff_rows(db, ref, _records(db, or_(_S.c.household_id == household_id, _S.c.id.in_(batch_signed))),
                           with_signer=True)
    with db.read() as conn:
        draws = [r.draw_id for r in conn.execute(
            select(_I.c.draw_id).where(_I.c.household_id == household_id, _I.c.deleted.is_(False)).distinct())]
    checked, unchecked = [], 0
    for draw_id in draws:
        info = checklist.get_draw(db, draw_id)
        for item in checklist.draw_items(db, draw_id, household_id):
            if item.result is None:
                unchecked += 1
                continue
            checked.append((_when(item.checked_at or info.drawn_at), checklist.item_title(ref, item),
                            item.entered_by_name or "—", RESULT_WORDS.get(item.result, item.result),
                            item.checked_by_name or "", item.note or ""))
    fixes = [(r.finding or "", r.cadre_name or "（未定）", r.due_date.isoformat(),
              "；".join(f"{p.done_on.isoformat()} {p.reported_by_name or ''}：{p.note}" for p in r.reports) or "—",
              r.confirmed_by_name or "", STATUS_WORDS[r.status] + ("（逾期）" if r.overdue else ""))
             for r in rectify.rectifications(db, household_id=household_id, today=today)]
    return (
        TraceSection("签字背书", ("签字时间", "签字人", "签字内容", "验证码", "状态"), signed, "尚无签字",
                     (16, 16, 30, 16, 14)),
        TraceSection("抽查核实", ("核查时间", "核查项目", "填报人", "结论", "核查人", "说明"), tuple(checked),
                     "已抽中，尚未核查" if unchecked else "未被抽查", (16, 22, 12, 10, 12, 28),
                     f"另有 {unchecked} 项尚未核查。" if unchecked and checked else ""),
        TraceSection("整改", ("问题", "责任人", "期限", "完成情况", "确认人", "状态"), tuple(fixes), "无整改",
                     (24, 12, 12, 30, 12, 12)),
    )


def person_sections(db: Database, ref: RefData, person_id: str, start: dt.date, end: dt.date, *,
                    today: dt.date | None = None) -> tuple[TraceSection, ...]:
    """What the person signed in the period, the spot-check findings on values they entered, their rectifications."""
    lo = int(dt.datetime.combine(start, dt.time()).timestamp() * 1000)
    hi = int(dt.datetime.combine(end + dt.timedelta(days=1), dt.time()).timestamp() * 1000)
    signed = _signoff_rows(db, ref, _records(db, _S.c.person_id == person_id, _S.c.signed_at >= lo,
                                             _S.c.signed_at < hi), with_signer=False)
    with db.read() as conn:
        items = conn.execute(select(_I.c.id, _I.c.draw_id, _I.c.household_id).where(
            _I.c.entered_by == person_id, _I.c.deleted.is_(False), _I.c.result.is_not(None),
            _I.c.checked_at >= lo, _I.c.checked_at < hi)).all()
        cadre_id = conn.execute(select(_P.c.cadre_id).where(_P.c.id == person_id)).scalar()
    found, wrong = [], 0
    for row in items:
        item = checklist.get_item(db, row.id)
        wrong += item.result == "incorrect"
        found.append((_when(item.checked_at), _household(db, row.household_id), checklist.item_title(ref, item),
                      RESULT_WORDS.get(item.result, ""), item.checked_by_name or "", item.note or ""))
    found.sort(reverse=True)
    fixes = []
    if cadre_id:
        for r in rectify.rectifications(db, cadre_id=cadre_id, today=today):
            fixes.append((f"{r.hh_no or ''} {r.head_name or ''}".strip(), r.finding or "", r.due_date.isoformat(),
                          STATUS_WORDS[r.status] + ("（逾期）" if r.overdue else ""),
                          "按期" if r.on_time else ("" if r.status != "closed" else "逾期完成")))
    rate = f"{wrong / len(found):.0%}" if found else "—"
    return (
        TraceSection("签字背书", ("签字时间", "签字内容", "验证码", "状态"), signed, "期间内没有签字",
                     (18, 40, 18, 16)),
        TraceSection(f"本人填报内容的抽查结果（核查 {len(found)} 项，不正确 {wrong} 项，差错率 {rate}）",
                     ("核查时间", "农户", "核查项目", "结论", "核查人", "说明"), tuple(found),
                     "期间内没有被抽查的内容", (16, 22, 20, 10, 12, 24)),
        TraceSection("本人负责的整改", ("农户", "问题", "期限", "状态", "是否按期"), tuple(fixes), "没有整改任务",
                     (26, 34, 14, 14, 12)),
    )


def _household(db: Database, household_id: str) -> str:
    from fieldapp.services import lookups

    info = lookups.household_summary(db, household_id)
    return f"{info.hh_no or ''} {info.head_name or ''}".strip() if info else household_id[:8]
