"""The 打印 page: each document generated through its form, off the GUI thread, with progress and cancel."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QMessageBox

from fieldapp.gui.audit.forms import PersonTraceForm, TraceForm
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.gui.printing.forms import CardsForm, HouseholdFileForm
from fieldapp.gui.printing.jobs import PrintResult
from fieldapp.gui.printing.list_forms import LedgerForm, NoticeForm
from fieldapp.gui.printing.print_page import PrintPage
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.gui_printing.conftest import close_dialogs
from tests.printing import pdftools


@pytest.fixture
def households_page(ctx: AppContext, register: dict[str, Any], qtbot: Any) -> HouseholdListPage:
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    return page


def make_page(ctx: AppContext, tasks: TaskManager, households: HouseholdListPage | None, qtbot: Any) -> PrintPage:
    page = PrintPage(ctx, tasks, households)
    qtbot.addWidget(page, before_close_func=close_dialogs)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def select(households: HouseholdListPage, ids: list[str]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    table = households.table
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for hid in ids:
        row = households.model.row_of(hid)
        assert row >= 0
        table.selectionModel().select(households.model.index(row, 0), flags)


def reached_end(done: int, total: int) -> bool:
    return total > 0 and done == total


def test_cards_for_a_village(ctx: AppContext, register: dict[str, Any], sync_tasks: TaskManager, qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("cards")
    assert isinstance(form, CardsForm)
    form.village.setCurrentIndex(form.village.findData(villages(ctx)[0][0]))
    with qtbot.waitSignal(page.progress, check_params_cb=reached_end, timeout=30000) as blocker:
        job = page.generate()
    assert job is not None and job.result is not None
    assert blocker.args == [7, 7]
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert pdftools.pages(preview.path) == 7 == preview.page_count
    text = pdftools.text(preview.path)
    assert all(f"东户{i}" in text for i in range(7)) and "西户0" not in text
    assert not page.progress_bar.isVisible() and page.generate_button.isEnabled()
    assert "7 页" in page.status_label.text()
    # closing the preview removes the temporary file
    path = preview.path
    preview.reject()
    assert not path.exists() and not path.parent.exists()


def test_cards_for_every_village_and_for_one_group(ctx: AppContext, register: dict[str, Any],
                                                   sync_tasks: TaskManager, qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("cards")
    assert isinstance(form, CardsForm)
    form.village.setCurrentIndex(form.village.findData(None))  # 全部村
    job = page.generate()
    assert job is not None and job.result is not None and job.result.pages == 9
    page.preview.reject()

    form.village.setCurrentIndex(form.village.findData(villages(ctx)[0][0]))
    form.scope_group.setChecked(True)
    form.group.setCurrentIndex(form.group.findData(2))
    job = page.generate()
    assert job is not None and job.result is not None
    assert pdftools.pages(job.result.path) == len(register["east_groups"][2])
    assert "第2组" in job.result.title


def test_cards_for_the_list_selection(ctx: AppContext, register: dict[str, Any], households_page: HouseholdListPage,
                                      sync_tasks: TaskManager, qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, households_page, qtbot)
    form = page.choose("cards")
    assert isinstance(form, CardsForm)
    form.scope_selection.setChecked(True)
    assert page.generate() is None  # nothing selected: the form says so instead
    box = page.findChild(QMessageBox)
    assert box is not None and "选择" in box.text()
    box.done(0)

    chosen = [register["east"][1], register["west"][0], register["east"][4]]
    select(households_page, chosen)
    form.refresh()
    assert form.selection_label.text().startswith("3 户")
    job = page.generate()
    assert job is not None and job.result is not None and job.result.pages == 3
    text = pdftools.text(job.result.path)
    assert "东户1" in text and "西户0" in text and "东户4" in text and "东户2" not in text


def test_real_task_manager_runs_the_batch_off_the_gui_thread(ctx: AppContext, register: dict[str, Any],
                                                             tasks: TaskManager, qtbot: Any) -> None:
    page = make_page(ctx, tasks, None, qtbot)
    page.choose("cards")
    seen: list[tuple[int, int]] = []
    page.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(page.job_finished, timeout=60000) as blocker:
        job = page.generate()
        assert job is not None and job.running  # returned before the PDF was written
        assert not page.generate_button.isEnabled() and not page.progress_bar.isHidden()
    result = blocker.args[0]
    assert isinstance(result, PrintResult)
    assert seen[-1] == (7, 7)
    assert pdftools.pages(result.path) == 7
    assert page.generate_button.isEnabled()


def test_cancelling_leaves_no_file(ctx: AppContext, register: dict[str, Any], sync_tasks: TaskManager,
                                   qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, None, qtbot)
    page.choose("cards")

    def cancel_at_three(done: int, _total: int) -> None:
        if done == 3:
            page.cancel_button.click()

    page.progress.connect(cancel_at_three)
    with qtbot.waitSignal(page.job_cancelled, timeout=10000):
        job = page.generate()
    assert job is not None and job.was_cancelled and job.result is None
    assert not job.path.exists() and not job.path.parent.exists()
    assert page.preview is None
    assert "已取消" in page.status_label.text()


def test_cancelling_a_background_job(ctx: AppContext, register: dict[str, Any], tasks: TaskManager,
                                     qtbot: Any) -> None:
    page = make_page(ctx, tasks, None, qtbot)
    page.choose("cards")
    with qtbot.waitSignal(page.job_cancelled, timeout=30000):
        job = page.generate()
        assert job is not None
        page.cancel()
    assert not job.path.parent.exists()
    tasks.wait()
    assert not job.path.parent.exists()
    assert page.preview is None


def test_household_file_by_number_name_or_current_row(ctx: AppContext, register: dict[str, Any],
                                                      households_page: HouseholdListPage, sync_tasks: TaskManager,
                                                      qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, households_page, qtbot)
    form = page.choose("household")
    assert isinstance(form, HouseholdFileForm)
    assert form.household_id is None  # nothing current in the list yet
    form.lookup.setText("东户3")
    form.lookup.editingFinished.emit()
    assert form.household_id == register["east"][3]
    assert "东户3" in form.found_label.text()
    job = page.generate()
    assert job is not None and job.result is not None
    assert "东户3" in pdftools.text(job.result.path)
    page.preview.reject()

    form.lookup.setText("没有这个人")
    form.lookup.editingFinished.emit()
    assert form.household_id is None and "找不到" in form.found_label.text()
    households_page.select_household(register["west"][1])
    form.use_current()
    assert form.household_id == register["west"][1]


def test_notice_from_a_workflow_step_issued_printed_and_printed_again(
        ctx: AppContext, register: dict[str, Any], team: dict[str, AppContext], sync_tasks: TaskManager,
        qtbot: Any) -> None:
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import notices, service
    from tests.workflow.conftest import T0, hold_meeting

    east = register["east"][:2]
    for hid in [*east, register["west"][0]]:
        service.start(team["member"], hid, "identification", at_ms=T0)
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + 1000)
    meeting = hold_meeting(team["committee"], east, T0 + 2000)
    for hid in east:  # at 04 第一次公示; the 西村 household is still at 02
        service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2000)
        service.decide(team["leader"], hid, "03", rules.PASS, at_ms=T0 + 3000)
    page = make_page(team["leader"], sync_tasks, None, qtbot)
    form = page.choose("notice")
    assert isinstance(form, NoticeForm)
    form.fields.choose("identification", "06", villages(ctx)[0][0])
    assert "没有处于这一步骤的户" in form.fields.households.text()
    form.fields.choose("identification", "04", villages(ctx)[0][0])
    assert form.fields.households.text().startswith("2 户：") and "东户0" in form.fields.households.text()
    form.fields.days.setValue(5)
    assert form.fields.period_error.isVisible() and "不得少于 7 天" in form.fields.period_error.text()
    assert page.generate() is None  # too short, nowhere to object
    box = page.findChild(QMessageBox)
    assert box is not None and "公示期 5 天太短：公示期不得少于 7 天" in box.text() and "异议受理" in box.text()
    box.done(0)
    assert ctx.db.scalar("SELECT count(*) FROM notice") == 0
    form.fields.days.setValue(7)
    form.fields.contact.setText("村委会 李主任 13900000000")
    job = page.generate()
    assert job is not None and job.result is not None
    text = pdftools.text(job.result.path)
    assert "东户0" in text and "东户1" in text and "西户0" not in text and "李主任" in text and "第一次公示" in text
    assert "验证码" in text and not pdftools.FULL_ID.search(text)
    issued = notices.listed(ctx)
    assert len(issued) == 1 and sorted(issued[0].household_ids) == sorted(east)
    page.preview.reject()
    # generating again prints the notice that stands (as ``print notice --id``), never a second one
    assert form.existing.isVisible() and issued[0].id[-8:] in form.existing.text()
    job = page.generate()
    assert job is not None and job.result is not None and "东户0" in pdftools.text(job.result.path)
    assert ctx.db.scalar("SELECT count(*) FROM notice") == 1


def test_ledger_like_the_list(ctx: AppContext, register: dict[str, Any], households_page: HouseholdListPage,
                              sync_tasks: TaskManager, qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, households_page, qtbot)
    form = page.choose("ledger")
    assert isinstance(form, LedgerForm)
    form.group.setCurrentIndex(form.group.findData(1))
    job = page.generate()
    assert job is not None and job.result is not None
    assert job.result.summary == f"{len(register['east_groups'][1]) + 2} 户"  # 东村 group 1 and both 西村 households
    page.preview.reject()

    households_page.village_combo.setCurrentIndex(households_page.village_combo.findData(villages(ctx)[1][0]))
    form.same_as_list.setChecked(True)
    assert not form.group.isEnabled()
    job = page.generate()
    assert job is not None and job.result is not None and job.result.summary == "2 户"
    text = pdftools.text(job.result.path)
    assert "西户0" in text and "东户0" not in text


def test_archive_for_a_month_and_a_year(ctx: AppContext, register: dict[str, Any], sync_tasks: TaskManager,
                                        qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("archive")
    job = page.generate()
    assert job is not None and job.result is not None and "王伟" in job.result.title
    assert "王伟" in pdftools.text(job.result.path)
    page.preview.reject()
    form.by_year.setChecked(True)  # type: ignore[attr-defined]
    job = page.generate()
    assert job is not None and job.result is not None and job.result.title.endswith("年")


def test_a_failed_job_is_reported_and_leaves_nothing(ctx: AppContext, register: dict[str, Any],
                                                     households_page: HouseholdListPage, sync_tasks: TaskManager,
                                                     qtbot: Any) -> None:
    from fieldapp.services import register as register_service

    page = make_page(ctx, sync_tasks, households_page, qtbot)
    form = page.choose("cards")
    assert isinstance(form, CardsForm)
    form.scope_selection.setChecked(True)
    gone = register["east"][2]
    select(households_page, [register["east"][1], gone])
    register_service.delete_household(ctx.writer, gone)
    job = page.generate()
    assert job is not None and job.error is not None and job.result is None
    assert not job.path.parent.exists()
    box = page.findChild(QMessageBox)
    assert box is not None and "不存在" in box.text()
    assert page.generate_button.isEnabled() and page.preview is None


def test_bank_accounts_are_a_choice_of_their_own_with_a_warning(
        ctx: AppContext, make_household: Any, sync_tasks: TaskManager, qtbot: Any) -> None:
    hid = make_household("银行户", bank_name="邮储银行", bank_account="6217000011112222333")
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("household")
    assert isinstance(form, HouseholdFileForm)
    form.set_household(hid)
    form.full_ids.setChecked(True)
    assert form.bank_warning.isHidden()
    job = page.generate()
    assert job is not None and job.result is not None
    assert "6217000011112222333" not in "".join(pdftools.text(job.result.path).split())
    page.preview.reject()
    form.bank.setChecked(True)
    assert not form.bank_warning.isHidden() and "敏感信息" in form.bank_warning.text()
    job = page.generate()
    assert job is not None and job.result is not None
    assert "6217000011112222333" in "".join(pdftools.text(job.result.path).split())
    page.preview.reject()


def test_cards_job_names_the_households_left_out(ctx: AppContext, register: dict[str, Any],
                                                 sync_tasks: TaskManager, qtbot: Any) -> None:
    from fieldapp.services import register as register_service
    from tests.helpers.fixtures import write_unchecked

    write_unchecked(ctx, register_service.HouseholdRecord(household={"village_id": villages(ctx)[0][0],
                                                                     "hh_no": "6110029990000002"}))
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("cards")
    assert isinstance(form, CardsForm)
    form.village.setCurrentIndex(form.village.findData(villages(ctx)[0][0]))
    job = page.generate()
    assert job is not None and job.result is not None
    assert "户编号 6110029990000002没有户主" in job.result.summary
    page.preview.reject()


def test_trace_of_a_household_and_of_one_field(ctx: AppContext, register: dict[str, Any], sync_tasks: TaskManager,
                                               qtbot: Any) -> None:
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("trace")
    assert isinstance(form, TraceForm)
    assert not [b for b in form.findChildren(QCheckBox) if "银行" in b.text() and b.isVisibleTo(form)]  # no bank data
    form.lookup.setText("东户3")
    form.lookup.editingFinished.emit()
    job = page.generate()
    assert job is not None and job.result is not None and "东户3" in job.result.title
    text = pdftools.text(job.result.path)
    assert "责任倒查表" in text and "现值由谁填报" in text
    page.preview.reject()
    form.field.setCurrentIndex(form.field.findData("户编号"))
    job = page.generate()
    assert job is not None and job.result is not None
    assert "“户编号”的每一次填报" in pdftools.text(job.result.path)
    page.preview.reject()


def test_a_persons_report_needs_a_sensible_period(ctx: AppContext, register: dict[str, Any],
                                                  sync_tasks: TaskManager, qtbot: Any) -> None:
    from tests.helpers.people import as_role

    as_role(ctx, "member", name="李填报").close()
    page = make_page(ctx, sync_tasks, None, qtbot)
    form = page.choose("person_trace")
    assert isinstance(form, PersonTraceForm)
    form.person.setCurrentIndex(form.person.findText("李填报"))
    form.start.setDate(form.end.date().addDays(1))
    assert page.generate() is None
    box = page.findChild(QMessageBox)
    assert box is not None and "结束日期早于开始日期" in box.text()
    box.done(0)
    form.start.setDate(form.end.date().addDays(-30))
    job = page.generate()
    assert job is not None and job.result is not None and "李填报" in job.result.title
    assert "个人填报与核查情况" in pdftools.text(job.result.path)
    page.preview.reject()
