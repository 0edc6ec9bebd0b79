"""The first-start wizard, driven through its widgets."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from fieldapp.gui import codes
from fieldapp.gui.wizard import SetupWizard
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui  # (tests/gui/conftest.py ignores the offscreen plugin's size-hint warning)

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(bare_ctx: AppContext, qtbot: Any) -> SetupWizard:
    w = SetupWizard(bare_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def click(qtbot: Any, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_area(qtbot: Any, wizard: SetupWizard, villages: str = "东村\n西村") -> None:
    page = wizard.area_page
    type_text(qtbot, page.district, "商州区")
    type_text(qtbot, page.district_code, "611002")
    type_text(qtbot, page.town, "北宽坪镇")
    page.villages.setFocus()
    for i, line in enumerate(villages.split("\n")):
        if i:
            qtbot.keyClick(page.villages, Qt.Key.Key_Return)
        type_text(qtbot, page.villages, line)


def test_end_to_end(wizard: SetupWizard, bare_ctx: AppContext, qtbot: Any) -> None:
    assert not bare_ctx.is_set_up
    assert not wizard.button(NEXT).isEnabled()  # nothing filled in yet
    fill_area(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.cadre_page

    page = wizard.cadre_page
    assert not wizard.button(NEXT).isEnabled()  # name missing
    type_text(qtbot, page.name, "王伟")
    type_text(qtbot, page.unit, "区国土资源局")
    type_text(qtbot, page.phone, "13912345678")
    page.role.setCurrentIndex(page.role.findData("leader"))
    click(qtbot, wizard, NEXT)

    assert wizard.currentPage() is wizard.summary_page
    summary = wizard.summary_page.summary.text()
    for text in ("商州区", "611002", "北宽坪镇", "东村、西村", "王伟", "第一书记"):
        assert text in summary
    assert "设备身份" in wizard.summary_page.identity_note.text()
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, FINISH)

    assert bare_ctx.is_set_up
    assert bare_ctx.identity is not None
    assert (bare_ctx.paths.identity / "identity.json").is_file()
    assert [name for _id, name in setup.villages(bare_ctx)] == ["东村", "西村"]
    assert bare_ctx.settings["district_name"] == "商州区"
    assert bare_ctx.settings["district_code"] == "611002"
    assert bare_ctx.settings["town_name"] == "北宽坪镇"
    levels = bare_ctx.db.scalar("SELECT group_concat(level || ':' || name, ',') FROM area "
                                "WHERE level IN ('district', 'town')")
    assert set(str(levels).split(",")) == {"district:商州区", "town:北宽坪镇"}
    assert bare_ctx.db.scalar("SELECT role FROM cadre WHERE name = '王伟' AND unit = '区国土资源局' "
                              "AND phone = '13912345678'") == "leader"
    assert bare_ctx.cadre_name == "王伟"


def test_empty_village_disables_next_and_says_why(wizard: SetupWizard, qtbot: Any) -> None:
    page = wizard.area_page
    fill_area(qtbot, wizard, villages="东村")
    assert wizard.button(NEXT).isEnabled()
    page.villages.selectAll()
    qtbot.keyClick(page.villages, Qt.Key.Key_Delete)
    assert page.villages.toPlainText() == ""
    assert not wizard.button(NEXT).isEnabled()
    assert page.errors["villages"].isVisible()
    assert page.errors["villages"].text() == "请至少填写一个村"
    type_text(qtbot, page.villages, "   ")  # blank lines are not villages
    assert not wizard.button(NEXT).isEnabled()
    type_text(qtbot, page.villages, "南村")
    assert wizard.button(NEXT).isEnabled()
    assert not page.errors["villages"].isVisible()


def test_duplicate_villages_and_bad_code(wizard: SetupWizard, qtbot: Any) -> None:
    page = wizard.area_page
    fill_area(qtbot, wizard, villages="东村\n东村")
    assert page.errors["villages"].text() == "村名重复"
    assert not wizard.button(NEXT).isEnabled()
    page.villages.setPlainText("东村\n西村")
    assert wizard.button(NEXT).isEnabled()
    page.district_code.clear()
    type_text(qtbot, page.district_code, "6110")
    assert page.errors["district_code"].text() == "区县代码应为6位数字"
    assert not wizard.button(NEXT).isEnabled()
    page.district_code.clear()  # the code is optional
    assert wizard.button(NEXT).isEnabled()


def test_untouched_fields_show_no_message_yet(wizard: SetupWizard, qtbot: Any) -> None:
    page = wizard.area_page
    type_text(qtbot, page.district, "商州区")
    assert not wizard.button(NEXT).isEnabled()
    assert not page.errors["town"].isVisible()
    assert not page.errors["villages"].isVisible()
    assert not page.errors["district"].isVisible()


def test_bad_phone_blocks_cadre_page(wizard: SetupWizard, bare_ctx: AppContext, qtbot: Any) -> None:
    fill_area(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    page = wizard.cadre_page
    type_text(qtbot, page.name, "王伟")
    type_text(qtbot, page.phone, "12345")
    assert not wizard.button(NEXT).isEnabled()
    assert "电话号码格式不正确" in page.errors["cadre_phone"].text()
    page.phone.clear()  # optional
    assert wizard.button(NEXT).isEnabled()
    assert codes.combo_code(page.role) == "member"  # default role
    assert not bare_ctx.is_set_up


def test_cancel_leaves_everything_untouched(wizard: SetupWizard, bare_ctx: AppContext, qtbot: Any) -> None:
    fill_area(qtbot, wizard)
    with qtbot.waitSignal(wizard.rejected):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not bare_ctx.is_set_up
    assert not (bare_ctx.paths.identity / "identity.json").exists()
    assert bare_ctx.db.scalar("SELECT count(*) FROM area") == 0
