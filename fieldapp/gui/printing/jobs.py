"""Print jobs: a document rendered off the GUI thread into a temporary PDF, then previewed.

A request (:class:`CardsRequest`, :class:`HouseholdFileRequest`, :class:`ArchiveRequest`,
:class:`WorkflowNoticeRequest`, :class:`LedgerRequest`) says what to print; it is plain data and
its :meth:`run` calls the printing service on the database thread of the
:class:`~fieldapp.gui.tasks.TaskManager`. A :class:`PrintJob` owns the temporary folder
of one request: it reports progress, can be cancelled (the door-plate batch stops between
cards; a cancelled or failed job leaves no file), and hands the finished PDF on.

:func:`start_with_progress` runs a job under a :class:`QProgressDialog` and opens the
preview when it is done (the household list uses it; the 打印 page shows progress inline).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldapp.domain.errors import ValidationError
from fieldapp.gui.errors import show_error
from fieldapp.gui.printing.pdfdoc import page_count, remove_folder, return_freed_memory, temp_folder
from fieldapp.gui.tasks import CancelFlag, SyncTaskManager, Task, TaskCancelled, TaskControl, TaskManager
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.printing")

BUSY = (0, 0)  # progress of a job that cannot count its steps: a busy indicator

#: door cards from this many on are drawn by a child process: its start (a fresh interpreter importing the card
#: code, 1–5 s on this project's loaded 2-core machine) is small beside such a batch, the memory it takes away
#: with it (tens of MB: bench/README.md) is not; a few cards from the list are drawn here, at once
APART_FROM = 100

# Qt strings here use QCoreApplication.translate("PrintJob", "…") with literals: pyside6-lupdate finds those
# (and not strings handed to a wrapper function).

@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    title: str
    summary: str = ""
    #: characters no bundled font has, printed as “〓” (the user is told: :func:`warn_missing_glyphs`)
    missing: tuple[str, ...] = ()


class PrintRequest(Protocol):
    @property
    def title(self) -> str:
        """What is printed, for the file name and the preview's title."""
        ...

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        """Write the PDF to ``out`` (on a worker thread); returns a one-line summary."""
        ...


class WriteFirst(Protocol):
    """A request whose document exists only once something is written (a notice issued and signed): the page
    runs the write as an operation, then prints what :meth:`printing` makes of its result."""

    @property
    def title(self) -> str:
        ...

    def printing(self, written: Any) -> PrintRequest:
        ...


