"""One laptop with its clock in 2099, one in 1996; and conflict lists that converge like the data.

The issue's stories on real replicas: a far-future change is applied, flagged and re-stamped by
the replica that first receives it; nobody's clock follows it; a later real edit beats it on every
replica, the wrong-clocked laptop included; every replica lists the same open conflicts.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from fieldapp.domain.hlc import ceiling_at, physical_ms
from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Area, Threshold
from fieldapp.store.replay import DECLARE
from fieldapp.store.writer import ChangeWriter, shared_clock
from fieldapp.sync import review
from tests.sync.conftest import Node
from tests.sync.model import converge, deliver, send, snapshot

TID = natural_id("threshold", "clock")
YEAR_MS = 365 * 86_400_000


def _put(node: Node, **values: object) -> None:
    with node.writer.transaction() as txn:
        txn.put(Threshold, TID, {"kind": "poverty_line", "year": 2025, "area_code": "611002", "amount": 1,
                                 **values})


def _amount(node: Node) -> object:
    return node.db.scalar("SELECT amount FROM threshold")


def _open(node: Node) -> set[tuple[object, ...]]:
    return {(c["kind"], c["field"], c["winner_value"], c["winner_hlc"], c["winner_device"], c["loser_value"],
             c["loser_hlc"], c["loser_device"]) for c in review.conflicts(node.rep)}


def _now_ceiling() -> int:
    return ceiling_at(time.time_ns() // 1_000_000)


def test_a_laptop_in_2099_does_not_drag_the_district_and_cannot_win_forever(
        nodes: Callable[[int], list[Node]]) -> None:
    a, b, c = nodes(3)
    _put(a, amount=100)
    converge([a, b, c])
    a.skew_ms[0] = 73 * YEAR_MS  # faketime '2099-01-01'
    _put(a, amount=2099)
    assert deliver(b, send(a, b)) is None
    # applied (never dropped), flagged, and b's clock did not move to 2099
    assert _amount(b) == 2099
    assert [f["kind"] for f in review.conflicts(b.rep)] == ["clock"]
    assert b.rep.clock.last <= _now_ceiling()  # type: ignore[union-attr]
    (declared,) = b.db.engine.connect().exec_driver_sql(
        "SELECT origin, hlc FROM change_log WHERE fields LIKE '%~clock%'").all()
    assert declared[0] == b.device_id and declared[1] <= _now_ceiling()
    # b's next edit of something else is stamped with b's own time, also after a restart
    restarted = ChangeWriter(b.db, b.writer.actor, shared_clock(b.db))
    with restarted.transaction() as txn:
        txn.insert(Area, {"level": "village", "name": "北村"})
    with b.db.read() as conn:
        newest = conn.exec_driver_sql("SELECT max(hlc) FROM change_log WHERE origin = ?", (b.device_id,)).scalar()
    assert physical_ms(int(newest)) <= physical_ms(_now_ceiling())
    # a new laptop with a correct clock syncs once and edits: its stamp is its own time
    assert deliver(c, send(b, c)) is None
    time.sleep(0.002)
    _put(c, amount=300)  # a later real edit (concurrent with nothing c has not seen)
    converge([a, b, c])
    # the later real edit wins everywhere, on the 2099 laptop too, and the data converged
    assert _amount(a) == _amount(b) == _amount(c) == 300
    assert snapshot(a) == snapshot(b) == snapshot(c)
    for node in (a, b, c):
        clocks = json.loads(str(node.db.scalar("SELECT field_clocks FROM threshold")))
        assert clocks["amount"][0] <= _now_ceiling()
        assert any(f["kind"] == "clock" and f["winner_device"] == a.device_id for f in review.conflicts(node.rep))
    assert _open(a) == _open(b) == _open(c)


def test_two_replicas_re_stamp_the_same_change_concurrently_and_agree(nodes: Callable[[int], list[Node]]) -> None:
    a, b, c, d = nodes(4)
    _put(a, amount=1)
    converge([a, b, c, d])
    a.skew_ms[0] = 73 * YEAR_MS
    _put(a, amount=2099)
    package_b, package_c = send(a, b), send(a, c)
    assert deliver(b, package_b) is None and deliver(c, package_c) is None  # both first receivers
    _put(d, amount=7)  # concurrent with the 2099 edit, written before anyone saw it
    converge([a, b, c, d])
    assert snapshot(a) == snapshot(b) == snapshot(c) == snapshot(d)
    with b.db.read() as conn:
        declarations = conn.exec_driver_sql(f"SELECT origin FROM change_log WHERE fields LIKE '%{DECLARE}%'").all()
    origins = [r[0] for r in declarations]  # d may have received it from a before b's or c's re-stamp
    assert {b.device_id, c.device_id} <= set(origins) and len(origins) == len(set(origins))
    assert _amount(a) == 2099  # re-stamped at b's and c's receipt, after d's edit: it still wins that one
    assert _open(a) == _open(b) == _open(c) == _open(d)
    assert {(f[0], f[5]) for f in _open(a) if f[0] == "field"} == {("field", "7")}  # d sees its lost value


def test_a_laptop_decades_behind_converges_too(nodes: Callable[[int], list[Node]]) -> None:
    a, b, c = nodes(3)
    _put(a, amount=1)
    converge([a, b, c])
    a.skew_ms[0] = -30 * YEAR_MS  # 1996: everything it receives looks far-future to it
    _put(b, amount=5)
    _put(a, amount=6)
    converge([a, b, c])
    assert snapshot(a) == snapshot(b) == snapshot(c)
    assert _open(a) == _open(b) == _open(c)


def test_the_overwritten_cadre_sees_the_conflict_on_their_own_laptop(nodes: Callable[[int], list[Node]]) -> None:
    """The soak's minimal case: n2 sets 0; n0 sets 0, then 1; n1 sets 1."""
    n0, n1, n2 = nodes(3)
    _put(n0, amount=5)
    converge([n0, n1, n2])
    _put(n2, amount=0)
    _put(n0, amount=0)
    _put(n0, amount=1)
    _put(n1, amount=1)
    converge([n0, n1, n2])
    assert snapshot(n0) == snapshot(n1) == snapshot(n2)
    assert _open(n0) == _open(n1) == _open(n2)
    lost = {(f[1], f[5], f[7]) for f in _open(n2) if f[0] == "field"}
    assert ("amount", "0", n2.device_id) in lost


def test_a_plain_edit_does_not_settle_a_conflict_and_a_resolution_settles_it_everywhere(
        nodes: Callable[[int], list[Node]]) -> None:
    a, b, c = nodes(3)
    _put(a, amount=5)
    converge([a, b, c])
    _put(a, amount=200)
    _put(b, amount=300)
    converge([a, b, c])
    assert len(_open(a)) == 1 and _open(a) == _open(b) == _open(c)
    _put(c, amount=400)  # seen only the winner: the lost 200 stays listed, now against 400
    converge([a, b, c])
    assert _open(a) == _open(b) == _open(c)
    assert {(f[2], f[5]) for f in _open(a)} == {("400", "200")}
    (conflict,) = review.conflicts(b.rep)
    review.resolve_conflict(b.rep, b.writer, conflict["id"], "loser")
    converge([a, b, c])
    assert _amount(a) == _amount(b) == _amount(c) == 200
    assert _open(a) == _open(b) == _open(c) == set()
