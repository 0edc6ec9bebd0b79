"""The chart figures read from a real register: a small district with two towns built here (values worked
out by hand) and the demo village (values counted again straight from its tables)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fieldapp import paths
from fieldapp.domain import charts as ch
from fieldapp.services import demo
from fieldapp.services.charts import figures
from fieldapp.services.context import AppContext, open_context
from fieldapp.store.models import Area
from tests.helpers.charts import two_town_district

AS_OF = dt.datetime(2026, 6, 15, 9, 30)


@pytest.fixture
def district(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    return two_town_district(ctx, make_household)


def test_distribution_of_the_district_by_town(ctx: AppContext, district: dict[str, str]) -> None:
    d = figures.distribution(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert d.scope.level == ch.DISTRICT
    town1, town2 = d.rows
    assert (town1.unit.name, town1.households.value, town1.people.value) == ("北宽坪镇", 4, 10)
    assert (town1.general.value, town1.dibao.value, town1.tekun.value) == (2, 1, 1)
    assert set(town1.exited.households) == {district["B"], district["D"]}
    assert town1.monitored.households == (district["C"],)
    assert (town2.unit.name, town2.households.value, town2.people.value) == ("杨峪河镇", 2, 7)
    assert town2.tekun.households == (district["E"],)  # 07 低保特困: counted as 特困
    assert [(r.unit.name, r.households.value) for r in d.map_rows] == [("东村", 3), ("西村", 1), ("南村", 2)]


def test_distribution_of_a_village_by_group(ctx: AppContext, district: dict[str, str]) -> None:
    d = figures.distribution(ctx.db, ctx.ref, district["east"], 2026, AS_OF)
    assert [(r.unit.name, r.households.value, r.people.value) for r in d.rows] == [("1组", 2, 4), ("2组", 1, 2)]


def test_measures_of_a_town(ctx: AppContext, district: dict[str, str]) -> None:
    m = figures.measures(ctx.db, ctx.ref, district["town1"], 2026, AS_OF)
    rows = {r.type: r for r in m.rows}
    assert (rows["industry"].planned.value, rows["industry"].done.value) == (1, 1)
    assert (rows["social_security"].covered.households, rows["social_security"].amount) == ((district["B"],), 480_000)
    assert [r.type for r in m.rows][:5] == ["industry", "relocation", "ecological", "education", "social_security"]
    district_wide = figures.measures(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert (district_wide.planned.value, district_wide.done.value, district_wide.covered.value) == (3, 2, 3)


def test_industries_of_the_district_against_the_plan(ctx: AppContext, district: dict[str, str]) -> None:
    i = figures.industries(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    rows = {r.industry: r for r in i.rows}
    assert [r.industry for r in i.rows][:6] == ["fruit", "livestock", "vegetable", "medicinal", "labour", "ecommerce"]
    assert (rows["fruit"].total.households.households, rows["fruit"].total.amount, rows["fruit"].total.plan) == (
        (district["A"],), 300_000, 2)
    assert [c.households.value for c in rows["livestock"].units] == [0, 1]
    assert rows["livestock"].total.plan is None


def test_progress_of_the_district(ctx: AppContext, district: dict[str, str]) -> None:
    p = figures.progress(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert p.months[2].households.households == (district["B"],)
    assert (p.months[4].households.households, p.months[4].people.value) == ((district["F"],), 5)
    assert p.months[4].cumulative_people == 7
    assert p.undated_households.households == (district["D"],)  # typed 已脱贫 of 2026, no workflow
    assert (p.exited_households.value, p.exited_people.value) == (3, 11)
    assert (p.households.target, p.households.gap, p.people.target, p.people.gap) == (4, 1, 12, 1)
    assert (p.villages.done, p.villages.target, p.villages_out) == (1, None, (district["east"],))
    assert p.months[3].monitored.households == (district["C"],)
    assert p.entries.households == (district["E"],) and p.months[0].entries.households == (district["E"],)
    town2 = figures.progress(ctx.db, ctx.ref, district["town2"], 2026, AS_OF)
    assert (town2.exited_households.value, town2.households.target, town2.households.gap) == (1, 1, 0)


def test_all_charts_agree_with_each_chart_and_drill_down_lists_the_households(
        ctx: AppContext, district: dict[str, str]) -> None:
    charts = figures.all_charts(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert charts.distribution == figures.distribution(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert charts.progress == figures.progress(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert charts.data_time is not None and charts.as_of == AS_OF
    rows = figures.drill(ctx.db, charts.distribution.rows[0].exited.households)
    assert sorted(r.head_name for r in rows) == ["丁四", "乙二"]
    assert {r.members for r in rows} == {2, 4}


def test_each_villages_charts_from_the_district_read_are_the_villages_own(
        ctx: AppContext, district: dict[str, str]) -> None:
    """village_charts (one read of the district) gives what all_charts gives for each village alone."""
    per_village = figures.village_charts(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    assert [c.scope.name for c in per_village] == ["东村", "西村", "南村"]
    for charts in per_village:
        alone = figures.all_charts(ctx.db, ctx.ref, charts.scope.area_id, 2026, AS_OF)
        assert charts == alone
    status = {s.village.name: s for s in figures.village_statuses(ctx.db, ctx.ref, district["town1"], 2026, AS_OF)}
    assert list(status) == ["东村", "西村"]
    east = status["东村"]
    assert (east.households, east.people, east.poor, east.exited, east.monitored) == (3, 6, 2, 1, 1)
    assert (east.measures_planned, east.measures_done, east.exits.done, east.exits.target) == (2, 2, 1, None)
    assert (east.town.name if east.town else None, east.poor_village, east.out_year) == ("北宽坪镇", True, 2026)
    assert (status["西村"].exited, status["西村"].poor_village) == (1, None)
    with pytest.raises(ch.ChartError, match="没有这个村"):
        ch.restrict(ch.Facts(ch.AreaTree({}), ch.Scope(ch.DISTRICT, "d", "区"), 2026, AS_OF, ()), "nowhere")


def test_scopes_list_the_district_its_towns_and_villages(ctx: AppContext, district: dict[str, str]) -> None:
    found = [(s.level, s.name) for s in figures.scopes(ctx.db)]
    assert found == [("district", "商州区"), ("town", "北宽坪镇"), ("village", "东村"), ("village", "西村"),
                     ("town", "杨峪河镇"), ("village", "南村")]


def test_an_unknown_area_is_refused_by_name(ctx: AppContext) -> None:
    with pytest.raises(ch.ChartError, match="没有这个区域"):
        figures.distribution(ctx.db, ctx.ref, "no-such-area", 2026, AS_OF)


# -- the demo village -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    ctx = open_context(paths.DataPaths(home=Path(tmp_path_factory.mktemp("demo"))))
    demo.build_demo(ctx, households=120, today=dt.date(2026, 6, 30))
    yield ctx
    ctx.close()


def _count(ctx: AppContext, sql: str) -> list[tuple[Any, ...]]:
    with ctx.db.read() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_demo_village_distribution_matches_its_tables(demo_village: AppContext) -> None:
    ctx = demo_village
    village_id = ctx.settings["village_ids"][0]
    d = figures.distribution(ctx.db, ctx.ref, village_id, 2026, AS_OF)
    by_group = _count(ctx, "SELECT h.group_no, COUNT(*), SUM(l.member_count) FROM household h "
                           "JOIN household_list l ON l.household_id = h.id WHERE NOT h.deleted GROUP BY h.group_no "
                           "ORDER BY h.group_no")
    assert [(r.unit.group_no, r.households.value, r.people.value) for r in d.rows] == by_group
    attrs = dict(_count(ctx, "SELECT attribute, COUNT(*) FROM household WHERE NOT deleted GROUP BY attribute"))
    assert d.total.dibao.value == attrs.get("02", 0) + attrs.get("04", 0)
    assert d.total.tekun.value == sum(attrs.get(c, 0) for c in ("03", "06", "07", "08"))
    exited = _count(ctx, "SELECT COUNT(*) FROM household WHERE NOT deleted AND exit_status IN ('1', '4')")[0][0]
    assert d.total.exited.value == exited and d.total.poor.value == 120 - exited


def test_demo_village_measures_and_industries_match_its_tables(demo_village: AppContext) -> None:
    ctx = demo_village
    village_id = ctx.settings["village_ids"][0]
    charts = figures.all_charts(ctx.db, ctx.ref, village_id, 2026, AS_OF)
    live = ("FROM measure WHERE NOT deleted AND (date IS NULL OR date <= '2026-12-31') "
            "AND (end_date IS NULL OR end_date >= '2026-01-01')")
    planned = dict(_count(ctx, f"SELECT type, COUNT(*) {live} GROUP BY type"))
    done = dict(_count(ctx, f"SELECT type, COUNT(*) {live} AND date <= '2026-06-15' GROUP BY type"))
    assert {r.type: r.planned.value for r in charts.measures.rows if r.planned.value} == planned
    assert {r.type: r.done.value for r in charts.measures.rows if r.done.value} == done
    per_industry = dict(_count(ctx, f"SELECT industry, COUNT(DISTINCT household_id) {live} AND type = 'industry' "
                                    "GROUP BY industry"))
    assert {r.industry: r.total.households.value for r in charts.industries.rows if r.total.households.value} == (
        per_industry)
    assert charts.distribution.scope.name == _count(ctx, f"SELECT name FROM area WHERE id = '{village_id}'")[0][0]
    assert _count(ctx, f"SELECT level FROM {Area.__tablename__} WHERE id = '{village_id}'")[0][0] == "village"


def test_the_default_scope_is_the_narrowest_that_holds_everything(ctx: AppContext, district: dict[str, str]) -> None:
    scope = figures.default_scope(ctx.db)
    assert scope is not None and scope.name == "商州区"  # two towns


def test_a_laptop_of_one_village_opens_on_the_village(demo_village: AppContext) -> None:
    scope = figures.default_scope(demo_village.db)
    assert scope is not None and scope.level == ch.VILLAGE
