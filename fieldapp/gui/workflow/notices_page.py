"""Page 公示与评议, the sibling of 审核: 评议 meetings, 公示/公告 made from workflow steps, and objections.

Four tabs (Ctrl+Tab moves between them):

- 评议会议: the meetings recorded here, newest first; 登记评议会议… records one for households ticked
  among those of a village at a 评议 step;
- 公示公告: every notice with where it stands (未张贴 / 已张贴 / 公示中 / 公示期已满); 签发公示… issues one from
  a workflow's 公示/公告 step (signed), 打印 prints it (the PDF of ``fieldapp print notice``), 记录张贴…
  records the day it was put up, 登记异议… records an objection to a household on it;
- 异议: the objections not yet handled; 办理… records what was done and the result;
- 资金公示: the disclosure notices of projects and villages' years (:mod:`fieldapp.gui.disclosure`), posted
  and objected to the same way.

What the account may not do is disabled (the services refuse it whatever the page shows). Every write is an
operation announced as a change of the households concerned; the page re-reads on every change.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.notice import ObjectionView
from fieldapp.gui.disclosure.tab import DisclosureTab
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.printing.jobs import PrintJob, WorkflowNoticeRequest, start_with_progress
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.meeting_dialog import MeetingDialog
from fieldapp.gui.workflow.notice_dialogs import IssueNoticeDialog, PostDialog
from fieldapp.gui.workflow.notice_models import MeetingModel, NoticeModel, ObjectionModel
from fieldapp.gui.workflow.objection_dialogs import HandleDialog, ObjectionDialog
from fieldapp.gui.workflow.panel import table
from fieldapp.services import setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import deliberation, notices, objections, store
from fieldapp.services.workflow.deliberation import Meeting
from fieldapp.services.workflow.notices import NoticeView
from fieldapp.services.workflow.store import Named

log = logging.getLogger("fieldapp.gui.workflow")

@dataclass(frozen=True)
class NoticesData:
    """What the page shows (read on the database thread)."""

    meetings: list[Meeting]
    notices: list[NoticeView]
    objections: list[ObjectionView]
    villages: dict[str, str]
    names: dict[str, Named] = field(default_factory=dict)


def load(ctx: AppContext) -> NoticesData:
    found = notices.listed(ctx)
    pending = objections.listed(ctx.db, open_only=True)
    ids = sorted({h for n in found for h in n.household_ids} | {o.household_id for o in pending if o.household_id})
    return NoticesData(deliberation.meetings(ctx), found, pending, dict(setup.villages(ctx)),
                       store.named(ctx.db, ids))


class NoticesPage(QWidget):
    """公示与评议 (see the module docstring)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.today = today
        self.data: NoticesData | None = None
        self.dialog: QDialog | None = None
        self.job: PrintJob | None = None
        self.staleness = StaleRefresh(self, self.refresh, stale=True)
        self.tabs = QTabWidget(self)
        self.meeting_model = MeetingModel(ctx.ref, self)
        self.notice_model = NoticeModel(ctx.ref, self, today=today)
        self.objection_model = ObjectionModel(ctx.ref, self)
        self.meetings = table(self, self.meeting_model)
        self.notices = table(self, self.notice_model)
        self.objections = table(self, self.objection_model)
        allows = ctx.allows
        self.meeting_button = self._button(self.tr("登记评议会议…(&M)"), self.new_meeting,
                                           allows(deliberation.PERMISSION))
        self.issue_button = self._button(self.tr("签发公示…(&I)"), self.issue_notice, allows(notices.PERMISSION))
        self.print_button = self._button(self.tr("打印(&P)"), self.print_notice, True)
        self.post_button = self._button(self.tr("记录张贴…(&T)"), self.post_notice, allows(notices.PERMISSION))
        self.object_button = self._button(self.tr("登记异议…(&O)"), self.new_objection, allows(objections.RECORD))
        self.object_button2 = self._button(self.tr("登记异议…(&O)"), self.new_objection, allows(objections.RECORD))
        self.handle_button = self._button(self.tr("办理…(&H)"), self.handle_objection, allows(objections.HANDLE))
        self.summary = QLabel(self)
        self.summary.setObjectName("notices_summary")
        self.summary.setWordWrap(True)
        self.tabs.addTab(self._tab(self.meetings, self.meeting_button), self.tr("评议会议"))
        self.tabs.addTab(self._tab(self.notices, self.issue_button, self.print_button, self.post_button,
                                   self.object_button), self.tr("公示公告"))
        self.tabs.addTab(self._tab(self.objections, self.object_button2, self.handle_button), self.tr("未办结的异议"))
        self.disclosure = DisclosureTab(ctx, tasks, self, hub=self.hub, today=today)
        self.tabs.addTab(self.disclosure, self.tr("资金公示"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        hint = QLabel(self.tr("Ctrl+Tab 切换标签；方向键选择，按钮的带下划线字母（Alt+字母）执行。"
                              "公示步骤须公示已张贴且期满、异议已办结后才能通过。"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.notices.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        self.objections.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        self.notices.activated.connect(lambda _i: self.print_notice())
        self.objections.activated.connect(lambda _i: self.handle_objection())
        self.tabs.currentChanged.connect(lambda _i: self._focus_table())
        self.hub.changed.connect(self._data_changed)
        self._update()

    def _button(self, text: str, slot: Callable[[], object], allowed: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())  # not slot(checked): print_notice takes a notice
        button.setProperty("allowed", allowed)
        if not allowed:
            button.setToolTip(self.tr("本账号没有这项权限"))
        return button

    def _tab(self, view: QTableView, *buttons: QPushButton) -> QWidget:
        tab = QWidget(self)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(tab)
        column.addLayout(row)
        column.addWidget(view, 1)
        return tab

    def _focus_table(self) -> None:
        view = (self.meetings, self.notices, self.objections, self.disclosure.notices)[self.tabs.currentIndex()]
        view.setFocus()
        self._update()

    # -- loading -----------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.register or changes.sync or changes.people:
            self.staleness.mark()

    def refresh(self) -> None:
        if self.tasks.is_shut_down:
            return
        self.staleness.clear()
        ctx = self.ctx
        self.tasks.run_db(lambda _c: load(ctx), on_done=self._loaded, on_error=self._read_failed)
        self.disclosure.refresh()

    def _read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _loaded(self, data: NoticesData) -> None:
        keep_notice = self.current_notice()
        self.data = data
        self.meeting_model.set_meetings(data.meetings, data.villages)
        self.notice_model.set_notices(data.notices, data.villages, data.names)
        self.objection_model.set_objections(data.objections, data.names,
                                            {n.id: self.notice_model.step_text(n) for n in data.notices})
        for view, model in ((self.meetings, self.meeting_model), (self.notices, self.notice_model),
                            (self.objections, self.objection_model)):
            if model.rows:
                view.resizeColumnsToContents()
                view.setCurrentIndex(model.index(0, 0))
        if keep_notice is not None:
            ids = [n.id for n in data.notices]
            if keep_notice.id in ids:
                self.notices.setCurrentIndex(self.notice_model.index(ids.index(keep_notice.id), 0))
        today = self.today or dt.date.today()
        unposted = sum(n.status(today) == "unposted" for n in data.notices)
        running = sum(n.status(today) == "running" for n in data.notices)
        self.summary.setText(self.tr("评议会议 {0} 次；公示 {1} 份，其中未张贴 {2} 份、公示中 {3} 份；"
                                     "未办结的异议 {4} 条").format(len(data.meetings), len(data.notices), unposted,
                                                               running, len(data.objections)))
        self.tabs.setTabText(2, self.tr("未办结的异议（{0}）").format(len(data.objections)))
        self._update()

    def current_notice(self) -> NoticeView | None:
        return self.notice_model.notice(self.notices.currentIndex().row())

    def current_objection(self) -> ObjectionView | None:
        return self.objection_model.objection(self.objections.currentIndex().row())

    def _update(self) -> None:
        notice = self.current_notice()

        def allowed(button: QPushButton) -> bool:
            return bool(button.property("allowed"))

        self.meeting_button.setEnabled(allowed(self.meeting_button))
        self.issue_button.setEnabled(allowed(self.issue_button))
        self.print_button.setEnabled(notice is not None)
        self.post_button.setEnabled(allowed(self.post_button) and notice is not None and notice.posted_on is None)
        has_notices = bool(self.notice_model.rows)
        self.object_button.setEnabled(allowed(self.object_button) and notice is not None)
        self.object_button2.setEnabled(allowed(self.object_button2) and has_notices)
        self.handle_button.setEnabled(allowed(self.handle_button) and self.current_objection() is not None)

    # -- acting -----------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        dialog.finished.connect(lambda _r: self._focus_table())
        dialog.open()
        return dialog

    def new_meeting(self) -> MeetingDialog:
        dialog = MeetingDialog(self.ctx, tasks=self.tasks, hub=self.hub, today=self.today, parent=self)
        self._open(dialog)
        return dialog

    def issue_notice(self) -> IssueNoticeDialog:
        dialog = IssueNoticeDialog(self.ctx, tasks=self.tasks, hub=self.hub, parent=self)

        def issued(result: int) -> None:
            made = dialog.result_value
            if result == QDialog.DialogCode.Accepted and isinstance(made, NoticeView):
                self.tabs.setCurrentIndex(1)
                if dialog.print_after.isChecked():
                    self.print_notice(made)

        dialog.finished.connect(issued)
        self._open(dialog)
        return dialog

    def print_notice(self, notice: NoticeView | None = None) -> PrintJob | None:
        """The notice's PDF (signed, with its verification QR code), previewed when ready."""
        notice = notice or self.current_notice()
        if notice is None:
            return None
        title = self.tr("公示-{0}-{1}").format(self.notice_model.step_text(notice).replace(" · ", "-"),
                                             notice.period_start.isoformat())
        self.job = start_with_progress(self, self.ctx, self.tasks, WorkflowNoticeRequest(title, notice.id))
        return self.job

    def post_notice(self) -> PostDialog | None:
        notice = self.current_notice()
        if notice is None or notice.posted_on is not None:
            return None
        dialog = PostDialog(self.ctx, notice, tasks=self.tasks, hub=self.hub, today=self.today, parent=self)
        self._open(dialog)
        return dialog

    def new_objection(self) -> ObjectionDialog | None:
        data = self.data
        if data is None or not data.notices:
            return None
        current = self.current_notice() if self.tabs.currentIndex() == 1 else None
        dialog = ObjectionDialog(self.ctx, data.notices, data.names, notice_id=current.id if current else None,
                                 tasks=self.tasks, hub=self.hub, today=self.today, parent=self)
        self._open(dialog)
        return dialog

    def handle_objection(self) -> HandleDialog | None:
        found = self.current_objection()
        if found is None or self.data is None:
            return None
        who = self.data.names[found.household_id].text() if found.household_id in self.data.names else found.hh_no
        dialog = HandleDialog(self.ctx, found, who, tasks=self.tasks, hub=self.hub, today=self.today, parent=self)
        self._open(dialog)
        return dialog
