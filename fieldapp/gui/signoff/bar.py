"""The sign-off line of a record (household editor, visit form): its status and the 签字背书 button.

The status reads 未签字背书, 已签字：X（角色）于 T (green), 签字后已修改 (amber, with 查看修改 opening
:class:`~.diff_dialog.SignoffDiffDialog`) or 签名无效 (red, with the reasons). The button shows only to
accounts holding ``signoff``; the service refuses anyway and names the permission, shown in place.
Signing runs as an operation (:func:`fieldapp.gui.ops.run_op`); the line refreshes on the hub's change
notification for its record. ``blocked()`` (from the editor) gives a reason not to sign now, such as
unsaved edits: what is signed is what the register holds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from fieldapp.domain.people import PermissionDenied
from fieldapp.domain.signoff import SignoffError
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.household_editor.base import ask
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service, snapshots
from fieldapp.services.signoff.keys import NoSigningKey
from fieldapp.services.signoff.service import Status

log = logging.getLogger("fieldapp.gui.signoff")

OK_COLOR = "#1A7F37"
WARN_COLOR = "#9A6700"
# refusals shown in the line itself (everything else goes to the operation's error box)
SHOWN_IN_PLACE = (PermissionDenied, NoSigningKey, SignoffError, LookupError)


class SignoffBar(QWidget):
    """Status and 签字背书 button of one subject (``household`` or ``visit``, by id)."""

    def __init__(self, ctx: AppContext, subject: str, subject_id: str, *, tasks: TaskManager, hub: ChangeHub,
                 household_id: str | None = None, blocked: Callable[[], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.subject, self.subject_id = ctx, subject, subject_id
        self.tasks, self.hub = tasks, hub
        if subject == "household":
            household_id = subject_id
        elif household_id is None:
            household_id = snapshots.household_of(ctx.db, subject, subject_id)
        self.household_id = household_id
        self.blocked = blocked or (lambda: "")
        self.current = Status(service.UNSIGNED)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("signoff_status")
        self.status_label.setWordWrap(True)
        self.diff_button = QPushButton(self.tr("查看修改…"), self)
        self.diff_button.clicked.connect(self.show_diff)
        self.sign_button = QPushButton(self.tr("签字背书(&G)…"), self)
        self.sign_button.setObjectName("signoff_button")
        self.sign_button.setToolTip(self.tr("以本人签名密钥确认本记录当前内容（队长、村两委）"))
        self.sign_button.setVisible(service.may_sign(ctx, subject, subject_id))
        self.sign_button.clicked.connect(self.ask_sign)
        for button in (self.diff_button, self.sign_button):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label, 1)
        layout.addWidget(self.diff_button)
        layout.addWidget(self.sign_button)
        hub.changed.connect(self._changed)
        self.refresh()

    # -- status ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.current = service.status(self.ctx.db, self.subject, self.subject_id, ref=self.ctx.ref,
                                          lang=current_language())
        except LookupError:
            self.current = Status(service.UNSIGNED)
        self._show(self.current)

    def _role(self, status: Status) -> str:
        return status.signoff.role_label(self.ctx.ref, current_language()) if status.signoff else ""

    def _show(self, status: Status) -> None:
        record = status.signoff
        if record is None:
            text, color = self.tr("未签字背书"), ""
        elif status.state == service.VALID:
            text = self.tr("已签字：{0}（{1}）于 {2}，验证码 {3}").format(
                record.person_name, self._role(status), record.signed_text, record.code)
            color = OK_COLOR
        elif status.state == service.CHANGED:
            text = self.tr("签字后已修改 {0} 处（{1}（{2}）于 {3} 签字），需要重新签字").format(
                len(status.lines), record.person_name, self._role(status), record.signed_text)
            color = WARN_COLOR
        else:
            text = self.tr("签名无效：{0}").format("；".join(status.problems))
            color = ERROR_COLOR
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};" if color else "")
        self.diff_button.setVisible(status.state == service.CHANGED)

    def _changed(self, changes: Changes) -> None:
        if changes.touches_household(self.household_id) or (
                self.subject == "visit" and changes.touches_visit(self.subject_id)):
            self.refresh()

    def show_diff(self) -> QWidget:
        from fieldapp.gui.signoff.diff_dialog import SignoffDiffDialog

        dialog = SignoffDiffDialog(self.current, self._role(self.current), self)
        dialog.open()
        return dialog

    # -- signing --------------------------------------------------------------------------------

    def ask_sign(self) -> None:
        reason = self.blocked()
        if reason:
            self._refused(reason)
            return
        what = self.tr("本户档案") if self.subject == "household" else self.tr("本条走访记录")
        answer = ask(self, self.tr("签字背书"),
                     self.tr("以本人签名确认{0}当前保存的内容？签字后如再修改，将显示“签字后已修改”。").format(what),
                     [(QMessageBox.StandardButton.Yes, self.tr("签字")), (QMessageBox.StandardButton.Cancel,
                                                                        self.tr("取消"))],
                     default=QMessageBox.StandardButton.Yes, escape=QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.sign()

    def sign(self) -> None:
        """Sign now (no question asked): the operation, then the refreshed status."""
        reason = self.blocked()
        if reason:
            self._refused(reason)
            return
        ctx, subject, subject_id = self.ctx, self.subject, self.subject_id
        self.sign_button.setEnabled(False)

        def write() -> service.SignoffRecord:
            return service.sign(ctx, subject, subject_id)

        def done(_record: service.SignoffRecord) -> None:
            self.sign_button.setEnabled(True)

        def failed(exc: BaseException) -> bool:
            self.sign_button.setEnabled(True)
            if isinstance(exc, SHOWN_IN_PLACE):
                log.info("sign-off refused: %s", exc)
                self._refused(str(exc))
                return True
            return False

        if subject == "household":
            changes = Changes.of_households([subject_id], by=ctx.writer.actor.user_name)
        else:
            changes = Changes.of_visits([subject_id], [self.household_id], by=ctx.writer.actor.user_name)
        run_op(self.tasks, self.hub, write, parent=self, on_done=done, on_error=failed, changes=changes,
               message=lambda r: self.tr("已签字背书，验证码 {0}").format(r.code))

    def _refused(self, text: str) -> None:
        self.status_label.setText(self.tr("未签字：{0}").format(text))
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};")