def file_name(title: str) -> str:
    """A file name for ``title``: characters no file system accepts become “_”."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title).strip(" ._") or "document"
    return f"{cleaned[:80]}.pdf"


def _user_error(exc: Exception) -> ValidationError:
    """A problem with what was asked for (no such household, nothing to print) as a message for the user."""
    if isinstance(exc, ValidationError):
        return ValidationError({f"_{k}": v for k, v in exc.problems.items()})
    return ValidationError({"_job": str(exc.args[0]) if exc.args else str(exc)})


@dataclass(frozen=True)
class CardsRequest:
    """Door-plate cards of ``ids``, or of a village (None: every village) and optionally one group."""

    title: str
    ids: tuple[str, ...] | None = None
    village_id: str | None = None
    group_no: int | None = None
    paper: str | None = None

    def household_ids(self, ctx: AppContext) -> list[str]:
        from fieldapp.services.printing.cards import household_ids

        return list(self.ids) if self.ids is not None else household_ids(ctx, self.village_id, self.group_no)

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.apart import render_cards_apart
        from fieldapp.services.printing.cards import NoPlates, render_cards
        from fieldapp.services.printing.common import PrintCancelled

        ids = self.household_ids(ctx)
        if not ids:
            raise ValidationError({"_job": QCoreApplication.translate("PrintJob", "没有符合条件的农户")})
        last = [-1]

        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != last[0] or done == total:  # at most ~100 signals for a batch of any size
                last[0] = percent
                control.progress(done, total)

        control.progress(0, len(ids))
        try:
            # a batch is drawn by a child process: the app keeps none of its memory (services/printing/apart.py)
            render = render_cards_apart if len(ids) >= APART_FROM else render_cards
            result = render(ctx, ids, out, progress=progress, cancelled=lambda: control.cancelled, paper=self.paper)
        except PrintCancelled:
            raise TaskCancelled from None
        except NoPlates as exc:
            raise ValidationError({"_job": str(exc)}) from None
        summary = QCoreApplication.translate("PrintJob", "{0} 张公示牌，{1} 页").format(result.cards, result.pages)
        if result.skipped:
            summary += QCoreApplication.translate("PrintJob", "；{0} 户未打印：{1}").format(
                len(result.skipped), "；".join(result.skipped))
        return summary


@dataclass(frozen=True)
class HouseholdFileRequest:
    title: str
    household_id: str
    full_ids: bool = False
    bank: bool = False  # full bank account numbers: its own choice, never implied by full_ids

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.household_file import render_household_file

        render_household_file(ctx, self.household_id, out, full_ids=self.full_ids, bank=self.bank)
        return ""


@dataclass(frozen=True)
class ArchiveRequest:
    title: str
    cadre_id: str
    year: int
    month: int | None = None

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.archive import render_archive

        render_archive(ctx, self.cadre_id, out, year=self.year, month=self.month)
        return ""


@dataclass(frozen=True)
class TraceRequest:
    """责任倒查表 of one household (``field_label``: also every value of that field)."""

    title: str
    household_id: str
    field_label: str | None = None
    full_ids: bool = False

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.trace import render_household_trace

        try:
            render_household_trace(ctx, self.household_id, out, field_label=self.field_label, full_ids=self.full_ids)
        except LookupError as exc:
            raise _user_error(exc) from None
        return ""


@dataclass(frozen=True)
class PersonTraceRequest:
    """个人填报与核查情况 of one person in [start, end]."""

    title: str
    person_id: str
    start: dt.date
    end: dt.date

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.trace import render_person_trace

        render_person_trace(ctx, self.person_id, self.start, self.end, out)
        return ""


@dataclass(frozen=True)
class WorkflowNoticeRequest:
    """An issued 公示/公告 of a workflow step, printed with its signature's verification QR code."""

    title: str
    notice_id: str

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.workflow_notice import render_workflow_notice
        from fieldapp.services.workflow import notices

        try:
            notice = notices.get(ctx, self.notice_id)
            render_workflow_notice(ctx, notice, out)
        except LookupError as exc:  # the notice, or a household it lists, is gone
            raise _user_error(exc) from None
        return QCoreApplication.translate("PrintJob", "{0} 户，{1} 至 {2}").format(
            len(notice.household_ids), notice.period_start.isoformat(), notice.period_end.isoformat())


@dataclass(frozen=True)
class LedgerRequest:
    title: str
    query: HouseholdQuery = field(default_factory=HouseholdQuery)
    heading: str | None = None

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.ledger import render_ledger

        count = render_ledger(ctx, self.query, out, title=self.heading)
        if count == 0:
            raise ValidationError({"_job": QCoreApplication.translate("PrintJob", "没有符合条件的农户")})
        return QCoreApplication.translate("PrintJob", "{0} 户").format(count)


class _JobControl(TaskControl):
    """The task's control, also cancelled by the job's own flag (set even before the task exists)."""

    def __init__(self, inner: TaskControl, flag: CancelFlag) -> None:
        super().__init__(flag, inner.progress)
        self._inner = inner

    @property
    def cancelled(self) -> bool:
        return self._inner.cancelled or self.flag.is_set

    def check(self) -> None:
        if self.cancelled:
            raise TaskCancelled


