"""What the editor refuses or asks about instead of saving or changing silently.

A household needs a 户编号 and a head; a negative amount, an over-long name or a number
out of range stays as typed with a message; an ID number that disagrees with the 性别 and
出生日期 already typed replaces them only if the cadre agrees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.gui_editor.helpers import choose, edit_income_cell, finish_cell
from tests.gui_editor.keys import type_text
from tests.helpers.dialogs import BoxAnswerer
from tests.helpers.fixtures import write_unchecked
from tests.helpers.idgen import resident_id

pytestmark = pytest.mark.gui

Opener = Callable[..., HouseholdEditor]


def test_a_household_without_number_or_members_is_refused_naming_what_is_missing(
        open_editor: Opener, qtbot: QtBot, change_count: Callable[[], int]) -> None:
    ed = open_editor(None)
    choose(qtbot, ed.basic.main_cause, "01")
    before = change_count()
    ed.tabs.setCurrentWidget(ed.living)
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before and ed.isVisible()
    assert ed.tabs.currentWidget() is ed.basic and ed.focusWidget() is ed.basic.hh_no
    assert ed.summary.text() == "有 2 处需要更正。第一处：基本信息 户编号：户编号为必填"

    qtbot.keyClicks(ed.basic.hh_no, "611002000501")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
    assert ed.tabs.currentWidget() is ed.members and ed.focusWidget() is ed.members.add_button
    assert ed.members.list_error.text() == "本户没有成员，请添加户主"

    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "冯一")
    with qtbot.waitSignal(ed.saved, timeout=5000):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)


def test_a_broken_household_from_an_old_register_opens_to_be_fixed(
        open_editor: Opener, ctx: AppContext, qtbot: QtBot) -> None:
    broken = write_unchecked(ctx, register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "main_cause": "01"}))
    ed = open_editor(broken)
    assert ed.basic.hh_no.value() is None
    assert "户编号为必填" in ed.summary.text()  # shown at once for an existing household
    qtbot.keyClicks(ed.basic.hh_no, "611002000502")
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.members.name_edit, "褚二")
    with qtbot.waitSignal(ed.saved, timeout=5000):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    record = register.load_record(ctx.db, broken)
    assert record.household["hh_no"] == "611002000502" and [m["name"] for m in record.members] == ["褚二"]


def test_negative_income_and_long_name_stay_as_typed_and_are_refused(
        open_editor: Opener, make_household: Callable[..., str], qtbot: QtBot,
        change_count: Callable[[], int]) -> None:
    ed = open_editor(make_household())
    ed.tabs.setCurrentWidget(ed.income)
    ed.income.year.setValue(2024)
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    cell = edit_income_cell(qtbot, ed.income.table, 0, "production", "-3000")
    finish_cell(qtbot, ed.income.table, cell)
    [row] = ed.collect().incomes
    assert row["production"] == -300_000  # the minus sign is not dropped
    assert ed.problems["income[0].production"] == "金额不能为负数（亏损请把成本填在“生产经营性支出”）"

    ed.tabs.setCurrentWidget(ed.members)
    ed.members.select_row(0)
    name = "阿卜杜热合曼·买买提艾力·阿不都克热木·吐尔逊·艾合买提江·库尔班"
    ed.members.name_edit.selectAll()
    ed.members.name_edit.insert(name)
    assert ed.collect().members[0]["name"] == name  # not cut at 32
    assert ed.problems["member[0].name"] == f"最多32个字，现有{len(name)}个字"

    before = change_count()
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before and ed.isVisible()


def test_an_id_that_disagrees_with_what_was_typed_asks_before_replacing(
        open_editor: Opener, qtbot: QtBot, boxes: BoxAnswerer) -> None:
    ed = open_editor(None)
    ed.tabs.setCurrentWidget(ed.members)
    members = ed.members
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, members.name_edit, "卫三")
    choose(qtbot, members.form.slots["gender"].widget, "2")
    qtbot.keyClicks(members.form.slots["birth_date"].widget, "1990-01-01")
    number = resident_id(501, dt.date(1975, 4, 3))  # a man born 1975-04-03

    boxes.answer("保留已填写的内容")
    qtbot.keyClicks(members.id_edit, number)
    qtbot.waitUntil(lambda: len(boxes.seen) == 1)
    assert "性别：女 → 男" in boxes.seen[0] and "出生日期：1990-01-01 → 1975-04-03" in boxes.seen[0]
    row = ed.collect().members[0]
    assert (row["gender"], row["birth_date"]) == ("2", dt.date(1990, 1, 1))  # kept
    assert members.form.slots["gender"].error.text() == "性别与证件号码不一致"

    boxes.answer("按证件号码更正")
    members.id_edit.clear()
    qtbot.keyClicks(members.id_edit, number)
    qtbot.waitUntil(lambda: len(boxes.seen) == 2)
    row = ed.collect().members[0]
    assert (row["gender"], row["birth_date"]) == ("1", dt.date(1975, 4, 3))
    assert members.form.slots["gender"].error.isHidden()


def test_an_income_year_after_this_year_is_kept_and_refused(
        open_editor: Opener, make_household: Callable[..., str], qtbot: QtBot) -> None:
    ed = open_editor(make_household())
    ed.tabs.setCurrentWidget(ed.income)
    later = dt.date.today().year + 1
    ed.income.year.setFocus()
    ed.income.year.selectAll()
    qtbot.keyClicks(ed.income.year, str(later))
    assert ed.income.year.value() == later  # the last digit was not dropped
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    assert ed.income.model.rows == []
    assert ed.income.year_error.text() == f"应在1900到{later - 1}之间"


def test_an_id_with_a_digit_too_many_keeps_it_and_says_how_long_it_is(open_editor: Opener, qtbot: QtBot) -> None:
    ed = open_editor(None)
    ed.tabs.setCurrentWidget(ed.members)
    qtbot.mouseClick(ed.members.add_button, Qt.MouseButton.LeftButton)
    number = resident_id(501, dt.date(1975, 4, 3)) + "7"
    qtbot.keyClicks(ed.members.id_edit, number)
    assert ed.members.id_edit.text() == number
    assert ed.members.form.slots["id_no"].error.text() == "证件号码应为18位，现为19位"
