"""公示 and 公告 made from a workflow step, never from a hand-typed list.

:func:`issue` (``notice.issue``) takes the households whose open workflow of that kind is at that step
(in one village), checks the period against ``notice_minimum_days``, and writes the ``notice`` row with
its signature (签字背书, subject ``notice``: the issuer signs the step, the households, the period and
where to object) in one transaction. The signature's verification code is the QR code printed on the
notice, so the district checks the paper with ``fieldapp-server verify CODE``.
:func:`post` records the day it was put up. What the signature covers leaves out the posting (a
later fact), so a posted notice still verifies as unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp.domain import notice as rules
from fieldapp.domain import workflow as flows
from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import store
from fieldapp.store import limits
from fieldapp.store.models import Household, Notice, Signoff

PERMISSION = "notice.issue"
_N, _H = Notice.__table__, Household.__table__
#: a disclosure notice (资金公示) shares the table; it names no workflow step
_WORKFLOW_ONLY = _N.c.step != ""


@dataclass(frozen=True)
class NoticeView:
    id: str
    village_id: str
    kind: str
    step: str
    household_ids: tuple[str, ...]
    period_start: dt.date
    period_end: dt.date
    contact: str
    issued_by_name: str
    issued_at: int
    signoff_id: str | None
    posted_on: dt.date | None
    posted_by_name: str | None

    @property
    def days(self) -> int:
        return rules.days_of(self.period_start, self.period_end)

    def status(self, today: dt.date) -> str:
        """unposted / posted / running / ended (:func:`fieldapp.domain.notice.status`)."""
        return rules.status(self.period_start, self.period_end, self.posted_on, today)


def notice_steps(ctx: AppContext) -> list[tuple[flows.Definition, flows.Step]]:
    """Every step a notice is issued from (公示 and 公告), workflow by workflow."""
    return [(d, s) for d in flows.definitions(ctx.ref).workflows.values() for s in d.steps if s.posts_notice]


def at_step(ctx: AppContext, kind: str, step_code: str, village_id: str | None = None) -> list[store.AtStep]:
    """The households a notice of that step would list (of one village, if given), with their names."""
    return store.at_steps(ctx.db, flows.definitions(ctx.ref),
                          lambda k, step: k == kind and step.code == step_code, village_id)


def households_at(ctx: AppContext, kind: str, step_code: str, village_id: str | None = None) -> list[str]:
    """The households whose open ``kind`` workflow is at ``step_code`` (of one village, if given), by 户编号."""
    return list(_at_step(ctx, kind, step_code, village_id))


def _at_step(ctx: AppContext, kind: str, step_code: str, village_id: str | None) -> dict[str, int]:
    """household id → when its workflow reached the step (ms), in 户编号 order."""
    defs = flows.definitions(ctx.ref)
    since = {v.household_id: v.state.since for v in store.open_workflows(ctx.db, defs)
             if v.kind == kind and v.state.status == flows.OPEN and v.current is not None
             and v.current.code == step_code}
    found = list(since)
    if not found:
        return {}
    with ctx.db.read() as conn:
        rows = conn.execute(select(_H.c.id, _H.c.village_id, _H.c.hh_no).where(_H.c.id.in_(found))).all()
    return {r.id: since[r.id] for r in sorted(rows, key=lambda r: (r.hh_no or "", r.id))
            if village_id is None or r.village_id == village_id}


def issue(ctx: AppContext, kind: str, step_code: str, *, start: dt.date, days: int, contact: str,
          village_id: str | None = None, at_ms: int | None = None) -> NoticeView:
    """Issue the notice of a 公示 (or 公告) step; raises ``PermissionDenied``, ``NoticeError`` (the period
    shorter than the minimum, nobody at the step, households of several villages without ``village_id``,
    nowhere to object), ``WorkflowError`` (unknown workflow or step, not a notice step), ``NoSigningKey``."""
    ctx.require(PERMISSION)
    defs = flows.definitions(ctx.ref)
    definition = defs.get(kind)
    step = definition.steps[definition.index(step_code)]
    if not step.posts_notice:
        raise flows.WorkflowError(f"步骤“{step.text()}”（{step.code}）不是公示或公告步骤")
    first, last = rules.period(start, days, defs.notice_minimum_days)
    if not contact.strip():
        raise rules.NoticeError("请写明异议受理的地点、联系人及电话（--contact）")
    reached = _at_step(ctx, kind, step.code, village_id)
    ids = list(reached)
    _refuse_a_second_notice(ctx, kind, step.code, reached)
    if not ids:
        raise rules.NoticeError(f"没有处于“{definition.text()}”步骤“{step.text()}”（{step.code}）的户"
                                + ("（该村）" if village_id else ""))
    with ctx.db.read() as conn:
        villages = {r.village_id for r in conn.execute(select(_H.c.village_id).where(_H.c.id.in_(ids)))}
    if len(villages) > 1:
        raise rules.NoticeError(f"处于该步骤的户分属 {len(villages)} 个村，公示按村张贴：请用 --village 指明村")
    session = ctx.session
    if session is None:
        raise rules.NoticeError("签发公示须以本人账户登录")
    row_id = new_id()
    row: dict[str, Any] = {"id": row_id, "village_id": villages.pop(), "kind": kind, "step": step.code,
                           "households": json.dumps(ids), "period_start": first, "period_end": last,
                           "contact": contact.strip(), "issued_by": session.person_id,
                           "issued_by_name": session.name, "issued_at": at_ms or int(time.time() * 1000)}
    values, record = signoff.prepare(ctx, "notice", row_id, tables={"notice": [row]}, at_ms=row["issued_at"])
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
        txn.insert(Notice, {**row, "signoff_id": record.id})
    return get(ctx, row_id)


def require_posted_and_ended(ctx: AppContext, view: store.WorkflowView, step: flows.Step, decision: str,
                             when_ms: int) -> NoticeView | None:
    """The notice a pass of a 公示 step (``notice: true``) of ``view`` rests on: issued for the household at that
    step since it reached the step, posted, and its period over by the day of the decision (``when_ms``).
    ``NoticeError`` naming what is missing (no notice issued / not posted / the period ends on DATE);
    None for any other step or decision (a fail or 退回 needs no notice: an upheld objection sends it back)."""
    if decision != flows.PASS or not step.notice:
        return None
    kind = view.kind
    found = notice_of(ctx, kind, step.code, view.household_id, view.state.since)
    if found is None:
        raise rules.NoticeError(f"“{step.text()}”尚未签发该户的公示：先签发公示（fieldapp print notice --workflow "
                                f"{kind} --step {step.code}），张贴并期满后才能通过")
    if found.posted_on is None:
        raise rules.NoticeError(f"公示 {found.id[-8:]}（{found.period_start.isoformat()} 至 "
                                f"{found.period_end.isoformat()}）尚未记录张贴日期，公示期无从起算：张贴后先记录张贴"
                                f"（fieldapp workflow notice post {found.id[-8:]} --on YYYY-MM-DD）")
    day = flows.day_of(when_ms)
    if day <= found.period_end:
        raise rules.NoticeError(f"公示 {found.id[-8:]} 的公示期 {found.period_end.isoformat()} 才结束，"
                                f"{(found.period_end + dt.timedelta(days=1)).isoformat()} 起才能通过")
    return found


@dataclass(frozen=True)
class PassFrom:
    """From when the current step of a workflow may pass: ``day`` (the step's least days, and for a 公示 step
    the day after its posted notice's period ends), or None with ``waiting`` saying what is missing
    (公示未签发 / 公示未张贴): the same judgement as :func:`require_posted_and_ended`."""

    day: dt.date | None
    waiting: str = ""
    notice: NoticeView | None = None


NOT_ISSUED, NOT_POSTED = "公示未签发", "公示未张贴"


def pass_from(ctx: AppContext, view: store.WorkflowView, step: flows.Step) -> PassFrom:
    first = flows.earliest(step, view.state.since)
    if not step.notice:
        return PassFrom(first)
    found = notice_of(ctx, view.kind, step.code, view.household_id, view.state.since)
    if found is None:
        return PassFrom(None, NOT_ISSUED)
    if found.posted_on is None:
        return PassFrom(None, NOT_POSTED, found)
    return PassFrom(max(first, found.period_end + dt.timedelta(days=1)), "", found)


def of_household(ctx: AppContext, household_id: str) -> list[NoticeView]:
    """Every workflow notice listing the household, oldest first."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_N).where(_N.c.deleted.is_(False), _WORKFLOW_ONLY,
                                             _N.c.households.contains(household_id))
                            .order_by(_N.c.issued_at, _N.c.id)).all()
    return [_view(r) for r in rows if household_id in json.loads(r.households or "[]")]


