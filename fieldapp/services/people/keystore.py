"""The laptop's keystore: ``<data>/keys/keystore.json`` (mode 600), one slot per account.

A slot holds the login name, the person id, the scrypt parameters and salt, and the laptop's
**vault key** (32 random bytes, one per laptop) wrapped with AES-GCM under the key scrypt derives
from the account's password. No password and no hash of one is stored: a password is right when
the unwrap succeeds. Changing or resetting a password re-wraps the same vault key, so what the
vault key protects (the register, photos, device keys) is never re-encrypted.

A slot also holds the person's **Ed25519 signing key** (``signing``: its key id and the private key,
wrapped under the same password-derived key). A password change re-wraps it; an administrator's
reset cannot unwrap it and gives the account a new key instead (see ``services.signoff.keys``).

Failed attempts are counted per login name; after :data:`FREE_ATTEMPTS` each further attempt
waits longer (:func:`wait_after`). Events that happen while the register is closed (failed
logins, throttling) go to ``keys/pending_audit.json`` without names (only a person id, when the
name is an account) and are written to the audit log at the next successful login.
"""

from __future__ import annotations

import base64
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.services.people.names import keystore_path
from fieldapp.store import filemodes

# cryptography and secrets are imported where a key is derived, wrapped or made: the login window lists the
# names (:func:`names`) before it shows, and must not wait for them

VERSION = 1
#: scrypt cost (2**15 × 8 × 128 B = 32 MiB, ~0.1 s); stored per slot, so a slot keeps the cost it was made with
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
FREE_ATTEMPTS = 5
MAX_WAIT_SECONDS = 300
VAULT_KEY_BYTES = 32


class KeystoreError(RuntimeError):
    """The keystore file is unreadable or malformed (the message names the file)."""


def keys_dir(home: Path) -> Path:
    return keystore_path(home).parent


