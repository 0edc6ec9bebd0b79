"""The sync package file: one format for USB sticks and the network.

Layout (all integers big-endian)::

    b"FAPK" | u32 header length | header (JSON, clear) | nonce (12) | ciphertext | signature (64)

- The header names the format and schema version (and ``schema_needs``: the oldest schema that
  can apply the package), sender, recipient, package id, creation
  time, the vector range (``base`` → ``top``), the sender's scope and the counts. It is
  readable without keys so a wrong recipient or an unknown sender is refused before any work.
- The body is an lzma-compressed stream of JSON lines (see :mod:`fieldapp.sync.body`),
  encrypted with ChaCha20-Poly1305 under a key from X25519(ephemeral, recipient) → HKDF-SHA256;
  the header is the AEAD's associated data.
- The sender's Ed25519 key signs everything before the signature.

:func:`open_package` checks in order: magic and layout, format major version, recipient,
sender, signature, decryption. Each failure is a :class:`PackageRefused` with a ``reason``
code and a message; nothing is written to the database before all of them pass.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import logging
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.domain.ids import new_id, short_id
from fieldapp.sync.ports import Identity

log = logging.getLogger("fieldapp.sync.package")

MAGIC = b"FAPK"
FORMAT_MAJOR = 1
FORMAT_MINOR = 0
SUFFIX = ".fapk"
_SIG = 64
_NONCE = 12
_MAX_HEADER = 1 << 20


class PackageRefused(Exception):
    """A structural fault: the whole package is refused and nothing is applied."""

    def __init__(self, reason: str, message: str, detail: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        # format | version | recipient | sender | signature | decryption | replay | gap | chain
        self.reason = reason
        self.detail = dict(detail or {})  # chain: origin, origin_seq, kind, what


@dataclass(frozen=True)
class PeerKeys:
    device_id: str
    signing_key: str  # base64 raw Ed25519 public key
    agreement_key: str  # base64 raw X25519 public key


@dataclass(frozen=True)
class OpenedPackage:
    header: dict[str, Any]
    body: bytes  # decrypted, still compressed (decompressed as a stream while applying)


def _b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _aead_key(shared: bytes, sender: str, recipient: str) -> bytes:
    info = f"fieldapp-sync-1|{sender}|{recipient}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(identity: Identity, recipient: PeerKeys, header: Mapping[str, Any], body: bytes) -> bytes:
    """Encrypt ``body`` to the recipient and sign the whole package with the sender's key."""
    ephemeral = X25519PrivateKey.generate()
    full = {**header, "sender": identity.device_id, "recipient": recipient.device_id,
            "epk": base64.b64encode(_raw_public(ephemeral.public_key())).decode("ascii")}
    head = json.dumps(full, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(_b64d(recipient.agreement_key)))
    nonce = os.urandom(_NONCE)
    cipher = ChaCha20Poly1305(_aead_key(shared, identity.device_id, recipient.device_id)).encrypt(nonce, body, head)
    signed = MAGIC + struct.pack(">I", len(head)) + head + nonce + cipher
    return signed + identity.signing_key.sign(signed)


def read_header(data: bytes) -> dict[str, Any]:
    """The clear header, after the layout and format-version checks (no keys needed)."""
    if len(data) < len(MAGIC) + 4 + _NONCE + 16 + _SIG or not data.startswith(MAGIC):
        raise PackageRefused("format", "不是 FieldApp 同步包，或文件不完整（可能被截断）")
    (length,) = struct.unpack(">I", data[4:8])
    if length > _MAX_HEADER or 8 + length + _NONCE + 16 + _SIG > len(data):
        raise PackageRefused("format", "同步包格式错误或文件被截断")
    try:
        header = json.loads(data[8:8 + length].decode("utf-8"))
        major, _minor = (int(x) for x in str(header["format"]).split(".", 1))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise PackageRefused("format", f"同步包头无法读取：{exc}") from exc
    if not isinstance(header, dict):
        raise PackageRefused("format", "同步包头格式错误")
    if major != FORMAT_MAJOR:
        raise PackageRefused(
            "version", f"同步包格式版本 {header['format']} 与本程序支持的版本 {FORMAT_MAJOR}.{FORMAT_MINOR} 不兼容"
                       f"（package format {header['format']}, this FieldApp reads {FORMAT_MAJOR}.x）",
        )
    for key in ("id", "sender", "recipient", "epk", "base", "top"):
        if key not in header:
            raise PackageRefused("format", f"同步包头缺少 {key}")
    return header


