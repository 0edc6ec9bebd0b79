"""公示 and 公告 made from workflow steps, 评议 meetings and objections: the pure rules.

**The period.** A 公示 runs from its first day to its last, both counted; it may not be shorter than
``notice_minimum_days`` of ``workflows.json`` (default 7), and the refusal names the minimum. A 公告
(announcement step) has no objection period but is given one the same way (it is posted as long).

**A meeting.** A 评议 meeting records the representatives present (a count, and their names as
written), the vote for and against (no more votes than people present) and a summary; one meeting
deliberates many households. A deliberation step's decision names the meeting, which must have
deliberated that household and have been held no later than the decision.

**Objections.** An objection is received during a notice's period, from a named person, with its
content. It is handled by recording what was done and a result: ``upheld`` (the objection stands:
the step is then failed or sent back) or ``dismissed``. An objection without a result blocks every
pass of the household's workflow, and the refusal names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

UPHELD, DISMISSED = "upheld", "dismissed"
RESULTS = {UPHELD: "异议成立", DISMISSED: "异议不成立"}


# where a notice stands (derived from its posting and period, never stored)
UNPOSTED, POSTED, RUNNING, ENDED = "unposted", "posted", "running", "ended"


def status(period_start: dt.date, period_end: dt.date, posted_on: dt.date | None, today: dt.date) -> str:
    """``unposted`` (no posting recorded), ``posted`` (put up, its period not begun), ``running`` (within the
    period) or ``ended`` (the day after its last day: a 公示 step may pass)."""
    if posted_on is None:
        return UNPOSTED
    if today < period_start:
        return POSTED
    return RUNNING if today <= period_end else ENDED


class NoticeError(Exception):
    """A notice, meeting or objection refused; the message names the problem."""


def period(start: dt.date, days: int, minimum: int) -> tuple[dt.date, dt.date]:
    """(first day, last day) of a period of ``days`` days from ``start``; refused below ``minimum``."""
    if days < minimum:
        raise NoticeError(f"公示期 {days} 天太短：公示期不得少于 {minimum} 天（workflows.json 的 notice_minimum_days）")
    return start, start + dt.timedelta(days=days - 1)


def days_of(start: dt.date, end: dt.date) -> int:
    """How many days a period covers, both ends counted."""
    return (end - start).days + 1


def check_meeting(held_on: dt.date, *, present: int, votes_for: int, votes_against: int,
                  households: Sequence[str], today: dt.date) -> None:
    """Refuse a meeting that cannot have happened as recorded."""
    if held_on > today:
        raise NoticeError(f"会议日期 {held_on.isoformat()} 晚于今天，评议会议须在开会后登记")
    if present < 1:
        raise NoticeError("到会代表人数应至少为 1")
    if votes_for < 0 or votes_against < 0:
        raise NoticeError("票数不能为负")
    if votes_for + votes_against > present:
        raise NoticeError(f"赞成 {votes_for} 票加反对 {votes_against} 票多于到会代表 {present} 人")
    if not households:
        raise NoticeError("评议会议须至少评议一户（--households）")
    if len(set(households)) != len(households):
        raise NoticeError("同一户在一次会议中只能列一次")


@dataclass(frozen=True)
class ObjectionView:
    """An objection as stored, with the household's number and head for messages. An objection to a
    disclosure notice (资金公示) has no workflow, and a household only when it concerns one."""

    id: str
    household_id: str | None
    workflow_id: str | None
    notice_id: str | None
    step: str
    received_on: dt.date
    from_whom: str
    content: str
    handling: str | None
    result: str | None
    handled_on: dt.date | None
    handled_by_name: str | None
    hh_no: str = ""

    @property
    def handled(self) -> bool:
        return self.result is not None

    def text(self) -> str:
        short = self.content if len(self.content) <= 30 else self.content[:29] + "…"
        return f"异议 {self.id[-8:]}（{self.received_on.isoformat()} {self.from_whom}：{short}）"


def blocking_text(open_objections: Sequence[ObjectionView]) -> str:
    """Why a pass is refused while objections are unhandled."""
    names = "；".join(o.text() for o in open_objections)
    return (f"有 {len(open_objections)} 条异议尚未办结，不能通过：{names}。"
            "请先核实并记录办理结果（fieldapp workflow objection handle ID --result upheld|dismissed --handling …）")
