"""Plain updates decided and written in SQL give exactly what the change-by-change merge gives.

Two receivers with one device identity and separate databases take the same packages, one with the
bulk path (the default) and one without (``bulk=False``). The packages mix plain updates (one and
several fields of every kind, in household, member and cadre rows) with what must take the careful
path: an edit crossing a concurrent one (a conflict), an edit of a deleted record, a record edited
twice in one package, a record created and edited, a member's ID number (a rule), and, at a scoped
receiver, a plain edit outside the sender's villages (refused). Afterwards both hold the same rows,
clocks, change log, conflicts, quarantine, refusals and household list; on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.hlc import HybridClock
from fieldapp.domain.ids import natural_id
from fieldapp.services import identity as identity_mod
from fieldapp.store.db import Database
from fieldapp.store.models import SYNCED_MODELS, Area, Cadre, Household, Member
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service
from fieldapp.sync.district import public_identity, register_peer
from tests.sync.conftest import Node

EAST, WEST = natural_id("area", "east"), natural_id("area", "west")
H1, H2, H3, H4, HW = (natural_id("household", n) for n in ("h1", "h2", "h3", "h4", "hw"))
M1, M2 = natural_id("member", "m1"), natural_id("member", "m2")
C1, C2, C3 = (natural_id("cadre", n) for n in ("c1", "c2", "c3"))


def _receiver(db: Database, ident: identity_mod.DeviceIdentity, name: str) -> Node:
    clock = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000)
    return Node(name, db, service.Replica(db, ident, None, clock), ChangeWriter(db, Actor(ident.device_id), clock))


def _state(node: Node) -> dict[str, Any]:
    """Everything a merge writes: every synced row with its stamps and clocks, the log, conflicts, quarantine."""
    out: dict[str, Any] = {}
    with node.db.read() as conn:
        for model in SYNCED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            cols = sorted(c.name for c in table.columns)
            rows = conn.exec_driver_sql(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table.name} "
                                        "ORDER BY id").all()
            at = cols.index("field_clocks")
            out[table.name] = [(*r[:at], json.loads(r[at] or "{}"), *r[at + 1:]) for r in rows]
        out["change_log"] = conn.exec_driver_sql(
            "SELECT origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, chain_prev, chain_hash "
            "FROM change_log ORDER BY seq").all()
        out["conflicts"] = sorted(conn.exec_driver_sql(
            "SELECT kind, tbl, row_id, field, winner_value, winner_hlc, winner_device, loser_value, loser_hlc, "
            "loser_device, resolved FROM sync_conflict").all())
        out["quarantine"] = sorted(conn.exec_driver_sql(
            "SELECT origin, origin_seq, tbl, row_id, reason, status FROM sync_quarantine").all())
        out["household_list"] = conn.exec_driver_sql("SELECT * FROM household_list ORDER BY household_id").all()
    return out


def _exchange(nodes: Callable[[int], list[Node]], twins: tuple[Node, Node], scope: list[str] | None) -> list[Any]:
    """Run the story into both twins (the first with the bulk path, the second without); the stats of each
    import of the writer's last package."""
    d, a, c = nodes(3)
    for twin in twins:
        for sender in (d, a, c):
            register_peer(twin.db, public_identity(sender.rep.identity, sender.name))
    for sender in (d, a, c):
        register_peer(sender.db, public_identity(twins[0].rep.identity, "receiver"))

    def into_twins(sender: Node, villages: list[str] | None) -> list[service.ImportResult]:
        data = service.build_package(sender.rep, twins[0].device_id).data
        return [service.import_package(twin.rep, data, allowed_villages=villages, bulk=bulk)
                for twin, bulk in zip(twins, (True, False), strict=True)]

    with d.writer.transaction() as txn:  # the district's areas, and a household of the west village
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": None})
        txn.put(Household, HW, {"village_id": WEST, "hh_no": "W-1"})
    for peer in (a, c):
        assert service.import_package(peer.rep, service.build_package(d.rep, peer.device_id).data)
    into_twins(d, None)
    with a.writer.transaction() as txn:
        for hid, no in ((H1, "E-1"), (H2, "E-2"), (H3, "E-3")):
            txn.put(Household, hid, {"village_id": EAST, "hh_no": no, "identified_on": dt.date(2014, 10, 1)})
        txn.put(Member, M1, {"household_id": H1, "name": "张三", "id_no": "61250119800101001X", "relation": "01"})
        txn.put(Member, M2, {"household_id": H2, "name": "张小", "id_no": "612501201001010011"})
        for cid in (C1, C2, C3):
            txn.put(Cadre, cid, {"name": "王"})
    assert service.import_package(c.rep, service.build_package(a.rep, c.device_id).data)
    into_twins(a, scope)
    with c.writer.transaction() as txn:  # crosses a's edits below
        txn.update(Household, H3, {"phone": "c"})
        txn.delete(Cadre, C3)
    into_twins(c, None)
    with a.writer.transaction() as txn:  # plain updates, one change each
        txn.update(Household, H1, {"phone": "1", "sanitary_toilet": True, "identified_on": dt.date(2015, 1, 2),
                                   "group_no": 3})
        txn.update(Member, M1, {"name": "张三丰", "work_months": 6})  # the head's name: the list row changes
        txn.update(Cadre, C1, {"phone": "2"})
        txn.update(Household, HW, {"phone": "w"})  # the west village's: refused at a scoped receiver
    with a.writer.transaction() as txn:  # the careful path's cases
        txn.update(Household, H3, {"phone": "a"})  # concurrent with c's
        txn.update(Cadre, C3, {"phone": "3"})  # c deleted it
        txn.update(Member, M2, {"id_no": "61250119800101001X"})  # another member's: quarantined
        txn.update(Cadre, C2, {"phone": "4"})
        txn.put(Household, H4, {"village_id": EAST, "hh_no": "E-4"})
    with a.writer.transaction() as txn:
        txn.update(Cadre, C2, {"phone": "5"})  # the second change of C2 in the package
        txn.update(Household, H4, {"phone": "6"})  # created in the same package
    return into_twins(a, scope)


