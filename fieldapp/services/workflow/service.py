"""Starting workflows and recording decisions: checked, signed and written in one transaction.

:func:`start` opens a workflow of a household (``workflow.start``; one open workflow per household).
:func:`decide` records a decision on the current step: the step's order, its minimum duration and
its role (``workflow.decide.<role>``: the refusal names the permission) are checked first; a decision
on a step that requires a signature, and every override of the exit gate, is signed (签字背书,
subject ``workflow_step``) and the signature is inserted with the decision. A step with the exit gate
passes only when :func:`fieldapp.services.workflow.gate.exit_gate_of` finds nothing wrong, or with
an override (``workflow.override``) and a reason, which stay on the decision and its signature.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import notice as notice_rules
from fieldapp.domain import refdata
from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import new_id
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import attachments, deliberation, notices, objections, store
from fieldapp.services.workflow import gate as gates
from fieldapp.store.models import Signoff, StepAttachment, Workflow, WorkflowStep


class GateRefused(rules.WorkflowError):
    """The exit gate fails: ``gate.problems`` say which income or indicator."""

    def __init__(self, gate: rules.Gate) -> None:
        self.gate = gate
        super().__init__("不符合退出标准，不能拟退出：" + "；".join(gate.problems)
                         + "。确需退出的，由有权限的人写明理由并签字越过（--override）")


@dataclass(frozen=True)
class Decided:
    """A recorded decision, the signature made with it (if any) and the workflow's state after it."""

    decision: rules.Decision
    signature: signoff.SignoffRecord | None
    workflow: store.WorkflowView


def now_ms() -> int:
    """The clock decisions are stamped with (ms since the epoch)."""
    return int(time.time() * 1000)


def definitions(ctx: AppContext) -> rules.Definitions:
    return rules.definitions(ctx.ref)


def start(ctx: AppContext, household_id: str, kind: str, *, category: str | None = None,
          risk_type: str | None = None, at_ms: int | None = None) -> store.WorkflowView:
    """Open a ``kind`` workflow for the household. Raises ``PermissionDenied`` (``workflow.start``),
    ``WorkflowError`` (unknown kind, missing category or risk type, another workflow still open),
    ``LookupError``. The exit gate is judged when the exit's proposal step (对象确定) is decided."""
    ctx.require(rules.START_PERMISSION)
    defs = definitions(ctx)
    definition = defs.get(kind)
    register.load_record(ctx.db, household_id)  # LookupError for an unknown or deleted household
    values: dict[str, Any] = {"category": None, "risk_type": None}
    for name, given, codes in (("category", category, "monitoring_category"), ("risk_type", risk_type, "risk_type")):
        if given is None:
            if name in definition.needs:
                option = name.replace("_", "-")
                raise rules.WorkflowError(f"“{definition.text()}”须注明{_list_title(ctx, codes)}（--{option}）")
            continue
        if given not in {c.code for c in ctx.ref[codes].codes}:
            raise rules.WorkflowError(f"{_list_title(ctx, codes)}代码 {given} 不存在（可用：{_codes(ctx, codes)}）")
        values[name] = given
    views = store.workflows_of(ctx.db, household_id, defs)
    running = next((v for v in reversed(views) if v.state.is_open), None)
    if running is not None:
        raise rules.WorkflowError(f"该户已有进行中的“{running.definition.text()}”，须先办结或不通过才能发起新的流程")
    gone = store.exited(views, store.typed_exit_status(ctx.db, household_id))
    if kind == "exit" and gone:
        raise rules.WorkflowError("该户已脱贫，不能再发起退出；返贫的请发起 return")
    if kind == "return" and not gone:
        raise rules.WorkflowError("该户未脱贫，不能发起返贫（return 只用于已脱贫的户）")
    session = ctx.session
    with ctx.writer.transaction() as txn:
        made = txn.insert(Workflow, {"household_id": household_id, "kind": kind, **values,
                                     "started_by": session.person_id if session else None,
                                     "started_by_name": session.name if session else None,
                                     "started_at": at_ms or now_ms(), "origin": rules.ORIGIN_APP})
    return next(v for v in store.workflows_of(ctx.db, household_id, defs) if v.id == made)


