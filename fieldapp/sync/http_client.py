"""The laptop's side of network sync with the district server. Pure Python on httpx, no Qt.

Every request is signed with the device's Ed25519 key over (method, endpoint, device, timestamp,
nonce, sha256(body)) — :func:`sign_request`; the server keeps the nonces and refuses stale
timestamps, so a captured request cannot be replayed. Packages are the sync packages: the upload is the
package :func:`fieldapp.sync.service.build_package` makes for the server, the reply is the server's
package for this laptop, applied with :func:`fieldapp.sync.service.import_package` (signed by the
server's pinned key, so a forged reply is refused).

API for the front ends (the GUI runs each step in its ``TaskManager``; database steps with
``run_db``, network steps with ``run_net``):

- Enrolment: ``server_health(url)`` (network) and ``check_server_keys(db, pinned, id, signing)``
  (db) so a code is not spent on the wrong server, then ``request_enrolment(identity, url, code)``
  (network). Pinning the server and storing its address in the laptop's settings is
  :mod:`fieldapp.services.syncing` (``enrol``, ``check_pinned``, ``store_enrolment``), which
  works on the app context; this module never sees it.
- ``client = SyncClient(replica, url, server_id)`` (on a laptop ``fieldapp.services.syncing.client(ctx)``,
  which raises :class:`NotEnrolled`), then either
  ``client.sync_now(progress)`` → :class:`SyncOutcome` (CLI), or the three steps
  ``prepared = client.prepare()`` (db) → ``reply = client.exchange(prepared, progress)`` (network)
  → ``outcome = client.apply(reply)`` (db). ``progress(done, total, text)`` has
  ``TaskControl.progress``'s signature. ``client.probe()`` → bool is the cheap reachability check
  (a GET of ``/api/v1/health`` with a short timeout). ``client.close()`` when done.
- Errors are :class:`SyncError` with a ``reason`` code and a Chinese message: :class:`Offline`
  (no connection, timeout, dropped upload: try later; nothing was half-applied) or
  :class:`ServerRefused` (``status`` and the server's reason: ``revoked``, ``unknown-device``,
  ``too-large``…).
- Automatic sync: :class:`fieldapp.sync.schedule.SyncScheduler` (re-exported here) decides when to
  probe and when to sync; the GUI drives it with a single-shot QTimer (see that module).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from fieldapp.store.db import Database
from fieldapp.sync import district, service, state
from fieldapp.sync.package import PackageRefused
from fieldapp.sync.ports import Identity
from fieldapp.sync.schedule import SchedulePolicy, SyncScheduler, SyncState, SyncStatus

log = logging.getLogger("fieldapp.sync.http")

__all__ = [
    "Enrolment",
    "NotEnrolled",
    "Offline",
    "SchedulePolicy",
    "ServerRefused",
    "SyncClient",
    "SyncError",
    "SyncOutcome",
    "SyncScheduler",
    "SyncState",
    "SyncStatus",
    "check_server_keys",
    "request_enrolment",
    "server_health",
    "sign_request",
]

API = "/api/v1"
HEALTH_PATH = f"{API}/health"
ENROL_PATH = f"{API}/enrol"
SYNC_PATH = f"{API}/sync"
HEADER_DEVICE = "X-FieldApp-Device"
HEADER_TIME = "X-FieldApp-Timestamp"
HEADER_NONCE = "X-FieldApp-Nonce"
HEADER_SIGNATURE = "X-FieldApp-Signature"
HEADER_RESULT = "X-FieldApp-Import"  # the server's import result (JSON, ASCII) on a sync reply
SERVER_NAME = "区县服务器"
Progress = Callable[[int, int, str], None]
_CHUNK = 64 * 1024


# -- request signatures (shared with the server) ---------------------------------------------

def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def request_message(method: str, endpoint: str, device_id: str, *, timestamp: str, nonce: str, digest: str) -> bytes:
    """What a request signature covers. ``endpoint`` is the API path (``/api/v1/sync``), not a proxy's prefix."""
    return "\n".join(("FIELDAPP-REQ-1", method.upper(), endpoint, device_id, timestamp, nonce, digest)).encode()


