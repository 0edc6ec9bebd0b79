"""What a parent server takes from a child server (a district enrolled with its city), table by table.

Inside the child's villages the district-owned rows come up: the areas of its villages and above them up to
its level, people of its villages with no role above its level and their keys (still immutable), targets of
those areas. Outside (another village, the city's own area and target, a threshold: reference data comes
down only) they are refused and recorded. The same package from a laptop keeps the laptop's rules.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.services.targets.records import target_id
from fieldapp.store.models import Area, Person, SigningKey, Target, Threshold
from fieldapp.sync import service
from tests.sync.conftest import Node
from tests.sync.model import send

CITY, TOP, TOWN = natural_id("area", "市"), natural_id("area", "区"), natural_id("area", "镇")
EAST, WEST = natural_id("area", "east"), natural_id("area", "west")
KEY = natural_id("signing_key", "ab" * 32)


def _district_rows(district: Node) -> None:
    with district.writer.transaction() as txn:
        txn.put(Area, CITY, {"level": "city", "name": "商洛市"})
        txn.put(Area, TOP, {"level": "district", "name": "商州区", "parent_id": CITY})
        txn.put(Area, TOWN, {"level": "town", "name": "北宽坪镇", "parent_id": TOP})
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": TOWN})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": TOWN})
        txn.put(Person, "p-own", {"name": "队员", "roles": '["member"]', "village_ids": f'["{EAST}"]'})
        txn.put(Person, "p-approver", {"name": "审批", "roles": '["district"]', "village_ids": f'["{EAST}"]'})
        txn.put(Person, "p-other", {"name": "外村", "roles": '["member"]', "village_ids": f'["{WEST}"]'})
        txn.put(SigningKey, KEY, {"person_id": "p-own", "public_key": "ab" * 32, "created_at": 1})
        txn.put(Target, target_id(EAST, 2026, "people_exit"), {"area_id": EAST, "year": 2026, "kind": "people_exit",
                                                                "value": 30})
        txn.put(Target, target_id(TOP, 2026, "people_exit"), {"area_id": TOP, "year": 2026, "kind": "people_exit",
                                                               "value": 300})
        txn.put(Target, target_id(WEST, 2026, "people_exit"), {"area_id": WEST, "year": 2026, "kind": "people_exit",
                                                                "value": 9})
        txn.put(Target, target_id(CITY, 2026, "people_exit"), {"area_id": CITY, "year": 2026, "kind": "people_exit",
                                                                "value": 9000})
        txn.put(Threshold, natural_id("threshold", "x"), {"kind": "poverty_line", "year": 2030,
                                                          "area_code": "000000", "amount": 1})


def _city_rows(city: Node) -> None:
    with city.writer.transaction() as txn:  # the city's own area, as the district also holds it
        txn.put(Area, CITY, {"level": "city", "name": "商洛市"})


def test_a_child_server_brings_up_the_district_rows_of_its_scope_only(nodes: Callable[[int], list[Node]]) -> None:
    city, district = nodes(2)
    _city_rows(city)
    _district_rows(district)
    result = service.import_package(city.rep, send(district, city), allowed_villages=[EAST], child_level="district")
    refused = {r["row_id"] for r in result.stats.refusals}
    assert refused == {WEST, "p-other", target_id(WEST, 2026, "people_exit"),
                       target_id(CITY, 2026, "people_exit"), natural_id("threshold", "x")}
    with city.db.read() as conn:
        areas = {r[0] for r in conn.exec_driver_sql("SELECT name FROM area")}
        people = {r[0] for r in conn.exec_driver_sql("SELECT id FROM person")}
        targets = {r[0] for r in conn.exec_driver_sql("SELECT value FROM target")}
    assert areas == {"商洛市", "商州区", "北宽坪镇", "东村"}  # the city's own row: the same, skipped
    assert people == {"p-own", "p-approver"}  # a district approver is not above a district's server
    assert targets == {30, 300}
    assert city.db.scalar("SELECT count(*) FROM signing_key") == 1
    assert city.db.scalar("SELECT count(*) FROM sync_quarantine WHERE status = 'refused'") == len(refused)

    # later: the district renames its town (inside) and the city (above it), and rewrites a key (immutable)
    with district.writer.transaction() as txn:
        txn.update(Area, TOWN, {"name": "北宽坪"})
        txn.update(Area, CITY, {"name": "商洛"})
        txn.update(SigningKey, KEY, {"public_key": "cd" * 32})
    again = service.import_package(city.rep, send(district, city), allowed_villages=[EAST], child_level="district")
    assert {r["row_id"] for r in again.stats.refusals} == {KEY, CITY}
    assert city.db.scalar("SELECT name FROM area WHERE id = :t", t=TOWN) == "北宽坪"
    assert city.db.scalar("SELECT name FROM area WHERE id = :t", t=CITY) == "商洛市"


def test_a_town_server_gives_no_district_role_and_a_laptop_keeps_its_rules(nodes: Callable[[int], list[Node]]) -> None:
    city, district, other = nodes(3)
    _city_rows(city)
    _district_rows(district)
    data = send(district, city)
    town = service.import_package(city.rep, data, allowed_villages=[EAST], child_level="town")
    refused = {r["row_id"] for r in town.stats.refusals}
    assert {"p-approver", TOP, target_id(TOP, 2026, "people_exit")} <= refused  # above a town's level
    assert "p-own" not in refused and TOWN not in refused
    laptop = service.import_package(other.rep, send(district, other), allowed_villages=[EAST])
    as_laptop = {r["row_id"] for r in laptop.stats.refusals}
    assert {"p-approver", target_id(EAST, 2026, "people_exit")} <= as_laptop  # a laptop writes no target
