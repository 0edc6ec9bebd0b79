"""What the workflow windows show, read through the services on the database thread (no Qt here).

:func:`household_flows` gathers one household's workflows with the derived state, the status of each
signature, the attachments of the decisions and their meetings (with the thumbnails, unsealed here) and
the exit status as derived (or typed, with no finished workflow); :func:`gate_of` judges
the exit standard before a workflow is started.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.domain import workflow as rules
from fieldapp.services import lookups
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import attachments, gate, store


@dataclass(frozen=True)
class SignatureLine:
    """A decision's signature as this laptop sees it: its code, or why it does not check, or missing."""

    code: str = ""
    problems: tuple[str, ...] = ()
    missing: bool = False
    batch: int = 0  # a batch decision's signature: how many households' decisions it covers


@dataclass(frozen=True)
class HouseholdFlows:
    """One household's workflows (oldest first) and where it stands."""

    household_id: str
    title: str
    views: tuple[store.WorkflowView, ...]
    exited: bool
    source: str  # "workflow" | "imported" | "typed"
    typed_exit_status: str | None
    signatures: dict[str, SignatureLine] = field(default_factory=dict)
    #: the attachments of each decision (by decision id) and of each 评议 meeting (by meeting id)
    attachments: dict[str, list[attachments.Attachment]] = field(default_factory=dict)
    meeting_attachments: dict[str, list[attachments.Attachment]] = field(default_factory=dict)
    thumbs: dict[str, bytes] = field(default_factory=dict)  # sha256 -> thumbnail JPEG (opened)

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
                          attached, of_meetings, thumbs)


def gate_of(ctx: AppContext, household_id: str) -> rules.Gate:
    return gate.exit_gate_of(ctx, household_id)
