"""导入农户: choose a file → check the column mapping → dry run → apply, all off the GUI thread.

1. 选择文件: an .xlsx or .csv; with several villages on this laptop, the village new households
   go to when the file names none.
2. 列对应: each column of the file, its header and sample values, and the field it is read as
   (guessed from the header; the user corrects it). The required fields must be mapped.
3. 预览: every household of the file — 新增, 更新, 无变化 or 拒绝, with its rows and the reason —
   filtered by result; the rejected rows can be saved as an .xlsx to fix and re-import.
   导入 writes the plan in one transaction (:mod:`fieldapp.services.excel.apply`).

Reading, planning, saving and writing run on the database thread through the TaskManager, with
progress and 取消 (a cancelled import writes nothing).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.excel.common import JobRunner, ProgressRow
from fieldapp.gui.excel.models import PlanModel
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.excel.apply import ApplyResult, apply_plan
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT, IGNORE, missing_required
from fieldapp.services.excel.plan import ImportOptions, Plan, SourceInfo, build_plan, column_letter, inspect_file
from fieldapp.services.excel.rejects import write_rejects

log = logging.getLogger("fieldapp.gui.excel")

FILE, MAPPING, PREVIEW = 0, 1, 2


class ImportDialog(JobRunner, QDialog):
    """导入农户（Excel/CSV）."""

    #: the import was written (its :class:`ApplyResult`)
    imported = Signal(object)
    #: a dry run is ready (its :class:`Plan`)
    planned = Signal(object)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.info: SourceInfo | None = None
        self.plan: Plan | None = None
        self.applied: ApplyResult | None = None
        self.setWindowTitle(self.tr("导入农户"))
        geometry.fit(self, "excel_import", (980, 640))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.progress = ProgressRow(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)

    # -- pages ------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(self.tr("国家系统导出的农户成员表（.xlsx 或 .csv）"))
        self.browse_button = QPushButton(self.tr("浏览…"), page)
        self.browse_button.clicked.connect(self.choose_file)
        self.village = QComboBox(page)
        self.village.addItem(self.tr("（表中须有“行政村”列）"), None)
        for vid, name in setup.villages(self.ctx):
            self.village.addItem(name, vid)
        self.read_button = QPushButton(self.tr("下一步"), page)
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.inspect)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("表中没有行政村时，新户归入"), self.village)
        self.village.setVisible(self.village.count() > 2)
        form.labelForField(self.village).setVisible(self.village.count() > 2)
        hint = QLabel(self.tr("按户编号和证件号码与本机的户和成员对应：同一文件再次导入不会重复登记。"
                              "表中空白的单元格不会清除本机已有的内容。导入前会先预览，确认后才写入。"), page)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("表中可以有这些列（表头写法不必完全一样，下一步可以改）："), page))
        layout.addWidget(self._columns_table(page), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.read_button)
        layout.addLayout(buttons)
        return page

    def _columns_table(self, page: QWidget) -> QTableWidget:
        """The columns an import reads, so the first step shows what file to choose (read-only)."""
        fields = HOUSEHOLD_LAYOUT.export_fields()
        table = QTableWidget(len(fields), 4, page)
        table.setObjectName("known_columns")
        table.setHorizontalHeaderLabels([self.tr("表头"), self.tr("也可写作"), self.tr("每行是"), self.tr("必填")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        level = {"household": self.tr("户"), "member": self.tr("成员")}
        for row, f in enumerate(fields):
            for column, text in enumerate((f.label, "、".join(f.headers[1:]), level.get(f.level, ""),
                                           self.tr("是") if f.required else "")):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnToContents(0)
        return table

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.source_label = QLabel(page)
        self.mapping_table = QTableWidget(0, 4, page)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("列"), self.tr("表头"), self.tr("示例"),
                                                      self.tr("导入为")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_status = QLabel(page)
        self.mapping_status.setWordWrap(True)
        back = QPushButton(self.tr("上一步"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(FILE))
        self.preview_button = QPushButton(self.tr("预览（试导入）"), page)
        self.preview_button.clicked.connect(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mapping_status, 1)
        buttons.addWidget(back)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.source_label)
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(buttons)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.show_status = QComboBox(page)
        self.show_status.addItem(self.tr("全部"), None)
        for key, text in (("create", self.tr("新增")), ("update", self.tr("更新")), ("unchanged", self.tr("无变化")),
                          ("rejected", self.tr("拒绝"))):
            self.show_status.addItem(text, key)
        self.model: PlanModel = PlanModel(self)
        self.show_status.currentIndexChanged.connect(self._filter_changed)
        self.view = QTableView(page)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel(page)
        self.notes.setWordWrap(True)
        back = QPushButton(self.tr("上一步"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(MAPPING))
        self.rejects_button = QPushButton(self.tr("保存被拒绝的行…"), page)
        self.rejects_button.clicked.connect(self._save_rejects_clicked)
        self.apply_button = QPushButton(self.tr("导入"), page)
        self.apply_button.clicked.connect(self.apply)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("显示"), page))
        top.addWidget(self.show_status)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.rejects_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        return page

    def _filter_changed(self, _index: int) -> None:
        self.model.set_status(self.show_status.currentData())

    # -- step 1: the file -----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择要导入的文件"), str(Path.home()),
                                                    self.tr("电子表格 (*.xlsx *.csv);;所有文件 (*)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def _busy(self, busy: bool) -> None:
        for button in (self.read_button, self.preview_button, self.apply_button, self.rejects_button,
                       self.browse_button):
            button.setEnabled(not busy)
        if not busy and self.plan is not None:
            self.apply_button.setEnabled(self.plan.has_writes and self.applied is None)
            self.rejects_button.setEnabled(bool(self.plan.rejected_rows))

    def _cancelled(self) -> None:
        if self.plan is not None and self.plan.applied is not None and self.applied is None:
            self._applied(self.plan.applied)  # the cancel came after the write had been committed
            return
        self._busy(False)
        self.status.setText(self.tr("已取消，没有写入任何内容"))

    def inspect(self) -> Task | None:
        """Read the file's header (database thread) and show the proposed mapping."""
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择文件"))
            return None
        path = Path(text)
        return self._run(lambda _c: inspect_file(path), self._inspected, self.tr("正在读取表头…"))

    def _inspected(self, info: SourceInfo) -> None:
        self.info = info
        self.source_label.setText(self.tr("工作表“{0}”，表头在第{1}行。请核对每一列导入为什么；"
                                          "不需要的列选“不导入”。").format(info.sheet, info.header_row))
        fields = [f for f in HOUSEHOLD_LAYOUT.fields if f.level != IGNORE]
        self.mapping_table.setRowCount(len(info.headers))
        for col, header in enumerate(info.headers):
            self.mapping_table.setItem(col, 0, QTableWidgetItem(column_letter(col)))
            self.mapping_table.setItem(col, 1, QTableWidgetItem(header))
            samples = "、".join(str(v) for v in info.samples.get(col, [])[:3])
            self.mapping_table.setItem(col, 2, QTableWidgetItem(samples))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("不导入"), None)
            for f in fields:
                combo.addItem(f.label, f.key)
            guessed = info.mapping.get(col)
            if guessed is not None and HOUSEHOLD_LAYOUT.by_key[guessed].level != IGNORE:
                combo.setCurrentIndex(combo.findData(guessed))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(col, 3, combo)
        self.mapping_table.resizeColumnsToContents()
        self._mapping_changed()
        self.status.setText("")
        self.pages.setCurrentIndex(MAPPING)

    # -- step 2: the mapping ---------------------------------------------------------------------

    def combo(self, column: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(column, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[int, str | None]:
        return {c: self.combo(c).currentData() for c in range(self.mapping_table.rowCount())}

    def set_mapping(self, column: int, key: str | None) -> None:
        combo = self.combo(column)
        combo.setCurrentIndex(combo.findData(key) if key is not None else 0)

    def _mapping_changed(self) -> None:
        mapping = self.mapping()
        missing = [f.label for f in missing_required(HOUSEHOLD_LAYOUT, mapping)]
        keys = [k for k in mapping.values() if k is not None]
        twice = sorted({HOUSEHOLD_LAYOUT.by_key[k].label for k in keys if keys.count(k) > 1})
        problems = []
        if missing:
            problems.append(self.tr("还须指定：{0}").format("、".join(missing)))
        if twice:
            problems.append(self.tr("同一字段指定给了多列：{0}").format("、".join(twice)))
        self.mapping_status.setText("；".join(problems))
        self.mapping_status.setStyleSheet("color: #c62828;" if problems else "")
        self.preview_button.setEnabled(not problems)

    def preview(self) -> Task | None:
        """The dry run with the chosen mapping (database thread)."""
        if self.info is None:
            return None
        ctx, path = self.ctx, self.info.path
        options = ImportOptions(mapping=self.mapping(), sheet=self.info.sheet,
                                default_village=self.village.currentData())

        def plan(control: TaskControl) -> Plan:
            return build_plan(ctx, path, options, progress=control.progress, cancelled=lambda: control.cancelled)

        return self._run(plan, self._planned, self.tr("正在核对…"))

    def _planned(self, plan: Plan) -> None:
        if self.plan is not None:
            self.plan.close()
        self.plan, self.applied = plan, None
        counts = plan.counts()
        self.summary.setText(self.tr("新增 {0} 户（{1} 人），更新 {2} 户，无变化 {3} 户，拒绝 {4} 户").format(
            counts["create"], plan.people("create"), counts["update"], counts["unchanged"], counts["rejected"]))
        self.notes.setText("\n".join(plan.notes))
        self.model.set_entries(plan.entries)
        self.view.resizeColumnsToContents()
        self._busy(False)
        self.status.setText(self.tr("这是预览，尚未写入。确认无误后点“导入”。") if plan.has_writes
                            else self.tr("没有需要写入的内容。"))
        self.pages.setCurrentIndex(PREVIEW)
        self.planned.emit(plan)

    # -- step 3: rejects and apply --------------------------------------------------------------

    def _save_rejects_clicked(self) -> None:
        self.save_rejects()

    def save_rejects(self, path: str | Path | None = None) -> Task | None:
        if self.plan is None or not self.plan.rejected_rows:
            return None
        if path is None:
            suggested = str(self.plan.path.with_name(self.plan.path.stem + self.tr("_被拒绝的行.xlsx")))
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存被拒绝的行"), suggested,
                                                          self.tr("Excel 工作簿 (*.xlsx)"))
            if not chosen:
                return None
            path = chosen
        target = Path(path) if str(path).lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        plan = self.plan

        def save(_control: TaskControl) -> tuple[Path, int]:
            return target, write_rejects(plan, target)

        saved = self.tr("已保存 {1} 行到 {0}；改正后可再次导入")
        return self._run(save, lambda r: self.status.setText(saved.format(*r)), self.tr("正在保存…"))

    def apply(self) -> Task | None:
        """Write the plan (database thread, one transaction)."""
        if self.plan is None or not self.plan.has_writes or self.applied is not None:
            return None
        ctx, plan = self.ctx, self.plan

        def write(control: TaskControl) -> ApplyResult:
            return apply_plan(ctx, plan, progress=control.progress, cancelled=lambda: control.cancelled)

        done = self.tr("已导入：新增 {0} 户，更新 {1} 户")
        return self._run(write, self._applied, self.tr("正在导入…"), hub=self.hub,
                         changes=Changes(bulk=True, by=self.ctx.writer.actor.user_name),
                         message=lambda r: done.format(r.created, r.updated))

    def _applied(self, result: ApplyResult) -> None:
        self.applied = result
        self._busy(False)
        self.status.setText(result.summary())
        self.imported.emit(result)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, code: int) -> None:
        if self.progress.running:
            self.progress.cancel()
        if self.plan is not None and not self.progress.running:
            self.plan.close()
            self.plan = None
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.done(QDialog.DialogCode.Rejected)
        event.accept()
