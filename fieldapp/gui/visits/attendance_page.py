"""Page 考勤 (驻村考勤): days in the village per cadre and month, the unit leaders' visits, 在村 check-in.

Both tables come from :mod:`fieldapp.services.attendance`, computed on the database thread:
each resident cadre × month (达标 at ≥ 15 days in green, 未达标 in red, the month in
progress 进行中), and each unit leader's visits in the year against the 3 required.
"在村签到" records that the signed-in cadre was in the village today (or on a chosen
date) on a day without a visit; a date long past is a late check-in (补登) and counts once the
team leader confirms it, in the 补登待确认 list shown to those who may confirm. "导出Excel" writes
both tables to one .xlsx.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.gui.errors import show_error
from fieldapp.gui.fields import ErrorLabel, NullableDateEdit
from fieldapp.gui.household_editor.base import ask
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.gui.visits.models import ComplianceModel, LateCheckInModel, LeaderModel
from fieldapp.services import attendance, lookups
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.visits")

CONFIRM = "checkin.confirm"


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class AttendancePage(QWidget):
    """驻村考勤 of one year."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.staleness = StaleRefresh(self, self.reload, stale=True)  # nothing read yet
        self.load_task: Task | None = None
        self.export_task: Task | None = None

        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setGroupSeparatorShown(False)
        self.checkin_date = NullableDateEdit(self)
        self.checkin_date.setValue(dt.date.today())
        self.checkin_button = QPushButton(self.tr("在村签到"), self)
        self.checkin_button.setToolTip(self.tr("记录本人在所选日期在村（当天没有走访记录时使用）"))
        self.checkin_error = ErrorLabel(self)
        self.checkin_note = QLabel(self)
        self.export_button = QPushButton(self.tr("导出Excel"), self)
        self.status = QLabel(self)

        self.compliance = ComplianceModel(ctx, self)
        self.leaders = LeaderModel(ctx, self)
        self.compliance_view = _table(self.compliance, self)
        self.leader_view = _table(self.leaders, self)
        self.leader_view.setMaximumHeight(6 * (self.fontMetrics().height() + 8) + 30)
        self.late = LateCheckInModel(self)
        self.late_view = _table(self.late, self)
        self.late_view.setMaximumHeight(5 * (self.fontMetrics().height() + 8) + 30)
        self.late_title = QLabel(self)
        self.confirm_button = QPushButton(self.tr("确认补登(&Q)"), self)
        self.confirm_button.setToolTip(self.tr("确认所选干部在该日在村（本人的补登不能自己确认）"))
        self.confirm_button.setEnabled(False)
        self.may_confirm = ctx.allows(CONFIRM)
        self.close_button = QPushButton(self.tr("签字关闭所选月份(&L)…"), self)
        self.close_button.setToolTip(self.tr("队长对所选干部这个月的在村记录签字背书；关闭后修改须先说明原因重新打开"))
        self.reopen_button = QPushButton(self.tr("重新打开(&R)…"), self)
        self.reopen_button.setToolTip(self.tr("说明原因后重新打开已关闭的月份；原因永久保留"))
        self.may_close = ctx.allows(attendance.CLOSE)
        for button in (self.close_button, self.reopen_button):
            button.setVisible(self.may_close)
            button.setEnabled(False)
        self.compliance_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self._layout()
        self._connect()

    def _connect(self) -> None:
        self.year.valueChanged.connect(self.reload)
        self.checkin_button.clicked.connect(self.check_in)
        self.export_button.clicked.connect(self.export_xlsx)
        self.confirm_button.clicked.connect(self.confirm_selected)
        # clicked passes a bool: not the methods' keyword arguments
        self.close_button.clicked.connect(lambda: self.close_selected())  # noqa: PLW0108
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())  # noqa: PLW0108
        self.compliance_view.selectionModel().currentChanged.connect(lambda *_: self._update_close())
        self.late_view.selectionModel().selectionChanged.connect(
            lambda *_: self.confirm_button.setEnabled(bool(self.late_view.selectionModel().selectedRows())))
        self.hub.changed.connect(self._changed_elsewhere)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("日期"), self))
        top.addWidget(self.checkin_date)
        top.addWidget(self.checkin_button)
        top.addWidget(self.checkin_note)
        top.addStretch(1)
        top.addWidget(self.close_button)
        top.addWidget(self.reopen_button)
        top.addWidget(self.export_button)
        first = QLabel(self.tr("驻村工作队员每月在村天数（走访日与在村签到日合计，同一天只算一次；"
                               "每月不少于{0}天为达标）").format(rules.MIN_DAYS_PER_MONTH), self)
        second = QLabel(self.tr("包扶单位领导本年走访次数（本人签字的走访，每年不少于{0}次）").format(
            rules.MIN_LEADER_VISITS_PER_YEAR), self)
        for label in (first, second):
            label.setWordWrap(True)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.checkin_error)
        layout.addWidget(first)
        layout.addWidget(self.compliance_view, 3)
        layout.addWidget(second)
        layout.addWidget(self.leader_view, 1)
        late_bar = QHBoxLayout()
        late_bar.addWidget(self.late_title, 1)
        late_bar.addWidget(self.confirm_button)
        layout.addLayout(late_bar)
        layout.addWidget(self.late_view, 1)
        for widget in (self.late_title, self.confirm_button, self.late_view):
            widget.setVisible(False)  # only for those who may confirm, when something waits
        layout.addWidget(self.status)

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> Task | None:
        """Compute both tables of the chosen year on the database thread."""
        if self.tasks.is_shut_down:
            return None
        self.staleness.clear()
        year, db = self.year.value(), self.ctx.db
        today = dt.date.today()

        late_after = attendance.late_days(self.ctx)

        def load(_control: TaskControl) -> tuple[int, lookups.AttendanceTables]:
            return year, lookups.attendance_tables(db, year, today, late_after=late_after)

        if self.load_task is not None and not self.load_task.is_finished:
            self.load_task.cancel()
        self.status.setText(self.tr("正在计算…"))
        self.load_task = self.tasks.run_db(load, on_done=self._loaded_tables, on_error=self._failed)
        return self.load_task

    def _loaded_tables(self, result: tuple[int, lookups.AttendanceTables]) -> None:
        year, tables = result
        compliance, leaders = tables.compliance, tables.leaders
        if year != self.year.value():
            return
        self.late.set_rows(tables.late if self.may_confirm else [])
        shown = self.may_confirm and bool(tables.late)
        for widget in (self.late_title, self.confirm_button, self.late_view):
            widget.setVisible(shown)
        self.late_title.setText(self.tr("补登待确认（登记晚于在村日期 {0} 天以上，确认后计入在村天数）：{1} 条").format(
            attendance.late_days(self.ctx), len(tables.late)))
        self.late_view.resizeColumnsToContents()
        current = self.compliance_view.currentIndex()  # the chosen cell survives a reload (after closing it)
        chosen = (self.compliance.rows[current.row()].cadre_id, current.column()) \
            if current.isValid() and current.row() < len(self.compliance.rows) else None
        self.compliance.set_rows(compliance)
        if chosen is not None:
            row = next((i for i, r in enumerate(compliance) if r.cadre_id == chosen[0]), None)
            if row is not None:
                self.compliance_view.setCurrentIndex(self.compliance.index(row, chosen[1]))
        self._update_close()
        self.leaders.set_rows(leaders, rules.MIN_LEADER_VISITS_PER_YEAR)
        fm = self.fontMetrics()
        self.compliance_view.setColumnWidth(0, fm.horizontalAdvance("国") * 4 + 12)
        self.compliance_view.setColumnWidth(1, fm.horizontalAdvance("国") * 7 + 12)
        for column in range(ComplianceModel.FIRST_MONTH, ComplianceModel.FIRST_MONTH + 13):
            self.compliance_view.setColumnWidth(column, fm.horizontalAdvance("30 未达标") + 8)
        self.leader_view.resizeColumnsToContents()
        short = sum(c.status == "short" for r in compliance for c in r.months)
        self.status.setText(self.tr("{0}年：驻村干部 {1} 人，未达标 {2} 人次；单位领导 {3} 人").format(
            year, len(compliance), short, len(leaders)))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        show_error(self, exc)

    def _changed_elsewhere(self, changes: Changes) -> None:
        if not (changes.visit_data or changes.reference):
            return
        self.staleness.mark()

    # -- check-in, export -----------------------------------------------------------------------------

    def check_in(self) -> bool:
        """Record the signed-in cadre's 在村 day (the date in the field) as an operation on the task manager.

        Returns whether it was saved by the time this returns (always so with a synchronous task manager).
        """
        if self.checkin_date.problem():
            self.checkin_error.show_message(self.checkin_date.problem())
            return False
        day = self.checkin_date.value()
        if day is None:
            self.checkin_note.setText("")
            self.checkin_error.show_message(self.tr("请填写日期"))
            return False
        ctx, saved = self.ctx, [False]
        self.checkin_button.setEnabled(False)

        def write() -> None:
            attendance.checkin(ctx, day)

        def done(_result: object) -> None:
            self.checkin_button.setEnabled(True)
            self.checkin_error.show_message(None)
            if rules.is_late_checkin(day, dt.date.today(), attendance.late_days(ctx)):
                self.checkin_note.setText(self.tr("已补登：{0} 在村，队长确认后计入在村天数").format(day.isoformat()))
            else:
                self.checkin_note.setText(self.tr("已签到：{0} 在村").format(day.isoformat()))
            if day.year != self.year.value():
                self.year.setValue(day.year)
            saved[0] = True

        def failed(exc: BaseException) -> bool:
            self.checkin_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.checkin_note.setText("")
                self.checkin_error.show_message("；".join(exc.problems.values()))
                return True
            return False

        run_op(self.tasks, self.hub, write, parent=self, on_done=done, on_error=failed,
               changes=Changes(checkins=True, by=ctx.writer.actor.user_name),
               message=self.tr("已签到：{0} 在村").format(day.isoformat()))
        return saved[0]

    def selected_month(self) -> tuple[attendance.ComplianceRow, attendance.MonthCell] | None:
        """The cadre and month of the current cell of the compliance table (None: not a month cell)."""
        index = self.compliance_view.currentIndex()
        month = index.column() - ComplianceModel.FIRST_MONTH
        if not index.isValid() or not 0 <= month < 12 or index.row() >= len(self.compliance.rows):
            return None
        row = self.compliance.rows[index.row()]
        return row, row.months[month]

    def _update_close(self) -> None:
        chosen = self.selected_month()
        over = chosen is not None and chosen[1].month.last < dt.date.today()
        self.close_button.setEnabled(bool(over and chosen and not chosen[1].closed))
        self.reopen_button.setEnabled(bool(chosen and chosen[1].closed))

    def close_selected(self, *, confirmed: bool = False) -> Task | None:
        """Close the selected cadre's month by signing it, after asking (``confirmed``: already asked)."""
        chosen = self.selected_month()
        if chosen is None:
            return None
        row, cell = chosen
        label = self.tr("{0} {1}年{2}月（在村 {3} 天）").format(row.name, cell.month.year, cell.month.month, cell.days)
        if not confirmed:
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            answer = ask(self, self.tr("签字关闭月份"),
                         self.tr("以本人签名对 {0} 的在村记录签字背书并关闭这个月？\n关闭后修改须先说明原因重新打开。")
                         .format(label), [(yes, self.tr("签字关闭")), (no, self.tr("取消"))], default=no, escape=no)
            if answer != yes:
                return None
        ctx, cadre_id, month = self.ctx, row.cadre_id, cell.month

        def write() -> object:
            return attendance.close_month(ctx, cadre_id, month)

        return self._month_op(write, self.tr("已签字关闭：{0}").format(label))

    def reopen_selected(self, reason: str | None = None) -> Task | None:
        """Reopen the selected closed month with a reason (asked for when ``reason`` is None)."""
        chosen = self.selected_month()
        if chosen is None:
            return None
        row, cell = chosen
        if reason is None:
            text, ok = QInputDialog.getText(self, self.tr("重新打开月份"), self.tr("重新打开 {0} {1}年{2}月的原因：")
                                            .format(row.name, cell.month.year, cell.month.month))
            if not ok:
                return None
            reason = text
        ctx, cadre_id, month, why = self.ctx, row.cadre_id, cell.month, reason

        def write() -> object:
            return attendance.reopen_month(ctx, cadre_id, month, why)

        return self._month_op(write, self.tr("已重新打开：{0} {1}年{2}月").format(row.name, month.year, month.month))

    def _month_op(self, write: Any, message: str) -> Task:
        def failed(exc: BaseException) -> bool:
            if isinstance(exc, (ValidationError, PermissionDenied)):
                text = "；".join(exc.problems.values()) if isinstance(exc, ValidationError) else str(exc)
                self.checkin_error.show_message(text)
                return True
            return False

        return run_op(self.tasks, self.hub, write, parent=self,
                      on_done=lambda _r: self.checkin_error.show_message(None), on_error=failed,
                      changes=Changes(checkins=True, by=self.ctx.writer.actor.user_name), message=message)

    def confirm_selected(self) -> Task | None:
        """Confirm the selected late check-in, as an operation on the task manager."""
        rows = self.late_view.selectionModel().selectedRows()
        if not rows:
            return None
        late = self.late.rows[rows[0].row()]
        ctx = self.ctx
        self.confirm_button.setEnabled(False)

        def write() -> None:
            attendance.confirm_checkin(ctx, late.cadre_id, late.date)

        def failed(exc: BaseException) -> bool:
            self.confirm_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.checkin_error.show_message("；".join(exc.problems.values()))
                return True
            return False

        return run_op(self.tasks, self.hub, write, parent=self,
                      on_done=lambda _r: self.checkin_error.show_message(None), on_error=failed,
                      changes=Changes(checkins=True, by=ctx.writer.actor.user_name),
                      message=self.tr("已确认 {0} {1} 在村").format(late.name, late.date.isoformat()))

    def export_xlsx(self) -> Task | None:
        """Ask where to save, then write both tables of the year to an .xlsx off the GUI thread."""
        year = self.year.value()
        suggested = str(Path.home() / self.tr("驻村考勤_{0}年.xlsx").format(year))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出驻村考勤"), suggested,
                                                    self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        ctx = self.ctx

        def export(_control: TaskControl) -> Path:
            return attendance.export_attendance(ctx, target, year)

        self.export_button.setEnabled(False)
        self.export_task = self.tasks.run_db(export, on_done=self._exported, on_error=self._export_failed)
        return self.export_task

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("已导出：{0}").format(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc)