def _check(results: list[service.ImportResult], twins: tuple[Node, Node], bulk: int) -> None:
    with_bulk, without = results
    assert with_bulk.stats.bulk == bulk and without.stats.bulk == 0
    for name in ("applied", "skipped", "conflicts", "quarantined", "refused", "households"):
        assert getattr(with_bulk.stats, name) == getattr(without.stats, name), name
    assert with_bulk.stats.quarantined == 1 and with_bulk.stats.conflicts >= 1
    first, second = _state(twins[0]), _state(twins[1])
    for key in first:
        assert first[key] == second[key], key
    assert twins[0].db.scalar("SELECT phone FROM household WHERE id = :h", h=H1) == "1"
    assert twins[0].db.scalar("SELECT head_name FROM household_list WHERE household_id = :h", h=H1) == "张三丰"


@pytest.fixture
def sqlite_twins(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    ident = identity_mod.create(tmp_path / "device")
    twins = (_receiver(Database.open(tmp_path / "bulk.sqlite3"), ident, "bulk"),
             _receiver(Database.open(tmp_path / "careful.sqlite3"), ident, "careful"))
    yield twins
    for twin in twins:
        twin.db.close()


def test_plain_updates_in_bulk_as_change_by_change_on_sqlite(nodes: Callable[[int], list[Node]],
                                                             sqlite_twins: tuple[Node, Node]) -> None:
    results = _exchange(nodes, sqlite_twins, None)
    _check(results, sqlite_twins, bulk=4)  # H1, M1, C1, HW
    assert sqlite_twins[0].db.scalar("SELECT phone FROM household WHERE id = :h", h=HW) == "w"


@pytest.mark.postgres
def test_plain_updates_in_bulk_as_change_by_change_on_postgresql(nodes: Callable[[int], list[Node]],
                                                                 postgres_databases: Any, tmp_path: Path) -> None:
    ident = identity_mod.create(tmp_path / "district-device")
    twins = (_receiver(Database.open_url(postgres_databases.new()), ident, "bulk"),
             _receiver(Database.open_url(postgres_databases.new()), ident, "careful"))
    try:
        results = _exchange(nodes, twins, [EAST])
        _check(results, twins, bulk=2)  # H1, M1; HW (the west village's) and the cadres (the district's): refused
        assert {r["row_id"] for r in results[0].stats.refusals} == {HW, C1, C2, C3}
        assert twins[0].db.scalar("SELECT phone FROM household WHERE id = :h", h=HW) is None
    finally:
        for twin in twins:
            twin.db.close()
