"""Page 项目库: the projects of the register, paged from SQL, filtered by village or town, status and type;
the selected project's detail below; the buttons that write it, each opening a dialog.

Nothing is read until the page is first shown (:class:`~fieldapp.gui.pages.StaleRefresh`), so the main window
opens without a project read; afterwards a write announcing ``projects`` (or a sync, an import, a reference
change) re-reads the list when the page is visible, else when it is next shown. The detail is read on the
database thread. A button is enabled only when the account holds its permission (``project.edit``, ``approve``,
``disburse``, ``accept``) and the project's status allows the act; the services check again whatever the window
shows. Enter on a row opens it for editing (or moves to the detail for an account that cannot edit).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import projects as rules
from fieldapp.gui import i18n
from fieldapp.gui.household_editor.base import ask
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.projects import dialogs
from fieldapp.gui.projects.detail import Detail, ProjectDetail, read_detail
from fieldapp.gui.projects.models import ProjectListModel
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse, service
from fieldapp.services.projects.browse import ProjectQuery
from fieldapp.services.projects.records import ProjectView

log = logging.getLogger("fieldapp.gui.projects")


class ProjectsPage(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.today = today
        self.dialog: QDialog | None = None
        self.view: ProjectView | None = None
        self._wanted: str | None = None  # the project whose detail was asked for last
        self.model = ProjectListModel(ctx, self)
        self.staleness = StaleRefresh(self, self.refresh, stale=True)
        self._build_filters()
        self._build_table()
        self._build_buttons()
        self.detail = ProjectDetail(ctx, self)
        self.detail.beneficiary_row.addWidget(self.remove_beneficiary_button)  # acts on the household selected there
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.filter_row)
        column.addWidget(self.table, 1)
        column.addLayout(self.button_row)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_tab_order()
        self.update_actions()
        self.hub.changed.connect(self._data_changed)

    # -- building --------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        lang = i18n.ref_language()
        self.area_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.type_box = QComboBox(self)
        self.status_box.addItem(self.tr("全部状态"), None)
        for code in self.ctx.ref["project_status"].codes:
            self.status_box.addItem(code.text(lang), code.code)
        self.type_box.addItem(self.tr("全部类型"), None)
        for code in self.ctx.ref["project_type"].codes:
            self.type_box.addItem(code.text(lang), code.code)
        self.count_label = QLabel(self)
        row = self.filter_row = QHBoxLayout()
        for text, box in ((self.tr("村/乡镇(&V)："), self.area_box), (self.tr("状态(&Z)："), self.status_box),
                          (self.tr("类型(&L)："), self.type_box)):
            caption = QLabel(text, self)
            caption.setBuddy(box)
            row.addWidget(caption)
            row.addWidget(box)
            box.currentIndexChanged.connect(self._filter_changed)
        row.addStretch(1)
        row.addWidget(self.count_label)

    def _fill_areas(self) -> None:
        current = self.area_box.currentData()
        self.area_box.blockSignals(True)
        try:
            self.area_box.clear()
            self.area_box.addItem(self.tr("全部村和乡镇"), None)
            for area in browse.areas(self.ctx.db):
                name = area.name if area.level == "village" else self.tr("{0}（乡镇）").format(area.name)
                self.area_box.addItem(name, area.id)
            self.area_box.setCurrentIndex(max(0, self.area_box.findData(current)))
        finally:
            self.area_box.blockSignals(False)

    def _build_table(self) -> None:
        table = self.table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        table.activated.connect(self._activated)

    def _build_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("新建项目(&N)…"), self)
        self.edit_button = QPushButton(self.tr("编辑(&E)…"), self)
        self.budget_button = QPushButton(self.tr("预算(&B)…"), self)
        self.beneficiary_button = QPushButton(self.tr("添加受益户(&R)…"), self)
        self.remove_beneficiary_button = QPushButton(self.tr("移除受益户"), self)
        self.approve_button = QPushButton(self.tr("批复(&A)…"), self)
        self.status_button = QPushButton(self.tr("状态(&T)…"), self)
        self.progress_button = QPushButton(self.tr("报进度(&P)…"), self)
        self.disburse_button = QPushButton(self.tr("拨付(&O)…"), self)
        self.accept_button = QPushButton(self.tr("验收(&Y)…"), self)
        self.new_button.clicked.connect(self.new_project)
        self.edit_button.clicked.connect(self.edit_project)
        self.budget_button.clicked.connect(lambda: self._open(dialogs.BudgetDialog))
        self.beneficiary_button.clicked.connect(self.add_beneficiary)
        self.remove_beneficiary_button.clicked.connect(self.remove_beneficiary)
        self.approve_button.clicked.connect(lambda: self._open(dialogs.ApproveDialog, dated=True))
        self.status_button.clicked.connect(lambda: self._open(dialogs.StatusDialog, dated=True))
        self.progress_button.clicked.connect(lambda: self._open(dialogs.ProgressDialog, dated=True))
        self.disburse_button.clicked.connect(lambda: self._open(dialogs.DisburseDialog, dated=True))
        self.accept_button.clicked.connect(lambda: self._open(dialogs.AcceptDialog, dated=True))
        self.buttons = (self.new_button, self.edit_button, self.budget_button, self.beneficiary_button,
                        self.approve_button, self.status_button, self.progress_button, self.disburse_button,
                        self.accept_button, self.remove_beneficiary_button)
        row = self.button_row = QHBoxLayout()
        for button in self.buttons[:-1]:
            row.addWidget(button)
        row.addStretch(1)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.area_box, self.status_box, self.type_box, self.table, *self.buttons[:-1],
                                self.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reading ------------------------------------------------------------------------------------

    def query(self) -> ProjectQuery:
        return ProjectQuery(area_id=self.area_box.currentData(), status=self.status_box.currentData(),
                            type=self.type_box.currentData())

    def refresh(self) -> None:
        """Read the list again (keeping the selected project selected), then its detail."""
        if self.tasks.is_shut_down:
            return
        self.staleness.clear()
        self._fill_areas()
        selected = self.current_id()
        self.model.setQuery(self.query())
        total = self.model.total()
        self.count_label.setText(self.tr("共 {0} 个项目").format(total))
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.load_detail(self.current_id())

    def _filter_changed(self, _index: int) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self.staleness.mark()

    def _data_changed(self, changes: Changes) -> None:
        if changes.projects or changes.bulk or changes.sync or changes.reference or changes.households:
            self.staleness.mark()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.project_id(index.row()) if index.isValid() else None

    def select(self, project_id: str) -> None:
        row = self.model.row_of(project_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.load_detail(self.model.project_id(current.row()) if current.isValid() else None)

    def load_detail(self, project_id: str | None) -> None:
        self._wanted = project_id
        if project_id is None:
            self._show(None)
            return
        ctx = self.ctx

        def read(_control: TaskControl) -> Detail:
            return read_detail(ctx, project_id)

        def done(detail: Detail) -> None:
            if self._wanted == detail.view.id:
                self._show(detail)

        def failed(exc: BaseException) -> None:
            log.info("project %s not read: %s", project_id, exc)
            if self._wanted == project_id:
                self._show(None)

        self.tasks.run_db(read, on_done=done, on_error=failed)

    def _show(self, detail: Detail | None) -> None:
        self.view = detail.view if detail is not None else None
        self.detail.show_detail(detail)
        self.update_actions()

    # -- what may be done -------------------------------------------------------------------------

    def update_actions(self) -> None:
        ctx, v = self.ctx, self.view
        edit, approve = ctx.allows(rules.EDIT), ctx.allows(rules.APPROVE)
        open_ = v is not None and v.status != rules.ACCEPTED
        self.new_button.setEnabled(edit)
        self.edit_button.setEnabled(edit and open_)
        self.budget_button.setEnabled(edit and open_ and (v is not None and (v.status == rules.PLANNED or approve)))
        self.beneficiary_button.setEnabled(edit and open_)
        self.remove_beneficiary_button.setEnabled(edit and open_ and bool(v and v.beneficiaries))
        self.approve_button.setEnabled(approve and v is not None and v.status == rules.PLANNED)
        self.status_button.setEnabled(v is not None and bool(dialogs.status_targets(ctx, v)))
        self.progress_button.setEnabled(edit and v is not None and v.status in (rules.IN_PROGRESS, rules.COMPLETED))
        self.disburse_button.setEnabled(ctx.allows(rules.DISBURSE) and v is not None
                                        and v.approved_amount is not None and v.status != rules.PLANNED)
        self.accept_button.setEnabled(ctx.allows(rules.ACCEPT) and v is not None and v.status == rules.COMPLETED)
        missing = self.tr("您的账户没有这项权限") if not edit else ""
        for button in (self.new_button, self.edit_button):
            button.setToolTip(missing)

    # -- acts ------------------------------------------------------------------------------------------

    def _keep(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.table.setFocus()

    def _open(self, kind: Any, *, dated: bool = False) -> QDialog | None:
        """A dialog of ``kind`` (a :class:`dialogs.ProjectDialog` taking the view) on the selected project."""
        if self.view is None:
            return None
        extra = {"today": self.today} if dated else {}
        return self._keep(kind(self.ctx, self.tasks, self.hub, self.view, parent=self, **extra))

    def new_project(self) -> QDialog | None:
        if not self.new_button.isEnabled():
            return None
        return self._keep(dialogs.EditDialog(self.ctx, self.tasks, self.hub, area_id=self.area_box.currentData(),
                                             parent=self))

    def edit_project(self) -> QDialog | None:
        if not self.edit_button.isEnabled() or self.view is None:
            return None
        return self._keep(dialogs.EditDialog(self.ctx, self.tasks, self.hub, self.view, parent=self))

    def add_beneficiary(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._keep(dialogs.BeneficiaryDialog(self.ctx, self.tasks, self.hub, self.view,
                                                    household_id=self.detail.selected_beneficiary(), parent=self))

    def _activated(self, _index: QModelIndex) -> None:
        if self.edit_button.isEnabled():
            self.edit_project()
        else:
            self.detail.setFocus()

    def remove_beneficiary(self, *, confirmed: bool = False) -> None:
        v, household = self.view, self.detail.selected_beneficiary()
        if v is None:
            return
        if household is None:
            self.detail.setCurrentIndex(1)
            self.detail.beneficiaries.setFocus()
            self.hub.message.emit(self.tr("请先在“受益户”中选中要移除的户"))
            return
        b = next(b for b in v.beneficiaries if b.household_id == household)
        if not confirmed and ask(self, self.tr("移除受益户"), self.tr("把 {0} 从项目“{1}”的受益户中移除？").format(
                b.head or b.hh_no or household, v.name),
                [(QMessageBox.StandardButton.Yes, self.tr("移除")),
                 (QMessageBox.StandardButton.Cancel, self.tr("取消"))],
                default=QMessageBox.StandardButton.Cancel,
                escape=QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        ctx, pid = self.ctx, v.id
        run_op(self.tasks, self.hub, lambda: service.remove_beneficiary(ctx, pid, household),
               changes=Changes(projects=True, by=ctx.writer.actor.user_name) | Changes.of_households([household]),
               parent=self, message=self.tr("受益户已移除"))