def pending_path(home: Path) -> Path:
    return keys_dir(home) / "pending_audit.json"


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` failed attempts in a row: none up to 5, then 2, 4, 8 … up to 5 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1)))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


@dataclass(frozen=True)
class SigningSecret:
    """A person's Ed25519 signing key as unwrapped: its id (the ``signing_key`` row) and 32 private bytes."""

    key_id: str
    private: bytes = field(repr=False)


@dataclass(frozen=True)
class Unlocked:
    """What a right password unwraps from a slot: the vault key and, when the slot has one, the signing key."""

    vault_key: bytes = field(repr=False)
    signing: SigningSecret | None = None


@dataclass(frozen=True)
class Slot:
    """One account's login slot: the vault key and (``sign_*``) the person's signing key, both wrapped under
    the key scrypt derives from the password (one derivation unwraps both)."""

    name: str
    person_id: str
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    wrapped: bytes
    sign_key_id: str | None = None
    sign_nonce: bytes | None = None
    sign_wrapped: bytes | None = None

    @classmethod
    def make(cls, name: str, person_id: str, password: str, vault_key: bytes,
             signing: SigningSecret | None = None) -> Slot:
        import secrets

        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        wrapped = AESGCM(kek).encrypt(nonce, vault_key, _aad(name, person_id))
        sign: tuple[str | None, bytes | None, bytes | None] = (None, None, None)
        if signing is not None:
            sign_nonce = secrets.token_bytes(12)
            sign = (signing.key_id, sign_nonce, AESGCM(kek).encrypt(
                sign_nonce, signing.private, _sign_aad(name, person_id, signing.key_id)))
        return cls(name, person_id, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, nonce, wrapped, *sign)

    def unwrap(self, password: str) -> bytes | None:
        unlocked = self.unlock(password)
        return unlocked.vault_key if unlocked is not None else None

    def unlock(self, password: str) -> Unlocked | None:
        """The vault key and signing key if ``password`` is right, else None."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = _derive(password, self.salt, self.n, self.r, self.p)
        try:
            vault_key = AESGCM(kek).decrypt(self.nonce, self.wrapped, _aad(self.name, self.person_id))
        except InvalidTag:
            return None
        signing = None
        if self.sign_key_id and self.sign_nonce and self.sign_wrapped:
            try:
                signing = SigningSecret(self.sign_key_id, AESGCM(kek).decrypt(
                    self.sign_nonce, self.sign_wrapped, _sign_aad(self.name, self.person_id, self.sign_key_id)))
            except InvalidTag as exc:  # the vault key unwrapped with this password: the slot was tampered with
                raise KeystoreError(f"账户“{self.name}”的签名密钥已损坏，请让管理员重设密码") from exc
        return Unlocked(vault_key, signing)

    def to_json(self) -> dict[str, Any]:
        body = {"name": self.name, "person_id": self.person_id,
                "kdf": {"alg": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)},
                "wrap": {"alg": "AES-256-GCM", "nonce": _b64(self.nonce), "key": _b64(self.wrapped)}}
        if self.sign_key_id and self.sign_nonce and self.sign_wrapped:
            body["signing"] = {"alg": "Ed25519/AES-256-GCM", "key_id": self.sign_key_id,
                               "nonce": _b64(self.sign_nonce), "key": _b64(self.sign_wrapped)}
        return body

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Slot:
        kdf, wrap, sign = raw["kdf"], raw["wrap"], raw.get("signing")
        signing = (str(sign["key_id"]), _unb64(sign["nonce"]), _unb64(sign["key"])) if sign else (None, None, None)
        return cls(str(raw["name"]), str(raw["person_id"]), _unb64(kdf["salt"]), int(kdf["n"]), int(kdf["r"]),
                   int(kdf["p"]), _unb64(wrap["nonce"]), _unb64(wrap["key"]), *signing)


def _aad(name: str, person_id: str) -> bytes:
    # binds the wrapped key to its slot: a slot's key copied under another name does not unwrap
    return f"fieldapp vault key|{name}|{person_id}".encode()


def _sign_aad(name: str, person_id: str, key_id: str) -> bytes:
    return f"fieldapp signing key|{name}|{person_id}|{key_id}".encode()


class Keystore:
    """The slots and failure counters of one data folder. Load, change, :meth:`save`."""

    def __init__(self, path: Path, slots: list[Slot] | None = None,
                 failures: dict[str, dict[str, float]] | None = None) -> None:
        self.path = path
        self.slots = slots or []
        self.failures = failures or {}

    @classmethod
    def load(cls, home: Path) -> Keystore:
        path = keystore_path(home)
        if not path.exists():
            return cls(path)
        try:
            raw = json.loads(path.read_text("utf-8"))
            slots = [Slot.from_json(s) for s in raw["accounts"]]
            failures = {str(k): {"count": float(v["count"]), "last": float(v["last"])}
                        for k, v in raw.get("failures", {}).items()}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeystoreError(f"账户密钥文件无法读取：{path}（{exc}）") from exc
        return cls(path, slots, failures)

    def save(self) -> None:
        filemodes.private_dir(self.path.parent)
        body = {"version": VERSION, "accounts": [s.to_json() for s in self.slots], "failures": self.failures}
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(body, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        os.chmod(self.path, 0o600)

    def names(self) -> list[str]:
        return [s.name for s in self.slots]

    def slot(self, name: str) -> Slot | None:
        return next((s for s in self.slots if s.name == name), None)

    def put(self, slot: Slot) -> None:
        """Add ``slot``, or replace the slot of the same name where it is (the login list keeps its order)."""
        if self.slot(slot.name) is None:
            self.slots = [*self.slots, slot]
        else:
            self.slots = [slot if s.name == slot.name else s for s in self.slots]

    def remove(self, name: str) -> None:
        self.slots = [s for s in self.slots if s.name != name]

    # -- failed attempts ---------------------------------------------------------------

    def wait_seconds(self, name: str, now: float | None = None) -> int:
        entry = self.failures.get(name)
        if not entry:
            return 0
        now = time.time() if now is None else now
        return max(0, int(entry["last"] + wait_after(int(entry["count"])) - now + 0.999))

    def failed(self, name: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        entry = self.failures.setdefault(name, {"count": 0, "last": now})
        entry["count"] += 1
        entry["last"] = now
        return int(entry["count"])

    def succeeded(self, name: str) -> None:
        self.failures.pop(name, None)


def names(home: Path) -> list[str]:
    """The login names of this data folder (light: for the login window before the rest is loaded)."""
    return Keystore.load(home).names()


def new_vault_key() -> bytes:
    import secrets

    return secrets.token_bytes(VAULT_KEY_BYTES)


# -- events while the register is closed ------------------------------------------------------


def add_pending(home: Path, kind: str, person_id: str | None, at_ms: int | None = None, **detail: Any) -> None:
    """Keep an event for the audit log until the next login opens the register (no names in it)."""
    path = pending_path(home)
    events = read_pending(home)
    events.append({"kind": kind, "person_id": person_id, "at": at_ms or int(time.time() * 1000), **detail})
    filemodes.private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(events[-1000:], f)
    os.replace(tmp, path)


def read_pending(home: Path) -> list[dict[str, Any]]:
    try:
        found = json.loads(pending_path(home).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def clear_pending(home: Path) -> None:
    pending_path(home).unlink(missing_ok=True)
