"""The demo's accounts all reach the register (the person registry), not only the keystore, each with its own
signing key."""

from __future__ import annotations

from pathlib import Path

from fieldapp import paths
from fieldapp.services import demo
from fieldapp.services.context import open_context
from fieldapp.services.people.accounts import list_accounts
from fieldapp.services.people.auth import login, open_for
from fieldapp.services.people.demo import DEMO_PASSWORD, demo_accounts


def test_every_demo_account_is_a_person_of_the_register(tmp_path: Path) -> None:
    data = paths.DataPaths(tmp_path / "home")
    ctx = open_context(data)
    try:
        demo.build_demo(ctx, households=3)
        made = demo_accounts(ctx)
    finally:
        ctx.close()
    assert len(made) >= 3
    signed = open_for(data, login(data, made[0].name, DEMO_PASSWORD))
    try:
        listed = {a.name for a in list_accounts(signed)}
        with_keys = signed.db.scalar("SELECT count(DISTINCT p.name) FROM signing_key k JOIN person p "
                                     "ON p.id = k.person_id WHERE k.retired_at IS NULL")
        assert signed.session.signing is not None
    finally:
        signed.close()
    assert {a.name for a in made} <= listed
    assert with_keys == len(made)  # every demo account has its own signing key
