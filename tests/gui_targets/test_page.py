"""The 目标 page: a leader fills the village's year and sees the computed incidence and the judgement;
the targets are read-only but for the district, which sets, deletes and imports them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.targets.page import TargetsPage
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.targets import records
from tests.helpers.qt import sync_tasks  # noqa: F401  (fixture)
from tests.targets.helpers import small_register


def _page(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> TargetsPage:
    page = TargetsPage(ctx, tasks, hub=hub)
    qtbot.addWidget(page)
    page.resize(1236, 640)
    page.year_box.setValue(2024)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_leader_fills_the_village_year_and_sees_the_judgement(
        ctx: AppContext, make_household: Callable[..., str], signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:  # noqa: F811
    small_register(ctx, make_household)  # 东村, end of 2024: 7 poor people in 3 households
    leader = signed_in("leader")
    records.set_target(ctx, villages(ctx)[0][0], 2024, "people_exit", 30)
    hub = ChangeHub()
    page = _page(qtbot, leader, sync_tasks, hub)
    assert page.save_button.isEnabled() and not page.set_button.isVisible()
    assert page.targets.rowCount() == 1 and page.targets.data(page.targets.index(0, 2)) == "30 人"
    qtmodeltester.check(page.targets)
    assert "未填农村人口" in page.computed_label.text()

    page.poor_check.setChecked(True)
    page.population.setValue(400)
    page.official.setText("1.8")
    page.income.setText("4.5万")
    for code, check in page.indicator_checks.items():
        check.setChecked(code != "school")
    with qtbot.waitSignal(hub.changed) as changed:
        page.save()
    assert changed.args[0].targets
    stored = records.village_year(ctx.db, ctx.ref, villages(ctx)[0][0], 2024)
    assert (stored.rural_population, stored.collective_income, stored.poor_village) == (400, 4_500_000, True)
    assert "1.75%（贫困人口 7 人、3 户 / 农村人口 400 人）" in page.computed_label.text()
    assert "相差 -0.05 个百分点" in page.official_label.text()
    assert "低于 3%" in page.standard_label.text()
    verdict = page.verdict.text()
    assert "村集体经济收入 45000元 未达到 50000元" in verdict and "义务教育学校（就近入学）未达标" in verdict
    assert "贫困发生率" not in verdict  # 1.75% is below 3%

    page.official.setText("百分之二")  # refused in place, nothing written
    page.save()
    assert "贫困发生率应为百分数" in page.problems.text()
    page.official.setText("1.8")
    page.income.setText("5万")
    page.indicator_checks["school"].setChecked(True)
    page.save()
    assert "达到贫困村退出标准" in page.verdict.text()
    qtmodeltester.check(page.targets)


def test_a_save_over_a_change_made_elsewhere_is_refused_and_shown(
        ctx: AppContext, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:  # noqa: F811
    leader = signed_in("leader")
    page = _page(qtbot, leader, sync_tasks, ChangeHub())
    loaded = page.original
    assert loaded is not None
    records.save_village_year(ctx, records.VillageYearRecord(loaded.village_id, 2024, rural_population=3014), None)
    page.population.setValue(3000)
    page.refresh()  # a change notification while typing (a sync, another window) leaves the form as typed
    assert page.population.value() == 3000
    page.save()
    assert "农村人口 已在别处修改" in page.problems.text()
    assert page.population.value() == 3000  # what was typed stays
    page.save()  # the second save is against the fresh record: the person has seen it
    assert records.village_year(ctx.db, ctx.ref, loaded.village_id, 2024).rural_population == 3000


def test_the_district_sets_deletes_and_imports_targets(
        ctx: AppContext, signed_in: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path,
        *, sync_tasks: SyncTaskManager, qtmodeltester: Any) -> None:  # noqa: F811
    district = signed_in("district")
    member = signed_in("member")
    hub = ChangeHub()
    page = _page(qtbot, district, sync_tasks, hub)
    assert page.set_button.isVisible() and page.import_button.isVisible()
    assert page.area_box.count() == 4  # 商州区, 北宽坪镇, 东村, 西村
    page.area_box.setCurrentIndex(1)
    page.kind_box.setCurrentIndex(page.kind_box.findData("villages_out"))
    page.value_box.setValue(2)
    with qtbot.waitSignal(hub.changed):
        page.set_target()
    assert [(t.kind, t.value) for t in page.targets.rows] == [("villages_out", 2)]
    qtmodeltester.check(page.targets)

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["区域", "年度", "目标项目", "目标值"])
    sheet.append(["北宽坪镇/东村", 2024, "脱贫人数", 12])
    sheet.append(["北宽坪镇/北村", 2024, "脱贫人数", 5])
    book.save(tmp_path / "bad.xlsx")
    page.import_file(tmp_path / "bad.xlsx")
    box = page.import_box
    assert isinstance(box, QMessageBox) and "第 3 行：没有区域“北宽坪镇/北村”" in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    sheet.delete_rows(3)
    book.save(tmp_path / "good.xlsx")
    page.import_file(tmp_path / "good.xlsx")
    box = page.import_box
    assert isinstance(box, QMessageBox) and "新增 1" in box.text()
    with qtbot.waitSignal(hub.changed):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert [(t.area, t.value) for t in page.targets.rows] == [("商州区/北宽坪镇", 2), ("商州区/北宽坪镇/东村", 12)]
    assert page.targets.data(page.targets.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "商州区/北宽坪镇/东村"

    page.table.selectRow(0)
    box = page.delete_target()
    assert box is not None
    with qtbot.waitSignal(hub.changed):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert [t.kind for t in page.targets.rows] == ["people_exit"]
    qtmodeltester.check(page.targets)

    out = tmp_path / "template.xlsx"
    page.export_template(out)
    assert out.is_file()

    reader = _page(qtbot, member, sync_tasks, ChangeHub())
    assert not reader.set_button.isVisible() and not reader.save_button.isEnabled()
    assert "只读" in reader.problems.text() and reader.targets.rowCount() == 1
