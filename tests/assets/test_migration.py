"""A register at schema 18 opens at 19: its projects keep every value; the asset tables are there, empty, and take
an asset, an income and a share through the write path."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import Asset, AssetDistribution, AssetIncome
from fieldapp.store.writer import Actor, ChangeWriter

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16


def test_projects_stay_and_the_asset_tables_exist(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database(path)
    migrate.upgrade(db, "0018")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('t1', 'town', '北宽坪镇', ?, ?)",
                 (HLC, DEVICE))
    conn.execute("INSERT INTO area (id, level, name, parent_id, row_hlc, row_device)"
                 " VALUES ('v1', 'village', '东村', 't1', ?, ?)", (HLC, DEVICE))
    conn.execute("INSERT INTO household (id, village_id, row_hlc, row_device) VALUES ('h1', 'v1', ?, ?)",
                 (HLC, DEVICE))
    conn.execute("INSERT INTO project (id, village_id, town_id, name, type, unit, budget_total, approved_amount,"
                 " status, row_hlc, row_device) VALUES ('p1', 'v1', 't1', '光伏电站', 'industry', '镇农业站', 500000,"
                 " 500000, 'accepted', ?, ?)", (HLC, DEVICE))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 18
    conn.close()
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION >= 19
        stored = db.scalar("SELECT name || ':' || status || ':' || approved_amount FROM project")
        assert stored == "光伏电站:accepted:500000"
        with ChangeWriter(db, Actor(DEVICE)).transaction() as txn:
            aid = txn.insert(Asset, {"project_id": "p1", "village_id": "v1", "kind": "operating", "name": "电站",
                                     "value": 400000, "recorded_on": dt.date(2025, 9, 1)})
            iid = txn.insert(AssetIncome, {"asset_id": aid, "village_id": "v1", "year": 2025, "income": 1000})
            txn.insert(AssetDistribution, {"income_id": iid, "asset_id": aid, "household_id": "h1", "year": 2025,
                                           "amount": 999})
        assert db.scalar("SELECT state || ':' || manager || ':' || location FROM asset") == "in_use::"
        assert db.scalar("SELECT amount FROM asset_distribution WHERE household_id = 'h1'") == 999
    finally:
        db.close()
