"""The reads the front ends use (services.lookups, services.browse) answer from the database as typed records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from fieldapp.services import browse, lookups
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Cadre


def _cadre(ctx: AppContext, name: str, *, removed: bool = False) -> str:
    with ctx.writer.transaction() as txn:
        cadre_id = txn.insert(Cadre, {"name": name, "unit": "镇政府", "phone": "13800000000", "role": "member"})
        if removed:
            txn.delete(Cadre, cadre_id)
    return cadre_id


def test_cadres_hide_removed_ones_unless_kept(ctx: AppContext) -> None:
    me = str(ctx.settings["cadre_id"])
    gone = _cadre(ctx, "赵离任", removed=True)
    here = _cadre(ctx, "钱在岗")
    assert {c.id for c in lookups.cadres(ctx.db)} == {me, here}
    assert {c.id for c in lookups.cadres(ctx.db, keep=[gone])} == {me, here, gone}
    removed = {c.id: c for c in lookups.cadres(ctx.db, removed=True)}
    assert removed[gone].deleted and removed[gone].unit == "镇政府" and not removed[here].deleted
    assert lookups.cadre_names(ctx.db, [gone, "nobody"]) == {gone: "赵离任"}


def test_household_summary_facts_and_village_name(ctx: AppContext, make_household: Callable[..., str]) -> None:
    village_id, village_name = villages(ctx)[0]
    hid = make_household("孙大户", hh_no="611002000777", group_no=3, identified_on=dt.date(2016, 5, 1))
    summary = lookups.household_summary(ctx.db, hid)
    assert summary is not None and dataclasses.astuple(summary) == (hid, "孙大户", "611002000777", 3, village_id)
    facts = lookups.household_facts(ctx.db, hid)
    assert facts is not None and facts.village_id == village_id and facts.identified_on == dt.date(2016, 5, 1)
    assert lookups.household_summary(ctx.db, "missing") is None and lookups.household_facts(ctx.db, "missing") is None
    assert lookups.area_name(ctx.db, village_id) == village_name and lookups.area_name(ctx.db, "missing") is None


def test_household_pages_carry_counts_and_only_the_cadre_names_they_need(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    me = str(ctx.settings["cadre_id"])
    other = _cadre(ctx, "李包扶")
    for i in range(5):
        make_household(f"户主{i}", cadre_id=me if i % 2 else other)
    query = HouseholdQuery(sort="hh_no")
    first = browse.household_page(ctx.db, query, limit=2, count_cap=1000)
    assert first.total == 5 and first.total_exact and len(first.rows) == 2
    assert set(first.cadre_names) == {r["cadre_id"] for r in first.rows}
    rest = browse.household_page(ctx.db, query, after=browse.sort_key(first.rows[-1], query), limit=10,
                                 known_cadres=first.cadre_names)
    assert rest.total is None and len(rest.rows) == 3
    assert not set(rest.cadre_names) & set(first.cadre_names)  # names already known are not read again
    assert [r["household_id"] for r in browse.find_households(ctx.db, "户主3", limit=5)] \
        == [r["household_id"] for r in [*first.rows, *rest.rows] if r["head_name"] == "户主3"]
