"""The login window: the app's first window, shown before the register, SQLAlchemy or the main window load.

Only QtCore/QtWidgets are imported here (and the standard library), so the window appears about as fast
as a bare Qt window; :class:`Preloader` imports the heavy modules on a background thread while the
person types. ``authenticate(name, password)`` returns a session or raises an error carrying
``.reason`` ("unknown_user", "wrong_password", "throttled") and ``.wait_seconds`` (the login service's
``LoginError``); the window says what went wrong in its own translated words and counts a throttled
wait down before the button works again.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("fieldapp.gui.login")

Authenticate = Callable[[str, str], Any]

#: what the main window needs, imported while the person types (order: deepest first)
HEAVY_MODULES = ("sqlalchemy", "fieldapp.services.context", "fieldapp.gui.main_window")



def message_label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    """The red line under a form where a refused password or a bad entry is explained (object name ``message``)."""
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(wrap)
    label.setStyleSheet("color: #B3261E;")
    return label

class Preloader(threading.Thread):
    """Import ``modules`` on a daemon thread; :meth:`join` before using them is optional (imports lock)."""

    def __init__(self, modules: Sequence[str] = HEAVY_MODULES) -> None:
        super().__init__(name="fieldapp-preload", daemon=True)
        self.modules = tuple(modules)
        self.failed: dict[str, BaseException] = {}

    def run(self) -> None:
        for name in self.modules:
            try:
                importlib.import_module(name)
            except Exception as exc:  # reported again, with its traceback, when the main thread imports it
                self.failed[name] = exc
                log.warning("preloading %s failed: %s", name, exc)


def error_text(exc: BaseException) -> str:
    """What to show for a failed login (our own translated words; the service's message otherwise)."""
    reason = getattr(exc, "reason", None)
    if reason == "wrong_password":
        return QCoreApplication.translate("login", "密码不正确，请重新输入。")
    if reason == "unknown_user":
        return QCoreApplication.translate("login", "本机没有这个账号。")
    if reason == "throttled":
        return QCoreApplication.translate("login", "尝试次数过多，请 {0} 秒后再试。").format(wait_seconds(exc))
    return str(exc)


def wait_seconds(exc: BaseException) -> int:
    value = getattr(exc, "wait_seconds", 0) or 0
    return max(0, round(float(value)))


class PasswordForm(QWidget):
    """Login name, password, a message line and the button: shared by the login window and the
    switch-account dialog. ``submitted(session)`` after a successful ``authenticate``."""

    submitted = Signal(object)

    def __init__(self, names: Sequence[str], authenticate: Authenticate, *, hint: str = "", password: str = "",
                 button_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.authenticate = authenticate
        self.name = QComboBox(self)
        self.name.setEditable(True)  # a name not listed (an account made on another laptop) can be typed
        self.name.addItems(list(names))
        self.name.setObjectName("login_name")
        chosen = hint if hint in names else (names[0] if names else "")
        self.name.setCurrentText(chosen)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setText(password)
        self.message = message_label(self)
        # (parent) then the text: the (text, parent) overload makes PySide6 build QIcon's enums first (~5 ms)
        self.button = QPushButton(self)
        self.button.setText(button_text or self.tr("登录"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self._return_pressed)

        form = QFormLayout()
        form.addRow(self.tr("账号(&N)："), self.name)
        form.addRow(self.tr("密码(&P)："), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.forgot = QPushButton(self)
        self.forgot.setText(self.tr("忘记密码？"))
        self.forgot.setObjectName("forgot_password")
        self.forgot.setAutoDefault(False)
        self.forgot.clicked.connect(self.explain_forgotten)
        self.button_row = row = QHBoxLayout()
        row.addWidget(self.forgot)
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)

        self._wait = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.focus_first()

    def explain_forgotten(self) -> None:
        """The way back from a forgotten password, and what starting over costs, said before anyone does it."""
        self.message.setText(self.tr(
            "请本机的队长或管理员登录后在“账号管理”中为您重设密码。"
            "如果本机没有人能登录，只能重新加入区县服务器，从区县重新接收所负责的村：本机尚未同步的修改将全部丢失，无法找回。"))

    def focus_first(self) -> None:
        (self.password if self.name.currentText() else self.name).setFocus()

    def _return_pressed(self) -> None:
        if not isinstance(self.window(), QDialog):  # in a dialog Return presses the default button already
            self.submit()

    @property
    def waiting(self) -> int:
        """Seconds left before another attempt is allowed (0: allowed)."""
        return self._wait

    def submit(self) -> None:
        if self._wait > 0:
            return
        name = self.name.currentText().strip()
        if not name:
            self.message.setText(self.tr("请填写账号。"))
            self.name.setFocus()
            return
        try:
            session = self.authenticate(name, self.password.text())
        except Exception as exc:
            if getattr(exc, "reason", None) is None:
                raise  # not a login failure: the caller's error handling (log + dialog) takes it
            self.failed(exc)
            return
        self.message.clear()
        self.submitted.emit(session)

    def failed(self, exc: BaseException) -> None:
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_text(exc))
        if getattr(exc, "reason", None) == "throttled" and wait_seconds(exc) > 0:
            self._wait = wait_seconds(exc)
            self.button.setEnabled(False)
            self._countdown.start()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._wait = 0
            self._countdown.stop()
            self.button.setEnabled(True)
            self.message.setText(self.tr("可以再试了。"))
        else:
            self.message.setText(self.tr("尝试次数过多，请 {0} 秒后再试。").format(self._wait))


class LoginWindow(QWidget):
    """驻村帮扶工作台 — 登录. ``logged_in(session)`` when the password is right; ``painted`` once, after the
    first paint (the moment to start loading the rest: not before, or it would slow the window down)."""

    logged_in = Signal(object)
    painted = Signal()

    def __init__(self, names: Sequence[str], authenticate: Authenticate, *, hint: str = "", password: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登录"))
        title = QLabel(self.tr("驻村帮扶工作台"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        centred = QHBoxLayout()  # stretches, not Qt.AlignmentFlag: the Qt namespace costs ~25 ms to load
        centred.addStretch(1)
        centred.addWidget(title)
        centred.addStretch(1)
        self.form = PasswordForm(names, authenticate, hint=hint, password=password, parent=self)
        self.form.submitted.connect(self.logged_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(14)
        layout.addLayout(centred)
        layout.addWidget(self.form)
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance("国") * 26))
        self._painted = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.form.focus_first()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)


def show_centred(window: QWidget) -> None:
    """Show ``window`` at its natural size in the middle of its screen (not at a corner)."""
    window.adjustSize()
    window.move(window.screen().availableGeometry().center() - window.rect().center())
    window.show()


class SwitchAccountDialog(QDialog):
    """切换账号: the same form in a dialog over the main window; ``session`` is set when accepted."""

    def __init__(self, names: Sequence[str], authenticate: Authenticate, *, current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("切换账号"))
        self.session: Any = None
        others = [n for n in names if n != current] + ([current] if current in names else [])
        intro = QLabel(self.tr("当前账号：{0}。请以另一个账号登录。").format(current or "—"), self)
        intro.setWordWrap(True)
        self.form = PasswordForm(others, authenticate, button_text=self.tr("切换"), parent=self)
        self.form.submitted.connect(self._accept_session)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        self.form.button_row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance("国") * 26))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.form.focus_first()

    def _accept_session(self, session: object) -> None:
        self.session = session
        self.accept()
