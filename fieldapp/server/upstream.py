"""The server's parent ("upstream"): enrolling with it, one sync round, its status, the scheduled rounds.

A district server syncs upward to its city, a city to its province, exactly as a laptop syncs with its
district: the same packages, signatures and enrolment (:mod:`fieldapp.sync.http_client`: its
:class:`SyncClient`, TLS verification, pinned keys). The parent made a code for a child *server*
(``fieldapp-server enrol-code --server --scope 商州区``); the child enrols with it and from then on:

- up go the changes the parent lacks: the child's own and its laptops' (they keep their origin and chain);
- down comes the parent's reply for the child's villages (targets, thresholds, people, decisions taken
  above), imported trusting the parent as a laptop trusts its district, and relayed to the laptops as usual.

Towards its parent the child is a scoped replica (its villages): the parent's reply is filtered, so the
child's vector moves only as far as the reply's body reaches (``docs/SYNC.md``, "Scoped receivers").

Where the parent is recorded: ``sync_peer`` holds its keys and what it holds (the cursor, in the database,
moved in the transaction that applies its reply); :data:`STATE_FILE` in the server's home (owner-only)
its address, id, the scope granted, the CA file, and the outcome of the last round. Only one process runs
a round at a time: a round holds an exclusive lock on :data:`LOCK_FILE` (several server processes may
share one database; each may run the schedule, the first to take the lock does the round).

A round is safe to interrupt anywhere: each side applies a package in one transaction, so a dropped
connection leaves nothing half-applied, and the next round sends (and receives) what is still missing;
changes held already are skipped, never applied twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fieldapp.server.storage import Server
from fieldapp.store import filemodes
from fieldapp.store.models import ChangeLog
from fieldapp.sync import district, state
from fieldapp.sync.http_client import (
    Enrolment,
    Offline,
    SyncClient,
    SyncError,
    check_server_keys,
    normalise_url,
    request_enrolment,
    server_health,
)
from fieldapp.sync.service import Replica

log = logging.getLogger("fieldapp.server.upstream")

STATE_FILE = "upstream.json"
LOCK_FILE = "upstream.lock"
DEFAULT_EVERY_MIN = 15.0
PARENT_NAME = "上级服务器"
_LOG = ChangeLog.__table__


class NotEnrolledUpstream(SyncError):
    def __init__(self) -> None:
        super().__init__("not-enrolled", "本服务器还没有加入上级服务器：请先运行 "
                                         "fieldapp-server upstream enrol 上级地址 加入码")


class RoundBusy(SyncError):
    """Another process is running an upward sync round right now."""


@dataclass
class Upstream:
    """What this server knows of its parent (the :data:`STATE_FILE`)."""

    url: str
    parent_id: str
    parent_name: str
    fingerprint: str
    scope: list[str]
    villages: list[dict[str, Any]]
    name: str  # what the parent calls this server
    enrolled_at: str
    ca: str | None = None  # a CA file for the parent's self-signed certificate (None: the system's)
    last_attempt: str | None = None
    last_sync: str | None = None  # the last round that completed
    last_error: str | None = None  # the last round's failure (None: it completed)
    last_result: dict[str, Any] = field(default_factory=dict)

    @property
    def verify(self) -> bool | str:
        return self.ca or True


def load(home: Path) -> Upstream | None:
    path = Path(home) / STATE_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Upstream(**{k: v for k, v in data.items() if k in Upstream.__dataclass_fields__})


def save(home: Path, up: Upstream) -> None:
    """Written whole (temp file, rename), owner-only: it names the parent this server trusts."""
    path = Path(home) / STATE_FILE
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(up), fh, ensure_ascii=False, indent=1)
    os.replace(tmp, path)
    filemodes.secure_tree(Path(home))


def replica(server: Server, up: Upstream) -> Replica:
    """The server's database seen towards its parent: the villages it granted (one clock with ``server.rep``)."""
    return Replica(server.db, server.identity, list(up.scope), clock=server.rep.clock, photos=server.rep.photos)


# -- enrolment ------------------------------------------------------------------------------------

def enrol(server: Server, url: str, code: str, *, name: str = "", ca: str | None = None,
          replace_parent: bool = False) -> Enrolment:
    """Enrol with the parent at ``url`` with its one-time code; pin its keys as the parent peer.

    A server enrolled with another parent (or the same id with other keys) is refused unless
    ``replace_parent``; the parent's identity is checked before the code is spent.
    """
    url = normalise_url(url)
    verify: bool | str = ca or True
    current = load(server.home)
    health = server_health(url, verify=verify)
    pinned = current.parent_id if current else None
    check_server_keys(server.db, pinned, str(health["server_id"]), str(health["signing"]), replace=replace_parent)
    enrolment = request_enrolment(server.identity, url, code, name=name or server.config.name, verify=verify)
    parent = enrolment.server
    check_server_keys(server.db, pinned, str(parent["device_id"]), str(parent["signing"]), str(parent["agreement"]),
                      replace=replace_parent)
    district.register_peer(server.db, parent, name=str(parent.get("name") or PARENT_NAME), scope=None)
    save(server.home, Upstream(url, str(parent["device_id"]), str(parent.get("name") or PARENT_NAME),
                               enrolment.fingerprint, list(enrolment.scope), list(enrolment.villages),
                               enrolment.cadre or name or server.config.name, state.now_iso(), ca))
    log.info("enrolled with the parent server %s at %s, scope %s", parent["device_id"], url, enrolment.scope)
    return enrolment


