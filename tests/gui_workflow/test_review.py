"""The 审核 queue and deciding from it: keyboard-only use, a batch at one step (one signature, all or nothing), and
refusals shown in place (too early, wrong role, missing reason), a conflict settled; real services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import new_id
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.workflow.decide import DecideDialog, Target
from fieldapp.gui.workflow.page import ReviewPage
from fieldapp.gui.workflow.panel import WorkflowDialog
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import queue, service, store
from fieldapp.store.models import WorkflowStep
from tests.helpers.people import add_account, logged_in
from tests.workflow.conftest import DAY, T0, hold_meeting, post_notice

HOUR = 3_600_000


def to_township(team: dict[str, AppContext], hid: str) -> None:
    """An identification decided by the village through its first notice: waiting for 乡镇审核 (05)."""
    service.start(team["member"], hid, "identification", at_ms=T0)
    meeting = hold_meeting(team["committee"], [hid], T0 + 2 * HOUR)
    for role, step, at in (("member", "01", T0 + HOUR), ("committee", "02", T0 + 2 * HOUR),
                           ("leader", "03", T0 + 3 * HOUR), ("leader", "04", T0 + 8 * DAY)):
        if step == "04":  # the 公示 passes on its posted notice, the period over
            post_notice(team["leader"], hid, T0 + 3 * HOUR)
        service.decide(team[role], hid, step, rules.PASS, at_ms=at, meeting_id=meeting if step == "02" else None)


def page_of(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> ReviewPage:
    page = ReviewPage(ctx, tasks, hub=hub)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def open_dialog(page: ReviewPage) -> DecideDialog:
    dialog = page.dialog
    assert isinstance(dialog, DecideDialog) and dialog.isVisible()
    return dialog


def test_the_township_decides_two_households_together_from_the_keyboard(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    homes = [make_household(name) for name in ("周长富", "刘桂兰")]
    for hid in homes:
        to_township(team, hid)
    waiting_village = make_household("陈玉梅")
    service.start(team["member"], waiting_village, "identification", at_ms=T0)  # at 01: not the township's
    hub = ChangeHub()
    announced: list[Changes] = []
    hub.changed.connect(announced.append)
    page = page_of(qtbot, team["township"], sync_tasks, hub)
    qtmodeltester.check(page.model)
    assert [e.household_id for e in page.model.rows] == [e.household_id for e in queue.waiting(team["township"])]
    assert sorted(e.household_id for e in page.model.rows) == sorted(homes)
    assert page.model.data(page.model.index(0, 0)) == "东村"
    assert page.model.data(page.model.index(0, 4)).startswith("05 ")
    assert page.model.data(page.model.index(0, 8)) == "可决定"
    assert "等待本人决定的农户 2 户，其中可决定 2 户" in page.summary.text()

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Home)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # both selected
    assert len(page.selected()) == 2
    qtbot.keyClick(page.view, Qt.Key.Key_P)
    dialog = open_dialog(page)
    assert len(dialog.targets) == 2 and dialog.pass_button.isChecked() and "批量决定 2 户" in dialog.what.text()
    assert "签一个字，覆盖这 2 户的全部决定" in dialog.signature.text()
    assert dialog.households.isVisibleTo(dialog) and dialog.households.count() == 2
    dialog.reason.setPlainText("材料齐全")
    dialog.activateWindow()
    dialog.reason.setFocus()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter decides
    assert dialog.outcome is not None and len(dialog.outcome.decided) == 2
    signatures = {d.signature.id for d in dialog.outcome.decided if d.signature is not None}
    assert len(signatures) == 1 and dialog.outcome.signature is not None  # ONE signature for the batch
    assert dialog.outcome.signature.subject == "workflow_batch"
    assert len([c for c in announced if c.households]) == 1 and announced[-1].households == frozenset(homes)
    for hid in homes:
        view = store.open_workflow(ctx.db, hid, rules.definitions())
        assert view is not None and view.current.code == "06" and view.state.history[-1].reason == "材料齐全"


def test_a_step_decided_too_early_names_the_date_and_enter_opens_the_household(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    homes = [make_household(name) for name in ("周长富", "刘桂兰")]
    for hid in homes:
        to_township(team, hid)
        service.decide(team["township"], hid, "05", rules.PASS, "材料齐全")
    hub = ChangeHub()
    page = page_of(qtbot, team["township"], sync_tasks, hub)
    # listed for the township's notice, without a first day until it is issued and posted
    assert page.model.rowCount() == 2
    assert page.model.data(page.model.index(1, 7)) == page.model.data(page.model.index(1, 8)) == "公示未签发"
    post_notice(team["township"], homes[0], service.now_ms())  # one notice lists both
    page.refresh()
    # both now wait for the township's notice period: listed, not yet due; deciding early names the date
    assert page.model.rowCount() == 2 and page.model.data(page.model.index(0, 8)) == "公示期未满"
    qtmodeltester.check(page.model)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)  # moving the cursor selects the one row it lands on
    qtbot.keyClick(page.view, Qt.Key.Key_Up)
    assert len(page.selected()) == 1
    qtbot.keyClick(page.view, Qt.Key.Key_P)
    early = open_dialog(page)
    early.ok_button.click()
    assert early.isVisible() and early.decision_error.isVisibleTo(early)
    first_day = rules.earliest(page.model.rows[0].step, page.model.rows[0].workflow.state.since).isoformat()
    assert first_day in early.decision_error.text() and "起才能通过本步骤" in early.decision_error.text()
    early.reject()

    # Enter opens the household's workflow (one window per household)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    shown = page.dialog
    assert isinstance(shown, WorkflowDialog)
    panel = shown.panel
    qtmodeltester.check(panel.steps)
    qtmodeltester.check(panel.decisions)
    decided = panel.decisions.rows[-1][1]
    assert panel.decisions.data(panel.decisions.index(len(panel.decisions.rows) - 1, 6)).startswith("已签字，验证码")
    assert decided.person_name == "镇审核" and panel.decisions.data(panel.decisions.index(0, 6)) == "不需签字"
    shown.reject()


def test_refusals_are_shown_next_to_the_fields(ctx: AppContext, team: dict[str, AppContext],
                                               make_household: Callable[..., str], qtbot: QtBot,
                                               sync_tasks: SyncTaskManager) -> None:
    hid = make_household("周长富")
    to_township(team, hid)
    entry = queue.waiting(team["township"])[0]
    hub = ChangeHub()
    # a village member cannot decide the township's step: the permission is named, nothing written
    wrong = DecideDialog(team["member"], [Target.of_entry(entry)], tasks=sync_tasks, hub=hub)
    qtbot.addWidget(wrong)
    wrong.show()
    wrong.ok_button.click()
    assert "workflow.decide.township" in wrong.decision_error.text() and wrong.isVisible()
    # 退回 needs a reason: refused before the service is asked, shown under the reason
    page = page_of(qtbot, team["township"], sync_tasks, hub)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_R)
    back = open_dialog(page)
    assert back.return_button.isChecked()
    back.ok_button.click()
    assert back.reason_error.isVisibleTo(back) and "理由" in back.reason_error.text()
    assert len(store.open_workflow(ctx.db, hid, rules.definitions()).state.history) == 4
    back.reason.setPlainText("公示期间有异议，退回村里核实")
    with qtbot.waitSignal(back.finished):
        back.ok_button.click()
    view = store.open_workflow(ctx.db, hid, rules.definitions())
    assert view.current.code == "04" and view.state.history[-1].decision == rules.RETURN
    assert page.model.rowCount() == 0 and "没有等待本人决定的农户" in page.summary.text()


def test_a_conflict_is_flagged_and_settled_with_a_reason(ctx: AppContext, team: dict[str, AppContext],
                                                         make_household: Callable[..., str], qtbot: QtBot,
                                                         sync_tasks: SyncTaskManager) -> None:
    hid = make_household("周长富")
    to_township(team, hid)
    township = team["township"]
    made = service.decide(township, hid, "05", rules.PASS, at_ms=T0 + 9 * DAY)
    with township.writer.transaction() as txn:  # another reviewer's laptop returned the same step offline
        txn.insert(WorkflowStep, {
            "id": new_id(), "workflow_id": made.workflow.id, "household_id": hid, "step": "05",
            "prev_id": made.decision.prev_id, "decision": rules.RETURN, "reason": "材料不全", "override": False,
            "person_id": "other", "person_name": "另一审核员", "role": "township", "decided_as": "township",
            "decided_at": T0 + 9 * DAY + HOUR, "settles": ""})
    page = page_of(qtbot, township, sync_tasks, ChangeHub())
    assert page.model.rowCount() == 1 and page.model.rows[0].conflict
    assert page.model.data(page.model.index(0, 8), Qt.ItemDataRole.DisplayRole) == "有冲突的决定，待处理"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "有冲突的决定 1 户" in page.summary.text()
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_P)
    settle = open_dialog(page)
    assert "互相冲突" in settle.what.text() and "另一审核员" in settle.what.text()
    settle.ok_button.click()
    assert settle.reason_error.isVisibleTo(settle)  # settling needs a reason
    settle.reason.setPlainText("电话核实，材料已补齐")
    with qtbot.waitSignal(settle.finished):
        settle.ok_button.click()
    view = store.workflows_of(ctx.db, hid, rules.definitions())[-1]
    assert view.state.status == rules.OPEN and view.current.code == "06" and len(view.state.superseded) == 2
    dialog = WorkflowDialog(township, hid, tasks=sync_tasks, hub=ChangeHub())
    qtbot.addWidget(dialog)
    notes = [dialog.panel.decisions.data(dialog.panel.decisions.index(r, 7))
             for r in range(dialog.panel.decisions.rowCount())]
    assert "处理了 2 个冲突的决定" in notes and notes.count("冲突中被处理决定取代") == 2
    assert view.state.history[-1].reason == "电话核实，材料已补齐" and view.state.history[-1].signoff_id


def test_the_review_page_shows_for_accounts_that_decide_steps(ctx: AppContext, team: dict[str, AppContext],
                                                              qtbot: QtBot, sync_tasks: SyncTaskManager) -> None:
    add_account(ctx, "只管账号", ["admin"])
    nobody = logged_in(ctx.paths, "只管账号")
    try:
        for c, shown in ((team["township"], True), (team["district"], True), (team["committee"], True),
                         (nobody, False)):
            window = MainWindow(c, sync_tasks)
            qtbot.addWidget(window)
            assert ("review" in window.page_keys()) == shown, c.session.roles
            if shown:
                window.show_page("review")
                assert window.current_page_key() == "review"
            window.close()
    finally:
        nobody.close()
    assert QApplication.instance() is not None


def test_a_batch_is_all_or_nothing_and_lists_the_households_refused_with_their_reason(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot,
        sync_tasks: SyncTaskManager) -> None:
    homes = [make_household(name) for name in ("周长富", "刘桂兰")]
    for hid in homes:
        to_township(team, hid)
    page = page_of(qtbot, team["township"], sync_tasks, ChangeHub())
    page.view.selectAll()
    dialog = page.decide(rules.PASS)
    assert isinstance(dialog, DecideDialog) and len(dialog.targets) == 2
    late = page.model.rows[1].household_id
    service.decide(team["township"], late, "05", rules.PASS, "另一窗口已决定")  # decided meanwhile elsewhere
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.outcome is None  # nothing decided: the batch is all or nothing
    assert len(dialog.targets) == 2
    assert dialog.failures.isVisibleTo(dialog) and "批量决定未执行，2 户均未写入" in dialog.failures.text()
    assert "当前步骤是" in dialog.failures.text()
    early = page.model.rows[0].household_id
    assert store.open_workflow(ctx.db, early, rules.definitions()).current.code == "05"
    dialog.reject()
    # households at different steps are not decided together: the page says why
    page.refresh()
    page.view.selectAll()
    assert page.decide(rules.PASS) is None and "同一步骤" in page.summary.text()


def test_a_deliberation_step_is_decided_on_the_meeting_that_deliberated_the_household(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    hid, other = make_household("周长富"), make_household("刘桂兰")
    for h in (hid, other):
        service.start(team["member"], h, "identification", at_ms=T0)
        service.decide(team["member"], h, "01", rules.PASS, at_ms=T0 + HOUR)
    [target] = [Target.of_entry(e) for e in queue.waiting(team["committee"]) if e.household_id == other]
    without = DecideDialog(team["committee"], [target], tasks=sync_tasks)
    qtbot.addWidget(without)
    assert not without.meeting.isEnabled() and "“公示与评议”页" in without.meeting_note.text()
    without.ok_button.click()
    assert "须注明评议会议" in without.decision_error.text()  # the service refuses too
    meeting = hold_meeting(team["committee"], [hid], T0 + 2 * HOUR)
    [target] = [Target.of_entry(e) for e in queue.waiting(team["committee"]) if e.household_id == hid]
    dialog = DecideDialog(team["committee"], [target], tasks=sync_tasks)
    qtbot.addWidget(dialog)
    assert dialog.meeting.count() == 1 and dialog.meeting.currentData() == meeting
    assert "到会 21 人，赞成 19、反对 1" in dialog.meeting.currentText()
    dialog.ok_button.click()
    assert dialog.outcome is not None and len(dialog.outcome.decided) == 1
    step = team["committee"].db.scalar("SELECT meeting_id FROM workflow_step WHERE household_id = :h AND step = '02'",
                                       h=hid)
    assert step == meeting


def test_only_a_deliberation_step_offers_a_meeting(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    hid = make_household("周长富")
    to_township(team, hid)
    [target] = [Target.of_entry(e) for e in queue.waiting(team["township"]) if e.household_id == hid]
    dialog = DecideDialog(team["township"], [target], tasks=sync_tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not target.step.deliberation
    assert not dialog.meeting.isVisible() and not dialog.meeting_note.isVisible()
