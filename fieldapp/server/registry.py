"""The server's records: one-time enrolment codes, enrolled devices, revocation, nonces, audit log.

All functions take an open connection, so a caller composes them into one transaction (an
enrolment marks the code used, registers the device and its peer, and writes the audit row
together). Refusals are :class:`Refused` with an HTTP status, a reason code and a Chinese message.
Codes are 16 Crockford base-32 characters (80 random bits), shown as ``XXXX-XXXX-XXXX-XXXX``;
only their SHA-256 is stored, with the expiry and the device that used it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import secrets
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from fieldapp.domain import refdata
from fieldapp.store.models import Area
from fieldapp.store.server_models import ServerAudit, ServerDevice, ServerEnrolCode
from fieldapp.sync import state

log = logging.getLogger("fieldapp.server")

_CODE: Table = ServerEnrolCode.__table__  # type: ignore[assignment]
_DEVICE: Table = ServerDevice.__table__  # type: ignore[assignment]
_AUDIT: Table = ServerAudit.__table__  # type: ignore[assignment]
_AREA: Table = Area.__table__  # type: ignore[assignment]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
_CONFUSABLE = str.maketrans("OIL", "011")
_UUIDISH = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class Refused(Exception):
    """A request the server will not carry out (the HTTP status, a reason code, a message)."""

    def __init__(self, status: int, reason: str, message: str, *, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.headers = headers or {}
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"reason": self.reason, "message": str(self), **self.extra}


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    cadre: str
    signing_key: str
    agreement_key: str
    scope: list[str]
    enrolled_at: str
    revoked_at: str | None
    revoke_reason: str | None
    last_sync: str | None
    last_transport: str | None
    syncs: int
    #: the role the enrolment code named (the latest code the device used)
    role: str = "member"
    #: ``device`` (a laptop) or ``server`` (a child server: its packages relay its own devices' changes)
    kind: str = "device"
    area_id: str | None = None  # a child server's area, when its code named one

    @property
    def is_server(self) -> bool:
        return self.kind == SERVER_KIND


SERVER_KIND = "server"
#: area levels from the bottom up: a child server may write the areas above its villages up to its own level
LEVELS = ("village", "town", "district", "city", "province")


def _device(row: Any) -> Device:
    return Device(row.device_id, row.name, row.cadre, row.signing_key, row.agreement_key, json.loads(row.scope),
                  row.enrolled_at, row.revoked_at, row.revoke_reason, row.last_sync, row.last_transport,
                  int(row.syncs or 0), kind=str(row.kind or "device"), area_id=row.area_id)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- writes (plain SQL on the server's own tables; none of them is synced) ---------------------

def _server_table(name: str) -> str:
    if not name.startswith("server_"):
        raise ValueError(f"not a server table: {name}")
    return name


def _insert(conn: Connection, table: str, values: dict[str, Any]) -> None:
    cols = list(values)
    conn.execute(text(f"INSERT INTO {_server_table(table)} ({', '.join(cols)}) "
                      f"VALUES ({', '.join(':' + c for c in cols)})"), values)


def _update(conn: Connection, table: str, values: dict[str, Any], device_id: str) -> None:
    sets = ", ".join(f"{c} = :{c}" for c in values)
    conn.execute(text(f"UPDATE {_server_table(table)} SET {sets} WHERE device_id = :device_id_"),
                 {**values, "device_id_": device_id})


# -- enrolment codes ---------------------------------------------------------------------------

def normalise_code(text: str) -> str:
    """Upper case without separators; the letters people confuse with digits are read as the digits."""
    cleaned = re.sub(r"[\s\-_]", "", str(text)).upper()
    return cleaned.translate(_CONFUSABLE)


def hash_code(text: str) -> str:
    return hashlib.sha256(("fieldapp-enrol|" + normalise_code(text)).encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def resolve_villages(conn: Connection, tokens: list[str]) -> list[str]:
    """Village ids from ids, 12-digit codes or names known to the server (a new village: its id)."""
    out: list[str] = []
    for token in (t.strip() for t in tokens):
        if not token:
            continue
        rows = conn.execute(select(_AREA.c.id).where(
            _AREA.c.level == "village", _AREA.c.deleted.is_(False),
            (_AREA.c.id == token) | (_AREA.c.code == token) | (_AREA.c.name == token))).all()
        if len(rows) == 1:
            out.append(str(rows[0][0]))
        elif len(rows) > 1:
            raise ValueError(f"有多个村叫“{token}”：请改用村编号")
        elif _UUIDISH.match(token):
            log.warning("village %s is not on the server yet; granted by id", token)
            out.append(token.lower())
        else:
            raise ValueError(f"服务器上找不到村“{token}”：请用村编号（区县尚无该村数据时）或已有的村名、区划代码")
    if not out:
        raise ValueError("至少要指定一个村")
    return sorted(set(out), key=out.index)


def resolve_area(conn: Connection, token: str) -> tuple[str, str, list[str]]:
    """A child server's area by id, 12-digit code or name: (area id, its level, every village under it)."""
    token = token.strip()
    rows = conn.execute(select(_AREA.c.id, _AREA.c.level, _AREA.c.name).where(
        _AREA.c.deleted.is_(False), _AREA.c.level != "village",
        (_AREA.c.id == token) | (_AREA.c.code == token) | (_AREA.c.name == token))).all()
    if len(rows) > 1:
        raise ValueError(f"有多个区域叫“{token}”：请改用区域编号")
    if not rows:
        raise ValueError(f"服务器上找不到区域“{token}”：请用已有的区县、乡镇名称或区划代码，"
                         "或改用 --villages 列出村编号")
    area_id, level = str(rows[0].id), str(rows[0].level)
    villages: list[str] = []
    frontier = [area_id]
    while frontier:  # the tree is a few levels deep: one query per level
        children = conn.execute(select(_AREA.c.id, _AREA.c.level).where(
            _AREA.c.parent_id.in_(frontier), _AREA.c.deleted.is_(False))).all()
        villages += [str(c.id) for c in children if c.level == "village"]
        frontier = [str(c.id) for c in children if c.level != "village"]
    if not villages:
        raise ValueError(f"区域“{token}”下没有村：无法作为下级服务器的范围")
    return area_id, level, sorted(villages)


