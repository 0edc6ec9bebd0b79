"""The 挂图作战 page: the four charts of the chosen scope, a click on a number lists its households,
a household opens from the list, the poster is written from the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fieldapp.domain import charts as ch
from fieldapp.gui.charts.page import ChartsPage
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from tests.helpers.charts import add_measure, two_town_district


def _page(ctx: AppContext, qtbot: QtBot, tasks: SyncTaskManager, hub: ChangeHub | None = None) -> ChartsPage:
    page = ChartsPage(ctx, tasks, hub=hub or ChangeHub(), today=dt.date(2026, 6, 15))
    qtbot.addWidget(page)
    page.resize(1300, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def _click(qtbot: QtBot, page: ChartsPage, tab: int, caption: str) -> None:
    """Click the hotspot with ``caption`` on chart ``tab`` where it is drawn on the screen."""
    page.tabs.setCurrentIndex(tab)
    canvas = page.canvases[tab]
    assert canvas.chart is not None
    spot = next(h for h in canvas.chart.hotspots if h.caption == caption)
    point = canvas.to_widget(spot.x + spot.w / 2, spot.y + spot.h / 2)
    assert canvas.hotspot_at(point.x(), point.y()) == spot  # the click lands on it, nothing smaller covers it
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(point.x()), round(point.y())))


def test_scopes_and_charts_of_the_district(ctx: AppContext, make_household: Callable[..., str], qtbot: QtBot,
                                           sync_tasks: SyncTaskManager) -> None:
    ids = two_town_district(ctx, make_household)
    page = _page(ctx, qtbot, sync_tasks)
    names = [page.scope.itemText(i).strip() for i in range(page.scope.count())]
    assert names == ["商州区", "北宽坪镇", "东村", "西村", "杨峪河镇", "南村"]
    assert page.shown is not None and page.shown.charts.scope.level == ch.DISTRICT
    assert page.shown.charts.year == 2026
    assert [c.chart.title for c in page.canvases if c.chart] == ["贫困对象分布图", "计划措施细则图", "产业发展规划图",
                                                               "任务进度进展图"]
    assert "商州区 2026年" in page.as_of.text() and "数据截至" in page.as_of.text()
    for index, canvas in enumerate(page.canvases):  # each chart is painted: the map's and bars' colours show
        page.tabs.setCurrentIndex(index)
        image = canvas.grab().toImage()
        colours = {image.pixelColor(x, y).name()
                   for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 8, (index, colours)
    page.choose_scope(ids["east"])
    assert page.shown.charts.scope.name == "东村"
    assert [r.unit.name for r in page.shown.charts.distribution.rows] == ["1组", "2组"]


def test_a_click_on_a_number_lists_its_households_and_opens_one(
        ctx: AppContext, make_household: Callable[..., str], qtbot: QtBot, sync_tasks: SyncTaskManager,
        qtmodeltester: Any) -> None:
    ids = two_town_district(ctx, make_household)
    page = _page(ctx, qtbot, sync_tasks)
    _click(qtbot, page, 0, "北宽坪镇：已脱贫户")
    assert page.caption.text() == "北宽坪镇：已脱贫户：2户"
    qtmodeltester.check(page.model)
    assert sorted(page.model.rows[i].head_name for i in range(page.model.rowCount())) == ["丁四", "乙二"]
    assert {page.model.data(page.model.index(i, 2)) for i in range(2)} == {"东村", "西村"}

    _click(qtbot, page, 3, "5月脱贫户")
    assert [r.household_id for r in page.model.rows] == [ids["F"]]
    assert page.model.data(page.model.index(0, 1)) == "己六" and page.model.data(page.model.index(0, 4)) == "5"

    page.table.selectRow(0)
    assert page.open_button.isEnabled()
    editor = page.open_selected()
    assert editor is not None and page.hub.editors.open("household", ids["F"], lambda: None) is editor
    editor.close()


def test_the_page_follows_a_change_of_the_register(ctx: AppContext, make_household: Callable[..., str],
                                                   qtbot: QtBot, sync_tasks: SyncTaskManager) -> None:
    ids = two_town_district(ctx, make_household)
    hub = ChangeHub()
    page = _page(ctx, qtbot, sync_tasks, hub)
    assert page.shown is not None and page.shown.charts.measures.planned.value == 3
    add_measure(ctx, ids["C"], "health", amount=10_000, on=dt.date(2026, 2, 2))
    with qtbot.waitSignal(hub.changed):
        hub.announce(Changes(households=frozenset({ids["C"]})))
    assert page.shown.charts.measures.planned.value == 4


def test_the_poster_is_written_from_the_page(ctx: AppContext, make_household: Callable[..., str], qtbot: QtBot,
                                             sync_tasks: SyncTaskManager, tmp_path: Path) -> None:
    two_town_district(ctx, make_household)
    page = _page(ctx, qtbot, sync_tasks)
    page.paper.setCurrentText("A1")
    out = tmp_path / "wall.pdf"
    page.print_poster(str(out))
    assert out.read_bytes().startswith(b"%PDF") and str(out) in page.as_of.text()


def test_the_keyboard_walks_the_numbers_and_enter_lists_the_households(
        ctx: AppContext, make_household: Callable[..., str], qtbot: QtBot, sync_tasks: SyncTaskManager) -> None:
    two_town_district(ctx, make_household)
    page = _page(ctx, qtbot, sync_tasks)
    page.tabs.setCurrentIndex(0)
    canvas = page.canvases[0]
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    assert canvas.chart is not None
    target = next(h for h in canvas.chart.hotspots if h.caption == "杨峪河镇：未脱贫户")
    for _ in range(len(canvas.chart.hotspots)):
        if canvas.focused == target:
            break
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.focused == target
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert page.caption.text() == "杨峪河镇：未脱贫户：1户"
    assert [r.head_name for r in page.model.rows] == ["戊五"]
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.focused != target
