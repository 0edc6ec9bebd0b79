"""Who may write which synced table: the ownership table covers every table; the district's rows stay the district's."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import SYNCED_TABLES, Area, Cadre, Household, Person, Threshold
from fieldapp.sync import authority, service
from fieldapp.sync.authority import Owner
from tests.sync.conftest import Node
from tests.sync.model import send


def test_every_synced_table_has_an_owner_and_unknown_tables_are_the_districts() -> None:
    assert set(authority.OWNERS) == set(SYNCED_TABLES), "a synced table needs a line in authority.OWNERS"
    assert authority.tables(Owner.DISTRICT) == {"area", "cadre", "threshold", "person", "signing_key", "target"}
    assert authority.owner("role_grant_of_a_later_version") is Owner.DISTRICT  # closed by default


def test_a_laptop_creates_only_what_its_grant_names_and_changes_nothing_of_the_districts(
        nodes: Callable[[int], list[Node]]) -> None:
    district, laptop = nodes(2)
    top, town = natural_id("area", "区"), natural_id("area", "镇")
    east, west = natural_id("area", "east"), natural_id("area", "west")
    line = natural_id("threshold", "poverty_line", 2025)
    with district.writer.transaction() as txn:  # the district's own threshold, also seeded on the laptop
        txn.put(Threshold, line, {"kind": "poverty_line", "year": 2025, "area_code": "000000", "amount": 400000})
    with laptop.writer.transaction() as txn:  # a laptop set up before the district knew its villages
        txn.put(Area, top, {"level": "district", "name": "商州区"})
        txn.put(Area, town, {"level": "town", "name": "北宽坪镇", "parent_id": top})
        txn.put(Area, east, {"level": "village", "name": "东村", "parent_id": town})
        txn.put(Area, west, {"level": "village", "name": "西村", "parent_id": town})
        txn.put(Cadre, natural_id("cadre", "王伟"), {"name": "王伟"})
        txn.put(Cadre, natural_id("cadre", "李四"), {"name": "李四"})
        txn.put(Threshold, line, {"kind": "poverty_line", "year": 2025, "area_code": "000000", "amount": 400000})
        txn.put(Threshold, natural_id("threshold", "x"), {"kind": "poverty_line", "year": 2030,
                                                          "area_code": "000000", "amount": 1})
        txn.put(Household, natural_id("h"), {"village_id": east, "hh_no": "E-1"})
    result = service.import_package(district.rep, send(laptop, district), allowed_villages=[east],
                                    enrolled_cadre="王伟")
    refused = {r["row_id"]: r["reason"] for r in result.stats.refusals}
    assert set(refused) == {west, natural_id("cadre", "李四"), natural_id("threshold", "x")}
    assert all("district-owned" in reason for reason in refused.values())
    with district.db.read() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM area")}
    assert names == {"商州区", "北宽坪镇", "东村"}  # the granted village and what is above it, taken once
    assert district.db.scalar("SELECT count(*) FROM household") == 1
    assert district.db.scalar("SELECT name FROM cadre") == "王伟"
    assert result.stats.skipped >= 1  # the identical threshold: nothing to refuse
    # Once the district holds them, a laptop's edit of an adopted row is refused like any other.
    with laptop.writer.transaction() as txn:
        txn.update(Area, east, {"name": "东村改"})
        txn.update(Threshold, line, {"amount": 1})
    again = service.import_package(district.rep, send(laptop, district), allowed_villages=[east],
                                   enrolled_cadre="王伟")
    assert {r["row_id"] for r in again.stats.refusals} == {east, line}
    assert district.db.scalar("SELECT name FROM area WHERE id = :v", v=east) == "东村"
    assert district.db.scalar("SELECT amount FROM threshold WHERE id = :t", t=line) == 400000


def test_a_laptop_adds_people_of_its_own_villages_with_team_roles_only(nodes: Callable[[int], list[Node]]) -> None:
    district, laptop = nodes(2)
    east, west = natural_id("area", "east"), natural_id("area", "west")
    with laptop.writer.transaction() as txn:
        txn.put(Area, east, {"level": "village", "name": "东村"})
        txn.put(Area, west, {"level": "village", "name": "西村"})
        txn.put(Person, "p-own", {"name": "队员", "roles": '["member"]', "village_ids": f'["{east}"]'})
        txn.put(Person, "p-other", {"name": "外村", "roles": '["member"]', "village_ids": f'["{west}"]'})
        txn.put(Person, "p-above", {"name": "审批", "roles": '["district"]', "village_ids": f'["{east}"]'})
    result = service.import_package(district.rep, send(laptop, district), allowed_villages=[east])
    refused = {r["row_id"] for r in result.stats.refusals}
    assert {"p-other", "p-above"} <= refused and "p-own" not in refused
    assert district.db.scalar("SELECT name FROM person") == "队员"
