"""Merge rules on real replicas: conflicts and their resolution, deletes against edits, the clock
guard, quarantine of rule-breaking changes, scope filtering and exit markers, unknown fields."""

from __future__ import annotations

import json
from collections.abc import Callable

from fieldapp.domain.hlc import MAX_DRIFT_MS
from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Area, Household, Member, Threshold
from fieldapp.sync import review, service
from fieldapp.sync.body import Change
from fieldapp.sync.district import public_identity, register_peer
from fieldapp.sync.merge import Merger
from fieldapp.sync.pending import apply_pending
from tests.sync.conftest import Node
from tests.sync.model import converge, deliver, send, snapshot

TID = natural_id("threshold", "x")


def _threshold(node: Node, **values: object) -> None:
    with node.writer.transaction() as txn:
        txn.put(Threshold, TID, {"kind": "poverty_line", "year": 2025, "area_code": "611002", "amount": 1, **values})


def _amount(node: Node) -> object:
    return node.db.scalar("SELECT amount FROM threshold")


def test_concurrent_edits_conflict_and_the_resolution_syncs(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _threshold(a)
    converge([a, b])
    _threshold(a, amount=200)
    _threshold(b, amount=300)
    converge([a, b])
    assert _amount(a) == _amount(b) == 300  # b's edit is later
    for node in (a, b):
        (c,) = review.conflicts(node.rep)
        assert (c["field"], c["winner_value"], c["loser_value"]) == ("amount", "300", "200")
        assert c["loser_device"] == a.device_id and c["winner_device"] == b.device_id
    review.resolve_conflict(a.rep, a.writer, review.conflicts(a.rep)[0]["id"], "loser")
    converge([a, b])
    assert _amount(a) == _amount(b) == 200
    assert review.conflicts(a.rep) == [] and review.conflicts(b.rep) == []  # b saw the resolving change


def test_delete_concurrent_with_edit_is_a_conflict(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _threshold(a)
    converge([a, b])
    with a.writer.transaction() as txn:
        txn.delete(Threshold, TID)
    _threshold(b, note="edited offline")
    converge([a, b])
    assert snapshot(a) == snapshot(b)
    for node in (a, b):
        kinds = {c["kind"] for c in review.conflicts(node.rep)}
        assert "delete" in kinds, node.name


def _delete_conflicts(node: Node) -> set[tuple[object, ...]]:
    return {(c["field"], c["winner_value"], c["winner_hlc"], c["winner_device"], c["loser_value"], c["loser_hlc"],
             c["loser_device"]) for c in review.conflicts(node.rep) if c["kind"] == "delete"}


def test_a_delete_crossing_edits_lists_the_same_conflict_whichever_arrives_first(
        nodes: Callable[[int], list[Node]]) -> None:
    a, b, c, d = nodes(4)
    _threshold(a)
    converge([a, b, c, d])
    _threshold(b, amount=7)  # two edits b makes offline ...
    _threshold(b, amount=7, note="checked")
    with c.writer.transaction() as txn:  # ... while c, not having seen them, deletes the record
        txn.delete(Threshold, TID)
    from_b, from_c = send(b, a), send(c, a)
    assert deliver(a, from_b) is None and deliver(a, from_c) is None  # the edits first, then the delete
    assert deliver(d, send(c, d)) is None and deliver(d, send(b, d)) is None  # the delete first
    converge([a, b, c, d])
    lists = [_delete_conflicts(n) for n in (a, b, c, d)]
    assert len(lists[0]) == 1 and all(x == lists[0] for x in lists), lists
    ((names, _w, _wh, winner, lost, _lh, _ld),) = lists[0]
    assert names == "amount,note" and winner == c.device_id and json.loads(lost) == {"amount": 7, "note": "checked"}


def test_a_delete_that_saw_the_edits_is_no_conflict(nodes: Callable[[int], list[Node]]) -> None:
    a, b, c = nodes(3)
    _threshold(a)
    converge([a, b, c])
    _threshold(b, amount=7)
    assert deliver(c, send(b, c)) is None
    with c.writer.transaction() as txn:  # c deletes after seeing b's edit
        txn.delete(Threshold, TID)
    assert deliver(a, send(b, a)) is None and deliver(a, send(c, a)) is None
    converge([a, b, c])
    assert [_delete_conflicts(n) for n in (a, b, c)] == [set(), set(), set()]


def test_restoring_a_deleted_record_settles_its_delete_conflict_everywhere(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _threshold(a)
    converge([a, b])
    with a.writer.transaction() as txn:
        txn.delete(Threshold, TID)
    _threshold(b, amount=9)
    converge([a, b])
    assert _delete_conflicts(a) == _delete_conflicts(b) != set()
    _threshold(a, amount=9)  # a puts the record back (its tombstone already purged), having seen b's edit
    converge([a, b])
    assert _delete_conflicts(a) == _delete_conflicts(b) == set()


def test_far_future_clock_is_clamped_flagged_and_beaten_by_the_next_edit(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    a.skew_ms[0] = 30 * 86_400_000  # a laptop a month ahead
    _threshold(a, amount=5)
    assert deliver(b, send(a, b)) is None
    assert b.writer.clock.last < a.writer.clock.last  # b's clock was not dragged along
    flags = [c for c in review.conflicts(b.rep) if c["kind"] == "clock"]
    assert len(flags) == 1 and flags[0]["winner_hlc"] - flags[0]["loser_hlc"] > 0
    assert (flags[0]["loser_hlc"] >> 16) - (b.writer.clock.last >> 16) <= MAX_DRIFT_MS
    _threshold(b, amount=6)  # b edits the value it saw: it wins, here and at a
    a.skew_ms[0] = 0
    converge([a, b])
    assert _amount(a) == _amount(b) == 6


def test_a_rule_breaking_change_is_quarantined_and_the_rest_applies(nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    village = natural_id("area", "v")
    with a.writer.transaction() as txn:
        txn.put(Area, village, {"level": "village", "name": "东村", "parent_id": None})
        for h in ("h1", "h2"):
            txn.put(Household, natural_id(h), {"village_id": village})
    converge([a, b])
    with a.writer.transaction() as txn:
        txn.insert(Member, {"household_id": natural_id("h1"), "name": "甲", "id_no": "X1"})
    with b.writer.transaction() as txn:  # the same resident ID in another household, offline
        txn.insert(Member, {"household_id": natural_id("h2"), "name": "乙", "id_no": "X1"})
        txn.update(Household, natural_id("h2"), {"address": "二组"})
    assert deliver(a, send(b, a)) is None
    (q,) = review.quarantined(a.rep)
    assert q["tbl"] == "member" and "X1" in q["reason"]
    assert a.db.scalar("SELECT address FROM household WHERE id = :i", i=natural_id("h2")) == "二组"
    assert a.db.scalar("SELECT count(*) FROM member WHERE id_no = 'X1'") == 1
    review.discard_quarantined(a.rep, q["id"])
    assert review.quarantined(a.rep) == []


def test_packages_to_a_scoped_peer_hold_only_its_villages_and_an_exit_marker(
        nodes: Callable[[int], list[Node]]) -> None:
    district, laptop = nodes(2)
    east, west = natural_id("area", "east"), natural_id("area", "west")
    register_peer(district.db, public_identity(laptop.rep.identity, "laptop"), scope=[east])
    laptop.rep.scope = [east]
    with district.writer.transaction() as txn:
        txn.put(Area, east, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, west, {"level": "village", "name": "西村", "parent_id": None})
        txn.put(Household, natural_id("e1"), {"village_id": east})
        txn.put(Household, natural_id("w1"), {"village_id": west})
    assert deliver(laptop, send(district, laptop)) is None
    assert laptop.db.scalar("SELECT count(*) FROM household") == 1
    assert laptop.db.scalar("SELECT count(*) FROM area") == 2
    with district.writer.transaction() as txn:
        txn.update(Household, natural_id("e1"), {"village_id": west})  # moved out of the laptop's scope
    result = service.import_package(laptop.rep, send(district, laptop))
    assert result.exits == 1
    assert laptop.db.scalar("SELECT household_id FROM sync_scope_exit") == natural_id("e1")
    # The household left the laptop (rows and list entry), without a delete that would sync back.
    assert laptop.db.scalar("SELECT count(*) FROM household") == 0
    assert laptop.db.scalar("SELECT count(*) FROM household_list") == 0
    assert laptop.db.scalar("SELECT count(*) FROM change_log WHERE op = 'delete'") == 0
    assert deliver(district, send(laptop, district)) is None
    assert district.db.scalar("SELECT count(*) FROM household WHERE deleted = 0") == 2
    assert district.db.scalar("SELECT village_id FROM household WHERE id = :h", h=natural_id("e1")) == west


def test_unknown_fields_are_kept_and_applied_after_upgrade(nodes: Callable[[int], list[Node]]) -> None:
    (a,) = nodes(1)
    _threshold(a)
    with a.db.transaction() as conn:
        merger = Merger(conn, a.writer.clock, {})
        merger.apply([Change("f" * 8 + "-0000-4000-8000-000000000001", 1, a.writer.clock.now(), "threshold", TID,
                             None, "update", {"amount": 9, "colour": "red"}, {"amount": [0, "x"]})])
        merger.finish()
    assert _amount(a) == 9
    pending = a.db.scalar("SELECT field FROM sync_pending")
    assert pending == "colour"
    with a.db.transaction() as conn:
        assert apply_pending(conn) == 0  # still no such column: kept
    assert a.db.scalar("SELECT count(*) FROM sync_pending") == 1
    with a.db.transaction() as conn:  # "upgrade": the column now exists as note
        conn.exec_driver_sql("UPDATE sync_pending SET field = 'note'")
        assert apply_pending(conn) == 1
    assert a.db.scalar("SELECT note FROM threshold") == "red"
    assert json.loads(str(a.db.scalar("SELECT field_clocks FROM threshold")))["note"][0] > 0


def test_changes_relayed_by_a_scoped_laptop_are_not_applied_twice(nodes: Callable[[int], list[Node]]) -> None:
    district, a, b = nodes(3)
    east = natural_id("area", "east")
    for laptop in (a, b):
        register_peer(district.db, public_identity(laptop.rep.identity, laptop.name), scope=[east])
        laptop.rep.scope = [east]
        register_peer(a.db if laptop is b else b.db, public_identity(laptop.rep.identity, laptop.name), scope=[east])
    with district.writer.transaction() as txn:
        txn.put(Area, east, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Household, natural_id("e1"), {"village_id": east})
    for laptop in (a, b):
        assert deliver(laptop, send(district, laptop)) is None
    with b.writer.transaction() as txn:
        txn.update(Household, natural_id("e1"), {"address": "三组"})
    assert deliver(a, send(b, a)) is None
    assert deliver(district, send(a, district)) is None  # b's change arrives relayed (a's scope is partial)
    assert deliver(district, send(b, district)) is None  # … and again from b itself: skipped, not a failure
    assert district.db.scalar("SELECT address FROM household") == "三组"
    assert district.db.scalar("SELECT count(*) FROM change_log WHERE origin = :o", o=b.device_id) == 1
