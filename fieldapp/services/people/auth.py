"""Logging in: a password unwraps the laptop's vault key; the person's roles come from the registry.

:func:`login` checks the password against the keystore (throttled after 5 failures in a row),
reads the person (name, cadre, roles, villages) from the register, writes the pending audit
events and the login, and gives an account made before signing keys its key. :func:`sign_in` returns the
application context opened for that account (every write is then made, checked and recorded as that
account; the :class:`Session` holds the unwrapped vault and signing keys); :func:`login` returns the
session alone and :func:`open_for` opens a context for a session later.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from fieldapp import paths as paths_mod
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.people import audit
from fieldapp.services.people.keystore import (
    Keystore,
    SigningSecret,
    Slot,
    Unlocked,
    add_pending,
    clear_pending,
    read_pending,
)
from fieldapp.services.people.keystore import names as keystore_names
from fieldapp.services.people.session import Session
from fieldapp.store.models import Person
from fieldapp.store.writer import Actor, ChangeWriter, WriteTxn

REASONS = ("unknown_user", "wrong_password", "throttled")


class LoginError(Exception):
    """A refused login: ``reason`` in :data:`REASONS`; ``wait_seconds`` before the next try."""

    def __init__(self, reason: str, message: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.reason = reason
        self.wait_seconds = wait_seconds


def login_names(data: paths_mod.DataPaths) -> list[str]:
    """The accounts of this laptop (for the login window's list), from the keystore alone."""
    return keystore_names(data.home)


def verify_password(data: paths_mod.DataPaths, name: str, password: str) -> bool:
    """The password of ``name`` is right (the idle lock); a wrong one counts as a failed login."""
    try:
        unlock_vault(data, name, password, now=None)
    except LoginError:
        return False
    return True


def unlock_vault(data: paths_mod.DataPaths, name: str, password: str, now: float | None) -> tuple[str, bytes]:
    """``name``'s person id and the laptop's vault key, if ``password`` unwraps its keystore slot (failures
    count towards the slow-down and are kept for the audit log); opens no database."""
    slot, unlocked = unlock_slot(data, name, password, now)
    return slot.person_id, unlocked.vault_key


def unlock_slot(data: paths_mod.DataPaths, name: str, password: str, now: float | None) -> tuple[Slot, Unlocked]:
    """``name``'s slot and what ``password`` unwraps from it (the vault key, the signing key), as
    :func:`unlock_vault` checks it."""
    ks = Keystore.load(data.home)
    now = time.time() if now is None else now
    slot = ks.slot(name)
    if slot is None:
        add_pending(data.home, "login_failed", None, int(now * 1000), reason="unknown_user")
        raise LoginError("unknown_user", f"本机没有账户“{name}”")
    wait = ks.wait_seconds(name, now)
    if wait:
        add_pending(data.home, "throttled", slot.person_id, int(now * 1000), wait=wait)
        raise LoginError("throttled", f"密码错误次数过多，请 {wait} 秒后再试", wait)
    unlocked = slot.unlock(password)
    if unlocked is None:
        count = ks.failed(name, now)
        ks.save()
        add_pending(data.home, "login_failed", slot.person_id, int(now * 1000), reason="wrong_password",
                    attempt=count)
        wait = ks.wait_seconds(name, now)
        more = f"；请 {wait} 秒后再试" if wait else ""
        raise LoginError("wrong_password", f"密码不正确（连续第 {count} 次）{more}", wait)
    if name in ks.failures:
        ks.succeeded(name)
        ks.save()
    return slot, unlocked


def person_row(ctx: AppContext, person_id: str) -> dict[str, Any] | None:
    table = Person.__table__
    with ctx.db.read() as conn:
        row = conn.execute(select(table).where(table.c.id == person_id)).mappings().first()
    return dict(row) if row is not None else None


def session_of(row: dict[str, Any], vault_key: bytes, signing: SigningSecret | None = None) -> Session:
    return Session(person_id=row["id"], name=row["name"], cadre_id=row["cadre_id"],
                   roles=tuple(json.loads(row["roles"] or "[]")),
                   village_ids=tuple(json.loads(row["village_ids"] or "[]")), vault_key=vault_key, signing=signing)


def sign_in(data: paths_mod.DataPaths, name: str, password: str, *,
            now: Callable[[], float] | None = None) -> AppContext:
    """Check ``password`` and open the application context of ``name`` (``ctx.session`` set, the writer acting
    as the account); raises :class:`LoginError`. The register is opened once, for the check, the audit log
    and the work after it (the caller closes the context).

    The person's roles and villages are the registry's (synced from the district), read now.
    """
    slot, unlocked = unlock_slot(data, name, password, now() if now else None)
    person_id, key = slot.person_id, unlocked.vault_key
    ctx = open_context(data, key=key)
    try:
        row = person_row(ctx, person_id)
        if row is None or row["deleted"] or not row["active"]:
            add_pending(data.home, "login_failed", person_id, reason="inactive")
            raise LoginError("unknown_user", f"账户“{name}”已停用，请联系队长或管理员")
        signing = unlocked.signing
        if ctx.identity is not None:
            pending = read_pending(data.home)
            # recorded by the program for the person (who may hold no role at all: a login still is logged)
            writer = ChangeWriter(ctx.db, Actor(ctx.identity.device_id, person_id, row["name"]))
            with writer.transaction() as txn:
                for event in pending:
                    extra = {k: v for k, v in event.items() if k not in ("kind", "person_id", "at")}
                    audit.record(txn, str(event["kind"]), person_id=event.get("person_id"),
                                 at_ms=int(event["at"]), **extra)
                audit.record(txn, "login", person_id=person_id, login_name=name)
                signing = _ensure_signing_key(txn, data, slot, password, unlocked)
            clear_pending(data.home)
        session = session_of(row, key, signing)
    except BaseException:
        ctx.close()
        raise
    ctx.session = session
    ctx.reset_writer()
    return ctx


def login(data: paths_mod.DataPaths, name: str, password: str, *,
          now: Callable[[], float] | None = None) -> Session:
    """Check ``password`` and return the session of ``name`` (:func:`sign_in`, the context closed again:
    for a caller that opens it later, or never); raises :class:`LoginError`."""
    ctx = sign_in(data, name, password, now=now)
    ctx.close()
    assert ctx.session is not None
    return ctx.session


def _ensure_signing_key(txn: WriteTxn, data: paths_mod.DataPaths, slot: Slot, password: str,
                        unlocked: Unlocked) -> SigningSecret:
    """The person's signing key: a slot made before signing keys gets one now (its public key registered in
    ``txn``, the private key wrapped into the slot); a key whose public row this register lacks is registered."""
    from fieldapp.services.signoff import keys

    signing = unlocked.signing
    if signing is None:
        signing, public_hex = keys.new_secret()
        keys.register(txn, slot.person_id, public_hex)
        ks = Keystore.load(data.home)
        ks.put(Slot.make(slot.name, slot.person_id, password, unlocked.vault_key, signing))
        ks.save()  # inside the transaction: a keystore that cannot be written rolls the key row back
    elif keys.key(txn.conn, signing.key_id) is None:
        keys.register(txn, slot.person_id, keys.public_of(signing))
    return signing


def session_in(ctx: AppContext, name: str, password: str) -> Session:
    """The session of ``name`` read from the already open ``ctx``, which stays as it is: unlike :func:`login`
    the register is not reopened with the key (so a plain one is not converted under ``ctx``'s feet while
    ``ctx`` still writes to it: the demo creating its accounts). Nothing is audited; raises :class:`LoginError`."""
    slot, unlocked = unlock_slot(ctx.paths, name, password, None)
    row = person_row(ctx, slot.person_id)
    if row is None or row["deleted"] or not row["active"]:
        raise LoginError("unknown_user", f"账户“{name}”已停用，请联系队长或管理员")
    return session_of(row, unlocked.vault_key, unlocked.signing)


def open_for(data: paths_mod.DataPaths, session: Session) -> AppContext:
    """The application context of ``session``: ``ctx.session`` is set, the writer acts as the account.

    The register, photos and device keys open with the session's vault key; a plain register is
    encrypted on this first keyed start (:func:`fieldapp.store.crypt.convert_plain`)."""
    ctx = open_context(data, key=session.vault_key)
    ctx.session = session
    ctx.reset_writer()
    return ctx


def refresh(ctx: AppContext) -> Session | None:
    """The session again with the registry's current roles and villages (after a sync changed them)."""
    if ctx.session is None:
        return None
    row = person_row(ctx, ctx.session.person_id)
    if row is None:
        return ctx.session
    ctx.session = session_of(row, ctx.session.vault_key, ctx.session.signing)
    ctx.reset_writer()
    return ctx.session
