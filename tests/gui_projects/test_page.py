"""The 项目库 page: the list pages from SQL and filters, read only once shown; every dialog lists every problem
before saving and refuses to save while there is one; a project goes through approval, disbursement,
progress with photos and a signed acceptance, each write one operation and one change notification; buttons
follow the account's permissions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image
from pytestqt.qtbot import QtBot

from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.projects import dialogs
from fieldapp.gui.projects.models import ProjectListModel
from fieldapp.gui.projects.page import ProjectsPage
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records, service
from fieldapp.services.projects.browse import ProjectQuery
from fieldapp.services.signoff import service as signoff
from tests.projects.conftest import WAN, World, draft

D = dt.date
TODAY = D(2026, 4, 1)


def _page(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub, *, show: bool = True
          ) -> ProjectsPage:
    page = ProjectsPage(ctx, tasks, hub=hub, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 640)
    if show:
        page.show()
        qtbot.waitExposed(page)
    return page


def _problems(dialog: dialogs.ProjectDialog) -> list[str]:
    return list(dialog.shown_problems)


def _save(qtbot: QtBot, hub: ChangeHub, dialog: dialogs.ProjectDialog) -> list[Any]:
    """Click 保存 and return what the one change notification carried."""
    assert dialog.save_button.isEnabled(), _problems(dialog)
    seen: list[Any] = []
    hub.changed.connect(seen.append)
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()
    hub.changed.disconnect(seen.append)
    assert len(seen) == 1 and seen[0].projects
    return seen


def test_the_list_is_read_when_first_shown_pages_from_sql_and_filters(
        ctx: AppContext, world: World, qtbot: QtBot, qtmodeltester: Any, *, sync_tasks: SyncTaskManager) -> None:
    for i in range(5):
        service.create(ctx, draft(world.east, name=f"东村项目{i}"))
    service.create(ctx, draft(world.west, name="西村道路", type="infrastructure", industry=None))
    approved = service.create(ctx, draft(world.east, name="东村已批项目"))
    service.approve(ctx, approved, 50 * WAN, D(2026, 3, 1))
    hub = ChangeHub()
    page = _page(qtbot, ctx, sync_tasks, hub, show=False)
    page.model.page_size = 3
    assert page.model.query() is None and page.model.rowCount() == 0  # nothing read while hidden
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    assert model.total() == 7 and model.rowCount() >= 3
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 7
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts[:6] == ["东村已批项目", *[f"东村项目{i}" for i in range(5)]] and texts[6] == "西村道路"
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["东村已批项目", "产业", "东村", "北宽坪镇农业综合服务站", "已批复", "600,000.00",
                     "500,000.00", "0.00", ""]
    assert page.count_label.text() == "共 7 个项目"
    page.status_box.setCurrentIndex(page.status_box.findData("approved"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["东村已批项目"]
    page.status_box.setCurrentIndex(0)
    page.type_box.setCurrentIndex(page.type_box.findData("infrastructure"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["西村道路"]
    page.type_box.setCurrentIndex(0)
    page.area_box.setCurrentIndex(page.area_box.findData(world.west))
    assert model.total() == 1
    page.area_box.setCurrentIndex(page.area_box.findData(world.town))  # a town: its villages' projects too
    assert model.total() == 7
    # the model on its own, a fresh one per query: Qt's tester fetches a page from its modelReset slot before it
    # clears its own "reset in flight" state, so a tester attached across a reset of a paged model misreports
    for query, rows in ((ProjectQuery(), 7), (ProjectQuery(area_id=world.east, status="planned"), 5),
                        (ProjectQuery(type="education"), 0)):
        alone = ProjectListModel(ctx, page_size=2)
        alone.setQuery(query)
        qtmodeltester.check(alone)  # (the tester itself fetches a page)
        while alone.canFetchMore():
            alone.fetchMore()
        assert alone.rowCount() == rows == alone.total()
    empty = ProjectListModel(ctx)
    qtmodeltester.check(empty)  # before any query: nothing read
    assert empty.rowCount() == 0


def test_a_project_is_created_through_the_dialog_every_problem_listed_and_save_refused_until_fixed(
        ctx: AppContext, world: World, qtbot: QtBot, *, sync_tasks: SyncTaskManager) -> None:
    hub = ChangeHub()
    page = _page(qtbot, ctx, sync_tasks, hub)
    page.area_box.setCurrentIndex(page.area_box.findData(world.east))
    dialog = page.new_project()
    assert isinstance(dialog, dialogs.EditDialog)
    assert not dialog.save_button.isEnabled()
    assert _problems(dialog) == ["请填写项目名称", "请选择项目类型", "请填写实施单位"]
    dialog.name.setText("核桃园提质增效")
    dialog.type.setValue("industry")
    dialog.unit.setText("北宽坪镇农业综合服务站")
    dialog.budget["superior"].setText("500000")
    dialog.budget["local_finance"].setText("100000")
    dialog.total.setText("610000")
    dialog.planned_start.setText("2026-03-10")
    dialog.planned_end.setText("2026-03-01")
    assert _problems(dialog) == [
        "各资金渠道预算合计 600,000.00元，与总预算 610,000.00元 不相等（相差 10,000.00元）",
        "计划完工日期 2026-03-01 早于计划开工日期 2026-03-10"]
    assert dialog.problem_label.isVisible() and "相差 10,000.00元" in dialog.problem_label.text()
    assert not dialog.save_button.isEnabled()
    dialog.save()  # refused: nothing written
    assert ctx.db.scalar("SELECT count(*) FROM project") == 0
    dialog.total.setText("")
    dialog.planned_end.setText("2026-09-30")
    assert _problems(dialog) == [] and not dialog.problem_label.isVisible()
    _save(qtbot, hub, dialog)
    assert page.dialog is None
    (line,) = records.list_projects(ctx.db)
    assert (line.name, line.budget_total, line.status) == ("核桃园提质增效", 60 * WAN, "planned")
    assert page.model.rowCount() == 1 and page.view is not None and page.view.id == line.id
    assert page.detail.budget.rowCount() == 3  # 上级, 本级财政, 合计

    # the edit dialog: an actual finish without a start is listed at once
    edit = page.edit_project()
    assert isinstance(edit, dialogs.EditDialog) and edit.name.value() == "核桃园提质增效"
    edit.actual_end.setText("2026-05-01")
    assert _problems(edit) == ["填写了实际完工日期，却没有实际开工日期"] and not edit.save_button.isEnabled()
    edit.actual_end.setText("")
    edit.unit.setText("东村合作社")
    _save(qtbot, hub, edit)
    assert records.get(ctx.db, line.id).unit == "东村合作社"


def _jpeg(path: Path) -> Path:
    Image.new("RGB", (160, 120), (90, 140, 60)).save(path, "JPEG")
    return path


def test_a_project_is_approved_disbursed_carried_out_and_accepted_signed(
        ctx: AppContext, world: World, signed_in: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path,
        *, sync_tasks: SyncTaskManager) -> None:
    pid = service.create(ctx, draft(world.east))
    town = signed_in("township", name="乡镇验收员")
    hub = ChangeHub()
    page = _page(qtbot, town, sync_tasks, hub)
    assert page.view is not None and page.view.id == pid
    assert not page.disburse_button.isEnabled() and not page.accept_button.isEnabled()

    # a beneficiary whose amount exceeds the budget is listed before saving
    page.add_beneficiary()
    add = page.dialog
    assert isinstance(add, dialogs.BeneficiaryDialog)
    add.household.setValue(world.a)
    add.amount.setText("600000.01")
    assert _problems(add) == ["受益户计划金额合计 600,000.01元，超过总预算 600,000.00元（超出 0.01元）"]
    add.amount.setText("20000")
    _save(qtbot, hub, add)
    assert page.detail.beneficiaries.rowCount() == 1 and page.detail.beneficiaries.item(0, 1).text() == "张大山"

    _approve_and_disburse(qtbot, hub, page, ctx, pid)
    _carry_out(qtbot, hub, page, tmp_path)
    _accept(qtbot, hub, page, ctx, pid)


def _approve_and_disburse(qtbot: QtBot, hub: ChangeHub, page: ProjectsPage, ctx: AppContext, pid: str) -> None:
    page.approve_button.click()
    approve = page.dialog
    assert isinstance(approve, dialogs.ApproveDialog)
    approve.amount.setText("610000")
    assert _problems(approve) == ["批复金额 610,000.00元 超过总预算 600,000.00元"]
    approve.amount.setText("550000")
    approve.on.setText("2026-03-01")
    _save(qtbot, hub, approve)
    assert page.view.status == "approved" and page.disburse_button.isEnabled()

    page.disburse_button.click()
    pay = page.dialog
    assert isinstance(pay, dialogs.DisburseDialog)
    pay.channel.setValue("superior")
    pay.amount.setText("510000")
    pay.day.setText("2026-02-01")
    assert _problems(pay) == [
        "请填写拨付对象（拨给谁）", "请填写凭证号", "2026-02-01 的拨付早于项目批复日期 2026-03-01",
        "资金渠道“上级”已拨付 510,000.00元，超过该渠道预算 500,000.00元（超出 10,000.00元）"]
    assert not pay.save_button.isEnabled()
    pay.amount.setText("400000")
    pay.day.setText("2026-04-01")
    pay.payee.setText("镇财政所")
    pay.voucher.setText("记-001")
    _save(qtbot, hub, pay)
    assert [(d.amount, d.voucher_no) for d in records.get(ctx.db, pid).disbursements] == [(40 * WAN, "记-001")]
    assert page.detail.disbursements.item(0, 4).text() == "记-001"
    assert page.model.index(0, 7).data() == "400,000.00"
    page.disburse_button.click()
    again = page.dialog
    again.amount.setText("160000")
    again.payee.setText("镇财政所")
    again.voucher.setText("记-001")
    assert _problems(again) == ["凭证号 记-001 已登记过（同一笔拨付不能重复登记）",
                                "资金渠道“上级”已拨付 560,000.00元，超过该渠道预算 500,000.00元（超出 60,000.00元）",
                                "累计拨付 560,000.00元，超过批复金额 550,000.00元（超出 10,000.00元）"]
    again.reject()


def _carry_out(qtbot: QtBot, hub: ChangeHub, page: ProjectsPage, tmp_path: Path) -> None:
    page.status_button.click()
    start = page.dialog
    assert isinstance(start, dialogs.StatusDialog) and start.target.value() in ("planned", "in_progress")
    start.target.setValue("planned")
    assert _problems(start) == ["已拨付 400,000.00元，不能撤回批复"]
    start.target.setValue("in_progress")
    start.actual_start.setText("2026-03-15")
    _save(qtbot, hub, start)

    page.progress_button.click()
    progress = page.dialog
    assert isinstance(progress, dialogs.ProgressDialog)
    progress.percent.setValue(40)
    progress.add_files([_jpeg(tmp_path / "site.jpg"), tmp_path / "missing.jpg"])
    assert _problems(progress) == [f"照片文件不存在：{tmp_path / 'missing.jpg'}"]
    progress.photos.setCurrentRow(1)
    progress.remove_photo.click()
    progress.note.setText("栽植完成")
    _save(qtbot, hub, progress)
    assert page.detail.progress.rowCount() == 1 and page.detail.photos.count() == 1
    assert page.model.index(0, 8).data() == "40%"

    page.status_button.click()
    finish = page.dialog
    finish.target.setValue("completed")
    finish.actual_end.setText("2026-09-20")
    _save(qtbot, hub, finish)
    assert page.accept_button.isEnabled()


def _accept(qtbot: QtBot, hub: ChangeHub, page: ProjectsPage, ctx: AppContext, pid: str) -> None:
    page.accept_button.click()
    accept = page.dialog
    assert isinstance(accept, dialogs.AcceptDialog)
    accept.day.setText("2026-09-01")
    assert _problems(accept) == ["请填写参加验收的人员", "请填写验收意见",
                                 "验收日期 2026-09-01 早于实际完工日期 2026-09-20"]
    assert accept.save_button.text() == "签字并保存(&G)" and not accept.save_button.isEnabled()
    accept.day.setText("2026-09-25")
    accept.members.setPlainText("赵镇长\n村监委刘\n")
    accept.findings.setPlainText("工程合格，同意验收")
    _save(qtbot, hub, accept)
    v = records.get(ctx.db, pid)
    assert v.status == "accepted" and v.acceptances[0].members == ("赵镇长", "村监委刘")
    state = signoff.status(ctx.db, "project_acceptance", v.acceptances[0].id)
    assert state.state == signoff.VALID and state.signoff is not None
    assert page.detail.acceptances.item(0, 4).text() == f"已签字：乡镇验收员（验证码 {state.signoff.code}）"
    # accepted: nothing is edited any more
    assert not any(b.isEnabled() for b in (page.edit_button, page.budget_button, page.beneficiary_button,
                                           page.approve_button, page.accept_button, page.status_button))


def test_buttons_follow_the_permissions_and_a_refusal_is_listed_in_the_dialog(
        ctx: AppContext, world: World, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:
    pid = service.create(ctx, draft(world.east))
    leader = signed_in("leader")
    hub = ChangeHub()
    page = _page(qtbot, leader, sync_tasks, hub)
    assert page.new_button.isEnabled() and page.edit_button.isEnabled() and page.budget_button.isEnabled()
    assert not page.approve_button.isEnabled() and not page.disburse_button.isEnabled()
    assert not page.accept_button.isEnabled() and not page.status_button.isEnabled()
    member = signed_in("member")
    other = _page(qtbot, member, sync_tasks, ChangeHub())
    assert not any(b.isEnabled() for b in other.buttons)
    assert other.new_project() is None and other.edit_project() is None
    # the budget changed elsewhere meanwhile: the service's refusal is listed, the dialog stays open
    page.budget_button.click()
    budget = page.dialog
    assert isinstance(budget, dialogs.BudgetDialog)
    service.approve(ctx, pid, 50 * WAN, D(2026, 3, 1))
    budget.budget["social"].setText("10000")
    budget.save_button.click()
    assert budget.isVisible() and not budget.save_button.isEnabled()
    assert any("project.approve" in p or "批复" in p for p in _problems(budget))


def test_enter_on_a_row_opens_the_project(ctx: AppContext, world: World, qtbot: QtBot,
                                         *, sync_tasks: SyncTaskManager) -> None:
    from PySide6.QtCore import Qt

    service.create(ctx, draft(world.east))
    page = _page(qtbot, ctx, sync_tasks, ChangeHub())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(page.dialog, dialogs.EditDialog)
    qtbot.keyClick(page.dialog, Qt.Key.Key_Escape)
    assert page.dialog is None


def test_the_main_window_reads_no_project_until_the_page_is_shown(
        ctx: AppContext, world: World, qtbot: QtBot, *, sync_tasks: SyncTaskManager) -> None:
    from fieldapp.gui.main_window import MainWindow

    service.create(ctx, draft(world.east))
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.nav.item(window.page_keys().index("projects")).text() == "项目库"
    assert window.projects.model.query() is None  # opening the window read nothing of the projects
    window.show_page("projects")
    assert window.projects.model.rowCount() == 1 and window.projects.view is not None
    service.create(ctx, draft(world.west, name="西村道路"))
    window.show_page("households")
    window.hub.announce(Changes(projects=True))  # hidden: remembered, read when shown again
    assert window.projects.model.rowCount() == 1 and window.projects.staleness.stale
    window.show_page("projects")
    assert window.projects.model.rowCount() == 2
