"""Request authentication: the device's Ed25519 signature, a timestamp window and a nonce.

A request carries ``X-FieldApp-Device``, ``-Timestamp`` (unix seconds), ``-Nonce`` (hex) and
``-Signature`` (base64) over :func:`fieldapp.sync.http_client.request_message` — method, API
endpoint, device, timestamp, nonce and the SHA-256 of the body. Checks, in order:

1. the headers are there and well formed (401 ``missing-auth`` / ``malformed-auth``);
2. the device is enrolled (401 ``unknown-device``) — at enrolment its key comes with the request;
3. the timestamp is within the window (401 ``stale-timestamp``; the answer carries the server's
   time so a laptop with a wrong clock can correct itself);
4. the signature verifies with the pinned key (401 ``bad-signature``: a tampered body fails here);
5. the device is not revoked (403 ``revoked``; checked after the signature so only the device
   itself learns it);
6. the nonce is new (401 ``replay``); it is then stored (purged after twice the window).

Refusals of an enrolled device are written to the audit log.
"""

from __future__ import annotations

import base64
import binascii
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.server import registry
from fieldapp.server.registry import Device, Refused
from fieldapp.server.storage import Server
from fieldapp.sync.http_client import (
    HEADER_DEVICE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    body_digest,
    request_message,
)

_DEVICE_ID = re.compile(r"^[0-9A-Za-z-]{8,36}$")
_NONCE = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass(frozen=True)
class Signed:
    device_id: str
    timestamp: int
    nonce: str
    signature: bytes


def parse(headers: Mapping[str, str]) -> Signed:
    lower = {k.lower(): v for k, v in headers.items()}
    values = [lower.get(h.lower()) for h in (HEADER_DEVICE, HEADER_TIME, HEADER_NONCE, HEADER_SIGNATURE)]
    if any(v is None or v == "" for v in values):
        raise Refused(401, "missing-auth", "请求没有设备签名（需要 X-FieldApp-Device/Timestamp/Nonce/Signature）")
    device_id, stamp, nonce, signature = (str(v) for v in values)
    if not _DEVICE_ID.match(device_id) or not stamp.isdigit() or len(stamp) > 12 or not _NONCE.match(nonce):
        raise Refused(401, "malformed-auth", "请求的签名信息格式错误")
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != 64:
        raise Refused(401, "malformed-auth", "请求签名格式错误")
    return Signed(device_id, int(stamp), nonce, raw)


def public_key(signing_b64: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(signing_b64.encode("ascii"), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise Refused(422, "bad-key", "设备公钥格式错误（应为 base64 编码的 32 字节 Ed25519 公钥）") from exc


def _verify(signed: Signed, signing_b64: str, method: str, endpoint: str, body: bytes) -> None:
    message = request_message(method, endpoint, signed.device_id, timestamp=str(signed.timestamp),
                              nonce=signed.nonce, digest=body_digest(body))
    try:
        public_key(signing_b64).verify(signed.signature, message)
    except InvalidSignature:
        raise Refused(401, "bad-signature", "请求签名无效：内容在传输中被改动，或不是该设备发出的") from None


def authenticate(server: Server, method: str, endpoint: str, headers: Mapping[str, str], body: bytes, *,
                 signing_key: str | None = None, remote: str | None = None, now: float | None = None) -> Device | None:
    """Check a request (see the module docstring); returns the enrolled device (None at enrolment)."""
    signed = parse(headers)
    device: Device | None = None
    if signing_key is None:
        with server.db.read() as conn:
            device = registry.device(conn, signed.device_id)
        if device is None:
            raise Refused(401, "unknown-device", f"设备 {signed.device_id} 未在本区县服务器登记：请先用加入码加入")
        signing_key = device.signing_key
    clock = int(time.time() if now is None else now)
    try:
        if abs(clock - signed.timestamp) > server.config.window_s:
            raise Refused(401, "stale-timestamp",
                          f"请求时间与服务器相差超过 {server.config.window_s} 秒（本机时钟不准或请求被重放）",
                          server_time=clock)
        _verify(signed, signing_key, method, endpoint, body)
        if device is not None and device.revoked_at is not None:
            raise Refused(403, "revoked", f"设备 {device.device_id} 已于 {device.revoked_at} 被吊销：请联系区县管理员")
        with server.write_lock, server.db.transaction() as conn:
            registry.use_nonce(conn, signed.device_id, signed.nonce, signed.timestamp, now=clock,
                               window_s=server.config.window_s)
    except Refused as exc:
        if device is not None:
            with server.write_lock, server.db.transaction() as conn:
                registry.audit(conn, endpoint.rsplit("/", 1)[-1], "refused", device_id=device.device_id,
                               reason=exc.reason, transport="http", remote=remote, detail={"message": str(exc)})
        raise
    return device
