"""The same merge on PostgreSQL (the district server's production database) as on SQLite.

A district replica on a real PostgreSQL database exchanges packages with SQLite laptops:
inserts with dates and flags, concurrent edits (a conflict), a rule-breaking change
(quarantine), a delete, an out-of-scope write (refused); every replica ends with the same data.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.hlc import HybridClock
from fieldapp.domain.ids import natural_id
from fieldapp.services import identity as identity_mod
from fieldapp.store.db import Database, NewerSchemaError
from fieldapp.store.models import SYNCED_MODELS, Area, Household, IncomeYear, Member
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import review, service
from fieldapp.sync.district import public_identity, register_peer
from tests.sync.conftest import Node
from tests.sync.model import deliver, send

pytestmark = pytest.mark.postgres

EAST, WEST = natural_id("area", "east"), natural_id("area", "west")


def live(node: Node) -> dict[str, list[tuple[Any, ...]]]:
    """Live rows of every synced table, values normalised across backends (dates as ISO text)."""
    out = {}
    with node.db.read() as conn:
        for model in SYNCED_MODELS:
            table = model.__table__  # type: ignore[attr-defined]
            cols = sorted(c.name for c in table.columns if c.name not in ("row_hlc", "row_device", "field_clocks"))
            names = ", ".join('"' + c + '"' for c in cols)
            rows = conn.exec_driver_sql(f"SELECT {names} FROM {table.name} WHERE deleted = ? ORDER BY id", (False,))
            out[table.name] = [tuple(_plain(v) for v in r) for r in rows]
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return int(value) if isinstance(value, bool) else value


def _without(rows: dict[str, list[tuple[Any, ...]]], table: str, row_id: str) -> dict[str, list[tuple[Any, ...]]]:
    return {**rows, table: [r for r in rows[table] if row_id not in r]}


@pytest.fixture
def district(postgres_url: str, tmp_path: Path) -> Iterator[Node]:
    db = Database.open_url(postgres_url)
    ident = identity_mod.create(tmp_path / "district-device")
    clock = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000)
    node = Node("district", db, service.Replica(db, ident, None, clock),
                ChangeWriter(db, Actor(ident.device_id, None, "区县"), clock))
    yield node
    db.close()


def test_a_postgresql_district_and_sqlite_laptops_converge(district: Node,
                                                           nodes: Callable[[int], list[Node]]) -> None:
    a, b = nodes(2)
    for laptop in (a, b):
        register_peer(district.db, public_identity(laptop.rep.identity, laptop.name), scope=[EAST])
        register_peer(laptop.db, public_identity(district.rep.identity, "district"))
    with district.writer.transaction() as txn:
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": None})
    for laptop in (a, b):
        assert deliver(laptop, send(district, laptop)) is None
    hid = natural_id("h1")
    with a.writer.transaction() as txn:
        txn.put(Household, hid, {"village_id": EAST, "hh_no": "E-1", "identified_on": dt.date(2014, 10, 1)})
        txn.put(Member, natural_id("m1"), {"household_id": hid, "name": "张三", "id_no": "61250119800101001X"})
        txn.put(IncomeYear, natural_id("inc"), {"household_id": hid, "year": 2025})
        txn.put(Household, natural_id("w"), {"village_id": WEST, "hh_no": "W-1"})  # not a's village
    result = service.import_package(district.rep, send(a, district), allowed_villages=[EAST])
    assert result.stats.refused == 1 and result.stats.applied == 3
    assert deliver(b, send(district, b)) is None
    with a.writer.transaction() as txn:  # concurrent edits of one field: a conflict, on every replica
        txn.update(Household, hid, {"hh_no": "E-1a"})
    with b.writer.transaction() as txn:
        txn.update(Household, hid, {"hh_no": "E-1b"})
        txn.put(Household, natural_id("h2"), {"village_id": EAST, "hh_no": "E-2"})
        txn.put(Member, natural_id("m2"), {"household_id": natural_id("h2"), "name": "李四",
                                           "id_no": "61250119800101001X"})  # a's member's ID: quarantined
    for laptop in (a, b):
        assert service.import_package(district.rep, send(laptop, district), allowed_villages=[EAST]) is not None
    with district.writer.transaction() as txn:
        txn.delete(IncomeYear, natural_id("inc"))
    for _ in range(2):
        for laptop in (a, b):
            assert deliver(laptop, send(district, laptop)) is None
            assert service.import_package(district.rep, send(laptop, district), allowed_villages=[EAST])
    # Each laptop keeps its own refused (a) or quarantined (b) write; everything else is the same.
    assert _without(live(a), "household", natural_id("w")) == live(district)
    assert _without(live(b), "member", natural_id("m2")) == live(district)
    assert district.db.scalar("SELECT hh_no FROM household WHERE id = :h", h=hid) == "E-1b"
    assert [c["field"] for c in review.conflicts(district.rep)] == ["hh_no"]
    assert [q["row_id"] for q in review.quarantined(district.rep)] == [natural_id("m2")]
    assert district.db.scalar("SELECT count(*) FROM household WHERE id = :w", w=natural_id("w")) == 0
    assert district.db.scalar("SELECT count(*) FROM income_year") == 0 or district.db.scalar(
        "SELECT deleted FROM income_year") is True


def test_a_newer_postgresql_schema_is_refused_untouched(postgres_url: str) -> None:
    Database.open_url(postgres_url).close()
    db = Database(url=postgres_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(NewerSchemaError, match="9999"):
        Database.open_url(postgres_url)
    db = Database(url=postgres_url)
    assert db.user_version() == 9999
    db.close()


def test_an_unreachable_postgresql_server_is_the_environments_fault() -> None:
    from fieldapp.store.db import StoreEnvironmentError

    with pytest.raises(StoreEnvironmentError, match="无法连接数据库服务器"):
        Database.open_url("postgresql://nobody@127.0.0.1:1/none")
