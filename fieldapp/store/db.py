"""The database handle: engine, pragmas, transactions, schema version and error triage.

Kept thin on purpose (after qutebrowser's ``misc/sql.py``):
- SQLite runs in WAL mode with foreign keys on and a busy timeout.
- ``PRAGMA user_version`` mirrors the Alembic revision number. It is checked at open:
  an older database is backed up beside itself and migrated, a newer one is refused
  and left untouched.
- Errors that are the environment's fault (disk full, read-only folder, locked file)
  become :class:`StoreEnvironmentError`; everything else is a bug and propagates.
- The district server may run on PostgreSQL instead (:meth:`Database.open_url`): the same
  models and Alembic revisions; the revision is read from ``alembic_version`` there. The sync
  code's driver-level SQL is written with ``?`` placeholders and plain values, which the engine
  turns into psycopg's ``%s`` (:func:`_qmark_to_format`).
- Given a key (:meth:`Database.open` ``key=``), the register is an SQLCipher 4 file (module
  ``sqlcipher3``): every page of the file, its ``-wal`` and its upgrade backups is encrypted. The
  key is raw (32 bytes, passed as ``x'<hex>'``), so SQLCipher runs no password KDF of its own. A plain
  register met with a key is converted first (:func:`fieldapp.store.crypt.convert_plain`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import sqlcipher3
from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import QueuePool

from fieldapp.store import filemodes, guard

log = logging.getLogger("fieldapp.store")

# Bump together with a new Alembic revision named "NNNN_*.py" (NNNN == SCHEMA_VERSION).
SCHEMA_VERSION = 24


class StoreError(Exception):
    """Base class of store errors a user should see."""


class StoreEnvironmentError(StoreError):
    """The machine's fault, not a bug: disk full, read-only medium, locked or unreadable file."""


class LockedRegisterError(StoreError):
    """The register is encrypted and no key, or the wrong key, was given."""


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
    # PostgreSQL (district server)
    "connection refused": "无法连接数据库服务器（连接被拒绝）",
    "could not connect": "无法连接数据库服务器",
    "password authentication failed": "数据库服务器拒绝了用户名或密码",
    "no password supplied": "数据库服务器需要密码",
    "could not translate host name": "找不到数据库服务器（主机名无法解析）",
    "could not extend file": "数据库服务器磁盘已满",
    # PostgreSQL restarting or recovering: the request changed nothing (its transaction died with it)
    "the database system is starting up": "数据库服务器正在启动",
    "not yet accepting connections": "数据库服务器正在恢复，尚未接受连接",
    "the database system is shutting down": "数据库服务器正在关闭",
    "the database system is in recovery mode": "数据库服务器正在恢复",
    "terminating connection due to administrator command": "数据库服务器中断了连接（正在关闭或重启）",
    "server closed the connection unexpectedly": "数据库服务器意外断开了连接",
    "consuming input failed": "与数据库服务器的连接已断开",
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
    except (DBAPIError, sqlite3.Error, sqlcipher3.dbapi2.Error, OSError) as exc:
        message = environment_message(exc)
        if message is None:
            raise
        raise StoreEnvironmentError(f"{message}：{path}") from exc


SQLITE_HEADER = b"SQLite format 3\x00"


def _quiet_sqlcipher() -> None:
    # SQLCipher logs every failed page decryption to stderr; a wrong key is reported by our own error.
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_quiet_sqlcipher()


def is_plain_file(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (SQLCipher files start with random salt instead)."""
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """An SQLCipher file: no SQLite header, and whole pages (any other file is reported as "not a database")."""
    size = path.stat().st_size
    return size > 0 and size % 512 == 0 and not is_plain_file(path)


def key_pragma(key: bytes) -> str:
    """``PRAGMA key`` with a raw 256-bit key (no SQLCipher KDF: the key is already random)."""
    if len(key) != 32:
        raise ValueError("the register key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_file(path: Path | str, key: bytes | None, *, uri: bool = False) -> sqlite3.Connection:
    """A driver-level connection: stdlib ``sqlite3`` for a plain register, ``sqlcipher3`` (keyed) otherwise."""
    if key is None:
        return sqlite3.connect(path, uri=uri)
    # sqlcipher3 is a fork of the stdlib module: the same DB-API surface (connect, execute, backup…)
    conn = cast(sqlite3.Connection, sqlcipher3.connect(str(path), uri=uri))
    conn.execute(key_pragma(key))
    return conn


#: SQLite's heap for all connections together (the limit is the process's, per SQLite library), unless a
#: front end sets another (:meth:`Database.limit_memory`)
SOFT_HEAP_LIMIT = 64 * 1024 * 1024


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object, busy_timeout_ms: int = 5000,
                db: Database | None = None) -> None:
    # Let SQLAlchemy manage transactions itself (pysqlite's own BEGIN handling is off).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode)
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cur.execute("PRAGMA synchronous = NORMAL")
    # 64 MB of page cache (the default is 2 MB): a merge or an import writes each page once
    # instead of spilling it to the WAL again and again mid-transaction.
    cur.execute("PRAGMA cache_size = -65536")
    # ...and no more than that for all connections together: pooled connections (the window's reads, the
    # task thread's) would otherwise keep 64 MB each.
    cur.execute(f"PRAGMA soft_heap_limit = {int(db.heap_limit if db is not None else SOFT_HEAP_LIMIT)}")
    cur.close()


def _qmark_to_format(_conn: Connection, _cursor: object, statement: str, parameters: object,
                     context: object, _executemany: bool) -> tuple[str, object]:
    """PostgreSQL: driver-level SQL (``exec_driver_sql``) uses ``?``; psycopg wants ``%s``."""
    if getattr(context, "compiled", None) is None and "?" in statement:
        statement = statement.replace("%", "%%").replace("?", "%s")
    return statement, parameters


def _redact(url: str) -> str:
    """A database URL without its password (for messages and logs)."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")


