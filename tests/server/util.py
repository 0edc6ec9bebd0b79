"""Helpers of the server tests: households on a laptop, snapshots, a dump of the server's data, raw requests."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from fieldapp.server.storage import open_server_db
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.identity import DeviceIdentity
from fieldapp.store.models import Base, Household, Member
from fieldapp.sync.http_client import SYNC_PATH, sign_request
from tests.helpers.idgen import resident_id

_people = itertools.count(1)
STAMPS = {"row_hlc", "row_device", "field_clocks"}
NOT_DATA = {"server_audit", "server_nonce"}  # a refusal is audited; everything else must stay unchanged


def add_household(ctx: AppContext, village_id: str, head: str, **fields: Any) -> str:
    n = next(_people)
    born = dt.date(1950, 1, 1) + dt.timedelta(days=37 * n)
    base = {"village_id": village_id, "group_no": 1 + n % 5, "hh_no": f"6110029{n:05d}", "main_cause": "01",
            "attribute": "01", "exit_status": "0", "standard": "01"} | fields
    people = [{"name": head, "relation": "01", "id_no": resident_id(n % 1000, born)},
              {"name": f"{head}之子", "relation": "03", "id_no": resident_id((n + 500) % 1000,
                                                                            born + dt.timedelta(days=9000))}]
    return register.save_record(ctx.writer, ctx.ref, register.HouseholdRecord(household=base, members=people))


def edit_household(ctx: AppContext, household_id: str, **fields: Any) -> None:
    with ctx.writer.transaction() as txn:
        txn.update(Household, household_id, fields)


def village_snapshot(ctx: AppContext, village_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """Households and members of one village (id first, data columns, tombstones; no sync stamps)."""
    h, m = Household.__table__, Member.__table__  # type: ignore[attr-defined]
    with ctx.db.read() as conn:
        homes = conn.execute(select(h.c.id, *[c for c in h.c if c.name not in STAMPS | {"id"}])
                             .where(h.c.village_id == village_id).order_by(h.c.id)).all()
        ids = [r.id for r in homes]
        people = conn.execute(select(m.c.id, *[c for c in m.c if c.name not in STAMPS | {"id"}])
                              .where(m.c.household_id.in_(ids)).order_by(m.c.id)).all()
    return {"household": [tuple(r) for r in homes], "member": [tuple(r) for r in people]}


def server_dump(home: Path, db_url: str) -> str:
    """A hash of every server table but the audit log and the nonces (what a refusal must not change)."""
    db = open_server_db(db_url, home)
    digest = hashlib.sha256()
    try:
        with db.read() as conn:
            for table in Base.metadata.sorted_tables:
                if table.name in NOT_DATA:
                    continue
                key = list(table.primary_key.columns) or list(table.c)
                for row in conn.execute(select(table).order_by(*key)):
                    digest.update(json.dumps([table.name, *row], default=str, ensure_ascii=False).encode())
    finally:
        db.close()
    return digest.hexdigest()


def count(home: Path, db_url: str, sql: str, **params: Any) -> int:
    db = open_server_db(db_url, home)
    try:
        return int(db.scalar(sql, **params) or 0)  # type: ignore[call-overload]
    finally:
        db.close()


def post_signed(url: str, identity: DeviceIdentity, body: bytes, *, endpoint: str = SYNC_PATH,
                headers: dict[str, str] | None = None, now: float | None = None) -> httpx.Response:
    signed = sign_request(identity, "POST", endpoint, body, now=now) | (headers or {})
    return httpx.post(url + endpoint, content=body, headers=signed, timeout=60)