@dataclass(frozen=True)
class Planned:
    """A decision checked and ready to write: its workflow, step, new row id and row (no signature yet)."""

    view: store.WorkflowView
    step: rules.Step
    row_id: str
    row: dict[str, Any]

    @property
    def needs_signature(self) -> bool:
        return self.step.signature or bool(self.row["override"]) or bool(self.row["settles"])


def decide(ctx: AppContext, household_id: str, step_code: str, decision: str, reason: str = "", *,
           override: bool = False, settle: bool = False, workflow_id: str | None = None,
           meeting_id: str | None = None, at_ms: int | None = None,
           attach: Sequence[attachments.NewAttachment] = ()) -> Decided:
    """Record ``decision`` (pass | fail | return) on the household's current step.

    Raises ``WorkflowError`` (no open workflow, not the current step, a conflict, a reason missing, a
    required attachment missing), ``TooEarly`` (with the first day the step may be decided),
    ``PermissionDenied`` naming the step's permission, ``GateRefused``, ``NoSigningKey``, ``PhotoError``
    (an attachment that is not a JPEG or PNG image). ``settle``: while the step has conflicting decisions,
    this one (signed, with its reason) settles them; they stay on record as superseded.
    A deliberation step's pass or fail names its 评议 meeting (``meeting_id``, ``NoticeError`` without one);
    any pass is refused while an objection to the workflow is unhandled (``NoticeError`` naming it).
    ``attach``: photos stored with the decision and covered by its signature (:mod:`.attachments`)."""
    defs = definitions(ctx)
    when = at_ms or now_ms()
    attachments.check_items(ctx, attach)  # the files first: a wrong one is named before anything else
    plan = plan_decision(ctx, defs, household_id, step_code, decision=decision, reason=reason, override=override,
                         settle=settle,
                 workflow_id=workflow_id, meeting_id=meeting_id, when=when, kinds=[a.kind for a in attach])
    stored = attachments.store_files(ctx, attach)
    links = attachments.step_rows(plan.row_id, household_id, stored)
    signed_values: dict[str, Any] | None = None
    record: signoff.SignoffRecord | None = None
    row = dict(plan.row)
    if plan.needs_signature:
        tables = _signed_tables(plan.view, plan.row_id, row)
        if links:
            tables.update(attachments.signed_tables(links, stored))
        signed_values, record = signoff.prepare(
            ctx, "workflow_step", plan.row_id, tables=tables, household_id=household_id,
            role=str(row["decided_as"]), at_ms=when)
        row["signoff_id"] = record.id
    with ctx.writer.transaction() as txn:
        if signed_values is not None:
            txn.insert(Signoff, signed_values)
        txn.insert(WorkflowStep, {"id": plan.row_id, **row})
        attachments.write_photos(txn, stored)
        for link in links:
            txn.insert(StepAttachment, link)
    after = next(v for v in store.workflows_of(ctx.db, household_id, defs) if v.id == plan.view.id)
    made = next(d for d in after.state.history if d.id == plan.row_id)
    return Decided(made, record, after)


def plan_decision(ctx: AppContext, defs: rules.Definitions, household_id: str, step_code: str, *, decision: str,
          reason: str, override: bool, settle: bool, workflow_id: str | None, meeting_id: str | None,
          when: int, kinds: Sequence[str]) -> Planned:
    """Every check of a decision (order, dates, role, meeting, objections, exit gate, required attachment)
    and the row it would write; raises what :func:`decide` documents."""
    view = _the_open_workflow(ctx, household_id, defs, workflow_id)
    step = rules.check_decision(view.definition, view.state, step_code, decision, reason=reason, now_ms=when,
                                settle=settle)
    ctx.require(step.permission)
    session = ctx.session
    if session is None:
        raise rules.WorkflowError("流程决定须以本人账户登录后作出")
    meeting = _meeting_and_objections(ctx, view, step, decision, meeting_id=meeting_id, when=when)
    notices.require_posted_and_ended(ctx, view, step, decision, when)
    if step.attachment:
        rules.check_attachment(step, decision, kinds, attachments.kind_label(ctx, step.attachment))
    gate_json: str | None = None
    if step.gate == "exit" and decision == rules.PASS:
        found = gates.exit_gate_of(ctx, household_id)
        gate_json = json.dumps(found.snapshot(), ensure_ascii=False, sort_keys=True)
        if found.passed:
            override = False  # nothing to override: the decision records the figures it was judged on
        elif not override:
            raise GateRefused(found)
        else:
            ctx.require(rules.OVERRIDE_PERMISSION)
            if not reason.strip():
                raise rules.WorkflowError("越过退出标准须写明理由（--reason），理由与签字一并保留")
    elif override:
        raise rules.WorkflowError(f"步骤“{step.text()}”没有可越过的退出标准")
    row = {"workflow_id": view.id, "household_id": household_id, "step": step.code, "prev_id": view.state.head_id,
           "decision": decision, "reason": reason.strip(), "override": override, "gate": gate_json,
           "person_id": session.person_id, "person_name": session.name, "role": step.role,
           "decided_as": _deciding_role(ctx, step), "decided_at": when,
           "settles": json.dumps(sorted(d.id for d in view.state.conflicts)) if settle else "",
           "meeting_id": meeting}
    return Planned(view, step, new_id(), row)


