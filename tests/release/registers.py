"""Registers of older schema versions, and a full dump to prove a migration lost nothing.

:func:`previous_version_register` builds a register at the previous schema version with Alembic and
fills it, through plain SQL, with a demo village made by the current code (every column the
old schema has, of every table it has): households, members, incomes, visits, change log …
:func:`release_register` unpacks the register that FieldApp 0.1.0 itself wrote (tests/release/data).
"""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path
from typing import Any

from fieldapp import paths
from fieldapp.services import demo
from fieldapp.services.context import open_context
from fieldapp.store import migrate
from fieldapp.store.db import Database

DATA = Path(__file__).resolve().parent / "data"
RELEASE_0_1_0 = DATA / "register-0.1.0-schema3.sqlite3.gz"

Dump = dict[str, dict[str, list[Any]]]  # table → {"columns": [...], "rows": sorted rows}
PLAIN_HEADER = b"SQLite format 3\x00"


def connect(path: Path) -> Any:
    """A read-only connection to a register: plain, or encrypted (a demo folder: its accounts have the demo
    password, so the first account's keystore slot gives the vault key, without a login that writes)."""
    with path.open("rb") as f:
        plain = f.read(16) == PLAIN_HEADER
    if plain:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    import sqlcipher3

    from fieldapp.services.people.auth import unlock_vault
    from fieldapp.services.people.demo import DEMO_PASSWORD
    from fieldapp.services.people.keystore import names
    from fieldapp.store.crypt import register_key

    data = paths.DataPaths(path.parent)
    _person, vault = unlock_vault(data, names(path.parent)[0], DEMO_PASSWORD, None)
    conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute(f"PRAGMA key = \"x'{register_key(vault).hex()}'\"")
    return conn


def tables(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    rows = conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [r[0] for r in rows]


def columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def dump(path: Path) -> Dump:
    """Every row of every table (sorted, so two dumps compare regardless of row order)."""
    conn = connect(path)
    try:
        out: Dump = {}
        for table in tables(conn):
            cols = columns(conn, table)
            names = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {names} FROM "{table}"').fetchall()
            out[table] = {"columns": cols, "rows": sorted(rows, key=repr)}
        return out
    finally:
        conn.close()


def project(current: Path, old: Dump) -> Dump:
    """The current file's rows restricted to the tables and columns of ``old``."""
    conn = connect(current)
    try:
        out: Dump = {}
        for table, before in old.items():
            cols = list(before["columns"])
            names = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {names} FROM "{table}"').fetchall()
            out[table] = {"columns": cols, "rows": sorted(rows, key=repr)}
        return out
    finally:
        conn.close()


def user_version(path: Path) -> int:
    conn = connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def demo_register(home: Path, households: int = 6) -> Path:
    """A current-schema demo village (setup, households, a year of visits) in ``home``."""
    ctx = open_context(paths.DataPaths(home=home))
    try:
        demo.build_demo(ctx, households=households, seed=7)
    finally:
        ctx.close()
    return home / "register.sqlite3"


def previous_version_register(target: Path, version: int, source: Path) -> Dump:
    """Write ``target`` at schema ``version`` holding ``source``'s data; returns its dump."""
    db = Database(target)
    migrate.upgrade(db, f"{version:04d}")
    db.close()
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        for table in tables(conn):
            if table == "alembic_version":
                continue
            shared = [c for c in columns(conn, table) if c in set(columns(conn, table, "src"))]
            names = ", ".join(f'"{c}"' for c in shared)
            conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"')
        conn.commit()
        conn.execute("DETACH DATABASE src")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert user_version(target) == version
    return dump(target)


def release_register(target: Path) -> Path:
    """The register FieldApp 0.1.0 wrote (schema 3), unpacked to ``target``."""
    target.write_bytes(gzip.decompress(RELEASE_0_1_0.read_bytes()))
    return target
