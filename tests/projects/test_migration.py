"""A register at schema 17 opens at 18: its measures keep every value and name no project; the project tables
are there, empty, and take a project through the write path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import Project
from fieldapp.store.writer import Actor, ChangeWriter

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16


def test_measures_gain_an_empty_project_and_the_project_tables_exist(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database(path)
    migrate.upgrade(db, "0017")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('t1', 'town', '北宽坪镇', ?, ?)",
                 (HLC, DEVICE))
    conn.execute("INSERT INTO area (id, level, name, parent_id, row_hlc, row_device)"
                 " VALUES ('v1', 'village', '东村', 't1', ?, ?)", (HLC, DEVICE))
    conn.execute("INSERT INTO household (id, village_id, row_hlc, row_device) VALUES ('h1', 'v1', ?, ?)",
                 (HLC, DEVICE))
    conn.execute("INSERT INTO measure (id, household_id, type, content, amount, fund_channel, row_hlc, row_device)"
                 " VALUES ('m1', 'h1', 'industry', '核桃苗', 300000, 'superior', ?, ?)", (HLC, DEVICE))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 17
    conn.close()
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION >= 18
        with db.read() as c:
            row = c.exec_driver_sql(
                "SELECT content, amount, fund_channel, project_id FROM measure WHERE id = 'm1'").first()
        assert tuple(row) == ("核桃苗", 300000, "superior", None)  # type: ignore[arg-type]
        with ChangeWriter(db, Actor(DEVICE)).transaction() as txn:
            pid = txn.insert(Project, {"village_id": "v1", "town_id": "t1", "name": "核桃园", "type": "industry",
                                       "unit": "镇农业站"})
        assert db.scalar("SELECT status || ':' || budget_total FROM project WHERE id = :p", p=pid) == "planned:0"
    finally:
        db.close()
