"""Page 工作台, the home screen: what needs the signed-in cadre's attention today.

Sections (counts in their titles), what needs doing first: 到期/逾期事项 (overdue in red),
整改任务 (spot-check rectifications: opening one reports it done, with a note, for the reviewer to
confirm), N天未走访 (N is the setting ``not_visited_days``, changed right here), 两不愁三保障未达标,
人均收入低于监测线 (with the year's line; a note when the reference data has no line for
a year), 建议纳入监测 (at or below the line, not monitored, no workflow running: Enter opens the start
dialog on a monitoring workflow, for the category and risk type), 我的包扶户 (collapsed at first when
long), and 未同步修改 N 条. Each entry opens what it names: a household in the household editor, a follow-up
in the form of its visit.

Everything is computed by :func:`fieldapp.services.workbench.load_workbench` on the database
thread (indexed queries), and again after a visit or a household was saved.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.money import format_yuan
from fieldapp.gui import i18n
from fieldapp.gui.errors import show_error
from fieldapp.gui.hints import NextSteps
from fieldapp.gui.household_editor.opening import open_editor
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import workbench
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.spotcheck.rectify import RectificationView
from fieldapp.services.workbench import HouseholdEntry, Workbench

log = logging.getLogger("fieldapp.gui.visits")

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # ("household" | "visit", id)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = "#c62828"
MUTED = "#757575"
SETTING_DELAY_MS = 600
COLLAPSE_OVER = 12  # 我的包扶户 starts collapsed when longer than this


@dataclass
class Board:
    """What the page shows: the workbench plus the monitoring line of each income year."""

    workbench: Workbench
    lines: dict[int, int]  # fen


def compute_board(ctx: AppContext, limit: int = 50) -> Board:
    """Everything the page shows (run on the database thread; also what bench_workbench times)."""
    board = workbench.load_workbench(ctx, limit=limit)
    return Board(board, dict(board.lines))


class WorkbenchPage(QWidget):
    """The home screen."""

    #: the workbench was (re)computed and shown
    refreshed = Signal()
    #: the next steps when the register has no households yet (the main window opens them)
    import_requested = Signal()
    new_household_requested = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 limit: int = 50, hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.limit = limit
        self.board: Board | None = None
        self.task: Task | None = None
        self.editor: QWidget | None = None
        self.staleness = StaleRefresh(self, self.refresh)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setValue(int(ctx.settings["not_visited_days"]))
        self.days.setSuffix(self.tr(" 天"))
        self.days.setToolTip(self.tr("多少天没有走访的农户列入“未走访”"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.new_button = QPushButton(self.tr("记录走访"), self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("事项"), self.tr("说明")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("国") * 24)
        self.tree.itemActivated.connect(self.open_item)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("未走访天数"), self))
        top.addWidget(self.days)
        top.addWidget(self.refresh_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self._build_next_steps())
        layout.addWidget(self.tree, 1)

        self._days_timer = self._delayed_save()
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(lambda: self.open_visit(None))
        self.hub.changed.connect(self._data_changed)
        self._set_heading()
        self.refresh()

    def _delayed_save(self) -> QTimer:
        """The not-visited days are saved a moment after the last change, not on every step."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SETTING_DELAY_MS)
        timer.timeout.connect(self._save_days)
        self.days.valueChanged.connect(timer.start)
        return timer

    def _build_next_steps(self) -> NextSteps:
        """导入农户 / 新建农户, shown while the register has no households (after first-time setup)."""
        self.next_steps = NextSteps(self, self.tr("还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。"),
                                    [(self.tr("导入农户…"), self.import_requested.emit),
                                     (self.tr("新建农户…"), self.new_household_requested.emit)])
        self.next_steps.hide()
        return self.next_steps

    # -- computing -------------------------------------------------------------------------------

    def refresh(self) -> Task | None:
        """Recompute on the database thread; the tree is refilled when it is done."""
        if self.tasks.is_shut_down:
            return None
        ctx, limit = self.ctx, self.limit
        self.staleness.clear()

        def load(_control: TaskControl) -> Board:
            return compute_board(ctx, limit)

        if self.task is not None and not self.task.is_finished:
            self.task.cancel()
        self.task = self.tasks.run_db(load, on_done=self.show_board, on_error=self._failed)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _data_changed(self, changes: Changes) -> None:
        if changes.database or changes.settings:
            self.mark_stale()

    def mark_stale(self, *_args: object) -> None:
        """The register changed: recompute now if shown, else when next shown."""
        self.staleness.mark()

    def _save_days(self) -> None:
        """Store the setting as an operation; its announcement recomputes the workbench."""
        settings = self.ctx.settings
        settings["not_visited_days"] = self.days.value()
        if not self.tasks.is_shut_down:
            run_op(self.tasks, self.hub, settings.save, parent=self, changes=Changes(settings=True))

    def _set_heading(self) -> None:
        name = self.ctx.cadre_name or self.tr("本村")
        self.heading.setText(self.tr("{0}的工作台　{1}").format(name, dt.date.today().isoformat()))

    # -- showing ----------------------------------------------------------------------------------

    def show_board(self, board: Board) -> None:
        self.board = board
        wb = board.workbench
        self._set_heading()
        self.next_steps.setVisible(wb.households == 0)
        if self.tree.topLevelItemCount():
            collapsed = {item.data(0, SECTION_ROLE) for item in self._sections() if not item.isExpanded()}
        else:  # first time: a long list of my households would push the rest out of sight
            collapsed = {"mine"} if len(wb.my_households.items) > COLLAPSE_OVER else set()
        self.tree.clear()
        today = wb.today
        self._section("follow_ups", self.tr("到期/逾期事项"), wb.follow_ups,
                      [self._follow_up(e, today) for e in wb.follow_ups.items])
        if wb.rectifications.items:  # only once a spot check found something (most cadres, most days: none)
            self._section("rectifications", self.tr("整改任务"), wb.rectifications,
                          [self._rectification(r) for r in wb.rectifications.items])
        self._section("not_visited", self.tr("{0}天未走访").format(wb.not_visited_days), wb.not_visited,
                      [self._household(e, self._last_visit(e, today)) for e in wb.not_visited.items])
        lang = i18n.ref_language()
        codes = self.ctx.ref["indicator"]
        self._section("indicators", self.tr("两不愁三保障未达标"), wb.unmet_indicators, [
            self._entry(f"{e.head_name or '—'}（{e.hh_no or '—'}）",
                        self.tr("未达标：{0}").format("、".join(codes.label(c, lang) for c in e.unmet)),
                        ("household", e.household_id)) for e in wb.unmet_indicators.items])
        line_text = "、".join(self.tr("{0}年 {1}元").format(y, format_yuan(a)) for y, a in sorted(board.lines.items()))
        title = self.tr("人均收入低于监测线") + (self.tr("（监测线：{0}）").format(line_text) if line_text else "")
        entries = [self._entry(f"{e.head_name or '—'}（{e.hh_no or '—'}）",
                               self.tr("{0}年人均纯收入 {1}元，低于监测线 {2}元").format(
                                   e.year, format_yuan(e.per_person_income), format_yuan(e.line)),
                               ("household", e.household_id)) for e in wb.below_line.items]
        section = self._section("below_line", title, wb.below_line, entries)
        for year in wb.years_without_line:
            why = self.tr("参考数据中没有 {0} 年的监测线，未能判断该年度收入是否低于监测线").format(year)
            note = self._entry(self.tr("{0}年没有监测线").format(year), why, None)
            note.setForeground(0, QBrush(QColor(MUTED)))
            note.setForeground(1, QBrush(QColor(MUTED)))
            section.addChild(note)
        self._monitoring_section(wb)
        self._section("mine", self.tr("我的包扶户"), wb.my_households,
                      [self._household(e, self._last_visit(e, today)) for e in wb.my_households.items])
        unsynced = QTreeWidgetItem([self.tr("未同步修改 {0} 条").format(wb.unsynced), ""])
        unsynced.setData(0, SECTION_ROLE, "unsynced")
        self._bold(unsynced)
        self.tree.addTopLevelItem(unsynced)
        for item in self._sections():
            item.setExpanded(item.data(0, SECTION_ROLE) not in collapsed)
        self.refreshed.emit()

    def _monitoring_section(self, wb: Workbench) -> None:
        """建议纳入监测: Enter starts a monitoring workflow (an account that may start one), else opens the
        household."""
        from fieldapp.domain import workflow as rules

        starts = self.ctx.allows(rules.START_PERMISSION)
        entries = []
        for e in wb.monitoring.items:
            detail = self.tr("{0}年人均纯收入 {1}元，不高于监测线 {2}元").format(
                e.year, format_yuan(e.per_person_income), format_yuan(e.line))
            if starts:
                detail += self.tr("；回车发起监测")
            item = self._entry(f"{e.head_name or '—'}（{e.hh_no or '—'}）", detail,
                               ("monitor" if starts else "household", e.household_id))
            entries.append(item)
        self._section("monitoring", self.tr("建议纳入监测"), wb.monitoring, entries)

    def start_monitoring(self, household_id: str) -> QWidget | None:
        """The start dialog on a monitoring workflow of the household (category and risk type chosen there)."""
        from fieldapp.gui.workflow import data
        from fieldapp.gui.workflow.start import StartDialog

        found = [e for e in self.board.workbench.monitoring.items if e.household_id == household_id] \
            if self.board else []
        name = f"{found[0].head_name or '—'}（{found[0].hh_no or '—'}）" if found else ""
        try:
            gate = data.gate_of(self.ctx, household_id)
        except LookupError as exc:
            show_error(self, exc)
            return None
        dialog = StartDialog(self.ctx, household_id, name, gate, kind="monitoring", tasks=self.tasks, hub=self.hub,
                             parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._editor_gone)
        self.editor = dialog
        dialog.open()
        return dialog

    def _sections(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def section(self, key: str) -> QTreeWidgetItem | None:
        """The top-level item of a section: follow_ups, not_visited, indicators, below_line, monitoring, mine,
        unsynced."""
        return next((item for item in self._sections() if item.data(0, SECTION_ROLE) == key), None)

    def _section(self, key: str, title: str, found: Any, children: list[QTreeWidgetItem]) -> QTreeWidgetItem:
        count = f"{len(found.items)}+" if found.more else str(len(found.items))
        item = QTreeWidgetItem([self.tr("{0}（{1}）").format(title, count), ""])
        item.setData(0, SECTION_ROLE, key)
        self._bold(item)
        self.tree.addTopLevelItem(item)
        item.addChildren(children)
        if not children:
            empty = self._entry(self.tr("（无）"), "", None)
            empty.setForeground(0, QBrush(QColor(MUTED)))
            item.addChild(empty)
        if found.more:
            more = self._entry(self.tr("只显示前 {0} 条").format(len(found.items)), "", None)
            more.setForeground(0, QBrush(QColor(MUTED)))
            item.addChild(more)
        return item

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)

    @staticmethod
    def _entry(text: str, detail: str, target: tuple[str, str] | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, detail])
        item.setData(0, TARGET_ROLE, target)
        if target is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _last_visit(self, e: HouseholdEntry, today: dt.date) -> str:
        if e.last_visit is None:
            return self.tr("从未走访")
        return self.tr("最近走访 {0}（{1}天前）").format(e.last_visit.isoformat(), (today - e.last_visit).days)

    def _household(self, e: HouseholdEntry, detail: str) -> QTreeWidgetItem:
        group = self.tr("，{0}组").format(e.group_no) if e.group_no is not None else ""
        return self._entry(f"{e.head_name or '—'}（{e.hh_no or '—'}{group}）", detail, ("household", e.household_id))

    def _follow_up(self, e: workbench.FollowUpEntry, today: dt.date) -> QTreeWidgetItem:
        who = e.head_name or self.tr("村级活动")
        if e.overdue:
            when = self.tr("已逾期 {0} 天（{1} 到期）").format((today - e.due_date).days, e.due_date.isoformat())
        elif e.due_date == today:
            when = self.tr("今天到期")
        else:
            when = self.tr("{0} 到期").format(e.due_date.isoformat())
        item = self._entry(f"{e.text} — {who}", when, ("visit", e.visit_id))
        if e.overdue:
            for column in (0, 1):
                item.setForeground(column, QBrush(QColor(OVERDUE)))
        return item

    def _rectification(self, r: RectificationView) -> QTreeWidgetItem:
        lang = i18n.ref_language()
        what = self.ctx.ref["spotcheck_item"].label(r.kind, lang)
        if r.status == "awaiting":
            when = self.tr("已报告完成，待审核员确认")
        elif r.overdue:
            when = self.tr("已逾期（{0} 到期）").format(r.due_date.isoformat())
        else:
            when = self.tr("{0} 前整改").format(r.due_date.isoformat())
        reason = self.tr("（退回：{0}）").format(r.reopen_note) if r.reopen_note and r.status == "open" else ""
        item = self._entry(f"{r.head_name or '—'}（{r.hh_no or '—'}）{what}：{r.finding or ''}{reason}", when,
                           ("rectification", r.id))
        item.setToolTip(0, item.text(0))
        if r.overdue:
            for column in (0, 1):
                item.setForeground(column, QBrush(QColor(OVERDUE)))
        return item

    def report_rectification(self, rect_id: str, note: str | None = None) -> QWidget | None:
        """The cadre reports a rectification done (a note; the reviewer then confirms it)."""
        from fieldapp.gui.spotcheck.dialogs import NoteDialog
        from fieldapp.services.spotcheck import rectify

        found = [r for r in self.board.workbench.rectifications.items if r.id == rect_id] if self.board else []
        if found and found[0].status != "open":
            return None
        dialog = None
        day = None
        if note is None:
            dialog = NoteDialog(self.tr("报告整改完成"), self.tr("整改了什么（审核员确认后关闭）："), self, date=True)
            if dialog.exec() != NoteDialog.DialogCode.Accepted:
                return dialog
            note, day = dialog.text(), dialog.day()
        ctx = self.ctx
        run_op(self.tasks, self.hub, lambda: rectify.report_done(ctx, rect_id, note or "", done_on=day),
               changes=Changes(spotchecks=True), parent=self, message=self.tr("已报告整改完成，等待审核员确认"))
        return dialog

    # -- opening -----------------------------------------------------------------------------------

    def open_item(self, item: QTreeWidgetItem, _column: int = 0) -> QWidget | None:
        """Open what an entry names: a household in its editor, a follow-up in its visit's form."""
        target = item.data(0, TARGET_ROLE)
        if not target:
            return None
        kind, target_id = target
        if kind == "rectification":
            return self.report_rectification(target_id)
        if kind == "monitor":
            return self.start_monitoring(target_id)
        return self.open_household(target_id) if kind == "household" else self.open_visit(target_id)

    def open_household(self, household_id: str) -> QWidget | None:
        """The household's editor (raised if it is open already)."""
        editor = open_editor(self, self.ctx, self.tasks, self.hub, household_id, on_closed=self._editor_gone)
        if editor is not None:
            self.editor = editor
        return editor

    def open_visit(self, visit_id: str | None) -> QWidget | None:
        """A visit's form (raised if it is open already), or a new one."""
        form = self.hub.editors.open("visit", visit_id, lambda: self._make_form(visit_id))
        if form is not None:
            self.editor = form
        return form

    def _make_form(self, visit_id: str | None) -> QWidget | None:
        from fieldapp.gui.visits.visit_form import VisitForm

        try:
            form = VisitForm(self.ctx, None, visit_id, parent=self, tasks=self.tasks, hub=self.hub)
        except Exception as exc:
            show_error(self, exc)
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.destroyed.connect(self._editor_gone)
        form.open()
        return form

    def _editor_gone(self) -> None:
        self.editor = None

