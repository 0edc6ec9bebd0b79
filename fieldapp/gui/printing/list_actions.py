"""Printing from the 农户 list: a 打印 button and a context menu on the table.

打印门牌 prints the door plates of the selected households (Ctrl/Shift select several),
打印一户一档 the household file of the current one; both run in the background under a
progress dialog and open the preview (:func:`fieldapp.gui.printing.jobs.start_with_progress`).
The job modules are imported on first use, so the list loads no PDF code at start-up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from fieldapp.gui.household_model import COLUMN_KEYS

if TYPE_CHECKING:
    from fieldapp.gui.household_list import HouseholdListPage

log = logging.getLogger("fieldapp.gui.printing")


class ListPrintActions(QObject):
    """The print actions of one household list page (its ``printing`` attribute)."""

    def __init__(self, page: HouseholdListPage) -> None:
        super().__init__(page)
        self.page = page
        self.job: Any = None
        self.cards_action = QAction(self.tr("打印门牌…"), page)
        self.cards_action.triggered.connect(self.print_cards)
        self.file_action = QAction(self.tr("打印一户一档…"), page)
        self.file_action.triggered.connect(self.print_household_file)
        self.menu = QMenu(page)
        self.menu.addAction(self.cards_action)
        self.menu.addAction(self.file_action)
        self.button = QPushButton(self.tr("打印"), page)
        self.button.setMenu(self.menu)
        table = page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.context_menu)
        table.selectionModel().selectionChanged.connect(self.update_actions)
        page.model.modelReset.connect(self.update_actions)  # a reset clears the selection without a signal
        self.update_actions()

    def update_actions(self) -> None:
        count = len(self.page.selected_households())
        self.cards_action.setEnabled(count > 0)
        self.cards_action.setText(self.tr("打印门牌（选中的 {0} 户）…").format(count) if count > 1
                                  else self.tr("打印门牌…"))
        self.file_action.setEnabled(count > 0)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The table's context menu at ``pos`` (a right click on an unselected row selects it first)."""
        page, table = self.page, self.page.table
        index = table.indexAt(pos)
        if index.isValid() and not table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            page.select_household(page.model.household_id(index.row()))
        self.update_actions()
        menu = QMenu(table)
        open_action = menu.addAction(self.tr("打开"))
        open_action.setEnabled(page.selected_household() is not None)
        open_action.triggered.connect(lambda: page.open_household(page.selected_household()))
        from fieldapp.gui.workflow.list_actions import add_workflow_actions

        add_workflow_actions(menu, page)  # 动态管理…, 发起流程…
        menu.addSeparator()
        menu.addAction(self.cards_action)
        menu.addAction(self.file_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(table.viewport().mapToGlobal(pos))
        return menu

    def print_cards(self) -> Any:
        """Door plates of the selected households; returns the print job (None: nothing selected)."""
        from fieldapp.gui.printing.jobs import CardsRequest, start_with_progress

        ids = tuple(self.page.selected_households())
        if not ids:
            return None
        if len(ids) > 1:
            title = self.tr("信息公示牌-选中{0}户").format(len(ids))
        else:
            title = self.tr("信息公示牌-{0}").format(self.head_name(ids[0]))
        self.job = start_with_progress(self.page, self.page.ctx, self.page.tasks, CardsRequest(title, ids=ids))
        return self.job

    def print_household_file(self) -> Any:
        """The household file of the current household; returns the print job (None: nothing selected)."""
        from fieldapp.gui.printing.jobs import HouseholdFileRequest, start_with_progress

        household_id = self.page.selected_household()
        if household_id is None:
            return None
        title = self.tr("一户一档-{0}").format(self.head_name(household_id))
        self.job = start_with_progress(self.page, self.page.ctx, self.page.tasks,
                                       HouseholdFileRequest(title, household_id))
        return self.job

    def head_name(self, household_id: str) -> str:
        model = self.page.model
        row = model.row_of(household_id)
        column = COLUMN_KEYS.index("head_name")
        return str(model.data(model.index(row, column)) or "") if row >= 0 else ""
