"""导入项目库: choose a workbook → 预览 (the dry run) → 导入, off the GUI thread.

The preview lists every project of the file as 新增, 更新 (with what changes), 无变化 or 拒绝 (with the row,
the column and the reason), as :mod:`fieldapp.services.projects.importing` decides them; the rejected rows can
be saved as a workbook to fix and import again. 导入 writes the valid projects in one transaction as an
operation on the task manager, announced once. 生成模板… writes the empty workbook to fill in.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.excel.common import JobRunner, ProgressRow
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.projects.import_sheets import write_rejects, write_template
from fieldapp.services.projects.importing import Entry, ImportPlan, apply_plan, build_plan

log = logging.getLogger("fieldapp.gui.excel")

Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"create": "#2e7d32", "update": "#1565c0", "unchanged": "#757575", "rejected": "#c62828"}


class ProjectPlanModel(QAbstractTableModel):
    """The dry run's projects: result, rows, village, project and what happens (or why not)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Entry] = []

    def headers(self) -> list[str]:
        return [self.tr("结果"), self.tr("行"), self.tr("村"), self.tr("项目"), self.tr("说明")]

    def status_label(self, status: str) -> str:
        return {"create": self.tr("新增"), "update": self.tr("更新"), "unchanged": self.tr("无变化"),
                "rejected": self.tr("拒绝")}[status]

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [self.status_label(e.status), e.where(), e.area, e.name, e.message][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor(STATUS_COLOURS[e.status]))
        return None


