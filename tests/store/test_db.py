"""The database handle: pragmas, migrations, schema versions, backups and environment errors."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect
from sqlalchemy.exc import OperationalError

from fieldapp.store import db as db_mod
from fieldapp.store.db import SCHEMA_VERSION, Database, NewerSchemaError, StoreEnvironmentError, StoreError
from fieldapp.store.models import Base, Cadre
from fieldapp.store.writer import ChangeWriter
from tests.store.util import ACTOR, count


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_open_sets_wal_foreign_keys_busy_timeout_and_version(db: Database) -> None:
    assert str(db.scalar("PRAGMA journal_mode")).lower() == "wal"
    assert db.scalar("PRAGMA foreign_keys") == 1
    assert db.scalar("PRAGMA busy_timeout") == 5000
    # 64 MB of page cache per connection, and no more than that for all of them together
    assert db.scalar("PRAGMA cache_size") == -65536
    assert db.scalar("PRAGMA soft_heap_limit") == 64 * 1024 * 1024
    assert db.user_version() == SCHEMA_VERSION
    with sqlite3.connect(db.path) as plain:  # what is on disk, not what our connection says
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert plain.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_memory_limit_holds_for_connections_opened_later(db: Database) -> None:
    """The soft heap limit is SQLite's (process-wide): a connection the pool opens later must not reset it."""
    db.limit_memory(16 * 1024 * 1024)
    with db.engine.connect() as first, db.engine.connect() as second:  # the second is a new connection
        assert first.exec_driver_sql("PRAGMA soft_heap_limit").scalar() == 16 * 1024 * 1024
        assert second.exec_driver_sql("PRAGMA soft_heap_limit").scalar() == 16 * 1024 * 1024
    db.limit_memory(db_mod.SOFT_HEAP_LIMIT)


def test_busy_timeout_is_configurable(db_path: Path) -> None:
    Database.open(db_path).close()
    quick = Database(db_path, busy_timeout_ms=123)
    try:
        assert quick.scalar("PRAGMA busy_timeout") == 123
    finally:
        quick.close()


