"""Writing projects through the one write path, every check made *before* saving.

Each function reads the project, builds the figures it would have after the change
(:class:`fieldapp.domain.projects.Figures`) and refuses with :class:`~fieldapp.domain.projects.InconsistentProject`
listing every problem, so nothing inconsistent is ever stored. Permissions (``permissions.json``):
``project.edit`` records and edits a project, its budget, beneficiaries and progress; ``project.approve``
approves (批复金额), withdraws an approval and changes the budget of an approved project; ``project.disburse``
records 资金拨付; ``project.accept`` records the signed 验收 (signoff subject ``project_acceptance``, written in
the same transaction as the acceptance). A town's project is recorded by the town's reviewers (it belongs to no
village team): creating one needs ``project.approve``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fieldapp.domain import projects as rules
from fieldapp.domain.ids import natural_id, new_id
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records
from fieldapp.services.signoff import service as signoff
from fieldapp.services.signoff import snapshots
from fieldapp.store.models import (
    Area,
    Household,
    Measure,
    Photo,
    Project,
    ProjectAcceptance,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
    ProjectProgress,
    ProjectProgressPhoto,
    Signoff,
)

_A, _H, _PH, _M = Area.__table__, Household.__table__, Photo.__table__, Measure.__table__

#: project columns a plain edit may change (status, approval and budget have their own functions)
EDITABLE = frozenset({"name", "type", "industry", "unit", "planned_start", "planned_end", "actual_start", "actual_end",
                      "note"})


@dataclass(frozen=True)
class ProjectDraft:
    """A new project: where, what, who carries it out, when, and its budget (fen) split by channel."""

    area_id: str  # a village, or a town for a town's project
    name: str
    type: str
    unit: str
    budget: Mapping[str, int] = field(default_factory=dict)  # channel -> fen
    budget_total: int | None = None  # None: the sum of ``budget``
    industry: str | None = None
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    note: str = ""


def _channels(ctx: AppContext) -> tuple[list[str], dict[str, str]]:
    codes = ctx.ref["fund_channel"]
    return [c.code for c in codes.codes], {c.code: codes.label(c.code) for c in codes.codes}


def _check(ctx: AppContext, f: rules.Figures) -> None:
    channels, labels = _channels(ctx)
    rules.check(f, channels, labels)


def _check_codes(ctx: AppContext, values: Mapping[str, Any]) -> None:
    """Names present, codes that exist: a ValidationError-like ProjectError naming the field."""
    if "name" in values and not str(values["name"] or "").strip():
        raise rules.ProjectError("请填写项目名称")
    if "unit" in values and not str(values["unit"] or "").strip():
        raise rules.ProjectError("请填写实施单位")
    if "type" in values and values["type"] not in ctx.ref["project_type"]:
        known = "、".join(f"{c.code} {c.label['zh-Hans']}" for c in ctx.ref["project_type"].codes)
        raise rules.ProjectError(f"项目类型“{values['type']}”不存在（可用：{known}）")
    if values.get("industry") is not None and values["industry"] not in ctx.ref["industry"]:
        known = "、".join(f"{c.code} {c.label['zh-Hans']}" for c in ctx.ref["industry"].codes)
        raise rules.ProjectError(f"产业“{values['industry']}”不存在（可用：{known}）")


def _area(ctx: AppContext, area_id: str) -> tuple[str, str]:
    """(level, town id) of a village or town; raises ProjectError for anything else."""
    with ctx.db.read() as conn:
        row = conn.execute(select(_A.c.level, _A.c.parent_id, _A.c.name)
                           .where(_A.c.id == area_id, _A.c.deleted.is_(False))).first()
    if row is None:
        raise LookupError(f"村或乡镇 {area_id} 不存在")
    if row.level == "village" and row.parent_id:
        return "village", str(row.parent_id)
    if row.level == "town":
        return "town", area_id
    raise rules.ProjectError(f"项目只能属于一个村或一个乡镇（“{row.name}”是{row.level}）")


def create(ctx: AppContext, draft: ProjectDraft) -> str:
    """Record a project (status 储备) with its budget; returns its id. A town's project needs ``project.approve``."""
    ctx.require(rules.EDIT)
    level, town = _area(ctx, draft.area_id)
    if level == "town":
        ctx.require(rules.APPROVE)
    values = {"name": draft.name.strip(), "type": draft.type, "industry": draft.industry or None,
              "unit": draft.unit.strip()}
    _check_codes(ctx, values)
    total = sum(draft.budget.values()) if draft.budget_total is None else draft.budget_total
    _check(ctx, rules.Figures(budget_total=total, budget=dict(draft.budget), planned_start=draft.planned_start,
                              planned_end=draft.planned_end))
    project_id = new_id()
    with ctx.writer.transaction() as txn:
        txn.insert(Project, {"id": project_id, "village_id": draft.area_id, "town_id": town, **values,
                             "planned_start": draft.planned_start, "planned_end": draft.planned_end,
                             "budget_total": total, "status": rules.PLANNED, "note": draft.note})
        for channel, amount in sorted(draft.budget.items()):
            txn.insert(ProjectBudget, {"id": natural_id("project_budget", project_id, channel),
                                       "project_id": project_id, "village_id": draft.area_id, "channel": channel,
                                       "amount": amount})
    return project_id