class ProjectImportDialog(JobRunner, QDialog):
    """导入项目库（Excel/CSV）."""

    #: the import was written (the ids of the projects created or changed)
    imported = Signal(object)
    #: a dry run is ready (its :class:`ImportPlan`)
    planned = Signal(object)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.plan: ImportPlan | None = None
        self.applied: list[str] | None = None
        self.setWindowTitle(self.tr("导入项目库"))
        geometry.fit(self, "projects_import", (980, 600))

        file_row = self._file_row()
        hint = QLabel(self.tr("按村和项目名称与本机已有的项目对应（同名时再按计划开工年份）：再次导入不会重复登记，"
                              "改动的内容会更新。有任何错误的项目整个不导入，其余的一次写入。"
                              "先预览，确认后才写入。"), self)
        hint.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-weight: bold;")
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.model = ProjectPlanModel(self)
        self.view = self._table()
        self.rejects_button = QPushButton(self.tr("保存被拒绝的行…"), self)
        self.rejects_button.clicked.connect(self._save_rejects_clicked)
        self.apply_button = QPushButton(self.tr("导入"), self)
        self.apply_button.clicked.connect(self.apply)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.rejects_button)
        actions.addWidget(self.apply_button)

        self.progress = ProgressRow(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self._busy(False)

    def _file_row(self) -> QHBoxLayout:
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("项目库工作簿（.xlsx，可另有“受益户”表）或 .csv"))
        self.browse_button = QPushButton(self.tr("浏览…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(self.tr("生成模板…"), self)
        self.template_button.clicked.connect(self._template_clicked)
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        row = QHBoxLayout()
        label = QLabel(self.tr("文件(&F)"), self)
        label.setBuddy(self.path_edit)
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        for button in (self.browse_button, self.template_button, self.preview_button):
            row.addWidget(button)
        return row

    def _table(self) -> QTableView:
        view = QTableView(self)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the reasons: wrapped
        return view

    # -- the file ----------------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("选择项目库文件"), self.path_edit.text(),
                                                      self.tr("电子表格 (*.xlsx *.csv)"))
        if chosen:
            self.set_path(chosen)
            self.preview()

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def _template_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), self.tr("项目库导入模板.xlsx"),
                                                      self.tr("Excel 工作簿 (*.xlsx)"))
        if chosen:
            self.save_template(chosen)

    def save_template(self, path: str | Path) -> Task | None:
        target = Path(path) if str(path).lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        ref = self.ctx.ref
        saved = self.tr("已生成模板：{0}")
        return self._run(lambda _c: write_template(target, ref), lambda p: self.status.setText(saved.format(p)),
                         self.tr("正在保存…"))

    # -- preview, rejects, import ----------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for button in (self.browse_button, self.template_button, self.preview_button):
            button.setEnabled(not busy)
        ready = not busy and self.plan is not None
        self.apply_button.setEnabled(ready and bool(self.plan and self.plan.saves) and self.applied is None)
        self.rejects_button.setEnabled(ready and bool(self.plan and self.plan.rejected_rows))

    def _cancelled(self) -> None:
        plan = self.plan
        if plan is not None and plan.applied is not None and self.applied is None:
            # the cancel came after the write had been committed: say so, and announce it as the operation would
            self._applied(plan.applied)
            self.hub.announce(self._changes(), self.status.text())
            return
        self._busy(False)
        self.status.setText(self.tr("已取消，没有写入任何内容"))

    def preview(self) -> Task | None:
        """The dry run of the chosen file (database thread); nothing is written."""
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择文件"))
            return None
        ctx, path = self.ctx, Path(text)
        self.plan, self.applied = None, None
        return self._run(lambda _c: build_plan(ctx, path), self._planned, self.tr("正在核对…"))

    def _planned(self, plan: ImportPlan) -> None:
        self.plan, self.applied = plan, None
        c = plan.counts()
        self.summary.setText(self.tr("新增 {0} 个项目，更新 {1} 个，无变化 {2} 个，拒绝 {3} 个").format(
            c["create"], c["update"], c["unchanged"], c["rejected"]))
        self.notes.setText("\n".join(plan.notes))
        self.model.set_entries(plan.entries)
        self.view.resizeColumnsToContents()
        for column, most in ((1, 160), (2, 90), (3, 200)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), most))
        self.view.resizeRowsToContents()  # every reason shown whole, not elided
        self._busy(False)
        self.status.setText(self.tr("这是预览，尚未写入。确认无误后点“导入”。") if plan.saves
                            else self.tr("没有需要写入的内容。"))
        self.planned.emit(plan)

    def _save_rejects_clicked(self) -> None:
        if self.plan is None:
            return
        suggested = str(self.plan.path.with_name(self.plan.path.stem + self.tr("的被拒绝行.xlsx")))
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存被拒绝的行"), suggested,
                                                      self.tr("Excel 工作簿 (*.xlsx)"))
        if chosen:
            self.save_rejects(chosen)

    def save_rejects(self, path: str | Path) -> Task | None:
        if self.plan is None or not self.plan.rejected_rows:
            return None
        target = Path(path) if str(path).lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        plan = self.plan

        def save(_control: TaskControl) -> tuple[Path, int]:
            return target, write_rejects(plan.book, plan.rejected, target)

        saved = self.tr("已保存 {1} 行到 {0}；改正后可再次导入")
        return self._run(save, lambda r: self.status.setText(saved.format(*r)), self.tr("正在保存…"))

    def apply(self) -> Task | None:
        """Write the previewed projects (database thread, one transaction), announced once."""
        if self.plan is None or not self.plan.saves or self.applied is not None:
            return None
        ctx, plan = self.ctx, self.plan
        counts = plan.counts()
        done = self.tr("已导入：新增 {0} 个项目，更新 {1} 个").format(counts["create"], counts["update"])
        return self._run(lambda _c: apply_plan(ctx, plan), self._applied, self.tr("正在导入…"), hub=self.hub,
                         changes=self._changes(), message=done)

    def _changes(self) -> Changes:
        return Changes(projects=True, by=self.ctx.writer.actor.user_name)

    def _applied(self, ids: list[str]) -> None:
        self.applied = ids
        self._busy(False)
        assert self.plan is not None
        c = self.plan.counts()
        self.status.setText(self.tr("已导入：新增 {0} 个项目，更新 {1} 个").format(c["create"], c["update"]))
        self.imported.emit(ids)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, code: int) -> None:
        if self.progress.running:
            self.progress.cancel()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.done(QDialog.DialogCode.Rejected)
        event.accept()
