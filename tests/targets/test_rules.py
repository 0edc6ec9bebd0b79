"""The pure rules: incidence rounding, official figures typed, target values, kinds, the exit standard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldapp.domain import targets as rules
from fieldapp.domain.refdata import CodeList, RefData, RefDataError, shipped


def test_incidence_is_rounded_half_up_to_two_decimals() -> None:
    assert rules.incidence_percent(1, 800) == Decimal("0.13")  # 0.125: half up, not to even
    assert rules.incidence_percent(3, 800) == Decimal("0.38")  # 0.375
    assert rules.incidence_percent(1, 3) == Decimal("33.33")
    assert rules.incidence_percent(2, 3) == Decimal("66.67")
    assert rules.incidence_percent(0, 10) == Decimal("0.00")
    assert rules.incidence_percent(5, 0) is None and rules.incidence_percent(5, None) is None


def test_the_judgement_compares_the_rounded_rate_shown() -> None:
    standard = rules.ExitStandard(Decimal("2"), 5_000_000, ())
    # 199.6 / 10000 = 1.996% shows as 2.00%: not below 2%
    shown = rules.incidence_percent(1996, 100_000)
    assert shown == Decimal("2.00")
    judged = rules.judge_village_exit(standard, incidence=shown, collective_income=5_000_000, indicators={})
    assert [s.code for s in judged.missing] == [rules.INCIDENCE]
    below = rules.judge_village_exit(standard, incidence=Decimal("1.99"), collective_income=5_000_000, indicators={})
    assert below.met


def test_official_figures_are_read_as_typed_or_refused() -> None:
    assert rules.parse_percent("2.35") == Decimal("2.35")
    assert rules.parse_percent(" 3% ") == Decimal("3")
    assert rules.parse_percent("") is None
    for bad, why in (("abc", "百分数"), ("101", "0到100"), ("-1", "0到100"), ("2.345", "两位小数"), ("NaN", "0到100")):
        with pytest.raises(ValueError, match=why):
            rules.parse_percent(bad)


def test_target_values_are_whole_numbers() -> None:
    assert rules.target_value_problem("1,200") == (1200, None)
    assert rules.target_value_problem(25.0) == (25, None)
    assert rules.target_value_problem(0) == (0, None)
    for bad in ("", None, True, 2.5, "-1", "十", 10**9):
        number, why = rules.target_value_problem(bad)
        assert number is None and why


def test_target_kinds_come_from_reference_data_and_a_district_adds_its_own(tmp_path: object) -> None:
    kinds = shipped()["target_kind"]
    assert [c.code for c in kinds.codes] == ["people_exit", "households_exit", "villages_out"]
    assert rules.kind_for("贫困村出列数", kinds) == "villages_out"
    assert rules.kind_for("脫貧人數", kinds) == "people_exit"  # the Traditional label
    assert rules.kind_problem("chickens", kinds) is not None
    assert rules.kind_label("industry_households", kinds) == "industry_households"  # a code not received yet
    rules.check_kinds(kinds)
    added = CodeList("target_kind", {}, "", (*kinds.codes, type(kinds.codes[0])("产业户数", {"zh-Hans": "产业户数"})))
    with pytest.raises(RefDataError, match="小写字母"):
        rules.check_kinds(added)


def test_the_exit_standard_is_the_most_specific_area_in_reference_data() -> None:
    ref = RefData()
    indicators = ref["village_indicator"]
    assert [c.code for c in indicators.codes] == ["road", "water", "electricity", "clinic", "school", "broadband"]
    assert all(set(c.label) == {"zh-Hans", "zh-Hant", "en"} for c in indicators.codes)
    west = rules.standard_for(ref.village_exit, "611002", indicators)
    east = rules.standard_for(ref.village_exit, "320102", indicators)
    unknown = rules.standard_for(ref.village_exit, "", indicators)
    assert (west.incidence_below, east.incidence_below, unknown.incidence_below) == (3, 2, 2)
    assert west.income_at_least == east.income_at_least == 5_000_000
    assert "5万元" in west.income_source
    assert rules.area_chain("611002104201") == ["611002", "610000", "000000"]