def edit(ctx: AppContext, project_id: str, changes: Mapping[str, Any]) -> records.ProjectView:
    """Change the project's descriptive fields and dates (``EDITABLE``); checks the dates before saving."""
    ctx.require(rules.EDIT)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise rules.ProjectError(f"不能这样修改：{'、'.join(sorted(unknown))}（状态、批复、预算各有专门的操作）")
    view = records.get(ctx.db, project_id)
    _not_closed(view)
    _check_codes(ctx, changes)
    _check(ctx, replace(view.figures(), **{k: v for k, v in changes.items() if k in (
        "planned_start", "planned_end", "actual_start", "actual_end")}))
    with ctx.writer.transaction() as txn:
        txn.update(Project, project_id, dict(changes))
    return records.get(ctx.db, project_id)


def _not_closed(view: records.ProjectView) -> None:
    if view.status == rules.ACCEPTED:
        raise rules.ProjectError(f"项目“{view.name}”已验收，不能再修改")


def set_budget(ctx: AppContext, project_id: str, by_channel: Mapping[str, int], total: int | None = None) -> None:
    """Replace the budget split (a channel left out is removed); an approved project's needs ``project.approve``."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, project_id)
    _not_closed(view)
    if view.status != rules.PLANNED:
        ctx.require(rules.APPROVE)
    total = sum(by_channel.values()) if total is None else total
    _check(ctx, replace(view.figures(), budget_total=total, budget=dict(by_channel)))
    with ctx.writer.transaction() as txn:
        txn.update(Project, project_id, {"budget_total": total})
        for channel, amount in sorted(by_channel.items()):
            txn.put(ProjectBudget, natural_id("project_budget", project_id, channel),
                    {"project_id": project_id, "village_id": view.village_id, "channel": channel, "amount": amount})
        for channel in sorted(set(view.budget) - set(by_channel)):
            txn.delete(ProjectBudget, natural_id("project_budget", project_id, channel))


def set_beneficiary(ctx: AppContext, project_id: str, household_id: str, amount: int, note: str = "") -> None:
    """Add a beneficiary household, or change its planned amount; checked against the approved amount."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, project_id)
    _not_closed(view)
    with ctx.db.read() as conn:
        home = conn.execute(select(_H.c.village_id).where(_H.c.id == household_id, _H.c.deleted.is_(False))).first()
    if home is None:
        raise LookupError(f"农户 {household_id} 不存在")
    if not view.is_town_project and home.village_id != view.village_id:
        raise rules.ProjectError("受益户不属于项目所在的村")
    amounts = {b.household_id: b.amount for b in view.beneficiaries} | {household_id: amount}
    _check(ctx, replace(view.figures(), beneficiaries=amounts))
    with ctx.writer.transaction() as txn:
        txn.put(ProjectBeneficiary, natural_id("project_beneficiary", project_id, household_id),
                {"project_id": project_id, "household_id": household_id, "amount": amount, "note": note})


def remove_beneficiary(ctx: AppContext, project_id: str, household_id: str) -> None:
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, project_id)
    _not_closed(view)
    if household_id not in {b.household_id for b in view.beneficiaries}:
        raise LookupError("该户不是这个项目的受益户")
    with ctx.writer.transaction() as txn:
        txn.delete(ProjectBeneficiary, natural_id("project_beneficiary", project_id, household_id))


def approve(ctx: AppContext, project_id: str, amount: int, on: dt.date) -> None:
    """批复: the approved amount and date; the project becomes 已批复 (``project.approve``)."""
    ctx.require(rules.APPROVE)
    view = records.get(ctx.db, project_id)
    after = replace(view.figures(), approved=amount, approved_on=on)
    found = rules.transition_problems(view.status, rules.APPROVED, after) + _problems(ctx, after)
    if found:
        raise rules.InconsistentProject(found)
    with ctx.writer.transaction() as txn:
        txn.update(Project, project_id, {"approved_amount": amount, "approved_on": on, "status": rules.APPROVED})


