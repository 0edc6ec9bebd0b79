"""Households decided while the file is read: a household reached again far down the file (more of its
rows, or an ID number a later household shares) is decided again, as if its rows had been together.

The households between are more than a batch (:data:`fieldapp.services.excel.plan.BATCH`), so the first
part is decided before the later rows are read. CSV files: the grouping and deciding are the same as for
.xlsx, and they are quick to write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.excel.apply import apply_plan
from fieldapp.services.excel.plan import BATCH, Plan, build_plan
from fieldapp.store.models import Household, Member
from tests.excel.conftest import household, person, write_csv
from tests.helpers.idgen import resident_id

FILLER = BATCH + 100


def _id(n: int) -> str:
    return resident_id(n % 1000, dt.date(1940, 1, 1) + dt.timedelta(days=n))  # apart from make_household's


def _filler(count: int = FILLER) -> list[dict[str, Any]]:
    """``count`` good one-person households, 户编号 6110021060000001…"""
    return [row for n in range(1, count + 1) for row in household(f"61100210600{n:05d}", [person(f"户主{n}", _id(n))])]


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[[list[dict[str, Any]]], Path]:
    counter = iter(range(1, 1000))

    def make(rows: list[dict[str, Any]]) -> Path:
        return write_csv(tmp_path / f"file{next(counter)}.csv", rows)

    return make


def _entries(plan: Plan) -> dict[str | None, Any]:
    return {e.hh_no: e for e in plan.entries}


def _members(ctx: AppContext, hh_no: str) -> list[tuple[str, str]]:
    h, m = Household.__table__, Member.__table__
    with ctx.db.read() as conn:
        return sorted((r.name, r.id_no) for r in conn.execute(
            select(m.c.name, m.c.id_no).join(h, h.c.id == m.c.household_id).where(h.c.hh_no == hh_no)))


def test_a_household_whose_rows_reappear_far_down_is_decided_as_one(
        ctx: AppContext, csv_file: Callable[[list[dict[str, Any]]], Path]) -> None:
    split = household("6110021059000001", [person("甲", _id(5001)), person("甲妻", _id(5002), "配偶")])
    # no head in the first part: rejected at first, then created once its head's row is read
    headless = household("6110021059000002", [person("乙子", _id(5003), "之子"), person("乙", _id(5004))])
    together = csv_file([*split, *headless, *_filler()])
    apart = csv_file([split[0], headless[0], *_filler(), split[1], headless[1]])
    with build_plan(ctx, together) as plan:
        expected = {k: (e.status, e.head, e.people, e.message) for k, e in _entries(plan).items()}
    with build_plan(ctx, apart) as plan:
        entries = _entries(plan)
        assert {k: (e.status, e.head, e.people, e.message) for k, e in entries.items()} == expected
        assert [e.hh_no for e in plan.entries[:2]] == ["6110021059000001", "6110021059000002"]  # first seen, first
        assert entries["6110021059000001"].rows == [2, FILLER + 4]
        assert entries["6110021059000002"].rows == [3, FILLER + 5]
        assert expected["6110021059000002"][0] == "create" and not plan.rejected_rows
        assert any("6110021059000001、6110021059000002 的行不连续" in n for n in plan.notes)
        assert plan.op_count == FILLER + 2
        assert [op[0] for op in plan.iter_ops()] == list(range(FILLER + 2))  # in the order of the entries
        result = apply_plan(ctx, plan)
    assert (result.created, result.members_created) == (FILLER + 2, FILLER + 4)
    assert _members(ctx, "6110021059000001") == sorted([("甲", _id(5001)), ("甲妻", _id(5002))])
    assert _members(ctx, "6110021059000002") == sorted([("乙子", _id(5003)), ("乙", _id(5004))])
    with build_plan(ctx, apart) as again:
        assert again.counts() == {"create": 0, "update": 0, "unchanged": FILLER + 2, "rejected": 0}
        assert not again.has_writes


def test_a_later_part_that_conflicts_rejects_the_household_decided_before(
        ctx: AppContext, csv_file: Callable[[list[dict[str, Any]]], Path]) -> None:
    first = household("6110021059000011", [person("丙", _id(5011))])
    later = household("6110021059000011", [person("丙妻", _id(5012), "配偶")], 贫困户属性="低保贫困户")
    with build_plan(ctx, csv_file([*first, *_filler(), *later])) as plan:
        entry = plan.entries[0]
        assert (entry.hh_no, entry.status) == ("6110021059000011", "rejected")
        assert f"第{FILLER + 3}行 “贫困户属性”与本户第2行不一致" in entry.message
        assert set(plan.rejected_rows) == {2, FILLER + 3}
        assert plan.op_count == FILLER and 0 not in {op[0] for op in plan.iter_ops()}
        result = apply_plan(ctx, plan)
    assert result.created == FILLER and _members(ctx, "6110021059000011") == []


def test_an_id_number_in_two_households_far_apart_rejects_both(
        ctx: AppContext, csv_file: Callable[[list[dict[str, Any]]], Path]) -> None:
    shared = _id(5021)
    a = household("6110021059000021", [person("丁", _id(5020)), person("丁女", shared, "之女")])
    b = household("6110021059000022", [person("戊", _id(5022)), person("戊女", shared, "之女")])
    with build_plan(ctx, csv_file([*a, *_filler(), *b])) as plan:
        entries = _entries(plan)
        assert entries["6110021059000021"].status == "rejected"  # it was a "create" until row FILLER + 5
        assert f"第3行 证件号码 {shared} 也出现在第{FILLER + 5}行（户编号 6110021059000022）" in (
            entries["6110021059000021"].message)
        assert entries["6110021059000022"].status == "rejected"
        assert f"第{FILLER + 5}行 证件号码 {shared} 也出现在第3行（户编号 6110021059000021）" in (
            entries["6110021059000022"].message)
        assert plan.counts() == {"create": FILLER, "update": 0, "unchanged": 0, "rejected": 2}
        assert set(plan.rejected_rows) == {2, 3, FILLER + 4, FILLER + 5}
        assert plan.op_count == FILLER == len(list(plan.iter_ops()))
        apply_plan(ctx, plan)
    with ctx.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(Household.__table__).where(
            Household.__table__.c.hh_no.in_(["6110021059000021", "6110021059000022"]))).scalar() == 0


def test_an_update_reached_again_is_decided_with_all_its_rows(
        ctx: AppContext, csv_file: Callable[[list[dict[str, Any]]], Path], make_household: Callable[..., str],
) -> None:
    kept = make_household("己", hh_no="6110021059000031")
    head_id = register.load_record(ctx.db, kept).members[0]["id_no"]
    rows = [*household("6110021059000031", [person("己", head_id)]), *_filler(),
            *household("6110021059000031", [person("己孙", _id(5031), "之孙子")])]
    with build_plan(ctx, csv_file(rows)) as plan:
        entry = plan.entries[0]
        assert (entry.status, entry.rows) == ("update", [2, FILLER + 3])
        assert "新增成员 己孙" in entry.message
        ops = list(plan.iter_ops())
        assert [op[0] for op in ops] == list(range(FILLER + 1)) and ops[0][1] == "update"
        apply_plan(ctx, plan)
    assert ("己孙", _id(5031)) in _members(ctx, "6110021059000031")
