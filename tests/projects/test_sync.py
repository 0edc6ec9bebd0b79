"""A project between two laptops through the district: a village team's project goes up with its budget and
progress and reaches the township laptop; the township's approval and disbursement come back down. A town's
project is inside the scope of a device holding every village of the town only, and a laptop author without
``project.disburse`` has a disbursement refused by the merge, naming the permission (and a raised approved amount,
``project.approve``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import (
    Area,
    Household,
    Person,
    Project,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
    ProjectProgress,
)
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from tests.sync.conftest import Node
from tests.sync.model import deliver, send, snapshot

TOP, TOWN = natural_id("area", "区"), natural_id("area", "镇")
EAST, WEST = natural_id("area", "east"), natural_id("area", "west")
LEADER, REVIEWER = natural_id("person", "队长"), natural_id("person", "乡审")
HOME = natural_id("household", "张大山")
WAN = 1_000_000
D = dt.date
PROJECT_TABLES = ("project", "project_budget", "project_beneficiary", "project_progress", "project_disbursement")


def _world(district: Node, *laptops: Node) -> None:
    with district.writer.transaction() as txn:
        txn.put(Area, TOP, {"level": "district", "name": "商州区", "code": "611002"})
        txn.put(Area, TOWN, {"level": "town", "name": "北宽坪镇", "parent_id": TOP})
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": TOWN})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": TOWN})
        txn.put(Person, LEADER, {"name": "队长", "roles": '["leader"]', "village_ids": f'["{EAST}"]'})
        txn.put(Person, REVIEWER, {"name": "乡审", "roles": '["township"]', "village_ids": f'["{EAST}", "{WEST}"]'})
        txn.put(Household, HOME, {"village_id": EAST, "hh_no": "611002000001", "group_no": 1})
    for laptop in laptops:
        assert deliver(laptop, send(district, laptop)) is None


def _as(node: Node, person: str, name: str) -> ChangeWriter:
    """The node's writer for a person (the merge judges the author by the person's roles)."""
    return ChangeWriter(node.db, Actor(node.device_id, person, name), node.rep.clock)


def _projects(node: Node) -> dict[str, list[tuple[object, ...]]]:
    held = snapshot(node)
    return {t: held[t] for t in PROJECT_TABLES}


def test_a_village_project_goes_up_and_the_townships_approval_comes_down(nodes: Callable[[int], list[Node]]) -> None:
    district, village, township = nodes(3)
    _world(district, village, township)
    pid = natural_id("project", "核桃园")
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.put(Project, pid, {"village_id": EAST, "town_id": TOWN, "name": "核桃园提质增效", "type": "industry",
                               "industry": "fruit", "unit": "镇农业站", "budget_total": 60 * WAN, "status": "planned"})
        for channel, amount in (("superior", 50 * WAN), ("local_finance", 10 * WAN)):
            txn.put(ProjectBudget, natural_id("project_budget", pid, channel),
                    {"project_id": pid, "village_id": EAST, "channel": channel, "amount": amount})
        txn.put(ProjectBeneficiary, natural_id("project_beneficiary", pid, HOME),
                {"project_id": pid, "household_id": HOME, "amount": 2 * WAN})
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    assert result.stats.refusals == []
    assert deliver(township, send(district, township)) is None
    assert _projects(township) == _projects(village)
    assert township.db.scalar("SELECT sum(amount) FROM project_budget") == 60 * WAN

    with _as(township, REVIEWER, "乡审").transaction() as txn:
        txn.update(Project, pid, {"status": "approved", "approved_amount": 55 * WAN, "approved_on": D(2026, 3, 1)})
        txn.insert(ProjectDisbursement, {"project_id": pid, "village_id": EAST, "date": D(2026, 4, 1),
                                         "amount": 20 * WAN, "channel": "superior", "payee": "镇财政所",
                                         "voucher_no": "记-001"})
    result = service.import_package(district.rep, send(township, district), allowed_villages=[EAST, WEST])
    assert result.stats.refusals == []
    assert deliver(village, send(district, village)) is None
    assert _projects(village) == _projects(township) == _projects(district)
    assert village.db.scalar("SELECT status FROM project") == "approved"
    assert village.db.scalar("SELECT amount FROM project_disbursement") == 20 * WAN

    # the team's progress goes up too
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.update(Project, pid, {"status": "in_progress", "actual_start": D(2026, 3, 15)})
        txn.insert(ProjectProgress, {"project_id": pid, "village_id": EAST, "date": D(2026, 5, 1), "percent": 40,
                                     "note": "栽植完成"})
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    assert result.stats.refusals == []
    assert district.db.scalar("SELECT percent FROM project_progress") == 40


def test_a_leaders_disbursement_is_refused_naming_the_permission(nodes: Callable[[int], list[Node]]) -> None:
    district, village, other = nodes(3)
    _world(district, village, other)
    pid = natural_id("project", "道路")
    with _as(district, REVIEWER, "乡审").transaction() as txn:
        txn.put(Project, pid, {"village_id": EAST, "town_id": TOWN, "name": "通组道路", "type": "infrastructure",
                               "unit": "镇交管站", "budget_total": 10 * WAN, "status": "approved",
                               "approved_amount": 10 * WAN, "approved_on": D(2026, 3, 1)})
        txn.put(ProjectBudget, natural_id("project_budget", pid, "superior"),
                {"project_id": pid, "village_id": EAST, "channel": "superior", "amount": 10 * WAN})
    assert deliver(village, send(district, village)) is None
    assert deliver(other, send(district, other)) is None
    # a leader's account writes a disbursement anyway (an old version, a changed program): its author lacks
    # project.disburse, so whoever receives it refuses it
    with _as(village, LEADER, "队长").transaction() as txn:
        row = txn.insert(ProjectDisbursement, {"project_id": pid, "village_id": EAST, "date": D(2026, 4, 1),
                                               "amount": WAN, "channel": "superior", "payee": "x", "voucher_no": "1"})
    with _as(village, LEADER, "队长").transaction() as txn:  # and raises the approved amount
        txn.update(Project, pid, {"approved_amount": 12 * WAN})
    result = service.import_package(other.rep, send(village, other))
    reasons = {r["row_id"]: r["reason"] for r in result.stats.refusals}
    assert set(reasons) == {row, pid}
    assert "project.disburse" in reasons[row] and "project.approve" in reasons[pid]
    assert other.db.scalar("SELECT count(*) FROM project_disbursement") == 0
    assert other.db.scalar("SELECT approved_amount FROM project") == 10 * WAN


def test_a_town_project_is_in_the_scope_of_a_device_holding_the_whole_town(
        nodes: Callable[[int], list[Node]]) -> None:
    district, village, township = nodes(3)
    _world(district, village, township)
    pid = natural_id("project", "污水站")
    with _as(township, REVIEWER, "乡审").transaction() as txn:
        txn.put(Project, pid, {"village_id": TOWN, "town_id": TOWN, "name": "镇污水处理站", "type": "infrastructure",
                               "unit": "镇建管站", "budget_total": 80 * WAN, "status": "planned"})
        txn.put(ProjectBudget, natural_id("project_budget", pid, "superior"),
                {"project_id": pid, "village_id": TOWN, "channel": "superior", "amount": 80 * WAN})
    # the township's laptop holds both villages of the town: the district takes its town project
    result = service.import_package(district.rep, send(township, district), allowed_villages=[EAST, WEST])
    assert result.stats.refusals == []
    assert district.db.scalar("SELECT name FROM project") == "镇污水处理站"
    assert deliver(village, send(district, village)) is None  # and it reaches the villages of the town
    # a village laptop's change to the town's project is outside its scope (it holds 东村 only)
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.update(Project, pid, {"name": "东村污水站"})
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    reasons = [r["reason"] for r in result.stats.refusals]
    assert len(reasons) == 1 and "超出本设备负责的村" in reasons[0]
    assert district.db.scalar("SELECT name FROM project") == "镇污水处理站"