def _problems(ctx: AppContext, f: rules.Figures) -> list[rules.Problem]:
    channels, labels = _channels(ctx)
    return rules.problems(f, channels, labels)


def change_status(ctx: AppContext, project_id: str, target: str, *, actual_start: dt.date | None = None,
                  actual_end: dt.date | None = None) -> None:
    """Move the status along the allowed transitions: start (实施中, with the actual start), finish (已完工, with
    the actual finish), withdraw an approval (储备), send a finished project back to work (实施中).
    Approving and accepting have their own functions."""
    view = records.get(ctx.db, project_id)
    ctx.require(rules.move_permission(view.status, target))
    if target == rules.APPROVED:
        raise rules.ProjectError("批复请用 approve（须填写批复金额和批复日期）")
    dates: dict[str, Any] = {}
    if actual_start is not None:
        dates["actual_start"] = actual_start
    if actual_end is not None:
        dates["actual_end"] = actual_end
    values: dict[str, Any] = {"status": target, **dates}
    if target == rules.PLANNED:
        values |= {"approved_amount": None, "approved_on": None}
    after = replace(view.figures(), **dates)
    found = rules.transition_problems(view.status, target, after) + _problems(ctx, after)
    if found:
        raise rules.InconsistentProject(found)
    with ctx.writer.transaction() as txn:
        txn.update(Project, project_id, values)


def record_progress(ctx: AppContext, project_id: str, day: dt.date, percent: int, *, note: str = "",
                    photos: Sequence[Path] = ()) -> str:
    """A dated progress update (0–100 %, never behind an earlier one) with photos (JPEG/PNG files)."""
    from fieldapp.services.workflow.attachments import check_file

    ctx.require(rules.EDIT)
    view = records.get(ctx.db, project_id)
    found = rules.progress_problems(percent, day, view.status, [(p.date, p.percent) for p in view.progress])
    if found:
        raise rules.InconsistentProject(found)
    for path in photos:
        check_file(Path(path))
    stored = []
    for path in photos:
        photo = ctx.photos.import_file(Path(path))
        if photo.id not in {s.id for s in stored}:
            stored.append(photo)
    progress_id = new_id()
    session = ctx.session
    with ctx.writer.transaction() as txn:
        txn.insert(ProjectProgress, {"id": progress_id, "project_id": project_id, "village_id": view.village_id,
                                     "date": day, "percent": percent, "note": note.strip(),
                                     "recorded_by_name": session.name if session else None})
        for i, photo in enumerate(stored):
            if txn.conn.execute(select(_PH.c.id).where(_PH.c.id == photo.id)).first() is None:
                txn.insert(Photo, {"id": photo.id, **photo.row()})
            txn.insert(ProjectProgressPhoto, {"id": natural_id("project_progress_photo", progress_id, photo.id),
                                              "progress_id": progress_id, "photo_id": photo.id,
                                              "village_id": view.village_id, "position": i})
    return progress_id


def disburse(ctx: AppContext, project_id: str, *, day: dt.date, amount: int, channel: str, payee: str,
             voucher_no: str) -> str:
    """Record a 资金拨付; refused (every problem named) when it would exceed the channel's budget or the approved
    amount, precede the approval, or repeat a voucher number of the project."""
    ctx.require(rules.DISBURSE)
    view = records.get(ctx.db, project_id)
    if not payee.strip():
        raise rules.ProjectError("请填写拨付对象（拨给谁）")
    if not voucher_no.strip():
        raise rules.ProjectError("请填写凭证号")
    if voucher_no.strip() in {d.voucher_no for d in view.disbursements}:
        raise rules.ProjectError(f"凭证号 {voucher_no.strip()} 已登记过（同一笔拨付不能重复登记）")
    f = view.figures()
    _check(ctx, replace(f, disbursements=(*f.disbursements, rules.Disbursement(day, amount, channel))))
    row_id = new_id()
    session = ctx.session
    with ctx.writer.transaction() as txn:
        txn.insert(ProjectDisbursement, {"id": row_id, "project_id": project_id, "village_id": view.village_id,
                                         "date": day, "amount": amount, "channel": channel, "payee": payee.strip(),
                                         "voucher_no": voucher_no.strip(),
                                         "recorded_by_name": session.name if session else None})
    return row_id


