"""A package merged while an editor is open: the editor's save is refused where the merge changed its fields."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.stale_dialog import StaleSaveDialog
from fieldapp.gui.sync.page import SyncPage
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services import register
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.store.models import Household
from tests.gui_sync.conftest import District, round_trip


def test_a_district_change_merged_while_the_editor_is_open_is_shown_not_overwritten(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    first, _second = two_households
    page = open_page(sync_tasks)
    round_trip(page, district, stick, qtbot)  # the district has the laptop's households
    editor = HouseholdEditor(ctx, first, tasks=sync_tasks, hub=page.hub)
    qtbot.addWidget(editor, before_close_func=lambda e: e.isVisible() and QDialog.done(e, 0))
    editor.show()

    with district.writer.transaction() as txn:  # meanwhile the district corrects the phone number
        txn.update(Household, first, {"phone": "13700000001"})
    announced: list[Changes] = []
    page.hub.changed.connect(announced.append)
    batch = round_trip(page, district, stick, qtbot)  # merged through the real import
    assert batch.changed_data and any(c.bulk for c in announced)
    assert register.load_record(ctx.db, first).household["phone"] == "13700000001"

    editor.basic.phone.setValue("13900000002")
    editor.basic.form.slots["note"].widget.setValue("已核实")
    assert not editor.save()
    dialog = editor.stale_dialog
    assert isinstance(dialog, StaleSaveDialog)
    [row] = dialog.rows
    assert (row.mine, row.theirs, row.by) == ("13900000002", "13700000001", "区县审核员")
    dialog.choose(0, StaleSaveDialog.THEIRS)
    dialog.save_button.click()
    now = register.load_record(ctx.db, first).household
    assert (now["phone"], now["note"]) == ("13700000001", "已核实")