def notice_of(ctx: AppContext, kind: str, step_code: str, household_id: str, since_ms: int) -> NoticeView | None:
    """The newest notice of ``kind``'s step listing the household, issued since ``since_ms`` (when the
    household reached the step: a notice from before a 退回 does not count)."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_N).where(_N.c.kind == kind, _N.c.step == step_code, _N.c.deleted.is_(False),
                                             _N.c.issued_at >= since_ms)
                            .order_by(_N.c.issued_at.desc(), _N.c.id.desc())).all()
    return next((_view(r) for r in rows if household_id in json.loads(r.households or "[]")), None)


def standing(ctx: AppContext, kind: str, step_code: str, reached: dict[str, int]) -> NoticeView | None:
    """The newest notice of the step already listing one of the households since it reached the step
    (``reached``: household id → when, ms): print it again rather than issue a second one. One query."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_N).where(_N.c.kind == kind, _N.c.step == step_code, _N.c.deleted.is_(False))
                            .order_by(_N.c.issued_at.desc(), _N.c.id.desc())).all()
    for r in rows:
        listed = set(json.loads(r.households or "[]"))
        if any(h in listed and int(r.issued_at) >= since for h, since in reached.items()):
            return _view(r)
    return None


def _refuse_a_second_notice(ctx: AppContext, kind: str, step_code: str, reached: dict[str, int]) -> None:
    """A household already on a notice of this step since it reached the step is not noticed twice: the
    notice stands (print it again with ``--id``). After a 退回 the step is reached anew and a new one is due."""
    with ctx.db.read() as conn:
        rows = conn.execute(select(_N).where(_N.c.kind == kind, _N.c.step == step_code, _N.c.deleted.is_(False))
                            .order_by(_N.c.issued_at.desc())).all()
    for r in rows:
        listed = set(json.loads(r.households or "[]"))
        again = [h for h, since in reached.items() if h in listed and int(r.issued_at) >= since]
        if again:
            period = f"{r.period_start.isoformat()} 至 {r.period_end.isoformat()}"
            raise rules.NoticeError(f"已签发的公示 {r.id[-8:]}（{period}）已列入处于该步骤的 {len(again)} 户；"
                                    f"重新打印请用 --id {r.id[-8:]}")


