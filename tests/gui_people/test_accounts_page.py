"""账号管理: the list, adding an account, resetting a password, roles and villages (keyboard and buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.people.accounts_page import (
    AccountDialog,
    AccountsPage,
    Choices,
    ResetPasswordDialog,
    account_row,
)
from fieldapp.gui.tasks import SyncTaskManager
from tests.gui_people.conftest import Accounts

CHOICES = Choices([("member", "队员"), ("leader", "队长"), ("admin", "管理员")],
                  [("v1", "红星村"), ("v2", "向阳村")], [("c1", "赵干部"), ("c2", "钱干部")])


def page(qtbot: QtBot, accounts: Accounts, sync_tasks: SyncTaskManager) -> AccountsPage:
    widget = AccountsPage(accounts, CHOICES, sync_tasks, ChangeHub())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def column(widget: AccountsPage, col: int) -> list[str]:
    return [widget.table.item(r, col).text() for r in range(widget.table.rowCount())]


def test_the_list_shows_names_roles_and_villages(qtbot: QtBot, accounts: Accounts,
                                                 sync_tasks: SyncTaskManager) -> None:
    accounts.villages["王队长"] = ("v1", "v2")
    widget = page(qtbot, accounts, sync_tasks)
    assert column(widget, 0) == ["李队员", "王队长"]
    assert column(widget, 2) == ["队员", "队长、管理员"]
    assert column(widget, 3) == ["—", "红星村、向阳村"]


def test_add_an_account(qtbot: QtBot, accounts: Accounts, sync_tasks: SyncTaskManager) -> None:
    widget = page(qtbot, accounts, sync_tasks)
    dialog = widget.add_account()
    assert isinstance(dialog, AccountDialog)
    dialog.name.setText("王队长")  # Chinese comes through an input method, not key clicks
    dialog.cadre.setCurrentIndex(1)
    dialog.village_checks["v2"].setChecked(True)
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.again, "short")
    dialog.check()
    assert dialog.message.text() == "新密码至少要 8 个字符。"
    for edit in (dialog.password, dialog.again):
        edit.clear()
        qtbot.keyClicks(edit, "long-enough")
    dialog.check()
    assert dialog.message.text() == "账号“王队长”已存在" and dialog.isVisible()  # the service's refusal, in place
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "zhao")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert accounts.passwords["zhao"] == "long-enough"
    assert accounts.roles["zhao"] == ("member",) and accounts.villages["zhao"] == ("v2",)
    assert "zhao" in column(widget, 0)


def test_reset_a_password_and_change_roles(qtbot: QtBot, accounts: Accounts, sync_tasks: SyncTaskManager) -> None:
    widget = page(qtbot, accounts, sync_tasks)
    widget.table.selectRow(0)
    dialog = widget.reset_password()
    assert isinstance(dialog, ResetPasswordDialog) and dialog.name == "李队员"
    qtbot.keyClicks(dialog.password, "fresh-pass")
    qtbot.keyClicks(dialog.again, "fresh-pass")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert accounts.passwords["李队员"] == "fresh-pass"

    widget.table.selectRow(0)
    roles = widget.edit_roles()
    assert roles is not None and not roles.adding
    roles.role_checks["member"].setChecked(False)
    roles.check()
    assert roles.message.text() == "请至少选择一个角色。"
    roles.role_checks["leader"].setChecked(True)
    roles.village_checks["v1"].setChecked(True)
    with qtbot.waitSignal(roles.accepted):
        roles.check()
    assert accounts.roles["李队员"] == ("leader",) and accounts.villages["李队员"] == ("v1",)
    assert column(widget, 2)[0] == "队长"


def test_account_rows_come_from_records_or_dicts() -> None:
    assert account_row({"name": "a", "roles": ["admin"], "cadre_id": None}).roles == ("admin",)
    assert account_row(account_row({"name": "b", "active": False})).active is False
