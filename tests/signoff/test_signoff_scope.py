"""The district takes a laptop's signing keys only for people of the laptop's villages, and never lets a
registered key's public key or person change (a forged key would let a device sign as someone else).

A reviewer's account (township, district) is the one the enrolment code names: the district takes it once
from the laptop enrolled with that code, and that person's keys only from that laptop."""

from __future__ import annotations

import json

from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import keys
from fieldapp.sync.authority import Grant
from fieldapp.sync.body import Change
from fieldapp.sync.merge import Merger, MergeStats


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


def _apply(ctx: AppContext, batch: list[Change], villages: list[str], grant: Grant | None) -> MergeStats:
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {}, scope=villages, cadre=grant.cadre if grant else None,
                        grant=grant)
        merger.apply(batch)
        return merger.finish()


def _person(ctx: AppContext, seq: int, row_id: str, name: str, roles: list[str],  # noqa: PLR0917
            villages: list[str], origin: str = "laptop-x") -> Change:
    ch = _change(ctx, seq, "person", row_id, "insert", {"name": name, "roles": json.dumps(roles),
                                                        "village_ids": json.dumps(villages), "active": True})
    ch.origin = origin
    return ch


def _key(ctx: AppContext, seq: int, person_id: str, origin: str = "laptop-x") -> tuple[Change, str]:
    _, public = keys.new_secret()
    ch = _change(ctx, seq, "signing_key", keys.key_id_of(public), "insert",
                 {"person_id": person_id, "public_key": public, "created_at": 1})
    ch.origin = origin
    return ch, public


def _people(ctx: AppContext) -> set[str]:
    with ctx.db.read() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT name FROM person")}


def test_the_reviewer_the_enrolment_code_names_and_their_key_are_taken_from_their_laptop(ctx: AppContext) -> None:
    villages = list(ctx.settings["village_ids"])
    grant = Grant("laptop-x", "乡审", "township")
    reviewer = new_id()
    key, public = _key(ctx, 2, reviewer)
    stats = _apply(ctx, [_person(ctx, 1, reviewer, "乡审", ["township"], villages), key], villages, grant)
    assert stats.refused == 0 and stats.applied == 2, stats.refusals
    with ctx.db.read() as conn:
        stored = keys.key(conn, keys.key_id_of(public))
    assert stored is not None and stored.person_id == reviewer

    # a password reset on the reviewer's laptop makes a new key: taken; a changed key never is
    again, _ = _key(ctx, 3, reviewer)
    _, forged = keys.new_secret()
    changed = _change(ctx, 4, "signing_key", keys.key_id_of(public), "update", {"public_key": forged})
    stats = _apply(ctx, [again, changed], villages, grant)
    assert stats.applied == 1 and stats.refused == 1 and "immutable" in stats.refusals[0]["reason"]

    # the grant is used: the same laptop makes no second reviewer, even of the same name
    stats = _apply(ctx, [_person(ctx, 5, new_id(), "乡审", ["township"], villages)], villages, grant)
    assert stats.refused == 1 and "district-owned" in stats.refusals[0]["reason"]
    assert _people(ctx) == {"乡审"}


def test_no_laptop_gives_itself_a_review_role_beyond_its_code(ctx: AppContext) -> None:
    villages = list(ctx.settings["village_ids"])
    township = Grant("laptop-x", "乡审", "township")
    attempts = [
        # a village team leader's laptop creates a township reviewer
        (Grant("laptop-x", "王伟", "leader"), _person(ctx, 1, new_id(), "乡审", ["township"], villages)),
        # the reviewer's laptop: another person, a role beyond the code's, villages beyond its own
        (township, _person(ctx, 2, new_id(), "乡审二", ["township"], villages)),
        (township, _person(ctx, 3, new_id(), "乡审", ["township", "district"], villages)),
        (township, _person(ctx, 4, new_id(), "乡审", ["township"], [*villages, new_id()])),
        # the granted person relayed from another device
        (township, _person(ctx, 5, new_id(), "乡审", ["township"], villages, origin="laptop-y")),
    ]
    for grant, change in attempts:
        stats = _apply(ctx, [change], villages, grant)
        assert stats.refused == 1 and "district-owned" in stats.refusals[0]["reason"], change.fields
    assert _people(ctx) == set()


def test_a_reviewer_s_key_comes_only_from_the_reviewer_s_laptop(ctx: AppContext) -> None:
    villages = list(ctx.settings["village_ids"])
    reviewer = new_id()
    stats = _apply(ctx, [_person(ctx, 1, reviewer, "乡审", ["township"], villages)], villages,
                   Grant("laptop-x", "乡审", "township"))
    assert stats.applied == 1
    # a village laptop whose villages cover the reviewer's registers a key for the reviewer
    key, public = _key(ctx, 1, reviewer, origin="laptop-v")
    stats = _apply(ctx, [key], villages, Grant("laptop-v", "王伟", "leader"))
    assert stats.refused == 1 and "another device" in stats.refusals[0]["reason"]
    with ctx.db.read() as conn:
        assert keys.key(conn, keys.key_id_of(public)) is None
