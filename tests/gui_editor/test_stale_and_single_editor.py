"""Edits are never silently lost: a stale save shows both values and the cadre chooses; one editor per record."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.stale_dialog import StaleSaveDialog
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services import register
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from tests.helpers.qt import OFFSCREEN_WARNINGS

Opener = Callable[[str], HouseholdEditor]


def _close_quietly(widget: QWidget) -> None:
    from PySide6.QtWidgets import QDialog

    if widget.isVisible():
        QDialog.done(widget, QDialog.DialogCode.Rejected)  # type: ignore[arg-type]


def _opener(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> Opener:
    def make(household_id: str) -> HouseholdEditor:
        editor = HouseholdEditor(ctx, household_id, tasks=tasks, hub=hub)
        qtbot.addWidget(editor, before_close_func=_close_quietly)
        editor.show()
        qtbot.waitExposed(editor)
        return editor
    return make


def test_two_editors_on_one_household_the_second_sees_both_values_and_chooses(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    hid = make_household(phone="0914-1111111", address="东村三组")
    hub = ChangeHub()
    announced: list[Changes] = []
    hub.changed.connect(announced.append)
    open_editor = _opener(qtbot, ctx, sync_tasks, hub)
    first, second = open_editor(hid), open_editor(hid)

    first.basic.phone.setValue("0914-2222222")
    assert first.save()
    assert announced == [Changes.of_households([hid])]

    second.basic.phone.setValue("0914-3333333")
    second.basic.form.slots["note"].widget.setValue("二号窗口的备注")
    assert not second.save()  # refused: nothing written, the cadre is asked
    assert register.load_record(ctx.db, hid).household["phone"] == "0914-2222222"
    dialog = second.stale_dialog
    assert isinstance(dialog, StaleSaveDialog) and dialog.isVisible()
    assert [(r.what, r.mine, r.theirs, r.by) for r in dialog.rows] == [
        ("联系电话", "0914-3333333", "0914-2222222", "王伟")]
    assert not dialog.save_button.isEnabled()  # nothing is chosen for the cadre

    dialog.choose(0, StaleSaveDialog.THEIRS)
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    now = register.load_record(ctx.db, hid).household
    assert (now["phone"], now["note"], now["address"]) == ("0914-2222222", "二号窗口的备注", "东村三组")
    assert not second.isVisible() and len(announced) == 2


def test_keeping_my_value_overwrites_having_seen_the_other(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    hid = make_household(phone="0914-1111111")
    open_editor = _opener(qtbot, ctx, sync_tasks, ChangeHub())
    first, second = open_editor(hid), open_editor(hid)
    first.basic.phone.setValue("0914-2222222")
    assert first.save()
    second.basic.phone.setValue("0914-3333333")
    assert not second.save()
    assert second.stale_dialog is not None
    second.stale_dialog.all_mine.click()
    second.stale_dialog.save_button.click()
    assert register.load_record(ctx.db, hid).household["phone"] == "0914-3333333"
    assert not second.isVisible()


def test_going_back_to_editing_writes_nothing(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    hid = make_household(phone="0914-1111111")
    open_editor = _opener(qtbot, ctx, sync_tasks, ChangeHub())
    first, second = open_editor(hid), open_editor(hid)
    first.basic.phone.setValue("0914-2222222")
    assert first.save()
    second.basic.phone.setValue("0914-3333333")
    assert not second.save()
    assert second.stale_dialog is not None
    second.stale_dialog.cancel_button.click()
    assert second.isVisible() and second.isWindowModified()
    assert register.load_record(ctx.db, hid).household["phone"] == "0914-2222222"


def test_a_field_changed_elsewhere_and_not_touched_here_is_kept(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    hid = make_household(phone="0914-1111111", address="东村三组")
    open_editor = _opener(qtbot, ctx, sync_tasks, ChangeHub())
    first, second = open_editor(hid), open_editor(hid)
    first.basic.phone.setValue("0914-2222222")
    assert first.save()
    second.basic.form.slots["address"].widget.setValue("东村四组")
    assert second.save() and second.stale_dialog is None  # no question: nothing of theirs is overwritten
    now = register.load_record(ctx.db, hid).household
    assert (now["phone"], now["address"]) == ("0914-2222222", "东村四组")


@pytest.mark.qt_log_ignore(OFFSCREEN_WARNINGS)
def test_opening_an_open_household_raises_its_editor(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    hid = make_household()
    hub = ChangeHub()
    page = HouseholdListPage(ctx, sync_tasks, hub=hub)
    qtbot.addWidget(page)
    editor = page.open_household(hid)
    assert editor is not None and page.open_household(hid) is editor
    assert len(hub.editors) == 1
    assert hub.editors.find("household", hid) is editor
    _close_quietly(editor)
    assert hub.editors.find("household", hid) is None
    other = page.open_household(hid)
    assert other is not None and other is not editor
    _close_quietly(other)


@pytest.mark.qt_log_ignore(OFFSCREEN_WARNINGS)
def test_a_save_from_the_window_is_confirmed_and_refreshes_every_page(
        ctx: AppContext, make_household: Callable[..., str], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    from fieldapp.gui.main_window import MainWindow

    hid = make_household("张三明")
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window, before_close_func=lambda w: window.network.shutdown())
    window.show()
    qtbot.waitExposed(window)  # the workbench (the home page) is shown: it recomputes at once
    before = window.unsynced
    editor = window.households.open_household(hid)
    assert isinstance(editor, HouseholdEditor) and editor.tasks is sync_tasks and editor.hub is window.hub
    editor.basic.phone.setValue("0914-7654321")
    with qtbot.waitSignal(window.unsynced_changed) as counted, qtbot.waitSignal(window.workbench.refreshed):
        assert editor.save()
    assert window.statusBar().currentMessage() == "已保存农户档案：张三明"
    assert before is not None and counted.args == [before + 1]
    assert window.households.selected_household() == hid


def test_a_row_deleted_here_but_changed_elsewhere_reads_as_a_deletion() -> None:
    from fieldapp.gui.stale_dialog import describe_rows
    from fieldapp.services.stale import StaleField

    field = StaleField("member", "m1", "employer", None, "县农机厂", (1 << 20, "dev"), "王伟", 0, deleting=True)
    [row] = describe_rows([field], lambda f: "家庭成员 李美：工作单位", lambda f, v: str(v or ""))
    assert (row.mine, row.theirs, row.by) == ("（删除此项）", "县农机厂", "王伟")
