"""加入区县服务器…: enrol this laptop with the district server using a one-time code.

Two steps, so that a code is never spent on the wrong server:

1. 连接并核对指纹 — ``server_health`` (network) and ``check_pinned`` (database) show the server's
   name and key fingerprint; the cadre compares it with what the district administrator reads out.
2. 确认加入 — ``request_enrolment`` (network) spends the code; the answer must come from the key
   the cadre confirmed; ``store_enrolment`` (database, settings) pins it and stores the address.

Everything runs off the GUI thread. Errors are shown in the dialog in plain Chinese: unreachable,
not a FieldApp server, wrong / used / expired code, revoked device, already enrolled elsewhere.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui import geometry
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import identity as identity_mod
from fieldapp.services import setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.syncing import check_pinned, store_enrolment
from fieldapp.sync.http_client import (
    Enrolment,
    Offline,
    SyncError,
    fingerprint,
    normalise_url,
    request_enrolment,
    server_health,
)

log = logging.getLogger("fieldapp.gui.sync.net")

@dataclass(frozen=True)
class EnrolResult:
    url: str
    enrolment: Enrolment
    villages: list[str]  # names of the granted villages (as this laptop or the server knows them)


def enrol_error_text(exc: BaseException) -> str:
    """What the dialog says about a failed step."""
    reason = getattr(exc, "reason", "")
    if isinstance(exc, ValueError):
        return str(exc)
    if isinstance(exc, Offline):
        return str(exc) + "\n" + QCoreApplication.translate("EnrolDialog", "请检查服务器地址是否正确、本机是否联网。")
    if reason == "other-server":
        return QCoreApplication.translate(
            "EnrolDialog", "本机已加入另一台区县服务器。如确需改为加入这台服务器，请勾选“改为加入这台服务器”后重试。")
    if reason == "revoked":
        return str(exc) + "\n" + QCoreApplication.translate(
            "EnrolDialog", "本机已被区县服务器吊销，不能再用这台笔记本的身份加入。")
    if isinstance(exc, SyncError):
        return str(exc)
    return QCoreApplication.translate("EnrolDialog", "未能加入：{0}").format(exc)


def _say(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, or hide the label when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


class EnrolDialog(QDialog):
    """Server address and one-time code → the server's fingerprint → 确认加入."""

    #: the server answered; its fingerprint is shown (the health answer)
    checked = Signal(object)
    #: enrolled (:class:`EnrolResult`); the dialog closes
    enrolled = Signal(object)
    #: a step failed (the exception); the error is shown in the dialog
    failed = Signal(object)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)  # the window's: the stored enrolment is announced
        self.health: dict[str, Any] | None = None
        self.checked_url: str | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("加入区县服务器"))
        intro = QLabel(self.tr("请输入区县管理员给的服务器地址和一次性加入码。"
                               "先核对服务器指纹，确认无误后再加入：加入码只能使用一次。"), self)
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(str(ctx.settings["server_url"] or ""), self)
        self.url_edit.setPlaceholderText("https://sync.example.gov.cn")
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKMN-PQRS")
        self.name_edit = QLineEdit(self.tr("{0}的笔记本").format(ctx.cadre_name) if ctx.cadre_name else "", self)
        self.replace_check = QCheckBox(self.tr("改为加入这台服务器（替换已加入的 {0}）").format(
            ctx.settings["server_url"]), self)
        self.replace_check.setVisible(bool(ctx.settings["server_device_id"]))
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont(self.fingerprint_label.font())
        mono.setPointSizeF(mono.pointSizeF() * 1.15)
        self.fingerprint_label.setFont(mono)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("连接并核对指纹"), self)
        self.check_button.clicked.connect(self.check_server)
        self.enrol_button = QPushButton(self.tr("确认加入"), self)
        self.enrol_button.clicked.connect(self.enrol)
        self.check_button.setDefault(True)  # Enter: check first; after the check, Enter joins
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._layout(intro)
        self.url_edit.textChanged.connect(self._forget_check)
        self.replace_check.toggled.connect(self._forget_check)
        self._set_busy(False)

    def _layout(self, intro: QLabel) -> None:
        form = QFormLayout()
        address = QHBoxLayout()
        address.addWidget(self.url_edit, 1)
        address.addWidget(self.check_button)
        form.addRow(self.tr("服务器地址"), address)
        form.addRow(self.tr("加入码"), self.code_edit)
        form.addRow(self.tr("本机名称"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.replace_check)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)  # a taller window keeps the fields and the buttons together at the top
        layout.addWidget(self.buttons)
        self.fingerprint_label.hide()  # shown with their text: empty, they left a gap under the fields
        self.error_label.hide()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 36)
        geometry.fit(self, "enrol")

    # -- state --------------------------------------------------------------------------------------

    def _verify(self) -> bool | str:
        return str(self.ctx.settings["server_ca"]) or True

    def _forget_check(self, *_args: object) -> None:
        """Another address (or the replace choice) needs a new check before the code is spent."""
        self.health, self.checked_url = None, None
        _say(self.fingerprint_label, "")
        self.check_button.setDefault(True)
        self._set_busy(self.task is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.url_edit, self.code_edit, self.name_edit, self.replace_check, self.check_button):
            widget.setEnabled(not busy)
        self.enrol_button.setEnabled(not busy and self.health is not None)
        if busy:
            self.error_label.setStyleSheet("color: palette(placeholder-text);")
            _say(self.error_label, text)

    def _error(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        log.info("enrolment step failed: %s", exc)
        self.error_label.setStyleSheet("color: #B00020;")
        _say(self.error_label, enrol_error_text(exc))
        self.failed.emit(exc)

    def _start(self, task: Task) -> None:
        self.task = None if task.is_finished else task

    # -- 1. the server's fingerprint --------------------------------------------------------------------

    def check_server(self) -> Task | None:
        try:
            url = normalise_url(self.url_edit.text())
        except ValueError as exc:
            text = self.url_edit.text().strip()
            self._error(ValueError(self.tr("请输入服务器地址。")) if not text else exc)
            return None
        self._forget_check()
        self._set_busy(True, self.tr("正在连接 {0}…").format(url))
        verify = self._verify()

        def health(_control: TaskControl) -> dict[str, Any]:
            return server_health(url, verify=verify)

        task = self.tasks.run_net(health, on_done=lambda h: self._pin_check(url, h), on_error=self._error)
        self._start(task)
        return task

    def _pin_check(self, url: str, health: dict[str, Any]) -> None:
        ctx, replace = self.ctx, self.replace_check.isChecked()

        def check(_control: TaskControl) -> dict[str, Any]:
            check_pinned(ctx, str(health["server_id"]), str(health["signing"]), replace=replace)
            if ctx.identity is None:  # the setup wizard normally made it; the CLI's enrol does the same
                ctx.identity = identity_mod.create(ctx.paths.identity, key=ctx.vault_key)
            return health

        self._start(self.tasks.run_db(check, on_done=lambda h: self._checked(url, h), on_error=self._error))

    def _checked(self, url: str, health: dict[str, Any]) -> None:
        self.task = None
        self.health, self.checked_url = health, url
        name = str(health.get("name") or self.tr("区县服务器"))
        text = self.tr("服务器“{0}”（{1}）的指纹：\n{2}\n请与区县管理员核对指纹完全一致后，再点“确认加入”。")
        _say(self.fingerprint_label, text.format(name, url, fingerprint(str(health["signing"]))))
        _say(self.error_label, "")
        self._set_busy(False)
        self.enrol_button.setDefault(True)
        self.checked.emit(health)

    # -- 2. spend the code ---------------------------------------------------------------------------

    def enrol(self) -> Task | None:
        health, url = self.health, self.checked_url
        if health is None or url is None or self.task is not None:
            return None
        code = self.code_edit.text().strip()
        if not code:
            self._error(ValueError(self.tr("请输入加入码。")))
            return None
        identity = self.ctx.identity
        assert identity is not None  # made by the check step
        name, verify = self.name_edit.text().strip(), self._verify()
        self._set_busy(True, self.tr("正在加入…"))

        def request(_control: TaskControl) -> Enrolment:
            enrolment = request_enrolment(identity, url, code, name=name, verify=verify)
            server = enrolment.server
            if (server["device_id"], server["signing"]) != (health["server_id"], health["signing"]):
                raise SyncError("key-mismatch", QCoreApplication.translate(
                    "EnrolDialog", "服务器的回答与刚才核对的指纹不同：可能有人冒充服务器，已拒绝，未加入"))
            return enrolment

        task = self.tasks.run_net(request, on_done=lambda e: self._store(url, e), on_error=self._error)
        self._start(task)
        return task

    def _store(self, url: str, enrolment: Enrolment) -> None:
        ctx, replace = self.ctx, self.replace_check.isChecked()

        def store() -> EnrolResult:
            store_enrolment(ctx, url, enrolment, replace=replace)
            local = dict(setup.villages(ctx))
            known = {str(v.get("id")): str(v.get("name") or "") for v in enrolment.villages}
            names = [local.get(v) or known.get(v) or v[:8] for v in enrolment.scope]
            return EnrolResult(url, enrolment, names)

        def failed(exc: BaseException) -> bool:
            self._error(exc)
            return True  # shown in the dialog

        # a write (the pinned server, the address, the scope in the settings): one operation, one announcement
        self._start(run_op(self.tasks, self.hub, store, changes=Changes(sync=True, settings=True), parent=self,
                           on_done=self._stored, on_error=failed))

    def _stored(self, result: EnrolResult) -> None:
        self.task = None
        log.info("enrolled with %s from the GUI", result.url)
        self.enrolled.emit(result)
        self.accept()
