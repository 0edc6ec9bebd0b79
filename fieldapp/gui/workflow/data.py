"""What the workflow windows show, read through the services on the database thread (no Qt here).

:func:`household_flows` gathers one household's workflows with the derived state, the status of each
signature, the attachments of the decisions and their meetings (with the thumbnails, unsealed here) and
the exit status as derived (or typed, with no finished workflow); :func:`gate_of` judges
the exit standard before a workflow is started.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fieldapp.domain import notice as notice_rules
from fieldapp.domain import workflow as rules
from fieldapp.services import lookups
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import attachments, deliberation, gate, notices, objections, store


@dataclass(frozen=True)
class SignatureLine:
    """A decision's signature as this laptop sees it: its code, or why it does not check, or missing."""

    code: str = ""
    problems: tuple[str, ...] = ()
    missing: bool = False
    batch: int = 0  # a batch decision's signature: how many households' decisions it covers


@dataclass(frozen=True)
class MeetingLine:
    """A 评议 meeting that deliberated the household: when, and the votes (the household's own, if counted)."""

    id: str
    held_on: dt.date
    present: int
    votes_for: int
    votes_against: int
    own_votes: bool  # the votes are the household's own count, not the meeting's single vote
    decided: bool  # a decision of the workflow names it


@dataclass(frozen=True)
class Publicity:
    """What a workflow has besides its decisions: its meetings, the notices listing the household, its
    objections, and from when its current step may pass (``blocked``: the unhandled objections)."""

    meetings: tuple[MeetingLine, ...] = ()
    notices: tuple[notices.NoticeView, ...] = ()
    objections: tuple[notice_rules.ObjectionView, ...] = ()
    pass_from: notices.PassFrom | None = None

    @property
    def blocked(self) -> tuple[notice_rules.ObjectionView, ...]:
        return tuple(o for o in self.objections if not o.handled)


@dataclass(frozen=True)
class HouseholdFlows:
    """One household's workflows (oldest first) and where it stands."""

    household_id: str
    title: str
    views: tuple[store.WorkflowView, ...]
    exited: bool
    source: str  # "workflow" | "imported" (a workflow recorded from an import) | "typed" (the household's own,
    # imported value: no finished workflow)
    typed_exit_status: str | None
    signatures: dict[str, SignatureLine] = field(default_factory=dict)
    #: the attachments of each decision (by decision id) and of each 评议 meeting (by meeting id)
    attachments: dict[str, list[attachments.Attachment]] = field(default_factory=dict)
    meeting_attachments: dict[str, list[attachments.Attachment]] = field(default_factory=dict)
    thumbs: dict[str, bytes] = field(default_factory=dict)  # sha256 -> thumbnail JPEG (opened)
    publicity: dict[str, Publicity] = field(default_factory=dict)  # workflow id -> its meetings, notices, objections

    @property
    def running(self) -> tuple[store.WorkflowView, ...]:
        return tuple(v for v in self.views if v.state.is_open)


def household_flows(ctx: AppContext, household_id: str) -> HouseholdFlows:
    views = store.workflows_of(ctx.db, household_id, rules.definitions(ctx.ref))
    typed = store.typed_exit_status(ctx.db, household_id)
    finished = [v for v in views if v.state.status in (rules.COMPLETED, rules.IMPORTED)
                and v.kind in ("identification", "exit", "return")]
    source = "typed" if not finished else ("workflow" if finished[-1].origin == rules.ORIGIN_APP else "imported")
    signatures: dict[str, SignatureLine] = {}
    for v in views:
        for d in (*v.state.history, *v.state.conflicts, *v.state.superseded):
            if d.signoff_id:
                record, problems = store.signature(ctx.db, d.signoff_id)
                signatures[d.id] = SignatureLine(record.code if record else "", tuple(problems), record is None,
                                                 store.batch_size(record))
    attached = attachments.of_household(ctx, household_id)
    meetings = {d.meeting_id for v in views for d in v.state.history if d.meeting_id}
    of_meetings = {m: found for m in sorted(meetings) if (found := attachments.of_meeting(ctx, m))}
    thumbs: dict[str, bytes] = {}
    for a in [*(a for x in attached.values() for a in x), *(a for x in of_meetings.values() for a in x)]:
        if a.sha256 not in thumbs:
            data = ctx.photos.read_thumb(a.sha256)
            if data is not None:
                thumbs[a.sha256] = data
    summary = lookups.household_summary(ctx.db, household_id)
    title = ""
    if summary is not None:
        title = f"{summary.head_name or '—'}（{summary.hh_no}）" if summary.hh_no else (summary.head_name or "")
    return HouseholdFlows(household_id, title, tuple(views), store.exited(views, typed), source, typed, signatures,
                          attached, of_meetings, thumbs, publicity_of(ctx, household_id, views))


def publicity_of(ctx: AppContext, household_id: str, views: list[store.WorkflowView]) -> dict[str, Publicity]:
    """Each workflow's meetings (held from its start to its next workflow's), notices (of its kind, issued
    since it started), objections, and from when its current step may pass."""
    met = deliberation.of_household(ctx, household_id)
    listed = notices.of_household(ctx, household_id)
    raised = objections.listed(ctx.db, household_id)
    found: dict[str, Publicity] = {}
    for i, v in enumerate(views):
        named = {d.meeting_id for d in (*v.state.history, *v.state.conflicts, *v.state.superseded) if d.meeting_id}
        start = rules.day_of(v.started_at)
        later = [rules.day_of(w.started_at) for w in views[i + 1:] if w.started_at > v.started_at]
        meetings = []
        for m in met:
            if m.id not in named and (m.held_on < start or (later and m.held_on >= later[0])):
                continue
            own = next((d for d in m.households if d.household_id == household_id), None)
            own_votes = own is not None and own.votes_for is not None
            meetings.append(MeetingLine(
                m.id, m.held_on, m.present_count, own.votes_for if own_votes else m.votes_for,  # type: ignore[union-attr]
                own.votes_against if own_votes else m.votes_against, own_votes, m.id in named))  # type: ignore[union-attr]
        if not any(s.deliberation for s in v.definition.steps):  # a workflow with no 评议: only meetings it names
            meetings = [m for m in meetings if m.decided]
        step = v.current if v.state.status == rules.OPEN else None
        found[v.id] = Publicity(
            tuple(meetings), tuple(n for n in listed if n.kind == v.kind and n.issued_at >= v.started_at),
            tuple(o for o in raised if o.workflow_id == v.id),
            notices.pass_from(ctx, v, step) if step is not None else None)
    return found


def gate_of(ctx: AppContext, household_id: str) -> rules.Gate:
    return gate.exit_gate_of(ctx, household_id)
