"""Keys derived from the vault key, and the sealed-file format (AES-256-GCM with a header).

The **vault key** is 32 random bytes per laptop (wrapped per account by the keystore). It is
never used directly: each purpose gets its own key through HKDF-SHA256 with a distinct ``info``
string (:data:`REGISTER`, :data:`PHOTOS`, :data:`DEVICE_KEYS`), so a key leaked from one use
(say, a photo key in a crash dump) says nothing about the others.

A sealed file is ``MAGIC`` (8 bytes) + a 12-byte random nonce + the AES-GCM ciphertext and
16-byte tag. The header and a purpose label are the associated data, so a photo cannot be
passed off as a device key and a flipped bit anywhere is refused. A file without the header is
plain (written before encryption was turned on); readers tell the two apart by :func:`is_sealed`.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
MAGIC = b"FAENC\x00\x01\n"  # name, format version 1; the newline makes `file`/`head` show it is not text
NONCE_BYTES = 12
TAG_BYTES = 16
OVERHEAD = len(MAGIC) + NONCE_BYTES + TAG_BYTES

# HKDF info strings: one per purpose, never reused for anything else.
REGISTER = "fieldapp register"
PHOTOS = "fieldapp photos"
DEVICE_KEYS = "fieldapp device keys"


class SealedError(Exception):
    """A sealed file cannot be opened: wrong key, tampered or truncated, or no key given."""


def check_key(key: bytes) -> bytes:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError(f"the vault key must be {KEY_BYTES} bytes")
    return bytes(key)


def derive(vault_key: bytes, purpose: str) -> bytes:
    """The 32-byte key for one purpose (HKDF-SHA256, no salt: the vault key is already uniformly random)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode("utf-8"))
    return hkdf.derive(check_key(vault_key))


def is_sealed(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


def seal(key: bytes, data: bytes, purpose: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(check_key(key)).encrypt(nonce, data, MAGIC + purpose.encode("utf-8"))


def unseal(key: bytes | None, blob: bytes, purpose: str, *, what: str = "文件") -> bytes:
    """The plain bytes of a sealed blob; :class:`SealedError` naming ``what`` when that is impossible."""
    if not is_sealed(blob):
        raise SealedError(f"{what}不是加密文件格式")
    if key is None:
        raise SealedError(f"{what}已加密，需要登录后才能读取")
    if len(blob) < OVERHEAD:
        raise SealedError(f"{what}不完整（已截断）")
    nonce = blob[len(MAGIC): len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(check_key(key)).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES:], MAGIC + purpose.encode("utf-8"))
    except InvalidTag:
        raise SealedError(f"{what}无法解密：密钥不对，或文件被改动、损坏") from None


def open_maybe_sealed(key: bytes | None, blob: bytes, purpose: str, *, what: str = "文件") -> bytes:
    """Sealed blobs are opened; plain ones (from before encryption) are returned as they are."""
    return unseal(key, blob, purpose, what=what) if is_sealed(blob) else blob
