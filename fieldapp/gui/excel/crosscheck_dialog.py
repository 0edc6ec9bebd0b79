"""部门名单比对: a department's list (低保, 特困供养, 残疾人, 医保参保) against the register by ID number.

The comparison runs on the database thread; the mismatches are listed both ways with what the
list and the register say (ID numbers masked on screen), and the report is saved as .xlsx
(full ID numbers, a working file) or PDF (masked), also off the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.excel.common import JobRunner, ProgressRow
from fieldapp.gui.excel.models import FindingsModel
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.excel.crosscheck import CheckResult, check_list
from fieldapp.services.excel.report import write_report_pdf, write_report_xlsx

log = logging.getLogger("fieldapp.gui.excel")


class CrossCheckDialog(JobRunner, QDialog):
    """部门名单比对."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.check_result: CheckResult | None = None
        self.setWindowTitle(self.tr("部门名单比对"))
        geometry.fit(self, "excel_crosscheck", (1000, 620))
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("民政、残联、医保等部门的名单（.xlsx 或 .csv，须有证件号码列）"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self.choose_file)
        self.kind = QComboBox(self)
        for key, text in (("dibao", self.tr("低保名单")), ("tekun", self.tr("特困供养名单")),
                          ("disability", self.tr("残疾人名单")), ("insurance", self.tr("医保参保名单"))):
            self.kind.addItem(text, key)
        self.check_button = QPushButton(self.tr("比对"), self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = FindingsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.xlsx_button = QPushButton(self.tr("导出Excel…"), self)
        self.xlsx_button.clicked.connect(lambda: self.save_report("xlsx"))
        self.pdf_button = QPushButton(self.tr("导出PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_report("pdf"))
        self.progress = ProgressRow(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._layout(browse)
        self._busy(False)

    def _layout(self, browse: QPushButton) -> None:
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("名单文件"), file_row)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        kind_row.addWidget(self.check_button)
        form.addRow(self.tr("名单类别"), kind_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择部门名单"), str(Path.home()),
                                                    self.tr("电子表格 (*.xlsx *.csv);;所有文件 (*)"))
        if path:
            self.path_edit.setText(path)

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(not busy and self.check_result is not None)

    def _cancelled(self) -> None:
        self._busy(False)
        self.status.setText(self.tr("已取消"))

    def run_check(self) -> Task | None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("请先选择名单文件"))
            return None
        ctx, path, kind = self.ctx, Path(text), self.kind.currentData()

        def check(control: TaskControl) -> CheckResult:
            return check_list(ctx, path, kind, progress=control.progress)

        return self._run(check, self._checked, self.tr("正在比对…"))

    def _checked(self, result: CheckResult) -> None:
        self.check_result = result
        self.model.set_result(result)
        self.view.resizeColumnsToContents()
        self.summary.setText(result.summary())
        self.status.setText(self.tr("比对完成，共 {0} 条需要核实").format(len(result.findings)))
        self._busy(False)

    def save_report(self, kind: str, path: str | Path | None = None) -> Task | None:
        if self.check_result is None:
            return None
        suffix = f".{kind}"
        if path is None:
            suggested = str(Path.home() / f"{self.check_result.title}{suffix}")
            pattern = self.tr("Excel 工作簿 (*.xlsx)") if kind == "xlsx" else self.tr("PDF 文件 (*.pdf)")
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存比对报告"), suggested, pattern)
            if not chosen:
                return None
            path = chosen
        target = Path(path) if str(path).lower().endswith(suffix) else Path(f"{path}{suffix}")
        result = self.check_result
        writer = write_report_xlsx if kind == "xlsx" else write_report_pdf

        def save(_control: TaskControl) -> tuple[Path, tuple[str, ...]]:
            from fieldapp.services.printing.fonts import missing_glyphs

            with missing_glyphs() as missing:
                path = writer(result, target)
            return path, tuple(sorted(missing))

        def saved(done: tuple[Path, tuple[str, ...]]) -> None:
            from fieldapp.gui.printing.jobs import warn_missing_glyphs

            self.status.setText(self.tr("报告已保存：{0}").format(done[0]))
            self.glyph_warning = warn_missing_glyphs(self, done[1])  # a name the PDF printed as “〓”

        return self._run(save, saved, self.tr("正在保存报告…"))
