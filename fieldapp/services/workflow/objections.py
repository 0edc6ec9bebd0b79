"""Objections (异议) to a household on a posted notice: recorded during the period, handled with a result.

:func:`add` (``objection.record``) finds the household's open workflow and the notice that lists it for
that workflow, and refuses an objection received outside the notice's period. :func:`handle`
(``objection.handle``) records what was done and the result. :func:`unhandled` is what
:func:`fieldapp.services.workflow.service.decide` asks before any pass: an objection without a result
blocks it, named in the refusal.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from fieldapp.domain import notice as rules
from fieldapp.domain import workflow as flows
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import store
from fieldapp.store import limits
from fieldapp.store.db import Database
from fieldapp.store.models import HouseholdListRow, Notice, Objection

RECORD, HANDLE = "objection.record", "objection.handle"
_O, _N = Objection.__table__, Notice.__table__


def _view(r: object, hh_no: str = "") -> rules.ObjectionView:
    return rules.ObjectionView(r.id, r.household_id, r.workflow_id, r.notice_id, r.step, r.received_on,  # type: ignore[attr-defined]
                               r.from_whom, r.content, r.handling, r.result, r.handled_on,  # type: ignore[attr-defined]
                               r.handled_by_name, hh_no)  # type: ignore[attr-defined]


def add(ctx: AppContext, household_id: str, *, from_whom: str, content: str,
        received_on: dt.date) -> rules.ObjectionView:
    """Record an objection to the household; raises ``PermissionDenied``, ``NoticeError`` (no notice lists
    the household, received outside its period, nobody named, no content), ``WorkflowError``."""
    ctx.require(RECORD)
    if not from_whom.strip():
        raise rules.NoticeError("请写明异议人（--from），匿名反映的写“匿名”")
    if not content.strip():
        raise rules.NoticeError("请写明异议内容（--content）")
    view = store.open_workflow(ctx.db, household_id, flows.definitions(ctx.ref))
    if view is None:
        raise flows.WorkflowError("该户没有进行中的流程，无从提出异议")
    notice = _latest_notice(ctx.db, household_id, view.kind, view.started_at)
    if notice is None:
        raise rules.NoticeError(f"该户的“{view.definition.text()}”尚无公示，异议须在公示期内提出")
    if not notice.period_start <= received_on <= notice.period_end:
        raise rules.NoticeError(f"异议收到日期 {received_on.isoformat()} 不在公示期 {notice.period_start.isoformat()}"
                                f"至 {notice.period_end.isoformat()} 内")
    session = ctx.session
    with ctx.writer.transaction() as txn:
        made = txn.insert(Objection, {"household_id": household_id, "workflow_id": view.id, "notice_id": notice.id,
                                      "step": notice.step, "received_on": received_on, "from_whom": from_whom.strip(),
                                      "content": content.strip(),
                                      "recorded_by_name": session.name if session else None})
    return get(ctx.db, made)


def handle(ctx: AppContext, objection_id: str, *, result: str, handling: str,
           handled_on: dt.date) -> rules.ObjectionView:
    """Record how an objection was handled; raises ``PermissionDenied``, ``NoticeError``, ``LookupError``."""
    ctx.require(HANDLE)
    if result not in rules.RESULTS:
        choices = "、".join(f"{k}（{v}）" for k, v in rules.RESULTS.items())
        raise rules.NoticeError(f"办理结果应为 {choices} 之一：{result}")
    if not handling.strip():
        raise rules.NoticeError("请写明办理情况（--handling）：如何核实、结论是什么")
    found = get(ctx.db, objection_id)
    if found.handled:
        word = rules.RESULTS.get(found.result or "", "")
        raise rules.NoticeError(f"{found.text()} 已于 {found.handled_on} 办结（{word}）")
    if handled_on < found.received_on:
        raise rules.NoticeError("办结日期不能早于收到异议的日期")
    session = ctx.session
    with ctx.writer.transaction() as txn:
        txn.update(Objection, found.id, {"handling": handling.strip(), "result": result, "handled_on": handled_on,
                                         "handled_by_name": session.name if session else None})
    return get(ctx.db, found.id)


def view_of(r: object) -> rules.ObjectionView:
    """An objection row as a view (a disclosure notice's objections are read by the disclosure service)."""
    return _view(r)


def get(db: Database, objection_id: str) -> rules.ObjectionView:
    wanted = objection_id.strip().lower()
    lst = HouseholdListRow.__table__
    with db.read() as conn:
        query = select(_O, lst.c.hh_no).join(lst, lst.c.household_id == _O.c.household_id, isouter=True).where(
            _O.c.deleted.is_(False))
        query = query.where(_O.c.id == wanted) if len(wanted) == 36 else query.where(_O.c.id.endswith(wanted))
        rows = conn.execute(query.limit(limits.fixed(2))).all() if len(wanted) >= 8 else []
    if len(rows) != 1:
        raise LookupError(f"异议 {objection_id} 不存在" + ("（标识不唯一，请写全）" if len(rows) > 1 else ""))
    return _view(rows[0], rows[0].hh_no or "")


def listed(db: Database, household_id: str | None = None, *, open_only: bool = False) -> list[rules.ObjectionView]:
    """Objections to the workflows of this laptop (or of one household), oldest first (an objection to a
    disclosure notice has no workflow: the disclosure service lists those)."""
    lst = HouseholdListRow.__table__
    query = select(_O, lst.c.hh_no).join(lst, lst.c.household_id == _O.c.household_id, isouter=True).where(
        _O.c.deleted.is_(False), _O.c.workflow_id.is_not(None))
    if household_id:
        query = query.where(_O.c.household_id == household_id)
    if open_only:
        query = query.where(_O.c.result.is_(None))
    with db.read() as conn:
        return [_view(r, r.hh_no or "") for r in conn.execute(query.order_by(_O.c.received_on, _O.c.id))]


def unhandled(db: Database, workflow_id: str) -> list[rules.ObjectionView]:
    """The objections to a workflow that have no result yet (each blocks a pass)."""
    with db.read() as conn:
        rows = conn.execute(select(_O).where(_O.c.workflow_id == workflow_id, _O.c.deleted.is_(False),
                                             _O.c.result.is_(None)).order_by(_O.c.received_on, _O.c.id)).all()
    return [_view(r) for r in rows]


def _latest_notice(db: Database, household_id: str, kind: str, since_ms: int) -> object | None:
    """The newest notice of ``kind`` listing the household, issued since its workflow started."""
    with db.read() as conn:
        rows = conn.execute(select(_N).where(_N.c.kind == kind, _N.c.deleted.is_(False), _N.c.issued_at >= since_ms)
                            .order_by(_N.c.issued_at.desc())).all()
    return next((r for r in rows if household_id in json.loads(r.households or "[]")), None)