def resolve_any_area(conn: Connection, token: str) -> tuple[str, str]:
    """An area of any level by id, 12-digit code or name: (id, name)."""
    token = token.strip()
    rows = conn.execute(select(_AREA.c.id, _AREA.c.name).where(
        _AREA.c.deleted.is_(False), (_AREA.c.id == token) | (_AREA.c.code == token) | (_AREA.c.name == token))).all()
    if len(rows) > 1:
        raise ValueError(f"有多个区域叫“{token}”：请改用区域编号")
    if not rows:
        raise ValueError(f"服务器上找不到区域“{token}”")
    return str(rows[0].id), str(rows[0].name)


def village_names(conn: Connection, ids: list[str]) -> dict[str, str]:
    return {r.id: r.name for r in conn.execute(select(_AREA.c.id, _AREA.c.name).where(_AREA.c.id.in_(ids)))}


def create_code(conn: Connection, cadre: str, scope: list[str], ttl_hours: float,
                now: dt.datetime | None = None, *, role: str = "member", kind: str = "device",
                area_id: str | None = None) -> tuple[str, str]:
    """A new one-time code for ``cadre`` (who will hold ``role``) and ``scope``; returns (code, expires_at).

    ``kind`` ``server``: a code for a child server (``cadre`` is its name), ``area_id`` the area granted."""
    if not cadre.strip():
        raise ValueError("请填写干部姓名（--cadre）")
    roles = refdata.default()["role"]
    if role not in roles:
        raise ValueError(f"--role {role} 不是角色代码（可用：{'、'.join(c.code for c in roles.codes)}）")
    if not 0 < ttl_hours <= 24 * 30:
        raise ValueError("有效期应在 0 到 720 小时之间")
    now = now or dt.datetime.now(dt.UTC)
    code = new_code()
    expires = iso(now + dt.timedelta(hours=ttl_hours))
    _insert(conn, "server_enrol_code", {"code_hash": hash_code(code), "cadre": cadre.strip()[:64], "role": role,
                                        "scope": json.dumps(scope), "created_at": iso(now), "expires_at": expires,
                                        "kind": kind, "area_id": area_id})
    audit(conn, "enrol-code", "ok", transport="cli", detail={"cadre": cadre, "role": role, "scope": scope,
                                                                        "expires": expires, "kind": kind})
    return code, expires


