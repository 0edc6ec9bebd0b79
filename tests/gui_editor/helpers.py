"""Driving the editor's widgets the way a user does: combos by keyboard, table cells through their editors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor.income_tab import COLUMNS


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window (keyboard shortcuts and focus need it)."""
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.isActiveWindow()


def choose(qtbot: QtBot, combo: QComboBox, value: Any) -> None:
    """Pick the item holding ``value`` with the arrow keys, as a keyboard user would."""
    target = combo.index_of(value)  # type: ignore[attr-defined]
    assert target >= 0, f"{value!r} is not offered"
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def edit_income_cell(qtbot: QtBot, view: QTableView, row: int, field: str, text: str) -> QWidget:
    """Open the editor of one income cell and type ``text`` into it (the editor stays open)."""
    index = view.model().index(row, COLUMNS.index(field))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, "no cell editor opened"
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)
    return editor


def finish_cell(qtbot: QtBot, view: QTableView, editor: QWidget) -> None:
    """Press Enter in a cell editor and wait until the view has committed and closed it (queued by Qt)."""
    with qtbot.waitSignal(view.itemDelegate().closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def cell_text(view: QTableView, row: int, field: str) -> str:
    return str(view.model().index(row, COLUMNS.index(field)).data())