def _meeting_and_objections(ctx: AppContext, view: store.WorkflowView, step: rules.Step, decision: str, *,
                            meeting_id: str | None, when: int) -> str | None:
    """The 评议 meeting a deliberation step's pass or fail rests on (None for other steps); refuses a pass
    while an objection to the workflow is unhandled, naming it."""
    if decision == rules.PASS:
        pending = objections.unhandled(ctx.db, view.id)
        if pending:
            raise notice_rules.NoticeError(notice_rules.blocking_text(pending))
    if step.deliberation and decision in (rules.PASS, rules.FAIL):
        return deliberation.meeting_for_decision(ctx, meeting_id, view.household_id, step.text(), rules.day_of(when))
    if meeting_id:
        raise rules.WorkflowError(f"步骤“{step.text()}”不是评议步骤，不需注明评议会议")
    return None


def _the_open_workflow(ctx: AppContext, household_id: str, defs: rules.Definitions,
                       workflow_id: str | None) -> store.WorkflowView:
    """The household's open workflow (``workflow_id``, or its only one). Two started on two laptops before
    they synced are both shown, never one silently picked: the caller names which one."""
    running = [v for v in store.workflows_of(ctx.db, household_id, defs) if v.state.is_open]
    if workflow_id is not None:
        wanted = workflow_id.strip().lower()
        chosen = [v for v in running if v.id == wanted or (len(wanted) >= 8 and v.id.endswith(wanted))]
        if len(chosen) != 1:
            raise rules.WorkflowError(f"该户没有进行中的流程 {workflow_id}")
        return chosen[0]
    if not running:
        raise rules.WorkflowError("该户没有进行中的流程（先用 workflow start 发起）")
    if len(running) > 1:
        names = "、".join(f"{v.definition.text()}（{v.id}）" for v in running)
        raise rules.WorkflowError(f"该户有 {len(running)} 个同时进行的流程（在不同笔记本上各自发起）：{names}。"
                                  "请指明决定哪一个（--workflow），多余的一个可以不通过（fail）并写明理由")
    return running[0]


def _signed_tables(view: store.WorkflowView, row_id: str, row: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What the signature covers: the decision (who, role, when, decision, reason, override, the gate's
    figures) and the workflow it belongs to (and the attachments made with it: the caller adds them)."""
    return {"workflow": [{"id": view.id, "household_id": view.household_id, "kind": view.kind,
                          "started_at": view.started_at}],
            "workflow_step": [{"id": row_id, **{k: v for k, v in row.items() if k != "signoff_id"}}]}


def _deciding_role(ctx: AppContext, step: rules.Step) -> str:
    """The decider's own role that holds the step's permission (a team leader recording an application
    decides and signs as team leader)."""
    from fieldapp.domain import people

    table = people.permission_table(ctx.ref)
    roles = ctx.session.roles if ctx.session is not None else ()
    return next((r for r in roles if table.allows([r], step.permission)
                 and table.allows([r], signoff.SIGN_WORKFLOW_STEP)), step.role)


def _list_title(ctx: AppContext, codes: str) -> str:
    return ctx.ref[codes].title.get(refdata.DEFAULT_LANGUAGE, codes)


def _codes(ctx: AppContext, codes: str) -> str:
    return "、".join(f"{c.code} {c.text()}" for c in ctx.ref[codes].codes)