def sign_request(identity: Identity, method: str, endpoint: str, body: bytes, *,
                 now: float | None = None, nonce: str | None = None) -> dict[str, str]:
    """The authentication headers of one request (a fresh nonce each call)."""
    stamp = str(int(time.time() if now is None else now))
    nonce = nonce or secrets.token_hex(16)
    message = request_message(method, endpoint, identity.device_id, timestamp=stamp, nonce=nonce,
                              digest=body_digest(body))
    return {HEADER_DEVICE: identity.device_id, HEADER_TIME: stamp, HEADER_NONCE: nonce,
            HEADER_SIGNATURE: base64.b64encode(identity.signing_key.sign(message)).decode("ascii")}


def fingerprint(signing_key_b64: str) -> str:
    """A short, readable fingerprint of a public signing key (compare it by eye on both sides)."""
    digest = hashlib.sha256(base64.b64decode(signing_key_b64)).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def tls_verify(verify: bool | str) -> bool | ssl.SSLContext:
    """httpx's ``verify``: True (system CAs), False, or a CA file for a self-signed server certificate."""
    if isinstance(verify, str):
        try:
            return ssl.create_default_context(cafile=verify)
        except (OSError, ssl.SSLError) as exc:
            raise SyncError("bad-ca", f"无法读取服务器 CA 证书文件 {verify}：{exc}") from exc
    return verify


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"服务器地址应以 http:// 或 https:// 开头：{url}")
    return url


# -- errors ---------------------------------------------------------------------------------

