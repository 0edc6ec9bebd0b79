"""The login window and the switch-account form: wrong password, unknown name, throttling, success."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui.people.login import LoginWindow, Preloader
from tests.gui_people.conftest import Accounts, Refused


def login_window(qtbot: QtBot, accounts: Accounts, **kwargs: str) -> LoginWindow:
    window = LoginWindow(accounts.names(), accounts.authenticate, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_wrong_password_says_so_and_the_right_one_logs_in(qtbot: QtBot, accounts: Accounts) -> None:
    window = login_window(qtbot, accounts, hint="王队长")
    form = window.form
    assert form.name.currentText() == "王队长"
    assert window.focusWidget() is form.password  # the name is filled in: straight to the password
    qtbot.keyClicks(form.password, "wrong-pass")
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert form.message.text() == "密码不正确，请重新输入。"
    assert form.password.text() == ""  # typed again from scratch
    qtbot.keyClicks(form.password, "right-pass")
    with qtbot.waitSignal(window.logged_in) as signal:
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert signal.args[0].name == "王队长"
    assert signal.args[0].roles == ("leader", "admin")


def test_an_unknown_name_is_named_as_such(qtbot: QtBot, accounts: Accounts) -> None:
    window = login_window(qtbot, accounts)
    window.form.name.setCurrentText("张三")
    qtbot.keyClicks(window.form.password, "x")
    qtbot.keyClick(window.form.password, Qt.Key.Key_Return)
    assert window.form.message.text() == "本机没有这个账号。"


def test_a_throttled_login_shows_the_wait_and_refuses_until_it_is_over(qtbot: QtBot) -> None:
    calls: list[str] = []

    def authenticate(name: str, password: str) -> object:
        calls.append(password)
        if len(calls) == 1:
            raise Refused("throttled", wait_seconds=1)
        return name

    window = LoginWindow(["王队长"], authenticate)
    qtbot.addWidget(window)
    window.show()
    form = window.form
    qtbot.keyClicks(form.password, "right-pass")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert form.message.text() == "尝试次数过多，请 1 秒后再试。"
    assert not form.button.isEnabled() and form.waiting == 1
    qtbot.keyClicks(form.password, "right-pass")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)  # during the wait: not even tried
    assert calls == ["right-pass"]
    qtbot.waitUntil(form.button.isEnabled, timeout=3000)
    assert form.message.text() == "可以再试了。"
    with qtbot.waitSignal(window.logged_in):
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert calls == ["right-pass", "right-pass"]


def test_five_wrong_passwords_then_the_account_store_makes_the_person_wait(qtbot: QtBot,
                                                                          accounts: Accounts) -> None:
    window = login_window(qtbot, accounts, hint="李队员")
    for _ in range(5):
        qtbot.keyClicks(window.form.password, "nope")
        qtbot.keyClick(window.form.password, Qt.Key.Key_Return)
    qtbot.keyClicks(window.form.password, "member-pass")
    qtbot.keyClick(window.form.password, Qt.Key.Key_Return)
    assert window.form.message.text() == "尝试次数过多，请 5 秒后再试。"
    assert window.form.waiting == 5


def test_the_preloader_imports_on_its_own_thread() -> None:
    loader = Preloader(("json", "fieldapp.no_such_module"))
    loader.start()
    loader.join(10)
    assert not loader.is_alive()
    assert list(loader.failed) == ["fieldapp.no_such_module"]


def test_the_login_module_loads_no_database_code() -> None:
    import subprocess
    import sys

    code = ("import sys, fieldapp.gui.app, fieldapp.gui.people.login, fieldapp.gui.people.shell;"
            "print(sorted(m for m in ('sqlalchemy', 'fieldapp.services.context', 'fieldapp.gui.main_window')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_the_login_speaks_the_installed_language(qtbot: QtBot, accounts: Accounts) -> None:
    from fieldapp.gui import i18n

    try:
        assert i18n.install("en")
        window = login_window(qtbot, accounts, hint="王队长")
        qtbot.keyClicks(window.form.password, "wrong")
        qtbot.keyClick(window.form.password, Qt.Key.Key_Return)
        assert (window.windowTitle(), window.form.button.text()) == ("Log in", "Log in")
        assert window.form.message.text() == "Wrong password; please type it again."
        assert i18n.install("zh-Hant")
        assert LoginWindow([], accounts.authenticate).form.button.text() == "登入"
    finally:
        i18n.install("zh-Hans")


def test_forgotten_password_says_the_way_back_and_what_starting_over_loses(qtbot: QtBot,
                                                                           accounts: Accounts) -> None:
    window = login_window(qtbot, accounts, hint="王队长")
    form = window.form
    qtbot.keyClicks(form.password, "half-typed")
    form.forgot.setFocus()
    qtbot.keyClick(form.forgot, Qt.Key.Key_Space)  # keyboard-only: Tab to it, Space
    text = form.message.text()
    assert "队长或管理员" in text and "重设密码" in text
    assert "重新加入区县服务器" in text and "尚未同步的修改将全部丢失" in text
    assert form.password.text() == "half-typed"  # nothing typed is lost, nobody is logged in
    with qtbot.assertNotEmitted(window.logged_in):
        qtbot.keyClick(form.forgot, Qt.Key.Key_Space)