def open_package(data: bytes, identity: Identity, sender_keys: PeerKeys | None) -> OpenedPackage:
    """Check and decrypt a package addressed to ``identity`` (see module docstring for the order)."""
    header = read_header(data)
    if header["recipient"] != identity.device_id:
        raise PackageRefused("recipient", f"同步包的接收方是 {header['recipient']}，不是本机 {identity.device_id}")
    if sender_keys is None or sender_keys.device_id != header["sender"]:
        raise PackageRefused("sender", f"发送方 {header['sender']} 不是已登记的同步对象")
    signed, signature = data[:-_SIG], data[-_SIG:]
    try:
        Ed25519PublicKey.from_public_bytes(_b64d(sender_keys.signing_key)).verify(signature, signed)
    except (InvalidSignature, ValueError) as exc:
        raise PackageRefused("signature", "同步包签名无效：文件被篡改或损坏") from exc
    (length,) = struct.unpack(">I", data[4:8])
    head = data[8:8 + length]
    nonce = data[8 + length:8 + length + _NONCE]
    cipher = data[8 + length + _NONCE:-_SIG]
    try:
        shared = identity.agreement_key.exchange(X25519PublicKey.from_public_bytes(_b64d(header["epk"])))
        body = ChaCha20Poly1305(_aead_key(shared, header["sender"], identity.device_id)).decrypt(nonce, cipher, head)
    except (InvalidTag, ValueError) as exc:
        raise PackageRefused("decryption", "同步包无法解密") from exc
    return OpenedPackage(header, body)


def new_header(*, schema: int, schema_needs: int | None = None, base: Mapping[str, int], top: Mapping[str, int],
               held: Mapping[str, int], scope: list[str] | None, counts: Mapping[str, int],
               fmt: str | None = None) -> dict[str, Any]:
    return {
        "format": fmt or f"{FORMAT_MAJOR}.{FORMAT_MINOR}", "schema": schema,
        "schema_needs": schema_needs or schema,
        "id": new_id(),
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "base": dict(base), "top": dict(top), "held": dict(held), "scope": scope, "counts": dict(counts),
        "compression": "lzma",
    }


def file_name(header: Mapping[str, Any]) -> str:
    """FAT32/exFAT-safe: ASCII letters, digits and dashes only (no ':')."""
    stamp = str(header["created"]).replace("-", "").replace(":", "")
    sender, recipient = short_id(header["sender"]), short_id(header["recipient"])
    return f"fieldapp-{sender}-to-{recipient}-{stamp}-{header['id'][-8:]}{SUFFIX}"


def temp_name(name: str) -> str:
    """Where ``name`` is written before its rename: hidden, ``.tmp``, never ending in ``.fapk`` (FAT32-safe)."""
    return f".{name.removesuffix(SUFFIX)}.tmp"


def _pair_prefix(name: str) -> str:
    """``fieldapp-SENDER-to-RECIPIENT-`` (or ``-receipt-``): what one exchange's files share."""
    return name.rsplit("-", 2)[0] + "-"


def remove_leftovers(folder: Path, name: str) -> list[Path]:
    """Temporaries an interrupted write (a killed export, a pulled stick) left for the same sender and recipient.

    Also the ``*.fapk.part`` files earlier versions wrote. Only this pair's: another device's export
    into the same folder may be under way.
    """
    prefix = _pair_prefix(name)
    removed = []
    for path in [*folder.glob(f".{prefix}*.tmp"), *folder.glob(f"{prefix}*{SUFFIX}.part")]:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def write_atomic(folder: Path, name: str, data: bytes) -> Path:
    """Temp file, fsync, rename, fsync the folder: a pulled stick never leaves a half package.

    Leftover temporaries of this sender and recipient (an export killed while writing) are removed first.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    for path in remove_leftovers(folder, name):
        log.info("removed an interrupted write's leftover %s", path)
    tmp = folder / temp_name(name)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:  # a full or pulled stick: leave no half file behind
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some platforms/filesystems cannot open a folder; the rename is done
        return target
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
    return target
