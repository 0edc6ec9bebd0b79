"""The receiver's side of scope (refusing a device's out-of-scope writes), orphans and unique keys
quarantined without stopping the package, and tombstone purges once every known replica holds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Area, Household, IncomeYear, Member
from fieldapp.sync import service
from fieldapp.sync.body import Change
from fieldapp.sync.district import public_identity, register_peer
from fieldapp.sync.merge import Merger
from tests.sync.conftest import Node, make_node
from tests.sync.model import deliver, send, snapshot

EAST, WEST = natural_id("area", "east"), natural_id("area", "west")


def _villages(node: Node) -> None:
    with node.writer.transaction() as txn:
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": None})


def _count(node: Node, sql: str, **params: object) -> int:
    return int(node.db.scalar(sql, **params) or 0)


def test_a_devices_out_of_scope_changes_are_refused_logged_and_never_passed_on(
        nodes: Callable[[int], list[Node]]) -> None:
    district, laptop, other = nodes(3)
    _villages(district)
    with district.writer.transaction() as txn:
        txn.put(Household, natural_id("w-old"), {"village_id": WEST, "hh_no": "W-1"})
    assert deliver(laptop, send(district, laptop)) is None
    before = snapshot(district)
    with laptop.writer.transaction() as txn:  # a laptop for 东村 writes into 西村 too (buggy or tampered)
        txn.put(Household, natural_id("e1"), {"village_id": EAST, "hh_no": "E-1"})
        txn.put(Member, natural_id("e1-m"), {"household_id": natural_id("e1"), "name": "张三"})
        txn.put(Household, natural_id("w1"), {"village_id": WEST, "hh_no": "W-2"})
        txn.put(Member, natural_id("w1-m"), {"household_id": natural_id("w1"), "name": "李四"})
        txn.update(Household, natural_id("w-old"), {"hh_no": "W-1 改"})
        txn.update(Household, natural_id("e1"), {"village_id": WEST})  # moving a household out: refused too
    result = service.import_package(district.rep, send(laptop, district), allowed_villages=[EAST])
    assert result.stats.refused == 4
    assert {r["row_id"] for r in result.stats.refusals} == {natural_id("w1"), natural_id("w1-m"),
                                                            natural_id("w-old"), natural_id("e1")}
    assert all("out of scope" in r["reason"] and WEST in r["reason"] for r in result.stats.refusals)
    after = snapshot(district)
    assert [r for r in after["household"] if natural_id("e1") not in r] == before["household"]
    assert [r for r in after["member"] if natural_id("e1-m") not in r] == before["member"]
    assert _count(district, "SELECT village_id = :v FROM household WHERE id = :h", v=EAST, h=natural_id("e1")) == 1
    assert _count(district, "SELECT hh_no = 'W-1' FROM household WHERE id = :h", h=natural_id("w-old")) == 1
    assert _count(district, "SELECT count(*) FROM sync_quarantine WHERE status = 'refused'") == 4
    assert _count(district, "SELECT count(*) FROM change_log WHERE row_id = :h", h=natural_id("w1")) == 0
    # What the district passes on holds none of the refused changes.
    assert deliver(other, send(district, other)) is None
    assert _count(other, "SELECT count(*) FROM household WHERE id = :h", h=natural_id("w1")) == 0
    assert _count(other, "SELECT hh_no = 'W-1' FROM household WHERE id = :h", h=natural_id("w-old")) == 1
    # The refused changes are held (the vector moved past them): sending again changes nothing.
    again = service.import_package(district.rep, send(laptop, district), allowed_villages=[EAST])
    assert again.stats.refused == 0 and again.stats.applied == 0


def test_an_orphan_and_a_duplicate_unique_key_are_quarantined_and_the_rest_applies(
        nodes: Callable[[int], list[Node]]) -> None:
    (a,) = nodes(1)
    _villages(a)
    hid = natural_id("h")
    with a.writer.transaction() as txn:
        txn.put(Household, hid, {"village_id": EAST})
        txn.put(IncomeYear, natural_id("inc-a"), {"household_id": hid, "year": 2025})
    origin = "f" * 8 + "-0000-4000-8000-000000000009"
    now = a.writer.clock.now()
    batch = [
        Change(origin, 1, now + 1, "member", natural_id("orphan"), natural_id("nobody"), "insert",
               {"household_id": natural_id("nobody"), "name": "无户"}, {}),
        Change(origin, 2, now + 2, "income_year", natural_id("inc-b"), hid, "insert",
               {"household_id": hid, "year": 2025}, {}),  # another row for the same household and year
        Change(origin, 3, now + 3, "member", natural_id("fine"), hid, "insert", {"household_id": hid, "name": "王五"},
               {}),
        Change(origin, 4, now + 4, "member", natural_id("orphan"), natural_id("nobody"), "update",
               {"name": "无户2"}, {"name": [now + 1, origin]}),
    ]
    with a.db.transaction() as conn:
        merger = Merger(conn, a.writer.clock, {})
        merger.apply(batch)
        stats = merger.finish()
    assert (stats.applied, stats.quarantined) == (1, 3)
    reasons = [str(r[0]) for r in a.db.engine.connect().exec_driver_sql(
        "SELECT reason FROM sync_quarantine ORDER BY origin_seq")]
    assert "orphan" in reasons[0] and natural_id("nobody") in reasons[0]
    assert "unique" in reasons[1] and natural_id("inc-a") in reasons[1]
    assert "record missing" in reasons[2]
    assert _count(a, "SELECT count(*) FROM member WHERE id = :m", m=natural_id("fine")) == 1
    assert _count(a, "SELECT count(*) FROM income_year") == 1


def test_tombstones_are_purged_once_every_known_replica_holds_the_delete(
        nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    _villages(a)
    assert deliver(b, send(a, b)) is None
    with a.writer.transaction() as txn:
        txn.delete(Area, WEST)
    assert _count(a, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 1  # b has not got it yet
    assert deliver(b, send(a, b)) is None  # b holds it, and knows a does: b purges
    assert _count(b, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 0
    assert _count(a, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 1
    assert deliver(a, send(b, a)) is None  # b reports holding it: a purges
    assert _count(a, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 0
    assert _count(a, "SELECT count(*) FROM change_log WHERE row_id = :w AND op = 'delete'", w=WEST) == 1
    assert snapshot(a) == snapshot(b)


def test_a_late_edit_of_a_purged_row_is_skipped_and_the_conflict_is_where_the_delete_met_it(
        tmp_path: Path, template_db: Path) -> None:
    district, a, b = (make_node(tmp_path / n, template_db, n) for n in ("d", "a", "b"))
    try:
        for laptop in (a, b):  # a and b know only the district
            register_peer(laptop.db, public_identity(district.rep.identity, "d"))
            register_peer(district.db, public_identity(laptop.rep.identity, laptop.name))
        _villages(a)
        assert deliver(district, send(a, district)) is None
        assert deliver(b, send(district, b)) is None
        with b.writer.transaction() as txn:  # b edits, offline
            txn.update(Area, WEST, {"name": "西村（改）"})
        with a.writer.transaction() as txn:  # a deletes, syncs, and purges: its only peer holds the delete
            txn.delete(Area, WEST)
        assert deliver(district, send(a, district)) is None
        assert deliver(a, send(district, a)) is None
        assert _count(a, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 0
        assert _count(district, "SELECT deleted FROM area WHERE id = :w", w=WEST) == 1  # b lacks it: kept
        assert deliver(district, send(b, district)) is None  # b's edit meets the tombstone: a conflict
        assert _count(district, "SELECT count(*) FROM sync_conflict WHERE kind = 'delete'") == 1
        result = service.import_package(a.rep, send(district, a))  # the edit reaches a, after its purge
        assert result.stats.quarantined == 0
        assert _count(a, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 0
        for _ in range(2):
            for laptop in (a, b):
                assert deliver(laptop, send(district, laptop)) is None
                assert deliver(district, send(laptop, district)) is None
        for node in (district, a, b):
            assert _count(node, "SELECT count(*) FROM area WHERE id = :w", w=WEST) == 0, node.name
    finally:
        for node in (district, a, b):
            node.db.close()
