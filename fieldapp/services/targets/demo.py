"""Demo 挂图作战 data: each demo village's last three years and the district's targets for them.

Figures are made up for the demo (noted so in each record): the rural population is the speech's
village (3,014 people) or, for a larger demo register, ten people per registered person; collective
income grows towards the seed's 5万元; the indicators are met one by one; the official incidence is
the computed one plus a small difference, as a count made at another date would be. Targets: the
district's from the seed speech (2.82万 people, 25 villages a year), the town's and each village's
from its own register.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from fieldapp.services.context import AppContext
from fieldapp.services.targets import records
from fieldapp.services.targets.areas import area_tree
from fieldapp.services.targets.incidence import incidence
from fieldapp.services.targets.standing import poor_in_year

SPEECH_VILLAGE_PEOPLE = 3014
DEMO_NOTE = "演示数据：虚构的示例"
INCOME_YUAN = (32_000, 46_000, 52_000)
MET = (("road", "water", "electricity"), ("road", "water", "electricity", "clinic"),
       ("road", "water", "electricity", "clinic", "school"))


def add_demo_targets(ctx: AppContext, year: int) -> None:
    """The village years of ``year - 2 … year`` and the targets of those years (each as the account may)."""
    tree = area_tree(ctx.db)
    villages = [v for v, _name in ctx_villages(ctx)]
    if not villages:
        return
    years = (year - 2, year - 1, year)
    if records.may_edit_village(ctx):
        for village in villages:
            with ctx.db.read() as conn:
                people = sum(s.people for s in poor_in_year(conn, ctx.ref, [village], year) if s.registered)
            population = max(SPEECH_VILLAGE_PEOPLE, 10 * people)
            for i, y in enumerate(years):
                before = records.village_year(ctx.db, ctx.ref, village, y)
                record = replace(before, poor_village=True, rural_population=population,
                                 collective_income=INCOME_YUAN[i] * 100, note=DEMO_NOTE)
                record = records.with_indicators(record, MET[i])
                records.save_village_year(ctx, record, before)
                computed = incidence(ctx.db, ctx.ref, village, y, tree=tree).percent
                if computed is not None:
                    stored = records.village_year(ctx.db, ctx.ref, village, y)
                    official = computed + Decimal("0.12") if computed < 99 else computed
                    records.save_village_year(ctx, replace(stored, official_incidence=official), stored)
    if not records.may_edit_targets(ctx):
        return
    first = tree.get(villages[0])
    town = tree.get(first.parent_id) if first and first.parent_id else None
    district = tree.get(town.parent_id) if town and town.parent_id else None
    for y in years:
        if district is not None:
            records.set_target(ctx, district.id, y, "people_exit", 28_200)
            records.set_target(ctx, district.id, y, "villages_out", 25)
        if town is not None:
            records.set_target(ctx, town.id, y, "people_exit", 600)
            records.set_target(ctx, town.id, y, "households_exit", 190)
            records.set_target(ctx, town.id, y, "villages_out", 2)
        for village in villages:
            with ctx.db.read() as conn:
                poor = [s for s in poor_in_year(conn, ctx.ref, [village], y - 1) if s.poor]
            records.set_target(ctx, village, y, "people_exit", max(1, sum(s.people for s in poor) // 3))
            records.set_target(ctx, village, y, "households_exit", max(1, len(poor) // 3))


def ctx_villages(ctx: AppContext) -> list[tuple[str, str]]:
    from fieldapp.services import setup

    return setup.villages(ctx)
