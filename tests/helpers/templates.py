"""Migrated empty databases for test fixtures, built once per process and copied per test.

Bringing a new database to the current schema runs every Alembic revision (≈1 s on the CI machine); the
suite makes hundreds of them. A fixture that only needs an empty register at the current schema gets a copy
of one made by :meth:`Database.open` once per process (per xdist worker), so each test still owns its files.
The migrations themselves are still run from scratch by the tests about them (they never use these helpers).

- :func:`place_register` — put a migrated empty SQLite register at ``path`` (0600, as the app creates it),
  unless a file is already there; the app then opens it as an existing register at the current schema.
- :func:`pg_template` — (for :meth:`tests.helpers.postgres.Databases.new_migrated`) a migrated empty PostgreSQL
  database, copied per test with ``CREATE DATABASE … TEMPLATE``; made once per process on that server
  and dropped when the process ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.store.db import SCHEMA_VERSION, Database

if TYPE_CHECKING:
    from sqlalchemy import Engine

_sqlite_templates: dict[int, Path] = {}  # schema version → this process's migrated empty register
_pg_templates: dict[str, str] = {}  # server URL → template database name


def _sqlite() -> Path:
    found = _sqlite_templates.get(SCHEMA_VERSION)
    if found is None or not found.exists():
        folder = Path(tempfile.mkdtemp(prefix="fieldapp-template-"))
        atexit.register(shutil.rmtree, folder, True)
        found = folder / f"register-v{SCHEMA_VERSION}.sqlite3"
        Database.open(found).close()  # closing the last connection checkpoints the WAL: one self-contained file
        for side in ("-wal", "-shm"):
            assert not found.with_name(found.name + side).exists(), f"template left a {side} file"
        _sqlite_templates[SCHEMA_VERSION] = found
    return found


def place_register(path: Path) -> Path:
    """A migrated empty plain register at ``path`` unless one (or anything) is already there."""
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # a data folder is private (the app makes it so)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # the mode the app creates it with
    with os.fdopen(fd, "wb") as out, open(_sqlite(), "rb") as src:
        shutil.copyfileobj(src, out)
    return path


def pg_template(base: str) -> str:
    """The name of this process's migrated empty database on the PostgreSQL server at ``base`` (made on first
    use, dropped when the process ends). Nothing connects to it after it is made, so it can be copied."""
    if base not in _pg_templates:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        name = f"fieldapp_template_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1),
                              isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            Database.open_url(make_url(base).set(database=name).render_as_string(hide_password=False)).close()
        except BaseException:
            _drop(admin, name)
            raise
        _pg_templates[base] = name
        atexit.register(_drop, admin, name)
    return _pg_templates[base]


def _drop(admin: Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()
