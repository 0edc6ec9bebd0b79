"""HouseholdTableModel: keyset paging, display of codes and money, sorting, filtering, model sanity."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from fieldapp.domain.search import full_pinyin
from fieldapp.gui.household_model import COLUMN_KEYS, HOUSEHOLD_ID_ROLE, HouseholdTableModel
from fieldapp.services.context import AppContext
from fieldapp.store.queries import HouseholdQuery

pytestmark = pytest.mark.gui

NAMES = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八", "冯九", "陈十", "褚十一", "卫十二"]


@pytest.fixture
def twelve(make_household: Callable[..., str]) -> list[str]:
    return [make_household(name) for name in NAMES]


def col(key: str) -> int:
    return COLUMN_KEYS.index(key)


def column_values(model: HouseholdTableModel, key: str) -> list[str]:
    return [model.data(model.index(r, col(key))) for r in range(model.rowCount())]


def test_pages_are_fetched_one_at_a_time(ctx: AppContext, twelve: list[str]) -> None:
    model = HouseholdTableModel(ctx, page_size=5)
    assert model.total() == 12
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: no change
    assert model.rowCount() == 12

    ids = [model.household_id(r) for r in range(12)]
    assert sorted(ids) == sorted(twelve)  # every household exactly once across the pages
    names = column_values(model, "head_name")
    key = full_pinyin if model.query().sort == "head_pinyin" else str
    assert names == sorted(names, key=key)  # default sort: head name, continued across page boundaries


def test_page_size_comes_from_settings(ctx: AppContext, twelve: list[str]) -> None:
    ctx.settings["page_size"] = 7
    model = HouseholdTableModel(ctx)
    assert model.rowCount() == 7
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12


def test_rows_inserted_signal_per_page(ctx: AppContext, twelve: list[str], qtbot: Any) -> None:
    model = HouseholdTableModel(ctx, page_size=5)
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.fetchMore(QModelIndex())
    _parent, first, last = blocker.args
    assert (first, last) == (5, 9)


def test_exact_multiple_of_page_size_knows_it_is_exhausted(ctx: AppContext, twelve: list[str]) -> None:
    model = HouseholdTableModel(ctx, page_size=6)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())


def test_display_labels_money_and_cadre(ctx: AppContext, make_household: Callable[..., str],
                                        save_income: Callable[[str, int, int], None]) -> None:
    hid = make_household("张三明", members=3, group_no=4, attribute="04", exit_status="1", main_cause="02",
                         cadre_id=ctx.settings["cadre_id"])
    save_income(hid, 2024, 1_234_567)  # 12 345.67 yuan for the household → 4 115.22 per person
    model = HouseholdTableModel(ctx)
    row = model.row_of(hid)
    assert row == 0

    def shown(key: str) -> Any:
        return model.data(model.index(row, col(key)))

    assert shown("head_name") == "张三明"
    assert shown("group_no") == "4"
    assert shown("member_count") == "3"
    assert shown("attribute") == "低保贫困户"
    assert shown("exit_status") == ctx.ref["exit_status"].label("1")
    assert shown("main_cause") == "因残"
    assert shown("cadre_id") == "王伟"
    assert shown("per_person_income") == "4,115.22"
    align = model.data(model.index(row, col("per_person_income")), Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(row, 0), HOUSEHOLD_ID_ROLE) == hid


def test_a_renamed_cadre_shows_after_a_refresh_not_a_search(ctx: AppContext,
                                                            make_household: Callable[..., str]) -> None:
    """A search keeps the cadre names already read (it changes none); a refresh after a write reads them again."""
    from fieldapp.store.models import Cadre

    hid = make_household("张三明", cadre_id=ctx.settings["cadre_id"])
    model = HouseholdTableModel(ctx)
    with ctx.writer.transaction() as txn:
        txn.update(Cadre, ctx.settings["cadre_id"], {"name": "王伟明"})

    def shown() -> Any:
        return model.data(model.index(model.row_of(hid), col("cadre_id")))

    model.setQuery(HouseholdQuery(text="张"))
    assert shown() == "王伟"
    model.refresh()
    assert shown() == "王伟明"


def test_headers(ctx: AppContext) -> None:
    model = HouseholdTableModel(ctx)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["户编号", "户主", "组", "人口", "贫困户属性", "脱贫状态", "流程/环节", "主要致贫原因",
                       "包扶责任人", "人均纯收入(元)"]


def test_sort_by_column_resets_and_orders(ctx: AppContext, twelve: list[str], qtbot: Any) -> None:
    model = HouseholdTableModel(ctx, page_size=5)
    by_name = column_values(model, "head_name")
    with qtbot.waitSignal(model.modelReset):
        model.sort(col("hh_no"), Qt.SortOrder.DescendingOrder)
    numbers = column_values(model, "hh_no")
    assert model.rowCount() == 5  # a sort starts again from the first page
    assert numbers == sorted(numbers, reverse=True)
    assert column_values(model, "head_name") != by_name
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    all_numbers = column_values(model, "hh_no")
    assert all_numbers == sorted(all_numbers, reverse=True) and len(all_numbers) == 12
    assert model.query().sort == "hh_no" and model.query().descending


def test_set_query_filters_and_counts(ctx: AppContext, twelve: list[str], make_household: Callable[..., str]) -> None:
    other = make_household("钱多多", main_cause="07")
    model = HouseholdTableModel(ctx, page_size=5)
    model.setQuery(HouseholdQuery(filters={"main_cause": "07"}))
    assert model.total() == 1
    assert [model.household_id(r) for r in range(model.rowCount())] == [other]
    model.setQuery(HouseholdQuery(text="钱"))
    assert model.total() == 2
    assert sorted(column_values(model, "head_name")) == ["钱二", "钱多多"]


def test_refresh_keeps_query_and_loaded_rows(ctx: AppContext, twelve: list[str],
                                             make_household: Callable[..., str]) -> None:
    model = HouseholdTableModel(ctx, page_size=5)
    model.setQuery(HouseholdQuery(sort="hh_no"))
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    make_household("阿新")
    model.refresh()
    assert model.query().sort == "hh_no"
    assert model.rowCount() >= 10
    assert model.total() == 13


def test_modeltester_with_data(ctx: AppContext, twelve: list[str], qtmodeltester: Any) -> None:
    model = HouseholdTableModel(ctx, page_size=5)
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_modeltester_with_filter(ctx: AppContext, twelve: list[str], qtmodeltester: Any) -> None:
    model = HouseholdTableModel(ctx, HouseholdQuery(text="zy"), page_size=5)  # 赵一
    assert model.total() == 1
    qtmodeltester.check(model)
    model.setQuery(HouseholdQuery(text="没有这个人"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_modeltester_after_sort(ctx: AppContext, twelve: list[str], qtmodeltester: Any) -> None:
    # The tester is attached after each sort, on a fresh model: Qt's QAbstractItemModelTester runs its
    # checks (which call fetchMore) from its modelReset slot before it clears its own "reset in flight"
    # state, so any attached tester reports a false "rows inserted during reset" on a paged model.
    for column, order in ((col("group_no"), Qt.SortOrder.DescendingOrder),
                          (col("per_person_income"), Qt.SortOrder.AscendingOrder),
                          (col("cadre_id"), Qt.SortOrder.DescendingOrder)):
        model = HouseholdTableModel(ctx, page_size=5)
        model.sort(column, order)
        assert model.rowCount() == 5
        qtmodeltester.check(model)  # (the tester itself fetches a page)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == 12


def test_empty_register(ctx: AppContext, qtmodeltester: Any) -> None:
    model = HouseholdTableModel(ctx)
    assert model.rowCount() == 0 and model.total() == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
