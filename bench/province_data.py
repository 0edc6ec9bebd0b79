"""A generated province register on PostgreSQL for bench_province: a template village copied in bulk.

One village (households with members, a few later edits) is written through the real writer
(:class:`fieldapp.store.writer.ChangeWriter`) into a scratch SQLite file, under a template origin.
Every village of the province is then that template with fresh ids, its own origin (its village
laptop) and its own stamps: the rows of ``household``, ``member``, ``household_list`` and
``change_log`` are rendered from the template and streamed with ``COPY``. What the reply path
and the devices need stays what the writer would write:

- field clocks and ``prev`` stamps carry the village's stamps and origin;
- each origin's change log is a hash chain (:func:`fieldapp.domain.audit.entry_hash`), so a device
  receiving a village checks and accepts it as it would a laptop's;
- the server's holdings vector (``sync_vector``) holds every village origin at its top.

Areas (district, towns, villages) are written through the server's own writer. A marker table
(``province_bench_marker``) records a finished register, so a rerun reuses it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from fieldapp.domain.audit import _TAG, GENESIS, _encode
from fieldapp.domain.ids import natural_id
from fieldapp.server.storage import Server
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household, Member
from fieldapp.store.writer import Actor, ChangeWriter

PER_VILLAGE = 200  # households per village
VILLAGES_PER_TOWN = 20
TEMPLATE_ORIGIN = "7e3a1a00-0000-4000-8000-000000000001"
_TABLES = ("household", "member", "household_list", "change_log")
_TOKEN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{15,20}")
_ENTRY = ("origin", "origin_seq", "hlc", "tbl", "row_id", "household_id", "op", "fields", "prev", "user_id",
          "user_name")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英"]
MARKER = "province_bench_marker"


def village_id(v: int) -> str:
    return natural_id("area", "province-village", v)


def town_id(t: int) -> str:
    return natural_id("area", "province-town", t)


def origin_of(v: int) -> str:
    """The village laptop that wrote village ``v`` (one origin per village, as in the field)."""
    return str(uuid.UUID(int=(0x5EED << 112) | v))


def _new_id(v: int, k: int) -> str:
    return str(uuid.UUID(int=(0xB0C1 << 112) | (v << 32) | k))


@dataclass
class Template:
    """The template village compiled to format strings: one COPY line per row, ``{v[i]}`` per village value.

    ``tokens`` are what changes from village to village: the village's id, its origin, every other
    id (by its number in the template) and every stamp (by its offset from the template's first).
    """

    columns: dict[str, list[str]]
    lines: dict[str, list[str]]  # per table: the COPY line of each row (change_log: without the chain)
    entries: list[str]  # per change_log row: the text its chain hash is taken of ({p}: previous hash)
    tokens: list[tuple[Any, ...]]
    span: int  # stamps used by one village


def build_template(folder: Path, households: int = PER_VILLAGE) -> Path:
    """The template village through the real writer (scratch SQLite, template origin)."""
    path = folder / "template.sqlite3"
    path.unlink(missing_ok=True)
    db = Database.open(path)
    try:
        with ChangeWriter(db, Actor("7e3a1a00-0000-4000-8000-0000000000ff", None, "区县")).transaction() as txn:
            village = txn.insert(Area, {"id": village_id(0), "level": "village", "name": "模板村"})
        writer = ChangeWriter(db, Actor(TEMPLATE_ORIGIN, None, "村干部"))
        with writer.transaction() as txn:
            ids = txn.insert_many(Household, [{"village_id": village, "group_no": 1 + i % 6, "hh_no": f"{i:06d}",
                                               "attribute": "01" if i % 3 else "02", "exit_status": "0",
                                               "main_cause": f"0{1 + i % 7}"} for i in range(households)])
            members = []
            for i, hid in enumerate(ids):
                surname = _SURNAMES[i % len(_SURNAMES)]
                for m in range(1 + i % 5):  # 1–5 members, 3 on average
                    members.append({"household_id": hid, "name": surname + _GIVEN[(i * 7 + m) % len(_GIVEN)],
                                    "relation": "01" if m == 0 else f"0{2 + m % 4}", "gender": str(1 + (i + m) % 2),
                                    "id_no": f"6100{i:06d}{m:02d}1990{m:02d}"[:18],
                                    "birth_date": f"19{60 + (i + m) % 40}-0{1 + m % 9}-1{m}"})
            txn.insert_many(Member, members)
        with writer.transaction() as txn:  # later edits: field clocks and prev stamps like the field's
            for i in range(0, households, 5):
                txn.update(Household, ids[i], {"phone": f"139{i:08d}"})
    finally:
        db.close()
    return path


def compile_template(path: Path) -> Template:
    src = sqlite3.connect(path)
    try:
        hlcs = {int(r[0]) for r in src.execute("SELECT hlc FROM change_log WHERE origin = ?", (TEMPLATE_ORIGIN,))}
        low, high = min(hlcs), max(hlcs)
        tokens: dict[tuple[Any, ...], int] = {("village",): 0, ("origin",): 1}
        ids: dict[str, tuple[Any, ...]] = {village_id(0): ("village",), TEMPLATE_ORIGIN: ("origin",)}

        def compiled(text: str) -> str:
            out, pos = [], 0
            found = [m for m in _TOKEN.finditer(text) if not m.group().isdigit() or int(m.group()) in hlcs]
            for m in found:
                out.append(text[pos:m.start()].replace("{", "{{").replace("}", "}}"))
                word = m.group()
                token = (ids.setdefault(word, ("id", len(ids))) if not word.isdigit() else ("hlc", int(word) - low))
                out.append("{v[%d]}" % tokens.setdefault(token, len(tokens)))  # noqa: UP031 - a format string
                pos = m.end()
            out.append(text[pos:].replace("{", "{{").replace("}", "}}"))
            return "".join(out)

        columns: dict[str, list[str]] = {}
        lines: dict[str, list[str]] = {}
        entries: list[str] = []
        for table in _TABLES:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            if table == "change_log":  # the server numbers its own log; chains are computed per village
                cols = [c for c in cols if c not in ("seq", "chain_prev", "chain_hash")]
            where = " WHERE origin = ? ORDER BY origin_seq" if table == "change_log" else ""
            args = (TEMPLATE_ORIGIN,) if where else ()
            columns[table] = cols
            lines[table] = []
            for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}{where}", args):
                lines[table].append(compiled("\t".join(_copy_text(x) for x in row)))
                if table == "change_log":
                    at = dict(zip(cols, row, strict=True))
                    entry = [at[c] for c in _ENTRY]
                    entries.append(compiled(_encode([_TAG, *entry, "PREVHASHMARK"])).replace("PREVHASHMARK", "{p}"))
    finally:
        src.close()
    return Template(columns, lines, entries, list(tokens), high - low + 1)


def _values(tpl: Template, v: int, base_hlc: int) -> list[str]:
    """Village ``v``'s value of every token."""
    village, origin = village_id(v), origin_of(v)
    out = []
    for token in tpl.tokens:
        kind = token[0]
        if kind == "village":
            out.append(village)
        elif kind == "origin":
            out.append(origin)
        elif kind == "id":
            out.append(f"b0c10000-{v >> 16:04x}-4{v & 0xfff:03x}-8{(v >> 12) & 0xf:03x}-{token[1]:012x}")
        else:
            out.append(str(base_hlc + token[1]))
    return out


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def write_areas(server: Server, villages: int) -> None:
    """District, towns and villages through the server's writer (fixed ids)."""
    writer = ChangeWriter(server.db, Actor(server.device_id, None, "省"))
    towns = (villages + VILLAGES_PER_TOWN - 1) // VILLAGES_PER_TOWN
    with writer.transaction() as txn:
        top = txn.insert(Area, {"id": natural_id("area", "province-district"), "level": "district", "name": "区"})
        txn.insert_many(Area, [{"id": town_id(t), "level": "town", "name": f"镇{t:03d}", "parent_id": top}
                               for t in range(towns)])
        txn.insert_many(Area, [{"id": village_id(v), "level": "village", "name": f"村{v:04d}",
                                "parent_id": town_id(v // VILLAGES_PER_TOWN), "code": f"61{v:010d}"}
                               for v in range(villages)])


def _pg(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def is_built(url: str, households: int) -> bool:
    with psycopg.connect(_pg(url)) as conn:
        found = conn.execute("SELECT to_regclass(%s)", (MARKER,)).fetchone()
        if found is None or found[0] is None:
            return False
        row = conn.execute(f"SELECT households FROM {MARKER}").fetchone()
        return row is not None and row[0] == households


def fill(url: str, tpl: Template, villages: int, now_hlc: int, progress: Callable[[str], None]) -> dict[str, int]:
    """Every village's rows by COPY (secondary indexes dropped meanwhile and rebuilt after), then the vector."""
    counts = dict.fromkeys(_TABLES, 0)
    start_hlc = now_hlc - (villages + 2) * tpl.span  # every stamp in the past, village after village
    with psycopg.connect(_pg(url), autocommit=True) as conn:
        saved = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) AND i.schemaname = 'public' "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", (list(_TABLES),)).fetchall()
        for name, _ in saved:
            conn.execute(f'DROP INDEX "{name}"')
        began = time.perf_counter()
        with conn.cursor() as cur:
            for table in _TABLES:
                cols = tpl.columns[table] + (["chain_prev", "chain_hash"] if table == "change_log" else [])
                with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for chunk in _chunks(tpl, table, villages, start_hlc, counts):
                        copy.write(chunk)
                progress(f"  {table}: {counts[table]:,} rows ({time.perf_counter() - began:.0f} s)")
            for _name, definition in saved:
                conn.execute(definition)
            progress(f"  {len(saved)} indexes rebuilt ({time.perf_counter() - began:.0f} s)")
            cur.execute("SELECT origin, max(origin_seq) FROM change_log WHERE origin LIKE '5eed%%' "
                        "GROUP BY origin")
            tops = cur.fetchall()
            with cur.copy("COPY sync_vector (origin, seq) FROM STDIN") as copy:
                for origin, top in tops:
                    copy.write_row((origin, top))
        conn.execute("VACUUM (ANALYZE)")
        progress(f"  vacuumed and analysed ({time.perf_counter() - began:.0f} s)")
    return counts


def _chunks(tpl: Template, table: str, villages: int, start_hlc: int, counts: dict[str, int]) -> Iterator[str]:
    lines = tpl.lines[table]
    for v in range(villages):
        vals = _values(tpl, v, start_hlc + v * tpl.span)
        if table == "change_log":  # the village origin's hash chain, in origin_seq order
            out, previous = [], GENESIS.hex()
            for line, entry in zip(lines, tpl.entries, strict=True):
                digest = hashlib.sha256(entry.format(v=vals, p=previous).encode("utf-8")).hexdigest()
                out.append(f"{line.format(v=vals)}\t\\\\x{previous}\t\\\\x{digest}\n")
                previous = digest
            chunk = "".join(out)
        else:
            chunk = "".join(line.format(v=vals) + "\n" for line in lines)
        counts[table] += len(lines)
        yield chunk


def mark_built(url: str, households: int, counts: dict[str, int]) -> None:
    with psycopg.connect(_pg(url), autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {MARKER} (households integer, log_rows bigint, built_at text)")
        conn.execute(f"INSERT INTO {MARKER} VALUES (%s, %s, now()::text)", (households, counts["change_log"]))


def ensure_database(url: str, *, fresh: bool) -> None:
    """Create the database named in ``url`` (dropping it first when ``fresh``); never another one."""
    admin, name = _admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _admin(url: str) -> tuple[str, str]:
    name = url.rsplit("/", 1)[1]
    if not name.startswith("province"):
        raise SystemExit(f"bench database must be named province…, not {name!r}")
    return _pg(url.rsplit("/", 1)[0] + "/postgres"), name


def copy_database(source: str, target: str) -> None:
    """``target`` as a fresh copy of ``source`` (PostgreSQL's template copy: files, not rows)."""
    admin, name = _admin(target)
    _, origin = _admin(source)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{origin}"')


def catch_up(url: str) -> None:
    """Registers generated on a branch whose migration 0021 was another one (it numbered its own on an
    older chain) stand at 0022 without 0021's server columns: add them to the run's copy (the cached
    register stays as generated). A no-op on a register generated since."""
    with psycopg.connect(_pg(url), autocommit=True) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] < "0021":
            return  # migration 0021 is still to come: the server's start adds the columns
        for table in ("server_enrol_code", "server_device"):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS kind VARCHAR(8) DEFAULT 'device' NOT NULL")
            conn.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS area_id VARCHAR(36)")


def drop_database(url: str) -> None:
    admin, name = _admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
