"""The register encrypted at rest: the register key, converting a plain register, a plain export.

:func:`register_key` derives the SQLCipher key from the vault key (HKDF, info "fieldapp register").

:func:`convert_plain` turns an existing plain register into an SQLCipher one in five steps, each
leaving the files in a state the next start understands (:func:`recover`):

1. **backup**: the plain register (its WAL checkpointed first) is copied to ``<name>.plain-backup``;
2. **encrypt** into ``<name>.encrypting`` (``sqlcipher_export``);
3. **verify** every row of every table, the schema and ``user_version`` against the plain file;
   then ``<name>.convert.json`` records the plain file's SHA-256 and the new file is renamed
   ``<name>.encrypted`` (this rename is what says "verified");
4. **swap**: ``os.replace(<name>.encrypted, <name>)`` (atomic);
5. **remove the plain copies**: the backup, and the plain upgrade backups ``<name>.vN.bak`` are
   re-encrypted in place (each through its own verified copy).

At every moment ``<name>`` is one readable register: plain up to the swap, encrypted after it.
:func:`recover` (run by :meth:`Database.open` before anything else when a key is given) finishes an
interrupted conversion after the swap, swaps when a verified copy of the *unchanged* plain register
waits, and otherwise rolls back (drops the partial files; the conversion then starts again).

:func:`export_plain` writes an unencrypted copy for support (``fieldapp db export-plain``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3

from fieldapp.store import filemodes, sealed
from fieldapp.store.db import Database, StoreError, connect_file, environment_errors, is_plain_file, key_pragma

log = logging.getLogger("fieldapp.store.crypt")

Step = Callable[[str], None]
STEPS = ("backup", "encrypt", "verify", "swap", "cleanup")


class ConversionError(StoreError):
    """The encrypted copy does not match the plain register; the plain register is left as it was."""


def register_key(vault_key: bytes) -> bytes:
    """The SQLCipher key of the register: HKDF of the vault key with its own info string."""
    return sealed.derive(vault_key, sealed.REGISTER)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def backup_path(path: Path) -> Path:
    return _sibling(path, ".plain-backup")


def _partial(path: Path) -> Path:
    return _sibling(path, ".encrypting")


def _verified(path: Path) -> Path:
    return _sibling(path, ".encrypted")


def _journal(path: Path) -> Path:
    return _sibling(path, ".convert.json")


def upgrade_backups(path: Path) -> list[Path]:
    """The upgrade backups ``<name>.vN.bak`` beside a register."""
    return sorted(p for p in path.parent.glob(f"{path.name}.v*.bak") if p.is_file())


# ------------------------------------------------------------------ conversion


def convert_plain(path: Path, key: bytes, *, step: Step | None = None) -> None:
    """Encrypt the plain register at ``path`` with the register ``key`` (the five steps above).

    ``step`` is called with each step's name before it runs (progress; the tests kill the process there).
    Raises :class:`ConversionError` when verification fails (the plain register is kept, the copies dropped).
    """
    path = Path(path)
    note = step or (lambda _name: None)
    with environment_errors(path):
        if not is_plain_file(path):
            raise StoreError(f"数据库已经加密：{path}")
        _checkpoint(path)
        note("backup")
        _copy_plain(path, backup_path(path))
        note("encrypt")
        _encrypt_into(path, _partial(path), key)
        note("verify")
        try:
            _verify(path, _partial(path), key)
        except ConversionError:
            _partial(path).unlink(missing_ok=True)
            backup_path(path).unlink(missing_ok=True)
            raise
        _write_journal(path, {"plain_sha256": _sha256(path)})
        os.replace(_partial(path), _verified(path))
        _fsync_dir(path.parent)
        note("swap")
        _swap(path)
        note("cleanup")
        _cleanup(path, key)
    log.info("register encrypted: %s", path)


def recover(path: Path, key: bytes) -> None:
    """Finish or roll back a conversion that was interrupted (a no-op when there was none)."""
    path = Path(path)
    leftovers = [_partial(path), _verified(path), _journal(path), backup_path(path),
                 _sibling(backup_path(path), ".tmp")]
    if not any(p.exists() for p in leftovers) and not path.exists():
        return
    with environment_errors(path):
        _partial(path).unlink(missing_ok=True)  # an unverified copy: never trusted
        _sibling(backup_path(path), ".tmp").unlink(missing_ok=True)
        for bak in upgrade_backups(path):
            _partial(bak).unlink(missing_ok=True)
        if not path.exists():
            if _verified(path).exists():  # cannot happen with os.replace, but never leave no register
                os.replace(_verified(path), path)
            return
        if is_plain_file(path):
            if _verified(path).exists() and _journal_matches(path):
                log.warning("finishing an interrupted conversion (verified copy found): %s", path)
                _swap(path)
                _cleanup(path, key)
                return
            if any(p.exists() for p in leftovers):
                log.warning("rolling back an interrupted conversion; the plain register is unchanged: %s", path)
            _verified(path).unlink(missing_ok=True)
            _journal(path).unlink(missing_ok=True)
            backup_path(path).unlink(missing_ok=True)
            return
        if backup_path(path).exists() or _journal(path).exists() or _verified(path).exists() or any(
                is_plain_file(b) for b in upgrade_backups(path)):
            log.warning("removing the plain copies left by an interrupted conversion: %s", path)
            _verified(path).unlink(missing_ok=True)
            _cleanup(path, key)


def _checkpoint(path: Path) -> None:
    """Fold the plain WAL into the file; the last connection closing removes ``-wal`` and ``-shm``."""
    conn = sqlite3.connect(path)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise StoreError(f"数据库正被另一个程序使用，无法加密：{path}")
    finally:
        conn.close()


def _copy_plain(path: Path, target: Path) -> None:
    tmp = _sibling(target, ".tmp")
    tmp.unlink(missing_ok=True)
    filemodes.create_private_file(tmp)
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(tmp)
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def _encrypt_into(plain: Path, target: Path, key: bytes) -> None:
    target.unlink(missing_ok=True)
    filemodes.create_private_file(target)
    conn = sqlcipher3.connect(str(plain))  # no key: reads the plain file
    try:
        conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{_hex(key)}'\"", (str(target),))
        _unsynced(conn, "enc")
        conn.execute("SELECT sqlcipher_export('enc')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")  # not copied by sqlcipher_export
        conn.commit()
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()
    _fsync(target)


def _unsynced(conn: sqlite3.Connection, schema: str) -> None:
    """No fsync and no journal file for each of the export's statements (one per table and index: an empty
    register took 0.3 s, seconds on a busy disk, where the whole copy takes 0.02 s). The copy is trusted only
    after it has been fsynced as a whole and verified; a copy cut short is dropped (:func:`recover`)."""
    conn.execute(f"PRAGMA {schema}.synchronous = OFF")
    conn.execute(f"PRAGMA {schema}.journal_mode = MEMORY")


def _hex(key: bytes) -> str:
    key_pragma(key)  # checks the length
    return key.hex()


def _tables(conn: sqlite3.Connection, schema: str) -> list[tuple[str, str, str, str | None]]:
    return [tuple(r) for r in conn.execute(
        f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master ORDER BY type, name")]


def _verify(plain: Path, encrypted: Path, key: bytes) -> None:
    """Every row of every table, the schema and ``user_version`` are the same in both files."""
    conn = connect_file(encrypted, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))  # empty key: unencrypted
        if _tables(conn, "main") != _tables(conn, "plain"):
            raise ConversionError(f"加密副本的表结构与原数据库不同：{plain}")
        versions = [conn.execute(f"PRAGMA {s}.user_version").fetchone()[0] for s in ("main", "plain")]
        if versions[0] != versions[1]:
            raise ConversionError(f"加密副本的结构版本与原数据库不同：{plain}")
        for kind, name, _tbl, _sql in _tables(conn, "main"):
            if kind != "table" or name.startswith("sqlite_"):
                continue
            for a, b in zip(_rows(conn, "main", name), _rows(conn, "plain", name), strict=False):
                if a != b:
                    raise ConversionError(f"加密副本中表 {name} 的数据与原数据库不同：{plain}")
            counts = [conn.execute(f'SELECT count(*) FROM {s}."{name}"').fetchone()[0] for s in ("main", "plain")]
            if counts[0] != counts[1]:
                raise ConversionError(f"加密副本中表 {name} 的行数与原数据库不同：{plain}")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, schema: str, table: str) -> Iterator[tuple[object, ...]]:
    try:
        cursor = conn.execute(f'SELECT rowid, * FROM {schema}."{table}" ORDER BY rowid')
    except (sqlite3.OperationalError, sqlcipher3.dbapi2.OperationalError):  # a WITHOUT ROWID table
        ncols = len(conn.execute(f'SELECT * FROM {schema}."{table}" LIMIT 0').description)
        order = ", ".join(str(i + 1) for i in range(ncols))
        cursor = conn.execute(f'SELECT * FROM {schema}."{table}" ORDER BY {order}')
    yield from cursor


def _swap(path: Path) -> None:
    for extra in (_sibling(path, "-wal"), _sibling(path, "-shm")):
        # After the checkpoint these are empty or absent; a plain -wal beside the encrypted file would be misread.
        if extra.exists() and extra.stat().st_size > 0 and extra.name.endswith("-wal"):
            raise StoreError(f"原数据库在加密过程中被改动，请重新启动 FieldApp：{extra}")
        extra.unlink(missing_ok=True)
    os.replace(_verified(path), path)
    _fsync_dir(path.parent)


def _cleanup(path: Path, key: bytes) -> None:
    for bak in upgrade_backups(path):
        if is_plain_file(bak):
            _encrypt_into(bak, _partial(bak), key)
            _verify(bak, _partial(bak), key)
            os.replace(_partial(bak), bak)
    backup_path(path).unlink(missing_ok=True)
    _fsync_dir(path.parent)
    _journal(path).unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_journal(path: Path, data: dict[str, str]) -> None:
    tmp = _sibling(_journal(path), ".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, _journal(path))


def _journal_matches(path: Path) -> bool:
    """The verified copy was made from the plain register as it is now (not from an older state of it)."""
    try:
        recorded = json.loads(_journal(path).read_text(encoding="utf-8"))["plain_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    wal = _sibling(path, "-wal")
    return not (wal.exists() and wal.stat().st_size > 0) and recorded == _sha256(path)


def _fsync(path: Path) -> None:
    # a file opened for writing (Windows' fsync needs it); a directory read-only (POSIX allows no more)
    fd = os.open(path, os.O_RDWR if path.is_file() else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # Windows cannot open a directory; its renames are durable enough
        _fsync(folder)


# ------------------------------------------------------------------ plain export


def export_plain(db: Database, out: Path) -> Path:
    """An unencrypted copy of the register at ``out`` (owner-only; refused if ``out`` exists)."""
    out = Path(out)
    if db.path is None:
        raise StoreError("PostgreSQL 数据库请用 pg_dump 导出")
    if out.exists():
        raise StoreError(f"文件已存在，未覆盖：{out}")
    if db.key is None:
        return db.backup(out)
    tmp = _sibling(out, ".tmp")
    with environment_errors(out):
        tmp.unlink(missing_ok=True)
        filemodes.create_private_file(tmp)
        conn = connect_file(db.path, db.key)
        try:
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(tmp),))
            _unsynced(conn, "plain")
            conn.execute("SELECT sqlcipher_export('plain')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA plain.user_version = {int(version)}")
            conn.commit()
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        _fsync(tmp)
        os.replace(tmp, out)
    log.warning("plain (unencrypted) copy of the register written: %s", out)
    return out
