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


def pass_password_page(qtbot: Any, wizard: SetupWizard, password: str = "longpass1") -> None:
    """The first account's password page (there once setup creates accounts)."""
    page = wizard.password_page
    if page is None:
        return
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.again, password)
    click(qtbot, wizard, NEXT)


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
    pass_password_page(qtbot, wizard)

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


def _setup_state(ctx: AppContext) -> dict[str, Any]:
    """What a setup leaves behind, without the random ids: settings, areas as a tree, cadres, thresholds, log."""
    with ctx.db.read() as conn:
        areas = {r[0]: r[1:] for r in conn.exec_driver_sql("SELECT id, level, name, code, parent_id FROM area")}
        tree = sorted((level, name, code, areas[parent][1] if parent else None)
                      for level, name, code, parent in areas.values())
        cadres = sorted(conn.exec_driver_sql("SELECT name, unit, phone, role, deleted FROM cadre").all())
        thresholds = sorted(conn.exec_driver_sql(
            "SELECT id, kind, year, area_code, amount, price_basis, source, note FROM threshold").all())
        logged = sorted(conn.exec_driver_sql("SELECT tbl, op, count(*) FROM change_log GROUP BY tbl, op").all())
    settings = {key: ctx.settings[key] for key in setup_settings_keys()}
    settings["village_ids"] = [areas[v][1] for v in settings["village_ids"]]
    settings["cadre_id"] = ctx.cadre_name
    return {"settings": settings, "areas": tree, "cadres": cadres, "thresholds": thresholds, "log": logged,
            "identity": sorted(p.name for p in ctx.paths.identity.iterdir()), "set_up": ctx.is_set_up}


def setup_settings_keys() -> list[str]:
    """Every setting but where the windows were left (the wizard's own place on screen is not setup)."""
    from fieldapp.settings import REGISTRY

    return sorted(k for k in REGISTRY if k != "window_geometry")  # where windows were left is not setup


def test_the_setup_command_leaves_the_same_state_as_the_wizard(wizard: SetupWizard, bare_ctx: AppContext,
                                                               qtbot: Any, tmp_path: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp import paths
    from fieldapp.cli.main import main
    from fieldapp.services.context import open_context

    fill_area(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    page = wizard.cadre_page
    type_text(qtbot, page.name, "王伟")
    type_text(qtbot, page.unit, "区国土资源局")
    type_text(qtbot, page.phone, "13912345678")
    page.role.setCurrentIndex(page.role.findData("leader"))
    click(qtbot, wizard, NEXT)
    pass_password_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, FINISH)
    by_wizard = _setup_state(bare_ctx)

    other = tmp_path / "prepared"
    monkeypatch.setenv(paths.ENV_HOME, str(other))
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "longpass1")  # the first account, as the wizard's password page
    assert main(["setup", "--district", "商州区", "--district-code", "611002", "--town", "北宽坪镇",
                 "--village", "东村", "--village", "西村", "--cadre", "王伟", "--unit", "区国土资源局",
                 "--phone", "13912345678", "--role", "leader"]) == 0
    cli_ctx = open_context(paths.resolve())
    try:
        by_cli = _setup_state(cli_ctx)
        assert cli_ctx.identity is not None and bare_ctx.identity is not None
        assert cli_ctx.identity.device_id != bare_ctx.identity.device_id  # each laptop its own identity
    finally:
        cli_ctx.close()
    assert by_cli == by_wizard
    assert by_cli["set_up"] and by_cli["thresholds"] and by_cli["areas"]
    # A second run changes nothing and says so.
    assert main(["setup", "--district", "别的区", "--town", "别的镇", "--village", "南村", "--cadre", "李四"]) == 1
    again = open_context(paths.resolve())
    try:
        assert _setup_state(again) == by_cli
    finally:
        again.close()


def test_the_setup_command_names_each_problem_by_its_option(data_home: Any,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli.main import main

    assert main(["setup", "--district", "商州区", "--district-code", "6110", "--town", " ", "--village", "东村,东村",
                 "--cadre", "王伟", "--phone", "12345"]) == 1
    err = capsys.readouterr().err
    for text in ("--town：请填写乡镇", "--village：村名重复", "--district-code：区县代码应为6位数字",
                 "--phone：电话号码格式不正确"):
        assert text in err
    assert "Traceback" not in err
    assert not (data_home / "device" / "identity.json").exists()
    assert main(["setup", "--district", "商州区", "--town", "镇", "--village", "东村", "--cadre", "王伟",
                 "--role", "boss"]) == 1
    assert "--role boss 不是角色代码" in capsys.readouterr().err
