"""What a household received, read for its measures tab: each measure with an amount, its project and channel,
and per year the totals by channel, to the fen (undated and channel-less amounts are never left out); and the
paged project list with its filters and the pickers of the dialogs."""

from __future__ import annotations

import datetime as dt

from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse, household, service
from fieldapp.services.projects.browse import ProjectQuery
from fieldapp.store.models import Measure
from tests.projects.conftest import WAN, World, draft

D = dt.date


def test_benefits_and_totals_by_year_and_channel_to_the_fen(ctx: AppContext, world: World) -> None:
    pid = service.create(ctx, draft(world.east))
    service.set_beneficiary(ctx, pid, world.a, 5 * WAN)
    rows = [(D(2025, 6, 1), 300_000, "superior"), (D(2025, 9, 1), 150_050, "local_finance"),
            (D(2026, 4, 1), 2_000_000, "superior"), (D(2026, 5, 1), 1_000_001, "superior"),
            (D(2026, 8, 1), 12_345, None), (None, 5_000, "social")]
    with ctx.writer.transaction() as txn:
        ids = [txn.insert(Measure, {"household_id": world.a, "type": "industry", "content": f"措施{i}",
                                    "amount": amount, "fund_channel": channel, "date": day})
               for i, (day, amount, channel) in enumerate(rows)]
        txn.insert(Measure, {"household_id": world.a, "type": "motivation", "content": "宣讲", "amount": None})
        txn.insert(Measure, {"household_id": world.b, "type": "industry", "content": "别户", "amount": 99_999,
                             "fund_channel": "superior", "date": D(2026, 1, 1)})
    service.link_measure(ctx, ids[2], pid)
    found = household.household_benefits(ctx.db, world.a)
    assert [(b.measure_id, b.amount, b.channel, b.project_name) for b in found.benefits] == [
        (ids[0], 300_000, "superior", None), (ids[1], 150_050, "local_finance", None),
        (ids[2], 2_000_000, "superior", "核桃园提质增效"), (ids[3], 1_000_001, "superior", None),
        (ids[4], 12_345, None, None), (ids[5], 5_000, "social", None)]
    assert found.benefits[2].project_id == pid and found.benefits[2].content == "措施2"
    assert [(t.year, t.channel, t.amount) for t in found.totals] == [
        (2025, "local_finance", 150_050), (2025, "superior", 300_000),
        (2026, "superior", 3_000_001), (2026, None, 12_345), (None, "social", 5_000)]
    assert sum(t.amount for t in found.totals) == sum(r[1] for r in rows)
    assert household.household_benefits(ctx.db, world.c_west) == household.HouseholdBenefits((), ())


def test_the_project_list_pages_by_keyset_and_filters(ctx: AppContext, world: World) -> None:
    names = [f"项目{i:02d}" for i in range(7)]
    ids = {n: service.create(ctx, draft(world.east, name=n)) for n in names}
    road = service.create(ctx, draft(world.west, name="道路", type="infrastructure", industry=None))
    town = service.create(ctx, draft(world.town, name="镇污水站", type="infrastructure", industry=None))
    service.approve(ctx, ids["项目03"], 50 * WAN, D(2026, 3, 1))
    service.disburse(ctx, ids["项目03"], day=D(2026, 4, 1), amount=12_345, channel="superior", payee="镇财政所",
                     voucher_no="记-1")
    seen, after = [], None
    while True:
        page = browse.project_page(ctx.db, ProjectQuery(area_id=world.east), after=after, limit=3)
        if not page:
            break
        seen += [r.name for r in page]
        after = page[-1].key
    assert seen == names and browse.count(ctx.db, ProjectQuery(area_id=world.east)) == 7
    (paid,) = browse.project_page(ctx.db, ProjectQuery(status="approved"))
    assert (paid.disbursed, paid.approved_amount, paid.percent, paid.area_name) == (12_345, 50 * WAN, None, "东村")
    assert [r.id for r in browse.project_page(ctx.db, ProjectQuery(type="infrastructure"))] == [town, road]
    assert browse.count(ctx.db, ProjectQuery(area_id=world.town)) == 9  # a town: its own and its villages'
    assert {h.id for h in browse.households_of(ctx.db, world.east)} == {world.a, world.b}
    assert {h.id for h in browse.households_of(ctx.db, world.town)} == {world.a, world.b, world.c_west}
    service.set_beneficiary(ctx, ids["项目05"], world.a, WAN)
    assert [c.name for c in browse.beneficiary_projects(ctx.db, world.a)] == ["项目05"]
    assert browse.project_names(ctx.db, [road]) == {road: "道路"}
