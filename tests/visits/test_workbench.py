"""The workbench lists, checked against a hand-built village."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from fieldapp.services import register, workbench
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.visits import FollowUpDraft, VisitDraft
from fieldapp.services.workbench import Scope

TODAY = dt.date(2025, 3, 15)
LONG_AGO = dt.date(2020, 1, 1)


@dataclass
class Village:
    visited: str  # mine, visited 5 days ago; income below the 2023 line; all indicators met
    stale: str  # mine, visited in January; food unmet; income above the line
    never: str  # mine, never visited; income of 2024 (no line shipped for 2024)
    others: str  # paired with another cadre, never visited; housing unmet
    colleague: str
    follow_ups: dict[str, str]  # text → id


def _income(ctx: AppContext, household: str, year: int, wage_yuan: int, persons: int = 2) -> None:
    record = register.load_record(ctx.db, household)
    record.incomes.append({"year": year, "persons": persons, "wage": wage_yuan * 100})
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, household), today=TODAY)


def _indicators(ctx: AppContext, household: str, unmet: set[str]) -> None:
    record = register.load_record(ctx.db, household)
    record.indicators = [{"code": code, "met": code not in unmet, "checked_on": dt.date(2025, 1, 2)}
                         for code in ("food", "clothing", "housing_safety")]
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, household), today=TODAY)


@pytest.fixture
def village(ctx: AppContext, make_household: Callable[..., str], make_cadre: Callable[..., str], me: str) -> Village:
    colleague = make_cadre("赵敏")
    visited = make_household("甲户", identified_on=LONG_AGO, cadre_id=me)
    stale = make_household("乙户", identified_on=LONG_AGO, cadre_id=me)
    never = make_household("丙户", identified_on=LONG_AGO, cadre_id=me)
    others = make_household("丁户", identified_on=LONG_AGO, cadre_id=colleague)
    ids: dict[str, str] = {}

    def visit(household: str, day: dt.date, cadre: str, *follow_ups: tuple[str, dt.date, dt.date | None]) -> None:
        draft = VisitDraft(date=day, type="01", household_id=household, found="走访", cadre_ids=[cadre],
                           follow_ups=[FollowUpDraft(t, due, done) for t, due, done in follow_ups])
        svc.save_visit(ctx, draft, today=TODAY)
        ids.update({f.text or "": f.id or "" for f in draft.follow_ups})

    visit(visited, dt.date(2025, 3, 10), me, ("过期的事", dt.date(2025, 3, 12), None),
          ("快到期的事", dt.date(2025, 3, 17), None), ("远期的事", dt.date(2025, 4, 30), None),
          ("办完的事", dt.date(2025, 3, 11), dt.date(2025, 3, 11)))
    visit(stale, dt.date(2025, 1, 20), colleague, ("同事在我户上的事", dt.date(2025, 3, 1), None))
    visit(others, dt.date(2025, 3, 12), colleague, ("同事自己的事", dt.date(2025, 3, 13), None))
    svc.delete_visit(ctx, svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 14), type="01", household_id=others,
                                                         found="记错了"), today=TODAY))
    # the mistaken visit is gone again: 丁户 counts as visited on 3-12 only
    _income(ctx, visited, 2023, 7000)  # 3500 元/人 < 8050
    _income(ctx, stale, 2023, 20000)  # 10000 元/人
    _income(ctx, never, 2024, 1000)
    _indicators(ctx, visited, set())
    _indicators(ctx, stale, {"food"})
    _indicators(ctx, others, {"housing_safety", "clothing"})
    return Village(visited, stale, never, others, colleague, ids)


def test_the_workbench_of_the_signed_in_cadre(ctx: AppContext, village: Village, me: str) -> None:
    board = workbench.load_workbench(ctx, today=TODAY)
    assert board.scope.cadre_id == me and board.not_visited_days == 30
    assert [h.household_id for h in board.my_households.items] == [village.visited, village.stale, village.never]
    assert not board.my_households.more
    # never visited first, then the longest ago; 甲户 was visited 5 days ago
    assert [(h.head_name, h.last_visit) for h in board.not_visited.items] == [
        ("丙户", None), ("乙户", dt.date(2025, 1, 20))]
    assert [(f.text, f.overdue, f.household_id) for f in board.follow_ups.items] == [
        ("同事在我户上的事", True, village.stale), ("过期的事", True, village.visited),
        ("快到期的事", False, village.visited)]
    assert board.follow_ups.items[1].follow_up_id == village.follow_ups["过期的事"]
    assert [(e.household_id, e.unmet) for e in board.unmet_indicators.items] == [(village.stale, ("food",))]
    [poor] = board.below_line.items
    assert (poor.household_id, poor.year, poor.per_person_income, poor.line) == (village.visited, 2023, 350000, 805000)
    assert board.years_without_line == (2024,)
    assert board.notes == ["参考数据中没有 2024 年的监测线，未能判断该年度收入是否低于监测线"]


def test_the_village_scope_without_a_signed_in_cadre(ctx: AppContext, village: Village) -> None:
    ctx.settings["cadre_id"] = ""
    board = workbench.load_workbench(ctx, today=TODAY)
    assert board.scope.cadre_id is None and board.my_households.items == ()
    assert {h.household_id for h in board.not_visited.items} == {village.never, village.stale}
    assert [f.text for f in board.follow_ups.items] == ["同事在我户上的事", "过期的事", "同事自己的事", "快到期的事"]
    assert {(e.household_id, e.unmet) for e in board.unmet_indicators.items} == {
        (village.stale, ("food",)), (village.others, ("clothing", "housing_safety"))}


def test_the_setting_n_and_the_limits(ctx: AppContext, village: Village) -> None:
    ctx.settings["not_visited_days"] = 60
    board = workbench.load_workbench(ctx, today=TODAY, limit=1)
    assert [h.head_name for h in board.not_visited.items] == ["丙户"] and not board.not_visited.more
    assert len(board.follow_ups.items) == 1 and board.follow_ups.more
    assert len(board.my_households.items) == 1 and board.my_households.more
    with ctx.db.read() as conn:
        rest = workbench.my_households(conn, board.scope.cadre_id, after=board.my_households.items[0].household_id)
    assert [h.household_id for h in rest.items] == [village.stale, village.never]


def test_completing_a_follow_up_takes_it_off_the_workbench(ctx: AppContext, village: Village) -> None:
    svc.set_follow_up_done(ctx, village.follow_ups["过期的事"], dt.date(2025, 3, 15), today=TODAY)
    board = workbench.load_workbench(ctx, today=TODAY)
    assert "过期的事" not in [f.text for f in board.follow_ups.items]


def test_unsynced_changes_count_this_devices_changes(ctx: AppContext, village: Village) -> None:
    assert ctx.identity is not None
    with ctx.db.read() as conn:
        before = workbench.unsynced_changes(conn, ctx.identity.device_id)
        assert before == ctx.db.scalar("SELECT count(*) FROM change_log")
        assert workbench.unsynced_changes(conn, "another-device") == 0
    svc.save_visit(ctx, VisitDraft(date=TODAY, type="01", household_id=village.never, found="新"), today=TODAY)
    board = workbench.load_workbench(ctx, today=TODAY)
    assert board.unsynced > before
    assert board.not_visited.items[0].head_name == "乙户"


def test_without_any_line_nothing_is_called_below_it(ctx: AppContext, village: Village, me: str) -> None:
    with ctx.db.read() as conn:
        assert workbench.income_years(conn, Scope(me)) == [2023, 2024]
        assert workbench.below_line(conn, Scope(me), {}).items == ()
        assert [e.household_id for e in workbench.below_line(conn, Scope(me), {2024: 10_000_00}).items] == [
            village.never]