def accept(ctx: AppContext, project_id: str, *, day: dt.date, members: Sequence[str], findings: str,
           passed: bool, at_ms: int | None = None) -> signoff.SignoffRecord:
    """验收: the members present and their findings, signed by the person recording it (``project.accept``), in one
    transaction with the acceptance; a passed acceptance makes the project 已验收. Only a 已完工 project is accepted."""
    ctx.require(rules.ACCEPT)
    view = records.get(ctx.db, project_id)
    names = [m.strip() for m in members if m.strip()]
    found: list[rules.Problem] = []
    if view.status != rules.COMPLETED:
        found.append(rules.Problem("accept_status", f"项目处于“{rules.status_word(view.status)}”，完工后才能验收"))
    if not names:
        found.append(rules.Problem("accept_members", "请填写参加验收的人员"))
    if not findings.strip():
        found.append(rules.Problem("accept_findings", "请填写验收意见"))
    if view.actual_end is not None and day < view.actual_end:
        found.append(rules.Problem("accept_date", f"验收日期 {day.isoformat()} 早于实际完工日期 "
                                                  f"{view.actual_end.isoformat()}"))
    if found:
        raise rules.InconsistentProject(found)
    if ctx.session is None:
        raise rules.ProjectError("验收签字须以本人账户登录")
    row_id = new_id()
    row: dict[str, Any] = {"id": row_id, "project_id": project_id, "village_id": view.village_id, "date": day,
                           "members": json.dumps(names, ensure_ascii=False), "findings": findings.strip(),
                           "passed": bool(passed), "recorded_by_name": ctx.session.name}
    with ctx.db.read() as conn:
        covered = snapshots.acceptance_project_tables(conn, project_id)
    values, record = signoff.prepare(ctx, "project_acceptance", row_id,
                                     tables={"project_acceptance": [row], **covered}, at_ms=at_ms)
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
        txn.insert(ProjectAcceptance, {**row, "signoff_id": record.id})
        if passed:
            txn.update(Project, project_id, {"status": rules.ACCEPTED})
    return record


def link_measure(ctx: AppContext, measure_id: str, project_id: str | None) -> None:
    """Say a household's measure is (or, with None, is not) a benefit of a project: the household must be one of
    the project's beneficiaries and the measure's fund channel one the project is budgeted on."""
    ctx.require("register.edit")
    with ctx.db.read() as conn:
        m = conn.execute(select(_M.c.household_id, _M.c.fund_channel)
                         .where(_M.c.id == measure_id, _M.c.deleted.is_(False))).first()
    if m is None:
        raise LookupError(f"措施 {measure_id} 不存在")
    if project_id is not None:
        view = records.get(ctx.db, project_id)
        if m.household_id not in {b.household_id for b in view.beneficiaries}:
            raise rules.ProjectError(f"该户不是项目“{view.name}”的受益户：先把它加为受益户")
        if m.fund_channel is not None and m.fund_channel not in view.budget:
            raise rules.ProjectError(f"措施的资金渠道“{m.fund_channel}”不在项目“{view.name}”的预算中")
    with ctx.writer.transaction() as txn:
        txn.update(Measure, measure_id, {"project_id": project_id})


# -- many projects at once (imports) --------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSave:
    """A whole project as a spreadsheet states it: created (储备) when ``project_id`` is None, else brought to these
    values. ``approval`` (批复金额, 批复日期) makes or keeps it 已批复 (None: the approval stays as stored, never
    withdrawn); ``beneficiaries`` (household id → planned fen) are added or changed, the others left as they are."""

    draft: ProjectDraft
    project_id: str | None = None
    approval: tuple[int, dt.date] | None = None
    beneficiaries: Mapping[str, int] = field(default_factory=dict)


def _save_permissions(ctx: AppContext, save: ProjectSave, level: str, view: records.ProjectView | None) -> None:
    ctx.require(rules.EDIT)
    if level == "town" and view is None:
        ctx.require(rules.APPROVE)
    if view is not None:
        _not_closed(view)
        budget_moved = (view.budget != dict(save.draft.budget)
                        or view.budget_total != _total(save.draft))
        if view.status != rules.PLANNED and budget_moved:
            ctx.require(rules.APPROVE)
    old = None if view is None else (view.approved_amount, view.approved_on)
    if save.approval is not None and save.approval != old:
        ctx.require(rules.APPROVE)


def _total(draft: ProjectDraft) -> int:
    return sum(draft.budget.values()) if draft.budget_total is None else draft.budget_total