def test_migration_from_empty_creates_every_model_table(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert tables - {"alembic_version"} == set(Base.metadata.tables)
    assert db.scalar("SELECT version_num FROM alembic_version") == f"{SCHEMA_VERSION:04d}"
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == [], "the Alembic revisions and the models disagree"


def test_open_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "register.sqlite3"
    database = Database.open(path)
    database.close()
    assert path.is_file()


def test_empty_existing_file_is_migrated_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    path.write_bytes(b"")
    database = Database.open(path)
    database.close()
    assert Database(path).user_version() == SCHEMA_VERSION
    assert not list(tmp_path.glob("*.bak"))


def test_migrate_false_refuses_an_unmigrated_file(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    with pytest.raises(StoreError, match=f"0 需要升级到 {SCHEMA_VERSION}"):
        Database.open(path, migrate=False)


def test_reopen_keeps_data_and_makes_no_backup(db_path: Path) -> None:
    database = Database.open(db_path)
    with ChangeWriter(database, ACTOR).transaction() as txn:
        txn.insert(Cadre, {"name": "李四", "role": "member"})
    database.close()
    again = Database.open(db_path)
    try:
        assert count(again, "cadre") == 1
        assert again.user_version() == SCHEMA_VERSION
    finally:
        again.close()
    assert not list(db_path.parent.glob("*.bak"))


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    Database.open(db_path).close()
    newer = SCHEMA_VERSION + 6
    _set_user_version(db_path, newer)
    before = _sha(db_path)
    listing = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(NewerSchemaError) as info:
        Database.open(db_path)
    message = str(info.value)
    assert f"结构版本 {newer}" in message and f"支持 {SCHEMA_VERSION}" in message
    assert str(db_path) in message
    assert _sha(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing  # no -wal, -shm or backup appeared
    assert isinstance(info.value, StoreError)


def test_newer_schema_with_a_live_wal_is_read_from_the_wal(db_path: Path) -> None:
    """Uncheckpointed WAL content counts: a version bump still in the WAL is seen and refused."""
    Database.open(db_path).close()
    holder = sqlite3.connect(db_path)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        holder.commit()
        assert Path(f"{db_path}-wal").stat().st_size > 0
        with pytest.raises(NewerSchemaError):
            Database.open(db_path)
    finally:
        holder.close()


def test_backup_is_a_readable_consistent_copy(db: Database, writer: ChangeWriter, tmp_path: Path) -> None:
    with writer.transaction() as txn:
        for i in range(5):
            txn.insert(Cadre, {"name": f"干部{i}", "role": "member"})
    target = db.backup(tmp_path / "copy.sqlite3")
    assert target == tmp_path / "copy.sqlite3"
    plain = sqlite3.connect(target)
    try:
        assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert plain.execute("SELECT count(*) FROM cadre").fetchone()[0] == 5
        assert plain.execute("SELECT count(*) FROM change_log").fetchone()[0] == 5
        assert plain.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        plain.close()
    copy = Database.open(target)
    try:
        assert count(copy, "cadre") == 5
    finally:
        copy.close()


def test_parent_is_a_regular_file_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreEnvironmentError) as info:
        Database.open(blocker / "register.sqlite3")
    assert str(blocker / "register.sqlite3") in str(info.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_is_an_environment_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreEnvironmentError):
            Database.open(folder / "register.sqlite3")
    finally:
        folder.chmod(0o700)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    before = _sha(path)
    with pytest.raises(StoreEnvironmentError, match="不是 FieldApp 数据库"):
        Database.open(path)
    assert _sha(path) == before


def test_disk_full_rolls_back_the_writer_transaction(db: Database, writer: ChangeWriter) -> None:
    with writer.transaction() as txn:
        txn.insert(Cadre, {"name": "张三", "role": "member"})
    pages = int(db.scalar("PRAGMA page_count"))  # type: ignore[arg-type]
    logs = count(db, "change_log")

    def cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()
    with pytest.raises(StoreEnvironmentError, match="磁盘已满") as info, writer.transaction() as txn:
        for i in range(200):
            txn.insert(Cadre, {"name": f"干部{i}", "unit": "区国土资源局" * 10, "role": "member"})
    assert "database or disk is full" in str(info.value.__cause__)
    assert count(db, "cadre") == 1
    assert count(db, "change_log") == logs
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    with writer.transaction() as txn:  # space again: writing works and nothing half-done is left over
        txn.insert(Cadre, {"name": "李四", "role": "member"})
    assert count(db, "cadre") == 2
    assert count(db, "change_log") == logs + 1


def test_locked_database_is_an_environment_error_and_nothing_is_written(db_path: Path) -> None:
    Database.open(db_path).close()
    database = Database(db_path, busy_timeout_ms=150)
    writer = ChangeWriter(database, ACTOR)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(StoreEnvironmentError, match="另一个程序占用"), writer.transaction() as txn:
            txn.insert(Cadre, {"name": "张三", "role": "member"})
        assert time.monotonic() - started < 3
        other.execute("ROLLBACK")
        assert count(database, "cadre") == 0
        assert count(database, "change_log") == 0
        with writer.transaction() as txn:
            txn.insert(Cadre, {"name": "张三", "role": "member"})
        assert count(database, "cadre") == 1
    finally:
        other.close()
        database.close()


def test_environment_message_triage() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    assert db_mod.environment_message(full) == "磁盘已满，无法写入数据库"
    assert "只读" in str(db_mod.environment_message(sqlite3.OperationalError("attempt to write a readonly database")))
    assert db_mod.environment_message(OSError(28, "No space left on device")) == "文件系统错误：No space left on device"
    assert db_mod.environment_message(sqlite3.OperationalError("no such table: foo")) is None  # a bug, not the disk
    assert db_mod.environment_message(ValueError("x")) is None


def test_bugs_are_not_disguised_as_environment_errors(db: Database) -> None:
    with pytest.raises(OperationalError, match="no such table"):
        db.scalar("SELECT * FROM no_such_table")
