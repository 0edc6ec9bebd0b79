"""Signed-in contexts for tests: one way to act as an account of a given role.

``add_account(ctx, name, roles)`` creates an account (the first one as the program itself, later
ones through a signed-in administrator, as the product does); ``logged_in(data, name)`` logs in
and opens the context for that session. ``cli_user(monkeypatch, name)`` makes the CLI log in as
``name``. Scrypt runs at a low cost in tests (:func:`fast_scrypt`); slots keep the cost they were
made with, so nothing else changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from fieldapp import paths as paths_mod
from fieldapp.services.context import AppContext
from fieldapp.services.people import accounts, keystore
from fieldapp.services.people.auth import sign_in

PASSWORD = "test-pass-1"
DEMO_LEADER = "张建华"  # the demo's team leader and administrator (fieldapp.services.demo_data)
DEMO_PASSWORD = "demo1234"
ADMIN = "测试管理员"


def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keystore, "SCRYPT_N", 2**10)


def add_account(ctx: AppContext, name: str, roles: Sequence[str], *, cadre_id: str | None = None,
                villages: Sequence[str] | None = None, password: str = PASSWORD) -> None:
    """An account on ``ctx``'s laptop (created by the test administrator once the laptop has accounts)."""
    villages = list(ctx.settings["village_ids"]) if villages is None else list(villages)
    ks = keystore.Keystore.load(ctx.paths.home)
    if not ks.slots and ctx.session is None:
        accounts.create_account(ctx, ADMIN, None, ["admin", "district"], villages, PASSWORD)
        _reopen_keyed(ctx)
    if name == ADMIN:
        return
    admin = logged_in(ctx.paths, ADMIN) if ctx.session is None else ctx
    try:
        accounts.create_account(admin, name, cadre_id, roles, villages, password)
    finally:
        if admin is not ctx:
            admin.close()


def _reopen_keyed(ctx: AppContext) -> None:
    """The laptop has accounts now: the first login encrypts the register, so the program's own ``ctx``
    (still on the plain file) opens the encrypted register with the vault key, as the product does."""
    if ctx.vault_key is not None:
        return
    keyed = sign_in(ctx.paths, ADMIN, PASSWORD)  # ctx itself stays the program's (no session)
    ctx.db.close()
    ctx.db, ctx.identity, ctx.vault_key = keyed.db, keyed.identity, keyed.vault_key
    ctx.__dict__.pop("photos", None)
    ctx.reset_writer()


def logged_in(data: paths_mod.DataPaths, name: str, password: str = PASSWORD) -> AppContext:
    """The context of ``name`` after a real login (close it when done)."""
    return sign_in(data, name, password)


def as_role(ctx: AppContext, *roles: str, name: str | None = None, cadre_id: str | None = None) -> AppContext:
    """A context signed in as a new account holding ``roles`` (on ``ctx``'s laptop and villages)."""
    name = name or "测试" + "-".join(roles)
    add_account(ctx, name, roles, cadre_id=cadre_id)
    return logged_in(ctx.paths, name)


def cli_user(monkeypatch: pytest.MonkeyPatch, name: str, password: str = PASSWORD) -> None:
    monkeypatch.setenv("FIELDAPP_USER", name)
    monkeypatch.setenv("FIELDAPP_PASSWORD", password)
