"""The 公示与评议 page: a 评议 meeting recorded with households ticked from the keyboard, a notice issued from a
workflow step (too short refused in place), printed, posted, an objection recorded and handled; the workbench's
monitoring candidates starting a monitoring workflow. Real services, every model checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.domain import notice as notice_rules
from fieldapp.domain import workflow as rules
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.workflow.access import may_use_notices as may_use
from fieldapp.gui.workflow.meeting_dialog import MeetingDialog
from fieldapp.gui.workflow.notice_dialogs import IssueNoticeDialog, PostDialog
from fieldapp.gui.workflow.notices_page import NoticesPage
from fieldapp.gui.workflow.objection_dialogs import HandleDialog, ObjectionDialog
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import deliberation, notices, objections, service
from tests.printing import pdftools
from tests.workflow.conftest import T0, hold_meeting

HOUR = 3_600_000
TODAY = dt.date.today()


def page_of(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> NoticesPage:
    page = NoticesPage(ctx, tasks, hub=hub, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def at_notice(team: dict[str, AppContext], hids: list[str]) -> None:
    """Identifications through 03 核实: the households wait at 04 第一次公示."""
    for hid in hids:
        service.start(team["member"], hid, "identification", at_ms=T0)
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    meeting = hold_meeting(team["committee"], hids, T0 + 2 * HOUR)
    for hid in hids:
        service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
        service.decide(team["leader"], hid, "03", rules.PASS, at_ms=T0 + 3 * HOUR)


def test_a_meeting_is_recorded_for_households_ticked_from_the_keyboard(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    homes = [make_household(n) for n in ("周长富", "刘桂兰", "王秀英")]
    for hid in homes:
        service.start(team["member"], hid, "identification", at_ms=T0)
    for hid in homes[:2]:  # at 02 评议; the third is still at 01
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    assert not may_use(team["township"]) or team["township"].allows(notices.PERMISSION)
    hub = ChangeHub()
    announced: list[Changes] = []
    hub.changed.connect(announced.append)
    page = page_of(qtbot, team["committee"], sync_tasks, hub)
    assert not page.issue_button.isEnabled()  # the village committee records meetings, does not issue notices
    page.meeting_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert [a.household_id for a in dialog.model.rows] == sorted(homes[:2], key=lambda h: ctx.db.scalar(
        "SELECT hh_no FROM household WHERE id = :h", h=h))
    dialog.present.setValue(15)
    dialog.votes_for.setValue(14)
    dialog.votes_against.setValue(1)
    dialog.names.setText("代表甲、代表乙 等")
    dialog.submit()
    assert "请勾选" in dialog.error.text() and dialog.isVisible()
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # ticks the first household
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert sorted(dialog.model.chosen()) == sorted(homes[:2])
    first = dialog.model.rows[0].household_id
    assert dialog.model.setData(dialog.model.index(0, dialog.model.FOR), "16")
    dialog.submit()  # one number of two: refused before anything is written
    assert "同时填写赞成和反对" in dialog.error.text()
    assert dialog.model.setData(dialog.model.index(0, dialog.model.AGAINST), "0")
    assert not dialog.model.setData(dialog.model.index(0, dialog.model.AGAINST), "两")  # a number or nothing
    dialog.submit()  # 16 for with 15 present: the service's refusal, in place
    assert "多于到会代表" in dialog.error.text() and dialog.isVisible()
    assert ctx.db.scalar("SELECT count(*) FROM deliberation") == 0
    dialog.model.setData(dialog.model.index(0, dialog.model.FOR), "15")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    made = deliberation.meetings(ctx)
    assert len(made) == 1 and made[0].present_count == 15 and made[0].present_names == "代表甲、代表乙 等"
    votes = {h.household_id: (h.votes_for, h.votes_against) for h in made[0].households}
    assert votes == {first: (15, 0), next(h for h in homes[:2] if h != first): (None, None)}
    assert announced[-1].households == frozenset(homes[:2])
    qtmodeltester.check(page.meeting_model)
    assert page.meeting_model.rowCount() == 1 and "15 人" in page.meeting_model.data(page.meeting_model.index(0, 2))
    assert "周长富" in page.meeting_model.data(page.meeting_model.index(0, 7))


def test_a_notice_is_issued_printed_posted_objected_to_and_the_objection_handled(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    homes = [make_household(n) for n in ("赵建国", "钱玉兰")]
    at_notice(team, homes)
    hub = ChangeHub()
    page = page_of(qtbot, team["leader"], sync_tasks, hub)
    page.tabs.setCurrentIndex(1)
    page.issue_button.click()
    dialog = page.dialog
    assert isinstance(dialog, IssueNoticeDialog)
    fields = dialog.fields
    fields.choose("identification", "04")
    assert fields.households.text().startswith("2 户：") and "赵建国" in fields.households.text()
    fields.days.setValue(3)
    assert fields.period_error.isVisible() and "不得少于 7 天" in fields.period_error.text()
    fields.contact.setText("村委会办公室 王主任 13912345678")
    dialog.print_after.setChecked(False)
    dialog.submit()
    assert "公示期 3 天太短：公示期不得少于 7 天" in dialog.error.text() and dialog.isVisible()
    assert ctx.db.scalar("SELECT count(*) FROM notice") == 0
    fields.days.setValue(7)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    issued = notices.listed(ctx)
    assert len(issued) == 1 and sorted(issued[0].household_ids) == sorted(homes)
    qtmodeltester.check(page.notice_model)
    assert page.notice_model.data(page.notice_model.index(0, 3)) == "未张贴"
    assert "赵建国" in page.notice_model.data(page.notice_model.index(0, 6))
    assert page.post_button.isEnabled()
    # printed: the PDF of ``fieldapp print notice`` (masked ids, the signature's code)
    job = page.print_notice()
    assert job is not None and job.result is not None
    text = pdftools.text(job.result.path)
    assert "赵建国" in text and "钱玉兰" in text and "第一次公示" in text and "验证码" in text
    assert not pdftools.FULL_ID.search(text)
    job.preview.reject()  # type: ignore[attr-defined]
    # the pass is refused until the notice is posted and its period over
    with_error = None
    try:
        service.decide(team["leader"], homes[0], "04", rules.PASS)
    except notice_rules.NoticeError as exc:
        with_error = str(exc)
    assert with_error is not None and "尚未记录张贴日期" in with_error
    page.post_button.click()
    post = page.dialog
    assert isinstance(post, PostDialog)
    post.ok_button.click()
    assert notices.get(ctx, issued[0].id).posted_on == TODAY
    assert page.notice_model.data(page.notice_model.index(0, 3)).startswith("公示中")
    assert not page.post_button.isEnabled()


def test_an_objection_is_recorded_on_a_notice_and_handled(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:
    homes = [make_household(n) for n in ("孙志强", "吴桂芳")]
    at_notice(team, homes)
    issued = notices.issue(team["leader"], "identification", "04", start=TODAY, days=7, contact="村委会")
    notices.post(team["leader"], issued.id, TODAY)
    page = page_of(qtbot, team["leader"], sync_tasks, ChangeHub())
    page.tabs.setCurrentIndex(1)
    page.object_button.click()
    raised = page.dialog
    assert isinstance(raised, ObjectionDialog)
    assert raised.household.count() == 2 and "吴桂芳" in raised.household.itemText(1) + raised.household.itemText(0)
    raised.household.setCurrentIndex(raised.household.findData(homes[1]))
    raised.content.setPlainText("家里新盖了楼房")
    raised.submit()
    assert "异议人" in raised.error.text()  # nobody named: the service's words, without the CLI option
    assert "--from" not in raised.error.text()
    raised.from_whom.setText("村民 张某")
    raised.ok_button.click()
    assert raised.result() == QDialog.DialogCode.Accepted
    qtmodeltester.check(page.objection_model)
    assert page.objection_model.rowCount() == 1 and page.tabs.tabText(2) == "未办结的异议（1）"
    page.tabs.setCurrentIndex(2)
    page.objections.setFocus()
    qtbot.keyClick(page.objections, Qt.Key.Key_Return)  # Enter opens the handling of the current objection
    handle = page.dialog
    assert isinstance(handle, HandleDialog) and "家里新盖了楼房" in handle.what.text()
    handle.handling.setPlainText("入户核实：楼房为其兄所有")
    handle.submit()
    assert "请选择办理结果" in handle.error.text()
    handle.dismissed.setChecked(True)
    handle.ok_button.click()
    assert handle.result() == QDialog.DialogCode.Accepted
    assert objections.listed(ctx.db, open_only=True) == []
    assert page.objection_model.rowCount() == 0


def test_the_workbench_proposes_monitoring_candidates_and_starts_one(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    import copy

    from fieldapp.gui.visits.workbench_page import WorkbenchPage
    from fieldapp.gui.workflow.start import StartDialog
    from fieldapp.services import register

    me = ctx.settings["cadre_id"]
    poor, running, well = (make_household(n, cadre_id=me) for n in ("孙志强", "吴桂芳", "李德胜"))
    for hid, a_head in ((poor, 5000), (running, 3000), (well, 9000)):
        original = register.load_record(ctx.db, hid)
        record = copy.deepcopy(original)
        record.incomes = [{"year": 2020, "persons": 2, "wage": a_head * 2 * 100}]
        register.save_record(ctx.writer, ctx.ref, record, original)
    service.start(team["member"], running, "identification", at_ms=T0)
    hub = ChangeHub()
    page = WorkbenchPage(team["leader"], sync_tasks, hub=hub)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    section = page.section("monitoring")
    assert section is not None and section.text(0) == "建议纳入监测（1）"
    entry = section.child(0)
    assert entry.text(0).startswith("孙志强") and "不高于监测线 6,000.00元" in entry.text(1)
    page.tree.setFocus()
    page.tree.setCurrentItem(entry)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    dialog = page.editor
    assert isinstance(dialog, StartDialog) and dialog.definition().kind == "monitoring"
    assert dialog.category.isVisible() and dialog.risk_type.isVisible()
    dialog.submit()  # no category: the service's refusal in place
    assert dialog.error.isVisible() and "监测对象类别" in dialog.error.text()
    dialog.category.setCurrentIndex(dialog.category.findData("02"))
    dialog.risk_type.setCurrentIndex(dialog.risk_type.findData("01"))
    dialog.ok_button.click()
    assert dialog.started is not None and dialog.started.kind == "monitoring"
    assert dialog.started.category == "02" and dialog.started.risk_type == "01"
    section = page.section("monitoring")
    assert section is not None and section.text(0) == "建议纳入监测（0）"  # refreshed on the announcement


def test_the_page_shows_beside_the_review_for_accounts_that_keep_notices(
        ctx: AppContext, team: dict[str, AppContext], qtbot: QtBot, sync_tasks: SyncTaskManager) -> None:
    from fieldapp.gui.main_window import MainWindow
    from tests.helpers.people import add_account, logged_in

    add_account(ctx, "只管账号", ["admin"])
    nobody = logged_in(ctx.paths, "只管账号")
    try:
        for c, shown in ((team["leader"], True), (team["committee"], True), (team["township"], True),
                         (nobody, False)):
            window = MainWindow(c, sync_tasks)
            qtbot.addWidget(window)
            keys = window.page_keys()
            assert ("notices" in keys) == shown, c.session.roles
            if shown:
                assert keys.index("notices") == keys.index("review") + 1
                window.show_page("notices")
                assert window.nav.currentItem().text() == "公示与评议"
                assert window.notices.meeting_button.isEnabled() == c.allows(deliberation.PERMISSION)
                assert window.notices.issue_button.isEnabled() == c.allows(notices.PERMISSION)
            window.close()
    finally:
        nobody.close()
