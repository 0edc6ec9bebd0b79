"""The device identity: a device id and two key pairs (Ed25519 to sign, X25519 to receive).

Created once at first start and kept in ``<data folder>/device/``; the private keys
are written with owner-only permissions. Given the vault key, they are also wrapped: kept as
``signing.sealed``/``agreement.sealed`` (AES-GCM, :mod:`fieldapp.store.sealed`, under a key derived
from the vault key with the info "fieldapp device keys") instead of plain ``.pem`` files; plain ones
left by an older FieldApp are wrapped at the first load with a key. Sync (issues 5 and 6) signs packages with
the signing key and decrypts packages addressed to the agreement key.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.domain.ids import new_id
from fieldapp.store import filemodes, sealed

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw


class IdentityError(Exception):
    pass


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    signing_key: Ed25519PrivateKey
    agreement_key: X25519PrivateKey

    def public_signing(self) -> str:
        return _b64(self.signing_key.public_key().public_bytes(_RAW, _RAW_PUBLIC))

    def public_agreement(self) -> str:
        return _b64(self.agreement_key.public_key().public_bytes(_RAW, _RAW_PUBLIC))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


_KEY_NAMES = ("signing", "agreement")


def _write_key(folder: Path, name: str, pem: bytes, key: bytes | None) -> None:
    """The private key ``name``: wrapped (``.sealed``, written to a temporary name then renamed) or plain ``.pem``."""
    if key is None:
        _write_private(folder / f"{name}.pem", pem)
        return
    tmp = folder / f".{name}.sealed.tmp"
    tmp.unlink(missing_ok=True)
    _write_private(tmp, sealed.seal(sealed.derive(key, sealed.DEVICE_KEYS), pem, sealed.DEVICE_KEYS))
    os.replace(tmp, folder / f"{name}.sealed")


def _read_key(folder: Path, name: str, key: bytes | None) -> bytes:
    wrapped = folder / f"{name}.sealed"
    if wrapped.exists():
        derived = None if key is None else sealed.derive(key, sealed.DEVICE_KEYS)
        try:
            return sealed.unseal(derived, wrapped.read_bytes(), sealed.DEVICE_KEYS, what=f"设备密钥 {wrapped.name}")
        except sealed.SealedError as exc:
            raise IdentityError(f"{exc}（{folder}）") from exc
    return (folder / f"{name}.pem").read_bytes()


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def create(folder: Path, device_id: str | None = None, key: bytes | None = None) -> DeviceIdentity:
    """A new identity in ``folder``; ``key`` (the vault key) wraps the private keys."""
    filemodes.private_dir(folder)
    if (folder / "identity.json").exists():
        raise IdentityError(f"设备身份已存在：{folder}")
    identity = DeviceIdentity(device_id or new_id(), Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    _write_key(folder, "signing", _pem(identity.signing_key), key)
    _write_key(folder, "agreement", _pem(identity.agreement_key), key)
    public = {"device_id": identity.device_id, "signing": identity.public_signing(),
              "agreement": identity.public_agreement()}
    (folder / "identity.json").write_text(json.dumps(public, indent=2), encoding="utf-8")
    filemodes.private_file(folder / "identity.json")
    return identity


def load(folder: Path, key: bytes | None = None) -> DeviceIdentity | None:
    """The identity in ``folder`` (None if there is none). With ``key`` (the vault key), plain ``.pem``
    private keys are wrapped now and the plain files removed; without it, wrapped keys cannot be read."""
    meta = folder / "identity.json"
    if not meta.exists():
        return None
    try:
        public = json.loads(meta.read_text(encoding="utf-8"))
        device_id = str(public["device_id"])
        pems = {name: _read_key(folder, name, key) for name in _KEY_NAMES}
        signing = serialization.load_pem_private_key(pems["signing"], password=None)
        agreement = serialization.load_pem_private_key(pems["agreement"], password=None)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IdentityError(f"设备身份文件损坏或不完整（{folder}）：{exc}") from exc
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(agreement, X25519PrivateKey):
        raise IdentityError(f"设备密钥类型不正确：{folder}")
    if key is not None:
        for name in _KEY_NAMES:
            plain = folder / f"{name}.pem"
            if plain.exists():
                if not (folder / f"{name}.sealed").exists():
                    _write_key(folder, name, pems[name], key)
                plain.unlink()
    return DeviceIdentity(device_id, signing, agreement)
