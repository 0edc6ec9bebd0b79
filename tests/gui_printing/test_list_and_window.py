"""Printing from the 农户 list (selection, context menu), card codes in its search, the main window's wiring."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QDialog, QMenu

from fieldapp.domain.cardcode import card_code
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.printing.plate_settings import PlateSettingsDialog
from fieldapp.gui.printing.print_page import PrintPage
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from tests.gui.keys import type_text
from tests.gui_printing.conftest import close_dialogs
from tests.printing import pdftools


@pytest.fixture
def page(ctx: AppContext, register: dict[str, Any], sync_tasks: TaskManager, qtbot: Any) -> HouseholdListPage:
    widget = HouseholdListPage(ctx, sync_tasks)
    qtbot.addWidget(widget, before_close_func=close_dialogs)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def close_editor(editor: QDialog | None) -> None:
    if editor is not None and editor.isVisible():
        QDialog.done(editor, QDialog.DialogCode.Rejected)


def test_typing_a_card_code_opens_the_household(page: HouseholdListPage, register: dict[str, Any],
                                                qtbot: Any) -> None:
    wanted = register["west"][1]
    type_text(qtbot, page.search, card_code(wanted).lower())  # typed by hand, in lower case
    qtbot.waitUntil(lambda: page.editor is not None, timeout=2000)  # after the search pause, no Enter needed
    editor = page.editor
    assert editor is not None and editor.household_id == wanted  # type: ignore[attr-defined]
    assert editor.isVisible()
    assert page.search.text() == ""  # the list is not left filtered by the code
    assert page.selected_household() == wanted
    close_editor(editor)


def test_a_mistyped_card_code_is_refused(page: HouseholdListPage, register: dict[str, Any], qtbot: Any) -> None:
    code = card_code(register["east"][0])
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    type_text(qtbot, page.search, wrong)
    page.flush_search()
    assert page.editor is None
    assert "校验位" in page.count_label.text()
    page.search.clear()
    page.flush_search()
    assert page.count_label.text() == "共 9 户"


def test_a_card_code_from_another_laptop(page: HouseholdListPage, qtbot: Any) -> None:
    type_text(qtbot, page.search, card_code("0190a0c4-5d2e-7a31-8f00-0000000000aa"))
    page.flush_search()
    assert page.editor is None and "本机没有" in page.count_label.text()


def test_print_cards_for_the_selected_rows(page: HouseholdListPage, register: dict[str, Any], qtbot: Any) -> None:
    assert not page.printing.cards_action.isEnabled()
    table = page.table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    chosen = [register["east"][0], register["east"][5], register["west"][0]]
    for hid in chosen:
        table.selectionModel().select(page.model.index(page.model.row_of(hid), 0), flags)
    assert sorted(page.selected_households()) == sorted(chosen)
    assert page.printing.cards_action.isEnabled() and "3 户" in page.printing.cards_action.text()
    page.printing.cards_action.trigger()
    job = page.printing.job
    assert job is not None and job.result is not None
    preview = job.preview
    assert preview.isVisible() and preview.page_count == 3
    text = pdftools.text(preview.path)
    assert all(name in text for name in ("东户0", "东户5", "西户0"))
    preview.reject()


def test_print_the_household_file_of_the_current_row(page: HouseholdListPage, register: dict[str, Any],
                                                     qtbot: Any) -> None:
    page.select_household(register["east"][2])
    page.printing.file_action.trigger()
    job = page.printing.job
    assert job is not None and job.result is not None and "东户2" in job.result.title
    assert "东户2" in pdftools.text(job.preview.path)
    job.preview.reject()


# A popup menu on the offscreen platform (no window manager) warns that it cannot raise itself or grab keys.
@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)", "This plugin does not support grabbing")
def test_context_menu_selects_the_row_under_the_mouse(page: HouseholdListPage, register: dict[str, Any],
                                                      qtbot: Any) -> None:
    row = page.model.row_of(register["east"][3])
    rect = page.table.visualRect(page.model.index(row, 1))
    menu = page.printing.context_menu(rect.center())
    assert isinstance(menu, QMenu) and menu.isVisible()
    assert page.selected_household() == register["east"][3]
    texts = [a.text() for a in menu.actions()]
    assert "打开" in texts and "打印门牌…" in texts and "打印一户一档…" in texts
    menu.close()
    empty = page.printing.context_menu(QPoint(5, page.table.viewport().height() - 2))
    empty.close()


def test_main_window_has_the_print_page_and_the_plate_menu(ctx: AppContext, register: dict[str, Any],
                                                           sync_tasks: TaskManager, qtbot: Any) -> None:
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window, before_close_func=close_dialogs)
    assert "print" in window.page_keys()
    window.show_page("print")
    assert isinstance(window.page("print"), PrintPage)
    assert window.printing.households is window.households
    window.plate_action.trigger()
    dialog = window.printing.settings_dialog
    assert isinstance(dialog, PlateSettingsDialog) and dialog.isVisible()
    dialog.title_edit.setText("菜单打开的标题")
    dialog.save()
    assert ctx.settings["plate_title"] == "菜单打开的标题"
    assert "菜单打开的标题" in window.printing.forms["cards"].paper_label.text()  # type: ignore[attr-defined]
