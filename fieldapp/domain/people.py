"""People and what each may do: roles, permissions and the write rules, as data.

The roles are the code list ``enums/role.json``; ``permissions.json`` says which roles hold each
permission and which permission a write of (table, op[, field]) needs. Both come through the
reference-data machinery, so a district overrides them like any other code list. The write path
(:mod:`fieldapp.store.writer`), the services and the sync merge all ask :class:`PermissionTable`;
nothing else decides who may do what.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import refdata

# Role codes (enums/role.json)
MEMBER = "member"
LEADER = "leader"
COMMITTEE = "committee"
TOWNSHIP = "township"
DISTRICT = "district"
ADMIN = "admin"
ROLES = (MEMBER, LEADER, COMMITTEE, TOWNSHIP, DISTRICT, ADMIN)

# Permission codes (permissions.json)
REGISTER_EDIT = "register.edit"
HOUSEHOLD_DELETE = "household.delete"
VISIT_EDIT = "visit.edit"
CHECKIN_SELF = "checkin.self"
CHECKIN_CONFIRM = "checkin.confirm"
SIGNOFF = "signoff"
APPROVE = "approve"
SPOTCHECK_DRAW = "spotcheck.draw"
ACCOUNTS_MANAGE = "accounts.manage"
EXPORT_PLAIN = "export.plain"
DISTRICT_EDIT = "district.edit"
SYNC_RUN = "sync.run"
SETTINGS_EDIT = "settings.edit"
AUDIT_WRITE = "audit.write"
SPOTCHECK_CHECK = "spotcheck.check"
RECTIFICATION_CONFIRM = "rectification.confirm"
RECTIFICATION_CLOSE = "rectification.close"

OPS = ("insert", "update", "delete")


@dataclass(frozen=True)
class Permission:
    code: str
    label: dict[str, str]
    roles: frozenset[str]

    def text(self, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
        return self.label.get(lang) or self.label[refdata.DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class WriteRule:
    """The permission a write to ``table`` (and ``op``, or every op) needs.

    ``self_field``/``others``: a row whose ``self_field`` is the writer's own cadre needs
    ``permission``; one for somebody else needs ``others`` (check in only for oneself).
    ``by_field``/``when``: a row whose ``by_field`` holds one of ``when``'s values needs that value's
    permission instead (a sign-off of a visit: a member signs the visits they took part in).
    ``guarded``: field → permission an update changing that field needs instead (a household's exit status,
    which the workflows decide: a permission nobody holds).
    """

    table: str
    permission: str
    op: str | None = None
    self_field: str | None = None
    others: str | None = None
    by_field: str | None = None
    when: Mapping[str, str] = field(default_factory=dict)
    guarded: Mapping[str, str] = field(default_factory=dict)


class PermissionDenied(Exception):
    """An act refused: the account lacks ``permission`` (the message names it)."""

    def __init__(self, permission: str, label: str | None = None, who: str | None = None) -> None:
        self.permission = permission
        self.label = label or permission
        who_text = f"{who}：" if who else ""
        super().__init__(f"{who_text}没有“{self.label}”的权限（{permission}），操作未执行")


class PermissionTableError(refdata.RefDataError):
    """permissions.json is malformed or names an unknown role or permission."""


@dataclass(frozen=True)
class PermissionTable:
    permissions: dict[str, Permission]
    rules: tuple[WriteRule, ...]
    roles: tuple[str, ...] = field(default=ROLES)

    @classmethod
    def from_json(cls, raw: Any, roles: Collection[str] = ROLES) -> PermissionTable:
        try:
            perms = {str(p["code"]): Permission(str(p["code"]), dict(p["label"]), frozenset(p["roles"]))
                     for p in raw["permissions"]}
            rules = tuple(WriteRule(table=str(w["table"]), permission=str(w["permission"]), op=w.get("op"),
                                    self_field=w.get("self_field"), others=w.get("others"), by_field=w.get("field"),
                                    when={str(k): str(v) for k, v in dict(w.get("when", {})).items()},
                                    guarded={str(k): str(v) for k, v in dict(w.get("guarded", {})).items()})
                          for w in raw["writes"])
        except (KeyError, TypeError, ValueError) as exc:
            raise PermissionTableError(f"permissions.json: 格式错误 ({exc!r})") from exc
        for p in perms.values():
            unknown = p.roles - set(roles)
            if unknown:
                raise PermissionTableError(f"permissions.json: 权限 {p.code} 的角色 {sorted(unknown)} 不存在")
            if refdata.DEFAULT_LANGUAGE not in p.label:
                raise PermissionTableError(f"permissions.json: 权限 {p.code} 缺少简体中文名称")
        for r in rules:
            for code in (r.permission, r.others, *r.when.values(), *r.guarded.values()):
                if code is not None and code not in perms:
                    raise PermissionTableError(f"permissions.json: 表 {r.table} 的规则引用了未知权限 {code}")
            if r.op is not None and r.op not in OPS:
                raise PermissionTableError(f"permissions.json: 表 {r.table} 的操作 {r.op} 不存在")
        return cls(perms, rules, tuple(roles))

    def label(self, permission: str, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
        found = self.permissions.get(permission)
        return found.text(lang) if found else permission

    def allows(self, roles: Iterable[str], permission: str) -> bool:
        found = self.permissions.get(permission)
        return found is not None and not found.roles.isdisjoint(roles)

    def granted(self, roles: Iterable[str]) -> frozenset[str]:
        """Every permission ``roles`` hold together."""
        have = set(roles)
        return frozenset(p.code for p in self.permissions.values() if not p.roles.isdisjoint(have))

    def rule(self, table: str, op: str) -> WriteRule:
        """The rule for ``op`` on ``table`` (an op-specific rule wins over the table's general one)."""
        found = self._index.get((table, op)) or self._index.get((table, None))
        if found is None:
            raise PermissionTableError(f"permissions.json: 没有表 {table} 的写入规则")
        return found

    @property
    def _index(self) -> dict[tuple[str, str | None], WriteRule]:
        index = self.__dict__.get("_rule_index")
        if index is None:  # asked per written row and per received change: built once
            index = {}
            for r in self.rules:
                index.setdefault((r.table, r.op), r)
            object.__setattr__(self, "_rule_index", index)
        return index

    def needed(self, table: str, op: str, fields: Mapping[str, Any] | None = None,
               cadre_id: str | None = None, changed: Collection[str] = ()) -> str:
        """The permission a write of ``op`` to ``table`` with ``fields`` needs (for ``cadre_id``'s account);
        ``changed``: the fields an update changes (a guarded one needs its own permission)."""
        r = self.rule(table, op)
        if op == "update" and r.guarded:
            for name in sorted(changed):
                if name in r.guarded:
                    return r.guarded[name]
        if r.self_field is not None and r.others is not None and fields is not None:
            value = fields.get(r.self_field)
            if value is not None and value != cadre_id:
                return r.others
        if r.by_field is not None and fields is not None and str(fields.get(r.by_field)) in r.when:
            return r.when[str(fields.get(r.by_field))]
        return r.permission

    def fields_read(self, table: str) -> frozenset[str]:
        """The fields of ``table`` its rules look at (whose row it is, which subject): a change that does not
        carry them is judged on the stored row's values."""
        return frozenset(f for r in self.rules if r.table == table for f in (r.self_field, r.by_field) if f)

    def denied(self, permission: str, who: str | None = None) -> PermissionDenied:
        return PermissionDenied(permission, self.label(permission), who)

    def require(self, roles: Iterable[str], permission: str, who: str | None = None) -> None:
        if not self.allows(roles, permission):
            raise self.denied(permission, who)


def permission_table(ref: refdata.RefData | None = None) -> PermissionTable:
    """The permission table of ``ref`` (the process's reference data by default), loaded once per RefData."""
    ref = ref or refdata.default()
    cached = ref.__dict__.get("_permission_table")
    if cached is None:
        roles = tuple(c.code for c in ref["role"].codes)
        cached = PermissionTable.from_json(ref._load_json("permissions.json"), roles)
        ref.__dict__["_permission_table"] = cached
    return cached


def role_labels(roles: Iterable[str], ref: refdata.RefData | None = None, lang: str = refdata.DEFAULT_LANGUAGE) -> str:
    codes = (ref or refdata.default())["role"]
    return "、".join(codes.label(r, lang) for r in roles)
