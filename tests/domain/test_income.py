"""Yearly income: net income with production costs subtracted, per-person income rounding."""

from __future__ import annotations

import pytest

from fieldapp.domain import income, refdata


def test_net_income_adds_every_income_and_subtracts_production_cost() -> None:
    row = {
        "wage": 1_000_00, "production": 500_00, "production_cost": 200_00, "transfer_dibao": 30_00,
        "transfer_tekun": 40_00, "transfer_pension": 50_00, "transfer_family_planning": 60_00, "transfer_eco": 70_00,
        "transfer_other": 80_00, "property_dividend": 90_00, "property_other": 1_00,
    }
    expected = 1_000_00 + 500_00 - 200_00 + 30_00 + 40_00 + 50_00 + 60_00 + 70_00 + 80_00 + 90_00 + 1_00
    assert income.net_income(row) == expected


def test_missing_and_none_fields_count_as_zero_and_other_keys_are_ignored() -> None:
    assert income.net_income({}) == 0
    assert income.net_income({"wage": None, "production_cost": 300}) == -300
    assert income.net_income({"wage": 700, "persons": 4, "year": 2024}) == 700


def test_production_cost_can_make_net_income_negative() -> None:
    assert income.net_income({"production": 100, "production_cost": 250}) == -150


@pytest.mark.parametrize("net,persons,expected", [
    (1000, 3, 333),  # 333.33 → 333
    (1001, 2, 501),  # 500.5 → 501 (half up)
    (999, 2, 500),  # 499.5 → 500
    (1000, 4, 250),
    (5, 3, 2),  # 1.67 → 2
    (4, 3, 1),  # 1.33 → 1
    (0, 5, 0),
    (1_234_567, 7, 176367),  # 176366.71
])
def test_per_person_rounds_half_up(net: int, persons: int, expected: int) -> None:
    assert income.per_person(net, persons) == expected


@pytest.mark.parametrize("persons", [0, None, -1])
def test_per_person_without_a_household_size_is_none(persons: int | None) -> None:
    assert income.per_person(1000, persons) is None


def test_income_fields_match_the_reference_list_and_its_signs() -> None:
    items = refdata.RefData()["income_item"]
    assert {c.code for c in items.codes} == set(income.INCOME_FIELDS)
    for c in items.codes:
        assert c.attrs["sign"] == income.INCOME_FIELDS[c.code], c.code