# -- one round ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Round:
    sent: int
    received: int
    refused: int  # of ours, by the parent (outside our scope, or maintained above)
    refusals: list[dict[str, Any]]
    seconds: float

    def summary(self) -> str:
        text = f"上行同步完成：上传 {self.sent} 条修改，收到 {self.received} 条"
        if self.refused:
            text += f"；上级拒绝 {self.refused} 条超出本服务器范围或由上级维护的修改（未应用）"
        return text


@contextlib.contextmanager
def _round_lock(home: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock on :data:`LOCK_FILE`: one round at a time across processes."""
    path = Path(home) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _lock(fd)
        except OSError as exc:
            raise RoundBusy("busy", "另一个进程正在进行上行同步：请稍后再试") from exc
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def sync(server: Server) -> Round:
    """One round with the parent: upload what it lacks, apply its reply. Raises :class:`SyncError`."""
    up = load(server.home)
    if up is None:
        raise NotEnrolledUpstream()
    with _round_lock(server.home):
        up = load(server.home) or up
        up.last_attempt = state.now_iso()
        start = time.perf_counter()
        try:
            with SyncClient(replica(server, up), up.url, up.parent_id, verify=up.verify) as client:
                prepared = client.prepare()
                reply = client.exchange(prepared)
                with server.write_lock:
                    outcome = client.apply(reply, prepared)
        except SyncError as exc:
            up.last_error = str(exc)
            save(server.home, up)
            log.warning("upward sync with %s failed: %s", up.url, exc)
            raise
        done = Round(prepared.changes, outcome.received.stats.applied if outcome.received else 0, outcome.refused,
                     outcome.refusals, time.perf_counter() - start)
        up.last_sync, up.last_error = state.now_iso(), None
        up.last_result = {"sent": done.sent, "received": done.received, "refused": done.refused}
        save(server.home, up)
    log.info("upward sync with %s: %s", up.url, done.summary())
    return done


# -- status -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Status:
    upstream: Upstream
    waiting: int  # changes the parent lacks as far as we know (the next round sends them, or filters them)
    village_names: list[str] = field(default_factory=list)  # the scope's villages, as this server names them


def waiting(server: Server, up: Upstream) -> int:
    """Changes held here above what the parent said it holds (one count per origin)."""
    with server.db.read() as conn:
        peer = state.peer(conn, up.parent_id)
        known = peer.known if peer else {}
        vec = state.holdings(conn, server.device_id)
        total = 0
        for origin, top in vec.items():
            if top > int(known.get(origin, 0)):
                total += int(conn.execute(select(func.count()).select_from(_LOG).where(
                    _LOG.c.origin == origin, _LOG.c.origin_seq > int(known.get(origin, 0)))).scalar() or 0)
    return total


def status(server: Server) -> Status:
    up = load(server.home)
    if up is None:
        raise NotEnrolledUpstream()
    from fieldapp.server.registry import village_names

    with server.db.read() as conn:
        names = village_names(conn, list(up.scope))
    return Status(up, waiting(server, up), [names.get(v, v) for v in up.scope])


def local_time(iso: str | None, zone: str) -> str:
    """``2026-12-07T08:00:00Z`` as local time (``2026-12-07 16:00``), or 从未."""
    if not iso:
        return "从未"
    from zoneinfo import ZoneInfo

    moment = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


# -- the schedule -----------------------------------------------------------------------------------

class Schedule:
    """Runs a round every ``every_s`` seconds in a daemon thread (the first soon after start).

    Failures are logged and recorded in the state file (``upstream status`` shows them); a round another
    process is running is skipped. :meth:`stop` ends the thread between rounds.
    """

    def __init__(self, server: Server, every_s: float, *, first_after_s: float = 5.0) -> None:
        self.server = server
        self.every_s = every_s
        self.first_after_s = first_after_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fieldapp-upstream", daemon=True)
        self.rounds = 0

    def start(self) -> Schedule:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        wait = self.first_after_s
        while not self._stop.wait(wait):
            wait = self.every_s
            try:
                sync(self.server)
                self.rounds += 1
            except RoundBusy:
                log.info("upward sync skipped: another process is running a round")
            except Offline as exc:
                log.info("upward sync: parent unreachable (%s); next try in %.0f s", exc, self.every_s)
            except SyncError as exc:
                log.warning("upward sync refused: %s", exc)
            except Exception:  # the schedule must outlive one bad round; the next one tries again
                log.exception("upward sync failed")
