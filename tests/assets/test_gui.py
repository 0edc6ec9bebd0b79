"""The 资产台账 page and the household editor's 资产收益 tab, offscreen: the ledger model pages from SQL (checked with
qtmodeltester); a township reviewer records an asset, a year's income split to the fen and a signed damage through
the dialogs, each write announcing one change; a share over the income is said in the dialog and nothing saved;
the household editor shows the household's shares. Screenshots at 1366×700 go to FIELDAPP_SHOTS when it is set."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.domain import assets as rules
from fieldapp.gui.assets.models import LedgerModel
from fieldapp.gui.assets.page import AssetsPage
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.assets import records, service
from fieldapp.services.context import AppContext
from tests.assets.conftest import WAN, D, World
from tests.helpers.qt import sync_tasks  # noqa: F401  (fixture)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def _shot(widget: Any, name: str) -> None:
    folder = os.environ.get("FIELDAPP_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _fonts() -> None:
    """The bundled CJK font, as the app installs it, when screenshots are wanted."""
    if os.environ.get("FIELDAPP_SHOTS"):
        from PySide6.QtWidgets import QApplication

        from fieldapp.gui.fonts import register_bundled_font

        app = QApplication.instance()
        if isinstance(app, QApplication):
            register_bundled_font(app)


def _page(qtbot: QtBot, ctx: AppContext, tasks: SyncTaskManager, hub: ChangeHub) -> AssetsPage:
    _fonts()
    page = AssetsPage(ctx, tasks, hub=hub)
    qtbot.addWidget(page)
    page.resize(1366 - 140, 700 - 60)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_ledger_model_pages_from_sql(ctx: AppContext, world: World, accepted_project: str,
                                         qtmodeltester: Any) -> None:
    service.from_project(ctx, accepted_project, [service.AssetDraft(f"母牛 {i}", rules.OPERATING, 1000 + i, "村委会")
                                                 for i in range(25)])
    model = LedgerModel(ctx, page_size=10)
    model.load(records.Filter())
    assert (model.rowCount(), model.total) == (10, 25)
    qtmodeltester.check(model)
    while model.canFetchMore(model.index(-1, -1).parent()):
        model.fetchMore(model.index(-1, -1).parent())
    assert model.rowCount() == 25 and model.data(model.index(0, 3)) == "10.00"
    model.load(records.Filter(kind=rules.PUBLIC))
    assert model.rowCount() == 0 and not model.canFetchMore(model.index(-1, -1).parent())


def test_a_reviewer_records_an_asset_its_income_and_a_signed_damage(
        ctx: AppContext, world: World, accepted_project: str, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:  # noqa: F811
    township = signed_in("township", name="乡镇审核员")
    hub = ChangeHub()
    page = _page(qtbot, township, sync_tasks, hub)
    assert page.model.rowCount() == 0 and page.add_button.isEnabled() and not page.income_button.isEnabled()

    dialog = page.add_asset()
    dialog.name.setText("光伏电站 100kW")
    dialog.kind.setValue(rules.OPERATING)
    dialog.value.setText("600000")  # above the approved 50万: said in the dialog, nothing saved
    dialog.manager.setText("村股份经济合作社")
    dialog.location.setText("东村二组")
    _shot(dialog, "asset-add")
    dialog.buttons.accepted.emit()
    assert "超过项目“村级光伏电站”批复金额" in dialog.error.text() and dialog.isVisible()
    dialog.value.setText("420000")
    with qtbot.waitSignal(hub.changed) as changed:
        dialog.buttons.accepted.emit()
    assert changed.args[0].assets and not dialog.isVisible()
    assert page.model.rowCount() == 1 and page.view_of is not None and page.income_button.isEnabled()

    dialog = page.record_income()
    assert dialog is not None and dialog.table.rowCount() == 2  # the project's two beneficiaries
    dialog.year.setValue(2025)
    dialog.income.setText("30000.01")
    dialog.percent.setValue(100)
    dialog.split_evenly()
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["15000.01", "15000"]
    dialog.table.item(1, 1).setText("15000.01")
    assert "村集体留存 -0.01 元" in dialog.total.text()
    dialog.buttons.accepted.emit()
    assert "超过当年收益 30,000.01元（超出 0.01元）" in dialog.error.text()
    dialog.table.item(1, 1).setText("12000")
    _shot(dialog, "asset-income")
    with qtbot.waitSignal(hub.changed) as changed:
        dialog.buttons.accepted.emit()
    assert changed.args[0].assets and changed.args[0].households == {world.a, world.b}
    [line] = records.ledger(ctx.db)
    assert (line.income, line.distributed) == (3_000_001, 2_700_001)
    assert page.incomes.rowCount() == 1 and page.shares.rowCount() == 2
    assert page.incomes.item(0, 4).text() == "3,000.00"

    dialog = page.change(rules.DAMAGE)
    assert dialog is not None
    dialog.date.setValue(D(2026, 7, 12))
    dialog.buttons.accepted.emit()
    assert "请填写毁损原因" in dialog.error.text()
    dialog.reason.setPlainText("暴雨冲毁组件 12 块")
    _shot(dialog, "asset-damage")
    with qtbot.waitSignal(hub.changed):
        dialog.buttons.accepted.emit()
    assert records.get(ctx.db, line.id).state == "damaged" and page.events.rowCount() == 1
    assert page.events.item(0, 6).text() == "乡镇审核员（签字有效）"
    _shot(page, "assets-page")


def test_a_member_sees_the_ledger_but_records_nothing(
        ctx: AppContext, world: World, accepted_project: str, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:  # noqa: F811
    service.from_project(ctx, accepted_project, [service.AssetDraft("光伏电站", rules.OPERATING, 40 * WAN, "村委会")])
    page = _page(qtbot, signed_in("member"), sync_tasks, ChangeHub())
    assert page.model.rowCount() == 1 and page.view_of is not None
    assert not any(b.isEnabled() for b in (page.add_button, page.income_button, page.transfer_button,
                                           page.damage_button, page.dispose_button))
    assert page.print_button.isEnabled()


def test_the_household_editor_shows_the_households_shares(
        ctx: AppContext, world: World, accepted_project: str, qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:  # noqa: F811
    from fieldapp.gui.household_editor.dialog import HouseholdEditor

    [station] = service.from_project(ctx, accepted_project, [service.AssetDraft("光伏电站", rules.OPERATING, 40 * WAN,
                                                                                "村委会")])
    service.record_income(ctx, station, 2024, 2_000_000, shares={world.a: 800_000, world.b: 800_000})
    service.record_income(ctx, station, 2025, 2_100_000, shares={world.a: 840_001})
    hub = ChangeHub()
    _fonts()
    editor = HouseholdEditor(ctx, world.a, tasks=sync_tasks, hub=hub)
    qtbot.addWidget(editor)
    editor.resize(1000, 640)
    editor.show()
    tab = editor.asset_shares
    editor.tabs.setCurrentWidget(tab)
    texts = [[tab.table.item(r, c).text() for c in (0, 1, 4)] for r in range(tab.table.rowCount())]
    assert texts == [["2024", "光伏电站", "8,000.00"], ["2024年合计", "", "8,000.00"],
                     ["2025", "光伏电站", "8,400.01"], ["2025年合计", "", "8,400.01"]]
    _shot(editor, "household-editor-asset-shares")
    with qtbot.waitSignal(hub.changed):  # a later distribution elsewhere: the open tab follows
        from fieldapp.gui.ops import run_op
        from fieldapp.services.changes import Changes

        run_op(sync_tasks, hub, lambda: service.distribute(ctx, station, 2025, {world.a: 900_000}),
               changes=Changes(assets=True, households=frozenset({world.a})), parent=None)
    assert tab.table.item(2, 4).text() == "9,000.00"
    editor.close()
