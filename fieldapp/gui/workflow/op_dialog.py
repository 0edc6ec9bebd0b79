"""A dialog that writes one record as an operation and shows a refusal in place, in the service's words.

The meeting, notice and objection dialogs of the 公示与评议 page share it: a form above, an error line, and
OK/取消. :meth:`OpDialog.run` runs the write through :func:`fieldapp.gui.ops.run_op` (one change
notification of the households concerned); a refusal the person can act on (a vote that does not add up, a
period too short, a missing permission or signing key, a date outside the notice's period) stays in the
dialog with what was typed; anything else goes to the one error box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldapp.domain import workflow as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.notice import NoticeError
from fieldapp.domain.people import PermissionDenied
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.workflow.decide import plain
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.signoff.keys import NoSigningKey

log = logging.getLogger("fieldapp.gui.workflow")

#: refusals shown in the dialog (the service's message, without the command-line options it suggests)
REFUSALS = (NoticeError, rules.WorkflowError, PermissionDenied, NoSigningKey, LookupError, ValidationError)


def refusal_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(exc.problems.values())
    return plain(exc)


class OpDialog(QDialog):
    """A form (``self.body``, a layout the subclass fills), an error line and OK/取消."""

    def __init__(self, ctx: AppContext, title: str, ok_text: str, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.error = QLabel(self)
        self.error.setObjectName("dialog_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def run(self, write: Callable[[], Any], households: Callable[[Any], Iterable[str]], message: str) -> None:
        """Run ``write`` as an operation; accept with its result, or show its refusal here."""
        self.error.hide()
        self.ok_button.setEnabled(False)
        by = self.ctx.writer.actor.user_name

        def done(value: Any) -> None:
            self.ok_button.setEnabled(True)
            self.result_value = value
            self.accept()

        def failed(exc: BaseException) -> bool:
            self.ok_button.setEnabled(True)
            if isinstance(exc, REFUSALS):
                log.info("%s refused: %s", type(self).__name__, exc)
                self.show_error(refusal_text(exc))
                return True
            return False

        run_op(self.tasks, self.hub, write, changes=lambda value: Changes.of_households(households(value), by=by),
               message=message, parent=self, on_done=done, on_error=failed)
