"""Assets between laptops through the district: a village team's asset, income and distribution go up and reach
the township laptop; a signed change comes down. A received delete or rewrite of a change is refused by the merge
naming ``asset.amend``; a distribution over the income from an author without ``asset.edit`` is refused naming it,
and a change outside the sender's villages is refused as outside its scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import (
    Area,
    Asset,
    AssetDistribution,
    AssetEvent,
    AssetIncome,
    Household,
    Person,
    Project,
)
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from tests.sync.conftest import Node
from tests.sync.model import deliver, send, snapshot

TOP, TOWN = natural_id("area", "区"), natural_id("area", "镇")
EAST, WEST = natural_id("area", "east"), natural_id("area", "west")
LEADER, COMMITTEE, REVIEWER = (natural_id("person", "队长"), natural_id("person", "两委"),
                               natural_id("person", "乡审"))
HOME, AWAY = natural_id("household", "张大山"), natural_id("household", "王三水")
PID, ASSET = natural_id("project", "光伏"), natural_id("asset", "光伏电站")
WAN = 1_000_000
D = dt.date
ASSET_TABLES = ("asset", "asset_income", "asset_distribution", "asset_event")


def _world(district: Node, *laptops: Node) -> None:
    with district.writer.transaction() as txn:
        txn.put(Area, TOP, {"level": "district", "name": "商州区", "code": "611002"})
        txn.put(Area, TOWN, {"level": "town", "name": "北宽坪镇", "parent_id": TOP})
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": TOWN})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": TOWN})
        txn.put(Person, LEADER, {"name": "队长", "roles": '["leader"]', "village_ids": f'["{EAST}"]'})
        txn.put(Person, COMMITTEE, {"name": "两委", "roles": '["committee"]', "village_ids": f'["{EAST}"]'})
        txn.put(Person, REVIEWER, {"name": "乡审", "roles": '["township"]', "village_ids": f'["{EAST}", "{WEST}"]'})
        txn.put(Household, HOME, {"village_id": EAST, "hh_no": "611002000001", "group_no": 1})
        txn.put(Household, AWAY, {"village_id": WEST, "hh_no": "611002000002", "group_no": 1})
        txn.put(Project, PID, {"village_id": EAST, "town_id": TOWN, "name": "村级光伏电站", "type": "industry",
                               "unit": "镇农业站", "budget_total": 50 * WAN, "status": "accepted",
                               "approved_amount": 50 * WAN, "approved_on": D(2025, 2, 1)})
    for laptop in laptops:
        assert deliver(laptop, send(district, laptop)) is None


def _as(node: Node, person: str, name: str) -> ChangeWriter:
    return ChangeWriter(node.db, Actor(node.device_id, person, name), node.rep.clock)


def _assets(node: Node) -> dict[str, list[tuple[object, ...]]]:
    held = snapshot(node)
    return {t: held[t] for t in ASSET_TABLES}


def _station(village: Node) -> str:
    income = natural_id("asset_income", ASSET, "2025")
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.put(Asset, ASSET, {"project_id": PID, "village_id": EAST, "kind": "operating", "name": "光伏电站",
                               "value": 40 * WAN, "manager": "村股份经济合作社", "state": "in_use",
                               "recorded_on": D(2025, 9, 1)})
        txn.put(AssetIncome, income, {"asset_id": ASSET, "village_id": EAST, "year": 2025, "income": 4 * WAN})
        txn.put(AssetDistribution, natural_id("asset_distribution", income, HOME),
                {"income_id": income, "asset_id": ASSET, "household_id": HOME, "year": 2025, "amount": 3_000_001})
    return income


def test_a_villages_assets_go_up_and_a_signed_change_comes_down(nodes: Callable[[int], list[Node]]) -> None:
    district, village, township = nodes(3)
    _world(district, village, township)
    _station(village)
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    assert result.stats.refusals == []
    assert deliver(township, send(district, township)) is None
    assert _assets(township) == _assets(village)
    assert township.db.scalar("SELECT amount FROM asset_distribution") == 3_000_001

    with _as(township, REVIEWER, "乡审").transaction() as txn:
        event = txn.insert(AssetEvent, {"asset_id": ASSET, "village_id": EAST, "kind": "damage",
                                        "date": D(2026, 7, 12), "reason": "暴雨冲毁组件",
                                        "manager_before": "村股份经济合作社",
                                        "manager_after": "村股份经济合作社", "state_before": "in_use",
                                        "state_after": "damaged"})
        txn.update(Asset, ASSET, {"state": "damaged"})
    result = service.import_package(district.rep, send(township, district), allowed_villages=[EAST, WEST])
    assert result.stats.refusals == []
    assert deliver(village, send(district, village)) is None
    assert _assets(village) == _assets(township) == _assets(district)
    assert village.db.scalar("SELECT state FROM asset") == "damaged"

    # a changed program deletes the change and rewrites another's reason: whoever receives it refuses both
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.delete(AssetEvent, event)
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    reasons = [r["reason"] for r in result.stats.refusals]
    assert len(reasons) == 1 and "asset.amend" in reasons[0]
    assert district.db.scalar("SELECT count(*) FROM asset_event WHERE deleted = 0") == 1


def test_received_asset_changes_are_judged_by_their_authors_permissions_and_villages(
        nodes: Callable[[int], list[Node]]) -> None:
    district, village, other = nodes(3)
    _world(district, village, other)
    income = _station(village)
    assert service.import_package(district.rep, send(village, district), allowed_villages=[EAST]).stats.refusals == []
    assert deliver(other, send(district, other)) is None
    # the committee may record income, but not sign a change nor move the state (asset.change)
    with _as(village, COMMITTEE, "两委").transaction() as txn:
        txn.update(AssetIncome, income, {"income": 5 * WAN})
        txn.update(Asset, ASSET, {"state": "idle"})
        event = txn.insert(AssetEvent, {"asset_id": ASSET, "village_id": EAST, "kind": "transfer",
                                        "date": D(2026, 1, 1), "reason": "x", "state_before": "in_use",
                                        "state_after": "idle"})
    # and a share for a household of 西村, which this laptop does not hold
    with _as(village, LEADER, "队长").transaction() as txn:
        away = natural_id("asset_distribution", income, AWAY)
        txn.put(AssetDistribution, away,
                       {"income_id": income, "asset_id": ASSET, "household_id": AWAY, "year": 2025, "amount": 1})
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    reasons = {r["row_id"]: r["reason"] for r in result.stats.refusals}
    assert set(reasons) == {ASSET, event, away}, reasons
    assert "asset.change" in reasons[ASSET] and "asset.change" in reasons[event]
    assert "超出本设备负责的村" in reasons[away]
    assert district.db.scalar("SELECT income FROM asset_income") == 5 * WAN
    assert district.db.scalar("SELECT state FROM asset") == "in_use"
    assert district.db.scalar("SELECT count(*) FROM asset_event") == 0
