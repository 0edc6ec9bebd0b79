"""Upgrades keep the data: an older register is backed up beside itself, then migrated with every row kept.

Two older registers: one made here at the previous schema version (Alembic up to the head's
``down_revision``, ``migrate.previous_revision()``, filled through SQL with a demo village), and the one
FieldApp 0.1.0 itself wrote (tests/release/data). The frozen build does the same in test_installers.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.domain.ids import new_id
from fieldapp.services import register
from fieldapp.services.context import open_context
from fieldapp.services.identity import create as create_identity
from fieldapp.store import chain, migrate
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.writer import Actor, ChangeWriter
from tests.helpers.idgen import resident_id
from tests.release import registers

PREVIOUS = migrate.previous_revision()


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return registers.demo_register(tmp_path_factory.mktemp("demo"))


def _assert_migrated_without_loss(path: Path, before: registers.Dump, old_version: int) -> None:
    assert registers.user_version(path) == SCHEMA_VERSION
    after = registers.project(path, before)
    for table, old in before.items():
        if table == "alembic_version":
            continue
        rows = after[table]["rows"]
        if table == "local_state":  # 0007 asks the next open with the device key to sign the migrated chain head
            rows = [r for r in rows if r[0] != "chain_adopt"]
        assert rows == old["rows"], f"rows of {table} changed or lost in the migration"
    backup = path.with_name(f"{path.name}.v{old_version}.bak")
    assert backup.is_file(), "no backup beside the register"
    assert registers.user_version(backup) == old_version
    assert registers.dump(backup) == before, "the backup is not the register as it was"


def test_previous_schema_version_migrates_with_nothing_lost(tmp_path: Path, demo_source: Path) -> None:
    if PREVIOUS < 1:
        pytest.skip("there is no previous schema version yet")
    path = tmp_path / "register.sqlite3"
    before = registers.previous_version_register(path, PREVIOUS, demo_source)
    assert sum(len(t["rows"]) for t in before.values()) > 500  # a real village, not an empty file
    assert len(before["household"]["rows"]) == 6 and before["visit"]["rows"]

    db = Database.open(path)
    with db.read() as conn:  # 0007 chained the existing entries as the write path would have
        for origin, _first, _last in chain.origins(conn):
            assert chain.walk(conn, origin, complete=False)[0] == [], origin
    db.close()
    _assert_migrated_without_loss(path, before, PREVIOUS)
    assert registers.dump(path)["alembic_version"]["rows"] == [(f"{SCHEMA_VERSION:04d}",)]

    again = Database.open(path)  # already current: no second backup
    again.close()
    assert [p.name for p in tmp_path.glob("*.bak")] == [f"register.sqlite3.v{PREVIOUS}.bak"]


def test_the_register_of_release_0_1_0_opens_in_this_version(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = registers.release_register(home / "register.sqlite3")
    before = registers.dump(path)
    assert registers.user_version(path) == 3 and len(before["household"]["rows"]) == 5

    ctx = open_context(paths.DataPaths(home=home))
    try:
        if SCHEMA_VERSION > 3:
            _assert_migrated_without_loss(path, before, 3)
        else:  # this version still writes schema 3: opened as it is, nothing to back up
            assert registers.dump(path) == before and not list(home.glob("*.bak"))
        with ctx.db.read() as conn:
            households = [r[0] for r in conn.exec_driver_sql("SELECT id FROM household")]
        records = [register.load_record(ctx.db, hid) for hid in households]
        assert sum(len(r.members) for r in records) == 16
        # the migrated register takes new data through the one write path
        village = ctx.db.scalar("SELECT id FROM area WHERE level = 'village'")
        ident = create_identity(home / "device")
        writer = ChangeWriter(ctx.db, Actor(ident.device_id, None, "升级测试"))
        added = register.save_record(writer, ctx.ref, register.HouseholdRecord(
            household={"id": new_id(), "village_id": village, "group_no": 2, "hh_no": "611002000999",
                       "main_cause": "01", "attribute": "01", "exit_status": "0", "standard": "01"},
            members=[{"name": "升级后新户", "relation": "01", "id_no": resident_id(9, dt.date(1975, 5, 5))}]))
        assert ctx.db.scalar("SELECT head_name FROM household_list WHERE household_id = :h", h=added) == "升级后新户"
    finally:
        ctx.close()


def test_restoring_the_backup_as_the_readme_says_gives_back_the_old_register(tmp_path: Path,
                                                                           demo_source: Path) -> None:
    if PREVIOUS < 1:
        pytest.skip("there is no previous schema version yet")
    path = tmp_path / "register.sqlite3"
    before = registers.previous_version_register(path, PREVIOUS, demo_source)
    Database.open(path).close()
    # README, "Upgrades and backups": close FieldApp, delete -wal/-shm, copy the .bak over the register
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(path.with_name(f"{path.name}.v{PREVIOUS}.bak"), path)
    assert registers.dump(path) == before  # what the older FieldApp left, at its own schema version
    assert registers.user_version(path) == PREVIOUS
    Database.open(path).close()  # and the newer FieldApp migrates it again, backing it up again
    assert registers.user_version(path) == SCHEMA_VERSION
    assert registers.dump(path.with_name(f"{path.name}.v{PREVIOUS}.bak")) == before
