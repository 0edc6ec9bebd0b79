"""The reusable form widgets: nullable values, codes, money in fen, and their common ``changed`` signal."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.domain import refdata
from fieldapp.gui.fields import (
    ChoiceCombo,
    CodeCombo,
    DecimalEdit,
    MoneyEdit,
    NullableDateEdit,
    NullableSpin,
    TextEdit,
    YearSpin,
    YesNoCombo,
    parse_date,
    yuan_text,
)
from tests.gui_editor.keys import type_text

pytestmark = pytest.mark.gui


def test_money_edit_reads_yuan_as_fen_and_keeps_a_minus_sign(qtbot: QtBot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.changed):
        qtbot.keyClicks(edit, "1234.5")
    assert edit.value() == 123450
    edit.clear()
    qtbot.keyClicks(edit, "-12")  # kept as typed: the register's rules refuse it with a message
    assert edit.text() == "-12"
    assert edit.value() == -1200
    edit.setValue(120000)
    assert edit.text() == "1200"
    edit.setValue(None)
    assert edit.value() is None and edit.problem() is None
    edit.setText(".")
    assert edit.value() is None and edit.problem()


def test_decimal_edit_keeps_a_minus_sign(qtbot: QtBot) -> None:
    edit = DecimalEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "-2.5")
    assert edit.value() == "-2.5" and edit.problem() is None  # the rules say 不能为负数


def test_text_edit_keeps_text_longer_than_its_limit_and_says_so(qtbot: QtBot) -> None:
    edit = TextEdit(max_length=32)
    qtbot.addWidget(edit)
    name = "阿卜杜热合曼·买买提艾力·阿不都克热木·吐尔逊·艾合买提江·库尔班"
    assert len(name) > 32
    edit.setFocus()
    edit.insert(name)  # as a paste does
    assert edit.value() == name
    assert edit.problem() == f"最多32个字，现有{len(name)}个字"
    edit.setText(name[:32])
    assert edit.problem() is None


def test_nullable_spin_keeps_a_number_out_of_range_and_says_so(qtbot: QtBot) -> None:
    spin = NullableSpin(0, 12, none_text="未填")
    qtbot.addWidget(spin)
    spin.show()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "13")
    assert spin.value() == 13 and spin.problem() == "应在0到12之间"
    spin.clearFocus()  # leaving the field does not put the old value back
    assert spin.value() == 13
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.value() == 12 and spin.problem() is None
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Backspace)  # cleared: empty, not the old value
    spin.clearFocus()
    assert spin.value() is None
    year = YearSpin()
    qtbot.addWidget(year)
    year.show()
    year.setFocus()
    year.selectAll()
    qtbot.keyClicks(year, "1850")
    year.clearFocus()
    assert year.value() == 1850 and year.problem() == "应在1900到2100之间"


def test_yuan_text() -> None:
    assert yuan_text(5) == "0.05"
    assert yuan_text(123456) == "1234.56"
    assert yuan_text(None) == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-05", dt.date(2024, 3, 5)), ("2024/3/5", dt.date(2024, 3, 5)), ("2024.3.5", dt.date(2024, 3, 5)),
    ("20240305", dt.date(2024, 3, 5)), ("2024年3月5日", dt.date(2024, 3, 5)), ("2024-02-30", None), ("3/5", None),
])
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_nullable_date_edit(qtbot: QtBot) -> None:
    edit = NullableDateEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.problem() is None
    with qtbot.waitSignal(edit.changed):
        qtbot.keyClicks(edit, "2019/7/1")
    assert edit.value() == dt.date(2019, 7, 1)
    edit.editingFinished.emit()
    assert edit.text() == "2019-07-01"
    edit.setText("2019-13-01")
    assert edit.value() is None
    assert "年-月-日" in (edit.problem() or "")
    edit.setValue(None)
    assert edit.text() == "" and edit.problem() is None


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups on the offscreen platform
def test_nullable_date_edit_calendar_picks_a_date(qtbot: QtBot) -> None:
    edit = NullableDateEdit()
    qtbot.addWidget(edit)
    edit.setValue(dt.date(2020, 5, 17))
    edit.show()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    popup = edit._popup
    assert popup is not None and popup.isVisible()
    assert popup.selectedDate().toPython() == dt.date(2020, 5, 17)
    popup.activated.emit(popup.selectedDate().addDays(3))
    assert edit.value() == dt.date(2020, 5, 20)
    assert not popup.isVisible()


def test_code_combo_shows_labels_stores_codes_and_keeps_unknown_codes(qtbot: QtBot) -> None:
    combo = CodeCombo(refdata.default()["poverty_cause"])
    qtbot.addWidget(combo)
    assert combo.value() is None
    assert combo.itemText(1) == "因病"
    with qtbot.waitSignal(combo.changed):
        combo.setValue("08")
    assert combo.currentText() == "缺劳力"
    assert combo.value() == "08"
    combo.setValue("77")  # not in the list: kept, shown as ?77
    assert combo.value() == "77" and combo.currentText() == "?77"
    combo.setValue(None)
    assert combo.value() is None


def test_code_combo_sections_draw_a_separator(qtbot: QtBot) -> None:
    combo = CodeCombo(refdata.default()["measure_type"], sections=[["industry", "relocation"], ["other"]])
    qtbot.addWidget(combo)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[:3] == ["", "产业发展", "易地搬迁"]
    assert texts[3] == "" and combo.index_of("other") == 4 and texts[4] == "其他"


def test_choice_combo_keeps_value_when_choices_change(qtbot: QtBot) -> None:
    combo = ChoiceCombo([("a", "甲"), ("b", "乙")])
    qtbot.addWidget(combo)
    combo.setValue("b")
    combo.set_choices([("c", "丙"), ("b", "乙")])
    assert combo.value() == "b"


def test_yes_no_combo(qtbot: QtBot) -> None:
    combo = YesNoCombo(none_text="未核查")
    qtbot.addWidget(combo)
    assert combo.value() is None and combo.currentText() == "未核查"
    for value in (True, False, None):
        combo.setValue(value)
        assert combo.value() is value
    combo.setFocus()
    with qtbot.waitSignal(combo.changed):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.value() is True


def test_year_spin_is_nullable_and_steps_from_this_year(qtbot: QtBot) -> None:
    spin = YearSpin()
    qtbot.addWidget(spin)
    assert spin.value() is None
    with qtbot.waitSignal(spin.changed):
        spin.stepBy(1)
    assert spin.value() == dt.date.today().year
    spin.setValue(None)
    assert spin.value() is None


def test_nullable_spin_typing(qtbot: QtBot) -> None:
    spin = NullableSpin(0, 12)
    qtbot.addWidget(spin)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "7")
    assert spin.value() == 7


def test_decimal_and_text_edits(qtbot: QtBot) -> None:
    decimal = DecimalEdit()
    text = TextEdit()
    qtbot.addWidget(decimal)
    qtbot.addWidget(text)
    qtbot.keyClicks(decimal, "3.5")
    assert decimal.value() == "3.5" and decimal.problem() is None
    decimal.setText(".")
    assert decimal.problem()
    type_text(qtbot, text, "  东村  ")
    assert text.value() == "东村"
    text.clear()
    assert text.value() is None
