"""The register encrypted at rest: SQLCipher open/migrate/backup, conversion of a plain register
(killed with SIGKILL at and inside every step), and the plain export."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.store import crypt, migrate
from fieldapp.store.db import SCHEMA_VERSION, Database, LockedRegisterError, is_plain_file

KEY = crypt.register_key(bytes(range(32)))
SECRET = "秘密户主张三明"  # a resident's name that must never appear in the encrypted files


def _fill(db: Database, rows: int = 200, tag: str = SECRET) -> None:
    with db.transaction() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, name TEXT, blob BLOB)")
        for i in range(rows):
            conn.exec_driver_sql("INSERT INTO probe (name, blob) VALUES (?, ?)", (f"{tag}{i}", os.urandom(64)))


def _probe(db: Database) -> list[tuple[object, ...]]:
    with db.read() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT id, name, blob FROM probe ORDER BY id"))]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_keyed_register_is_sqlcipher_with_its_wal_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database.open(path, key=KEY)
    try:
        _fill(db)
        assert db.user_version() == SCHEMA_VERSION
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0  # the rows sit in the WAL now: it must be encrypted too
        for f in (path, wal):
            assert SECRET.encode() not in f.read_bytes()
        assert not is_plain_file(path)
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.close()
    again = Database.open(path, key=KEY)
    assert len(_probe(again)) == 200
    again.close()


def test_an_encrypted_register_refuses_no_key_and_a_wrong_key(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    Database.open(path, key=KEY).close()
    with pytest.raises(LockedRegisterError, match="已加密"):
        Database.open(path)
    with pytest.raises(LockedRegisterError, match="密钥不对"):
        Database.open(path, key=crypt.register_key(b"\x01" * 32))
    Database.open(path, key=KEY).close()  # untouched by the failed attempts


def test_an_upgrade_of_an_encrypted_register_keeps_an_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    old = Database(path, key=KEY)
    migrate.upgrade(old, f"{migrate.previous_revision():04d}")
    _fill(old, rows=3)
    old.close()
    db = Database.open(path, key=KEY)
    assert db.user_version() == SCHEMA_VERSION
    db.close()
    bak = tmp_path / f"register.sqlite3.v{migrate.previous_revision()}.bak"
    assert not is_plain_file(bak) and SECRET.encode() not in bak.read_bytes()
    restored = Database(bak, key=KEY)
    assert restored.user_version() == migrate.previous_revision() and len(_probe(restored)) == 3
    restored.close()


def test_a_plain_register_is_converted_with_every_row_and_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    plain = Database(path)
    migrate.upgrade(plain, f"{migrate.previous_revision():04d}")
    plain.close()
    plain = Database.open(path)  # upgraded: leaves a plain .vN.bak behind
    _fill(plain)
    before = _probe(plain)
    plain.close()
    bak = tmp_path / f"register.sqlite3.v{migrate.previous_revision()}.bak"
    assert is_plain_file(bak)
    steps: list[str] = []
    crypt.convert_plain(path, KEY, step=steps.append)
    assert steps == list(crypt.STEPS)
    assert _files(tmp_path) == ["register.sqlite3", bak.name]
    for f in tmp_path.iterdir():
        assert not is_plain_file(f), f
        assert SECRET.encode() not in f.read_bytes()
    db = Database.open(path, key=KEY)
    assert _probe(db) == before
    db.close()


def test_verification_refuses_a_copy_that_differs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    # One register copied, so that only the rows differ: two registers made apart may list a table's
    # foreign keys in another order (SQLAlchemy keeps them in a set), which the check refuses first.
    Database.open(a).close()
    shutil.copyfile(a, b)
    for p, tag in ((a, "x"), (b, "y")):
        db = Database.open(p)
        _fill(db, rows=2, tag=tag)
        db.close()
    crypt.convert_plain(b, KEY)
    with pytest.raises(crypt.ConversionError, match="probe"):
        crypt._verify(a, b, KEY)


_CHILD = """
import os, signal, sys, threading, time
from pathlib import Path
from fieldapp.store import crypt
path, key, target, delay = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), sys.argv[3], float(sys.argv[4])
def kill():
    time.sleep(delay)
    os.kill(os.getpid(), signal.SIGKILL)
def step(name):
    if name == target:
        if delay == 0:
            kill()
        threading.Thread(target=kill, daemon=True).start()  # killed *inside* the step
crypt.convert_plain(path, key, step=step)
"""

KILL_POINTS = [(s, 0.0) for s in crypt.STEPS] + [(s, 0.002) for s in ("backup", "encrypt", "verify", "cleanup")] + [
    ("backup", 0.03), ("encrypt", 0.03)]


@pytest.mark.slow
@pytest.mark.parametrize(("step", "delay"), KILL_POINTS)
def test_a_conversion_killed_at_any_moment_leaves_one_readable_register(tmp_path: Path, step: str,
                                                                        delay: float) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database.open(path)
    _fill(db, rows=3000)
    before = _probe(db)
    db.close()
    (tmp_path / f"register.sqlite3.v{migrate.previous_revision()}.bak").write_bytes(path.read_bytes())  # a plain backup
    run = subprocess.run([sys.executable, "-c", _CHILD, str(path), KEY.hex(), step, str(delay)],
                         capture_output=True, text=True, timeout=120, check=False)
    # (the conversion may outrun a delayed kill: then it simply finished)
    assert run.returncode in ((-signal.SIGKILL,) if delay == 0 else (-signal.SIGKILL, 0)), run.stderr
    # One readable register right after the kill: plain (before the swap) or encrypted (after it).
    if is_plain_file(path):
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT count(*) FROM probe").fetchone()[0] == len(before)
        conn.close()
    # The next start finishes or rolls back, then converts: the data is all there and nothing plain is left.
    db = Database.open(path, key=KEY)
    assert _probe(db) == before
    db.close()
    leftovers = [n for n in _files(tmp_path) if n not in (
        "register.sqlite3", "register.sqlite3-wal", "register.sqlite3-shm",
        f"register.sqlite3.v{migrate.previous_revision()}.bak")]
    assert leftovers == []
    for f in tmp_path.iterdir():
        assert not is_plain_file(f), f


def test_a_verified_copy_of_an_older_plain_state_is_not_swapped_in(tmp_path: Path) -> None:
    """Killed before the swap, then the plain register was written to (opened without a key): the
    waiting encrypted copy is stale, so the next start rolls back and converts again."""
    path = tmp_path / "register.sqlite3"
    db = Database.open(path)
    _fill(db, rows=5)
    db.close()
    run = subprocess.run([sys.executable, "-c", _CHILD, str(path), KEY.hex(), "swap", "0"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert (tmp_path / "register.sqlite3.encrypted").exists()
    db = Database.open(path)  # no key: still the plain register
    _fill(db, rows=1, tag="后来的")
    db.close()
    db = Database.open(path, key=KEY)
    names = [r[1] for r in _probe(db)]
    db.close()
    assert len(names) == 6 and names[-1] == "后来的0"


def test_export_plain_writes_an_unencrypted_copy_and_never_overwrites(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "register.sqlite3", key=KEY)
    _fill(db, rows=4)
    out = crypt.export_plain(db, tmp_path / "support.sqlite3")
    assert is_plain_file(out) and (out.stat().st_mode & 0o777) == 0o600
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM probe").fetchone()[0] == 4
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    with pytest.raises(crypt.StoreError, match="已存在"):
        crypt.export_plain(db, out)
    db.close()
