"""The district takes a laptop's signing keys only for people of the laptop's villages, and never lets a
registered key's public key or person change (a forged key would let a device sign as someone else)."""

from __future__ import annotations

import json

from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import keys
from fieldapp.sync.body import Change
from fieldapp.sync.merge import Merger


def _change(c: AppContext, seq: int, tbl: str, row_id: str, op: str,  # noqa: PLR0917
            fields: dict[str, object]) -> Change:
    return Change(origin="laptop-x", seq=seq, hlc=c.writer.clock.now() + 1000 * seq, tbl=tbl, row_id=row_id,
                  household_id=None, op=op, fields=fields, prev={}, user_id=None, user_name=None)


def test_keys_of_the_senders_team_only_and_immutable(ctx: AppContext) -> None:
    east, west = ctx.settings["village_ids"]
    mine, theirs = new_id(), new_id()
    _, public_a = keys.new_secret()
    _, public_b = keys.new_secret()
    key_a, key_b = keys.key_id_of(public_a), keys.key_id_of(public_b)
    batch = [
        _change(ctx, 1, "person", mine, "insert", {"name": "东村队长", "roles": '["leader"]',
                                                  "village_ids": json.dumps([east])}),
        _change(ctx, 2, "signing_key", key_a, "insert", {"person_id": mine, "public_key": public_a, "created_at": 1}),
        _change(ctx, 3, "signing_key", key_b, "insert", {"person_id": theirs, "public_key": public_b,
                                                        "created_at": 1}),
    ]
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {}, scope=[east])
        merger.apply(batch)
        stats = merger.finish()
    assert stats.applied == 2 and stats.refused == 1
    assert "unknown person" in stats.refusals[0]["reason"] and stats.refusals[0]["row_id"] == key_b
    with ctx.db.read() as conn:
        assert keys.key(conn, key_a) is not None and keys.key(conn, key_b) is None

    _, forged = keys.new_secret()
    later = [_change(ctx, 4, "signing_key", key_a, "update", {"public_key": forged}),
             _change(ctx, 5, "signing_key", key_a, "update", {"retired_at": 5})]
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {}, scope=[east])
        merger.apply(later)
        stats = merger.finish()
    assert stats.refused == 1 and "immutable" in stats.refusals[0]["reason"]
    with ctx.db.read() as conn:
        stored = keys.key(conn, key_a)
    assert stored is not None and stored.public_key == public_a and stored.retired_at == 5

    other = [_change(ctx, 6, "signing_key", key_b, "insert", {"person_id": mine, "public_key": public_b,
                                                               "created_at": 1})]
    with ctx.db.transaction() as conn:  # a laptop of 西村 only may not register 东村's people's keys
        merger = Merger(conn, ctx.writer.clock, {}, scope=[west])
        merger.apply(other)
        stats = merger.finish()
    assert stats.refused == 1 and "out of scope" in stats.refusals[0]["reason"]
