"""贫困发生率 computed from the register, worked out by hand on a small register, and the exit judgement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from fieldapp.domain import targets as rules
from fieldapp.services.context import AppContext
from fieldapp.services.targets import incidence as inc
from fieldapp.services.targets import records
from fieldapp.services.targets.areas import area_tree
from fieldapp.store.models import Workflow
from tests.targets.helpers import small_register


def _population(ctx: AppContext, village: str, year: int, people: int) -> None:
    record = records.village_year(ctx.db, ctx.ref, village, year)
    records.save_village_year(ctx, replace(record, rural_population=people), record)


@pytest.fixture
def register(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    h = small_register(ctx, make_household)
    for year in (2023, 2024, 2025):
        _population(ctx, h["east"], year, 400)
    _population(ctx, h["west"], 2024, 300)
    return h


def test_who_counts_as_poor_at_the_end_of_each_year(ctx: AppContext, register: dict[str, str]) -> None:
    east = register["east"]
    # 2023: H1 3 (a member deleted), H2 2 (typed exit in 2024), H4 1 (返贫), H7 5 and H8 3 (exits in 2024/2025)
    y2023 = inc.incidence(ctx.db, ctx.ref, east, 2023)
    assert (y2023.poor_households, y2023.poor_people, y2023.population) == (5, 14, 400)
    assert y2023.percent == Decimal("3.50")
    # 2024: H2 and H7 (its exit passed on 31 December) have exited; H8 passed on 1 January 2025
    y2024 = inc.incidence(ctx.db, ctx.ref, east, 2024)
    assert (y2024.poor_households, y2024.poor_people) == (3, 7)
    assert y2024.percent == Decimal("1.75")
    # 2025: H8 out, H5 (identified in March 2025) in; H3 (exited), H6 (deleted), H9 (applicant) never count
    y2025 = inc.incidence(ctx.db, ctx.ref, east, 2025)
    assert (y2025.poor_households, y2025.poor_people) == (3, 6)
    assert y2025.percent == Decimal("1.50")


def test_a_state_migrations_exit_is_dated_by_the_typed_exit_year(ctx: AppContext, register: dict[str, str],
                                                                  make_household: Callable[..., str]) -> None:
    """Migration 0011 turned typed statuses into imported workflows, dated by the migration, not the exit."""
    hid = make_household("丙一", members=2, legacy=True, exit_status="1", exit_year=2025)
    with ctx.writer.transaction() as txn:
        txn.insert(Workflow, {"household_id": hid, "kind": "exit", "started_at": 0, "origin": "imported",
                              "imported_value": "1"})
    assert inc.incidence(ctx.db, ctx.ref, register["east"], 2024).poor_people == 7 + 2
    assert inc.incidence(ctx.db, ctx.ref, register["east"], 2025).poor_people == 6


def test_a_town_and_the_district_add_their_villages_and_name_a_missing_population(
        ctx: AppContext, register: dict[str, str]) -> None:
    tree = area_tree(ctx.db)
    town = tree.get(register["east"]).parent_id  # type: ignore[union-attr]
    district = tree.get(town).parent_id  # type: ignore[union-attr,arg-type]
    # 2024: 东村 7 of 400, 西村 1 of 300 → 8 / 700 = 1.142857… → 1.14
    for area in (town, district):
        found = inc.incidence(ctx.db, ctx.ref, area, 2024)  # type: ignore[arg-type]
        assert (found.poor_people, found.population, found.percent) == (8, 700, Decimal("1.14"))
    # 2025: 西村 has no population recorded: no rate, and the village is named
    found = inc.incidence(ctx.db, ctx.ref, town, 2025)  # type: ignore[arg-type]
    assert found.percent is None and found.population is None
    assert found.missing_population == (register["west"],) and found.poor_people == 7


def test_the_village_exit_judgement_names_what_is_missing(ctx: AppContext, register: dict[str, str]) -> None:
    east = register["east"]
    view = inc.village_exit(ctx.db, ctx.ref, east, 2023)
    assert view.standard.incidence_below == Decimal("3")  # 商州区 611002: Shaanxi, in the west
    assert view.standard.income_at_least == 5_000_000
    codes = [s.code for s in view.judgement.missing]
    assert codes == [rules.INCIDENCE, rules.NO_INCOME, "road", "water", "electricity", "clinic", "school",
                     "broadband"]
    assert rules.describe(view.judgement.missing[0], ctx.ref["village_indicator"]) == "贫困发生率 3.50% 未低于 3%"

    record = records.village_year(ctx.db, ctx.ref, east, 2024)
    every = {c: True for c in record.indicators}
    records.save_village_year(ctx, replace(record, poor_village=True, official_incidence=Decimal("1.80"),
                                           collective_income=4_999_999, indicators={**every, "school": False}),
                              record)
    view = inc.village_exit(ctx.db, ctx.ref, east, 2024)
    assert [s.code for s in view.judgement.missing] == [rules.INCOME, "school"]
    assert view.difference == Decimal("-0.05")  # computed 1.75 against the official 1.80
    assert rules.describe(view.judgement.missing[0], ctx.ref["village_indicator"]) == \
        "村集体经济收入 49999.99元 未达到 50000元"

    record = view.record
    records.save_village_year(ctx, replace(record, collective_income=5_000_000, indicators=every), record)
    assert inc.village_exit(ctx.db, ctx.ref, east, 2024).judgement.met


def test_without_a_population_the_incidence_cannot_be_judged(ctx: AppContext, register: dict[str, str]) -> None:
    view = inc.village_exit(ctx.db, ctx.ref, register["west"], 2025)
    assert view.computed is None
    assert view.judgement.missing[0].code == rules.NO_POPULATION