def post(ctx: AppContext, notice_id: str, posted_on: dt.date) -> NoticeView:
    """Record the day the notice was put up; refused once posted, and after its first day (the period as
    printed would not have run in full: issue a new notice)."""
    ctx.require(PERMISSION)
    found = get(ctx, notice_id)
    if found.posted_on is not None:
        raise rules.NoticeError(f"该公示已于 {found.posted_on.isoformat()} 张贴（{found.posted_by_name or ''}）")
    if posted_on > found.period_start:
        raise rules.NoticeError(f"张贴日期 {posted_on.isoformat()} 晚于公示开始日 {found.period_start.isoformat()}，"
                                "公示期不足：请重新签发公示")
    session = ctx.session
    with ctx.writer.transaction() as txn:
        txn.update(Notice, found.id, {"posted_on": posted_on, "posted_by_name": session.name if session else None})
    return get(ctx, found.id)


def get(ctx: AppContext, notice_id: str) -> NoticeView:
    wanted = notice_id.strip().lower()
    with ctx.db.read() as conn:
        query = select(_N).where(_N.c.deleted.is_(False))
        query = query.where(_N.c.id == wanted) if len(wanted) == 36 else query.where(_N.c.id.endswith(wanted))
        rows = conn.execute(query.limit(limits.fixed(2))).all() if len(wanted) >= 8 else []
    if len(rows) != 1:
        raise LookupError(f"公示 {notice_id} 不存在" + ("（标识不唯一，请写全）" if len(rows) > 1 else ""))
    return _view(rows[0])


def listed(ctx: AppContext) -> list[NoticeView]:
    """Every workflow notice of this laptop, newest first (disclosure notices: the disclosure service)."""
    with ctx.db.read() as conn:
        return [_view(r) for r in conn.execute(select(_N).where(_N.c.deleted.is_(False), _WORKFLOW_ONLY)
                                               .order_by(_N.c.issued_at.desc(), _N.c.id))]


def _view(r: Any) -> NoticeView:
    return NoticeView(r.id, r.village_id, r.kind, r.step, tuple(json.loads(r.households or "[]")), r.period_start,
                      r.period_end, r.contact, r.issued_by_name, int(r.issued_at), r.signoff_id, r.posted_on,
                      r.posted_by_name)
