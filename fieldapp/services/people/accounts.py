"""Accounts: the person in the registry (synced) and the login slot in this laptop's keystore.

Each act checks its permission (``accounts.manage``, except changing one's own password) and
writes through the one write path with an audit event. Every account gets its own signing
key (:mod:`fieldapp.services.signoff.keys`): its public half is registered with the person.
A team leader manages the people of their own villages with team roles; the review roles are
the district's to grant.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp import paths as paths_mod
from fieldapp.domain import people
from fieldapp.domain.errors import ValidationError
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.people import audit
from fieldapp.services.people.auth import LoginError, unlock_slot
from fieldapp.services.people.keystore import Keystore, Slot, add_pending, new_vault_key
from fieldapp.services.signoff import keys
from fieldapp.store.models import Person
from fieldapp.sync.authority import TEAM_ROLES

MIN_PASSWORD = 8
_P = Person.__table__


@dataclass(frozen=True)
class Account:
    person_id: str
    name: str
    cadre_id: str | None
    roles: tuple[str, ...]
    village_ids: tuple[str, ...]
    active: bool
    can_log_in: bool  # has a slot in this laptop's keystore


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"密码至少 {MIN_PASSWORD} 位"
    return None


def _check_roles(ctx: AppContext, roles: Sequence[str], village_ids: Sequence[str]) -> dict[str, str]:
    problems: dict[str, str] = {}
    codes = ctx.ref["role"]
    unknown = [r for r in roles if r not in codes]
    if unknown:
        problems["roles"] = f"没有这个角色：{'、'.join(unknown)}"
    elif not roles:
        problems["roles"] = "请至少选一个角色"
    s = ctx.session
    if s is not None and not {people.DISTRICT, people.ADMIN} & set(s.roles):
        # a team leader: people of their own villages, team roles only
        outside = [v for v in village_ids if v not in s.village_ids]
        if outside:
            problems["village_ids"] = "只能管理本人负责村的人员"
        above = sorted(set(roles) - TEAM_ROLES)
        if above and "roles" not in problems:
            problems["roles"] = f"{people.role_labels(above, ctx.ref)} 由区县授予"
    return problems


def _person_by_name(ctx: AppContext, name: str) -> dict[str, object] | None:
    with ctx.db.read() as conn:
        row = conn.execute(select(_P).where(_P.c.name == name, _P.c.deleted.is_(False))).mappings().first()
    return dict(row) if row is not None else None


def _vault_key(ctx: AppContext, ks: Keystore) -> bytes:
    if ctx.session is not None:
        return ctx.session.vault_key
    if ks.slots:  # the program itself cannot unwrap a key another account holds
        raise people.PermissionDenied(people.ACCOUNTS_MANAGE, people.permission_table(ctx.ref).label(
            people.ACCOUNTS_MANAGE), "未登录")
    if ctx.vault_key is not None:  # the register (photos, device keys) is already sealed with this key: keep it
        return ctx.vault_key
    return new_vault_key()


def create_account(ctx: AppContext, name: str, cadre_id: str | None, roles: Sequence[str],  # noqa: PLR0917
                   village_ids: Sequence[str], password: str) -> Changes:
    """A new person with a login on this laptop (the first account needs no signed-in manager)."""
    ctx.require(people.ACCOUNTS_MANAGE)
    name = name.strip()
    problems = _check_roles(ctx, roles, village_ids)
    if not name:
        problems["name"] = "请填写姓名"
    ks = Keystore.load(ctx.paths.home)
    if name and (ks.slot(name) is not None or _person_by_name(ctx, name) is not None):
        problems["name"] = f"已有账户“{name}”"
    pw = password_problem(password)
    if pw:
        problems["password"] = pw
    if problems:
        raise ValidationError(problems)
    key = _vault_key(ctx, ks)
    signing, public_hex = keys.new_secret()
    with ctx.writer.transaction() as txn:
        person_id = txn.insert(Person, {"name": name, "cadre_id": cadre_id, "roles": json.dumps(list(roles)),
                                        "village_ids": json.dumps(list(village_ids)), "active": True})
        audit.record(txn, "account_created", person_id=person_id, login_name=name, roles=list(roles),
                     **_by(ctx))
        keys.register(txn, person_id, public_hex)
        ks.put(Slot.make(name, person_id, password, key, signing))
        ks.save()  # inside the transaction: a keystore that cannot be written rolls the person back
    return Changes(people=True, by=_who(ctx))


def change_password(data: paths_mod.DataPaths, name: str, old: str, new: str) -> Changes:
    """One's own password: the old one unwraps the vault key and the signing key, the new one wraps them again
    (the signing key stays the same: signatures and its registration are unaffected)."""
    problem = password_problem(new)
    if problem:
        raise ValidationError({"password": problem})
    slot, unlocked = unlock_slot(data, name, old, now=None)
    person_id = slot.person_id
    ks = Keystore.load(data.home)
    ks.put(Slot.make(name, person_id, new, unlocked.vault_key, unlocked.signing))
    ks.save()
    add_pending(data.home, "password_changed", person_id)
    return Changes(people=True, by=name)


def reset_password(ctx: AppContext, name: str, new: str) -> Changes:
    """A forgotten password, reset by a team leader or administrator signed in on this laptop.

    The old signing key cannot be unwrapped without the old password: it is retired (what it signed still
    verifies) and the account gets a new key pair."""
    ctx.require(people.ACCOUNTS_MANAGE)
    if ctx.session is None:
        raise LoginError("unknown_user", "重设密码需要队长或管理员登录")
    ks = Keystore.load(ctx.paths.home)
    slot = ks.slot(name)
    row = _person_by_name(ctx, name)
    problems: dict[str, str] = {}
    if slot is None:
        problems["name"] = f"本机没有账户“{name}”"
    pw = password_problem(new)
    if pw:
        problems["password"] = pw
    if not problems and row is not None:
        problems.update({k: v for k, v in _check_roles(ctx, ["member"], json.loads(str(row["village_ids"])))
                         .items() if k == "village_ids"})
    if problems:
        raise ValidationError(problems)
    assert slot is not None
    signing, public_hex = keys.new_secret()
    with ctx.writer.transaction() as txn:
        audit.record(txn, "password_reset", person_id=slot.person_id, login_name=name, **_by(ctx))
        if slot.sign_key_id:
            keys.retire(txn, slot.sign_key_id)
        keys.register(txn, slot.person_id, public_hex)
        ks.put(Slot.make(name, slot.person_id, new, ctx.session.vault_key, signing))
        ks.succeeded(name)
        ks.save()
    return Changes(people=True, by=_who(ctx))


def set_roles(ctx: AppContext, name: str, roles: Sequence[str], village_ids: Sequence[str]) -> Changes:
    """Grant or revoke roles and villages (the change travels to the district and the team by sync)."""
    ctx.require(people.ACCOUNTS_MANAGE)
    row = _person_by_name(ctx, name)
    problems = _check_roles(ctx, roles, village_ids)
    if row is None:
        problems["name"] = f"没有人员“{name}”"
    else:
        problems.update({k: v for k, v in _check_roles(ctx, roles, json.loads(str(row["village_ids"])))
                         .items() if k == "village_ids"})
    if problems:
        raise ValidationError(problems)
    assert row is not None
    with ctx.writer.transaction() as txn:
        changed = txn.update(Person, str(row["id"]), {"roles": json.dumps(list(roles)),
                                                      "village_ids": json.dumps(list(village_ids))})
        if changed:
            audit.record(txn, "roles_changed", person_id=str(row["id"]), login_name=name, roles=list(roles),
                         village_ids=list(village_ids), **_by(ctx))
    return Changes(people=bool(changed), by=_who(ctx))


def list_accounts(ctx: AppContext) -> list[Account]:
    """The registry's people (active first), and whether each can log in on this laptop."""
    names = set(Keystore.load(ctx.paths.home).names())
    with ctx.db.read() as conn:
        rows = conn.execute(select(_P).where(_P.c.deleted.is_(False)).order_by(_P.c.active.desc(), _P.c.name))
        return [Account(r.id, r.name, r.cadre_id, tuple(json.loads(r.roles or "[]")),
                        tuple(json.loads(r.village_ids or "[]")), bool(r.active), r.name in names)
                for r in rows]


def _who(ctx: AppContext) -> str | None:
    return ctx.session.name if ctx.session is not None else None


def _by(ctx: AppContext) -> dict[str, Any]:
    return {"by": ctx.session.person_id} if ctx.session is not None else {}
