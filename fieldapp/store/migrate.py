"""Alembic migrations, run programmatically (no alembic.ini needed at run time).

Revisions live in ``fieldapp/store/migrations/versions`` and are named ``NNNN`` so
the SQLite ``user_version`` can mirror the revision number (see :mod:`.db`).
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config

from fieldapp.store import guard

if TYPE_CHECKING:
    from fieldapp.store.db import Database

log = logging.getLogger("fieldapp.store.migrate")


def alembic_config() -> Config:
    cfg = Config()
    location = resources.files("fieldapp.store") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.connect() as conn, guard.raw_writes_allowed():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if db.dialect == "sqlite":
            conn.exec_driver_sql(f"PRAGMA user_version = {int(str(current))}")
        conn.commit()
    log.info("database %s migrated to %s", db.where, current)


def previous_revision() -> int:
    """The schema version before the newest (the head's ``down_revision``; numbers need not be contiguous)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    script = ScriptDirectory.from_config(alembic_config()).get_revision(head)
    down = script.down_revision if script is not None else None
    return int(str(down)) if down else 0