def redeem(conn: Connection, code: str, public: dict[str, Any], *, remote: str | None = None,
           now: dt.datetime | None = None) -> Device:
    """Use a code: register the device (pinning its keys) as a peer with the code's scope."""
    stamp = iso(now or dt.datetime.now(dt.UTC))
    row = conn.execute(select(_CODE).where(_CODE.c.code_hash == hash_code(code))).first()
    if row is None:
        raise Refused(403, "bad-code", "加入码无效：请向区县管理员核对")
    if row.used_at is not None:
        raise Refused(403, "code-used", f"加入码已于 {row.used_at} 使用过：每个加入码只能用一次")
    if row.expires_at < stamp:
        raise Refused(403, "code-expired", f"加入码已于 {row.expires_at} 过期：请向区县管理员索取新的加入码")
    device_id = str(public["device_id"])
    existing = device(conn, device_id)
    if existing is not None and existing.revoked_at:
        raise Refused(403, "revoked", f"设备 {device_id} 已于 {existing.revoked_at} 被吊销，不能再次加入")
    if existing is not None and (existing.signing_key, existing.agreement_key) != (public["signing"],
                                                                                   public["agreement"]):
        raise Refused(409, "device-exists", f"设备编号 {device_id} 已登记，且密钥不同")
    used = conn.execute(text("UPDATE server_enrol_code SET used_at = :at, used_by = :by "
                             "WHERE code_hash = :h AND used_at IS NULL"), {"at": stamp, "by": device_id,
                                                                          "h": row.code_hash})
    if used.rowcount != 1:  # another request used it a moment ago
        raise Refused(403, "code-used", "加入码刚刚已被使用：每个加入码只能用一次")
    scope = json.loads(row.scope)
    kind = str(row.kind or "device")
    # a child server is known by the name its code gave it (every server calls itself 区县服务器)
    name = row.cadre if kind == SERVER_KIND else str(public.get("name") or "")[:64] or f"{row.cadre}的笔记本"
    values = {"name": name, "cadre": row.cadre, "signing_key": public["signing"],
              "agreement_key": public["agreement"], "scope": json.dumps(scope), "kind": kind,
              "area_id": row.area_id}
    if existing is None:
        _insert(conn, "server_device", {"device_id": device_id, "enrolled_at": stamp, "syncs": 0, **values})
    else:
        _update(conn, "server_device", values, device_id)
    state.add_peer(conn, device_id, name, str(public["signing"]), str(public["agreement"]), scope=scope)
    audit(conn, "enrol", "ok", device_id=device_id, transport="http", remote=remote,
          detail={"cadre": row.cadre, "scope": scope, "name": name, "kind": kind})
    found = device(conn, device_id)
    assert found is not None
    return replace(found, role=str(row.role or "member"))


# -- devices -------------------------------------------------------------------------------------

def _roles(conn: Connection, device_ids: list[str] | None = None) -> dict[str, str]:
    """device id -> the role of the latest enrolment code it used (what the district granted its person)."""
    query = select(_CODE.c.used_by, _CODE.c.role).where(_CODE.c.used_by.is_not(None)).order_by(_CODE.c.used_at)
    if device_ids is not None:
        query = query.where(_CODE.c.used_by.in_(device_ids))
    return {str(r.used_by): str(r.role or "member") for r in conn.execute(query)}


def device(conn: Connection, device_id: str) -> Device | None:
    row = conn.execute(select(_DEVICE).where(_DEVICE.c.device_id == device_id)).first()
    if row is None:
        return None
    return replace(_device(row), role=_roles(conn, [device_id]).get(device_id, "member"))


def devices(conn: Connection) -> list[Device]:
    roles = _roles(conn)
    return [replace(_device(r), role=roles.get(r.device_id, "member"))
            for r in conn.execute(select(_DEVICE).order_by(_DEVICE.c.enrolled_at, _DEVICE.c.device_id))]


def find_device(conn: Connection, key: str) -> Device | None:
    """By device id, an id prefix of 6+ characters, or the device's name."""
    exact = device(conn, key)
    if exact is not None:
        return exact
    found = [d for d in devices(conn) if d.name == key or (len(key) >= 6 and d.device_id.startswith(key))]
    if len(found) > 1:
        raise ValueError(f"“{key}”对应多台设备：请用完整的设备编号")
    return found[0] if found else None


def revoke(conn: Connection, key: str, reason: str = "") -> Device:
    """Revoke a device: every later request or stick package of it is refused (idempotent).

    Its pinned keys stay on record here; it leaves the sync peers, so replies are no longer built
    for it and it no longer holds back the purge of tombstones (which waits for every peer).
    """
    found = find_device(conn, key)
    if found is None:
        raise LookupError(f"找不到设备：{key}")
    if found.revoked_at is None:
        _update(conn, "server_device", {"revoked_at": state.now_iso(), "revoke_reason": reason or None},
                found.device_id)
        state.delete_local(conn, "sync_peer", {"device_id": found.device_id})
        audit(conn, "revoke", "ok", device_id=found.device_id, transport="cli", detail={"reason": reason})
    again = device(conn, found.device_id)
    assert again is not None
    return again


