"""Every item model of the editor passes Qt's model tester, also while rows come and go."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.household_editor.history_tab import HistoryModel
from fieldapp.gui.household_editor.income_tab import COLUMNS, IncomeModel
from fieldapp.services.context import AppContext
from tests.gui_editor.conftest import BoxAnswerer
from tests.gui_editor.sample import realistic_household

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(open_editor: Callable[..., HouseholdEditor], ctx: AppContext) -> HouseholdEditor:
    return open_editor(realistic_household(ctx))


def test_member_model(editor: HouseholdEditor, qtmodeltester, qtbot: QtBot,  # type: ignore[no-untyped-def]
                      boxes: BoxAnswerer) -> None:
    model = editor.members.model
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == "张建国"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "证件号码"
    editor.tabs.setCurrentWidget(editor.members)
    qtbot.mouseClick(editor.members.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 5
    editor.members.name_edit.setText("新成员")
    assert model.index(4, 0).data() == "新成员"
    boxes.answer("删除")
    qtbot.mouseClick(editor.members.remove_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 4


def test_measure_model(editor: HouseholdEditor, qtmodeltester, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    model = editor.measures.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert [model.index(r, 2).data() for r in range(3)] == ["3,600.00", "2,500.00", "800.00"]
    editor.tabs.setCurrentWidget(editor.measures)
    qtbot.mouseClick(editor.measures.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 4


def test_income_model(ctx: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = IncomeModel(ctx.ref)
    model.reset([{"year": 2018, "persons": 4, "wage": 2_400_000}])
    qtmodeltester.check(model)
    first = model.add_year(2017, 3)
    assert first == 0 and model.index(1, 0).data() == "2018"
    wage = model.index(0, COLUMNS.index("wage"))
    assert model.setData(wage, 90_000)
    assert model.index(0, COLUMNS.index("per_person")).data() == "300.00"
    assert not model.setData(model.index(0, COLUMNS.index("net")), 5)  # computed: read-only
    assert not model.setData(model.index(0, COLUMNS.index("persons")), 0)
    model.set_problems({(0, "wage"): "金额不能为负数"})
    assert model.index(0, COLUMNS.index("wage")).data(Qt.ItemDataRole.ToolTipRole) == "金额不能为负数"
    model.remove_row(0)
    assert model.rowCount() == 1


def test_history_model(editor: HouseholdEditor, ctx: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = HistoryModel(ctx, editor.household_id, page_size=3)
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    objects = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {"户", "成员 张建国", "收入 2017年", "指标 不愁吃", "措施 产业发展"} <= objects
    values = {(model.index(r, 2).data(), model.index(r, 4).data()) for r in range(model.rowCount())}
    assert ("工资性收入", "18,000.00") in values  # money in yuan
    assert ("包扶责任人", "王伟") in values  # a cadre id shown by name
    assert ("是否达标", "是") in values
    empty = HistoryModel(ctx, None)
    qtmodeltester.check(empty)
    assert not empty.canFetchMore(QModelIndex()) and empty.rowCount() == 0
