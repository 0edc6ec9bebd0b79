"""动态管理 from the 农户 list: the table's context menu opens the selected household's workflows or starts one.

发起流程… shows only to accounts that may start workflows (``workflow.start``); the start dialog shows the
exit gate's verdict first and the service refuses anyone else whatever the menu shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMenu

from fieldapp.domain import workflow as rules
from fieldapp.gui.errors import show_error
from fieldapp.gui.workflow import data

if TYPE_CHECKING:
    from fieldapp.gui.household_list import HouseholdListPage
    from fieldapp.gui.workflow.panel import WorkflowDialog
    from fieldapp.gui.workflow.start import StartDialog


D = TypeVar("D", bound=QDialog)


def add_workflow_actions(menu: QMenu, page: HouseholdListPage) -> None:
    """Add 动态管理… and 发起流程… for the page's selected household to ``menu``."""
    one = page.selected_household()
    view = menu.addAction(QCoreApplication.translate("WorkflowListActions", "动态管理…"))
    view.setEnabled(one is not None)
    view.triggered.connect(lambda: open_workflows(page, page.selected_household()))
    if page.ctx.allows(rules.START_PERMISSION):
        start = menu.addAction(QCoreApplication.translate("WorkflowListActions", "发起流程…"))
        start.setEnabled(one is not None)
        start.triggered.connect(lambda: start_workflow(page, page.selected_household()))


def open_workflows(page: HouseholdListPage, household_id: str | None) -> WorkflowDialog | None:
    """The household's workflows in their own window (one per household: an open one is raised)."""
    from fieldapp.gui.workflow.panel import WorkflowDialog

    if household_id is None or page.tasks is None:
        return None
    found = page.hub.editors.open("workflow", household_id, lambda: _shown(WorkflowDialog(
        page.ctx, household_id, tasks=page.tasks, hub=page.hub, parent=page)))
    return found if isinstance(found, WorkflowDialog) else None


def start_workflow(page: HouseholdListPage, household_id: str | None) -> StartDialog | None:
    """The start dialog for the household, with its exit gate's verdict."""
    from fieldapp.gui.workflow.start import StartDialog

    if household_id is None or page.tasks is None:
        return None
    try:
        gate = data.gate_of(page.ctx, household_id)
    except LookupError as exc:
        show_error(page, exc)
        return None
    name = page.printing.head_name(household_id)
    dialog = StartDialog(page.ctx, household_id, name, gate, tasks=page.tasks, hub=page.hub, parent=page)
    return _shown(dialog)


def _shown(dialog: D) -> D:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
