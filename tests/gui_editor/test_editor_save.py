"""Creating households through the editor, and saves the register refuses (nothing written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.domain.income import net_income
from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import cadres, villages
from tests.gui_editor.helpers import cell_text, choose, edit_income_cell, finish_cell
from tests.gui_editor.keys import type_text
from tests.helpers.idgen import resident_id

pytestmark = pytest.mark.gui

Opener = Callable[..., HouseholdEditor]


def fill_basic(ed: HouseholdEditor, qtbot: QtBot, village: str) -> None:
    basic = ed.basic
    choose(qtbot, basic.village, village)
    qtbot.keyClick(basic.group, Qt.Key.Key_Up)  # empty → 1
    qtbot.keyClicks(basic.hh_no, "611002001009")
    type_text(qtbot, basic.address, "西村一组7号")
    qtbot.keyClicks(basic.phone, "13800001111")
    choose(qtbot, basic.attribute, "04")
    assert basic.plate_kind.itemText(0) == "自动：兜底户"  # derived from 低保贫困户
    choose(qtbot, basic.main_cause, "08")


def add_members(ed: HouseholdEditor, qtbot: QtBot, head_id: str, spouse_id: str) -> None:
    ed.tabs.setCurrentWidget(ed.members)
    members = ed.members
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    assert members.form.slots["relation"].widget.value() == "01"  # the first member is the head
    type_text(qtbot, members.name_edit, "赵六")
    qtbot.keyClicks(members.id_edit, head_id)
    assert members.form.slots["gender"].widget.value() == "1"  # filled in from the ID
    assert members.form.slots["birth_date"].widget.value() == dt.date(1975, 4, 3)
    choose(qtbot, members.form.slots["medical_insurance"].widget, True)
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    assert members.form.slots["relation"].widget.value() is None
    type_text(qtbot, members.name_edit, "钱七")
    qtbot.keyClicks(members.id_edit, spouse_id)
    choose(qtbot, members.form.slots["relation"].widget, "02")
    assert ed.windowTitle().startswith("新增农户 — 赵六")


def fill_other_tabs(ed: HouseholdEditor, qtbot: QtBot, ctx: AppContext) -> None:
    ed.tabs.setCurrentWidget(ed.income)
    ed.income.year.setValue(2024)
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    assert cell_text(ed.income.table, 0, "persons") == "2"  # defaults to the member count
    editor = edit_income_cell(qtbot, ed.income.table, 0, "wage", "12000")
    finish_cell(qtbot, ed.income.table, editor)

    ed.tabs.setCurrentWidget(ed.indicators)
    food = ed.indicators.rows["food"].widgets
    choose(qtbot, food["met"], True)
    assert food["checked_on"].value() == dt.date.today()  # filled in on answering
    assert food["checked_by"].value() == ctx.settings["cadre_id"]

    ed.tabs.setCurrentWidget(ed.measures)
    qtbot.mouseClick(ed.measures.add_button, Qt.MouseButton.LeftButton)
    slots = ed.measures.form.slots
    choose(qtbot, slots["type"].widget, "industry")
    type_text(qtbot, slots["content"].widget, "发展中药材种植")
    qtbot.keyClicks(slots["amount"].widget, "1500.5")
    choose(qtbot, slots["industry"].widget, "medicinal")

    ed.tabs.setCurrentWidget(ed.responsibility)
    choose(qtbot, ed.responsibility.cadre, cadres(ctx)[0][0])
    assert ed.responsibility.unit.text() == "区国土资源局"
    assert ed.responsibility.phone.text() == "13912345678"


def test_new_household_end_to_end(open_editor: Opener, ctx: AppContext, qtbot: QtBot) -> None:
    ed = open_editor(None)
    assert ed.windowTitle().startswith("新增农户")
    assert ed.history.model.rowCount() == 0
    west = villages(ctx)[1][0]
    head_id, spouse_id = resident_id(501, dt.date(1975, 4, 3)), resident_id(602, dt.date(1978, 8, 9))
    fill_basic(ed, qtbot, west)
    add_members(ed, qtbot, head_id, spouse_id)
    fill_other_tabs(ed, qtbot, ctx)

    with qtbot.waitSignal(ed.saved, timeout=5000) as blocker:
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.result() == QDialog.DialogCode.Accepted
    assert not ed.isVisible()

    record = register.load_record(ctx.db, blocker.args[0])
    h = record.household
    assert (h["village_id"], h["group_no"], h["hh_no"], h["address"], h["phone"]) == (
        west, 1, "611002001009", "西村一组7号", "13800001111")
    assert (h["attribute"], h["main_cause"], h["plate_kind"]) == ("04", "08", None)
    assert h["cadre_id"] == cadres(ctx)[0][0]
    people = {m["name"]: m for m in record.members}
    assert set(people) == {"赵六", "钱七"}
    assert people["赵六"]["id_no"] == head_id and people["赵六"]["relation"] == "01"
    assert people["赵六"]["medical_insurance"] is True
    assert people["钱七"]["id_no"] == spouse_id and people["钱七"]["relation"] == "02"
    assert people["钱七"]["gender"] == "2" and people["钱七"]["birth_date"] == dt.date(1978, 8, 9)
    [income] = record.incomes
    assert (income["year"], income["persons"], income["wage"]) == (2024, 2, 1_200_000)
    assert net_income(income) == 1_200_000
    [indicator] = record.indicators
    assert (indicator["code"], indicator["met"], indicator["checked_on"]) == ("food", True, dt.date.today())
    [measure] = record.measures
    assert (measure["type"], measure["content"], measure["amount"], measure["industry"]) == (
        "industry", "发展中药材种植", 150_050, "medicinal")


def test_invalid_id_shows_inline_and_save_writes_nothing(open_editor: Opener, qtbot: QtBot,
                                                        change_count: Callable[[], int]) -> None:
    ed = open_editor(None)
    type_text(qtbot, ed.basic.hh_no, "611002000033")
    choose(qtbot, ed.basic.main_cause, "01")
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "孙八")
    good = resident_id(33, dt.date(1980, 2, 2))
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    qtbot.keyClicks(ed.members.id_edit, bad)
    slot = ed.members.form.slots["id_no"]
    assert not slot.error.isHidden()
    assert slot.error.text() == "证件号码校验位错误"
    assert slot.widget.property("invalid") is True

    before = change_count()
    ed.tabs.setCurrentWidget(ed.basic)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
    assert ed.isVisible() and ed.result() != QDialog.DialogCode.Accepted
    assert ed.tabs.currentWidget() is ed.members  # the first problem's tab…
    assert ed.focusWidget() is ed.members.id_edit  # …and field
    assert "证件号码校验位错误" in ed.summary.text()

    ed.members.id_edit.clear()
    qtbot.keyClicks(ed.members.id_edit, good)  # corrected: the message goes away
    assert slot.error.isHidden() and slot.widget.property("invalid") is False


def test_id_registered_in_another_household_is_refused(open_editor: Opener, make_household: Callable[..., str],
                                                       ctx: AppContext, qtbot: QtBot,
                                                       change_count: Callable[[], int]) -> None:
    existing = register.load_record(ctx.db, make_household("张三明"))
    taken = existing.members[0]["id_no"]
    hh_no = existing.household["hh_no"]
    ed = open_editor(None)
    choose(qtbot, ed.basic.main_cause, "02")
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "李四")
    qtbot.keyClicks(ed.members.id_edit, taken)
    message = ed.members.form.slots["id_no"].error.text()
    assert hh_no in message and "张三明" in message

    before = change_count()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
    assert ed.isVisible()


def test_refusal_by_the_register_is_mapped_to_its_field(open_editor: Opener, ctx: AppContext, qtbot: QtBot,
                                                        change_count: Callable[[], int]) -> None:
    """The ID is free while typing, then taken by another save before this one: save_record refuses it."""
    ed = open_editor(None)
    type_text(qtbot, ed.basic.hh_no, "611002000077")
    choose(qtbot, ed.basic.main_cause, "03")
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "周九")
    number = resident_id(77, dt.date(1990, 6, 6))
    qtbot.keyClicks(ed.members.id_edit, number)
    assert ed.members.form.slots["id_no"].error.isHidden()

    other = register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "hh_no": "611002009999", "main_cause": "01"},
        members=[{"name": "吴十", "relation": "01", "id_no": number}])
    register.save_record(ctx.writer, ctx.ref, other)

    before = change_count()
    ed.tabs.setCurrentWidget(ed.living)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
    assert ed.tabs.currentWidget() is ed.members
    assert ed.focusWidget() is ed.members.id_edit
    assert "611002009999" in ed.members.form.slots["id_no"].error.text()


def test_problems_on_other_tabs_switch_to_that_tab(open_editor: Opener, qtbot: QtBot) -> None:
    ed = open_editor(None)
    type_text(qtbot, ed.basic.hh_no, "611002000078")
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "郑七")
    # no main cause (basic tab) and a measure without content (measures tab): the first tab wins
    ed.tabs.setCurrentWidget(ed.measures)
    qtbot.mouseClick(ed.measures.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, ed.measures.form.slots["type"].widget, "health")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.tabs.currentWidget() is ed.basic
    assert ed.focusWidget() is ed.basic.main_cause
    assert ed.tabs.tabBar().tabTextColor(ed.tabs.indexOf(ed.measures)).name() == "#c62828"

    choose(qtbot, ed.basic.main_cause, "01")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert ed.tabs.currentWidget() is ed.measures
    assert ed.focusWidget() is ed.measures.form.slots["content"].widget
    assert ed.measures.form.slots["content"].error.text() == "措施内容为必填"


def test_indicator_check_date_in_the_future_is_refused(open_editor: Opener, make_household: Callable[..., str],
                                                       qtbot: QtBot, change_count: Callable[[], int]) -> None:
    ed = open_editor(make_household())
    ed.tabs.setCurrentWidget(ed.indicators)
    housing = ed.indicators.rows["housing_safety"]
    choose(qtbot, housing.widgets["met"], False)
    housing.widgets["checked_on"].clear()
    qtbot.keyClicks(housing.widgets["checked_on"], (dt.date.today() + dt.timedelta(days=3)).isoformat())
    assert housing.error.text() == "日期不能晚于今天"
    before = change_count()
    ed.tabs.setCurrentWidget(ed.basic)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
    assert ed.tabs.currentWidget() is ed.indicators
    assert ed.focusWidget() is housing.widgets["checked_on"]
