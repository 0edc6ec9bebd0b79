"""Migration 0024: ``household.hh_no`` is indexed on SQLite and PostgreSQL, and an import's look-up uses it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database

HLC = 1_700_000_000_000 << 16


def _indexes(db: Database) -> dict[str, list[str | None]]:
    return {i["name"]: i["column_names"] for i in inspect(db.engine).get_indexes("household") if i["name"]}


def test_a_register_at_0023_gains_the_index_and_keeps_its_households(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database(path)
    migrate.upgrade(db, "0023")
    assert "ix_household_hh_no" not in _indexes(db)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('v1', 'village', '东村', ?, 'd')",
                 (HLC,))
    conn.execute("INSERT INTO household (id, village_id, hh_no, row_hlc, row_device) "
                 "VALUES ('h1', 'v1', '611002000001', ?, 'd')", (HLC,))
    conn.commit()
    conn.close()

    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION
        assert _indexes(db)["ix_household_hh_no"] == ["hh_no"]
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT id FROM household WHERE hh_no = '611002000001'").scalar() == "h1"
            plan = c.exec_driver_sql("EXPLAIN QUERY PLAN SELECT id, hh_no FROM household "
                                     "WHERE hh_no IN ('611002000001', '2') AND deleted = 0").all()
        assert any("ix_household_hh_no" in str(step[-1]) for step in plan), plan
    finally:
        db.close()
    db = Database(path)
    try:
        _downgrade(db, "0023")
        assert "ix_household_hh_no" not in _indexes(db)
    finally:
        db.close()


def _downgrade(db: Database, revision: str) -> None:
    from alembic import command

    from fieldapp.store import guard

    cfg = migrate.alembic_config()
    with db.engine.connect() as conn, guard.raw_writes_allowed():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def test_postgresql_is_migrated_with_the_index(postgres_url: str) -> None:
    db = Database.open_url(postgres_url)
    try:
        assert db.user_version() == SCHEMA_VERSION
        assert _indexes(db)["ix_household_hh_no"] == ["hh_no"]
        _downgrade(db, "0023")
        assert "ix_household_hh_no" not in _indexes(db)
        migrate.upgrade(db)
        assert _indexes(db)["ix_household_hh_no"] == ["hh_no"]
    finally:
        db.close()
