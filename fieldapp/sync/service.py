"""Sync as the front ends use it: build a package for a peer, import packages, status, conflicts.

Works on a :class:`Replica` (database, device identity, scope) so the district server
can reuse it with its own context. ``import_package`` checks everything that can
refuse a package before it opens the write transaction, applies the whole package in that one
transaction, and advances the vector and the peer's cursor inside it: a crash or SIGKILL
leaves the database as it was, and the retry applies it.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import random
import threading
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import DBAPIError

from fieldapp.domain.hlc import HybridClock
from fieldapp.domain.ids import short_id
from fieldapp.store import chain, codec, guard, removal
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import ChangeLog, SyncSeen
from fieldapp.store.writer import shared_clock
from fieldapp.sync import authority, chaincheck, gcpause, inbound, outbox, package, purge, state
from fieldapp.sync import body as body_mod
from fieldapp.sync.merge import Merger, MergeStats
from fieldapp.sync.pending import apply_pending
from fieldapp.sync.ports import Identity, PhotoFiles

log = logging.getLogger("fieldapp.sync")

_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_SEEN: Table = SyncSeen.__table__  # type: ignore[assignment]


@dataclass
class Replica:
    db: Database
    identity: Identity
    scope: list[str] | None  # village ids; None = the whole district
    clock: HybridClock | None = None
    photos: PhotoFiles | None = None  # photo files travel with their rows

    def __post_init__(self) -> None:
        if self.clock is None:
            self.clock = shared_clock(self.db)

    @property
    def device_id(self) -> str:
        return self.identity.device_id


@dataclass
class Built:
    data: bytes
    header: dict[str, Any]


def build_package(rep: Replica, peer_id: str, *, fmt: str | None = None) -> Built:
    """A package holding exactly what ``peer_id`` lacks as far as we know (may be empty: an ack)."""
    with rep.db.read() as conn:
        peer = state.peer(conn, peer_id)
        if peer is None:
            raise KeyError(f"未登记的同步对象：{peer_id}")
        vec = state.holdings(conn, rep.device_id)
        base = {o: min(int(peer.known.get(o, 0)), s) for o, s in vec.items()}
        rows, exits = outbox.lacking(conn, vec, base, peer.scope)
        heads = chain.signed_heads(conn)
    changes = (body_mod.Change(r.origin, int(r.origin_seq), int(r.hlc), r.tbl, r.row_id, r.household_id, r.op,
                               json.loads(r.fields), json.loads(r.prev or "{}"), r.user_id, r.user_name,
                               _bytes(r.chain_prev), _bytes(r.chain_hash))
               for r in rows)
    body, count = body_mod.encode(changes, exits, _blobs(rep, rows))
    header = package.new_header(schema=SCHEMA_VERSION, schema_needs=inbound.NEEDS_SCHEMA, base=base, top=vec,
                                held=vec, scope=rep.scope,
                                counts={"changes": count, "exits": len(exits), "bytes": len(body)}, fmt=fmt)
    # the signed head of every origin the body holds: the receiver checks the chain up to it
    header["chain"] = {o: heads[o].to_json() for o in sorted({r.origin for r in rows}) if o in heads}
    header |= {"sender": rep.device_id, "recipient": peer.device_id}
    return Built(package.seal(rep.identity, peer.keys, header, body), header)


def _bytes(value: Any) -> bytes | None:
    return None if value is None else bytes(value)


def _blobs(rep: Replica, rows: list[Any]) -> Iterator[body_mod.Blob]:
    """The files of the photos this package creates (a photo this device lacks goes without)."""
    if rep.photos is None:
        return
    for r in rows:
        if r.tbl == "photo" and r.op == "insert":
            sha = json.loads(r.fields).get("sha256")
            data = rep.photos.read(sha) if isinstance(sha, str) else None
            if data is not None:
                yield body_mod.Blob(sha, data)


def export_to(rep: Replica, peer_id: str, folder: Path) -> Path:
    built = build_package(rep, peer_id)
    path = package.write_atomic(Path(folder), package.file_name(built.header), built.data)
    with rep.db.transaction() as conn:
        state.note_sent(conn, peer_id)
    log.info("package for %s written: %s (%s changes)", peer_id, path, built.header["counts"]["changes"])
    return path


@dataclass
class ImportResult:
    header: dict[str, Any]
    stats: MergeStats = field(default_factory=MergeStats)
    exits: int = 0
    purged: int = 0
    photos: int = 0  # photo files stored

    def summary(self) -> str:
        s = self.stats
        return (f"来自 {short_id(self.header['sender'])}：应用 {s.applied} 条，已有 {s.skipped} 条，"
                f"冲突 {s.conflicts} 条，隔离 {s.quarantined} 条，待升级字段 {s.pending} 个，"
                f"时钟异常 {s.clock_flags} 个，迁出 {self.exits} 户"
                + (f"，越权拒收 {s.refused} 条" if s.refused else ""))


MERGE_LOCK = 0x46415043  # PostgreSQL advisory lock key serialising merges across processes ("FAPC")
#: how merges are serialised on PostgreSQL: ``lock`` (the advisory lock, the default: measured faster, see
#: bench/README.md) or ``serializable`` (SERIALIZABLE transactions, retried on a serialization failure)
MERGE_MODE_ENV = "FIELDAPP_PG_MERGE"
RETRIES = 30  # attempts of one merge transaction that PostgreSQL rolled back (serialization failure, deadlock)
RETRY_STATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


def _under_write_lock(conn: Connection, rep: Replica, header: dict[str, Any]) -> state.Vector:
    """A merge's first steps once the write lock is held: the vector read again, pending rows applied.

    SQLite's ``BEGIN IMMEDIATE`` took the file's write lock; on PostgreSQL the transaction takes
    :data:`MERGE_LOCK` (an advisory lock, released at commit), so merges of every process on the
    database run one after the other and each reads what the one before committed.
    Another process sharing the database (the district server beside its USB desk) may have applied
    this package, or moved the vector, between the checks before the transaction and now: a package
    applied meanwhile is a replay.
    """
    if conn.dialect.name == "postgresql":
        if os.environ.get(MERGE_MODE_ENV) == "serializable":  # the first statement of the transaction
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
        else:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MERGE_LOCK})")
    if conn.execute(select(_SEEN.c.package_id).where(_SEEN.c.package_id == str(header["id"]))).first():
        raise package.PackageRefused("replay", f"同步包 {header['id']} 已由另一进程导入，未再次应用")
    vec = state.holdings(conn, rep.device_id)
    apply_pending(conn)
    return vec


def import_package(rep: Replica, data: bytes, *, allowed_villages: Collection[str] | None = None,
                   enrolled_cadre: str | None = None, enrolled_role: str | None = None,
                   strict_chain: bool = False, bulk: bool = True, child_level: str | None = None) -> ImportResult:
    """Check, then apply in one transaction. Raises :class:`package.PackageRefused` with the reason.

    ``allowed_villages`` (the district server: the sending device's scope) refuses every change
    outside those villages: it is recorded (``sync_quarantine`` with status ``refused``) and listed in
    ``result.stats.refusals``, never applied and never passed on; so is every change to a district-wide
    table (:mod:`fieldapp.sync.authority`), but for the first creation of the granted villages' areas,
    of ``enrolled_cadre``'s row and of the sender's account that the code named (``enrolled_cadre`` with
    ``enrolled_role``: a reviewer's, :func:`authority.granted_person`).

    Every received change is linked into its origin's hash chain and checked against the package's
    signed heads (:mod:`fieldapp.sync.chaincheck`); a break refuses the package with reason ``chain``
    (``exc.detail`` names the origin, the sequence number and what differs). ``strict_chain`` (the
    district server) also requires the sender's own changes to be covered by its signed head.

    ``child_level`` (a parent server: the sender is a child server of that level, a district enrolled with
    its city): the sender relays, for every origin, all it holds of it (the package is complete for its
    origins, though its header names the child's villages), and it writes the district-owned rows inside
    ``allowed_villages`` (:mod:`fieldapp.sync.scope`).

    ``bulk`` (on by default): plain updates are decided and written in SQL, many at once
    (:meth:`Merger._plain_updates`); off, every change is applied one by one (the same outcome).
    """
    header = package.read_header(data)
    with rep.db.read() as conn:
        peer = state.peer(conn, str(header["sender"]))
        seen = conn.execute(select(_SEEN.c.applied_at).where(_SEEN.c.package_id == str(header["id"]))).first()
        vec = state.holdings(conn, rep.device_id)
    opened = package.open_package(data, rep.identity, peer.keys if peer else None)
    inbound.BodyCheck(header)  # the signed header's fields, before any is used
    if seen is not None:
        raise package.PackageRefused("replay", f"同步包 {header['id']} 已于 {seen[0]} 导入过，未再次应用")
    for origin, seq in dict(header["base"]).items():
        if int(seq) > vec.get(origin, 0):
            raise package.PackageRefused(
                "gap", f"同步包从 {short_id(origin)} 的第 {int(seq) + 1} 条开始，本机只有到第 {vec.get(origin, 0)} 条："
                       "请先导入更早的同步包，或让对方重新导出")
    sender = str(header["sender"])
    their_scope = header.get("scope")
    complete = their_scope is None or (rep.scope is not None and set(rep.scope) <= set(their_scope)) \
        or child_level is not None
    grant = (authority.Grant(sender, enrolled_cadre, enrolled_role)
             if enrolled_cadre and enrolled_role else None)
    for attempt in range(1, RETRIES + 1):
        try:
            with gcpause.paused():
                result = _apply(rep, header, opened.body, complete=complete, allowed_villages=allowed_villages,
                                enrolled_cadre=enrolled_cadre, grant=grant, strict_chain=strict_chain, bulk=bulk,
                                child_level=child_level)
            break
        except (body_mod.BodyError, chaincheck.ChainBroken) as exc:
            raise _refusal(exc) from exc
        except DBAPIError as exc:
            if attempt == RETRIES or getattr(exc.orig, "sqlstate", None) not in RETRY_STATES:
                raise
            # SERIALIZABLE (or a deadlock): the transaction was rolled back whole; run it again on fresh reads
            log.info("package %s: %s, attempt %d of %d", header["id"], type(exc.orig).__name__, attempt, RETRIES)
            time.sleep(random.uniform(0, 0.01 * 2 ** min(attempt, 6)))
    log.info("package %s applied: %s", header["id"], result.summary())
    try:
        result.purged = purge.purge_tombstones(rep)
    except Exception:  # housekeeping: the package itself is in; the next import tries again
        log.exception("purging tombstones failed")
    return result


def _apply(rep: Replica, header: dict[str, Any], body: bytes, *, complete: bool,
           allowed_villages: Collection[str] | None, enrolled_cadre: str | None, grant: authority.Grant | None,
           strict_chain: bool, bulk: bool, child_level: str | None) -> ImportResult:
    """The package applied in one write transaction (the body decoded and checked again on every attempt)."""
    sender = str(header["sender"])
    result = ImportResult(header)
    check = inbound.BodyCheck(header)
    with rep.db.transaction() as conn, guard.write_path():
        assert rep.clock is not None
        vec = _under_write_lock(conn, rep, header)
        links = chaincheck.ChainCheck(conn, header, strict=strict_chain)
        merger = Merger(conn, rep.clock, vec, scope=allowed_villages, cadre=enrolled_cadre, grant=grant,
                        child_level=child_level, device_id=rep.device_id, chain_check=links, bulk=bulk)
        exits: list[str] = []
        for item in _ahead(check.stream(body_mod.decode(body))):
            if isinstance(item, body_mod.Blob):
                if rep.photos is not None and rep.photos.store(item.sha256, item.data):
                    result.photos += 1
            elif isinstance(item, body_mod.ScopeExit):
                result.exits += 1
                state.delete_local(conn, "sync_scope_exit", {"household_id": item.household_id})
                state.insert_local(conn, "sync_scope_exit", {
                    "household_id": item.household_id, "village_id": item.village_id, "hlc": item.hlc,
                    "received_at": state.now_iso()})
                if rep.scope is not None and item.village_id not in rep.scope:
                    exits.append(item.household_id)
            else:
                merger.apply(item)
        links.finish(_signing_keys(conn, rep, links.heads), check.seen, check.base)  # before the vector moves
        moves = check.advance(vec, complete=complete, whole=rep.scope is None)
        result.stats = merger.finish()
        chaincheck.sign_restamps(conn, rep.device_id, merger.own_base, merger.own_head, rep.identity.signing_key)
        if exits:  # after the merge: the package's last changes of these households are in
            removal.evict_households(conn, exits)
        state.advance(conn, moves, rep.device_id)
        state.note_received(conn, sender, {o: int(s) for o, s in dict(header["held"]).items()})
        state.insert_local(conn, "sync_seen", {
            "package_id": str(header["id"]), "sender": sender, "applied_at": state.now_iso(),
            "summary": codec.dumps(result.stats.__dict__ | {"households": len(result.stats.households),
                                                            "refusals": len(result.stats.refusals)})})
    return result


def _refusal(exc: Exception) -> package.PackageRefused:
    if isinstance(exc, chaincheck.ChainBroken):
        return chaincheck.refusal(exc)
    return package.PackageRefused("format", str(exc))


def _signing_keys(conn: Any, rep: Replica, heads: Collection[str]) -> dict[str, str | None]:
    """The public signing key of each origin whose head a package carries, where this replica knows it."""
    keys: dict[str, str | None] = {}
    for origin in heads:
        if origin == rep.device_id:
            keys[origin] = rep.identity.public_signing()
        else:
            peer = state.peer(conn, origin)
            keys[origin] = peer.keys.signing_key if peer is not None else None
    return keys


def _ahead(items: Iterator[Any], depth: int = 2) -> Iterator[Any]:
    """Decode the next batches in a helper thread while this one waits on the database.

    SQLite and psycopg release the GIL while they work, so decompressing and parsing the
    package overlaps with writing the previous batch. Errors reach the consumer unchanged.
    """
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[str, Any]) -> bool:
        while not stop.is_set():  # the consumer may have stopped (an error while applying)
            try:
                box.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(("item", item)):
                    return
            put(("end", None))
        except BaseException as exc:  # handed over to the consumer
            put(("error", exc))

    worker = threading.Thread(target=produce, name="fieldapp-sync-decode", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = box.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
        worker.join()


def import_file(rep: Replica, path: Path) -> ImportResult:
    return import_package(rep, Path(path).read_bytes())


def addressed_to_me(rep: Replica, folder: Path) -> list[Path]:
    """Package files in ``folder`` whose header names this device, oldest first."""
    found = []
    for p in sorted(Path(folder).glob(f"*{package.SUFFIX}")):
        try:
            with open(p, "rb") as fh:
                head = package.read_header(fh.read((1 << 20) + 64))
        except (OSError, package.PackageRefused):
            continue
        if head.get("recipient") == rep.device_id:
            found.append((str(head.get("created")), p))
    return [p for _c, p in sorted(found)]
