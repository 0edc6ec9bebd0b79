"""导出为 Excel: households and members (the import layout, re-importable) and the ledgers.

- 农户及成员: every household of this laptop, one row per member;
- 村台账: all households, or the 农户 page's current filter and search;
- 包扶纪实档案: one cadre's visits of a year or a month, with the days in the village;
- 驻村考勤: every resident cadre's days in the village per month of a year.

The workbook is written on the database thread with progress; the target is chosen first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.excel.common import ProgressRow, report_error
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import lookups
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext
from fieldapp.services.excel import ledgers
from fieldapp.services.excel.export import export_households

log = logging.getLogger("fieldapp.gui.excel")

KINDS = ("households", "ledger", "archive", "attendance")


class ExportDialog(QDialog):
    """导出为 Excel."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, query: Callable[[], HouseholdQuery] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.query = query
        self.last_path: Path | None = None
        self._finished: dict[str, str] = {}
        self.setWindowTitle(self.tr("导出为 Excel"))
        self.kind = QComboBox(self)
        for key, text in zip(KINDS, (self.tr("农户及家庭成员（可再导入）"), self.tr("村台账"), self.tr("包扶纪实档案"),
                                     self.tr("驻村考勤")), strict=True):
            self.kind.addItem(text, key)
        self.filtered = QCheckBox(self.tr("按“农户”页当前的筛选和搜索"), self)
        self.filtered.setEnabled(query is not None)
        self.cadre = QComboBox(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        self.month = QComboBox(self)
        self.month.addItem(self.tr("全年"), None)
        for m in range(1, 13):
            self.month.addItem(self.tr("{0}月").format(m), m)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export_clicked)
        self.progress = ProgressRow(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(self.tr("导出内容"), self.kind)
        self.form.addRow("", self.filtered)
        self.form.addRow(self.tr("干部"), self.cadre)
        self.form.addRow(self.tr("年度"), self.year)
        self.form.addRow(self.tr("月份"), self.month)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        geometry.fit(self, "excel_export")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._load_cadres()

    def _load_cadres(self) -> None:
        if self.tasks.is_shut_down:
            return
        db, me = self.ctx.db, self.ctx.cadre_id

        def load(_control: TaskControl) -> list[tuple[str, str, str | None]]:
            return [(c.id, c.name, c.unit) for c in lookups.cadres(db)]

        def fill(rows: list[tuple[str, str, str | None]]) -> None:
            self.cadre.clear()
            for cadre_id, name, unit in sorted(rows, key=lambda r: r[0] != me):
                self.cadre.addItem(f"{name}（{unit}）" if unit else name, cadre_id)

        self.tasks.run_db(load, on_done=fill, on_error=self._load_failed)

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        shown = {"filtered": kind == "ledger", "cadre": kind == "archive", "year": kind in ("archive", "attendance"),
                 "month": kind == "archive"}
        for name, visible in shown.items():
            widget = getattr(self, name)
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def _suggested(self) -> str:
        kind = self.kind.currentData()
        names = {"households": self.tr("农户及家庭成员"), "ledger": self.tr("村台账"),
                 "archive": self.tr("包扶纪实档案_{0}").format(self.cadre.currentText()),
                 "attendance": self.tr("驻村考勤_{0}年").format(self.year.value())}
        return str(Path.home() / f"{names[kind]}_{dt.date.today().isoformat()}.xlsx")

    def _job(self, target: Path) -> Callable[[TaskControl], Any]:
        """The task writing the chosen workbook (messages are translated here, on the GUI thread)."""
        ctx, kind = self.ctx, self.kind.currentData()
        year, month, cadre = self.year.value(), self.month.currentData(), self.cadre.currentData()
        query = self.query() if self.query is not None and self.filtered.isChecked() else HouseholdQuery(sort="hh_no")
        ledger_done = self.tr("已导出村台账（{0} 户）：{1}")
        archive_done = self.tr("已导出包扶纪实档案：{0}").format(target)
        attendance_done = self.tr("已导出驻村考勤：{0}").format(target)
        no_cadre = self.tr("请选择干部")

        def job(control: TaskControl) -> str:
            if kind == "households":
                return export_households(ctx, target, progress=control.progress,
                                         cancelled=lambda: control.cancelled).summary()
            if kind == "ledger":
                return ledger_done.format(ledgers.export_ledger(ctx, query, target), target)
            if kind == "archive":
                if not cadre:
                    raise LookupError(no_cadre)
                ledgers.export_archive(ctx, cadre, target, year=year, month=month)
                return archive_done
            ledgers.export_attendance(ctx, target, year)
            return attendance_done

        return job

    def _export_clicked(self) -> None:
        self.export()

    def _cancelled(self) -> None:
        self.export_button.setEnabled(True)
        finished = self._finished.pop("text", None)  # the cancel came after the workbook was written
        self.status.setText(finished if finished is not None else self.tr("已取消"))

    def _load_failed(self, exc: BaseException) -> None:
        report_error(self, exc, self.status)

    def export(self, path: str | Path | None = None) -> Task | None:
        """Ask where to save (unless ``path`` is given), then write the workbook off the GUI thread."""
        if self.tasks.is_shut_down or self.progress.running:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("导出为 Excel"), self._suggested(),
                                                          self.tr("Excel 工作簿 (*.xlsx)"))
            if not chosen:
                return None
            path = chosen
        target = Path(path) if str(path).lower().endswith(".xlsx") else Path(f"{path}.xlsx")
        self.export_button.setEnabled(False)

        def done(text: str) -> None:
            self.export_button.setEnabled(True)
            self.last_path = target
            self.status.setText(text)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            report_error(self, exc, self.status)

        job = self._job(target)
        self._finished.clear()

        def run(control: TaskControl) -> str:
            text = job(control)
            self._finished["text"] = text  # a plain dict: read on the GUI thread only after the task ended
            return text

        task = self.tasks.run_db(run, on_done=done, on_error=failed)
        task.cancelled.connect(self._cancelled)
        self.progress.start(task, self.tr("正在导出…"))
        return task
