"""The district server's own tables: enrolment codes, devices, audit log, request nonces.

They live in the same metadata and the same Alembic chain as the register (revision 0004), so a
laptop's register carries them empty; only ``fieldapp-server`` writes them. None is synced: they
are written with plain SQL by :mod:`fieldapp.server.registry` (the write-path guard watches only
the synced tables). Times are ISO-8601 UTC text (``2026-12-01T08:00:00Z``), like the sync tables,
so they compare as strings.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.store.models import Base, Id


class ServerEnrolCode(Base):
    """A one-time enrolment code: only its hash is kept, with the cadre and villages it grants."""

    __tablename__ = "server_enrol_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the normalised code
    cadre: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(24), default="member", server_default="member")  # refdata role
    scope: Mapped[str] = mapped_column(Text)  # JSON list of village (area) ids
    created_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))
    used_at: Mapped[str | None] = mapped_column(String(32))
    used_by: Mapped[str | None] = mapped_column(Id)  # the device that redeemed it
    #: ``device`` (a laptop) or ``server`` (a child server: a district enrolling with its city)
    kind: Mapped[str] = mapped_column(String(8), default="device", server_default="device")
    area_id: Mapped[str | None] = mapped_column(Id)  # a child server's area (its villages are the scope)


class ServerDevice(Base):
    """An enrolled laptop (or child server): its pinned public keys, cadre, villages, and what happened to it."""

    __tablename__ = "server_device"
    device_id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    cadre: Mapped[str] = mapped_column(String(64))
    signing_key: Mapped[str] = mapped_column(String(64))  # base64 raw Ed25519 public key
    agreement_key: Mapped[str] = mapped_column(String(64))  # base64 raw X25519 public key
    scope: Mapped[str] = mapped_column(Text)  # JSON list of village ids
    enrolled_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32))
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    last_sync: Mapped[str | None] = mapped_column(String(32))
    last_transport: Mapped[str | None] = mapped_column(String(8))  # http | usb
    syncs: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    kind: Mapped[str] = mapped_column(String(8), default="device", server_default="device")  # device | server
    area_id: Mapped[str | None] = mapped_column(Id)  # a child server's area, if its code named one


class ServerAudit(Base):
    """Who did what, when, from where: every enrolment, sync, ingest, revocation and refusal."""

    __tablename__ = "server_audit"
    __table_args__ = (Index("ix_server_audit_device", "device_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str | None] = mapped_column(Id)
    action: Mapped[str] = mapped_column(String(16))  # enrol | sync | ingest | revoke | enrol-code
    outcome: Mapped[str] = mapped_column(String(12))  # ok | refused
    reason: Mapped[str | None] = mapped_column(String(32))  # refusal reason code
    transport: Mapped[str | None] = mapped_column(String(8))  # http | usb | cli
    remote: Mapped[str | None] = mapped_column(String(64))  # client address (http)
    package_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")  # JSON: counts, message


class ServerNonce(Base):
    """Nonces of recent signed requests, per device: a replayed request is refused.

    Requests are accepted only within a time window, so rows older than the window are purged.
    """

    __tablename__ = "server_nonce"
    __table_args__ = (Index("ix_server_nonce_ts", "ts"),)
    device_id: Mapped[str] = mapped_column(Id, primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    ts: Mapped[int] = mapped_column(BigInteger)  # the request's timestamp (unix seconds)


SERVER_TABLES = ("server_enrol_code", "server_device", "server_audit", "server_nonce")
