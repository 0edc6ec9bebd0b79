"""The first account: the wizard's password page (once setup creates accounts), and a laptop set up before
accounts existed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from fieldapp.gui import wizard as wizard_mod
from fieldapp.gui.people.passwords import FirstAccountDialog
from fieldapp.services.context import AppContext
from tests.gui.keys import type_text
from tests.gui.test_wizard import click, fill_area


def test_a_laptop_without_accounts_gets_its_first_one(qtbot: QtBot) -> None:
    made: dict[str, str] = {}

    def create(name: str, password: str) -> None:
        if name in made:
            raise ValueError("账号已存在")
        made[name] = password

    dialog = FirstAccountDialog("王伟", create)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "王伟"
    qtbot.keyClicks(dialog.new, "longpass1")
    qtbot.keyClicks(dialog.again, "longpass2")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.message.text() == "两次输入的新密码不一致。" and made == {}
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "longpass1")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert made == {"王伟": "longpass1"}


@pytest.mark.skipif(not wizard_mod.WITH_ACCOUNT, reason="setup creates no account before the people services")
def test_the_wizard_asks_for_the_first_password(bare_ctx: AppContext, qtbot: Any) -> None:
    wizard = wizard_mod.SetupWizard(bare_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_area(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_text(qtbot, wizard.cadre_page.name, "王伟")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.password_page
    assert wizard.currentPage() is page and page is not None
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no password yet
    qtbot.keyClicks(page.password, "longpass1")
    qtbot.keyClicks(page.again, "longpass")
    assert page.errors["password_again"].text() == "两次输入的密码不一致"
    qtbot.keyClicks(page.again, "1")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

    assert auth.login_names(bare_ctx.paths) == ["王伟"]
    assert auth.verify_password(bare_ctx.paths, "王伟", "longpass1")
