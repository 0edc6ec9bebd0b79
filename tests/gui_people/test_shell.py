"""The signed-in app: login → main window, the 账号 menu, switching account, changing one's password."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from fieldapp.gui import app as app_mod
from fieldapp.gui.people.login import SwitchAccountDialog
from fieldapp.gui.people.passwords import ChangePasswordDialog
from fieldapp.gui.people.shell import PeopleApi, Shell
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from tests.gui_people.conftest import Accounts
from tests.helpers.dialogs import BoxAnswerer


@pytest.fixture
def shell(qtbot: QtBot, api: PeopleApi, sync_tasks: SyncTaskManager) -> Iterator[Shell]:
    made: list[QMainWindow] = []

    def make_window(ctx: AppContext) -> QMainWindow:
        window = app_mod.create_main_window(ctx, sync_tasks)
        made.append(window)
        return window

    shell = Shell(api, make_window, sync_tasks, idle_minutes=lambda _ctx: 15)
    yield shell
    for window in made:
        window.close()
    if shell.lock is not None:
        shell.lock.stop()


def log_in(qtbot: QtBot, shell: Shell, name: str, password: str) -> QMainWindow:
    login = shell.show_login(hint=name)
    qtbot.addWidget(login)
    qtbot.keyClicks(login.form.password, password)
    with qtbot.waitSignal(shell.entered) as entered:
        qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    window = entered.args[0]
    qtbot.addWidget(window)
    return window


def dirty_editor(qtbot: QtBot, window: QMainWindow, household: str) -> tuple[object, QLineEdit]:
    editor = window.households.open_household(household)  # type: ignore[attr-defined]
    qtbot.waitExposed(editor)
    field = next(e for e in editor.findChildren(QLineEdit)
                 if e.isVisible() and e.isEnabled() and not e.isReadOnly() and e.text() == "")
    qtbot.keyClicks(field, "unsaved 12")
    assert editor.is_dirty()
    return editor, field


def test_login_opens_the_main_window_for_the_person(qtbot: QtBot, shell: Shell) -> None:
    window = log_in(qtbot, shell, "王队长", "right-pass")
    assert window.isVisible() and shell.login is None
    assert shell.account_label is not None and shell.account_label.text() == "账号：王队长"
    names = [a.objectName() for a in window.findChild(type(window.menuBar().actions()[0].menu()),
                                                      "account_menu").actions() if not a.isSeparator()]
    assert names == ["lock_action", "switch_action", "password_action", "accounts_action", "idle_action"]
    assert "accounts" in window.page_keys()  # a leader/admin manages accounts


def test_a_member_sees_no_account_management(qtbot: QtBot, shell: Shell) -> None:
    window = log_in(qtbot, shell, "李队员", "member-pass")
    assert "accounts" not in window.page_keys()
    assert not [a for a in window.actions() if a.objectName() == "accounts_action"]


def test_the_lock_shortcut_locks_and_the_lock_is_audited(qtbot: QtBot, shell: Shell, accounts: Accounts) -> None:
    window = log_in(qtbot, shell, "王队长", "right-pass")
    action = next(a for a in window.actions() if a.objectName() == "lock_action")
    assert action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(shell.lock.locked):  # type: ignore[union-attr]
        action.trigger()
    dialog = shell.lock.dialog  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.password, "right-pass")
    with qtbot.waitSignal(shell.lock.unlocked):  # type: ignore[union-attr]
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert accounts.events == [("王队长", "lock"), ("王队长", "unlock")]


def test_switch_account_asks_about_unsaved_edits_then_rebuilds_for_the_other_person(
        qtbot: QtBot, shell: Shell, boxes: BoxAnswerer, make_household: Callable[..., str],
        accounts: Accounts) -> None:
    household = make_household("张三明")
    first = log_in(qtbot, shell, "王队长", "right-pass")
    first_ctx = shell.ctx
    editor, _field = dirty_editor(qtbot, first, household)
    boxes.answer("放弃修改")  # the editor's own question
    dialog = shell.switch_account()
    assert boxes.seen == ["本户档案有未保存的修改。要保存吗？"]
    assert isinstance(dialog, SwitchAccountDialog) and not editor.isVisible()  # type: ignore[attr-defined]
    form = dialog.form
    assert form.name.currentText() == "李队员"  # the other account is offered first
    qtbot.keyClicks(form.password, "wrong")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert form.message.text() == "密码不正确，请重新输入。" and shell.window is first
    qtbot.keyClicks(form.password, "member-pass")
    with qtbot.waitSignal(shell.entered) as entered:
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    second = entered.args[0]
    qtbot.addWidget(second)
    assert second is not first and second.isVisible() and not first.isVisible()
    assert shell.session.name == "李队员" and shell.ctx is not first_ctx
    assert second.ctx is shell.ctx
    assert shell.account_label.text() == "账号：李队员"  # type: ignore[union-attr]
    assert "accounts" not in second.page_keys()
    assert ("王队长", "logout") in accounts.events


def test_keep_editing_cancels_the_switch_and_keeps_the_text(
        qtbot: QtBot, shell: Shell, boxes: BoxAnswerer, make_household: Callable[..., str]) -> None:
    household = make_household("张三明")
    window = log_in(qtbot, shell, "王队长", "right-pass")
    editor, field = dirty_editor(qtbot, window, household)
    boxes.answer("继续编辑")
    assert shell.switch_account() is None
    assert editor.isVisible() and field.text() == "unsaved 12"  # type: ignore[attr-defined]
    assert shell.window is window and shell.session.name == "王队长"
    editor.done(0)  # type: ignore[attr-defined]


def test_change_own_password(qtbot: QtBot, shell: Shell, accounts: Accounts) -> None:
    log_in(qtbot, shell, "李队员", "member-pass")
    dialog = shell.change_password()
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.keyClicks(dialog.old, "nope")
    qtbot.keyClicks(dialog.new, "new-pass-1")
    qtbot.keyClicks(dialog.again, "new-pass-2")
    dialog.submit()
    assert dialog.message.text() == "两次输入的新密码不一致。"
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "new-pass-1")
    dialog.submit()
    assert dialog.message.text() == "原密码不正确。" and dialog.isVisible()
    qtbot.keyClicks(dialog.old, "member-pass")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert accounts.passwords["李队员"] == "new-pass-1"


def test_the_idle_time_is_the_setting_and_can_be_changed(qtbot: QtBot, api: PeopleApi, sync_tasks: SyncTaskManager,
                                                         ctx: AppContext) -> None:
    from fieldapp.gui.people.lock import IdleLockDialog
    from fieldapp.settings import Settings

    shell = Shell(api, lambda c: app_mod.create_main_window(c, sync_tasks), sync_tasks)  # idle time: the setting
    window = log_in(qtbot, shell, "王队长", "right-pass")
    watcher = shell.lock.watcher  # type: ignore[union-attr]
    assert watcher is not None and watcher.timer.interval() == 15 * 60_000 and watcher.timer.isActive()
    dialog = shell.idle_settings()
    assert isinstance(dialog, IdleLockDialog) and dialog.minutes.value() == 15
    dialog.minutes.setValue(0)
    assert dialog.minutes.text() == "不自动锁定"
    dialog.minutes.lineEdit().selectAll()
    qtbot.keyClicks(dialog.minutes, "5")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.minutes, Qt.Key.Key_Return)
    assert watcher.timer.interval() == 5 * 60_000 and watcher.timer.isActive()
    assert Settings.load(ctx.paths.settings)["idle_lock_minutes"] == 5
    shell.set_idle_minutes(0)
    assert not watcher.timer.isActive()  # 0: never locks
    watcher.stop()
    window.close()


def test_keyboard_only_lock_and_no_mnemonic_clash(qtbot: QtBot, shell: Shell) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication, QPushButton

    window = log_in(qtbot, shell, "王队长", "right-pass")
    window.show_page("accounts")
    page = shell.accounts_page
    assert page is not None
    # a button's Alt+letter must not be a menu's, or neither works (an ambiguous shortcut)
    menus = {QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions()}
    buttons = {b.shortcut().toString() for b in page.findChildren(QPushButton)}
    assert "Alt+A" in menus and buttons and not menus & buttons
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()  # type: ignore[attr-defined]
    with qtbot.waitSignal(shell.lock.locked):  # type: ignore[union-attr]
        qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.keyClicks(shell.lock.dialog.password, "right-pass")  # type: ignore[union-attr]
    with qtbot.waitSignal(shell.lock.unlocked):  # type: ignore[union-attr]
        qtbot.keyClick(shell.lock.dialog.password, Qt.Key.Key_Return)  # type: ignore[union-attr]