def _save_problems(ctx: AppContext, txn_conn: Any, save: ProjectSave, level: str,
                   view: records.ProjectView | None) -> list[rules.Problem]:
    d = save.draft
    found: list[rules.Problem] = []
    h = _H
    for household_id in sorted(save.beneficiaries):
        home = txn_conn.execute(select(h.c.village_id).where(h.c.id == household_id, h.c.deleted.is_(False))).first()
        if home is None:
            found.append(rules.Problem("beneficiary_unknown", f"农户 {household_id} 不存在"))
        elif level == "village" and home.village_id != d.area_id:
            found.append(rules.Problem("beneficiary_village", f"受益户 {household_id} 不属于项目所在的村"))
    base = rules.Figures(budget_total=0) if view is None else view.figures()
    amounts = ({} if view is None else {b.household_id: b.amount for b in view.beneficiaries}) | dict(
        save.beneficiaries)
    after = replace(base, budget_total=_total(d), budget=dict(d.budget), beneficiaries=amounts,
                    planned_start=d.planned_start, planned_end=d.planned_end)
    status = rules.PLANNED if view is None else view.status
    if save.approval is not None:
        after = replace(after, approved=save.approval[0], approved_on=save.approval[1])
        if status == rules.PLANNED:
            found += rules.transition_problems(status, rules.APPROVED, after)
    return found + _problems(ctx, after)


def save_all(ctx: AppContext, saves: Sequence[ProjectSave]) -> list[str]:
    """Write every project of ``saves`` in one transaction: all of them, or none (an error names the project).

    Each is checked as the single functions check (codes, the area, the figures after the change, the approval's
    move, the beneficiaries' village) against the register inside the transaction; permissions as theirs:
    ``project.edit``, and ``project.approve`` for a town's new project, an approval given or changed and a budget
    changed after approval. Only what differs is written. Returns the project ids in the order of ``saves``."""
    areas: list[tuple[str, str]] = []
    for save in saves:
        d = save.draft
        _check_codes(ctx, {"name": d.name, "type": d.type, "industry": d.industry or None, "unit": d.unit})
        areas.append(_area(ctx, d.area_id))
    ids: list[str] = []
    with ctx.writer.transaction() as txn:
        for save, (level, town) in zip(saves, areas, strict=True):
            view = None if save.project_id is None else records.read(txn.conn, save.project_id)
            _save_permissions(ctx, save, level, view)
            found = _save_problems(ctx, txn.conn, save, level, view)
            if found:
                raise rules.ProjectError(f"项目“{save.draft.name}”未保存：" + "；".join(p.message for p in found))
            ids.append(_write_save(txn, save, town, view))
    return ids


def _write_save(txn: Any, save: ProjectSave, town: str, view: records.ProjectView | None) -> str:
    d = save.draft
    values = {"name": d.name.strip(), "type": d.type, "industry": d.industry or None, "unit": d.unit.strip(),
              "planned_start": d.planned_start, "planned_end": d.planned_end, "budget_total": _total(d),
              "note": d.note}
    if view is None:
        project_id = new_id()
        txn.insert(Project, {"id": project_id, "village_id": d.area_id, "town_id": town, **values,
                             "status": rules.PLANNED})
        old_budget: dict[str, int] = {}
        old_amounts: dict[str, int] = {}
        status = rules.PLANNED
        old_approval: tuple[int | None, dt.date | None] = (None, None)
    else:
        project_id = view.id
        txn.update(Project, project_id, values)  # writes only the fields that differ
        old_budget = view.budget
        old_amounts = {b.household_id: b.amount for b in view.beneficiaries}
        status, old_approval = view.status, (view.approved_amount, view.approved_on)
    for channel, amount in sorted(d.budget.items()):
        if old_budget.get(channel) != amount:
            txn.put(ProjectBudget, natural_id("project_budget", project_id, channel),
                    {"project_id": project_id, "village_id": d.area_id, "channel": channel, "amount": amount})
    for channel in sorted(set(old_budget) - set(d.budget)):
        txn.delete(ProjectBudget, natural_id("project_budget", project_id, channel))
    if save.approval is not None and save.approval != old_approval:
        approval: dict[str, Any] = {"approved_amount": save.approval[0], "approved_on": save.approval[1]}
        if status == rules.PLANNED:
            approval["status"] = rules.APPROVED
        txn.update(Project, project_id, approval)
    for household_id, amount in sorted(save.beneficiaries.items()):
        if old_amounts.get(household_id) != amount:
            txn.put(ProjectBeneficiary, natural_id("project_beneficiary", project_id, household_id),
                    {"project_id": project_id, "household_id": household_id, "amount": amount})
    return project_id
