"""Page 工作台: its lists against a hand-built village; each entry opens the record it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.gui.visits.workbench_page import WorkbenchPage
from fieldapp.services import register
from fieldapp.services.context import AppContext
from tests.gui_visits.conftest import REGISTERED, close_quietly

TODAY = dt.date.today()


@dataclass
class Village:
    visited: str
    stale: str
    never: str
    others: str
    overdue_visit: str


def _save(ctx: AppContext, household: str, *, income: int | None = None, unmet: set[str] | None = None) -> None:
    record = register.load_record(ctx.db, household)
    if income is not None:
        record.incomes = [{"year": 2023, "persons": 2, "wage": income * 100}]
    if unmet is not None:
        record.indicators = [{"code": c, "met": c not in unmet, "checked_on": REGISTERED}
                             for c in ("food", "clothing", "housing_safety")]
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, household))


@pytest.fixture
def village(ctx: AppContext, make_household: Callable[..., str], make_cadre: Callable[..., str], me: str,
            add_visit: Callable[..., str]) -> Village:
    colleague = make_cadre("赵敏")
    visited = make_household("甲户", identified_on=REGISTERED, cadre_id=me)
    stale = make_household("乙户", identified_on=REGISTERED, cadre_id=me)
    never = make_household("丙户", identified_on=REGISTERED, cadre_id=me)
    others = make_household("丁户", identified_on=REGISTERED, cadre_id=colleague)
    day = TODAY - dt.timedelta(days=5)
    overdue_visit = add_visit(visited, day, follow_ups=[
        ("过期的事", TODAY - dt.timedelta(days=2), None), ("快到期的事", TODAY + dt.timedelta(days=2), None),
        ("远期的事", TODAY + dt.timedelta(days=40), None), ("办完的事", day, day)])
    add_visit(stale, TODAY - dt.timedelta(days=60))
    add_visit(others, TODAY - dt.timedelta(days=1), cadres=[colleague])
    _save(ctx, visited, income=7000, unmet=set())  # 3,500元/人 < 8,050 (2023 line of 611002)
    _save(ctx, stale, income=30000, unmet={"food"})
    _save(ctx, others, unmet={"housing_safety"})
    return Village(visited, stale, never, others, overdue_visit)


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot, sync_tasks: SyncTaskManager, village: Village) -> WorkbenchPage:
    widget = WorkbenchPage(ctx, sync_tasks)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _children(item: QTreeWidgetItem | None) -> list[str]:
    assert item is not None
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_lists_match_the_hand_built_village(ctx: AppContext, page: WorkbenchPage, village: Village) -> None:
    titles = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    unsynced = ctx.db.scalar("SELECT count(*) FROM change_log")
    assert titles == ["到期/逾期事项（2）", "30天未走访（2）", "两不愁三保障未达标（1）",
                      "人均收入低于监测线（监测线：2023年 8,050.00元）（1）", "建议纳入监测（1）", "我的包扶户（3）",
                      f"未同步修改 {unsynced} 条"]
    proposed = page.section("monitoring").child(0)  # the same household, at or below the line, no workflow
    assert proposed.text(0).startswith("甲户") and "不高于监测线 8,050.00元" in proposed.text(1)
    follow_ups = page.section("follow_ups")
    assert _children(follow_ups) == ["过期的事 — 甲户", "快到期的事 — 甲户"]
    assert follow_ups.child(0).text(1) == f"已逾期 2 天（{TODAY - dt.timedelta(days=2)} 到期）"
    assert follow_ups.child(0).foreground(0).color().name() == "#c62828"
    assert follow_ups.child(1).foreground(0).color().name() != "#c62828"
    assert [c.split("（")[0] for c in _children(page.section("not_visited"))] == ["丙户", "乙户"]
    assert page.section("not_visited").child(0).text(1) == "从未走访"
    assert page.section("indicators").child(0).text(1) == "未达标：不愁吃"
    assert page.section("below_line").child(0).text(1) == "2023年人均纯收入 3,500.00元，低于监测线 8,050.00元"
    assert [c.split("（")[0] for c in _children(page.section("mine"))] == ["甲户", "乙户", "丙户"]


def test_entries_open_their_records(ctx: AppContext, page: WorkbenchPage, village: Village, qtbot: QtBot) -> None:
    item = page.section("indicators").child(0)
    page.tree.setCurrentItem(item)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter (or a double-click) activates the entry
    editor = page.editor
    assert isinstance(editor, HouseholdEditor) and editor.household_id == village.stale
    close_quietly(editor)
    form = page.open_item(page.section("follow_ups").child(0))
    assert isinstance(form, VisitForm) and form.visit_id == village.overdue_visit
    model = form.follow_ups.model
    row = next(i for i, r in enumerate(model.rows) if r["text"] == "过期的事")
    model.setData(model.index(row, 2), TODAY.isoformat())
    with qtbot.waitSignal(page.refreshed):
        assert form.save()
    assert _children(page.section("follow_ups")) == ["快到期的事 — 甲户"]
    assert page.open_item(page.section("mine").child(0).parent()) is None  # a section title names nothing


def test_the_days_setting_is_edited_on_the_page(ctx: AppContext, page: WorkbenchPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.refreshed, timeout=3000):
        page.days.setValue(90)
    assert ctx.settings["not_visited_days"] == 90
    assert page.section("not_visited").text(0) == "90天未走访（1）"
    assert _children(page.section("not_visited"))[0].startswith("丙户")


def test_a_visit_saved_anywhere_refreshes_it(ctx: AppContext, page: WorkbenchPage, village: Village,
                                             qtbot: QtBot) -> None:
    form = VisitForm(ctx, village.never, tasks=page.tasks, hub=page.hub)
    qtbot.addWidget(form, before_close_func=close_quietly)
    form.found_text.setPlainText("第一次来")
    with qtbot.waitSignal(page.refreshed), qtbot.waitSignal(form.saved):
        form.save()
    assert [c.split("（")[0] for c in _children(page.section("not_visited"))] == ["乙户"]
