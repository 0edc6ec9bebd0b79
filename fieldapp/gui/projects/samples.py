"""A project to show the dialogs on when the register has none (screenshots, the small-screen checks): the
first live project's view, else one made in memory (nothing written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtWidgets import QWidget

from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse, records
from fieldapp.services.projects.browse import ProjectQuery
from fieldapp.services.projects.records import ProjectView

WAN = 1_000_000


def sample_view(ctx: AppContext) -> ProjectView:
    found = browse.project_page(ctx.db, ProjectQuery(), limit=1)
    if found:
        return records.get(ctx.db, found[0].id)
    area = next(iter(browse.areas(ctx.db)), None)
    area_id = area.id if area else ""
    return ProjectView(
        id="sample", village_id=area_id, town_id=area_id, area_name=area.name if area else "", name="核桃园提质增效",
        type="industry", industry="fruit", unit="北宽坪镇农业综合服务站", planned_start=dt.date(2026, 3, 10),
        planned_end=dt.date(2026, 9, 30), actual_start=dt.date(2026, 3, 15), actual_end=dt.date(2026, 9, 20),
        budget_total=60 * WAN, approved_amount=55 * WAN, approved_on=dt.date(2026, 3, 1), status="completed",
        note="", budget={"superior": 50 * WAN, "local_finance": 10 * WAN},
        disbursements=(records.Disbursement("d1", dt.date(2026, 4, 1), 40 * WAN, "superior", "镇财政所", "记-001",
                                            None),))


def project_dialogs(ctx: AppContext, tasks: TaskManager) -> Iterator[tuple[str, QWidget]]:
    """(name, dialog) of each project dialog, made one at a time (the caller shows and closes each)."""
    from fieldapp.gui.projects import dialogs

    hub = ChangeHub()
    view = sample_view(ctx)
    day = dt.date(2026, 9, 25)
    yield "project-new", dialogs.EditDialog(ctx, tasks, hub)
    yield "project-edit", dialogs.EditDialog(ctx, tasks, hub, view)
    yield "project-budget", dialogs.BudgetDialog(ctx, tasks, hub, view)
    yield "project-beneficiary", dialogs.BeneficiaryDialog(ctx, tasks, hub, view)
    yield "project-approve", dialogs.ApproveDialog(ctx, tasks, hub, view, today=day)
    yield "project-status", dialogs.StatusDialog(ctx, tasks, hub, view, today=day)
    yield "project-progress", dialogs.ProgressDialog(ctx, tasks, hub, view, today=day)
    yield "project-disburse", dialogs.DisburseDialog(ctx, tasks, hub, view, today=day)
    yield "project-accept", dialogs.AcceptDialog(ctx, tasks, hub, view, today=day)
