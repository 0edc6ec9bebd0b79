"""The 抽查 page and the workbench's 整改任务: marking from the keyboard, rectification reported and confirmed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.domain import spotcheck as sc
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.spotcheck.models import DrawModel, ItemModel, RectificationModel
from fieldapp.gui.spotcheck.page import SpotcheckPage
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.workbench_page import WorkbenchPage
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.spotcheck import checklist, draw, rectify
from tests.helpers.qt import sync_tasks  # noqa: F401  (fixture)


def _page(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> SpotcheckPage:
    page = SpotcheckPage(ctx, tasks, hub=hub)
    qtbot.addWidget(page)
    page.resize(1300, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_reviewer_marks_items_from_the_keyboard_and_confirms_the_rectification(
        ctx: AppContext, make_household: Callable[..., str], signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager, qtmodeltester: Any, tmp_path: Path) -> None:  # noqa: F811
    cadre = ctx.settings["cadre_id"]
    for i in range(5):
        make_household(f"户主{i}", cadre_id=cadre)
    reviewer = signed_in("township", name="乡审")
    made = draw.draw_sample(reviewer, level="village", area_id=villages(ctx)[0][0], percent=20, seed="gui")
    hub = ChangeHub()
    page = _page(qtbot, reviewer, sync_tasks, hub)
    assert page.draws.rowCount() == 1 and page.homes.count() == 1
    assert page.items.rowCount() == made.households[0].items
    for model in (page.draws, page.items, page.rects):
        qtmodeltester.check(model)
    page.item_view.setFocus()
    page.item_view.selectRow(0)
    qtbot.keyClick(page.item_view, Qt.Key.Key_Y)  # 正确, and on to the next item
    assert page.items.rows[0].result == sc.CORRECT and page.item_view.currentIndex().row() == 1
    qtbot.keyClick(page.item_view, Qt.Key.Key_1)
    assert page.items.rows[1].result == sc.CORRECT
    page.item_view.selectRow(2)
    page.mark(sc.INCORRECT, note="致贫原因应为因病")
    assert page.items.rows[2].result == sc.INCORRECT and page.items.data(page.items.index(2, 3)) == "不正确"
    assert page.rects.rowCount() == 1 and page.rects.rows[0].status == sc.OPEN
    assert "待整改" in page.rects.data(page.rects.index(0, 1))
    for model in (page.draws, page.items, page.rects):
        qtmodeltester.check(model)
    page.item_view.selectRow(2)
    qtbot.keyClick(page.item_view, Qt.Key.Key_Delete)  # cleared: the rectification is withdrawn
    assert page.items.rows[2].result is None and page.rects.rowCount() == 0
    page.mark(sc.INCORRECT, note="致贫原因应为因病")

    # the cadre's workbench lists it; reporting it done needs a note
    member = signed_in("member", name="王伟", cadre_id=cadre)
    bench = WorkbenchPage(member, sync_tasks, hub=ChangeHub())
    qtbot.addWidget(bench)
    bench.show()
    qtbot.waitExposed(bench)
    section = bench.section("rectifications")
    assert section is not None and section.childCount() == 1 and "致贫原因应为因病" in section.child(0).text(0)
    rect_id = page.rects.rows[0].id
    bench.report_rectification(rect_id, note="已改为因病")
    assert bench.section("rectifications").child(0).text(1) == "已报告完成，待审核员确认"

    page.refresh()
    assert page.rects.rows[0].status == sc.AWAITING
    page.rect_view.selectRow(0)
    page.confirm()
    assert page.rects.rows[0].status == sc.CLOSED
    assert rectify.get(reviewer.db, rect_id).on_time
    page.print_checklist(str(tmp_path / "checklist.pdf"))
    page.print_summary(str(tmp_path / "summary.pdf"))
    assert (tmp_path / "checklist.pdf").stat().st_size > 1000 and (tmp_path / "summary.pdf").stat().st_size > 1000
    assert checklist.get_draw(reviewer.db, made.draw_id).incorrect == 1


def test_the_models_with_no_rows(ctx: AppContext, qtmodeltester: Any) -> None:
    for model in (DrawModel(ctx.ref), ItemModel(ctx.ref), RectificationModel(ctx.ref)):
        qtmodeltester.check(model)


def test_the_page_is_in_the_main_window_of_reviewers_only(ctx: AppContext, signed_in: Callable[..., AppContext],
                                                          qtbot: QtBot, sync_tasks: SyncTaskManager) -> None:  # noqa: F811
    from fieldapp.gui.main_window import MainWindow

    for roles, shown in ((("township",), True), (("member",), False)):
        window = MainWindow(signed_in(*roles), sync_tasks)
        qtbot.addWidget(window)
        assert ("spotcheck" in window.page_keys()) is shown
        window.close()
