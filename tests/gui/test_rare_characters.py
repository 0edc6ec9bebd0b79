"""Rare characters (生僻字) on screen: the household list and the editor draw 䶮 𠮷 𬌗 from the bundled fallback fonts.

Qt lays text out character by character over the application font's family list; a
character drawn with glyph 0 of its font would be an empty box (tofu).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from fieldapp.gui import fonts
from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.services.context import AppContext

pytestmark = pytest.mark.gui

NAMES = ("刘\u4dae", "张\U00020bb7\U0002c317")


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The bundled fonts, as the app sets them before its first window (the old font restored afterwards)."""
    before = QApplication.font()
    assert fonts.register_bundled_font(qapp)
    yield
    QApplication.setFont(before)


def glyphs(text: str, font: QFont) -> list[tuple[str, int]]:
    """(font family, glyph index) of each glyph Qt draws for ``text`` in ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), int(g)) for run in layout.glyphRuns() for g in run.glyphIndexes()]


def shows_whole(text: str, font: QFont) -> bool:
    drawn = glyphs(text, font)
    return len(drawn) == len(text) and all(index != 0 for _family, index in drawn)


def test_the_application_font_falls_back_to_the_rare_character_fonts(app_font: None) -> None:
    assert fonts.register_fallback_fonts() == ["HanaMinA", "HanaMinB", "BabelStone Han"]
    for text in (*NAMES, "王\U0002ceb0", "赵\U00030edd"):
        assert shows_whole(text, QApplication.font()), glyphs(text, QApplication.font())
    families = {family for family, _ in glyphs("".join(NAMES) + "\U0002ceb0\U00030edd", QApplication.font())}
    assert families == {"WenQuanYi Micro Hei", "HanaMinA", "HanaMinB", "BabelStone Han"}
    # a widget naming the main family alone gets the fallbacks too (font substitution)
    assert shows_whole(NAMES[1], QFont("WenQuanYi Micro Hei"))


def test_household_list_and_editor_show_rare_names(ctx: AppContext, make_household: Callable[..., str],
                                                   app_font: None, qtbot: Any, tmp_path: Path) -> None:
    ids = [make_household(name) for name in NAMES]
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 500)
    page.show()
    qtbot.waitExposed(page)
    shown = {page.model.data(page.model.index(row, col), Qt.ItemDataRole.DisplayRole)
             for row in range(page.model.rowCount()) for col in range(page.model.columnCount())}
    for name in NAMES:
        assert name in shown
        assert shows_whole(name, page.table.font()), glyphs(name, page.table.font())
    assert page.grab().save(str(tmp_path / "household-list.png"))

    editor = HouseholdEditor(ctx, ids[1], None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    members = editor.members
    editor.tabs.setCurrentWidget(members)
    view_texts = {members.model.data(members.model.index(r, 0), Qt.ItemDataRole.DisplayRole)
                  for r in range(members.model.rowCount())}
    assert NAMES[1] in view_texts
    members.name_edit.setText(NAMES[1])
    assert shows_whole(members.name_edit.text(), members.name_edit.font())
    assert editor.grab().save(str(tmp_path / "editor.png"))
