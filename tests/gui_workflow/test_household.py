"""A household's 动态管理: the editor's tab, starting an exit with the gate's verdict shown first, the gate's
refusal next to the override, a signed override that stays visible; imported provenance shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.domain import workflow as rules
from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.workflow.decide import DecideDialog
from fieldapp.gui.workflow.panel import WorkflowPanel
from fieldapp.gui.workflow.start import StartDialog
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import store
from fieldapp.store.models import Workflow
from tests.workflow.conftest import set_economy


def _close_quietly(editor: HouseholdEditor) -> None:
    if editor.isVisible():
        QDialog.done(editor, QDialog.DialogCode.Rejected)


def test_an_exit_is_started_from_the_editor_and_the_gate_is_overridden_with_a_signed_reason(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    hid = make_household("周长富")
    set_economy(ctx, hid, year=2018, wage_yuan=6000, unmet=("housing_safety",))  # 3000 a head < 3535
    leader = team["leader"]
    hub = ChangeHub()
    editor = HouseholdEditor(leader, hid, tasks=sync_tasks, hub=hub)
    qtbot.addWidget(editor, before_close_func=_close_quietly)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.workflow)
    panel = editor.workflow
    assert "未脱贫" in panel.status.text() and "还没有流程记录" in panel.status.text()
    assert panel.start_button.isVisible() and not panel.decide_button.isVisible()

    start = panel.start()
    assert isinstance(start, StartDialog)
    start.kind.setCurrentIndex(start.kind.findData("exit"))
    verdict = start.verdict.text()
    assert start.verdict.isVisible() and verdict.startswith("不符合退出标准")
    assert "30.00" not in verdict and "3000.00" in verdict and "住房安全" in verdict
    with qtbot.waitSignal(start.finished):
        start.ok_button.click()
    assert start.started is not None and start.started.kind == "exit"
    assert panel.chooser.count() == 1 and "10 对象确定" in panel.chooser.currentText()
    qtmodeltester.check(panel.steps)
    assert "当前步骤" in panel.steps.data(panel.steps.index(0, 5))
    assert panel.decide_button.isVisible()  # the leader decides 对象确定

    decide = panel.decide()
    assert isinstance(decide, DecideDialog) and not decide.override.isHidden()
    decide.ok_button.click()  # refused by the gate: the failing income and indicator next to the override
    assert decide.gate_error.isVisibleTo(decide) and "3535.00" in decide.gate_error.text()
    assert "住房安全" in decide.gate_error.text()
    decide.override.setChecked(True)
    decide.ok_button.click()
    assert "理由" in decide.reason_error.text()  # an override needs its reason
    decide.reason.setPlainText("危房改造已列入计划，年内完成")
    with qtbot.waitSignal(decide.finished):
        decide.ok_button.click()
    view = store.open_workflow(ctx.db, hid, rules.definitions())
    first = view.state.history[0]
    assert first.override and first.signoff_id and first.reason == "危房改造已列入计划，年内完成"
    qtmodeltester.check(panel.decisions)
    row = [panel.decisions.data(panel.decisions.index(0, c)) for c in range(panel.decisions.columnCount())]
    assert row[2:6] == ["通过", "吴书记", "队长/第一书记", "危房改造已列入计划，年内完成"]
    assert row[6].startswith("已签字，验证码") and row[7] == "越过退出标准"
    assert "01 民主评议" in panel.chooser.currentText()

    # a second workflow cannot start while this one runs: the service's words, in the dialog
    again = panel.start()
    assert isinstance(again, StartDialog)
    again.ok_button.click()
    assert again.isVisible() and "已有进行中的" in again.error.text()
    again.reject()


def test_a_member_sees_the_workflow_without_the_buttons_it_may_not_use_and_imported_provenance(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    hid = make_household("刘桂兰", exit_status="1")
    with ctx.writer.transaction() as txn:  # what the upgrade writes for a typed 已脱贫
        txn.insert(Workflow, {"household_id": hid, "kind": "exit", "started_at": 1_700_000_000_000,
                              "origin": rules.ORIGIN_IMPORTED, "imported_value": "1"})
    panel = WorkflowPanel(team["district"], hid, tasks=sync_tasks, hub=ChangeHub())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert "已脱贫（导入的状态" in panel.status.text()
    assert "来源：导入" in panel.header.text() and "已脱贫" in panel.header.text()
    assert not panel.start_button.isVisible() and not panel.decide_button.isVisible()  # district starts nothing
    assert "导入" in panel.steps.data(panel.steps.index(0, 5))


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)", "This plugin does not support grabbing")
def test_the_household_list_opens_and_starts_workflows_from_its_context_menu(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    from fieldapp.gui.household_list import HouseholdListPage
    from fieldapp.gui.workflow import list_actions
    from fieldapp.gui.workflow.panel import WorkflowDialog

    hid = make_household("周长富")
    hub = ChangeHub()
    page = HouseholdListPage(team["leader"], sync_tasks, hub=hub)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.select_household(hid)
    menu = page.printing.context_menu(page.table.visualRect(page.model.index(0, 0)).center())
    texts = [a.text() for a in menu.actions()]
    assert "动态管理…" in texts and "发起流程…" in texts
    menu.close()
    start = list_actions.start_workflow(page, hid)
    assert isinstance(start, StartDialog)
    start.kind.setCurrentIndex(start.kind.findData("monitoring"))
    assert start.category.isVisibleTo(start) and start.risk_type.isVisibleTo(start) and start.verdict.isHidden()
    start.ok_button.click()  # no category: the service's refusal, in the dialog
    assert start.isVisible() and "监测对象类别" in start.error.text()
    start.category.setCurrentIndex(start.category.findData("02"))
    start.risk_type.setCurrentIndex(start.risk_type.findData("01"))
    with qtbot.waitSignal(start.finished):
        start.ok_button.click()
    shown = list_actions.open_workflows(page, hid)
    assert isinstance(shown, WorkflowDialog) and list_actions.open_workflows(page, hid) is shown  # one window
    assert "监测对象类别" in shown.panel.header.text() and "防返贫监测" in shown.panel.chooser.currentText()
    shown.reject()
    member_page = HouseholdListPage(team["district"], sync_tasks, hub=hub)  # the district starts nothing
    qtbot.addWidget(member_page)
    member_page.show()
    assert member_page.select_household(hid)
    menu = member_page.printing.context_menu(member_page.table.visualRect(member_page.model.index(0, 0)).center())
    assert "发起流程…" not in [a.text() for a in menu.actions()]
    menu.close()


def test_the_view_lists_meetings_notices_and_objections_and_a_blocked_step_says_so(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    import datetime as dt

    from fieldapp.services.workflow import notices, objections, service
    from tests.workflow.test_notice import CONTACT, _to_notice

    hid, other = make_household("李德胜"), make_household("王秀英")
    t = _to_notice(team, [hid])
    start = rules.day_of(t)
    made = notices.issue(team["leader"], "identification", "04", start=start, days=7, contact=CONTACT, at_ms=t)
    notices.post(team["leader"], made.id, start)
    raised = objections.add(team["member"], hid, from_whom="村民 张某", content="该户有一辆小轿车",
                            received_on=start + dt.timedelta(days=2))
    panel = WorkflowPanel(team["leader"], hid, tasks=sync_tasks, hub=ChangeHub())
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtmodeltester.check(panel.steps)
    text = panel.publicity.text()
    assert panel.publicity.isVisible()
    assert f"评议会议：{start.isoformat()}，到会 21 人，赞成 19、反对 1（决定据此作出）" in text
    end = start + dt.timedelta(days=6)
    assert f"公示：04 第一次公示，{start.isoformat()} 至 {end.isoformat()}（7 天），已张贴" in text
    assert f"（{start.isoformat()} 张贴）" in text
    assert "异议：" in text and "村民 张某" in text and "该户有一辆小轿车" in text and "未办结，阻止通过" in text
    progress = panel.steps.data(panel.steps.index(3, 5))
    assert "1 条异议未办结" in progress and "起可决定" not in progress

    from fieldapp.domain import notice as notice_rules

    objections.handle(team["leader"], raised.id, result=notice_rules.DISMISSED, handling="车辆为其子所有",
                      handled_on=start + dt.timedelta(days=3))
    panel.refresh()
    assert "已办结：异议不成立（车辆为其子所有" in panel.publicity.text()
    after = (end + dt.timedelta(days=1)).isoformat()
    assert panel.steps.data(panel.steps.index(3, 5)) == f"当前步骤（{after} 起可决定）"

    # a household at the 评议 with no meeting: the dialog points to the page where meetings are recorded
    service.start(team["member"], other, "identification", at_ms=t)
    service.decide(team["member"], other, "01", rules.PASS, at_ms=t + 1000)
    second = WorkflowPanel(team["committee"], other, tasks=sync_tasks, hub=ChangeHub())
    qtbot.addWidget(second)
    second.show()
    second.refresh()
    assert not second.publicity.isVisible()
    decide = second.decide()
    assert isinstance(decide, DecideDialog)
    note = decide.meeting_note.text()
    assert "“公示与评议”页" in note and "deliberation add" not in note
    decide.reject()
