"""Where the district server keeps its data, and the one place its database is opened.

``FIELDAPP_HOME/server/`` (or ``--home DIR``) holds ``server.sqlite3`` (the embedded default
database), ``device/`` (the server's own identity: keep it private), ``admin-token`` and
``logs/``. :func:`open_server_db` is the only function that opens the server database, so the
backend (SQLite file now, a PostgreSQL URL later) is chosen in one place.

:class:`Server` bundles what every entry point needs: the database, the server's identity, its
replica (the whole district: scope None) and a process-wide write lock. Merges are serialised
through that lock (SQLite has one writer anyway); reads run concurrently.

Several processes on one SQLite file (the network server and ``fieldapp-server ingest`` at the
USB desk) take turns at the file's write lock: every write transaction starts with
``BEGIN IMMEDIATE``, so a merge holds the lock before it reads a single field clock, and a process
finding the lock taken waits up to :attr:`ServerConfig.busy_wait_s` (SQLite's busy timeout). Past
that the network server answers 503 with ``Retry-After`` (the laptops retry), the USB desk reports
the package as not yet applied; neither ever writes on a stale read. On PostgreSQL a merge takes
an advisory transaction lock first (:func:`fieldapp.sync.service.import_package`) to the same end.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp import logsetup, paths
from fieldapp.services import identity as identity_mod
from fieldapp.services.context import attach_device_key
from fieldapp.services.photos import PhotoFolder
from fieldapp.store import filemodes
from fieldapp.store.db import Database
from fieldapp.sync import service

log = logging.getLogger("fieldapp.server")

DB_FILE = "server.sqlite3"
SERVER_NAME = "区县服务器"


def server_home(home: Path | None = None) -> Path:
    """The server's folder: ``home`` if given, else ``FIELDAPP_HOME/server`` (platform data folder)."""
    return Path(home) if home is not None else paths.resolve().home / "server"


def open_server_db(db_url: str | None, home: Path, *, busy_wait_s: float = 5.0) -> Database:
    """Open (creating and migrating if need be) the server database.

    ``db_url``: None → ``home/server.sqlite3``; a file path or ``sqlite:///PATH`` → that SQLite file;
    ``postgresql://user@host/db`` → PostgreSQL (production), same models and migrations.
    ``busy_wait_s``: SQLite only, how long to wait for another process's write lock.
    """
    busy_ms = int(busy_wait_s * 1000)
    if db_url is None:
        return Database.open(Path(home) / DB_FILE, busy_timeout_ms=busy_ms)
    if "://" in db_url:
        return Database.open_url(db_url, busy_timeout_ms=busy_ms)
    return Database.open(Path(db_url).expanduser(), busy_timeout_ms=busy_ms)


def _identity(folder: Path) -> identity_mod.DeviceIdentity:
    found = identity_mod.load(folder)
    if found is not None:
        return found
    try:
        created = identity_mod.create(folder)
    except (identity_mod.IdentityError, FileExistsError):  # another server process created it first
        again = identity_mod.load(folder)
        if again is None:
            raise
        return again
    log.info("server identity created: %s", created.device_id)
    return created


def admin_token(home: Path) -> str:
    """The token that opens the admin page from elsewhere than this machine (created once, owner-only)."""
    path = Path(home) / "admin-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(24) + "\n")
    return path.read_text(encoding="ascii").strip()


@dataclass(frozen=True)
class ServerConfig:
    max_body: int = 64 * 1024 * 1024  # bytes; larger requests get 413
    window_s: int = 300  # accepted request timestamp skew (replay protection), seconds
    busy_wait_s: float = 15.0  # SQLite: wait this long for another process's write lock, then 503 (seconds)
    name: str = SERVER_NAME
    #: the zone the admin page shows times in (data and the audit log stay in UTC)
    timezone: str = "Asia/Shanghai"


@dataclass
class Server:
    home: Path
    db: Database
    identity: identity_mod.DeviceIdentity
    config: ServerConfig = field(default_factory=ServerConfig)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.rep = service.Replica(self.db, self.identity, None, photos=PhotoFolder(self.home / "photos"))

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    def admin_token(self) -> str:
        return admin_token(self.home)

    def close(self) -> None:
        self.db.close()


def open_server(db_url: str | None = None, home: Path | None = None, config: ServerConfig | None = None,
                *, log_to_file: bool = True) -> Server:
    """Open the server's folder, database and identity (creating them on first use)."""
    folder = server_home(home)
    filemodes.private_dir(folder)
    if log_to_file:
        logsetup.configure(folder / "logs")
    filemodes.secure_tree(folder)  # server.sqlite3, its -wal, keys, logs: the owner's only (logged if tightened)
    db = open_server_db(db_url, folder, busy_wait_s=(config or ServerConfig()).busy_wait_s)
    try:
        ident = _identity(folder / "device")
        attach_device_key(db, ident)
    except BaseException:
        db.close()
        raise
    try:
        seed_district_rows(db, ident)
    except BaseException:
        db.close()
        raise
    return Server(folder, db, ident, config or ServerConfig())


def seed_district_rows(db: Database, ident: identity_mod.DeviceIdentity) -> int:
    """Hold the shipped thresholds, as every laptop's setup seeds them (same natural ids and values).

    Thresholds are district-owned: a laptop may not write them. Each laptop's first package carries
    its seeded copies; the district holding the same rows skips those (they change nothing) instead
    of refusing them. Rows the district already holds (edited or not) are left as they are.
    """
    from fieldapp.domain.refdata import RefData
    from fieldapp.services.setup import seed_threshold_rows
    from fieldapp.store.writer import Actor, ChangeWriter, shared_clock

    writer = ChangeWriter(db, Actor(ident.device_id, None, SERVER_NAME), shared_clock(db))
    with writer.transaction() as txn:
        count = seed_threshold_rows(RefData(), txn)
    if count:
        log.info("seeded %d shipped thresholds", count)
    return count
