"""Issuing, posting and objecting to disclosure notices (资金公示), on the workflow 公示's machinery.

A disclosure notice is a ``notice`` row (kind ``disclosure_<kind>``, step empty) with the project or the
village's year it is about and its figures, read from the ledger by :mod:`.figures` when it is issued.
:func:`issue` (``notice.issue``) checks the period against ``disclosure_minimum_days`` and writes the row
with its signature (subject ``disclosure``: the kind, scope, period, where to object and every figure) in
one transaction; the signature's verification code is the QR code printed on the notice.
:func:`standing` says whether the signature still holds and whether the ledger still agrees with the
figures: a notice is never changed afterwards, it is shown out of date (issue a new one).
Posting is the workflow notices' :func:`~fieldapp.services.workflow.notices.post`; an objection is an
``objection`` row naming the notice (no workflow; a household only if it concerns one listed household),
handled by the workflow objections' :func:`~fieldapp.services.workflow.objections.handle`.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from fieldapp.domain import disclosure as rules
from fieldapp.domain import notice as notice_rules
from fieldapp.domain import signoff as signoff_rules
from fieldapp.domain import workflow as flows
from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import figures as ledger
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import notices, objections
from fieldapp.store import limits
from fieldapp.store.models import Area, Notice, Objection, Project, Signoff

PERMISSION = notices.PERMISSION  # notice.issue: whoever issues a 公示 issues a 资金公示
_N, _O, _A, _P = Notice.__table__, Objection.__table__, Area.__table__, Project.__table__


@dataclass(frozen=True)
class DisclosureView:
    """A disclosure notice as stored, with its village's and project's names."""

    id: str
    kind: str  # plan | project | completion | subsidy
    village_id: str
    village_name: str
    project_id: str | None
    project_name: str | None
    year: int | None
    household_ids: tuple[str, ...]
    period_start: dt.date
    period_end: dt.date
    contact: str
    issued_by_name: str
    issued_at: int
    signoff_id: str | None
    posted_on: dt.date | None
    posted_by_name: str | None
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return notice_rules.days_of(self.period_start, self.period_end)

    @property
    def title(self) -> str:
        return rules.KIND_WORDS[self.kind]

    @property
    def scope(self) -> str:
        """What it is about, in words: 东村 2026年, or 东村 核桃园提质增效."""
        what = self.project_name if self.project_id else f"{self.year}年"
        return f"{self.village_name} {what}".strip()

    def status(self, today: dt.date) -> str:
        return notice_rules.status(self.period_start, self.period_end, self.posted_on, today)


@dataclass(frozen=True)
class Standing:
    """Whether a notice still holds: its signature (``signoff`` state) and the ledger's agreement."""

    signature: str  # signoff VALID / CHANGED / INVALID / UNSIGNED
    differences: tuple[str, ...] = ()  # where the ledger now disagrees with the figures (empty: agrees)
    ledger_problem: str = ""  # the ledger cannot give the figures any more (project gone, no longer accepted)

    @property
    def out_of_date(self) -> bool:
        return bool(self.differences or self.ledger_problem)

    @property
    def holds(self) -> bool:
        return self.signature == signoff.VALID and not self.out_of_date

    def short(self) -> str:
        """In a word or two, for a table: 一致, 已过时, 签字不符."""
        if self.signature in (signoff.CHANGED, signoff.INVALID):
            return "签字不符"
        return "已过时" if self.out_of_date else "一致"

    def text(self) -> str:
        if self.signature == signoff.CHANGED:
            return "签发后公示内容被改动，与签字不符：本公示无效，请重新签发"
        if self.signature == signoff.INVALID:
            return "签名无法核验：本公示无效，请重新签发"
        if self.ledger_problem:
            return f"公示已过时：{self.ledger_problem}"
        if self.differences:
            return f"公示已过时：签发后项目账目已变动 {len(self.differences)} 处，公示数字与现账目不符，请重新签发"
        return "公示数字与现账目一致"