class PrintJob(QObject):
    """One request, rendered on the database thread into a temporary folder the job owns.

    Exactly one of ``finished`` (a :class:`PrintResult`), ``failed`` (the exception) or
    ``cancelled`` fires. After ``failed`` or ``cancelled`` the folder is gone; after
    ``finished`` whoever shows the PDF takes it over (:meth:`release`), else
    :meth:`discard` removes it.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager | None, request: PrintRequest,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.request = request
        self.folder = temp_folder()
        self.path = self.folder / file_name(request.title)
        self.task: Task | None = None
        self.flag = CancelFlag()
        self.result: PrintResult | None = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.is_done = False

    def start(self) -> PrintJob:
        request, ctx, out, flag = self.request, self.ctx, self.path, self.flag

        def work(task_control: TaskControl) -> PrintResult:
            from fieldapp.services.printing.fonts import missing_glyphs

            control = _JobControl(task_control, flag)
            control.check()
            control.progress(*BUSY)
            try:
                with missing_glyphs() as missing:
                    summary = request.run(ctx, out, control)
            except (LookupError, ValidationError) as exc:
                raise _user_error(exc) from exc
            if control.cancelled:  # too late to stop the service: drop what it wrote
                out.unlink(missing_ok=True)
                raise TaskCancelled
            pages = page_count(out)
            if not isinstance(request, CardsRequest):
                control.progress(1, 1)
            return PrintResult(out, pages, request.title, summary, tuple(sorted(missing)))

        log.info("print job %s → %s", type(request).__name__, out)
        task = self.tasks.run_db(work, progress=self._progress)
        self.task = task
        if task.is_finished:  # an inline (synchronous) task manager has already delivered it
            self._settle()
        else:
            task.finished.connect(self._settle)
        return self

    def cancel(self) -> None:
        if self.is_done:
            return
        self.flag.cancel()
        if self.task is not None:
            self.task.cancel()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.is_done

    def _progress(self, done: int, total: int, _text: str) -> None:
        if not self.is_done:
            self.progress.emit(done, total)

    def _settle(self) -> None:
        task = self.task
        if task is None or self.is_done:
            return
        self.is_done = True
        return_freed_memory()
        if task.error is not None:
            self.error = task.error
            self.discard()
            self.failed.emit(task.error)
        elif isinstance(task.result, PrintResult) and not task.is_cancelled and not self.flag.is_set:
            self.result = task.result
            self.finished.emit(task.result)
        else:
            self.was_cancelled = True
            self.discard()
            log.info("print job cancelled; %s removed", self.folder)
            self.cancelled.emit()

    def release(self) -> Path:
        """Hand the folder (and its PDF) over to the caller, who removes it when done."""
        folder = self.folder
        self.folder = Path()
        return folder

    def discard(self) -> None:
        remove_folder(self.folder)


def missing_glyphs_text(missing: Sequence[str]) -> str:
    """The warning for characters printed as “〓” (by code point: no font here can show them either)."""
    listed = "、".join(f"U+{ord(c):04X}" for c in sorted(missing))
    return QCoreApplication.translate(
        "PrintJob", "有 {0} 个字符没有可用的字体，已在 PDF 中以“〓”标出，打印后请手写补正：{1}").format(
        len(missing), listed)


def warn_missing_glyphs(parent: QWidget | None, missing: Sequence[str]) -> QMessageBox | None:
    """Tell the user which characters a PDF could not print (None when every character printed)."""
    if not missing:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("PrintJob", "有字符无法打印"),
                      missing_glyphs_text(missing), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_preview(parent: QWidget | None, result: PrintResult, folder: Path, tasks: TaskManager | None) -> Any:
    """The preview dialog of a finished job (it removes ``folder`` when closed)."""
    from fieldapp.gui.printing.preview import PreviewDialog

    dialog = PreviewDialog(result.path, result.title, tasks=tasks, parent=parent, cleanup=folder)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def start_with_progress(parent: QWidget, ctx: AppContext, tasks: TaskManager | None,
                        request: PrintRequest) -> PrintJob:
    """Run ``request`` under a progress dialog with a cancel button; preview the PDF when done."""
    job = PrintJob(ctx, tasks, request, parent)
    box = QProgressDialog(parent)
    box.setWindowTitle(QCoreApplication.translate("PrintJob", "打印"))
    box.setLabelText(QCoreApplication.translate("PrintJob", "正在生成“{0}”…").format(request.title))
    box.setCancelButtonText(QCoreApplication.translate("PrintJob", "取消"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(400)
    box.setAutoClose(False)
    box.setAutoReset(False)
    box.setRange(0, 0)
    job.progress_dialog = box  # type: ignore[attr-defined]

    def on_progress(done: int, total: int) -> None:
        box.setRange(0, total)
        box.setValue(done)

    def finish() -> None:
        box.canceled.disconnect(job.cancel)
        box.reset()
        box.hide()
        box.deleteLater()

    def done(result: PrintResult) -> None:
        finish()
        job.preview = open_preview(parent, result, job.release(), job.tasks)  # type: ignore[attr-defined]
        job.glyph_warning = warn_missing_glyphs(parent, result.missing)  # type: ignore[attr-defined]

    def failed(exc: BaseException) -> None:
        finish()
        show_error(parent, exc)

    job.progress.connect(on_progress)
    job.finished.connect(done)
    job.failed.connect(failed)
    job.cancelled.connect(finish)
    box.canceled.connect(job.cancel)
    return job.start()
