"""The household list page: search as you type, filters, sorting, keyboard, opening the editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from fieldapp.gui.household_list import SEARCH_DELAY_MS, HouseholdListPage
from fieldapp.gui.household_model import COLUMN_KEYS
from fieldapp.services import register
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def page(ctx: AppContext, qtbot: Any) -> HouseholdListPage:
    widget = HouseholdListPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_names(page: HouseholdListPage) -> list[str]:
    model = page.model
    column = COLUMN_KEYS.index("head_name")
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def search(qtbot: Any, page: HouseholdListPage, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    page.flush_search()


def choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


# -- search ---------------------------------------------------------------------------------


def test_search_by_name_prefix(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    assert len(shown_names(page)) == 6
    search(qtbot, page, "张")
    assert sorted(shown_names(page)) == ["张三明", "张丽"]
    assert page.count_label.text() == "共 2 户"
    search(qtbot, page, "张三")
    assert shown_names(page) == ["张三明"]


def test_search_by_pinyin_initials(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    search(qtbot, page, "zsm")
    assert shown_names(page) == ["张三明"]
    search(qtbot, page, "zhangli")  # full pinyin as well
    assert shown_names(page) == ["张丽"]


def test_search_by_id_number_prefix(ctx: AppContext, varied: dict[str, str], page: HouseholdListPage,
                                    qtbot: Any) -> None:
    record = register.load_record(ctx.db, varied["李四"])
    number = next(m["id_no"] for m in record.members if m["relation"] == "01")
    others = {m["id_no"] for hid in varied.values() if hid != varied["李四"]
              for m in register.load_record(ctx.db, hid).members}
    prefix = next(number[:n] for n in range(8, 18) if not any(o.startswith(number[:n]) for o in others))
    search(qtbot, page, prefix)
    assert shown_names(page) == ["李四"]
    search(qtbot, page, number)
    assert shown_names(page) == ["李四"]
    search(qtbot, page, number[:-1] + "0" if number[-1] != "0" else number[:-1] + "1")  # wrong check digit
    assert shown_names(page) == []


def test_search_by_household_number(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    search(qtbot, page, "611002000005")  # 户编号 of the 5th household made
    assert shown_names(page) == ["赵六"]


def test_typing_requeries_after_a_short_pause(varied: dict[str, str], page: HouseholdListPage,
                                             qtbot: Any) -> None:
    with qtbot.waitSignal(page.model.modelReset, timeout=SEARCH_DELAY_MS * 10):
        qtbot.keyClicks(page.search, "ls")  # 李四; no flush: the timer applies it
    assert shown_names(page) == ["李四"]
    assert page.model.query().text == "ls"


def test_no_match_shows_zero(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    search(qtbot, page, "欧阳")
    assert shown_names(page) == []
    assert page.count_label.text() == "共 0 户"


# -- filters --------------------------------------------------------------------------------


def test_filter_by_group(varied: dict[str, str], page: HouseholdListPage) -> None:
    offered = [page.group_combo.itemData(i) for i in range(page.group_combo.count())]
    assert offered == [None, 1, 2, 3, 4]
    assert page.group_combo.itemText(0) == "全部"
    choose(page.group_combo, 2)
    assert set(shown_names(page)) == {"李四", "张丽"}


def test_filter_by_exit_status(varied: dict[str, str], page: HouseholdListPage) -> None:
    choose(page.status_combo, "1")
    assert sorted(shown_names(page)) == ["张丽", "赵六"]


def test_filter_by_attribute(varied: dict[str, str], page: HouseholdListPage) -> None:
    choose(page.attribute_combo, "05")
    assert shown_names(page) == ["王五"]


def test_filter_by_main_cause(varied: dict[str, str], page: HouseholdListPage) -> None:
    choose(page.cause_combo, "01")
    assert sorted(shown_names(page)) == sorted(["张三明", "王五", "孙七"])


def test_filter_by_cadre(varied: dict[str, str], page: HouseholdListPage, second_cadre: str) -> None:
    assert page.cadre_combo.findText("李娜") >= 0
    choose(page.cadre_combo, second_cadre)
    assert shown_names(page) == ["李四"]
    assert page.model.data(page.model.index(0, COLUMN_KEYS.index("cadre_id"))) == "李娜"


def test_filter_by_village_and_its_groups(ctx: AppContext, varied: dict[str, str],
                                          page: HouseholdListPage) -> None:
    assert page.village_combo.isVisible()  # two villages on this laptop
    west = villages(ctx)[1][0]
    choose(page.village_combo, west)
    assert sorted(shown_names(page)) == sorted(["王五", "孙七"])
    offered = [page.group_combo.itemData(i) for i in range(page.group_combo.count())]
    assert offered == [None, 3, 4]  # groups of that village only


def test_filters_combine_with_search(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    choose(page.status_combo, "0")
    search(qtbot, page, "z")
    assert shown_names(page) == ["张三明"]
    choose(page.status_combo, None)  # back to 全部
    assert sorted(shown_names(page)) == ["张三明", "张丽", "赵六"]


def test_village_filter_hidden_with_one_village(bare_ctx: AppContext, qtbot: Any) -> None:
    from fieldapp.services.setup import SetupInfo, run_setup

    run_setup(bare_ctx, SetupInfo(district="商州区", town="北宽坪镇", villages=["东村"], cadre_name="王伟"))
    widget = HouseholdListPage(bare_ctx)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.village_combo.isVisible()
    assert widget.status_combo.isVisible()


# -- sorting and table ------------------------------------------------------------------------


def test_header_click_sorts(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    header = page.table.horizontalHeader()
    column = COLUMN_KEYS.index("hh_no")
    before = shown_names(page)

    def click_header() -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    click_header()
    assert page.model.query().sort == "hh_no"
    numbers = [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert numbers == sorted(numbers, reverse=descending)
    assert shown_names(page) != before
    click_header()
    flipped = [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]
    assert flipped == numbers[::-1]


def test_sort_survives_a_new_search(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    page.table.sortByColumn(COLUMN_KEYS.index("group_no"), Qt.SortOrder.DescendingOrder)
    search(qtbot, page, "张")
    assert page.model.query().sort == "group_no" and page.model.query().descending
    assert shown_names(page) == ["张丽", "张三明"]  # group 2 before group 1


def test_table_setup(page: HouseholdListPage) -> None:
    table = page.table
    assert table.isSortingEnabled()
    assert table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert page.search.placeholderText() == "搜索：姓名 / 拼音首字母 / 身份证号 / 户编号"


def test_scrolling_fetches_more_pages(ctx: AppContext, make_household: Callable[..., str], qtbot: Any) -> None:
    for i in range(12):
        make_household(f"测试{i:02d}")
    ctx.settings["page_size"] = 5
    widget = HouseholdListPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.model.total() == 12
    loaded = widget.model.rowCount()
    assert 5 <= loaded <= 12 and loaded % 5 in (0, 2)  # whole pages only

    def scrolled_to_the_end() -> None:
        widget.table.scrollToBottom()  # the view asks for the next page when the end shows
        assert widget.model.rowCount() == 12

    qtbot.waitUntil(scrolled_to_the_end)
    assert widget.count_label.text() == "共 12 户"


# -- keyboard -----------------------------------------------------------------------------------


def test_ctrl_f_and_down_arrow(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "zhangl")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.model.query().text == "zhangl"  # pending typing applied first
    assert page.selected_household() == varied["张丽"]


# -- opening records (needs fieldapp.gui.household_editor) ----------------------------------------


def editor_shows(editor: QDialog, text: str) -> bool:
    return text in editor.windowTitle() or any(text in w.text() for w in editor.findChildren(QLineEdit))


def test_enter_opens_editor_for_the_household(varied: dict[str, str], page: HouseholdListPage,
                                              qtbot: Any) -> None:
    search(qtbot, page, "李四")
    page.table.setFocus()
    page.select_household(varied["李四"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None, "the household editor did not open"
    qtbot.waitExposed(editor)
    assert editor.isVisible()
    assert editor_shows(editor, "李四")
    editor.reject()


def test_double_click_opens_editor(varied: dict[str, str], page: HouseholdListPage, qtbot: Any) -> None:
    search(qtbot, page, "王五")
    rect = page.table.visualRect(page.model.index(0, 1))
    # a real double-click is press, release, then a double-click event; QTest's mouseDClick sends
    # only the second half, so the view would not know which index was pressed first
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor_shows(editor, "王五")
    editor.reject()


def test_new_household_button_opens_empty_editor(varied: dict[str, str], page: HouseholdListPage,
                                                 qtbot: Any) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert not editor_shows(editor, "张三明")
    editor.reject()


def test_saved_editor_refreshes_and_keeps_query(ctx: AppContext, varied: dict[str, str],
                                                page: HouseholdListPage, qtbot: Any) -> None:
    search(qtbot, page, "z")
    editor = page.open_household(varied["赵六"])
    assert editor is not None
    record = register.load_record(ctx.db, varied["赵六"])
    original = register.load_record(ctx.db, varied["赵六"])
    record.members[0]["name"] = "赵六六"
    register.save_record(ctx.writer, ctx.ref, record, original)
    editor.saved.emit(varied["赵六"])  # what the editor emits after its save, which it then announces:
    with qtbot.waitSignal(page.model.modelReset):
        page.hub.announce(Changes.of_households([varied["赵六"]]))
    editor.reject()
    assert page.model.query().text == "z"
    assert sorted(shown_names(page)) == ["张三明", "张丽", "赵六六"]
    assert page.selected_household() == varied["赵六"]


def test_refresh_keeps_query_and_selects(ctx: AppContext, varied: dict[str, str], page: HouseholdListPage,
                                         make_household: Callable[..., str], qtbot: Any) -> None:
    search(qtbot, page, "张")
    new_id = make_household("张新", group_no=9)
    page.refresh(select_id=new_id)
    assert sorted(shown_names(page)) == ["张三明", "张丽", "张新"]
    assert page.count_label.text() == "共 3 户"
    assert page.selected_household() == new_id
    assert page.group_combo.findData(9) >= 0  # the new group is offered
