"""Page 考勤: the compliance of a hand-built village, the unit leaders, 在村签到 and the .xlsx export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.attendance_page import AttendancePage
from fieldapp.gui.visits.models import CLOSED_ROLE, STATUS_ROLE, ComplianceModel
from fieldapp.services import attendance
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoffs
from tests.helpers.people import as_role

TODAY = dt.date.today()
LAST = TODAY.year - 1
MARCH = ComplianceModel.FIRST_MONTH + 2


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot, sync_tasks: SyncTaskManager, household: str, me: str,  # noqa: PLR0917 (pytest fixtures)
         make_cadre: Callable[..., str], add_visit: Callable[..., str]) -> AttendancePage:
    colleague = make_cadre("赵敏", unit="区教育局")
    add_visit(household, dt.date(LAST, 3, 1), cadres=[me, colleague])  # one visit, a day for both
    for day in range(2, 15):
        add_visit(household, dt.date(LAST, 3, day))
    add_visit(household, dt.date(LAST, 3, 14))  # a second visit that day: still one day
    for day in (dt.date(LAST, 3, 14), dt.date(LAST, 3, 31)):  # on a visit day: counted once; the 15th day
        attendance.checkin(ctx, day, today=day)
    attendance.checkin(ctx, dt.date(LAST, 4, 1), cadre_id=colleague, today=dt.date(LAST, 4, 1))  # April, not March
    busy, idle = make_cadre("石局长", "unit_leader", "区国土资源局"), make_cadre("何局长", "unit_leader", "区水利局")
    busy_visits = [add_visit(household, dt.date(TODAY.year, 1, day), cadres=[busy, me]) for day in (1, 2, 3)]
    add_visit(household, dt.date(TODAY.year, 1, 1), cadres=[idle])  # not signed by 何局长: shown, not counted
    himself = as_role(ctx, "member", name="石局长", cadre_id=busy)
    try:
        for visit in busy_visits:
            signoffs.sign_visit(himself, visit)
    finally:
        himself.close()
    add_visit(household, dt.date(LAST, 6, 1), cadres=[idle])  # last year: not counted this year
    widget = AttendancePage(ctx, sync_tasks)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row(page: AttendancePage, name: str) -> int:
    model = page.compliance
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == name)


def test_compliance_of_a_hand_built_village(page: AttendancePage) -> None:
    assert page.year.value() == TODAY.year
    page.year.setValue(LAST)
    model = page.compliance
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["王伟", "赵敏"]  # no unit leaders
    me, colleague = _row(page, "王伟"), _row(page, "赵敏")
    assert model.data(model.index(me, MARCH)) == "15 达标"
    assert model.data(model.index(me, MARCH), STATUS_ROLE) == "met"
    assert model.data(model.index(me, MARCH), Qt.ItemDataRole.BackgroundRole).color().name() == "#e3f4e4"
    assert model.data(model.index(colleague, MARCH)) == "1 未达标"
    assert model.data(model.index(colleague, MARCH + 1)) == "1 未达标"  # the April check-in
    assert model.data(model.index(colleague, MARCH), Qt.ItemDataRole.ForegroundRole).color().name() == "#b71c1c"
    assert model.data(model.index(me, 14)) == "1"  # months met
    assert page.status.text() == f"{LAST}年：驻村干部 2 人，未达标 23 人次；单位领导 2 人"


def test_unit_leaders_this_year(page: AttendancePage) -> None:
    leaders = page.leaders
    rows = {leaders.data(leaders.index(r, 0)): [leaders.data(leaders.index(r, c)) for c in range(2, 6)]
            for r in range(leaders.rowCount())}
    assert rows == {"石局长": ["3", "3", "达标", ""], "何局长": ["0", "3", "进行中", "1"]}


def test_check_in_today_and_a_refused_date(ctx: AppContext, page: AttendancePage, qtbot: QtBot) -> None:
    me, month = _row(page, "王伟"), ComplianceModel.FIRST_MONTH + TODAY.month - 1
    before = page.compliance.rows[me].months[TODAY.month - 1].days
    assert page.checkin_date.value() == TODAY
    qtbot.mouseClick(page.checkin_button, Qt.MouseButton.LeftButton)
    assert page.checkin_note.text() == f"已签到：{TODAY} 在村"
    cell = page.compliance.rows[me].months[TODAY.month - 1]
    assert cell.days == before + 1 and cell.status in ("open", "met")
    if cell.status == "open":
        assert page.compliance.data(page.compliance.index(me, month)) == f"{cell.days} 进行中"
    page.checkin_date.setValue(TODAY + dt.timedelta(days=1))
    assert not page.check_in()
    assert "晚于今天，不能提前签到" in page.checkin_error.text()
    assert ctx.db.scalar("SELECT count(*) FROM checkin WHERE date > :d", d=TODAY) == 0


def test_export_xlsx(page: AttendancePage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "考勤"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    page.year.setValue(LAST)
    page.export_xlsx()
    path = target.with_suffix(".xlsx")
    assert page.status.text() == f"已导出：{path}"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [f"驻村考勤{LAST}", f"单位领导走访{LAST}"]
    rows = {r[0]: r for r in book[f"驻村考勤{LAST}"].iter_rows(min_row=2, values_only=True)}
    assert rows["王伟"][3 + 2] == 15  # name, unit, role, then January…


def test_a_late_check_in_waits_for_the_leader_who_confirms_it(
        ctx: AppContext, qtbot: QtBot, sync_tasks: SyncTaskManager, make_cadre: Callable[..., str],
        qtmodeltester: Any) -> None:
    her_cadre = make_cadre("刘芳")
    her = as_role(ctx, "member", name="刘芳", cadre_id=her_cadre)
    mine = AttendancePage(her, sync_tasks)
    qtbot.addWidget(mine)
    mine.show()
    qtbot.waitExposed(mine)
    late = TODAY - dt.timedelta(days=attendance.late_days(her) + 2)
    mine.checkin_date.setValue(late)
    assert mine.check_in()
    assert mine.checkin_note.text() == f"已补登：{late} 在村，队长确认后计入在村天数"
    assert not mine.late_view.isVisibleTo(mine)  # a member may not confirm: the list is not hers
    her.close()

    leader = as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader"))
    page = AttendancePage(leader, sync_tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.year.setValue(late.year)
    qtmodeltester.check(page.late)
    assert page.late_view.isVisible() and page.late.rowCount() == 1
    assert "1 条" in page.late_title.text()
    assert page.late.data(page.late.index(0, 0)) == "刘芳"
    assert page.late.data(page.late.index(0, 1)) == late.isoformat()
    row = next(r for r in range(page.compliance.rowCount()) if page.compliance.rows[r].name == "刘芳")
    assert page.compliance.rows[row].months[late.month - 1].days == 0
    assert not page.confirm_button.isEnabled()
    page.late_view.setFocus()
    qtbot.keyClick(page.late_view, Qt.Key.Key_Down)  # keyboard alone: select the row, then the button
    assert page.confirm_button.isEnabled()
    page.confirm_button.setFocus()
    qtbot.keyClick(page.confirm_button, Qt.Key.Key_Space)
    assert ctx.db.scalar("SELECT count(*) FROM checkin_confirm") == 1
    assert page.compliance.rows[row].months[late.month - 1].days == 1
    assert not page.late_view.isVisible()  # nothing waits any more
    leader.close()


def test_the_leader_closes_and_reopens_a_month_from_the_table(
        ctx: AppContext, qtbot: QtBot, sync_tasks: SyncTaskManager, make_cadre: Callable[..., str]) -> None:
    her_cadre = make_cadre("刘芳")
    last = (TODAY.replace(day=1) - dt.timedelta(days=1))
    attendance.checkin(ctx, last, cadre_id=her_cadre, today=last)
    member = as_role(ctx, "member", name="刘芳", cadre_id=her_cadre)
    mine = AttendancePage(member, sync_tasks)
    qtbot.addWidget(mine)
    assert not mine.close_button.isVisibleTo(mine)  # a member closes nothing
    member.close()
    leader = as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader"))
    page = AttendancePage(leader, sync_tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.year.setValue(last.year)
    row = next(r for r in range(page.compliance.rowCount()) if page.compliance.rows[r].name == "刘芳")
    column = ComplianceModel.FIRST_MONTH + last.month - 1
    page.compliance_view.setCurrentIndex(page.compliance.index(row, column))
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    page.close_selected(confirmed=True)
    cell = page.compliance.index(row, column)
    assert page.compliance.data(cell, CLOSED_ROLE) is True
    assert str(page.compliance.data(cell)).startswith("✓ 1 ")
    assert page.reopen_button.isEnabled() and not page.close_button.isEnabled()
    page.reopen_selected("")  # no reason: refused, said next to the check-in line
    assert "原因" in page.checkin_error.text()
    page.reopen_selected("补录会议")
    assert page.compliance.data(page.compliance.index(row, column), CLOSED_ROLE) is False
    assert ctx.db.scalar("SELECT reason FROM attendance_reopen") == "补录会议"
    leader.close()
