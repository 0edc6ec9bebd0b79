"""签字背书 in the household editor and the visit form: shown to signers only, signing through the operation,
the status turning to 签字后已修改 after a change with its dialog, and a refusal shown in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.signoff.bar import SignoffBar
from fieldapp.gui.signoff.diff_dialog import SignoffDiffDialog
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services import visits
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service
from tests.helpers.dialogs import BoxAnswerer
from tests.server.util import edit_household


def _editor(qtbot: QtBot, ctx: AppContext, hid: str, tasks: SyncTaskManager, hub: ChangeHub) -> HouseholdEditor:
    editor = HouseholdEditor(ctx, hid, tasks=tasks, hub=hub)
    qtbot.addWidget(editor, before_close_func=lambda w: QDialog.done(w, 0))
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_sign_in_the_household_editor_then_a_change_shows(
        qtbot: QtBot, signed_in: Callable[..., AppContext], make_household: Callable[..., str],
        sync_tasks: SyncTaskManager, boxes: BoxAnswerer) -> None:
    hid = make_household("陈家旺")
    leader = signed_in("leader", name="杨队长")
    hub = ChangeHub()
    editor = _editor(qtbot, leader, hid, sync_tasks, hub)
    bar = editor.signoff_bar
    assert bar is not None and bar.sign_button.isVisible()
    assert bar.status_label.text() == "未签字背书" and not bar.diff_button.isVisible()
    editor.basic.address.setText("改了没保存")
    assert editor.is_dirty()
    bar.sign()  # unsaved edits are not what the register holds: not signed, and the line says so
    assert "请先保存修改再签字" in bar.status_label.text()
    assert service.latest(leader.db, "household", hid) is None
    editor.basic.address.setText("")
    assert not editor.is_dirty()
    with qtbot.waitSignal(hub.changed) as announced:
        boxes.answer("签字")
        qtbot.mouseClick(bar.sign_button, Qt.MouseButton.LeftButton)
    assert hid in announced.args[0].households
    made = service.latest(leader.db, "household", hid)
    assert made is not None and made.person_name == "杨队长"
    shown = bar.status_label.text()
    assert shown.startswith("已签字：杨队长（队长/第一书记）") and made.code in shown

    with qtbot.waitSignal(hub.changed):  # a change elsewhere, announced: the line turns
        edit_household(leader, hid, phone="13522223333")
        hub.announce(Changes.of_households([hid]))
    assert bar.status_label.text().startswith("签字后已修改 1 处") and bar.diff_button.isVisible()
    dialog = bar.show_diff()
    assert isinstance(dialog, SignoffDiffDialog)
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert cells == ["户", "联系电话", "（空）", "13522223333"]
    dialog.done(0)


def test_the_button_is_hidden_without_permission_and_the_service_refuses(
        qtbot: QtBot, signed_in: Callable[..., AppContext], make_household: Callable[..., str],
        sync_tasks: SyncTaskManager) -> None:
    hid = make_household()
    member = signed_in("member", name="钱队员")
    hub = ChangeHub()
    editor = _editor(qtbot, member, hid, sync_tasks, hub)
    bar = editor.signoff_bar
    assert bar is not None and not bar.sign_button.isVisible()
    bar.sign()  # the button is only hidden: the service refuses and the line names the permission
    assert "签字背书" in bar.status_label.text() and "signoff" in bar.status_label.text()
    assert service.latest(member.db, "household", hid) is None


def test_a_saved_visit_can_be_signed(qtbot: QtBot, ctx: AppContext, signed_in: Callable[..., AppContext],
                                     make_household: Callable[..., str], sync_tasks: SyncTaskManager) -> None:
    hid = make_household()
    committee = signed_in("committee", name="村委周", cadre_id=ctx.settings["cadre_id"])
    visit_id = visits.save_visit(committee, visits.VisitDraft(
        date=dt.date.today(), type=committee.ref["visit_type"].codes[0].code, household_id=hid, found="看望"))
    hub = ChangeHub()
    form = VisitForm(committee, visit_id=visit_id, tasks=sync_tasks, hub=hub)
    qtbot.addWidget(form, before_close_func=lambda w: QDialog.done(w, 0))
    form.show()
    assert isinstance(form.signoff_bar, SignoffBar) and form.signoff_bar.sign_button.isVisible()
    with qtbot.waitSignal(hub.changed):
        form.signoff_bar.sign()
    assert form.signoff_bar.status_label.text().startswith("已签字：村委周（村两委）")
    assert service.status(committee.db, "visit", visit_id).state == service.VALID
    assert VisitForm(committee, tasks=sync_tasks, hub=hub).signoff_bar is None  # a new visit: nothing to sign
