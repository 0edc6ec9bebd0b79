"""What the Excel dialogs share: a progress row with 取消, and telling the user what went wrong.

A file that cannot be used (:class:`~fieldapp.services.excel.read.SpreadsheetError`), a plan
the register moved on from, or a cancelled task is the user's business, not a bug: it is
said in plain words in the dialog and in a message box. Anything else goes to
:func:`fieldapp.gui.errors.show_error` (logged as a bug).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub, ChangesFor, MessageFor, run_op
from fieldapp.gui.tasks import Task
from fieldapp.services.excel.apply import PlanOutdated
from fieldapp.services.excel.fragments import ImportCancelled
from fieldapp.services.excel.read import SpreadsheetError

USER_ERRORS = (SpreadsheetError, PlanOutdated, LookupError)


class ProgressRow(QWidget):
    """A progress bar, its text and a 取消 button for the one running task of a dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(220)
        self.text = QLabel(self)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.text)
        row.addWidget(self.cancel_button)
        self.task: Task | None = None
        self.setVisible(False)

    def start(self, task: Task, text: str) -> None:
        self.task = task
        self.bar.setRange(0, 0)
        self.text.setText(text)
        self.setVisible(not task.is_finished)
        task.progress.connect(self.update_progress)
        task.finished.connect(self.stop)

    def update_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        if text:
            self.text.setText(text)

    def stop(self) -> None:
        self.task = None
        self.setVisible(False)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.is_finished


def report_error(parent: QWidget, exc: BaseException, status: QLabel | None = None) -> QMessageBox | None:
    """Say what went wrong: in ``status`` and a non-blocking box for a user error, as a bug otherwise."""
    if isinstance(exc, ImportCancelled):
        if status is not None:
            status.setText(QCoreApplication.translate("excel", "已取消，没有写入任何内容"))
        return None
    if isinstance(exc, USER_ERRORS) and not isinstance(exc, KeyError | IndexError):  # those two are bugs
        text = str(exc).strip("'\"")
        if status is not None:
            status.setText(text)
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("excel", "无法完成"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
    if status is not None:
        status.setText("")
    return show_error(parent, exc)


class JobRunner:
    """The one way the Excel dialogs run a database job: busy state, progress row, errors, cancel.

    A dialog using it has ``tasks`` (TaskManager), ``progress`` (:class:`ProgressRow`), ``status``
    (QLabel) and the hooks ``_busy(bool)`` and ``_cancelled()``.
    """

    tasks: Any
    progress: ProgressRow
    status: QLabel

    def _busy(self, busy: bool) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    def _run(self, fn: Any, on_done: Any, text: str, *, hub: ChangeHub | None = None,
             changes: ChangesFor | None = None, message: MessageFor = None) -> Any:
        """Run ``fn(control)``; a write passes ``hub`` and ``changes`` and then runs as an operation
        (:func:`~fieldapp.gui.ops.run_op`), announced once after ``on_done``."""
        if self.tasks.is_shut_down or self.progress.running:
            return None
        self._busy(True)
        self.status.setText(text)

        def failed(exc: BaseException) -> bool:
            self._busy(False)
            report_error(self, exc, self.status)  # type: ignore[arg-type]  # a QWidget subclass
            return True

        def done(value: Any) -> None:
            self._busy(False)
            on_done(value)

        if hub is not None and changes is not None:
            task = run_op(self.tasks, hub, fn, changes=changes, parent=self, message=message,  # type: ignore[arg-type]
                          on_done=done, on_error=failed, with_control=True)
        else:
            task = self.tasks.run_db(fn, on_done=done, on_error=failed)
        task.cancelled.connect(self._cancelled)
        self.progress.start(task, text)
        return task
