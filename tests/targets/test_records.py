"""Village years and targets written through the write path: permissions, validation, stale saves."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.targets import records
from fieldapp.store.writer import StaleWrite


def test_a_leader_records_the_village_year_and_a_member_may_not(signed_in: Any) -> None:
    leader = signed_in("leader")
    east = villages(leader)[0][0]
    empty = records.village_year(leader.db, leader.ref, east, 2024)
    assert not empty.stored and set(empty.indicators) == {"road", "water", "electricity", "clinic", "school",
                                                          "broadband"}
    saved = records.save_village_year(leader, replace(
        empty, poor_village=True, out_year=2024, rural_population=3014, official_incidence=Decimal("1.5"),
        collective_income=records.parse_yuan("5万"), indicators={**empty.indicators, "road": True}), empty)
    assert saved.stored and saved.collective_income == 5_000_000 and saved.indicators["road"]
    assert leader.db.scalar("SELECT official_incidence FROM village_year") == "1.50"
    assert records.village_years(leader.db, leader.ref, [east]) == [saved]

    member = signed_in("member")
    with pytest.raises(PermissionDenied) as refused:
        records.save_village_year(member, replace(saved, note="队员"), saved)
    assert refused.value.permission == "village.edit"
    with pytest.raises(PermissionDenied) as refused:
        records.set_target(leader, east, 2024, "people_exit", 5)
    assert refused.value.permission == "targets.edit"


def test_bad_values_are_named_and_nothing_is_written(ctx: AppContext) -> None:
    east = villages(ctx)[0][0]
    town = ctx.db.scalar("SELECT id FROM area WHERE level = 'town'")
    empty = records.village_year(ctx.db, ctx.ref, east, 2024)
    with pytest.raises(ValidationError) as bad:
        records.save_village_year(ctx, replace(empty, out_year=2024, rural_population=0, collective_income=-1,
                                               indicators={"airport": True}), empty)
    assert set(bad.value.problems) == {"out_year", "rural_population", "collective_income", "indicators"}
    with pytest.raises(ValidationError, match="只能填写给村"):
        records.save_village_year(ctx, replace(empty, village_id=town), None)
    for text in ("五万", "1.005", "-3"):
        with pytest.raises(ValidationError):
            records.parse_yuan(text)
    assert records.parse_yuan("52,000.50元") == 5_200_050
    with pytest.raises(ValidationError) as bad:
        records.set_target(ctx, east, 1990, "chickens", -1)
    assert set(bad.value.problems) == {"year", "kind", "value"}
    assert ctx.db.scalar("SELECT count(*) FROM village_year") == 0
    assert ctx.db.scalar("SELECT count(*) FROM target") == 0


def test_a_field_changed_elsewhere_since_it_was_loaded_refuses_the_save(ctx: AppContext) -> None:
    east = villages(ctx)[0][0]
    empty = records.village_year(ctx.db, ctx.ref, east, 2024)
    first = records.save_village_year(ctx, replace(empty, rural_population=3000), empty)
    other = records.save_village_year(ctx, replace(first, rural_population=3014), first)  # another window
    with pytest.raises(StaleWrite) as stale:
        records.save_village_year(ctx, replace(first, rural_population=2990), first)
    assert [f.field for f in stale.value.fields] == ["rural_population"]
    # a field the other save did not touch is saved from the old copy, the other's value is kept
    kept = records.save_village_year(ctx, replace(first, note="村委会核实"), first)
    assert (kept.rural_population, kept.note) == (3014, "村委会核实")
    # two windows that both started from an empty record: the second is refused, not merged silently
    with pytest.raises(StaleWrite):
        records.save_village_year(ctx, replace(empty, rural_population=1), empty)
    assert other.rural_population == 3014


def test_targets_are_one_per_area_year_and_kind(ctx: AppContext) -> None:
    east, west = (v for v, _n in villages(ctx))
    records.set_target(ctx, east, 2024, "people_exit", 30)
    records.set_target(ctx, east, 2024, "people_exit", 35)
    records.set_target(ctx, west, 2024, "households_exit", "12")
    records.set_target(ctx, east, 2025, "people_exit", 20)
    assert [(t.area_id, t.year, t.kind, t.value) for t in records.targets_of(ctx.db, year=2024)] == sorted(
        [(east, 2024, "people_exit", 35), (west, 2024, "households_exit", 12)], key=lambda t: t[0])
    assert len(records.targets_of(ctx.db, [east])) == 2
    gone = records.targets_of(ctx.db, [west])[0]
    records.delete_target(ctx, gone.id)
    assert records.targets_of(ctx.db, [west]) == []
