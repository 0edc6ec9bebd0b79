"""评议 meetings: recorded once for many households, then named by each household's deliberation decision.

:func:`record` writes a meeting (``deliberation.record``: team leader or village committee) and one
``deliberation_household`` row per household, with that household's vote when the meeting counted
household by household. :func:`meeting_for_decision` is what :func:`fieldapp.services.workflow.service.decide`
asks before a deliberation step is decided: the meeting exists, deliberated the household, is of its
village, and was held no later than the decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.domain import notice as rules
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import attachments, store
from fieldapp.store import limits
from fieldapp.store.models import Deliberation, DeliberationHousehold, Household, HouseholdListRow

PERMISSION = "deliberation.record"
_D, _DH = Deliberation.__table__, DeliberationHousehold.__table__


@dataclass(frozen=True)
class Deliberated:
    """A household at a meeting (``votes`` for, against: its own count, or None when the meeting voted once)."""

    household_id: str
    hh_no: str
    head_name: str
    votes_for: int | None
    votes_against: int | None


@dataclass(frozen=True)
class Meeting:
    id: str
    village_id: str
    held_on: dt.date
    present_count: int
    present_names: str
    votes_for: int
    votes_against: int
    summary: str
    recorded_by_name: str
    households: tuple[Deliberated, ...]


def record(ctx: AppContext, village_id: str, held_on: dt.date, *, present_count: int, present_names: str,
           votes_for: int, votes_against: int, summary: str, household_ids: Sequence[str],
           household_votes: Mapping[str, tuple[int, int]] | None = None, today: dt.date | None = None,
           attach: Sequence[attachments.NewAttachment] = ()) -> Meeting:
    """Record a meeting; raises ``PermissionDenied``, ``NoticeError`` (a vote that does not add up, no
    household, a date to come), ``LookupError`` (a household not of the village), ``PhotoError`` (an
    attachment not a JPEG or PNG image). ``attach``: photos of the minutes or the vote, stored with it."""
    ctx.require(PERMISSION)
    today = today or dt.date.today()
    rules.check_meeting(held_on, present=present_count, votes_for=votes_for, votes_against=votes_against,
                        households=household_ids, today=today)
    for hid, (yes, no) in (household_votes or {}).items():
        if hid not in household_ids:
            raise rules.NoticeError(f"户 {hid} 的票数已填，但它不在本次评议的户中")
        rules.check_meeting(held_on, present=present_count, votes_for=yes, votes_against=no, households=[hid],
                            today=today)
    h = Household.__table__
    with ctx.db.read() as conn:
        found = {r.id: r.village_id for r in conn.execute(
            select(h.c.id, h.c.village_id).where(h.c.id.in_(list(household_ids)), h.c.deleted.is_(False)))}
    for hid in household_ids:
        if hid not in found:
            raise LookupError(f"户 {hid} 不存在或已删除")
        if found[hid] != village_id:
            raise LookupError(f"户 {hid} 不属于召开评议会议的村，一次会议只评议本村的户")
    stored = attachments.store_files(ctx, attach)
    session = ctx.session
    with ctx.writer.transaction() as txn:
        meeting_id = txn.insert(Deliberation, {
            "village_id": village_id, "held_on": held_on, "present_count": present_count,
            "present_names": present_names.strip(), "votes_for": votes_for, "votes_against": votes_against,
            "summary": summary.strip(), "recorded_by": session.person_id if session else None,
            "recorded_by_name": session.name if session else None})
        for hid in household_ids:
            yes, no = (household_votes or {}).get(hid, (None, None))
            txn.insert(DeliberationHousehold, {"id": natural_id("deliberation_household", meeting_id, hid),
                                               "deliberation_id": meeting_id, "household_id": hid,
                                               "votes_for": yes, "votes_against": no})
        attachments.write_meeting(txn, meeting_id, village_id, stored)
    return get(ctx, meeting_id)


def get(ctx: AppContext, meeting_id: str) -> Meeting:
    """A meeting by its id (or the id's last 8+ characters); raises LookupError."""
    wanted = meeting_id.strip().lower()
    with ctx.db.read() as conn:
        query = select(_D).where(_D.c.deleted.is_(False))
        query = query.where(_D.c.id == wanted) if len(wanted) == 36 else query.where(_D.c.id.endswith(wanted))
        rows = conn.execute(query.limit(limits.fixed(2))).all() if len(wanted) >= 8 else []
        if len(rows) != 1:
            raise LookupError(f"评议会议 {meeting_id} 不存在" + ("（标识不唯一，请写全）" if len(rows) > 1 else ""))
        row = rows[0]
        lst = HouseholdListRow.__table__
        members = conn.execute(select(_DH.c.household_id, _DH.c.votes_for, _DH.c.votes_against, lst.c.hh_no,
                                      lst.c.head_name)
                               .join(lst, lst.c.household_id == _DH.c.household_id, isouter=True)
                               .where(_DH.c.deliberation_id == row.id, _DH.c.deleted.is_(False))
                               .order_by(lst.c.hh_no)).all()
    return Meeting(row.id, row.village_id, row.held_on, row.present_count, row.present_names, row.votes_for,
                   row.votes_against, row.summary, row.recorded_by_name or "",
                   tuple(Deliberated(m.household_id, m.hh_no or "", m.head_name or "", m.votes_for,
                                     m.votes_against) for m in members))


def meetings(ctx: AppContext, village_id: str | None = None) -> list[Meeting]:
    """Every meeting of this laptop (or of one village), newest first."""
    with ctx.db.read() as conn:
        query = select(_D.c.id).where(_D.c.deleted.is_(False))
        if village_id:
            query = query.where(_D.c.village_id == village_id)
        ids = [r.id for r in conn.execute(query.order_by(_D.c.held_on.desc(), _D.c.id))]
    return [get(ctx, i) for i in ids]


def of_household(ctx: AppContext, household_id: str) -> list[Meeting]:
    """The meetings that deliberated the household, oldest first."""
    with ctx.db.read() as conn:
        ids = [r.id for r in conn.execute(
            select(_D.c.id).join(_DH, _DH.c.deliberation_id == _D.c.id)
            .where(_DH.c.household_id == household_id, _DH.c.deleted.is_(False), _D.c.deleted.is_(False))
            .order_by(_D.c.held_on, _D.c.id))]
    return [get(ctx, i) for i in dict.fromkeys(ids)]


def waiting(ctx: AppContext, village_id: str) -> list[store.AtStep]:
    """The households of a village whose open workflow is at a 评议 step: those a meeting may deliberate."""
    from fieldapp.domain import workflow as flows

    return store.at_steps(ctx.db, flows.definitions(ctx.ref), lambda _kind, step: step.deliberation, village_id)


def meeting_for_decision(ctx: AppContext, meeting_id: str | None, household_id: str, step_text: str,
                         decided_on: dt.date) -> str:
    """The id of the meeting a deliberation decision rests on; ``NoticeError`` naming what is missing."""
    if not meeting_id:
        raise rules.NoticeError(f"“{step_text}”须注明评议会议（--meeting 会议标识）：先用 fieldapp workflow "
                                "deliberation add 登记会议（日期、到会代表、票数、评议的户）")
    meeting = get(ctx, meeting_id)
    if household_id not in {d.household_id for d in meeting.households}:
        raise rules.NoticeError(f"评议会议 {meeting.id[-8:]}（{meeting.held_on.isoformat()}）没有评议该户")
    if meeting.held_on > decided_on:
        raise rules.NoticeError(f"评议会议 {meeting.held_on.isoformat()} 召开，"
                                f"晚于本决定的日期 {decided_on.isoformat()}")
    return meeting.id
