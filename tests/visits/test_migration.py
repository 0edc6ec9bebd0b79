"""A register written at schema 1 (issue 2) opens at schema 2: backed up, migrated, data intact."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import Visit, VisitCadre
from fieldapp.store.writer import Actor, ChangeWriter

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16


def _write_as_version_1(path: Path) -> None:
    """What FieldApp with schema 1 left on disk: one village, one cadre, one household with its list row."""
    db = Database(path)
    migrate.upgrade(db, "0001")
    db.close()
    conn = sqlite3.connect(path)
    stamp = (HLC, DEVICE)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('v1', 'village', '东村', ?, ?)",
                 stamp)
    conn.execute("INSERT INTO cadre (id, name, role, row_hlc, row_device) VALUES ('c1', '王伟', 'member', ?, ?)",
                 stamp)
    conn.execute("INSERT INTO household (id, village_id, hh_no, main_cause, cadre_id, row_hlc, row_device)"
                 " VALUES ('h1', 'v1', '611002000001', '01', 'c1', ?, ?)", stamp)
    conn.execute("INSERT INTO household_list (household_id, village_id, hh_no, head_name, member_count, cadre_id)"
                 " VALUES ('h1', 'v1', '611002000001', '李大山', 3, 'c1')")
    conn.execute("INSERT INTO change_log (origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev)"
                 " VALUES (?, 1, ?, 'household', 'h1', 'h1', 'insert', '{}', '{}')", (DEVICE, HLC))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_a_version_1_register_is_backed_up_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    _write_as_version_1(path)
    before = {t for t in inspect(Database(path).engine).get_table_names()}
    assert "visit" not in before

    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION
        assert db.scalar("SELECT version_num FROM alembic_version") == f"{SCHEMA_VERSION:04d}"
        tables = set(inspect(db.engine).get_table_names())
        assert {"visit", "visit_cadre", "visit_measure", "visit_photo", "photo", "follow_up", "checkin"} <= tables
        columns = {c["name"] for c in inspect(db.engine).get_columns("household_list")}
        assert "last_visit" in columns
        assert db.scalar("SELECT head_name FROM household_list WHERE household_id = 'h1'") == "李大山"
        assert db.scalar("SELECT last_visit FROM household_list WHERE household_id = 'h1'") is None
        assert db.scalar("SELECT count(*) FROM change_log") == 1

        # the migrated register takes visits through the write path, and the projection follows
        with ChangeWriter(db, Actor(DEVICE, "c1", "王伟")).transaction() as txn:
            visit = txn.insert(Visit, {"household_id": "h1", "village_id": "v1", "date": dt.date(2025, 3, 1),
                                       "type": "01", "found": "迁移后的第一次走访"})
            txn.insert(VisitCadre, {"visit_id": visit, "cadre_id": "c1", "household_id": "h1",
                                    "date": dt.date(2025, 3, 1)})
        assert db.scalar("SELECT last_visit FROM household_list WHERE household_id = 'h1'") == "2025-03-01"
    finally:
        db.close()

    backup = tmp_path / "register.sqlite3.v1.bak"
    assert backup.is_file()
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT hh_no FROM household").fetchall() == [("611002000001",)]
        assert not old.execute("SELECT name FROM sqlite_master WHERE name = 'visit'").fetchall()

    again = Database.open(path)  # already current: opened as is, no second backup
    again.close()
    assert sorted(p.name for p in tmp_path.glob("*.bak")) == ["register.sqlite3.v1.bak"]
