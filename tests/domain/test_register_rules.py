"""Validation rules of a household record (建档立卡): household, members, incomes, measures, plate kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fieldapp.domain import register as rules
from fieldapp.domain.refdata import RefData
from tests.helpers.idgen import resident_id

TODAY = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def ref() -> RefData:
    return RefData()


def household(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"village_id": "v1", "group_no": 3, "hh_no": "611002000001", "main_cause": "01",
                            "attribute": "01", "exit_status": "0", "standard": "01", "phone": "0914-1234567"}
    base.update(changes)
    return base


def member(seq: int = 1, born: dt.date = dt.date(1970, 1, 1), **changes: Any) -> dict[str, Any]:
    number = resident_id(seq, born)
    base: dict[str, Any] = {"name": f"成员{seq}", "relation": "01", "id_no": number, "birth_date": born,
                            "gender": "1" if seq % 2 else "2"}
    base.update(changes)
    return base


def family() -> list[dict[str, Any]]:
    return [member(1), member(2, dt.date(1972, 3, 4), relation="02"), member(3, dt.date(2001, 9, 9), relation="03")]


def test_a_valid_record_has_no_problems(ref: RefData) -> None:
    assert rules.record_problems(household(), family(), ref, TODAY) == {}


def test_household_without_main_cause(ref: RefData) -> None:
    for missing in (None, ""):
        problems = rules.record_problems(household(main_cause=missing), family(), ref, TODAY)
        assert problems == {"household.main_cause": "主要致贫原因为必填"}


def test_household_without_village(ref: RefData) -> None:
    assert "village_id" in rules.household_problems(household(village_id=None), ref, TODAY)


@pytest.mark.parametrize("causes", [("01", "01", None), ("01", None, "01"), ("01", "02", "02"), ("03", "03", "03")])
def test_duplicate_causes(ref: RefData, causes: tuple[str | None, ...]) -> None:
    main, c2, c3 = causes
    problems = rules.household_problems(household(main_cause=main, cause2=c2, cause3=c3), ref, TODAY)
    assert problems.get("cause2") == "次要致贫原因不能与其他原因重复"


def test_distinct_secondary_causes_are_fine(ref: RefData) -> None:
    assert rules.household_problems(household(main_cause="01", cause2="08", cause3="99"), ref, TODAY) == {}


def test_unknown_codes_name_the_list(ref: RefData) -> None:
    problems = rules.household_problems(household(attribute="42", main_cause="77", fuel="zz"), ref, TODAY)
    assert problems["attribute"] == "代码 42 不在“贫困户属性”代码表中"
    assert "致贫原因" in problems["main_cause"]
    assert "fuel" in problems


@pytest.mark.parametrize("group,ok", [(1, True), (99, True), (0, False), (100, False), (None, True)])
def test_group_number_range(ref: RefData, group: int | None, ok: bool) -> None:
    assert ("group_no" not in rules.household_problems(household(group_no=group), ref, TODAY)) is ok


def test_household_field_checks(ref: RefData) -> None:
    problems = rules.household_problems(household(
        phone="12345", identified_on=dt.date(2024, 6, 2), exit_year=2025, exit_deadline=1990,
        farmland_mu="-1.5", forest_mu="abc", house_area="80.5",
    ), ref, TODAY)
    assert set(problems) == {"phone", "identified_on", "exit_year", "exit_deadline", "farmland_mu", "forest_mu"}
    assert problems["farmland_mu"] == "不能为负数"
    assert problems["forest_mu"] == "请输入数字"


def test_member_problems(ref: RefData) -> None:
    assert rules.member_problems(member(), ref, TODAY) == {}
    assert rules.member_problems(member(name="  "), ref, TODAY) == {"name": "姓名为必填"}
    assert rules.member_problems(member(relation=None), ref, TODAY) == {"relation": "与户主关系为必填"}
    assert set(rules.member_problems(member(relation="55"), ref, TODAY)) == {"relation"}
    bad_id = member()
    bad_id["id_no"] = bad_id["id_no"][:17] + ("0" if bad_id["id_no"][17] != "0" else "1")
    assert "校验位" in rules.member_problems(bad_id, ref, TODAY)["id_no"]
    assert rules.member_problems(member(birth_date=dt.date(1970, 1, 2)), ref, TODAY) == {
        "birth_date": "出生日期与证件号码不一致"}
    assert rules.member_problems(member(gender="2"), ref, TODAY) == {"gender": "性别与证件号码不一致"}
    assert rules.member_problems(member(id_no=None, birth_date=dt.date(2024, 6, 2)), ref, TODAY) == {
        "birth_date": "日期不能晚于今天"}
    assert rules.member_problems(member(health="04"), ref, TODAY) == {"disability_grade": "残疾人须填写残疾等级"}
    assert rules.member_problems(member(health="04", disability_grade="2"), ref, TODAY) == {}
    assert set(rules.member_problems(member(work_months=13), ref, TODAY)) == {"work_months"}
    assert rules.member_problems(member(work_months=12), ref, TODAY) == {}


def test_cells_checked_leaves_out_only_what_an_import_cleaner_decided(ref: RefData) -> None:
    # an unknown code and an invalid ID number are refused by the cleaners before any record is built
    unknown_code = member(relation="55")
    assert set(rules.member_problems(unknown_code, ref, TODAY)) == {"relation"}
    assert rules.member_problems(unknown_code, ref, TODAY, cells_checked=True) == {}
    assert set(rules.household_problems(household(fuel="zz"), ref, TODAY)) == {"fuel"}
    assert rules.household_problems(household(fuel="zz"), ref, TODAY, cells_checked=True) == {}
    # every other rule still runs on cleaned cells
    checked = {"cells_checked": True}
    assert rules.member_problems(member(birth_date=dt.date(1970, 1, 2)), ref, TODAY, **checked) == {
        "birth_date": "出生日期与证件号码不一致"}
    assert rules.member_problems(member(gender="2"), ref, TODAY, **checked) == {"gender": "性别与证件号码不一致"}
    assert rules.member_problems(member(name=""), ref, TODAY, **checked) == {"name": "姓名为必填"}
    assert rules.member_problems(member(health="04"), ref, TODAY, **checked) == {
        "disability_grade": "残疾人须填写残疾等级"}
    assert set(rules.member_problems(member(work_months=13), ref, TODAY, **checked)) == {"work_months"}
    people = [member(1, relation="02"), {**member(2, relation="03"), "id_no": member(1)["id_no"]}]
    assert rules.record_problems(household(group_no=100, main_cause=None), people, ref, TODAY, **checked) == {
        "household.group_no": "组号应在1到99之间", "household.main_cause": "主要致贫原因为必填",
        "member[1].id_no": "与第1位成员的证件号码重复", "member[1].gender": "性别与证件号码不一致",
        "members": "本户没有户主"}


def test_member_without_id_number_is_allowed(ref: RefData) -> None:
    assert rules.member_problems({"name": "小明", "relation": "03"}, ref, TODAY) == {}


def test_disability_certificate_is_the_id_plus_two_digits(ref: RefData) -> None:
    m = member(health="04", disability_grade="1")
    number = m["id_no"]
    assert rules.member_problems({**m, "disability_cert": number + "12"}, ref, TODAY) == {}
    assert rules.member_problems({**m, "disability_cert": number.lower() + "12"}, ref, TODAY) == {}
    for cert in (resident_id(99) + "12", number, number + "1", number + "123", number + "ab", "12" + number):
        problems = rules.member_problems({**m, "disability_cert": cert}, ref, TODAY)
        assert problems == {"disability_cert": "残疾证号应为证件号码加2位数字"}, cert


def test_exactly_one_head(ref: RefData) -> None:
    no_head = [member(1, relation="02"), member(2, relation="03")]
    assert rules.record_problems(household(), no_head, ref, TODAY) == {"members": "本户没有户主"}
    two_heads = [member(1), member(2, dt.date(1972, 3, 4))]
    assert rules.record_problems(household(), two_heads, ref, TODAY) == {"members": "每户必须有且只有一位户主"}


def test_duplicate_id_inside_one_household(ref: RefData) -> None:
    people = family()
    people[2] = {**people[0], "name": "重复", "relation": "03"}
    problems = rules.record_problems(household(), people, ref, TODAY)
    assert problems == {"member[2].id_no": "与第1位成员的证件号码重复"}


def test_duplicate_id_is_found_through_formatting(ref: RefData) -> None:
    number = next(n for n in (resident_id(s, dt.date(1980, 1, 1)) for s in range(1000)) if n.endswith("X"))
    people = [member(1, id_no=number, birth_date=None, gender=None),
              member(2, relation="03", id_no=" " + number.lower(), birth_date=None, gender=None)]
    problems = rules.record_problems(household(), people, ref, TODAY)
    assert problems == {"member[1].id_no": "与第1位成员的证件号码重复"}


def test_member_problem_keys_carry_the_index(ref: RefData) -> None:
    people = family()
    people[1]["name"] = ""
    problems = rules.record_problems(household(main_cause=None), people, ref, TODAY)
    assert problems == {"household.main_cause": "主要致贫原因为必填", "member[1].name": "姓名为必填"}


def test_income_problems() -> None:
    assert rules.income_problems({"year": 2023, "wage": 100, "persons": 3}, TODAY) == {}
    assert rules.income_problems({"wage": 1}, TODAY) == {"year": "年度为必填"}
    assert set(rules.income_problems({"year": 2030}, TODAY)) == {"year"}
    problems = rules.income_problems({"year": 2023, "wage": -1, "production_cost": -5, "persons": 0}, TODAY)
    assert problems == {"wage": "金额不能为负数", "production_cost": "金额不能为负数", "persons": "人口数应大于0"}


def test_indicator_problems(ref: RefData) -> None:
    assert rules.indicator_problems({"code": "food", "met": True, "checked_on": TODAY}, ref, TODAY) == {}
    assert set(rules.indicator_problems({"code": "nope"}, ref, TODAY)) == {"code"}
    assert rules.indicator_problems({"code": "food", "met": False}, ref, TODAY) == {"checked_on": "请填写核查日期"}
    assert rules.indicator_problems({"code": "food", "met": True, "checked_on": dt.date(2024, 7, 1)}, ref, TODAY) == {
        "checked_on": "日期不能晚于今天"}


def test_measure_problems(ref: RefData) -> None:
    ok = {"type": "industry", "content": "养牛两头", "amount": 500_000, "industry": "livestock",
          "date": dt.date(2023, 1, 1)}
    assert rules.measure_problems(ok, ref, TODAY) == {}
    assert set(rules.measure_problems({"content": " "}, ref, TODAY)) == {"type", "content"}
    assert rules.measure_problems({**ok, "amount": -1}, ref, TODAY) == {"amount": "金额不能为负数"}
    assert rules.measure_problems({**ok, "end_date": dt.date(2022, 12, 31)}, ref, TODAY) == {
        "end_date": "结束日期不能早于开始日期"}
    assert set(rules.measure_problems({**ok, "post": "spaceship"}, ref, TODAY)) == {"post"}


@pytest.mark.parametrize("attribute,kind", [
    ("01", "development"), ("05", "development"), ("02", "safety_net"), ("03", "safety_net"), ("04", "safety_net"),
    ("06", "safety_net"), ("07", "safety_net"), ("08", "safety_net"), (None, "development"), ("42", "development"),
])
def test_plate_kind_derived_from_attribute(ref: RefData, attribute: str | None, kind: str) -> None:
    assert rules.plate_kind(attribute, None, ref) == kind
    assert rules.plate_kind(attribute, "", ref) == kind


def test_explicit_plate_kind_overrides_the_attribute(ref: RefData) -> None:
    assert rules.plate_kind("04", "development", ref) == "development"
    assert rules.plate_kind("01", "safety_net", ref) == "safety_net"
    assert set(ref["household_kind"].by_code) == {"safety_net", "development"}
