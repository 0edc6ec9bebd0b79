"""The project ledger, the fund ledger and the integrated-fund view against the disbursements entered, to the fen:
a town's ledger is its villages' and its own projects' added up, the district's its towns'; amounts in odd fen so a
rounding anywhere shows. Each ledger is read in the same number of SQL statements however many projects there are.
What a household received is totalled per year and channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from fieldapp.services.context import AppContext
from fieldapp.services.projects import ledgers, records, service
from fieldapp.services.projects.household import Benefit, YearChannelTotal, household_benefits
from fieldapp.store.models import Measure
from tests.projects.conftest import WAN, World, draft

D = dt.date


def _paid(ctx: AppContext, project_id: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for d in records.get(ctx.db, project_id).disbursements:
        found[d.channel] = found.get(d.channel, 0) + d.amount
    return found


def test_the_project_ledger_agrees_with_each_projects_disbursements(ctx: AppContext, world: World,
                                                                     library: dict[str, str]) -> None:
    east = ledgers.project_ledger(ctx.db, world.east)
    assert (east.scope.level, east.scope.name) == ("village", "东村")
    assert [p.name for p in east.lines] == ["一组人行路改造", "核桃园提质增效"]
    for line in east.lines:
        view = records.get(ctx.db, line.id)
        assert dict(line.disbursed) == _paid(ctx, line.id)
        assert (line.budget_total, dict(line.budget), line.approved, line.status, line.percent) == (
            view.budget_total, view.budget, view.approved_amount, view.status, view.percent)
        assert line.beneficiaries == len(view.beneficiaries)
    walnut = next(p for p in east.lines if p.id == library["walnut"])
    assert dict(walnut.disbursed) == {"superior": 35 * WAN + 1, "local_finance": 9_999_999}
    assert (walnut.disbursed_total, walnut.percent, walnut.year, walnut.beneficiaries) == (
        45 * WAN, 75, 2026, 2)
    assert east.total.disbursed_total == 45 * WAN and east.total.budget_total == 68 * WAN
    assert east.total.approved == 55 * WAN
    assert dict(east.total.budget) == {"superior": 50 * WAN, "local_finance": 10 * WAN, "social": 8 * WAN}


def test_a_towns_ledger_is_its_villages_and_its_own_projects_added_up_to_the_fen(
        ctx: AppContext, world: World, library: dict[str, str]) -> None:
    town = ledgers.project_ledger(ctx.db, world.town)
    assert {p.id for p in town.lines} == set(library.values())
    assert [a.area_id for a in town.by_area] == [world.town, world.east, world.west]  # tree order
    for village in (world.east, world.west):
        alone = ledgers.project_ledger(ctx.db, village).total
        rolled = next(a for a in town.by_area if a.area_id == village)
        assert (rolled.budget_total, dict(rolled.budget), rolled.approved, dict(rolled.disbursed)) == (
            alone.budget_total, dict(alone.budget), alone.approved, dict(alone.disbursed))
    everything = int(ctx.db.scalar("SELECT sum(amount) FROM project_disbursement"))
    assert town.total.disbursed_total == everything == 45 * WAN + 4 * 3_333_333 + 7_777_777
    assert sum(a.disbursed_total for a in town.by_area) == everything
    assert sum(a.budget_total for a in town.by_area) == town.total.budget_total == (
        68 * WAN + 12_345_678 + 3_333_333 + 7_777_777)
    district_id = str(ctx.db.scalar("SELECT id FROM area WHERE level = 'district'"))
    district = ledgers.project_ledger(ctx.db, district_id)
    assert [t.area_id for t in district.by_town] == [world.town]
    assert district.by_town[0].disbursed == town.total.disbursed and district.total == ledgers.totals(
        district_id, district.scope.name, town.lines)


def test_the_fund_ledger_by_channel_and_year_against_the_disbursements(ctx: AppContext, world: World,
                                                                       library: dict[str, str]) -> None:
    town = ledgers.fund_ledger(ctx.db, world.town)
    assert [(r.year, r.channel, r.budgeted, r.approved_budget, r.disbursed) for r in town.rows] == [
        (2026, "financial", 3_333_333, 3_333_333, 3_333_333),
        (2026, "local_finance", 10 * WAN, 10 * WAN, 9_999_999),
        (2026, "social", 8 * WAN, 0, 0),
        (2026, "superior", 50 * WAN + 12_345_678 + 7_777_777, 50 * WAN + 12_345_678 + 7_777_777,
         20 * WAN + 3 * 3_333_333 + 7_777_777),
        (2027, "superior", 0, 0, 15 * WAN + 1)]
    assert [(y.year, y.budgeted, y.approved, y.disbursed) for y in town.years] == [
        (2026, 68 * WAN + 12_345_678 + 3_333_333 + 7_777_777, 55 * WAN + 15 * WAN + 7_777_777,
         30 * WAN - 1 + 4 * 3_333_333 + 7_777_777),
        (2027, 0, 0, 15 * WAN + 1)]
    vouchers = [(d.date, d.voucher_no, d.amount, d.channel) for d in town.disbursements]
    assert [v[1] for v in vouchers] == ["记-001", "记-002", "西-0", "西-1", "西-2", "西-9", "镇-1", "记-003"]
    assert sum(d.amount for d in town.disbursements) == town.disbursed == sum(r.disbursed for r in town.rows)
    assert sum(sum(a.disbursed.values()) for a in town.by_area) == town.disbursed
    west_2026 = [(c.channel, c.budgeted, c.disbursed) for c in town.cells if c.area_id == world.west]
    assert west_2026 == [("financial", 3_333_333, 3_333_333), ("superior", 12_345_678, 3 * 3_333_333)]
    assert {c.area_id for c in town.cells} == {world.town, world.east, world.west}
    this_year = ledgers.fund_ledger(ctx.db, world.town, 2026)
    assert "记-003" not in {d.voucher_no for d in this_year.disbursements}
    assert this_year.disbursed == town.disbursed - (15 * WAN + 1)
    assert [y.year for y in this_year.years] == [2026]
    east = ledgers.fund_ledger(ctx.db, world.east, 2027)
    assert [(d.voucher_no, d.amount, d.project_name) for d in east.disbursements] == [
        ("记-003", 15 * WAN + 1, "核桃园提质增效")]


def test_the_integrated_fund_view_says_where_each_channels_money_went(ctx: AppContext, world: World,
                                                                      library: dict[str, str]) -> None:
    walnut = library["walnut"]
    with ctx.writer.transaction() as txn:
        m1 = txn.insert(Measure, {"household_id": world.a, "type": "industry", "content": "核桃苗 200株",
                                  "amount": 12_000_01, "fund_channel": "superior", "date": D(2026, 4, 10)})
        m2 = txn.insert(Measure, {"household_id": world.b, "type": "industry", "content": "核桃苗 150株",
                                  "amount": 9_000_00, "fund_channel": "local_finance", "date": D(2026, 5, 10)})
        txn.insert(Measure, {"household_id": world.b, "type": "industry", "content": "自购化肥",
                             "amount": 500_00, "fund_channel": "social", "date": D(2026, 5, 10)})  # no project
    service.link_measure(ctx, m1, walnut)
    service.link_measure(ctx, m2, walnut)
    view = ledgers.integrated_funds(ctx.db, world.east)
    assert dict(view.disbursed) == _paid(ctx, walnut)
    assert dict(view.budgeted) == {"superior": 50 * WAN, "local_finance": 10 * WAN, "social": 8 * WAN}
    assert [(f.key, dict(f.by_channel)) for f in view.by_type] == [("industry", _paid(ctx, walnut))]
    assert [(f.name, f.total) for f in view.by_project] == [("核桃园提质增效", 45 * WAN)]
    assert dict(view.to_households.by_channel) == {"superior": 12_000_01, "local_finance": 9_000_00}
    assert (view.households, view.measures, view.per_project_households) == (2, 2, {walnut: 21_000_01})
    assert sum(f.total for f in view.by_type) == sum(view.disbursed.values())
    in_2027 = ledgers.integrated_funds(ctx.db, world.east, 2027)
    assert dict(in_2027.disbursed) == {"superior": 15 * WAN + 1} and in_2027.measures == 0
    assert dict(in_2027.budgeted) == {}
    town = ledgers.integrated_funds(ctx.db, world.town)
    assert sum(f.total for f in town.by_project) == sum(town.disbursed.values()) == (
        45 * WAN + 4 * 3_333_333 + 7_777_777)
    assert [f.key for f in town.by_type] == ["industry", "infrastructure", "ecology"]  # most money first


def test_a_household_sees_its_benefits_with_project_and_channel_and_yearly_totals(
        ctx: AppContext, world: World, library: dict[str, str]) -> None:
    walnut = library["walnut"]
    with ctx.writer.transaction() as txn:
        ids = [txn.insert(Measure, {"household_id": world.a, "type": t, "content": c, "amount": a,
                                    "fund_channel": ch, "date": d})
               for t, c, a, ch, d in (("industry", "核桃苗", 12_000_01, "superior", D(2026, 4, 10)),
                                      ("industry", "管护补助", 3_333_33, "local_finance", D(2026, 9, 1)),
                                      ("education", "雨露计划", 3_000_00, "superior", D(2025, 9, 1)),
                                      ("health", "医疗救助", 1_234_56, None, D(2026, 2, 1)),
                                      ("other", "慰问", 200_00, "social", None))]
        txn.insert(Measure, {"household_id": world.b, "type": "industry", "content": "别户", "amount": 7,
                             "fund_channel": "superior", "date": D(2026, 1, 1)})
    service.link_measure(ctx, ids[0], walnut)
    service.link_measure(ctx, ids[1], walnut)
    got = household_benefits(ctx.db, world.a)
    assert got.benefits[0] == Benefit(ids[2], D(2025, 9, 1), "education", "雨露计划", 3_000_00, "superior", None,
                                      None)
    assert [(b.content, b.project_name) for b in got.benefits] == [
        ("雨露计划", None), ("医疗救助", None), ("核桃苗", "核桃园提质增效"), ("管护补助", "核桃园提质增效"),
        ("慰问", None)]
    assert got.totals == (YearChannelTotal(2025, "superior", 3_000_00),
                          YearChannelTotal(2026, "local_finance", 3_333_33),
                          YearChannelTotal(2026, "superior", 12_000_01),
                          YearChannelTotal(2026, None, 1_234_56),
                          YearChannelTotal(None, "social", 200_00))
    assert got.year_total(2026) == 16_567_90 and got.total == 19_767_90
    assert household_benefits(ctx.db, "no-such-household").benefits == ()


@pytest.fixture
def statements(ctx: AppContext) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(ctx.db.engine, "before_cursor_execute", count)


def test_each_ledger_is_read_in_the_same_number_of_statements_however_many_projects(
        ctx: AppContext, world: World, library: dict[str, str], statements: list[str]) -> None:
    def reads() -> list[int]:
        found = []
        for read in (lambda: ledgers.project_ledger(ctx.db, world.town),
                     lambda: ledgers.fund_ledger(ctx.db, world.town, 2026),
                     lambda: ledgers.integrated_funds(ctx.db, world.east)):
            statements.clear()
            read()
            found.append(len(statements))
        return found

    before = reads()
    for i in range(6):
        pid = service.create(ctx, draft(world.east, name=f"项目{i}"))
        service.approve(ctx, pid, 10 * WAN, D(2026, 3, 1))
        service.disburse(ctx, pid, day=D(2026, 4, 1), amount=WAN, channel="superior", payee="x", voucher_no="1")
    assert reads() == before