class Database:
    """One SQLite register file, or (district server) a PostgreSQL database given by URL."""

    def __init__(self, path: Path | None = None, *, url: str | None = None, busy_timeout_ms: int = 5000,
                 key: bytes | None = None) -> None:
        self.key = key  # the register key (derived from the vault key), or None for a plain register
        self.heap_limit = SOFT_HEAP_LIMIT
        #: the device's Ed25519 private key (set by whoever unlocked it): each commit of local changes signs
        #: the new chain head with it (:mod:`fieldapp.store.chain`); None leaves the head unsigned
        self.chain_key: Any = None
        if url is not None:
            self.path: Path | None = None
            self.where = _redact(url)
            self.engine: Engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1),
                                                future=True, pool_pre_ping=True, pool_size=8, max_overflow=24)
            event.listen(self.engine, "before_cursor_execute", _qmark_to_format, retval=True)
        else:
            assert path is not None
            self.path = Path(path)
            self.where = str(self.path)
            if key is None:
                self.engine = create_engine(f"sqlite:///{self.path}", future=True)
            else:  # SQLAlchemy's pysqlcipher dialect sends `PRAGMA key="<password>"` first on every connection
                password = key_pragma(key).split(" = ", 1)[1].strip('"')
                self.engine = create_engine(
                    URL.create("sqlite+pysqlcipher", password=password, database=str(self.path)), future=True,
                    poolclass=QueuePool, connect_args={"check_same_thread": False})  # as the plain engine does
            event.listen(self.engine, "connect", functools.partial(_on_connect, busy_timeout_ms=busy_timeout_ms,
                                                                   db=self))
            event.listen(self.engine, "begin", _on_begin)
        guard.install(self.engine)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, migrate: bool = True, key: bytes | None = None,
             busy_timeout_ms: int = 5000) -> Database:
        """Open (creating if need be) and bring the schema to SCHEMA_VERSION.

        ``key``: the 32-byte register key (``crypt.register_key(vault_key)``). With it a new register is
        created encrypted, an encrypted one is opened, and a plain one is converted first (an interrupted
        conversion is finished or rolled back). Without it only a plain register opens.
        ``busy_timeout_ms``: how long a statement waits for another process's write lock before
        "database is locked" (:class:`StoreEnvironmentError`).
        """
        path = Path(path)
        with environment_errors(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            if key is not None:
                from fieldapp.store import crypt

                crypt.recover(path, key)
                if path.exists() and path.stat().st_size > 0 and is_plain_file(path):
                    crypt.convert_plain(path, key)
            existed = path.exists() and path.stat().st_size > 0
            if not path.exists():  # created 0600, so SQLite gives the -wal and -shm files that mode too
                filemodes.create_private_file(path)
            if existed:
                if key is None and looks_encrypted(path):
                    raise LockedRegisterError(f"数据库已加密，需要登录后才能打开：{path}")
                found = _peek_user_version(path, key)
                if found > SCHEMA_VERSION:
                    raise NewerSchemaError(
                        f"数据库 {path} 由更新版本的 FieldApp 创建（结构版本 {found}，本程序支持 {SCHEMA_VERSION}）。"
                        "请升级 FieldApp；数据库未做任何改动。"
                    )
            db = cls(path, key=key, busy_timeout_ms=busy_timeout_ms)
            version = db.user_version()
            if version < SCHEMA_VERSION:
                if not migrate:
                    raise StoreError(f"数据库结构版本 {version} 需要升级到 {SCHEMA_VERSION}")
                if existed and version > 0:
                    db.backup(path.with_name(f"{path.name}.v{version}.bak"))
                from fieldapp.store import migrate as migrate_mod

                migrate_mod.upgrade(db)
        return db

    @classmethod
    def open_url(cls, url: str, *, migrate: bool = True, busy_timeout_ms: int = 5000) -> Database:
        """Open a database by URL: ``sqlite:///PATH`` (as :meth:`open`) or ``postgresql://…`` (migrated in place).

        PostgreSQL databases are not backed up here: the administrator's ``pg_dump`` does that
        (see the README); a newer schema is refused and left untouched, as for SQLite.
        """
        if url.startswith("sqlite:///"):
            return cls.open(Path(url.removeprefix("sqlite:///")), migrate=migrate, busy_timeout_ms=busy_timeout_ms)
        if not url.startswith(("postgresql://", "postgresql+psycopg://")):
            raise StoreError(f"不支持的数据库地址：{_redact(url) if '://' in url else url}"
                             "（应为 sqlite:///路径 或 postgresql://…）")
        db = cls(url=url)
        try:
            with environment_errors(db.where):
                version = db.user_version()
            if version > SCHEMA_VERSION:
                raise NewerSchemaError(
                    f"数据库 {db.where} 由更新版本的 FieldApp 创建（结构版本 {version}，本程序支持 {SCHEMA_VERSION}）。"
                    "请升级 FieldApp；数据库未做任何改动。")
            if version < SCHEMA_VERSION:
                if not migrate:
                    raise StoreError(f"数据库结构版本 {version} 需要升级到 {SCHEMA_VERSION}")
                from fieldapp.store import migrate as migrate_mod

                with environment_errors(db.where):
                    migrate_mod.upgrade(db)
        except BaseException:
            db.close()
            raise
        return db

    def user_version(self) -> int:
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
            if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
                return 0
            return int(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or 0)

    def backup(self, target: Path) -> Path:
        """A consistent copy through SQLite's online backup API (safe in WAL mode)."""
        if self.path is None:
            raise StoreError("PostgreSQL 数据库请用 pg_dump 备份")
        with environment_errors(target):
            src = connect_file(self.path, self.key)
            try:
                dst = connect_file(target, self.key)  # same key: the copy is as encrypted as the register
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
            filemodes.private_file(target)
        log.info("backup written: %s", target)
        return target

    def limit_memory(self, heap_bytes: int) -> None:
        """Keep SQLite's heap (every connection's page cache together) near ``heap_bytes`` from now on.

        The window's reads need a few MB of cache; the default leaves room for a merge or an import
        to write each page once. SQLite only (PostgreSQL's memory is the server's).
        """
        self.heap_limit = heap_bytes
        if self.dialect == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA soft_heap_limit = {int(heap_bytes)}")  # frees the excess now

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE): commits on success, rolls back on error."""
        with environment_errors(self.where), self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop("write", None)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (one deferred transaction).

        On PostgreSQL the transaction is REPEATABLE READ: its statements all see one snapshot, as SQLite's
        read transaction does. (At READ COMMITTED a package built while another process merges would read
        the vector before that merge's commit and the changes after it, and declare fewer than it holds.)
        """
        with environment_errors(self.where), self.engine.connect() as conn:
            if self.path is None:
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def scalar(self, sql: str, **params: object) -> object:
        with self.read() as conn:
            return conn.execute(text(sql), params).scalar()


def _peek_user_version(path: Path, key: bytes | None = None) -> int:
    """Read ``user_version`` without writing anything (read-only URI).

    Without a ``-wal`` file there is no uncheckpointed content, so the file is opened
    ``immutable``: even a WAL-mode database then gets no ``-wal``/``-shm`` created beside it.
    """
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = connect_file(f"{path.resolve().as_uri()}?{flags}", key, uri=True)
    except (sqlite3.Error, sqlcipher3.dbapi2.Error) as exc:
        raise StoreEnvironmentError(f"{environment_message(exc) or exc}：{path}") from exc
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.DatabaseError, sqlcipher3.dbapi2.DatabaseError) as exc:
        if key is not None and "not a database" in str(exc):
            raise LockedRegisterError(f"数据库无法解密（密钥不对，或文件已损坏）：{path}") from exc
        raise StoreEnvironmentError(f"{environment_message(exc) or '无法读取数据库'}：{path}") from exc
    finally:
        conn.close()


__all__ = [
    "SCHEMA_VERSION", "Database", "LockedRegisterError", "NewerSchemaError", "OperationalError",
    "StoreEnvironmentError", "StoreError",
]