def minimum_days(ctx: AppContext) -> int:
    return flows.definitions(ctx.ref).disclosure_minimum_days


def issue(ctx: AppContext, kind: str, *, start: dt.date, days: int, contact: str, project_id: str | None = None,
          village_id: str | None = None, year: int | None = None, at_ms: int | None = None) -> DisclosureView:
    """Issue and sign a disclosure notice of ``kind`` for a project (``project_id``) or a village's year; raises
    ``PermissionDenied``, ``DisclosureError`` (period too short, nowhere to object, nothing to disclose, wrong
    project state), ``LookupError`` (no such project), ``NoSigningKey``."""
    ctx.require(PERMISSION)
    rules.check_kind(kind)
    first, last = rules.period(start, days, minimum_days(ctx))
    if not contact.strip():
        raise rules.DisclosureError("请写明异议受理的地点、联系人及电话（--contact）")
    if kind in (rules.PROJECT, rules.COMPLETION) and not project_id:
        raise rules.DisclosureError(f"{rules.KIND_WORDS[kind]}须指明项目（--project）")
    if project_id:
        village_id, year = ledger.village_of_project(ctx.db, project_id), None
    elif not village_id or not year:
        raise rules.DisclosureError(f"{rules.KIND_WORDS[kind]}须指明村和年份（--village、--year）或项目（--project）")
    stated = ledger.of(ctx.db, kind, project_id=project_id, village_id=village_id, year=year)
    households = list(dict.fromkeys(x["household_id"] for x in stated.get("lines", stated.get("beneficiaries", []))))
    session = ctx.session
    if session is None:
        raise rules.DisclosureError("签发公示须以本人账户登录")
    row_id = new_id()
    row: dict[str, Any] = {"id": row_id, "village_id": village_id, "kind": rules.KIND_CODES[kind], "step": "",
                           "households": json.dumps(households), "period_start": first, "period_end": last,
                           "contact": contact.strip(), "issued_by": session.person_id,
                           "issued_by_name": session.name, "issued_at": at_ms or int(time.time() * 1000),
                           "project_id": project_id, "year": year, "figures": signoff_rules.canonical(stated)}
    values, record = signoff.prepare(ctx, "disclosure", row_id, tables={"notice": [row]}, at_ms=row["issued_at"])
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
        txn.insert(Notice, {**row, "signoff_id": record.id})
    return get(ctx, row_id)


def ledger_now(ctx: AppContext, view: DisclosureView) -> dict[str, Any]:
    """The notice's figures as the ledger holds them now; raises ``DisclosureError``, ``LookupError``."""
    return ledger.of(ctx.db, view.kind, project_id=view.project_id, village_id=view.village_id, year=view.year)


def standing(ctx: AppContext, view: DisclosureView) -> Standing:
    state = signoff.status(ctx.db, "disclosure", view.id, ref=ctx.ref).state
    try:
        now = ledger_now(ctx, view)
    except (rules.DisclosureError, LookupError) as exc:
        return Standing(state, (), str(exc))
    return Standing(state, tuple(rules.differences(view.figures, now)))


def post(ctx: AppContext, notice_id: str, posted_on: dt.date) -> DisclosureView:
    """Record the day it was put up (refused once posted, and after its first day), as for a workflow 公示."""
    found = get(ctx, notice_id)
    notices.post(ctx, found.id, posted_on)
    return get(ctx, found.id)


def get(ctx: AppContext, notice_id: str) -> DisclosureView:
    """A disclosure notice by its id or its last 8 or more characters; raises LookupError."""
    wanted = notice_id.strip().lower()
    query = _query().where(_N.c.id == wanted) if len(wanted) == 36 else _query().where(_N.c.id.endswith(wanted))
    with ctx.db.read() as conn:
        rows = conn.execute(query.limit(limits.fixed(2))).all() if len(wanted) >= 8 else []
    if len(rows) != 1:
        raise LookupError(f"资金公示 {notice_id} 不存在" + ("（标识不唯一，请写全）" if len(rows) > 1 else ""))
    return _view(rows[0])


