"""Sync state kept in the local tables: holdings vector, peers and what they hold.

The holdings vector maps each origin device to the highest ``origin_seq`` this replica
holds from it. This device's own entry is read from ``change_log`` (the writer keeps it
gap-free); remote entries live in ``sync_vector`` and advance only inside the transaction
that applied the changes, i.e. only after commit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, func, select, text

from fieldapp.store.models import ChangeLog, SyncPeer, SyncVector
from fieldapp.sync.package import PeerKeys

_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_VEC: Table = SyncVector.__table__  # type: ignore[assignment]
_PEER: Table = SyncPeer.__table__  # type: ignore[assignment]

Vector = dict[str, int]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def own_seq(conn: Connection, device_id: str) -> int:
    return int(conn.execute(select(func.max(_LOG.c.origin_seq)).where(_LOG.c.origin == device_id)).scalar() or 0)


def holdings(conn: Connection, device_id: str) -> Vector:
    """This replica's version vector (O(number of origins), not O(changes))."""
    vec = {r.origin: int(r.seq) for r in conn.execute(select(_VEC.c.origin, _VEC.c.seq))}
    mine = own_seq(conn, device_id)
    if mine:
        vec[device_id] = mine
    else:
        vec.pop(device_id, None)
    return vec


def advance(conn: Connection, updates: Mapping[str, int], device_id: str) -> None:
    current = {r.origin: int(r.seq) for r in conn.execute(select(_VEC.c.origin, _VEC.c.seq))}
    for origin, seq in updates.items():
        if origin == device_id or seq <= current.get(origin, 0):
            continue
        if origin in current:
            update_local(conn, "sync_vector", {"seq": seq}, {"origin": origin})
        else:
            insert_local(conn, "sync_vector", {"origin": origin, "seq": seq})


def merge_vectors(a: Mapping[str, int], b: Mapping[str, int]) -> Vector:
    out = dict(a)
    for k, v in b.items():
        out[k] = max(out.get(k, 0), int(v))
    return out


@dataclass(frozen=True)
class Peer:
    device_id: str
    name: str
    signing_key: str
    agreement_key: str
    scope: list[str] | None
    known: Vector
    last_sent: str | None
    last_received: str | None

    @property
    def keys(self) -> PeerKeys:
        return PeerKeys(self.device_id, self.signing_key, self.agreement_key)


def _peer(row: Any) -> Peer:
    return Peer(row.device_id, row.name, row.signing_key, row.agreement_key,
                json.loads(row.scope) if row.scope else None, json.loads(row.known or "{}"),
                row.last_sent, row.last_received)


def peers(conn: Connection) -> list[Peer]:
    return [_peer(r) for r in conn.execute(select(_PEER).order_by(_PEER.c.name))]


def peer(conn: Connection, device_id: str) -> Peer | None:
    row = conn.execute(select(_PEER).where(_PEER.c.device_id == device_id)).first()
    return _peer(row) if row else None


_P = TypeVar("_P")


def default_peer(peers: Sequence[_P], preferred: str | None = None) -> _P | None:
    """Where packages go, and against whom "unsynced" is counted, when nobody says otherwise.

    ``preferred`` (the enrolled district server) when it is among ``peers``, else the first peer
    whose scope is the whole district, else the first peer. ``peers`` have ``device_id`` and ``scope``.
    """
    for p in peers:
        if preferred and getattr(p, "device_id", None) == preferred:
            return p
    candidates = [p for p in peers if getattr(p, "scope", None) is None] or list(peers)
    return candidates[0] if candidates else None


def find_peer(conn: Connection, key: str) -> Peer | None:
    """By device id, id prefix or name."""
    for p in peers(conn):
        if key in (p.device_id, p.name) or (len(key) >= 6 and p.device_id.startswith(key)):
            return p
    return None


def add_peer(conn: Connection, device_id: str, name: str, signing_key: str, agreement_key: str, *,
             scope: list[str] | None = None) -> None:
    """Register (or update the keys, name and scope of) a peer; what it holds is kept."""
    values = {"name": name, "signing_key": signing_key, "agreement_key": agreement_key,
              "scope": json.dumps(scope) if scope is not None else None}
    if peer(conn, device_id) is None:
        insert_local(conn, "sync_peer", {"device_id": device_id, "known": "{}", **values})
    else:
        update_local(conn, "sync_peer", values, {"device_id": device_id})


def note_received(conn: Connection, device_id: str, held: Mapping[str, int]) -> None:
    current = peer(conn, device_id)
    known = merge_vectors(current.known if current else {}, held)
    update_local(conn, "sync_peer", {"known": json.dumps(known, sort_keys=True), "last_received": now_iso()},
                 {"device_id": device_id})


def note_sent(conn: Connection, device_id: str) -> None:
    update_local(conn, "sync_peer", {"last_sent": now_iso()}, {"device_id": device_id})


def _local(table: str) -> str:
    if not table.startswith("sync_"):  # synced tables are written only through fieldapp.store.writer
        raise ValueError(f"not a local sync table: {table}")
    return table


def insert_local(conn: Connection, table: str, rows: Mapping[str, Any] | list[dict[str, Any]]) -> None:
    """Insert into one of this module's local ``sync_*`` tables (never a synced table)."""
    batch = [dict(rows)] if isinstance(rows, Mapping) else rows
    if not batch:
        return
    cols = list(batch[0])
    conn.execute(text(f"INSERT INTO {_local(table)} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"),
                 batch)


def update_local(conn: Connection, table: str, values: Mapping[str, Any], where: Mapping[str, Any]) -> None:
    sets = ", ".join(f"{k} = :v_{k}" for k in values)
    cond = " AND ".join(f"{k} = :w_{k}" for k in where)
    params = {f"v_{k}": v for k, v in values.items()} | {f"w_{k}": v for k, v in where.items()}
    conn.execute(text(f"UPDATE {_local(table)} SET {sets} WHERE {cond}"), params)


def delete_local(conn: Connection, table: str, where: Mapping[str, Any]) -> None:
    cond = " AND ".join(f"{k} = :w_{k}" for k in where)
    conn.execute(text(f"DELETE FROM {_local(table)} WHERE {cond}"), {f"w_{k}": v for k, v in where.items()})
