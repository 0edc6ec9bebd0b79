"""The four charts' figures from facts, against values worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import charts as ch

AS_OF = dt.datetime(2026, 6, 15, 10, 0)
D = ch.Area("D", None, ch.DISTRICT, "商州区", "611002")
T1 = ch.Area("T1", "D", ch.TOWN, "甲镇", "611002100")
T2 = ch.Area("T2", "D", ch.TOWN, "乙镇", "611002200")
V1 = ch.Area("V1", "T1", ch.VILLAGE, "一村", "611002100001")
V2 = ch.Area("V2", "T1", ch.VILLAGE, "二村", "611002100002")
V3 = ch.Area("V3", "T2", ch.VILLAGE, "三村", "611002200001")
TREE = ch.AreaTree({a.id: a for a in (D, T1, T2, V1, V2, V3)})


def hh(i: str, village: str, group: int | None, support: str, people: int, *, exited: bool = False,
       monitored: bool = False) -> ch.HouseholdFact:
    return ch.HouseholdFact(i, village, group, support, people, exited, monitored)


def facts(scope: str, households: tuple[ch.HouseholdFact, ...] | list[ch.HouseholdFact], **more: object) -> ch.Facts:
    return ch.Facts(TREE, TREE.scope(scope), 2026, AS_OF, households, **more)  # type: ignore[arg-type]


HOUSEHOLDS = (
    hh("h1", "V1", 1, ch.GENERAL, 3),
    hh("h2", "V1", 1, ch.DIBAO, 2, exited=True),
    hh("h3", "V1", 2, ch.TEKUN, 1, monitored=True),
    hh("h4", "V2", 1, ch.GENERAL, 4, exited=True, monitored=True),
    hh("h5", "V3", None, ch.DIBAO, 5),
)


def test_units_of_each_scope() -> None:
    assert [u.name for u in ch.units_of(TREE, TREE.scope("D"), HOUSEHOLDS)] == ["甲镇", "乙镇"]
    assert [u.name for u in ch.units_of(TREE, TREE.scope("T1"), HOUSEHOLDS)] == ["一村", "二村"]
    v1 = [h for h in HOUSEHOLDS if h.village_id == "V1"]
    assert [u.name for u in ch.units_of(TREE, TREE.scope("V1"), v1)] == ["1组", "2组"]
    assert [u.name for u in ch.units_of(TREE, TREE.scope("V3"), HOUSEHOLDS[4:])] == ["未分组"]


def test_a_scope_must_be_an_area_of_a_chartable_level() -> None:
    with pytest.raises(ch.ChartError, match="没有这个区域"):
        TREE.scope("nowhere")


def test_distribution_of_the_district_by_town_and_village() -> None:
    d = ch.distribution(facts("D", HOUSEHOLDS))
    town1, town2 = d.rows
    assert (town1.households.value, town1.people.value) == (4, 10)
    assert town1.households.households == ("h1", "h2", "h3", "h4")
    assert (town1.general.value, town1.dibao.value, town1.tekun.value) == (2, 1, 1)
    assert (town1.poor.households, town1.exited.households, town1.monitored.households) == (
        ("h1", "h3"), ("h2", "h4"), ("h3", "h4"))
    assert (town2.households.value, town2.people.value, town2.dibao.households) == (1, 5, ("h5",))
    assert [(r.unit.name, r.households.value) for r in d.map_rows] == [("一村", 3), ("二村", 1), ("三村", 1)]
    assert (d.total.households.value, d.total.people.value, d.total.poor.value, d.total.exited.value) == (5, 15, 3, 2)


def test_distribution_of_a_village_by_group() -> None:
    v1 = [h for h in HOUSEHOLDS if h.village_id == "V1"]
    d = ch.distribution(facts("V1", v1))
    assert [(r.unit.name, r.households.value, r.people.value) for r in d.rows] == [("1组", 2, 5), ("2组", 1, 1)]
    assert d.map_rows == d.rows


MEASURES = (
    # 产业 of 2026: done (dated before the as-of day) and one planned for later in the year
    ch.MeasureFact("h1", "industry", "fruit", 300_000, dt.date(2026, 3, 1), None),
    ch.MeasureFact("h2", "industry", "fruit", 200_000, dt.date(2026, 9, 1), None),
    ch.MeasureFact("h4", "industry", "livestock", 500_000, dt.date(2025, 5, 1), None),  # still running
    ch.MeasureFact("h5", "industry", "medicinal", 100_000, None, None),  # planned, no date
    ch.MeasureFact("h3", "social_security", None, 600_000, dt.date(2020, 1, 1), None),
    ch.MeasureFact("h1", "public_welfare_job", None, 600_000, dt.date(2024, 1, 1), dt.date(2025, 6, 30)),  # ended
    ch.MeasureFact("h2", "industry", "fruit", 100_000, dt.date(2027, 1, 2), None),  # next year's
)
TYPES = (("industry", True), ("social_security", True), ("public_welfare_job", False), ("health", False))


def test_measures_planned_done_and_covered() -> None:
    m = ch.measures(facts("D", HOUSEHOLDS, measures=MEASURES), TYPES)
    rows = {r.type: r for r in m.rows}
    ind = rows["industry"]
    assert (ind.planned.value, ind.done.value, ind.covered.value, ind.amount) == (4, 2, 4, 1_100_000)
    assert ind.done.households == ("h1", "h4")
    assert (rows["social_security"].planned.value, rows["social_security"].done.value) == (1, 1)
    assert rows["public_welfare_job"].planned.value == 0  # ended in 2025
    assert [r.type for r in m.rows] == ["industry", "social_security", "public_welfare_job", "health"]
    assert (m.planned.value, m.done.value, m.covered.value) == (5, 3, 5)


TARGETS = (
    ch.TargetFact("V1", 2026, "industry_fruit", 3),
    ch.TargetFact("V2", 2026, "industry_fruit", 2),
    ch.TargetFact("T2", 2026, "industry_fruit", 4),
    ch.TargetFact("V3", 2026, "industry_fruit", 99),  # the town's own row wins over its village's
    ch.TargetFact("T1", 2026, ch.TARGET_HOUSEHOLDS, 3),
    ch.TargetFact("T2", 2026, ch.TARGET_HOUSEHOLDS, 2),
    ch.TargetFact("D", 2026, ch.TARGET_PEOPLE, 20),
    ch.TargetFact("D", 2026, ch.TARGET_VILLAGES, 2),
)


def test_targets_roll_up_from_the_areas_below() -> None:
    assert ch.target_value(TREE, TARGETS, "D", 2026, "industry_fruit") == 3 + 2 + 4
    assert ch.target_value(TREE, TARGETS, "T1", 2026, "industry_fruit") == 5
    assert ch.target_value(TREE, TARGETS, "D", 2026, ch.TARGET_HOUSEHOLDS) == 5
    assert ch.target_value(TREE, TARGETS, "V1", 2026, ch.TARGET_HOUSEHOLDS) is None
    assert ch.target_value(TREE, TARGETS, "D", 2026, "industry_labour") is None


def test_industries_per_town_against_the_plan() -> None:
    i = ch.industries(facts("D", HOUSEHOLDS, measures=MEASURES, targets=TARGETS),
                      ["fruit", "livestock", "medicinal"])
    fruit, livestock, medicinal = i.rows
    assert [u.name for u in i.units] == ["甲镇", "乙镇"]
    assert (fruit.total.households.value, fruit.total.amount, fruit.total.plan) == (2, 500_000, 9)
    assert [(c.households.value, c.plan) for c in fruit.units] == [(2, 5), (0, 4)]
    assert (livestock.total.households.households, livestock.total.plan) == (("h4",), None)
    assert [c.households.value for c in medicinal.units] == [0, 1]
    assert i.covered.households == ("h1", "h2", "h4", "h5")


def test_progress_by_month_against_the_targets() -> None:
    movements = (
        ch.Movement("h2", ch.EXIT, 2026, dt.date(2026, 2, 10)),
        ch.Movement("h4", ch.EXIT, 2026, dt.date(2026, 5, 3)),
        ch.Movement("h1", ch.EXIT, 2025, dt.date(2025, 11, 3)),  # last year's
        ch.Movement("h5", ch.EXIT, 2026, None),  # imported: year only
        ch.Movement("h3", ch.ENTRY, 2026, dt.date(2026, 2, 20)),
        ch.Movement("h3", ch.MONITORING, 2026, dt.date(2026, 4, 1)),
        ch.Movement("h1", ch.RETURN, 2026, dt.date(2026, 5, 30)),
    )
    years = (ch.VillageYearFact("V1", 2026, True, 2026), ch.VillageYearFact("V3", 2026, True, None))
    p = ch.progress(facts("D", HOUSEHOLDS, movements=movements, targets=TARGETS, village_years=years))
    feb, may = p.months[1], p.months[4]
    assert (feb.households.households, feb.people.value, feb.entries.households) == (("h2",), 2, ("h3",))
    assert (may.households.value, may.people.value, may.cumulative_households, may.cumulative_people) == (1, 4, 2, 6)
    assert may.entries.households == ("h1",)
    assert p.months[3].monitored.households == ("h3",)
    assert [m.future for m in p.months] == [False] * 6 + [True] * 6
    assert (p.undated_households.households, p.undated_people.value) == (("h5",), 5)
    assert (p.exited_households.value, p.exited_people.value) == (3, 11)
    assert (p.households.target, p.households.gap) == (5, 2)
    assert (p.people.target, p.people.gap) == (20, 9)
    assert (p.villages.done, p.villages.target, p.villages.gap, p.villages_out) == (1, 2, 1, ("V1",))
    assert (p.entries.households, p.returns.households, p.monitored.households) == (("h3",), ("h1",), ("h3",))


def test_a_goal_met_has_no_gap_and_no_target_none() -> None:
    assert ch.Goal(7, 5).gap == 0
    assert ch.Goal(3, None).gap is None and ch.Goal(3, None).share is None
    assert ch.Goal(3, 4).share == 0.75