def listed(ctx: AppContext, village_ids: list[str] | None = None,
           project_id: str | None = None) -> list[DisclosureView]:
    """Disclosure notices (of some villages, of a project), newest first."""
    query = _query()
    if village_ids is not None:
        query = query.where(_N.c.village_id.in_(village_ids))
    if project_id is not None:
        query = query.where(_N.c.project_id == project_id)
    with ctx.db.read() as conn:
        return [_view(r) for r in conn.execute(query.order_by(_N.c.issued_at.desc(), _N.c.id))]


def _query() -> Any:
    return (select(_N, _A.c.name.label("village_name"), _P.c.name.label("project_name"))
            .select_from(_N.outerjoin(_A, _A.c.id == _N.c.village_id).outerjoin(_P, _P.c.id == _N.c.project_id))
            .where(_N.c.deleted.is_(False), _N.c.kind.in_(list(rules.KIND_CODES.values()))))


def _view(r: Any) -> DisclosureView:
    return DisclosureView(r.id, rules.kind_of(r.kind) or r.kind, r.village_id, r.village_name or "", r.project_id,
                          r.project_name, r.year, tuple(json.loads(r.households or "[]")), r.period_start,
                          r.period_end, r.contact, r.issued_by_name, int(r.issued_at), r.signoff_id, r.posted_on,
                          r.posted_by_name, json.loads(r.figures or "{}"))


# -- objections ------------------------------------------------------------------------------------


def object_to(ctx: AppContext, notice_id: str, *, from_whom: str, content: str, received_on: dt.date,
              household_id: str | None = None) -> notice_rules.ObjectionView:
    """Record an objection to a disclosure notice (``objection.record``), received within its period; about one
    listed household if ``household_id``. Raises ``PermissionDenied``, ``DisclosureError``, ``LookupError``."""
    ctx.require(objections.RECORD)
    if not from_whom.strip():
        raise rules.DisclosureError("请写明异议人（--from），匿名反映的写“匿名”")
    if not content.strip():
        raise rules.DisclosureError("请写明异议内容（--content）")
    found = get(ctx, notice_id)
    if found.posted_on is None:
        raise rules.DisclosureError(f"资金公示 {found.id[-8:]} 尚未记录张贴，先记录张贴日期")
    if not found.period_start <= received_on <= found.period_end:
        raise rules.DisclosureError(f"异议收到日期 {received_on.isoformat()} 不在公示期 "
                                    f"{found.period_start.isoformat()} 至 {found.period_end.isoformat()} 内")
    if household_id is not None and household_id not in found.household_ids:
        raise rules.DisclosureError("该户不在这份公示上")
    session = ctx.session
    with ctx.writer.transaction() as txn:
        made = txn.insert(Objection, {"household_id": household_id, "workflow_id": None, "notice_id": found.id,
                                      "step": "", "received_on": received_on, "from_whom": from_whom.strip(),
                                      "content": content.strip(),
                                      "recorded_by_name": session.name if session else None})
    return objections.get(ctx.db, made)


def handle(ctx: AppContext, objection_id: str, *, result: str, handling: str,
           handled_on: dt.date) -> notice_rules.ObjectionView:
    """Record how an objection to a disclosure was handled (``objection.handle``), as for a workflow's."""
    return objections.handle(ctx, objection_id, result=result, handling=handling, handled_on=handled_on)


def objections_of(ctx: AppContext, notice_id: str | None = None, *,
                  open_only: bool = False) -> list[notice_rules.ObjectionView]:
    """Objections to disclosure notices (to one of them), oldest first."""
    query = select(_O).where(_O.c.deleted.is_(False), _O.c.workflow_id.is_(None), _O.c.notice_id.is_not(None))
    if notice_id is not None:
        query = query.where(_O.c.notice_id == notice_id)
    if open_only:
        query = query.where(_O.c.result.is_(None))
    with ctx.db.read() as conn:
        rows = conn.execute(query.order_by(_O.c.received_on, _O.c.id)).all()
    return [objections.view_of(r) for r in rows]
