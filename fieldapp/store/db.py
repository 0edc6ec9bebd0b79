"""The database handle: engine, pragmas, transactions, schema version and error triage.

Kept thin on purpose (after qutebrowser's ``misc/sql.py``):
- SQLite runs in WAL mode with foreign keys on and a busy timeout.
- ``PRAGMA user_version`` mirrors the Alembic revision number. It is checked at open:
  an older database is backed up beside itself and migrated, a newer one is refused
  and left untouched.
- Errors that are the environment's fault (disk full, read-only folder, locked file)
  become :class:`StoreEnvironmentError`; everything else is a bug and propagates.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from fieldapp.store import guard

log = logging.getLogger("fieldapp.store")

# Bump together with a new Alembic revision named "NNNN_*.py" (NNNN == SCHEMA_VERSION).
SCHEMA_VERSION = 3


class StoreError(Exception):
    """Base class of store errors a user should see."""


class StoreEnvironmentError(StoreError):
    """The machine's fault, not a bug: disk full, read-only medium, locked or unreadable file."""


class NewerSchemaError(StoreError):
    """The database was written by a newer FieldApp; it is refused and left untouched."""


_ENVIRONMENT_MARKERS = {
    "database or disk is full": "磁盘已满，无法写入数据库",
    "attempt to write a readonly database": "数据库所在位置只读（例如写保护的U盘），无法写入",
    "readonly database": "数据库所在位置只读，无法写入",
    "unable to open database file": "无法打开数据库文件（文件夹不存在或没有权限）",
    "database is locked": "数据库被另一个程序占用，请关闭其他 FieldApp 窗口后重试",
    "disk i/o error": "磁盘读写错误",
    "file is not a database": "文件不是 FieldApp 数据库或已损坏",
    "database disk image is malformed": "数据库文件已损坏",
}


def environment_message(exc: BaseException) -> str | None:
    """A user-facing message if ``exc`` is the environment's fault, else None."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    for marker, message in _ENVIRONMENT_MARKERS.items():
        if marker in text_:
            return message
    if isinstance(exc, OSError) and exc.errno is not None:
        return f"文件系统错误：{exc.strerror}"
    return None


@contextlib.contextmanager
def environment_errors(path: Path | str) -> Iterator[None]:
    """Translate environment failures into :class:`StoreEnvironmentError`."""
    try:
        yield
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        message = environment_message(exc)
        if message is None:
            raise
        raise StoreEnvironmentError(f"{message}：{path}") from exc


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object, busy_timeout_ms: int = 5000) -> None:
    # Let SQLAlchemy manage transactions itself (pysqlite's own BEGIN handling is off).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode)
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")


class Database:
    """One SQLite register file."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = 5000) -> None:
        self.path = Path(path)
        self.engine: Engine = create_engine(f"sqlite:///{self.path}", future=True)
        event.listen(self.engine, "connect", functools.partial(_on_connect, busy_timeout_ms=busy_timeout_ms))
        event.listen(self.engine, "begin", _on_begin)
        guard.install(self.engine)

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, migrate: bool = True) -> Database:
        """Open (creating if need be) and bring the schema to SCHEMA_VERSION."""
        path = Path(path)
        with environment_errors(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists() and path.stat().st_size > 0
            if existed:
                found = _peek_user_version(path)
                if found > SCHEMA_VERSION:
                    raise NewerSchemaError(
                        f"数据库 {path} 由更新版本的 FieldApp 创建（结构版本 {found}，本程序支持 {SCHEMA_VERSION}）。"
                        "请升级 FieldApp；数据库未做任何改动。"
                    )
            db = cls(path)
            version = db.user_version()
            if version < SCHEMA_VERSION:
                if not migrate:
                    raise StoreError(f"数据库结构版本 {version} 需要升级到 {SCHEMA_VERSION}")
                if existed and version > 0:
                    db.backup(path.with_name(f"{path.name}.v{version}.bak"))
                from fieldapp.store import migrate as migrate_mod

                migrate_mod.upgrade(db)
        return db

    def user_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)

    def backup(self, target: Path) -> Path:
        """A consistent copy through SQLite's online backup API (safe in WAL mode)."""
        with environment_errors(target):
            src = sqlite3.connect(self.path)
            try:
                dst = sqlite3.connect(target)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        log.info("backup written: %s", target)
        return target

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE): commits on success, rolls back on error."""
        with environment_errors(self.path), self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop("write", None)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (one deferred transaction)."""
        with environment_errors(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    def scalar(self, sql: str, **params: object) -> object:
        with self.read() as conn:
            return conn.execute(text(sql), params).scalar()


def _peek_user_version(path: Path) -> int:
    """Read ``user_version`` without writing anything (read-only URI).

    Without a ``-wal`` file there is no uncheckpointed content, so the file is opened
    ``immutable``: even a WAL-mode database then gets no ``-wal``/``-shm`` created beside it.
    """
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
    except sqlite3.Error as exc:
        raise StoreEnvironmentError(f"{environment_message(exc) or exc}：{path}") from exc
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreEnvironmentError(f"{environment_message(exc) or '无法读取数据库'}：{path}") from exc
    finally:
        conn.close()


__all__ = [
    "SCHEMA_VERSION", "Database", "NewerSchemaError", "OperationalError", "StoreEnvironmentError", "StoreError",
]
