"""Targets are the district's: set there, they reach a village laptop; a laptop's own target is refused by
the merge, naming the permission (``targets.edit``) or the district's ownership. A village's yearly record
is the village's: it travels up to the district."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.services.targets.records import target_id, village_year_id
from fieldapp.store.models import Area, Person, Target, VillageYear
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from tests.sync.conftest import Node
from tests.sync.model import deliver, send

TOP, TOWN, EAST = natural_id("area", "区"), natural_id("area", "镇"), natural_id("area", "east")


def _world(district: Node, laptop: Node) -> None:
    with district.writer.transaction() as txn:
        txn.put(Area, TOP, {"level": "district", "name": "商州区", "code": "611002"})
        txn.put(Area, TOWN, {"level": "town", "name": "北宽坪镇", "parent_id": TOP})
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": TOWN})
        txn.put(Person, natural_id("person", "队长"), {"name": "队长", "roles": '["leader"]',
                                                        "village_ids": f'["{EAST}"]'})
        txn.put(Target, target_id(EAST, 2024, "people_exit"),
                {"area_id": EAST, "year": 2024, "kind": "people_exit", "value": 30})
        txn.put(Target, target_id(TOWN, 2024, "villages_out"),
                {"area_id": TOWN, "year": 2024, "kind": "villages_out", "value": 3})
    assert deliver(laptop, send(district, laptop)) is None


def test_the_districts_targets_reach_the_laptop(nodes: Callable[[int], list[Node]]) -> None:
    district, laptop = nodes(2)
    _world(district, laptop)
    with laptop.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT area_id, year, kind, value FROM target ORDER BY value").all()
    assert [tuple(r) for r in rows] == [(TOWN, 2024, "villages_out", 3), (EAST, 2024, "people_exit", 30)]
    # a correction at the district follows
    with district.writer.transaction() as txn:
        txn.update(Target, target_id(EAST, 2024, "people_exit"), {"value": 28})
    assert deliver(laptop, send(district, laptop)) is None
    assert laptop.db.scalar("SELECT value FROM target WHERE kind = 'people_exit'") == 28


def test_a_laptops_target_is_refused_naming_the_permission(nodes: Callable[[int], list[Node]]) -> None:
    district, laptop, other = nodes(3)
    _world(district, laptop)
    assert deliver(other, send(district, other)) is None
    # a leader's account on the laptop: its write path refuses a target (targets.edit), so this stands for a
    # laptop that wrote one anyway (an old version, a changed program): the change names the leader
    leader = ChangeWriter(laptop.db, Actor(laptop.device_id, natural_id("person", "队长"), "队长"), laptop.rep.clock)
    with leader.transaction() as txn:
        txn.update(Target, target_id(EAST, 2024, "people_exit"), {"value": 3})
        txn.put(Target, target_id(EAST, 2024, "households_exit"),
                {"area_id": EAST, "year": 2024, "kind": "households_exit", "value": 9})
        txn.put(VillageYear, village_year_id(EAST, 2024), {"village_id": EAST, "year": 2024, "poor_village": True,
                                                            "rural_population": 3014})
    # another laptop judges the author: a leader holds no targets.edit
    result = service.import_package(other.rep, send(laptop, other))
    reasons = {r["row_id"]: r["reason"] for r in result.stats.refusals}
    assert set(reasons) == {target_id(EAST, 2024, "people_exit"), target_id(EAST, 2024, "households_exit")}
    assert all("targets.edit" in reason for reason in reasons.values())
    assert other.db.scalar("SELECT value FROM target WHERE kind = 'people_exit'") == 30
    assert other.db.scalar("SELECT rural_population FROM village_year") == 3014  # the village's own record
    # the district refuses the same as district-owned, and takes the village's record
    result = service.import_package(district.rep, send(laptop, district), allowed_villages=[EAST])
    reasons = {r["row_id"]: r["reason"] for r in result.stats.refusals}
    assert set(reasons) == {target_id(EAST, 2024, "people_exit"), target_id(EAST, 2024, "households_exit")}
    assert all("年度目标任务（target）由区县统一维护" in reason for reason in reasons.values())
    assert district.db.scalar("SELECT value FROM target WHERE kind = 'people_exit'") == 30
    assert district.db.scalar("SELECT count(*) FROM target") == 2
    assert district.db.scalar("SELECT rural_population FROM village_year") == 3014
