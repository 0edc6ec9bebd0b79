"""Applying a device's package and answering with the device's reply — for HTTP and the USB desk alike.

The server is an issue-5 replica of the whole district: it applies a package with
:func:`fieldapp.sync.service.import_package` under the device's scope (changes outside the device's
villages, and to district-wide tables, are refused, logged and counted in the result, never applied) and answers with
:func:`fieldapp.sync.service.build_package` for that device. A package the server already applied
(the laptop retries after a connection dropped once the server had committed) is refused by
the package layer as ``replay``; here that counts as applied, and the device still gets a fresh reply.
Merges are serialised by the server's write lock; building replies only reads. A child server (a district
server enrolled with this city) is a device of kind ``server``: its package relays its laptops' changes,
and it may write the district-owned rows of its area (``child_level``, see :mod:`fieldapp.sync.scope`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from fieldapp.server import registry
from fieldapp.server.registry import Device, Refused
from fieldapp.server.storage import Server
from fieldapp.sync import package, service, state
from fieldapp.sync.package import PackageRefused

log = logging.getLogger("fieldapp.server.sync")

# the package layer's refusal reasons → HTTP status
STATUS = {"format": 400, "version": 400, "recipient": 400, "sender": 403, "signature": 400, "decryption": 400,
          "gap": 409, "chain": 409}
_REFUSALS_SHOWN = 8


@dataclass
class Applied:
    device: Device
    header: dict[str, Any]
    result: service.ImportResult | None  # None: the package had been applied before (replay)
    merge_s: float = 0.0  # time spent merging (write lock held)

    @property
    def replay(self) -> bool:
        return self.result is None


def _refuse(server: Server, device: Device | None, exc: Refused, *, action: str, transport: str,
            remote: str | None, package_id: str | None = None, detail: dict[str, Any] | None = None) -> Refused:
    with server.write_lock, server.db.transaction() as conn:
        registry.audit(conn, action, "refused", device_id=device.device_id if device else None, reason=exc.reason,
                       transport=transport, remote=remote, package_id=package_id,
                       detail={"message": str(exc), **(detail or {})})
    log.info("%s refused (%s): %s", action, exc.reason, exc)
    return exc


def apply_package(server: Server, device: Device, data: bytes, *, transport: str,
                  remote: str | None = None) -> Applied:
    """Check the header against the device, then apply in one transaction (or refuse with a reason)."""
    action = "sync" if transport == "http" else "ingest"
    try:
        header = package.read_header(data)
    except PackageRefused as exc:
        raise _refuse(server, device, Refused(400, exc.reason, str(exc)), action=action, transport=transport,
                      remote=remote) from exc
    package_id = str(header.get("id"))[:36]
    if header["sender"] != device.device_id:
        message = f"同步包的发送方 {header['sender']} 不是发出请求的设备 {device.device_id}"
        raise _refuse(server, device, Refused(403, "sender-mismatch", message),
                      action=action, transport=transport, remote=remote, package_id=package_id)
    if header["recipient"] != server.device_id:
        message = f"同步包的接收方是 {header['recipient']}，不是本服务器 {server.device_id}"
        raise _refuse(server, device, Refused(400, "recipient", message),
                      action=action, transport=transport, remote=remote, package_id=package_id)
    child_level = None
    if device.is_server:  # a child server relays its laptops' changes and writes its area's district rows
        with server.db.read() as conn:
            child_level = registry.level_of(conn, device)
    try:
        with server.write_lock:
            start = time.perf_counter()
            result: service.ImportResult | None = service.import_package(
                server.rep, data, allowed_villages=device.scope, enrolled_cadre=device.cadre,
                enrolled_role=device.role, strict_chain=True, child_level=child_level)
            merge_s = time.perf_counter() - start
    except PackageRefused as exc:
        if exc.reason != "replay":  # a chain break is recorded with where it broke (the admin page lists it)
            raise _refuse(server, device, Refused(STATUS.get(exc.reason, 400), exc.reason, str(exc), **exc.detail),
                          action=action, transport=transport, remote=remote, package_id=package_id,
                          detail=exc.detail) from exc
        log.info("package %s from %s had been applied before: answering again", package_id, device.device_id)
        result, merge_s = None, 0.0
    except (KeyError, TypeError, ValueError) as exc:  # a signed package with a malformed header or body
        log.exception("package %s from %s could not be applied", package_id, device.device_id)
        raise _refuse(server, device, Refused(400, "format", f"同步包内容格式错误：{type(exc).__name__}"),
                      action=action, transport=transport, remote=remote, package_id=package_id) from exc
    return Applied(device, header, result, merge_s)


def _count(header: dict[str, Any]) -> int:
    counts = header.get("counts")
    value = counts.get("changes", 0) if isinstance(counts, dict) else 0
    return value if isinstance(value, int) else 0


def summary(applied: list[Applied]) -> dict[str, Any]:
    """What the device is told about its upload (ASCII-safe JSON; a few refusals listed, all counted)."""
    out: dict[str, Any] = {"packages": [str(a.header["id"]) for a in applied], "replay": any(a.replay for a in applied),
                           "received": sum(_count(a.header) for a in applied)}
    for key in ("applied", "skipped", "conflicts", "quarantined", "pending", "refused"):
        out[key] = sum(int(getattr(a.result.stats, key, 0)) for a in applied if a.result)
    refusals: list[dict[str, Any]] = []
    for a in applied:
        for entry in getattr(a.result.stats, "refusals", []) if a.result else []:
            if len(refusals) < _REFUSALS_SHOWN:
                refusals.append({k: (str(v)[:80] if k == "reason" else v) for k, v in dict(entry).items()})
    out["refusals"] = refusals
    return out


def reply_to(server: Server, device: Device, applied: list[Applied], *, transport: str,
             remote: str | None = None) -> service.Built:
    """The device's reply package; records the exchange (last sync, audit)."""
    start = time.perf_counter()
    built = service.build_package(server.rep, device.device_id)
    info = summary(applied) | {"reply": int(built.header["counts"]["changes"]),
                               "merge_ms": round(sum(a.merge_s for a in applied) * 1000, 1),
                               "reply_ms": round((time.perf_counter() - start) * 1000, 1)}
    with server.write_lock, server.db.transaction() as conn:
        state.note_sent(conn, device.device_id)
        registry.touch(conn, device.device_id, transport)
        registry.audit(conn, "sync" if transport == "http" else "ingest", "ok", device_id=device.device_id,
                       transport=transport, remote=remote,
                       package_id=str(applied[0].header["id"])[:36] if applied else None, detail=info)
    return built
