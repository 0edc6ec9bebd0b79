"""The 汇总上报 page on real services: the leader sees the week's figures, writes the narrative, saves, signs
and prints; the villages' standing flags the missing one; a township account sees only
the standing; every model passes qtmodeltester."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from fieldapp.domain import report as rules
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.report.page import ReportPage
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.report import service
from tests.printing import pdftools
from tests.report.conftest import AFTER, WEEK, Week


def page_of(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> ReportPage:
    page = ReportPage(ctx, tasks, hub=hub, today=AFTER)
    qtbot.addWidget(page)
    page.resize(1300, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def _figure(page: ReportPage, label: str) -> str:
    rows = dict(page.figures.rows)
    return str(rows[label])


def test_the_leader_saves_signs_and_prints_the_weeks_summary(
        qtbot: QtBot, qtmodeltester: Any, signed_in: Callable[..., AppContext], week: Week,
        sync_tasks: SyncTaskManager) -> None:
    leader = signed_in("leader", name="吴书记", cadre_id=week.me)
    hub = ChangeHub()
    page = page_of(qtbot, leader, sync_tasks, hub)
    assert page.period.currentData() == WEEK and page.village.currentText() == "东村"
    assert page.tabs.count() == 2 and "尚未生成" in page.state.text()
    assert _figure(page, "入户走访（户次）") == "3" and _figure(page, "措施金额") == "1,500.00 元"
    assert [(c.name, c.days) for c in page.cadres.rows] == [("王伟", 5), ("赵帮扶", 2)]
    for model in (page.figures, page.cadres, page.status_model):
        qtmodeltester.check(model)
    assert not page.print_button.isEnabled()

    assert page.save_button.isEnabled() and page.sign_button.isEnabled(), (page.may_write, page.may_sign)
    page.narrative.setFocus()
    page.narrative.insertPlainText("本周走访 3 户次，解决问题 1 项。")  # typed through an input method
    with qtbot.waitSignal(hub.changed):
        page.save_button.click()
    stored = service.find(leader.db, week.east, rules.parse_period(WEEK))
    assert stored is not None and not stored.signed and stored.narrative == "本周走访 3 户次，解决问题 1 项。"
    assert "草稿" in page.state.text() and page.print_button.isEnabled()

    with qtbot.waitSignal(hub.changed):
        page.sign_button.click()
    signed = service.find(leader.db, week.east, rules.parse_period(WEEK))
    assert signed is not None and signed.signed
    assert "已签字上报：吴书记" in page.state.text() and "验证码" in page.state.text()
    assert not page.save_button.isEnabled() and page.sign_button.text() == "重新签字上报(&G)"

    lines = {line.name: line for line in page.status_model.rows}
    assert lines["西村"].standing.state == rules.MISSING
    west = page.status_model.index(page.status_model.rows.index(lines["西村"]), 2)
    assert page.status_model.data(west) == "未上报，已逾期"
    assert page.status_model.data(west, Qt.ItemDataRole.ForegroundRole).color() == QColor("#b42318")
    assert "北宽坪镇：1/2 村已签字上报，未上报 1" in page.totals.text()

    job: Any = page.print_summary()
    assert job.result is not None
    text = "".join(pdftools.text(job.preview.path).split())
    assert "东村周汇总" in text and "本周走访3户次，解决问题1项。" in text and "本打印件内容与签字时一致" in text
    job.preview.reject()
    rolled: Any = page.print_rollup()
    assert "西村" in "".join(pdftools.text(rolled.preview.path).split())
    rolled.preview.reject()


def test_a_township_account_sees_only_the_villages_standing(
        qtbot: QtBot, qtmodeltester: Any, signed_in: Callable[..., AppContext], week: Week,
        sync_tasks: SyncTaskManager) -> None:
    leader = signed_in("leader", name="吴书记", cadre_id=week.me)
    service.generate(leader, week.west, WEEK, narrative="西村本周情况", today=AFTER)  # a draft, not signed
    township = signed_in("township", name="乡审")
    page = page_of(qtbot, township, sync_tasks, ChangeHub())
    assert page.tabs.count() == 1 and page.tabs.tabText(0) == "各村上报情况"
    states = {line.name: line.standing.state for line in page.status_model.rows}
    assert states == {"东村": rules.MISSING, "西村": rules.UNSIGNED}
    qtmodeltester.check(page.status_model)
    page.kind.setCurrentIndex(1)  # 月更新: the periods become months
    assert page.period.currentData() == "2026-11"


def test_the_main_window_has_the_page(qtbot: QtBot, signed_in: Callable[..., AppContext], week: Week,
                                      sync_tasks: SyncTaskManager) -> None:
    leader = signed_in("leader", name="吴书记", cadre_id=week.me)
    window = MainWindow(leader, sync_tasks)
    qtbot.addWidget(window)
    assert "report" in window.page_keys()
    window.show_page("report")
    assert window.current_page_key() == "report"
    window.close()