def level_of(conn: Connection, device: Device) -> str:
    """A child server's level: its area's (a district's server enrolled with its city: ``district``).

    A child server granted village by village counts as a district's."""
    if device.area_id:
        level = conn.execute(select(_AREA.c.level).where(_AREA.c.id == device.area_id)).scalar()
        if level in LEVELS:
            return str(level)
    return "district"


def touch(conn: Connection, device_id: str, transport: str) -> None:
    conn.execute(text("UPDATE server_device SET last_sync = :at, last_transport = :t, syncs = syncs + 1 "
                      "WHERE device_id = :d"), {"at": state.now_iso(), "t": transport, "d": device_id})


def usable(conn: Connection, device_id: str) -> Device:
    """The enrolled, unrevoked device, else a refusal (401 unknown, 403 revoked)."""
    found = device(conn, device_id)
    if found is None:
        raise Refused(401, "unknown-device", f"设备 {device_id} 未在本区县服务器登记：请先用加入码加入")
    if found.revoked_at is not None:
        raise Refused(403, "revoked", f"设备 {device_id} 已于 {found.revoked_at} 被吊销：请联系区县管理员")
    return found


# -- nonces, audit ---------------------------------------------------------------------------------

def use_nonce(conn: Connection, device_id: str, nonce: str, ts: int, *, now: int, window_s: int) -> None:
    """Record a request's nonce; a nonce seen before is a replayed request.

    The store is the database (``server_nonce``), shared by every server process and the USB desk:
    the insert itself decides (``ON CONFLICT DO NOTHING`` on the primary key), so of two processes
    receiving the same request at once exactly one records it and the other refuses it as a replay.
    A nonce is kept until its request's timestamp is twice the window old (a replay of it would be
    refused as stale by then); the purge is a range delete along ``ix_server_nonce_ts``.
    """
    stored = conn.execute(text("INSERT INTO server_nonce (device_id, nonce, ts) VALUES (:d, :n, :ts) "
                               "ON CONFLICT (device_id, nonce) DO NOTHING"), {"d": device_id, "n": nonce, "ts": ts})
    if stored.rowcount == 0:
        raise Refused(401, "replay", "重复的请求（同一请求编号已使用过），已拒绝")
    conn.execute(text("DELETE FROM server_nonce WHERE ts < :old"), {"old": now - 2 * window_s})


def audit(conn: Connection, action: str, outcome: str, *, device_id: str | None = None, reason: str | None = None,
          transport: str | None = None, remote: str | None = None, package_id: str | None = None,
          detail: dict[str, Any] | None = None) -> None:
    _insert(conn, "server_audit", {
        "at": state.now_iso(), "device_id": device_id, "action": action, "outcome": outcome, "reason": reason,
        "transport": transport, "remote": (remote or None) and remote[:64], "package_id": package_id,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)})


def _audit_where(device_id: str | None, reason: str | None, action: str | None, outcome: str | None) -> list[Any]:
    where = []
    if device_id:  # a whole id, or its tail (ids are time-ordered: their tails tell devices apart)
        column = _AUDIT.c.device_id
        where.append(column == device_id if len(device_id) == 36 else column.endswith(device_id))
    for column, value in (("reason", reason), ("action", action), ("outcome", outcome)):
        if value:
            where.append(_AUDIT.c[column] == value)
    return where


def audit_rows(conn: Connection, *, limit: int = 200, offset: int = 0, device_id: str | None = None,
               reason: str | None = None, action: str | None = None,
               outcome: str | None = None) -> list[dict[str, Any]]:
    query = (select(_AUDIT).where(*_audit_where(device_id, reason, action, outcome))
             .order_by(_AUDIT.c.id.desc()).limit(limit).offset(offset))
    return [dict(r) | {"detail": json.loads(r["detail"] or "{}")} for r in conn.execute(query).mappings()]


def audit_count(conn: Connection, *, device_id: str | None = None, reason: str | None = None,
                action: str | None = None, outcome: str | None = None) -> int:
    query = select(func.count()).select_from(_AUDIT).where(*_audit_where(device_id, reason, action, outcome))
    return int(conn.execute(query).scalar() or 0)
