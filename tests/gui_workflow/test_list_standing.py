"""Where a household stands, in the GUI: the list filters by workflow and step and shows 流程/环节; the
editor shows the exit status and year read-only with where they came from (由流程确定 / 导入)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.domain import workflow as rules
from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.gui.household_model import COLUMN_KEYS
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import service
from tests.workflow.conftest import DAY, T0, set_economy

HOUR = 3_600_000


def _names(page: HouseholdListPage) -> list[str]:
    model = page.model
    return [model.data(model.index(r, COLUMN_KEYS.index("head_name"))) for r in range(model.rowCount())]


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def _exit_to_deliberation(team: dict[str, AppContext], ctx: AppContext, hid: str) -> None:
    set_economy(ctx, hid, year=2018, wage_yuan=9000)
    service.start(team["leader"], hid, "exit", at_ms=T0)
    service.decide(team["leader"], hid, "10", rules.PASS, at_ms=T0 + HOUR)  # 对象确定: now at 民主评议 (01)


def test_the_list_filters_by_workflow_and_step_and_shows_where_each_household_stands(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot,
        qtmodeltester: Any) -> None:
    leaving = make_household("周长富")
    watched = make_household("刘桂兰")
    make_household("张三明")
    _exit_to_deliberation(team, ctx, leaving)
    service.start(team["member"], watched, "monitoring", category="02", risk_type="01", at_ms=T0 + DAY)
    page = HouseholdListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    where = {model.data(model.index(r, COLUMN_KEYS.index("head_name"))):
             model.data(model.index(r, COLUMN_KEYS.index("wf_kind"))) for r in range(model.rowCount())}
    assert where == {"周长富": "退出（脱贫） · 民主评议", "刘桂兰": "防返贫监测对象识别 · 农户申请或排查发现",
                     "张三明": ""}
    assert model.headerData(COLUMN_KEYS.index("wf_kind"), Qt.Orientation.Horizontal) == "流程/环节"
    qtmodeltester.check(model)

    _choose(page.workflow_combo, "exit:01")
    assert page.workflow_combo.currentText().strip() == "退出（脱贫） · 民主评议"
    assert _names(page) == ["周长富"] and page.count_label.text() == "共 1 户"
    qtmodeltester.check(model)
    _choose(page.workflow_combo, "exit:04")
    assert _names(page) == []
    _choose(page.workflow_combo, "monitoring")  # the whole workflow, every step
    assert _names(page) == ["刘桂兰"]
    qtmodeltester.check(model)
    _choose(page.workflow_combo, None)
    assert sorted(_names(page)) == ["刘桂兰", "周长富", "张三明"]
    status = model.index(_names(page).index("周长富"), COLUMN_KEYS.index("exit_status"))
    assert model.data(status) == "未脱贫" and "导入" in model.data(status, Qt.ItemDataRole.ToolTipRole)


def _close_quietly(editor: HouseholdEditor) -> None:
    if editor.isVisible():
        QDialog.done(editor, QDialog.DialogCode.Rejected)


def test_the_editor_shows_the_exit_status_read_only_with_its_source(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager) -> None:
    hid = make_household("周长富", exit_status="1", exit_year=2019)
    editor = HouseholdEditor(team["leader"], hid, tasks=sync_tasks, hub=ChangeHub())
    qtbot.addWidget(editor, before_close_func=_close_quietly)
    editor.show()
    qtbot.waitExposed(editor)
    basic = editor.basic
    assert "exit_status" not in basic.form.slots and "exit_year" not in basic.form.slots  # nothing to type in
    assert basic.exit_status.text() == "已脱贫(享受政策)（导入）"
    assert basic.exit_year.text() == "2019年"
    assert "“退出”流程" in basic.exit_status.toolTip()

    other = make_household("刘桂兰")
    hub = ChangeHub()
    second = HouseholdEditor(team["leader"], other, tasks=sync_tasks, hub=hub)
    qtbot.addWidget(second, before_close_func=_close_quietly)
    second.show()
    qtbot.waitExposed(second)
    assert second.basic.exit_status.text() == "未脱贫（导入）"
    _exit_to_deliberation(team, ctx, other)  # elsewhere (another window, a sync): announced on the hub
    hub.changed.emit(Changes.of_households([other]))
    assert second.basic.exit_status.text() == "未脱贫（导入）\n进行中：退出（脱贫） · 民主评议"
    assert second.basic.exit_year.text() == "—"
