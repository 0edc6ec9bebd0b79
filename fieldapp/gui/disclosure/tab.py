"""The 资金公示 tab: the disclosure notices with where each stands and whether the ledger still agrees, the
objections to them, and the buttons to issue, print, record a posting, record and handle an objection.

Reads run on the database thread; every write is an operation of its dialog (one change notification), after
which the tab reads again. What the account may not do is disabled (the services refuse it anyway).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.notice import ObjectionView
from fieldapp.gui.disclosure.dialogs import (
    DisclosureObjectionDialog,
    DisclosureRequest,
    IssueDisclosureDialog,
    PostDisclosureDialog,
)
from fieldapp.gui.disclosure.models import DisclosureModel, DisclosureObjectionModel, DisclosureRow
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.printing.jobs import PrintJob, start_with_progress
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.objection_dialogs import HandleDialog
from fieldapp.gui.workflow.panel import table
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import service
from fieldapp.services.disclosure.service import DisclosureView
from fieldapp.services.projects import records
from fieldapp.services.projects.records import ProjectLine
from fieldapp.services.workflow import objections


@dataclass(frozen=True)
class DisclosureData:
    rows: list[DisclosureRow]
    objections: list[ObjectionView]
    villages: list[tuple[str, str]]
    projects: list[ProjectLine]


def load(ctx: AppContext) -> DisclosureData:
    villages = list(setup.villages(ctx))
    found = service.listed(ctx)
    return DisclosureData([DisclosureRow(v, service.standing(ctx, v)) for v in found], service.objections_of(ctx),
                          villages, records.list_projects(ctx.db))


class DisclosureTab(QWidget):
    """资金公示 (see the module docstring)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.today = ctx, tasks, today
        self.hub = hub or ChangeHub(self)
        self.data: DisclosureData | None = None
        self.dialog: QDialog | None = None
        self.job: PrintJob | None = None
        self.model = DisclosureModel(ctx.ref, self, today=today)
        self.objection_model = DisclosureObjectionModel(ctx.ref, self)
        self.notices = table(self, self.model)
        self.notices.setObjectName("disclosure_notices")
        self.objection_list = table(self, self.objection_model)
        self.objection_list.setObjectName("disclosure_objections")
        allows = ctx.allows
        self.issue_button = self._button(self.tr("签发资金公示…(&F)"), self.issue, allows(service.PERMISSION))
        self.print_button = self._button(self.tr("打印公示(&N)"), self.print_notice, True)
        self.post_button = self._button(self.tr("记录张贴…(&S)"), self.post, allows(service.PERMISSION))
        self.object_button = self._button(self.tr("登记异议…(&B)"), self.new_objection, allows(objections.RECORD))
        self.handle_button = self._button(self.tr("办理异议…(&J)"), self.handle, allows(objections.HANDLE))
        self.detail = QLabel(self)
        self.detail.setObjectName("disclosure_detail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 4)
        row = QHBoxLayout()
        for button in (self.issue_button, self.print_button, self.post_button, self.object_button):
            row.addWidget(button)
        row.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(QLabel(self.tr("对资金公示的异议："), self))
        below.addStretch(1)
        below.addWidget(self.handle_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.notices, 3)
        layout.addWidget(self.detail)
        layout.addLayout(below)
        layout.addWidget(self.objection_list, 2)
        self.notices.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        self.objection_list.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        self.notices.activated.connect(lambda _i: self.print_notice())
        self.objection_list.activated.connect(lambda _i: self.handle())
        self._update()

    def _button(self, text: str, slot: Callable[[], object], allowed: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        button.setProperty("allowed", allowed)
        if not allowed:
            button.setToolTip(self.tr("本账号没有这项权限"))
        return button

    # -- loading -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.tasks.is_shut_down:
            return
        ctx = self.ctx
        self.tasks.run_db(lambda _c: load(ctx), on_done=self._loaded, on_error=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _loaded(self, data: DisclosureData) -> None:
        keep = self.current_notice()
        self.data = data
        self.model.set_notices(data.rows)
        names = {r.view.id: f"{self.model.kind_text(r.view)} {r.view.scope}" for r in data.rows}
        self.objection_model.set_objections(data.objections, names)
        for view, model in ((self.notices, self.model), (self.objection_list, self.objection_model)):
            if model.rows:
                view.resizeColumnsToContents()
                view.setCurrentIndex(model.index(0, 0))
        if keep is not None:
            ids = [r.view.id for r in data.rows]
            if keep.id in ids:
                self.notices.setCurrentIndex(self.model.index(ids.index(keep.id), 0))
        self._update()

    def current_notice(self) -> DisclosureView | None:
        return self.model.notice(self.notices.currentIndex().row())

    def current_objection(self) -> ObjectionView | None:
        return self.objection_model.objection(self.objection_list.currentIndex().row())

    def _update(self) -> None:
        notice = self.current_notice()
        objection = self.current_objection()

        def allowed(button: QPushButton) -> bool:
            return bool(button.property("allowed"))

        self.issue_button.setEnabled(allowed(self.issue_button))
        self.print_button.setEnabled(notice is not None)
        self.post_button.setEnabled(allowed(self.post_button) and notice is not None and notice.posted_on is None)
        self.object_button.setEnabled(allowed(self.object_button) and notice is not None
                                      and notice.posted_on is not None)
        self.handle_button.setEnabled(allowed(self.handle_button) and objection is not None
                                      and not objection.handled)
        row = self.model.rows[self.notices.currentIndex().row()] if notice is not None else None
        if row is None:
            self.detail.setText(self.tr("尚未签发资金公示。金额取自项目台账，签发时签字。"))
        else:
            more = len(row.standing.differences) - 2
            lines = [row.standing.text(), *row.standing.differences[:2]]
            if more > 0:
                lines.append(self.tr("……另有 {0} 处（fieldapp disclosure show 列出全部）").format(more))
            self.detail.setText("\n".join(lines))

    # -- acting -----------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    def _closed(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.refresh()
        self.notices.setFocus()

    def issue(self) -> IssueDisclosureDialog | None:
        data = self.data
        if data is None:
            return None
        dialog = IssueDisclosureDialog(self.ctx, data.villages, data.projects, tasks=self.tasks, hub=self.hub,
                                       today=self.today, parent=self)

        def issued(result: int) -> None:
            made = dialog.result_value
            if result == QDialog.DialogCode.Accepted and isinstance(made, DisclosureView) \
                    and dialog.print_after.isChecked():
                self.print_notice(made)

        dialog.finished.connect(issued)
        self._open(dialog)
        return dialog

    def print_notice(self, notice: DisclosureView | None = None) -> PrintJob | None:
        """The notice's PDF (its signed figures, with the verification QR code), previewed when ready."""
        notice = notice or self.current_notice()
        if notice is None:
            return None
        title = f"{self.model.kind_text(notice)}-{notice.scope.replace(' ', '-')}-{notice.period_start.isoformat()}"
        self.job = start_with_progress(self, self.ctx, self.tasks, DisclosureRequest(title, notice.id))
        return self.job

    def post(self) -> PostDisclosureDialog | None:
        notice = self.current_notice()
        if notice is None or notice.posted_on is not None:
            return None
        dialog = PostDisclosureDialog(self.ctx, notice, tasks=self.tasks, hub=self.hub, today=self.today,
                                      parent=self)
        self._open(dialog)
        return dialog

    def new_objection(self) -> DisclosureObjectionDialog | None:
        notice = self.current_notice()
        if notice is None:
            return None
        dialog = DisclosureObjectionDialog(self.ctx, notice, tasks=self.tasks, hub=self.hub, today=self.today,
                                           parent=self)
        self._open(dialog)
        return dialog

    def handle(self) -> HandleDialog | None:
        found = self.current_objection()
        if found is None or found.handled:
            return None
        what = self.objection_model.notices.get(found.notice_id or "", "")
        dialog = HandleDialog(self.ctx, found, what, tasks=self.tasks, hub=self.hub, today=self.today, parent=self)
        self._open(dialog)
        return dialog
