"""Editing an existing household: history, computed income, unsaved changes, member removal, keyboard."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services import register
from fieldapp.services.context import AppContext
from tests.gui_editor.conftest import BoxAnswerer
from tests.gui_editor.helpers import activate, cell_text, choose, edit_income_cell, finish_cell
from tests.gui_editor.keys import type_text

pytestmark = pytest.mark.gui

Opener = Callable[..., HouseholdEditor]
UNSAVED = "本户档案有未保存的修改。要保存吗？"


def history_rows(ed: HouseholdEditor) -> list[tuple[str, ...]]:
    ed.tabs.setCurrentWidget(ed.history)
    model = ed.history.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_edit_one_field_shows_old_and_new_in_history(open_editor: Opener, make_household: Callable[..., str],
                                                     ctx: AppContext, qtbot: QtBot) -> None:
    hid = make_household("张三明", address="东村一组1号", main_cause="01")
    ed = open_editor(hid)
    activate(qtbot, ed)  # shortcuts (Ctrl+S) work in the active window
    assert ed.windowTitle() == "农户档案 — 张三明[*]"
    ed.basic.address.selectAll()
    type_text(qtbot, ed.basic.address, "东村二组8号")
    choose(qtbot, ed.basic.main_cause, "04")
    with qtbot.waitSignal(ed.saved) as blocker:
        qtbot.keyClick(ed, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [hid]
    assert register.load_record(ctx.db, hid).household["address"] == "东村二组8号"

    again = open_editor(hid)
    rows = history_rows(again)
    by_field: dict[str, tuple[str, ...]] = {}
    for row in rows:  # newest first: keep each field's latest change
        if row[1] == "户":
            by_field.setdefault(row[2], row)
    time, obj, _field, old, new, user, device = by_field["详细地址"]
    assert (obj, old, new, user, device) == ("户", "东村一组1号", "东村二组8号", "王伟", "本机")
    assert dt.datetime.strptime(time, "%Y-%m-%d %H:%M:%S").date() == dt.date.today()
    assert by_field["主要致贫原因"][3:5] == ("因病", "因灾")  # codes shown as labels
    assert rows[0][2] in ("详细地址", "主要致贫原因")  # newest first
    # the members' inserts are there, named, without bookkeeping fields
    member_rows = [row for row in rows if row[1].startswith("成员")]
    assert ("成员 张三明", "姓名", "", "张三明") in {row[1:5] for row in member_rows}
    assert not any(row[2] in ("household_id", "id") for row in rows)


def test_history_pages_through_fetch_more(ctx: AppContext, make_household: Callable[..., str],
                                          qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.gui.household_editor.history_tab import HistoryModel

    hid = make_household(members=3)
    record = register.load_record(ctx.db, hid)
    for i in range(5):
        edited = copy.deepcopy(record)
        edited.household["address"] = f"地址{i}"
        register.save_record(ctx.writer, ctx.ref, edited, record)
        record = register.load_record(ctx.db, hid)
    model = HistoryModel(ctx, hid, page_size=2)
    qtmodeltester.check(model)
    model.reload()
    first_page = model.rowCount()
    assert model.canFetchMore(model.index(-1, -1))
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    addresses = [model.index(r, 4).data() for r in range(model.rowCount()) if model.index(r, 2).data() == "详细地址"]
    assert addresses == ["地址4", "地址3", "地址2", "地址1", "地址0"]
    assert model.rowCount() > first_page


def test_computed_income_updates_while_typing(open_editor: Opener, make_household: Callable[..., str],
                                              qtbot: QtBot) -> None:
    ed = open_editor(make_household(members=3))
    ed.tabs.setCurrentWidget(ed.income)
    ed.income.year.setValue(2023)
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    table = ed.income.table
    assert cell_text(table, 0, "persons") == "3"
    assert cell_text(table, 0, "net") == "0.00"
    editor = edit_income_cell(qtbot, table, 0, "wage", "3")
    assert cell_text(table, 0, "net") == "3.00"  # already after one key
    qtbot.keyClicks(editor, "000")
    assert (cell_text(table, 0, "net"), cell_text(table, 0, "per_person")) == ("3,000.00", "1,000.00")
    finish_cell(qtbot, table, editor)
    editor = edit_income_cell(qtbot, table, 0, "production_cost", "500")  # costs are subtracted
    finish_cell(qtbot, table, editor)
    assert (cell_text(table, 0, "net"), cell_text(table, 0, "per_person")) == ("2,500.00", "833.33")
    assert ed.isWindowModified()
    computed = table.model().index(0, 2)
    assert not table.model().flags(computed) & Qt.ItemFlag.ItemIsEditable


def test_adding_the_same_year_twice_is_refused(open_editor: Opener, make_household: Callable[..., str],
                                               qtbot: QtBot) -> None:
    ed = open_editor(make_household())
    ed.tabs.setCurrentWidget(ed.income)
    ed.income.year.setValue(2022)
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ed.income.add_button, Qt.MouseButton.LeftButton)
    assert ed.income.model.rowCount() == 1
    assert ed.income.year_error.text() == "2022年已有收入记录"


@pytest.mark.parametrize("how", ["close", "escape", "cancel_button"])
def test_unsaved_changes_prompt_discard(  # noqa: PLR0917 (pytest fixtures)
        how: str, open_editor: Opener, make_household: Callable[..., str], ctx: AppContext, qtbot: QtBot,
        boxes: BoxAnswerer, change_count: Callable[[], int]) -> None:
    hid = make_household(address="旧址")
    ed = open_editor(hid)
    before = change_count()
    type_text(qtbot, ed.basic.address, "改")
    assert ed.isWindowModified()
    boxes.answer("放弃修改")
    if how == "close":
        ed.close()
    elif how == "escape":
        qtbot.keyClick(ed.basic.address, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(ed.cancel_button, Qt.MouseButton.LeftButton)
    assert boxes.seen == [UNSAVED]
    assert not ed.isVisible()
    assert change_count() == before
    assert register.load_record(ctx.db, hid).household["address"] == "旧址"


def test_unsaved_changes_prompt_keep_editing_then_save(open_editor: Opener, make_household: Callable[..., str],
                                                       ctx: AppContext, qtbot: QtBot, boxes: BoxAnswerer) -> None:
    hid = make_household(address="旧址")
    ed = open_editor(hid)
    ed.basic.address.selectAll()
    type_text(qtbot, ed.basic.address, "新址")
    boxes.answer("继续编辑")
    ed.close()
    assert boxes.seen == [UNSAVED] and ed.isVisible()
    boxes.answer("保存")
    with qtbot.waitSignal(ed.saved):
        ed.close()
    assert not ed.isVisible() and ed.result() == QDialog.DialogCode.Accepted
    assert register.load_record(ctx.db, hid).household["address"] == "新址"


def test_no_prompt_without_changes(open_editor: Opener, make_household: Callable[..., str], qtbot: QtBot,
                                   boxes: BoxAnswerer) -> None:
    ed = open_editor(make_household())
    type_text(qtbot, ed.basic.address, "x")
    ed.basic.address.backspace()  # typed and taken back: nothing changed
    assert not ed.is_dirty()
    boxes.answer("放弃修改", tries=20)
    ed.close()
    assert boxes.seen == [] and not ed.isVisible()


def test_member_removal_asks_and_is_saved(open_editor: Opener, make_household: Callable[..., str],
                                          ctx: AppContext, qtbot: QtBot, boxes: BoxAnswerer) -> None:
    hid = make_household("张三明", members=3)
    ed = open_editor(hid)
    activate(qtbot, ed)
    ed.tabs.setCurrentWidget(ed.members)
    members = ed.members
    victim = members.rows[2]["name"]
    members.select_row(2)
    boxes.answer("不删除")
    qtbot.mouseClick(members.remove_button, Qt.MouseButton.LeftButton)
    assert members.model.rowCount() == 3 and victim in boxes.seen[0]
    boxes.answer("删除")
    activate(qtbot, ed)  # back from the message box
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Delete)
    assert members.model.rowCount() == 2
    assert victim not in [m["name"] for m in members.rows]
    assert ed.isWindowModified()
    with qtbot.waitSignal(ed.saved):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    names = [m["name"] for m in register.load_record(ctx.db, hid).members]
    assert len(names) == 2 and victim not in names
    assert ctx.db.scalar("SELECT deleted FROM member WHERE name = :n", n=victim) == 1


def test_removing_a_member_clears_measures_naming_them(open_editor: Opener, ctx: AppContext, qtbot: QtBot,
                                                       boxes: BoxAnswerer) -> None:
    from tests.gui_editor.sample import realistic_household

    hid = realistic_household(ctx)
    ed = open_editor(hid)
    son = next(m for m in ed.members.rows if m["name"] == "张伟")
    ed.tabs.setCurrentWidget(ed.measures)
    ed.measures.select_row(0)
    choose(qtbot, ed.measures.member_combo, son["id"])
    ed.tabs.setCurrentWidget(ed.members)
    ed.members.select_row(ed.members.rows.index(son))
    boxes.answer("删除")
    qtbot.mouseClick(ed.members.remove_button, Qt.MouseButton.LeftButton)
    assert ed.measures.rows[0]["member_id"] is None
    assert ed.measures.member_combo.value() is None
    assert son["id"] not in ed.measures.member_combo.offered()


def test_keyboard_tab_order_reaches_every_field(open_editor: Opener, make_household: Callable[..., str],
                                                qtbot: QtBot) -> None:
    ed = open_editor(make_household())
    activate(qtbot, ed)
    for tab in (ed.basic, ed.living, ed.responsibility):
        ed.tabs.setCurrentWidget(tab)
        widgets = [slot.widget for slot in tab.form.slots.values()]
        widgets[0].setFocus()
        seen = [ed.focusWidget()]
        for _ in range(len(widgets) + 5):
            qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Tab)
            seen.append(ed.focusWidget())
        order = [w for w in seen if w in widgets]
        assert order[:len(widgets)] == widgets, f"tab order of {tab}"


def test_ctrl_page_down_switches_tabs(open_editor: Opener, make_household: Callable[..., str], qtbot: QtBot) -> None:
    ed = open_editor(make_household())
    activate(qtbot, ed)
    assert ed.tabs.currentIndex() == 0
    qtbot.keyClick(ed.basic.address, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert ed.tabs.currentWidget() is ed.members
    qtbot.keyClick(ed.members.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(ed.basic, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert ed.tabs.currentWidget() is ed.history


def test_opening_and_saving_unchanged_writes_nothing(open_editor: Opener, ctx: AppContext, qtbot: QtBot,
                                                     change_count: Callable[[], int]) -> None:
    """Every stored value survives the round trip through the widgets unchanged."""
    from tests.gui_editor.sample import realistic_household

    hid = realistic_household(ctx)
    original = register.load_record(ctx.db, hid)
    ed = open_editor(hid)
    shown = ed.collect()
    assert shown.household == original.household
    assert shown.members == original.members
    assert shown.incomes == original.incomes
    assert shown.measures == original.measures
    assert sorted(shown.indicators, key=lambda r: r["code"]) == original.indicators
    assert not ed.is_dirty() and not ed.isWindowModified()
    before = change_count()
    with qtbot.waitSignal(ed.saved):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert change_count() == before
