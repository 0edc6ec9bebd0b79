"""The idle lock: after ``idle_lock_minutes`` without keyboard or mouse input the app locks.

:class:`IdleWatcher` is one event filter on the application: any key, mouse or wheel event restarts
its timer. :class:`ScreenLock` locks: it lays an opaque cover over every open top-level window (the
main window and any editor: nothing is closed, hidden or reset, so unsaved text stays where it was)
and opens :class:`UnlockDialog`, an application-modal password prompt that cannot be dismissed. A
wrong password counts: after :data:`FREE_ATTEMPTS` failures each further try waits longer
(:func:`throttle_seconds`), or as long as the service says when ``verify`` raises a throttled error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.people.login import error_text, message_label, wait_seconds

log = logging.getLogger("fieldapp.gui.lock")

#: tries allowed before each failure makes the next try wait (as the login service does)
FREE_ATTEMPTS = 5
MAX_WAIT_SECONDS = 300

#: what counts as someone at the keyboard
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})

Verify = Callable[[str, str], bool]


def throttle_seconds(failures: int) -> int:
    """Wait before the next try after ``failures`` wrong passwords in a row: 0, …, 0, 5, 10, 20 … 300."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, 5 * 2 ** (failures - FREE_ATTEMPTS)))


class IdleWatcher(QObject):
    """``idle`` after ``minutes`` with no input anywhere in the application (0 or less: never)."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def pause(self) -> None:
        self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False


class Cover(QWidget):
    """An opaque sheet over a window's whole area while the app is locked (the window itself is untouched)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lock_cover { background: palette(window); }")
        label = QLabel(self.tr("已锁定"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


class UnlockDialog(QDialog):
    """已锁定: the signed-in person's password again. Cannot be closed or escaped; ``accepted`` on success."""

    #: a wrong password (the number of failures in a row so far)
    failed = Signal(int)

    def __init__(self, name: str, verify: Verify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.name = name
        self.verify = verify
        self.failures = 0
        self._wait = 0
        intro = QLabel(self.tr("长时间未操作，已锁定。打开的窗口和未保存的内容都还在。"), self)
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Return presses the default button (解锁); connecting returnPressed as well would try twice
        self.message = message_label(self)
        self.button = QPushButton(self.tr("解锁"), self)
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        form = QFormLayout()
        form.addRow(self.tr("账号："), QLabel(name, self))
        form.addRow(self.tr("密码(&P)："), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance("国") * 26))

    @property
    def waiting(self) -> int:
        return self._wait

    def try_unlock(self) -> None:
        if self._wait > 0:
            return
        try:
            ok = bool(self.verify(self.name, self.password.text()))
        except Exception as exc:
            if getattr(exc, "reason", None) is None:
                raise
            self.failures += 1
            self._refuse(error_text(exc), wait_seconds(exc))
            return
        if ok:
            self.failures = 0
            self.password.clear()
            self.message.clear()
            self.accept()
            return
        self.failures += 1
        self._refuse(self.tr("密码不正确，请重新输入。"), throttle_seconds(self.failures))

    def _refuse(self, text: str, wait: int) -> None:
        self.password.clear()
        self.password.setFocus()
        self.failed.emit(self.failures)
        if wait > 0:
            self._wait = wait
            self.button.setEnabled(False)
            self.password.setEnabled(False)
            self._countdown.start()
            text = self.tr("密码不正确，已连续 {0} 次。请 {1} 秒后再试。").format(self.failures, wait)
        self.message.setText(text)

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait > 0:
            self.message.setText(self.tr("请 {0} 秒后再试。").format(self._wait))
            return
        self._wait = 0
        self._countdown.stop()
        self.button.setEnabled(True)
        self.password.setEnabled(True)
        self.password.setFocus()
        self.message.setText(self.tr("可以再试了。"))

    # never dismissed except by the right password
    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


class ScreenLock(QObject):
    """Locks the application when ``watcher`` reports idle (or on :meth:`lock`) until the password is given.

    ``on_event(kind)`` ("lock", "unlock", "unlock_failed") lets the caller audit each one.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, name: str, verify: Verify, watcher: IdleWatcher | None = None,
                 on_event: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.name = name
        self.verify = verify
        self.watcher = watcher
        self.on_event = on_event
        self.covers: list[Cover] = []
        self.dialog: UnlockDialog | None = None
        if watcher is not None:
            watcher.idle.connect(self.lock)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def lock(self) -> None:
        if self.is_locked:
            return
        if self.watcher is not None:
            self.watcher.pause()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, (Cover, UnlockDialog)) \
                    and top.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                self.covers.append(Cover(top))
        dialog = self.dialog = UnlockDialog(self.name, self.verify, self.window)
        dialog.accepted.connect(self._unlocked)
        dialog.failed.connect(lambda _n: self._event("unlock_failed"))
        self._event("lock")
        log.info("locked (idle)")
        dialog.open()
        self.locked.emit()

    def _unlocked(self) -> None:
        for cover in self.covers:
            parent = cover.parentWidget()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._event("unlock")
        if self.watcher is not None:
            self.watcher.restart()
        self.unlocked.emit()

    def _event(self, kind: str) -> None:
        if self.on_event is not None:
            try:
                self.on_event(kind)
            except Exception:  # auditing must never keep a person locked out or in
                log.exception("audit of %s failed", kind)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()


class IdleLockDialog(QDialog):
    """自动锁定: minutes without input before the app locks (0: never); the ``idle_lock_minutes`` setting."""

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自动锁定"))
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 240)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setSpecialValueText(self.tr("不自动锁定"))
        intro = QLabel(self.tr("多长时间没有键盘或鼠标操作后锁定，需重新输入密码。"), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("锁定时间(&T)："), self.minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance("国") * 26))
