"""One visit, one form: a double-click opens one form, and opening an open visit raises it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.visits.archive_page import ArchivePage
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from tests.gui_visits.conftest import close_quietly, save_form
from tests.helpers.qt import OFFSCREEN_WARNINGS


def _forms() -> list[VisitForm]:
    return [w for w in QApplication.allWidgets() if isinstance(w, VisitForm) and w.isVisible()]


@pytest.mark.qt_log_ignore(OFFSCREEN_WARNINGS)
def test_a_double_click_in_the_visits_tab_opens_one_form_and_the_archive_raises_it(  # noqa: PLR0917 (pytest fixtures)
        ctx: AppContext, qtbot: QtBot, household: str, me: str, add_visit: Callable[..., str],
        tasks: TaskManager) -> None:
    visit_id = add_visit(household, dt.date.today() - dt.timedelta(days=3), "屋顶漏雨", cadres=[me])
    hub = ChangeHub()
    editor = HouseholdEditor(ctx, household, tasks=tasks, hub=hub)
    qtbot.addWidget(editor, before_close_func=close_quietly)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.visits)
    table = editor.visits.table
    rect = table.visualRect(editor.visits.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first half
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    forms = _forms()
    assert len(forms) == 1 and forms[0].visit_id == visit_id
    form = forms[0]

    archive = ArchivePage(ctx, tasks, hub=hub)
    qtbot.addWidget(archive)
    assert archive.open_visit(visit_id) is form and len(_forms()) == 1

    # a note saved in the form refreshes the tab (the change notification), and the form is forgotten
    form.done_text.setPlainText("联系危房改造")
    with qtbot.waitSignal(editor.visits.model.modelReset):
        save_form(qtbot, form)
    assert hub.editors.find("visit", visit_id) is None
    assert svc.load_visit(ctx.db, visit_id).done == "联系危房改造"
    close_quietly(editor)


def test_a_visit_changed_elsewhere_while_its_form_is_open_is_shown_before_saving(  # noqa: PLR0917 (pytest fixtures)
        ctx: AppContext, qtbot: QtBot, household: str, me: str, add_visit: Callable[..., str],
        sync_tasks: SyncTaskManager) -> None:
    from fieldapp.gui.stale_dialog import StaleSaveDialog

    visit_id = add_visit(household, dt.date.today() - dt.timedelta(days=3), "屋顶漏雨", cadres=[me])
    form = VisitForm(ctx, None, visit_id, tasks=sync_tasks)
    qtbot.addWidget(form, before_close_func=close_quietly)
    form.show()
    elsewhere = svc.load_visit(ctx.db, visit_id)
    elsewhere.done = "已报镇里"
    svc.save_visit(ctx, elsewhere, original=svc.load_visit(ctx.db, visit_id))

    form.done_text.setPlainText("联系危房改造")
    form.found_text.setPlainText("屋顶漏雨，墙体开裂")
    assert not form.save()
    dialog = form.stale_dialog
    assert isinstance(dialog, StaleSaveDialog)
    assert [(r.what, r.mine, r.theirs) for r in dialog.rows] == [
        ("措施与成效", "联系危房改造", "已报镇里")]  # the catalogue's label
    dialog.choose(0, StaleSaveDialog.MINE)
    with qtbot.waitSignal(form.saved):
        dialog.save_button.click()
    now = svc.load_visit(ctx.db, visit_id)
    assert (now.found, now.done) == ("屋顶漏雨，墙体开裂", "联系危房改造")
