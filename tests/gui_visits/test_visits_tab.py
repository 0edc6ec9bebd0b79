"""The household editor's 走访记录 tab: newest first, paged, records visits without dirtying the household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.visits.models import VISIT_ID_ROLE
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services.context import AppContext
from tests.gui_visits.conftest import close_quietly


def _editor(qtbot: QtBot, ctx: AppContext, household_id: str | None) -> HouseholdEditor:
    editor = HouseholdEditor(ctx, household_id)
    qtbot.addWidget(editor, before_close_func=close_quietly)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_tab_pages_newest_first_and_records_a_visit(ctx: AppContext, qtbot: QtBot, household: str,
                                                        add_visit: Callable[..., str]) -> None:
    first = dt.date.today() - dt.timedelta(days=60)
    ids = [add_visit(household, first + dt.timedelta(days=7 * i), f"第{i + 1}次") for i in range(7)]
    editor = _editor(qtbot, ctx, household)
    tab = editor.visits
    tab.model.page_size = 3
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "走访记录"
    assert tab.model.rowCount() == 0  # nothing read before the tab is shown
    editor.tabs.setCurrentWidget(tab)
    assert [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())][:3] == [
        (first + dt.timedelta(days=7 * i)).isoformat() for i in (6, 5, 4)]
    while tab.model.canFetchMore(QModelIndex()):
        tab.model.fetchMore(QModelIndex())
    assert [tab.model.data(tab.model.index(r, 0), VISIT_ID_ROLE) for r in range(7)] == ids[::-1]

    form = tab.new_visit()
    assert isinstance(form, VisitForm)
    qtbot.waitExposed(form)
    assert form.household_label.text().startswith("李大山") and not form.picker.isVisible()
    form.found_text.setPlainText("今天又来了")
    with qtbot.waitSignal(tab.model.modelReset):
        assert form.save()
    assert tab.model.data(tab.model.index(0, 3)) == "今天又来了"
    assert tab.model.data(tab.model.index(0, 0)) == dt.date.today().isoformat()
    assert not editor.is_dirty() and not editor.isWindowModified()


def test_a_double_click_opens_the_visit(ctx: AppContext, qtbot: QtBot, household: str,
                                        add_visit: Callable[..., str]) -> None:
    visit_id = add_visit(household, dt.date.today(), "看过了")
    editor = _editor(qtbot, ctx, household)
    editor.tabs.setCurrentWidget(editor.visits)
    view = editor.visits.table
    rect = view.visualRect(editor.visits.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = editor.visits.form
    assert isinstance(form, VisitForm) and form.visit_id == visit_id
    assert form.found_text.toPlainText() == "看过了"
    close_quietly(form)


def test_a_new_household_has_no_visits_yet(ctx: AppContext, qtbot: QtBot) -> None:
    editor = _editor(qtbot, ctx, None)
    editor.tabs.setCurrentWidget(editor.visits)
    assert not editor.visits.record_button.isEnabled()
    assert editor.visits.hint.text() == "新增农户保存后才能记录走访。"
    assert editor.visits.new_visit() is None
