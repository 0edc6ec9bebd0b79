"""What sync needs from whoever runs it: a device identity and, optionally, the photo files.

Sync sits below the services: it works on a replica (the database handle, this identity, a
scope, a clock) and never sees the app context. Services, the CLI, the GUI and the server
build the replica (:func:`fieldapp.services.syncing.replica_of` on a laptop) and pass these in;
:class:`fieldapp.services.identity.DeviceIdentity` and :class:`fieldapp.services.photos.PhotoFolder`
are the implementations.
"""

from __future__ import annotations

from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


class Identity(Protocol):
    """A device's id and keys: Ed25519 to sign packages and requests, X25519 to agree on package keys."""

    @property
    def device_id(self) -> str: ...

    @property
    def signing_key(self) -> Ed25519PrivateKey: ...

    @property
    def agreement_key(self) -> X25519PrivateKey: ...

    def public_signing(self) -> str: ...

    def public_agreement(self) -> str: ...


class PhotoFiles(Protocol):
    """Content-addressed photo files: they travel in packages with their ``photo`` rows."""

    def read(self, sha256: str) -> bytes | None:
        """The stored JPEG, or None when this device lacks it."""

    def store(self, sha256: str, jpeg: bytes) -> bool:
        """Keep a received file; False when it does not hash to its name (refused)."""
