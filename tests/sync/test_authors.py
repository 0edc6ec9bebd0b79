"""Who wrote a received change: a known person with the permission, the program, or nobody known.

A laptop's life: changes made before it had accounts (the set-up cadre named as author), the first
account made by the program, then only changes by signed-in people. A change claiming an author who
is no known person, made after the laptop had accounts, is refused and the refusal names who it
claims to be; the district's own changes (no author) keep applying.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from fieldapp.domain import people
from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Area, Household, Person
from fieldapp.store.writer import SYNCED_TABLES, Actor, ChangeWriter
from fieldapp.sync import service
from fieldapp.sync.body import Change
from fieldapp.sync.merge import TABLES, Merger
from tests.sync.conftest import Node
from tests.sync.model import send

VILLAGE = natural_id("area", "v")
HOUSEHOLD = natural_id("h1")
CADRE = "0190aaaa-0000-7000-8000-00000000cad1"  # the set-up cadre: the program's writes name it
LEADER = "0190aaaa-0000-7000-8000-0000000000e1"
GHOST = "0190aaaa-0000-7000-8000-000000000bad"


def _as(node: Node, user_id: str | None, name: str, roles: tuple[str, ...] | None = None) -> ChangeWriter:
    return ChangeWriter(node.db, Actor(node.device_id, user_id, name, roles=roles), node.rep.clock)


def _address(node: Node) -> object:
    return node.db.scalar("SELECT address FROM household WHERE id = :i", i=HOUSEHOLD)


def _refusals(node: Node) -> list[tuple[str, str]]:
    rows = node.db.engine.connect().exec_driver_sql(
        "SELECT tbl, reason FROM sync_quarantine WHERE status = 'refused' ORDER BY id").all()
    return [(str(r[0]), str(r[1])) for r in rows]


def test_a_laptops_history_before_and_after_accounts(nodes: Callable[[int], list[Node]]) -> None:
    laptop, district = nodes(2)
    program = _as(laptop, CADRE, "王伟")
    with program.transaction() as txn:  # before accounts: the set-up cadre is the author
        txn.put(Area, VILLAGE, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Household, HOUSEHOLD, {"village_id": VILLAGE, "address": "一组"})
    with program.transaction() as txn:  # the first account, made by the program (setup or enrolment)
        txn.insert(Person, {"id": LEADER, "name": "王队长", "cadre_id": CADRE, "roles": json.dumps(["leader"]),
                            "village_ids": json.dumps([VILLAGE]), "active": True})
    with _as(laptop, LEADER, "王队长", ("leader",)).transaction() as txn:  # signed in from now on
        txn.update(Household, HOUSEHOLD, {"address": "二组"})
    with _as(laptop, GHOST, "冒名者").transaction() as txn:  # no such person (a doctored laptop)
        txn.update(Household, HOUSEHOLD, {"address": "三组"})
    with program.transaction() as txn:  # no account at all, after accounts existed
        txn.update(Household, HOUSEHOLD, {"phone": "13900000000"})

    result = service.import_package(district.rep, send(laptop, district))

    assert (result.stats.applied, result.stats.refused) == (4, 2)
    assert _address(district) == "二组"  # the leader's edit; the ghost's is not applied
    assert district.db.scalar("SELECT phone FROM household") is None
    (ghost_tbl, ghost), (program_tbl, unsigned) = _refusals(district)
    assert ghost_tbl == program_tbl == "household"
    assert "冒名者" in ghost and GHOST in ghost and "unknown author" in ghost
    assert "王伟" in unsigned and CADRE in unsigned and "unknown author" in unsigned
    assert [r["reason"] for r in result.stats.refusals] == [ghost, unsigned]  # told to the sender too


def test_the_districts_own_changes_and_a_person_it_made_relayed_to_another_laptop(
        nodes: Callable[[int], list[Node]]) -> None:
    district, laptop, other = nodes(3)
    server = _as(district, None, "区县服务器")  # the district server's own writes carry no author
    with server.transaction() as txn:
        txn.put(Area, VILLAGE, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Household, HOUSEHOLD, {"village_id": VILLAGE, "address": "一组"})
        txn.insert(Person, {"id": LEADER, "name": "王队长", "roles": json.dumps(["leader"]),
                            "village_ids": json.dumps([VILLAGE]), "active": True})
    service.import_package(laptop.rep, send(district, laptop))
    with _as(laptop, LEADER, "王队长", ("leader",)).transaction() as txn:  # the person the district made
        txn.update(Household, HOUSEHOLD, {"address": "二组"})
    assert service.import_package(district.rep, send(laptop, district)).stats.refused == 0
    with server.transaction() as txn:  # the district's later changes, still with no author
        txn.update(Household, HOUSEHOLD, {"phone": "13900000000"})
    # the other laptop gets it all in one package: the person (the district's), the edit, the district's
    result = service.import_package(other.rep, send(district, other))
    assert (result.stats.applied, result.stats.refused) == (5, 0)
    assert _address(other) == "二组"
    assert other.db.scalar("SELECT phone FROM household") == "13900000000"


def test_an_inactive_or_unknown_author_is_refused_in_a_single_change(nodes: Callable[[int], list[Node]]) -> None:
    (node,) = nodes(1)
    with _as(node, CADRE, "王伟").transaction() as txn:
        txn.put(Area, VILLAGE, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Household, HOUSEHOLD, {"village_id": VILLAGE})
        txn.insert(Person, {"id": LEADER, "name": "王队长", "roles": json.dumps(["leader"]),
                            "village_ids": json.dumps([VILLAGE]), "active": False})

    def change(seq: int, user_id: str, name: str) -> Change:
        return Change(origin="other-laptop", seq=seq, hlc=node.rep.clock.now() + 1000, tbl="household",
                      row_id=HOUSEHOLD, household_id=HOUSEHOLD, op="update", fields={"group_no": seq}, prev={},
                      user_id=user_id, user_name=name)

    with node.db.transaction() as conn:
        merger = Merger(conn, node.rep.clock, {})
        merger.apply([change(1, LEADER, "王队长"),  # an account, but no longer active: it holds no role
                      change(2, GHOST, "冒名者")])  # after an account wrote from that laptop: unknown
        stats = merger.finish()
    assert stats.applied == 0 and stats.refused == 2
    inactive, ghost = (r["reason"] for r in stats.refusals)
    assert "register.edit" in inactive and "王队长" in inactive
    assert "unknown author" in ghost and GHOST in ghost and "冒名者" in ghost


# -- every synced table's write permission, every role -------------------------------------------------

TABLE = people.permission_table()


def _write_cases() -> list[tuple[str, str, bool]]:
    """(table, op, on oneself) for every synced table and op; check-ins for oneself and for another."""
    out = []
    for tbl in sorted(SYNCED_TABLES):
        for op in people.OPS:
            out.append((tbl, op, False))
            if tbl == "checkin":
                out.append((tbl, op, True))
    return out


def _filled(tbl: str) -> dict[str, object]:
    """An insert's required fields, each with a plain value of its type (what the change holds matters only
    as far as the permission goes: a permitted one may still be held back for its data, never refused)."""
    plain = {"INTEGER": 1, "BOOLEAN": False, "DATE": "2024-01-01"}
    return {c.name: plain.get(str(c.type), "x") for c in TABLES[tbl].columns
            if not c.nullable and c.default is None and not c.primary_key
            and c.name not in ("row_hlc", "row_device", "field_clocks", "deleted")}


@pytest.mark.parametrize(("tbl", "op", "own"), _write_cases(), ids=str)
def test_every_role_writing_every_synced_table(nodes: Callable[[int], list[Node]], tbl: str, op: str,
                                               own: bool) -> None:
    (node,) = nodes(1)
    authors = {role: f"0190aaaa-0000-7000-8000-{i:012d}" for i, role in enumerate(people.ROLES, start=1)}
    with _as(node, None, "区县").transaction() as txn:
        for role, person in authors.items():
            txn.insert(Person, {"id": person, "name": f"作者{role}", "cadre_id": CADRE, "roles": json.dumps([role]),
                                "village_ids": json.dumps([VILLAGE]), "active": True})
    fields = {"deleted": True} if op == "delete" else _filled(tbl) if op == "insert" else {"note": "x"}
    if tbl == "checkin":
        fields["cadre_id"] = CADRE if own else "0190aaaa-0000-7000-8000-0000000000ff"
    needed = TABLE.needed(tbl, op, fields, CADRE)
    changes = [Change(origin="laptop", seq=i, hlc=node.rep.clock.now() + 1000 * i, tbl=tbl,
                      row_id=f"0190bbbb-0000-7000-8000-{i:012d}", household_id=None, op=op, fields=fields, prev={},
                      user_id=authors[role], user_name=f"作者{role}") for i, role in enumerate(people.ROLES, start=1)]
    with node.db.transaction() as conn:
        merger = Merger(conn, node.rep.clock, {})
        merger.apply(changes)
        stats = merger.finish()
    refused = {r["seq"]: r["reason"] for r in stats.refusals}
    for i, role in enumerate(people.ROLES, start=1):
        if TABLE.allows([role], needed):  # applied, or held for a data reason: never refused for its author
            assert i not in refused, (role, refused.get(i))
        else:
            assert f"（permission {needed}）" in refused[i] and f"作者{role}" in refused[i], (role, refused.get(i))
    assert stats.refused == sum(not TABLE.allows([r], needed) for r in people.ROLES)
