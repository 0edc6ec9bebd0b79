"""Generating, signing and reading a village's weekly summary (周汇总) and monthly update (月更新).

:func:`generate` (``report.write``) computes the figures from the register (:mod:`.figures`) and writes the
one ``summary`` row of the village, kind and period (natural id) with the team leader's narrative. Before
it is signed, generating again updates it. Once signed, it changes only together with a new signature
(``sign=True``, ``report.sign``): the figures, narrative and signature are written in one transaction, and
the earlier signature stays in the sign-off history with what it covered (nothing is overwritten unseen).
:func:`status` says whether the latest signature still covers the row as stored (签字后被改动 shows).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp.domain import report as rules
from fieldapp.domain import workflow as flows
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext
from fieldapp.services.report import figures as compute
from fieldapp.services.signoff import service as signoff
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Signoff, Summary

WRITE, SIGN = "report.write", "report.sign"
SUBJECT = "summary"
NARRATIVE_MAX = 2000
_S, _A = Summary.__table__, Area.__table__


@dataclass(frozen=True)
class SummaryView:
    """A stored summary with its village's name and parsed figures."""

    id: str
    village_id: str
    village_name: str
    period: rules.Period
    figures: rules.Figures
    narrative: str
    generated_at: int
    author_name: str
    signoff_id: str | None
    signed_at: int | None

    @property
    def kind(self) -> str:
        return self.period.kind

    @property
    def signed(self) -> bool:
        return self.signoff_id is not None

    @property
    def signed_on(self) -> dt.date | None:
        return flows.day_of(self.signed_at) if self.signed_at else None

    @property
    def title(self) -> str:
        return f"{self.village_name} {rules.KIND_WORDS[self.kind]} {self.period.words}"


def summary_id(village_id: str, period: rules.Period) -> str:
    return natural_id("summary", village_id, period.kind, period.text)


def due_rule(ctx: AppContext) -> rules.DueRule:
    """This laptop's due days (settings ``report_weekly_due_days``, ``report_monthly_due_day``)."""
    return rules.DueRule(int(ctx.settings["report_weekly_due_days"]), int(ctx.settings["report_monthly_due_day"]))


def village_name(ctx: AppContext, village_id: str) -> str:
    with ctx.db.read() as conn:
        row = conn.execute(select(_A.c.name, _A.c.level).where(_A.c.id == village_id, _A.c.deleted.is_(False))).first()
    if row is None or row.level != "village":
        raise LookupError(f"村 {village_id} 不存在")
    return str(row.name)


def preview(ctx: AppContext, village_id: str, period: rules.Period) -> rules.Figures:
    """The figures as the register holds them now (nothing written)."""
    village_name(ctx, village_id)
    with ctx.db.read() as conn:
        return compute.compute(conn, village_id, period, definitions=flows.definitions(ctx.ref),
                               late_after=int(ctx.settings["late_checkin_days"]))


def generate(ctx: AppContext, village_id: str, period_text: str, *, kind: str | None = None,
             narrative: str | None = None, sign: bool = False, today: dt.date | None = None,
             at_ms: int | None = None) -> SummaryView:
    """Write the village's summary of the period (figures computed now; ``narrative`` None keeps the stored
    one) and, with ``sign``, sign it in the same transaction. Raises ``ReportError`` (bad period, period not
    over, narrative too long, a signed summary regenerated without signing), ``PermissionDenied``,
    ``LookupError`` (unknown village), ``NoSigningKey``."""
    ctx.require(WRITE)
    if sign:
        ctx.require(SIGN)
    period = rules.parse_period(period_text, kind)
    today = today or dt.date.today()
    if today < period.last:
        raise rules.ReportError(f"{rules.KIND_WORDS[period.kind]} {period.words} 尚未结束，"
                                f"最早可于 {period.last.isoformat()} 生成")
    name = village_name(ctx, village_id)
    row_id = summary_id(village_id, period)
    stored = _row(ctx.db, row_id)
    if stored is not None and stored.signoff_id and not sign:
        raise rules.ReportError(f"{name} {rules.KIND_WORDS[period.kind]} {period.text} 已签字上报；"
                                "重新生成须同时重新签字（--sign），原签字保留在签字记录中")
    text = (narrative if narrative is not None else (stored.narrative if stored is not None else "")).strip()
    if len(text) > NARRATIVE_MAX:
        raise rules.ReportError(f"情况说明 {len(text)} 字，超过 {NARRATIVE_MAX} 字")
    found = preview(ctx, village_id, period)
    session = ctx.session
    at = at_ms or int(time.time() * 1000)
    row: dict[str, Any] = {"id": row_id, "village_id": village_id, "kind": period.kind, "period": period.text,
                           "figures": rules.figures_json(found), "narrative": text, "generated_at": at,
                           "author": session.person_id if session else None,
                           "author_name": session.name if session else (ctx.cadre_name or None)}
    signed: tuple[dict[str, Any], signoff.SignoffRecord] | None = None
    if sign:
        signed = signoff.prepare(ctx, SUBJECT, row_id, tables={"summary": [row]}, at_ms=at)
    values = {k: v for k, v in row.items() if k != "id"}
    values |= {"signoff_id": signed[1].id, "signed_at": signed[1].signed_at} if signed else {}
    with ctx.writer.transaction() as txn:
        if signed:
            txn.insert(Signoff, signed[0])
        txn.put(Summary, row_id, values)
    return get(ctx.db, row_id)


