"""The main window opens on the workbench and has the 走访 and 考勤 pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.archive_page import ArchivePage
from fieldapp.gui.visits.attendance_page import AttendancePage
from fieldapp.gui.visits.workbench_page import WorkbenchPage
from fieldapp.services.context import AppContext


def test_the_workbench_is_the_home_screen(ctx: AppContext, qtbot: QtBot, household: str,
                                          add_visit: Callable[..., str]) -> None:
    window = MainWindow(ctx, SyncTaskManager())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    keys = window.page_keys()
    assert keys[:2] == ["workbench", "households"] and {"visits", "attendance"} <= set(keys)
    assert keys.index("visits") < keys.index("attendance")
    assert window.nav.item(0).text() == "工作台"
    assert window.current_page_key() == "workbench"
    assert isinstance(window.page("workbench"), WorkbenchPage)
    assert isinstance(window.page("visits"), ArchivePage) and isinstance(window.page("attendance"), AttendancePage)
    assert window.visits.model.rowCount() == 0  # the archive reads nothing until it is shown
    before = window.unsynced
    add_visit(household, dt.date.today())
    window.show_page("visits")
    assert window.visits.model.rowCount() == 1
    form = window.visits.open_visit(window.visits.model.visit_id(0))
    assert form is not None
    form.found_text.setPlainText("补充情况")
    with qtbot.waitSignal(window.unsynced_changed):
        assert form.save()
    assert window.unsynced is not None and before is not None and window.unsynced > before + 1
