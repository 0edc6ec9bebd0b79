"""The idle lock: it locks after the configured idle time, covers every window, keeps what was typed,
counts wrong passwords and slows them down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from fieldapp.gui import app as app_mod
from fieldapp.gui.people.lock import Cover, IdleWatcher, ScreenLock, UnlockDialog, throttle_seconds
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from tests.gui_people.conftest import Accounts

SHORT_IDLE = 0.003  # minutes: 180 ms


def unlock(qtbot: QtBot, lock: ScreenLock, password: str) -> None:
    dialog = lock.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_idle_time_locks_the_window_behind_the_password(qtbot: QtBot, accounts: Accounts) -> None:
    window = QMainWindow()
    edit = QLineEdit(window)
    window.setCentralWidget(edit)
    qtbot.addWidget(window)
    window.show()
    watcher = IdleWatcher(SHORT_IDLE, window)
    lock = ScreenLock(window, "王队长", accounts.verify, watcher)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.is_locked
    covers = window.findChildren(Cover)
    assert len(covers) == 1 and covers[0].isVisible() and covers[0].geometry() == window.rect()
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no way around it
    assert dialog.isVisible() and lock.is_locked

    unlock(qtbot, lock, "wrong")
    assert dialog.message.text() == "密码不正确，请重新输入。"
    assert lock.is_locked and dialog.failures == 1
    with qtbot.waitSignal(lock.unlocked):
        unlock(qtbot, lock, "right-pass")
    assert not lock.is_locked
    assert not [c for c in window.findChildren(Cover) if c.isVisible()]
    assert watcher.timer.isActive()  # counting again


def test_activity_postpones_the_lock(qtbot: QtBot, accounts: Accounts) -> None:
    window = QLineEdit()
    qtbot.addWidget(window)
    window.show()
    # ten seconds: never reached here, however slow the machine; the countdown itself shows the restart
    watcher = IdleWatcher(1 / 6, window)
    lock = ScreenLock(window, "王队长", accounts.verify, watcher)
    limit = watcher.timer.interval()
    # let a second run down (a coarse timer may start up to 5% early or late), then type
    qtbot.waitUntil(lambda: watcher.timer.remainingTime() < limit - 1000, timeout=5000)
    before = watcher.timer.remainingTime()
    qtbot.keyClick(window, Qt.Key.Key_A)
    after = watcher.timer.remainingTime()
    assert after > before  # the key restarted the countdown from the full limit
    qtbot.waitUntil(lambda: watcher.timer.remainingTime() < limit - 1000, timeout=5000)
    before = watcher.timer.remainingTime()
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert watcher.timer.remainingTime() > before  # so does the mouse
    assert not lock.is_locked and watcher.timer.isActive()
    assert window.text() == "a"


def test_wrong_passwords_at_the_lock_slow_down_after_five(qtbot: QtBot, accounts: Accounts) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = ScreenLock(window, "王队长", lambda name, password: password == "right-pass")
    lock.lock()
    dialog = lock.dialog
    assert dialog is not None
    with qtbot.waitSignals([dialog.failed] * 5):
        for _ in range(5):
            unlock(qtbot, lock, "wrong")
    assert dialog.failures == 5
    assert dialog.waiting == throttle_seconds(5) == 5
    assert dialog.message.text() == "密码不正确，已连续 5 次。请 5 秒后再试。"
    assert not dialog.button.isEnabled() and not dialog.password.isEnabled()
    assert throttle_seconds(4) == 0 and throttle_seconds(6) == 10 and throttle_seconds(20) == 300
    dialog.accept()  # the lock is left only by the password (5 s away now): end it for the next test
    assert not lock.is_locked


def test_unlocking_keeps_an_open_editors_unsaved_text(qtbot: QtBot, ctx: AppContext, accounts: Accounts,
                                                       make_household: Callable[..., str]) -> None:
    household = make_household("张三明")
    window = app_mod.create_main_window(ctx, SyncTaskManager())
    qtbot.addWidget(window)
    window.show()
    editor = window.households.open_household(household)
    assert editor is not None
    qtbot.waitExposed(editor)
    field = next(e for e in editor.findChildren(QLineEdit)
                 if e.isVisible() and e.isEnabled() and not e.isReadOnly() and e.text() == "")
    field.setFocus()
    qtbot.keyClicks(field, "unsaved 12")
    assert editor.is_dirty()
    events: list[str] = []
    lock = ScreenLock(window, "王队长", accounts.verify, IdleWatcher(SHORT_IDLE, window), on_event=events.append)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    # both the main window and the editor are covered; the editor is still open
    covered = {c.parentWidget() for c in lock.covers}
    assert covered >= {window, editor}
    assert editor.isVisible()
    with qtbot.waitSignal(lock.unlocked):
        unlock(qtbot, lock, "right-pass")
    assert editor.isVisible() and field.text() == "unsaved 12" and editor.is_dirty()
    assert events == ["lock", "unlock"]
    editor.done(0)