def sign(ctx: AppContext, village_id: str, period_text: str, *, at_ms: int | None = None) -> SummaryView:
    """Sign the stored summary as it is (no regeneration); refused when it is signed and unchanged."""
    ctx.require(SIGN)
    period = rules.parse_period(period_text)
    row_id = summary_id(village_id, period)
    if _row(ctx.db, row_id) is None:
        raise LookupError(f"{period.text} 还没有生成汇总：先生成，再签字")
    if status(ctx.db, row_id).state == signoff.VALID:
        raise rules.ReportError(f"{period.text} 的汇总已签字且未改动，无须再签")
    values, record = signoff.prepare(ctx, SUBJECT, row_id, at_ms=at_ms)
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
        txn.update(Summary, row_id, {"signoff_id": record.id, "signed_at": record.signed_at})
    return get(ctx.db, row_id)


def status(db: Database, row_id: str) -> signoff.Status:
    """The latest signature of the summary: valid, changed since signed (with the differences), invalid, unsigned."""
    return signoff.status(db, SUBJECT, row_id)


def history(db: Database, row_id: str) -> list[signoff.SignoffRecord]:
    """Every signature of the summary, newest first (each with the figures and narrative it covered)."""
    return signoff.history(db, SUBJECT, row_id)


def _row(db: Database, row_id: str) -> Any:
    with db.read() as conn:
        return conn.execute(select(_S).where(_S.c.id == row_id, _S.c.deleted.is_(False))).first()


def get(db: Database, row_id: str) -> SummaryView:
    with db.read() as conn:
        row = conn.execute(select(_S, _A.c.name.label("village_name")).join(_A, _A.c.id == _S.c.village_id,
                                                                           isouter=True)
                           .where(_S.c.id == row_id, _S.c.deleted.is_(False))).first()
    if row is None:
        raise LookupError(f"汇总 {row_id} 不存在")
    return view_of(row)


def find(db: Database, village_id: str, period: rules.Period) -> SummaryView | None:
    try:
        return get(db, summary_id(village_id, period))
    except LookupError:
        return None


def view_of(row: Any) -> SummaryView:
    """A ``summary`` row (joined with its village's name as ``village_name``) as a view."""
    return SummaryView(row.id, row.village_id, row.village_name or row.village_id[:8],
                       rules.parse_period(row.period, row.kind), rules.figures_from_json(row.figures),
                       row.narrative or "", int(row.generated_at), row.author_name or "", row.signoff_id,
                       int(row.signed_at) if row.signed_at is not None else None)


def listed(db: Database, kind: str | None = None, village_ids: list[str] | None = None) -> list[SummaryView]:
    """The stored summaries (of a kind, of some villages), newest period first."""
    query = select(_S, _A.c.name.label("village_name")).join(_A, _A.c.id == _S.c.village_id, isouter=True).where(
        _S.c.deleted.is_(False))
    if kind:
        query = query.where(_S.c.kind == kind)
    if village_ids is not None:
        query = query.where(_S.c.village_id.in_(village_ids))
    with db.read() as conn:
        rows = conn.execute(query.order_by(_S.c.period.desc(), _A.c.name)).all()
    return [view_of(r) for r in rows]


@dataclass(frozen=True)
class Overview:
    """What the 汇总上报 page shows for one village and period: the stored summary (if any), the figures
    (stored, or as the register holds them now when none is stored), and the signature's state."""

    village_id: str
    period: rules.Period
    stored: SummaryView | None
    figures: rules.Figures
    state: str  # signoff.VALID | CHANGED | INVALID | UNSIGNED
    code: str = ""
    due: dt.date | None = None
    signer: str = ""
    signed_text: str = ""  # local time of the latest signature, to the minute

    @property
    def late(self) -> bool:
        """Signed after the due day."""
        signed = self.stored.signed_on if self.stored else None
        return signed is not None and self.due is not None and signed > self.due


def overview(ctx: AppContext, village_id: str, period: rules.Period) -> Overview:
    stored = find(ctx.db, village_id, period)
    if stored is None:
        return Overview(village_id, period, None, preview(ctx, village_id, period), signoff.UNSIGNED,
                        due=due_rule(ctx).due(period))
    found = status(ctx.db, stored.id)
    record = found.signoff
    return Overview(village_id, period, stored, stored.figures, found.state, record.code if record else "",
                    due_rule(ctx).due(period), record.person_name if record else "",
                    record.signed_text if record else "")