class SyncError(Exception):
    def __init__(self, reason: str, message: str, *, status: int | None = None,
                 data: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.status = status
        self.data = data or {}


class Offline(SyncError):
    """The server cannot be reached (or the connection dropped): nothing was applied; try later."""


class ServerRefused(SyncError):
    """The server answered with a refusal (``status`` 4xx/5xx, ``reason`` its code)."""


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__("not-enrolled", "本机还没有加入区县服务器：请先运行 fieldapp enrol 服务器地址 加入码")


def _offline(url: str, exc: BaseException) -> Offline:
    return Offline("offline", f"无法连接区县服务器 {url}（{type(exc).__name__}）：请在有网络时重试")


def _refusal(resp: httpx.Response) -> SyncError:
    try:
        data = resp.json()
        reason, message = str(data["reason"]), str(data["message"])
    except (ValueError, KeyError, TypeError):
        data = {}
        reason, message = f"http-{resp.status_code}", f"服务器返回 HTTP {resp.status_code}"
    if resp.status_code in (502, 503, 504):  # a proxy without its server, or a busy database: try later
        return Offline("unavailable", f"区县服务器暂时不可用（HTTP {resp.status_code}）：请稍后重试",
                       status=resp.status_code, data=data)
    return ServerRefused(reason, f"服务器拒绝：{message}", status=resp.status_code, data=data)


# -- enrolment -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Enrolment:
    server: dict[str, Any]  # the server's public identity (device_id, name, signing, agreement)
    scope: list[str]  # the villages this laptop may write
    villages: list[dict[str, Any]]  # [{id, name}] of the scope, as far as the server knows them
    cadre: str
    role: str = "member"  # the role the code names for the cadre (the laptop's first account)

    @property
    def fingerprint(self) -> str:
        return fingerprint(str(self.server["signing"]))


def request_enrolment(identity: Identity, url: str, code: str, *, name: str = "",
                      http: httpx.Client | None = None, verify: bool | str = True,
                      clock: Callable[[], float] | None = None) -> Enrolment:
    """Send this device's public identity with the one-time code; returns what the server granted.

    A laptop whose clock is wrong corrects itself from the server's answer and tries once more,
    as :meth:`SyncClient.exchange` does (the refused request spent no nonce and no code).
    """
    url = normalise_url(url)
    body = json.dumps({"code": code, "device": district.public_identity(identity, name)}).encode()
    client = http or httpx.Client(timeout=30.0, verify=tls_verify(verify))
    clock = clock or time.time
    offset = 0.0  # server time minus ours: a laptop's clock may be wrong, as for sync
    try:
        for attempt in (1, 2):
            headers = sign_request(identity, "POST", ENROL_PATH, body, now=clock() + offset)
            resp = client.post(url + ENROL_PATH, content=body, headers=headers | {"Content-Type": "application/json"})
            if resp.status_code == 200:
                break
            refusal = _refusal(resp)
            server_time = refusal.data.get("server_time")
            if attempt == 1 and refusal.reason == "stale-timestamp" and isinstance(server_time, int | float):
                offset = float(server_time) - clock()
                log.warning("laptop clock is off by %.0f s; corrected for enrolment", offset)
                continue
            raise refusal
    except httpx.HTTPError as exc:
        raise _offline(url, exc) from exc
    finally:
        if http is None:
            client.close()
    try:
        data = resp.json()
        server = district.load_public(json.dumps(data["server"]))
        return Enrolment(server, [str(v) for v in data["scope"]], list(data.get("villages") or []),
                         str(data.get("cadre") or ""), str(data.get("role") or "member"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ServerRefused("bad-answer", f"服务器的回答无法读取：{exc}", status=resp.status_code) from exc


def check_server_keys(db: Database, pinned: str | None, server_id: str, signing: str,
                      agreement: str | None = None, *, replace: bool = False) -> None:
    """Refuse another server than ``pinned`` (the one enrolled with), or the same id with other keys than
    registered (unless ``replace``)."""
    if replace:
        return
    if pinned and pinned != server_id:
        raise SyncError("other-server", f"本机已加入另一台区县服务器（{pinned[:8]}）；如确需更换，请加 --replace")
    with db.read() as conn:
        known = state.peer(conn, server_id)
    if known is not None and (known.signing_key != signing or (agreement and known.agreement_key != agreement)):
        raise SyncError("key-mismatch", "服务器的密钥与本机登记的不同：可能有人冒充服务器，已拒绝")


def server_health(url: str, *, http: httpx.Client | None = None, verify: bool | str = True,
                  timeout: float = 10.0) -> dict[str, Any]:
    """``GET /api/v1/health`` (server id, public signing key, time); raises :class:`Offline`."""
    url = normalise_url(url)
    try:
        resp = (http.get(url + HEALTH_PATH, timeout=timeout) if http
                else httpx.get(url + HEALTH_PATH, timeout=timeout, verify=tls_verify(verify)))
        data = resp.json() if resp.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        raise _offline(url, exc) from exc
    if not isinstance(data, dict) or "server_id" not in data or "signing" not in data:
        raise ServerRefused("not-a-server", f"{url} 不是 FieldApp 区县服务器", status=resp.status_code)
    return data


# -- sync --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Prepared:
    data: bytes
    changes: int


@dataclass(frozen=True)
class Reply:
    data: bytes
    server: dict[str, Any]  # the server's import result for our upload


@dataclass
class SyncOutcome:
    sent: int
    server: dict[str, Any]
    received: service.ImportResult | None
    seconds: float = 0.0
    refusals: list[dict[str, Any]] = field(default_factory=list)

    @property
    def refused(self) -> int:
        return int(self.server.get("refused", 0))

    def summary(self) -> str:
        got = self.received.stats.applied if self.received else 0
        text = f"同步完成：上传 {self.sent} 条修改，收到 {got} 条"
        if self.server.get("replay"):
            text += "（服务器此前已收到这次上传）"
        if self.refused:
            text += f"；服务器拒绝 {self.refused} 条本机无权写入的修改（超出负责的村，或由区县统一维护；未应用）"
        if self.received and (self.received.stats.conflicts or self.received.stats.quarantined):
            text += f"；冲突 {self.received.stats.conflicts} 条，隔离 {self.received.stats.quarantined} 条"
        return text


def _chunks(data: bytes, progress: Progress | None, text: str) -> Iterator[bytes]:
    for start in range(0, len(data), _CHUNK):
        yield data[start:start + _CHUNK]
        if progress:
            progress(min(start + _CHUNK, len(data)), len(data), text)


class SyncClient:
    """One laptop talking to its district server (see the module docstring for the API)."""

    def __init__(self, rep: service.Replica, url: str, server_id: str, *, timeout: float = 300.0,
                 probe_timeout: float = 5.0, http: httpx.Client | None = None, verify: bool | str = True,
                 clock: Callable[[], float] = time.time) -> None:
        self.rep = rep
        self.url = normalise_url(url)
        self.server_id = server_id
        self.probe_timeout = probe_timeout
        self.clock = clock
        self.offset = 0.0  # server time minus ours, learnt from the server (a laptop's clock may be wrong)
        self._own = http is None
        self._http = http or httpx.Client(timeout=httpx.Timeout(timeout, connect=15.0), verify=tls_verify(verify))

    def close(self) -> None:
        if self._own:
            self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _learn_time(self, data: Any) -> None:
        if isinstance(data, dict) and isinstance(data.get("server_time"), int | float):
            self.offset = float(data["server_time"]) - self.clock()

    def probe(self) -> bool:
        """Is the server reachable? One small GET with a short timeout; never raises."""
        try:
            resp = self._http.get(self.url + HEALTH_PATH, timeout=self.probe_timeout)
            if resp.status_code != 200:
                return False
            self._learn_time(resp.json())
        except (httpx.HTTPError, ValueError):
            return False
        return True

    def prepare(self) -> Prepared:
        """(database) The package of what the server lacks, as far as we know — maybe empty."""
        built = service.build_package(self.rep, self.server_id)
        return Prepared(built.data, int(built.header["counts"]["changes"]))

    def exchange(self, prepared: Prepared, progress: Progress | None = None) -> Reply:
        """(network) Upload the package, download the reply. A wrong laptop clock is corrected once."""
        for attempt in (1, 2):
            try:
                return self._post(prepared.data, progress)
            except ServerRefused as exc:
                if attempt == 1 and exc.reason == "stale-timestamp" and "server_time" in exc.data:
                    self._learn_time(exc.data)
                    log.warning("laptop clock is off by %.0f s; corrected for sync", self.offset)
                    continue
                raise
        raise AssertionError("unreachable")

    def _post(self, data: bytes, progress: Progress | None) -> Reply:
        headers = sign_request(self.rep.identity, "POST", SYNC_PATH, data, now=self.clock() + self.offset)
        headers |= {"Content-Type": "application/octet-stream", "Content-Length": str(len(data))}
        try:
            with self._http.stream("POST", self.url + SYNC_PATH, headers=headers,
                                   content=_chunks(data, progress, "正在上传")) as resp:
                if resp.status_code != 200:
                    resp.read()
                    raise _refusal(resp)
                total = int(resp.headers.get("Content-Length") or 0)
                parts: list[bytes] = []
                got = 0
                for chunk in resp.iter_bytes(_CHUNK):
                    parts.append(chunk)
                    got += len(chunk)
                    if progress:
                        progress(got, max(total, got), "正在下载")
                result = json.loads(resp.headers.get(HEADER_RESULT) or "{}")
        except httpx.HTTPError as exc:
            raise _offline(self.url, exc) from exc
        except ValueError as exc:
            raise ServerRefused("bad-answer", f"服务器的回答无法读取：{exc}") from exc
        return Reply(b"".join(parts), result if isinstance(result, dict) else {})

    def apply(self, reply: Reply, prepared: Prepared | None = None) -> SyncOutcome:
        """(database) Apply the server's reply package; nothing is applied if it is refused."""
        try:
            received = service.import_package(self.rep, reply.data)
        except PackageRefused as exc:
            raise SyncError(exc.reason, f"服务器的回复同步包被拒绝（{exc.reason}）：{exc}") from exc
        with self.rep.db.transaction() as conn:
            state.note_sent(conn, self.server_id)
        sent = prepared.changes if prepared else int(reply.server.get("received", 0))
        return SyncOutcome(sent, reply.server, received, refusals=list(reply.server.get("refusals") or []))

    def sync_now(self, progress: Progress | None = None) -> SyncOutcome:
        """Prepare, exchange and apply in one call (the CLI's ``fieldapp sync now``)."""
        start = time.perf_counter()
        if progress:
            progress(0, 1, "正在打包")
        prepared = self.prepare()
        reply = self.exchange(prepared, progress)
        if progress:
            progress(0, 1, "正在导入")
        outcome = self.apply(reply, prepared)
        outcome.seconds = time.perf_counter() - start
        if progress:
            progress(1, 1, "同步完成")
        log.info("synced with %s: %s", self.url, outcome.summary())
        return outcome
