"""The 打印 page of the main window: choose a document, set its options, generate, preview.

Left, the documents (门牌, 一户一档, 包扶纪实档案, 公示名单, 村台账); right, the chosen
document's form (:mod:`fieldapp.gui.printing.forms`) and 生成并预览. The PDF is written
off the GUI thread by a :class:`~fieldapp.gui.printing.jobs.PrintJob`; the page shows its
progress inline with a 取消 button (a cancelled job leaves no file) and opens the preview
when the PDF is ready.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import ValidationError
from fieldapp.gui.audit.forms import PersonTraceForm, TraceForm
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.printing.forms import ArchiveForm, CardsForm, DocumentForm, HouseholdFileForm, HouseholdSource
from fieldapp.gui.printing.jobs import (
    PrintJob,
    PrintRequest,
    PrintResult,
    missing_glyphs_text,
    open_preview,
    warn_missing_glyphs,
)
from fieldapp.gui.printing.list_forms import IssueNoticeRequest, LedgerForm, NoticeForm
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow.notices import NoticeView

log = logging.getLogger("fieldapp.gui.printing")

FORMS: tuple[type[DocumentForm], ...] = (CardsForm, HouseholdFileForm, ArchiveForm, NoticeForm, LedgerForm,
                                         TraceForm, PersonTraceForm)
LIST_STYLE = "QListWidget#printDocuments::item { padding: 7px 10px; }"


class PrintPage(QWidget):
    """打印: every printed document, generated in the background and previewed."""

    #: progress of the running job (done, total); (0, 0) while it cannot count
    progress = Signal(int, int)
    #: a job finished (its :class:`PrintResult`), just before the preview opens
    job_finished = Signal(object)
    #: a job was cancelled (its file is gone)
    job_cancelled = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager | None = None, households: HouseholdSource | None = None,
                 parent: QWidget | None = None, *, hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.households = households
        self.hub = hub if hub is not None else ChangeHub(self)
        self.hub.changed.connect(self._data_changed)
        self.job: PrintJob | None = None
        self.preview: QDialog | None = None
        self.settings_dialog: QDialog | None = None

        self.documents = QListWidget(self)
        self.documents.setObjectName("printDocuments")
        self.documents.setStyleSheet(LIST_STYLE)
        self.stack = QStackedWidget(self)
        self.forms: dict[str, DocumentForm] = {}
        titles = self.document_titles()
        for form_class in FORMS:
            form = form_class(ctx, households, self)
            self.forms[form.key] = form
            self.stack.addWidget(form)
            item = QListWidgetItem(titles[form.key][0], self.documents)
            item.setData(Qt.ItemDataRole.UserRole, form.key)
        cards = self.forms["cards"]
        assert isinstance(cards, CardsForm)
        cards.settings_requested.connect(self.open_plate_settings)
        longest = max((self.fontMetrics().horizontalAdvance(t) for t, _d in titles.values()), default=0)
        # the longest title whole (English titles are longer than 8 characters), but never a third of the page
        self.documents.setFixedWidth(max(150, min(longest, self.fontMetrics().horizontalAdvance("国") * 16) + 40))
        self.documents.currentRowChanged.connect(self._document_changed)

        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.heading.setFont(font)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")

        self.generate_button = QPushButton(self.tr("生成并预览"), self)
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMinimumWidth(240)
        self.progress_bar.setFormat(self.tr("%v / %m"))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.status_label = QLabel(self)
        self._layout()
        self._set_running(False)
        self.documents.setCurrentRow(0)

    def document_titles(self) -> dict[str, tuple[str, str]]:
        return {
            "cards": (self.tr("门牌（信息公示牌）"),
                      self.tr("每户门上的信息公示牌，兜底户与脱贫户以颜色和斜纹区分，黑白打印也能分辨。"
                              "样式（纸张、标题、显示项、颜色）在“门牌样式…”中按区县统一设置。")),
            "household": (self.tr("一户一档"),
                          self.tr("一户的完整档案：成员、收入、两不愁三保障、帮扶措施（含户主签名栏）、"
                                  "走访记录和变更记录。")),
            "archive": (self.tr("包扶纪实档案"),
                        self.tr("一位包扶干部一个月或一年的走访记录（按日期）、在村天数和签字栏。")),
            "notice": (self.tr("公示名单"),
                       self.tr("由流程的公示或公告步骤生成：列出该村处于这一步骤的户，证件号码已去标识化，"
                               "签发人签字并印验证二维码。已签发的公示再次生成时重新打印同一份。")),
            "ledger": (self.tr("村台账"),
                       self.tr("每户一行的台账，可按村、组、状态等筛选，末行合计。")),
            "trace": (self.tr("责任倒查表"),
                      self.tr("谁识别谁负责、谁填报谁负责：一户由谁建档，每一项现值由谁在何时填报；"
                              "也可只查一项的每一次填报。")),
            "person_trace": (self.tr("个人填报与核查情况"),
                             self.tr("一个人在一段时间内填报的全部内容。")),
        }

    def _layout(self) -> None:
        right = QVBoxLayout()
        right.setContentsMargins(16, 12, 16, 12)
        right.setSpacing(10)
        right.addWidget(self.heading)
        right.addWidget(self.description)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        right.addWidget(line)
        right.addWidget(self.stack)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 12, 0, 0)
        actions.addWidget(self.generate_button)
        actions.addWidget(self.progress_bar)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.status_label, 1)
        right.addLayout(actions)
        right.addStretch(1)

        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.addWidget(self.documents)
        row.addLayout(right, 1)

    # -- choosing ----------------------------------------------------------------------------

    def choose(self, key: str) -> DocumentForm:
        """Show the form of document ``key`` (cards, household, archive, notice, ledger)."""
        keys = list(self.forms)
        self.documents.setCurrentRow(keys.index(key))
        return self.forms[key]

    def current_form(self) -> DocumentForm:
        widget = self.stack.currentWidget()
        assert isinstance(widget, DocumentForm)
        return widget

    def _document_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        title, text = self.document_titles()[self.current_form().key]
        self.heading.setText(title)
        self.description.setText(text)
        self.current_form().refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for form in self.forms.values():
            form.refresh()

    # -- generating -----------------------------------------------------------------------------

    def generate(self) -> PrintJob | None:
        """Start the chosen document; returns the job (None if the form is incomplete or a job runs)."""
        if self.job is not None and self.job.running:
            return None
        try:
            request = self.current_form().request()
        except ValidationError as exc:
            show_error(self, exc)
            return None
        if isinstance(request, IssueNoticeRequest):
            return self.issue_and_print(request)
        return self._start(cast(PrintRequest, request))  # the one request that writes first is handled above

    def issue_and_print(self, request: IssueNoticeRequest) -> PrintJob | None:
        """Issue the notice (signed) as an operation, then print it; a refusal (the period, the permission, no
        signing key, nobody at the step any more) is shown in words. Returns the job once it started."""
        from fieldapp.gui.tasks import SyncTaskManager
        from fieldapp.gui.workflow.op_dialog import REFUSALS, refusal_text

        ctx = self.ctx
        tasks = self.tasks if self.tasks is not None else SyncTaskManager(self)
        self.generate_button.setEnabled(False)
        started: list[PrintJob] = []

        def issued(notice: NoticeView) -> None:
            self.generate_button.setEnabled(True)
            self.forms["notice"].refresh()  # the notice now stands: generating again prints it again
            started.append(self._start(request.printing(notice)))

        def refused(exc: BaseException) -> bool:
            self.generate_button.setEnabled(True)
            if isinstance(exc, REFUSALS):
                show_error(self, ValidationError({"_notice": refusal_text(exc)}))
                return True
            return False

        run_op(tasks, self.hub, lambda: request.choice.issue(ctx), parent=self, on_done=issued, on_error=refused,
               changes=lambda n: Changes.of_households(n.household_ids, by=ctx.writer.actor.user_name),
               message=lambda n: self.tr("已签发公示：{0} 户，{1} 至 {2}").format(
                   len(n.household_ids), n.period_start.isoformat(), n.period_end.isoformat()))
        return started[0] if started else None  # with a background task manager: started when issued

    def _start(self, request: PrintRequest) -> PrintJob:
        job = PrintJob(self.ctx, self.tasks, request, self)
        self.job = job
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.status_label.setText(self.tr("正在生成“{0}”…").format(request.title))
        self._set_running(True)
        return job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        self.generate_button.setEnabled(not running)
        self.documents.setEnabled(not running)
        self.stack.setEnabled(not running)
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress_bar.setRange(0, 0)

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress.emit(done, total)

    def _finished(self, result: PrintResult) -> None:
        self._set_running(False)
        pages = self.tr("共 {0} 页").format(result.pages)
        status = self.tr("已生成“{0}”，{1}。").format(result.title, pages)
        if result.missing:
            status += " " + missing_glyphs_text(result.missing)
        self.status_label.setText(status)
        self.job_finished.emit(result)
        assert self.job is not None
        self.preview = open_preview(self, result, self.job.release(), self.tasks)
        self.glyph_warning = warn_missing_glyphs(self, result.missing)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status_label.setText(self.tr("未能生成。"))
        show_error(self, exc)

    def _cancelled(self) -> None:
        self._set_running(False)
        self.status_label.setText(self.tr("已取消，未生成文件。"))
        self.job_cancelled.emit()

    # -- shortcuts used by the 农户 list and the menu ----------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.settings:
            self.forms["cards"].refresh()  # the door-plate layout

    def open_plate_settings(self) -> QDialog:
        from fieldapp.gui.printing.plate_settings import PlateSettingsDialog

        dialog = PlateSettingsDialog(self.ctx, self.tasks, self, hub=self.hub)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog
