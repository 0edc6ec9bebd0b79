"""Batch decisions: many households' same step decided at once, with one reason and ONE signature.

A township reviewer (or the district approver, or a village committee after one 评议 meeting) decides the
households waiting at a step together: :func:`decide_batch` checks every household as a single decision is
checked (:func:`fieldapp.services.workflow.service.decide`: the step is current, its days have passed, the
role, the meeting, unhandled objections, the exit gate). All or nothing: if any household fails, nothing is
written and :class:`BatchRefused` lists every household refused and why.

The one signature (签字背书, subject ``workflow_batch``, its subject id the batch's own id) covers every
decision of the batch: its snapshot lists each decision row, the workflow it belongs to and the attachments
made with it (each photo's SHA-256); each ``workflow_step`` row names the signature (``signoff_id``). The
snapshot builder :func:`fieldapp.services.signoff.snapshots.batch_tables` reads the same rows back, so the
signature's status and ``fieldapp-server verify CODE`` say when a decision was changed since.

Not in a batch: overriding the exit gate and settling a conflict (each needs its own reason), and a step that
requires a household's own document (户认可: that household's signed 脱贫确认书).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp.domain import people
from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import new_id
from fieldapp.domain.notice import NoticeError
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import attachments, store
from fieldapp.services.workflow import service as single
from fieldapp.store.models import HouseholdListRow, Signoff, StepAttachment, WorkflowStep

SUBJECT = "workflow_batch"
#: what one household of a batch may be refused with (listed, the batch not written)
REFUSALS = (rules.WorkflowError, NoticeError, people.PermissionDenied, LookupError)


@dataclass(frozen=True)
class Refusal:
    """A household of a batch that cannot be decided, and why (the service's message)."""

    household_id: str
    name: str  # 户主（户编号）
    message: str


class BatchRefused(rules.WorkflowError):
    """Some households of a batch cannot be decided: nothing was written; ``refusals`` says which and why."""

    def __init__(self, refusals: Sequence[Refusal], total: int) -> None:
        self.refusals = tuple(refusals)
        lines = "\n".join(f"  {r.name}：{r.message}" for r in self.refusals)
        super().__init__(f"批量决定未执行（{total} 户均未写入）：以下 {len(self.refusals)} 户不能决定——\n{lines}\n"
                         "请去掉这些户，或先处理上述问题后再决定")


@dataclass(frozen=True)
class BatchDecided:
    """A written batch: its decisions (in the order given), the one signature and each workflow after it."""

    batch_id: str
    decided: tuple[single.Decided, ...]
    signature: signoff.SignoffRecord | None


def decide_batch(ctx: AppContext, household_ids: Sequence[str], step_code: str, decision: str, reason: str = "",
                 *, meeting_id: str | None = None, at_ms: int | None = None,
                 attach: Sequence[attachments.NewAttachment] = ()) -> BatchDecided:
    """Decide ``step_code`` of every household of ``household_ids`` alike, under one signature.

    Raises :class:`BatchRefused` listing every household that fails its checks (nothing written),
    ``WorkflowError`` for a batch that cannot be (no household, one named twice, a step requiring a
    household's own document), ``NoSigningKey``, ``PhotoError`` (an attachment not a JPEG/PNG image).
    ``attach``: photos attached to every decision of the batch (the minutes of the meeting, say)."""
    defs = single.definitions(ctx)
    when = at_ms or single.now_ms()
    attachments.check_items(ctx, attach)
    plans = _plans(ctx, defs, list(household_ids), step_code, decision=decision, reason=reason, meeting_id=meeting_id,
                   when=when, kinds=[a.kind for a in attach])
    stored = attachments.store_files(ctx, attach)
    batch_id = new_id()
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for plan in plans:
        rows.append({"id": plan.row_id, **plan.row})
        links.extend(attachments.step_rows(plan.row_id, plan.view.household_id, stored))
    signed = any(p.needs_signature for p in plans)
    values: dict[str, Any] | None = None
    record: signoff.SignoffRecord | None = None
    if signed:
        values, record = signoff.prepare(ctx, SUBJECT, batch_id, tables=signed_tables(plans, rows, links, stored),
                                         household_id=None, role=str(plans[0].row["decided_as"]), at_ms=when)
    with ctx.writer.transaction() as txn:
        if values is not None:
            txn.insert(Signoff, values)
        for row in rows:
            txn.insert(WorkflowStep, {**row, "signoff_id": record.id if record is not None else None})
        attachments.write_photos(txn, stored)
        for link in links:
            txn.insert(StepAttachment, link)
    decided = []
    for plan in plans:
        after = next(v for v in store.workflows_of(ctx.db, plan.view.household_id, defs) if v.id == plan.view.id)
        decided.append(single.Decided(next(d for d in after.state.history if d.id == plan.row_id), record, after))
    return BatchDecided(batch_id, tuple(decided), record)


def _plans(ctx: AppContext, defs: rules.Definitions, ids: list[str], step_code: str, *, decision: str, reason: str,
           meeting_id: str | None, when: int, kinds: list[str]) -> list[single.Planned]:
    """Every household's decision checked as a single one is; :class:`BatchRefused` listing each that fails."""
    if not ids:
        raise rules.WorkflowError("批量决定至少要有一户")
    twice = sorted({h for h in ids if ids.count(h) > 1})
    if twice:
        raise rules.WorkflowError(f"同一户在批量决定中出现了两次：{'、'.join(_names(ctx, twice).values())}")
    names = _names(ctx, ids)
    plans: list[single.Planned] = []
    refused: list[Refusal] = []
    for hid in ids:
        try:
            plan = single.plan_decision(ctx, defs, hid, step_code, decision=decision, reason=reason, override=False,
                                settle=False, workflow_id=None, meeting_id=meeting_id, when=when, kinds=kinds)
        except single.GateRefused as exc:
            refused.append(Refusal(hid, names[hid], "不符合退出标准：" + "；".join(exc.gate.problems)
                                   + "。确需越过的须逐户决定，写明理由并签字"))
            continue
        except REFUSALS as exc:
            refused.append(Refusal(hid, names[hid], str(exc.args[0]) if exc.args else str(exc)))
            continue
        if plan.step.attachment and decision == rules.PASS:
            refused.append(Refusal(hid, names[hid], f"“{plan.step.text()}”须附上该户自己的"
                                   f"{attachments.kind_label(ctx, plan.step.attachment)}，只能逐户决定"))
            continue
        plans.append(plan)
    if refused:
        raise BatchRefused(refused, len(ids))
    if len({str(p.row["decided_as"]) for p in plans}) > 1:
        raise rules.WorkflowError("这些户的步骤由不同角色决定，不能在一个签字下一并决定：请按流程分开决定")
    return plans


def signed_tables(plans: Sequence[single.Planned], rows: Sequence[dict[str, Any]], links: Sequence[dict[str, Any]],
                  stored: Sequence[attachments.Stored]) -> dict[str, list[dict[str, Any]]]:
    """What the batch's signature covers: every decision (without the signature's own id), its workflow and
    the attachments, in the form :func:`fieldapp.services.signoff.snapshots.batch_tables` reads them back."""
    flows = {p.view.id: {"id": p.view.id, "household_id": p.view.household_id, "kind": p.view.kind,
                         "started_at": p.view.started_at} for p in plans}
    return {"workflow": list(flows.values()), "workflow_step": [dict(r) for r in rows],
            **attachments.signed_tables(links, stored)}


def _names(ctx: AppContext, ids: Sequence[str]) -> dict[str, str]:
    """户主（户编号） of each household (its id when the list has no row for it)."""
    lst = HouseholdListRow.__table__
    with ctx.db.read() as conn:
        found = {r.household_id: f"{r.head_name or '—'}（{r.hh_no or '—'}）" for r in conn.execute(
            select(lst.c.household_id, lst.c.hh_no, lst.c.head_name).where(lst.c.household_id.in_(list(ids))))}
    return {h: found.get(h, h) for h in ids}
