"""Per-person signing keys: each account signs with its own Ed25519 key, so a signature names a person.

The private key lives only in the laptop's keystore, wrapped by the account's password
(:mod:`fieldapp.services.people.keystore`), and is unwrapped at login into the session. The public
key is a synced ``signing_key`` row (id = natural_id('signing_key', public key)) that travels to the
district and to every laptop by sync, so any of them can check a signature.

- :func:`new_secret` makes a key pair, :func:`register` records its public half in a transaction;
- :func:`retire` marks a key replaced (an administrator's password reset): signatures made before
  still verify, later ones made with it do not;
- :func:`sign_bytes` signs as the signed-in person, :func:`verify` checks a signature against a key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, select

from fieldapp.domain.ids import natural_id
from fieldapp.services.people.keystore import SigningSecret
from fieldapp.store.db import Database
from fieldapp.store.models import SigningKey
from fieldapp.store.writer import WriteTxn

if TYPE_CHECKING:
    from fieldapp.services.people.session import Session

_K = SigningKey.__table__
_RAW = serialization.Encoding.Raw


class NoSigningKey(RuntimeError):
    """The signed-in account has no signing key on this laptop (or nobody is signed in)."""


@dataclass(frozen=True)
class KeyInfo:
    """A registered public key: whose, since when, retired when (None: in use)."""

    id: str
    person_id: str
    public_key: str
    created_at: int
    retired_at: int | None
    row_device: str


def now_ms() -> int:
    return int(time.time() * 1000)


def key_id_of(public_hex: str) -> str:
    return natural_id("signing_key", public_hex)


def new_secret() -> tuple[SigningSecret, str]:
    """A fresh key pair: the secret (id and private bytes, for the keystore) and the public key (hex)."""
    private = Ed25519PrivateKey.generate()
    public_hex = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw).hex()
    raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return SigningSecret(key_id_of(public_hex), raw), public_hex


def public_of(secret: SigningSecret) -> str:
    return Ed25519PrivateKey.from_private_bytes(secret.private).public_key().public_bytes(
        _RAW, serialization.PublicFormat.Raw).hex()


def register(txn: WriteTxn, person_id: str, public_hex: str, at_ms: int | None = None) -> str:
    """Record ``person_id``'s public key (in the caller's transaction); returns the key id."""
    key_id = key_id_of(public_hex)
    txn.insert(SigningKey, {"id": key_id, "person_id": person_id, "public_key": public_hex,
                            "created_at": at_ms or now_ms(), "retired_at": None})
    return key_id


def retire(txn: WriteTxn, key_id: str, at_ms: int | None = None) -> None:
    """Mark a key replaced; nothing happens to a key this register does not hold or that is retired already."""
    row = txn.conn.execute(select(_K.c.retired_at).where(_K.c.id == key_id, _K.c.deleted.is_(False))).first()
    if row is not None and row.retired_at is None:
        txn.update(SigningKey, key_id, {"retired_at": at_ms or now_ms()})


def key(conn: Connection, key_id: str) -> KeyInfo | None:
    row = conn.execute(select(_K).where(_K.c.id == key_id, _K.c.deleted.is_(False))).first()
    if row is None:
        return None
    return KeyInfo(row.id, row.person_id, row.public_key, int(row.created_at),
                   int(row.retired_at) if row.retired_at is not None else None, row.row_device)


def keys_of(db: Database, person_id: str) -> list[KeyInfo]:
    """A person's keys, oldest first."""
    with db.read() as conn:
        ids = conn.execute(select(_K.c.id).where(_K.c.person_id == person_id, _K.c.deleted.is_(False))
                           .order_by(_K.c.created_at)).scalars().all()
        return [k for k in (key(conn, i) for i in ids) if k is not None]


def sign_bytes(session: Session | None, data: bytes) -> tuple[str, str]:
    """Sign ``data`` as the signed-in person: (key id, signature hex). Raises :class:`NoSigningKey`."""
    if session is None:
        raise NoSigningKey("签字需要先以本人账户登录")
    secret = getattr(session, "signing", None)
    if secret is None:
        raise NoSigningKey(f"账户“{session.name}”在本机还没有签名密钥：请重新登录一次")
    return secret.key_id, Ed25519PrivateKey.from_private_bytes(secret.private).sign(data).hex()


def verify_with(public_hex: str, data: bytes, signature: str) -> bool:
    """``signature`` (hex) is ``data`` signed by the key ``public_hex``."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(bytes.fromhex(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def verify(db: Database, key_id: str, data: bytes, signature: str) -> bool:
    """``signature`` over ``data`` was made with the registered key ``key_id`` (retired or not: a retired
    key's old signatures stay valid; whether it was retired when it signed is the caller's to check)."""
    with db.read() as conn:
        found = key(conn, key_id)
    return found is not None and verify_with(found.public_key, data, signature)
