"""The 挂图作战 charts take the projects' money: the 计划措施细则图 the year's project budget and disbursements
per fund channel, the 产业发展规划图 each industry's projects and money, with the beneficiaries behind every
figure (a click lists them). The figures are the ledgers', to the fen."""

from __future__ import annotations

import datetime as dt

from fieldapp.services.charts import drawings, figures
from fieldapp.services.context import AppContext
from fieldapp.services.projects import ledgers
from tests.projects.conftest import WAN, World

AS_OF = dt.datetime(2026, 12, 1, 9, 0)


def test_the_measures_chart_shows_the_years_project_money_by_channel(ctx: AppContext, world: World,
                                                                     library: dict[str, str]) -> None:
    beneficiaries = tuple(sorted((world.a, world.b)))
    m = figures.measures(ctx.db, ctx.ref, world.town, 2026, AS_OF)
    fund = ledgers.fund_ledger(ctx.db, world.town, 2026)
    money = m.project_money
    assert (money.projects, money.budget, money.disbursed) == (4, fund.budgeted, fund.disbursed)
    assert money.households.households == beneficiaries
    by_channel = {f.channel: (f.money.budget, f.money.disbursed) for f in m.funds}
    assert by_channel == {r.channel: (r.budgeted, r.disbursed) for r in fund.rows}
    assert by_channel["financial"] == (3_333_333, 3_333_333)
    social = next(f for f in m.funds if f.channel == "social")
    assert social.money.households.households == ()  # the path has no beneficiaries
    next_year = figures.measures(ctx.db, ctx.ref, world.town, 2027, AS_OF)
    assert (next_year.project_money.projects, next_year.project_money.budget,
            next_year.project_money.disbursed) == (1, 0, 15 * WAN + 1)
    drawn = drawings.measures(m, ctx.ref)
    spot = next(h for h in drawn.hotspots if h.caption == "项目受益户")
    assert spot.cell.households == beneficiaries


def test_the_industry_chart_shows_each_industrys_projects_and_money(ctx: AppContext, world: World,
                                                                   library: dict[str, str]) -> None:
    i = figures.industries(ctx.db, ctx.ref, world.town, 2026, AS_OF)
    fruit = next(r for r in i.rows if r.industry == "fruit")
    assert (fruit.projects.projects, fruit.projects.budget, fruit.projects.disbursed) == (
        1, 60 * WAN, 20 * WAN + 9_999_999)
    assert fruit.projects.households.households == tuple(sorted((world.a, world.b)))
    assert all(r.projects.projects == 0 for r in i.rows if r.industry != "fruit")
    drawn = drawings.industries(i, ctx.ref)
    assert any(h.caption.endswith("项目受益户") and h.cell == fruit.projects.households for h in drawn.hotspots)


def test_a_villages_charts_from_the_towns_read_carry_its_own_projects(ctx: AppContext, world: World,
                                                                     library: dict[str, str]) -> None:
    per_village = {c.scope.area_id: c for c in figures.village_charts(ctx.db, ctx.ref, world.town, 2026, AS_OF)}
    for village in (world.east, world.west):
        alone = figures.all_charts(ctx.db, ctx.ref, village, 2026, AS_OF)
        assert per_village[village].measures == alone.measures
        assert per_village[village].industries == alone.industries
    assert per_village[world.west].measures.project_money.projects == 1
