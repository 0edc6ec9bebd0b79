"""The administrator's read-only view: devices, counts per village, quarantined changes, audit log, and a
form that checks a printed sign-off's verification code against the district's copy (``/admin/verify``), and
the villages' weekly and monthly summaries rolled up per town and district (``/admin/reports?period=P``).

The same data feeds ``fieldapp-server devices|villages|quarantine|audit`` and the web page at
``/admin`` (JSON under ``/admin/api/…``). Access to the web page: from this machine (loopback,
and no proxy forwarding headers) without credentials; from anywhere else only with the admin
token — ``Authorization: Bearer TOKEN``, or HTTP Basic with any user name and the token as the
password (a browser asks for it). ``fieldapp-server admin-token`` prints the token.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hmac
import html
import inspect
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import Table, case, func, or_, select

from fieldapp.domain import hlc, refdata
from fieldapp.server import registry
from fieldapp.server.registry import Refused
from fieldapp.server.storage import Server
from fieldapp.store.models import (
    Area,
    ChangeLog,
    Household,
    HouseholdListRow,
    Member,
    SyncConflict,
    SyncQuarantine,
    Visit,
)
from fieldapp.store.server_models import ServerAudit
from fieldapp.sync import outbox, state

_A: Table = Area.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_C: Table = SyncConflict.__table__  # type: ignore[assignment]
_Q: Table = SyncQuarantine.__table__  # type: ignore[assignment]
_HL: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_AU: Table = ServerAudit.__table__  # type: ignore[assignment]
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_FORWARDED = ("x-forwarded-for", "x-real-ip", "forwarded")


# -- data -------------------------------------------------------------------------------------
#
# Every view is one page of rows (``limit``, ``offset``) with the total that matched its filters, so the
# page and the JSON API can say "第 1–50 条，共 4,639 条" and page on. Times stay ISO UTC in the data (``*_at``,
# ``last_sync``) and are also given in the server's zone (``*_local``), which is what the page shows.

STALE_DAYS = 7  # a laptop that has not synced for a week is flagged
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Listing:
    """One page of a view: its rows, how many rows matched in all, and where the page starts."""

    rows: list[dict[str, Any]]
    total: int
    offset: int = 0

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.rows)
        return end if end < self.total else None


def _zone(server: Server) -> ZoneInfo:
    return ZoneInfo(server.config.timezone)


def _parse(stamp: str | None) -> dt.datetime | None:
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(dt.UTC)
    except ValueError:
        return None


def local(stamp: str | None, zone: ZoneInfo) -> str | None:
    """``2026-12-07T05:01:02Z`` → ``2026-12-07 13:01`` in ``zone``; None stays None."""
    moment = _parse(stamp)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else None


def _hlc_iso(value: int | None) -> str | None:
    if not value:
        return None
    return registry.iso(dt.datetime.fromtimestamp(hlc.physical_ms(int(value)) / 1000, dt.UTC))


def _days(stamp: str | None, now: dt.datetime) -> int | None:
    moment = _parse(stamp)
    return max(0, (now - moment).days) if moment else None


def id_tail(device_id: str | None) -> str:
    """The last 8 characters of a device id: ids are time-ordered, so their heads are alike and their tails differ."""
    return (device_id or "")[-8:]


def _names(conn: Any, server: Server) -> dict[str, str]:
    """device id → the name shown for it (this server is 本服务器)."""
    names = {d.device_id: d.name for d in registry.devices(conn)}
    names[server.device_id] = "本服务器"
    return names


def _who(device_id: str | None, names: dict[str, str]) -> str:
    if not device_id:
        return "—"
    name = names.get(device_id)
    return f"{name}（…{id_tail(device_id)}）" if name else f"设备 …{id_tail(device_id)}"


def _village_names(conn: Any) -> dict[str, str]:
    return {r.id: r.name for r in conn.execute(select(_A.c.id, _A.c.name).where(_A.c.level == "village"))}


def _households(conn: Any, ids: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """household id → (户编号, 户主姓名) from the household list projection."""
    out: dict[str, tuple[str | None, str | None]] = {}
    wanted = sorted(i for i in ids if i)
    for start in range(0, len(wanted), 500):
        for r in conn.execute(select(_HL.c.household_id, _HL.c.hh_no, _HL.c.head_name)
                              .where(_HL.c.household_id.in_(wanted[start:start + 500]))):
            out[r.household_id] = (r.hh_no, r.head_name)
    return out


def _sync_status(d: dict[str, Any]) -> tuple[str, str]:
    """A device's or child server's state in words, and the row's CSS class (revoked, silent, fine)."""
    if d["revoked_at"]:
        return f"已吊销（{d['revoked_local']}）", "revoked"
    if d["last_sync"] is None:
        return "从未同步", "stale"
    if d["stale"]:
        return f"超过一周未同步（{d['days_since_sync']} 天）", "stale"
    return "正常", ""


def _pending(conn: Any, vec: dict[str, int], peer: state.Peer) -> int:
    """How many changes a reply built now would carry to ``peer``: what it has not acknowledged, within its
    villages (the out-of-scope rest is never sent to it, and its vector never covers it)."""
    base = {o: min(int(peer.known.get(o, 0)), s) for o, s in vec.items()}
    return outbox.count_lacking(conn, vec, base, peer.scope)


def _last_reply(conn: Any, device_id: str) -> int:
    """The number of changes in the reply of the device's last exchange (which it has not acknowledged yet)."""
    row = conn.execute(select(_AU.c.detail).where(_AU.c.device_id == device_id, _AU.c.outcome == "ok",
                                                  _AU.c.action.in_(("sync", "ingest")))
                       .order_by(_AU.c.id.desc()).limit(1)).first()
    if row is None:
        return 0
    try:
        return int(json.loads(row.detail or "{}").get("reply") or 0)
    except (ValueError, TypeError, AttributeError):
        return 0


DEVICE_SORTS = {"last_sync", "name", "enrolled", "pending", "conflicts"}


def devices(server: Server, limit: int = MAX_LIMIT, offset: int = 0, *, sort: str = "last_sync",
            desc: bool = False, state_: str = "", now: dt.datetime | None = None) -> Listing:
    """The enrolled laptops. ``sort`` by last sync (default: the longest silent first), name, enrolment,
    changes waiting for it or open conflicts; ``state_``: active, stale (not synced for a week, or never),
    revoked. 待发给它 (``not_yet_sent``) counts the changes in its villages the server received after the
    reply of its last exchange; ``sent_unacknowledged`` those that reply carried (acknowledged at its next sync)."""
    now = now or dt.datetime.now(dt.UTC)
    zone = _zone(server)
    with server.db.read() as conn:
        names = _village_names(conn)
        open_c = select(_C.c.winner_device.label("d")).where(_C.c.resolved.is_(False), _C.c.kind != "clock").union_all(
            select(_C.c.loser_device).where(_C.c.resolved.is_(False), _C.c.kind != "clock")).subquery()
        conflicts: dict[str, int] = dict(conn.execute(
            select(open_c.c.d, func.count()).group_by(open_c.c.d)).all())
        held = state.holdings(conn, server.device_id)
        peers = {p.device_id: p for p in state.peers(conn)}
        out = []
        for d in registry.devices(conn):
            peer = peers.get(d.device_id) if d.revoked_at is None else None
            lacking = _pending(conn, held, peer) if peer else 0
            sent = min(lacking, _last_reply(conn, d.device_id)) if peer and d.last_sync else 0
            days = _days(d.last_sync, now)
            stale = d.revoked_at is None and (days is None or days >= STALE_DAYS)
            out.append({"device_id": d.device_id, "id_tail": id_tail(d.device_id), "name": d.name, "cadre": d.cadre,
                        "scope": d.scope, "villages": [names.get(v, v[:8]) for v in d.scope],
                        "enrolled_at": d.enrolled_at, "enrolled_local": local(d.enrolled_at, zone),
                        "revoked_at": d.revoked_at, "revoked_local": local(d.revoked_at, zone),
                        "last_sync": d.last_sync, "last_sync_local": local(d.last_sync, zone),
                        "days_since_sync": days, "stale": stale, "last_transport": d.last_transport,
                        "syncs": d.syncs, "open_conflicts": int(conflicts.get(d.device_id, 0)),
                        "not_yet_sent": lacking - sent, "sent_unacknowledged": sent,
                        "kind": d.kind, "area": names.get(d.area_id, d.area_id) if d.area_id else None})
    if state_ == "active":
        out = [d for d in out if d["revoked_at"] is None]
    elif state_ == "stale":
        out = [d for d in out if d["stale"]]
    elif state_ == "revoked":
        out = [d for d in out if d["revoked_at"] is not None]
    keys = {"last_sync": lambda d: (d["last_sync"] is not None, d["last_sync"] or ""),
            "name": lambda d: (d["name"], d["device_id"]), "enrolled": lambda d: d["enrolled_at"],
            "pending": lambda d: d["not_yet_sent"], "conflicts": lambda d: d["open_conflicts"]}
    out.sort(key=keys.get(sort, keys["last_sync"]), reverse=desc)
    return Listing(out[offset:offset + limit], len(out), offset)


def villages(server: Server, limit: int = MAX_LIMIT, offset: int = 0, *, lagging: bool = False,
             sort: str = "", now: dt.datetime | None = None) -> Listing:
    """Counts per village and how far behind the server's copy may be: the last sync of any (unrevoked) laptop
    holding it, its last edit the server holds (by the edit's clock), and the days since that sync
    (``lag_days``; ``lagging`` when a week or more, or no laptop ever synced it). ``sort=lag``: most behind first."""
    now = now or dt.datetime.now(dt.UTC)
    zone = _zone(server)
    with server.db.read() as conn:
        live_h = _H.c.deleted.is_(False)
        hh: dict[str, int] = dict(conn.execute(
            select(_H.c.village_id, func.count()).where(live_h).group_by(_H.c.village_id)).all())
        edited: dict[str, int] = dict(conn.execute(
            select(_H.c.village_id, func.max(_H.c.row_hlc)).group_by(_H.c.village_id)).all())
        for vid, top in conn.execute(select(_V.c.village_id, func.max(_V.c.row_hlc)).group_by(_V.c.village_id)):
            edited[vid] = max(int(top or 0), int(edited.get(vid) or 0))
        members = _M.join(_H, _M.c.household_id == _H.c.id)
        mm: dict[str, int] = dict(conn.execute(
            select(_H.c.village_id, func.count()).select_from(members)
            .where(live_h, _M.c.deleted.is_(False)).group_by(_H.c.village_id)).all())
        vv: dict[str, int] = dict(conn.execute(
            select(_V.c.village_id, func.count()).where(_V.c.deleted.is_(False)).group_by(_V.c.village_id)).all())
        areas = conn.execute(select(_A.c.id, _A.c.name, _A.c.code)
                             .where(_A.c.level == "village", _A.c.deleted.is_(False))
                             .order_by(_A.c.code, _A.c.name)).all()
        live = [d for d in registry.devices(conn) if d.revoked_at is None]
    rows = [(a.id, a.name, a.code) for a in areas] + [(v, None, None) for v in hh if v not in {a.id for a in areas}]
    out = []
    seen = [name for _vid, name, _code in rows if name]
    for vid, plain, code in rows:
        # two villages of one name: tell them apart
        name = f"{plain}（…{vid[-8:]}）" if plain and seen.count(plain) > 1 and not code else plain
        holders = [d for d in live if vid in d.scope]
        synced = max((d.last_sync for d in holders if d.last_sync), default=None)
        last_edit = _hlc_iso(edited.get(vid))
        lag = _days(synced, now)
        out.append({"village_id": vid, "name": name or vid[:8], "code": code, "households": int(hh.get(vid, 0)),
                    "members": int(mm.get(vid, 0)), "visits": int(vv.get(vid, 0)), "devices": len(holders),
                    "last_sync": synced, "last_sync_local": local(synced, zone), "last_edit": last_edit,
                    "last_edit_local": local(last_edit, zone), "lag_days": lag,
                    "lagging": lag is None or lag >= STALE_DAYS})
    if lagging:
        out = [v for v in out if v["lagging"]]
    if sort == "lag":
        out.sort(key=lambda v: (v["last_sync"] is not None, v["last_sync"] or ""))
    return Listing(out[offset:offset + limit], len(out), offset)


_CONFLICT_KINDS = {"field": "同一字段两处修改", "delete": "删除与修改", "clock": "时钟异常"}


def conflicts(server: Server, limit: int = 50, offset: int = 0, *, status: str = "open", kind: str = "",
              device: str = "") -> Listing:
    """Concurrent overwrites, newest first, each with both values in words (ID numbers masked), the household's
    户编号 and head, both devices and when. ``status``: open (default), resolved, all; ``kind``: field, delete,
    clock (default: field and delete); ``device``: a device id or its tail, on either side."""
    zone = _zone(server)
    cat = _catalogue()
    where = []
    if status == "open":
        where.append(_C.c.resolved.is_(False))
    elif status == "resolved":
        where.append(_C.c.resolved.is_(True))
    where.append(_C.c.kind == kind if kind else _C.c.kind != "clock")
    if device:
        where.append(or_(_C.c.winner_device.endswith(device), _C.c.loser_device.endswith(device)))
    with server.db.read() as conn:
        total = int(conn.execute(select(func.count()).select_from(_C).where(*where)).scalar() or 0)
        rows = conn.execute(select(_C).where(*where).order_by(_C.c.id.desc()).limit(limit).offset(offset)).all()
        homes = _households(conn, {r.household_id or (r.row_id if r.tbl == "household" else "") for r in rows})
        names = _names(conn, server)
    out = []
    for r in rows:
        home = r.household_id or (r.row_id if r.tbl == "household" else None)
        hh_no, head = homes.get(home or "", (None, None))
        out.append({"id": r.id, "kind": r.kind, "kind_text": _CONFLICT_KINDS.get(r.kind, r.kind), "tbl": r.tbl,
                    "table": cat.table_label(r.tbl), "row_id": r.row_id, "household_id": home, "hh_no": hh_no,
                    "head_name": head, "field": r.field, "field_label": cat.label(r.tbl, r.field),
                    "winner": _value(cat, r.tbl, r.field, r.winner_value), "winner_device": r.winner_device,
                    "winner_who": _who(r.winner_device, names), "winner_at": _hlc_iso(r.winner_hlc),
                    "loser": _value(cat, r.tbl, r.field, r.loser_value), "loser_device": r.loser_device,
                    "loser_who": _who(r.loser_device, names), "loser_at": _hlc_iso(r.loser_hlc),
                    "detected_at": r.detected_at, "detected_local": local(r.detected_at, zone),
                    "resolved": bool(r.resolved)})
    return Listing(out, total, offset)


def _value(cat: Any, tbl: str, column: str, raw: str | None) -> str:
    try:
        value = json.loads(raw) if raw is not None else None
    except ValueError:
        value = raw
    return cat.format_value(tbl, column, value, masked=True) or "（空）"


def _catalogue() -> Any:
    return refdata.default().fields


_QUARANTINE_STATUS = {"open": "待审", "refused": "已拒绝（无权写入）", "released": "已放行", "discarded": "已丢弃"}
_REASON_GROUPS = {"out of scope": "超出负责的村", "district-owned": "区县统一维护的数据",
                  "record missing": "记录不存在", "orphan": "引用的记录不存在", "unique": "与已有记录重复",
                  "signing key is immutable": "签名公钥不能修改", "signing key is append-only": "签名公钥不能删除",
                  "unknown person": "人员不在名册中"}
_TAG = re.compile(r"（([A-Za-z][A-Za-z -]*)）$")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def reason_group(reason: str) -> str:
    """The kind of rule a quarantine reason names (its trailing English tag), in words."""
    found = _TAG.search(reason or "")
    return _REASON_GROUPS.get(found.group(1), found.group(1)) if found else "其他"


def _reason_text(reason: str, villages: dict[str, str]) -> str:
    """The reason without its English tag, village ids as names and other ids shortened."""
    text = _TAG.sub("", reason or "")
    text = re.sub(r"（[a-z_]+）由区县", "由区县", text)  # the table's code after its Chinese name
    return _UUID.sub(lambda m: villages.get(m.group(0)) or f"…{m.group(0)[-8:]}", text)


def _quarantine_where(status: str, tbl: str, origin: str) -> list[Any]:
    where = []
    if status in _QUARANTINE_STATUS:
        where.append(_Q.c.status == status)
    elif status != "all":
        where.append(_Q.c.status.in_(("open", "refused")))
    if tbl:
        where.append(_Q.c.tbl == tbl)
    if origin:
        where.append(_Q.c.origin.endswith(origin))
    return where


def quarantine(server: Server, limit: int = 50, offset: int = 0, *, status: str = "", tbl: str = "",
               origin: str = "") -> Listing:
    """Quarantined (待审) and refused changes: those waiting for review first, then newest first. Each row
    names its record kind in words and the household (户编号, head) where the change belongs to one.
    ``status``: open, refused, released, discarded, all (default open and refused)."""
    zone = _zone(server)
    cat = _catalogue()
    where = _quarantine_where(status, tbl, origin)
    waiting_first = case((_Q.c.status == "open", 0), else_=1)
    with server.db.read() as conn:
        total = int(conn.execute(select(func.count()).select_from(_Q).where(*where)).scalar() or 0)
        rows = conn.execute(select(_Q).where(*where).order_by(waiting_first, _Q.c.id.desc())
                            .limit(limit).offset(offset)).mappings().all()
        changes = [_change(r["change"]) for r in rows]
        homes = _households(conn, {_home(r, c) or "" for r, c in zip(rows, changes, strict=True)})
        names = _names(conn, server)
        villages_ = _village_names(conn)
    out = []
    for r, change in zip(rows, changes, strict=True):
        home = _home(r, change)
        hh_no, head = homes.get(home or "", (None, None))
        fields = change.get("fields") or {}
        hh_no = hh_no or (fields.get("hh_no") if r["tbl"] == "household" else None)
        head = head or (fields.get("name") if r["tbl"] == "member" else None)
        out.append({k: r[k] for k in ("id", "origin", "origin_seq", "tbl", "row_id", "reason", "received_at",
                                      "status")}
                   | {"table": cat.table_label(r["tbl"]), "origin_who": _who(r["origin"], names),
                      "household_id": home, "hh_no": hh_no, "head_name": head,
                      "fields": _field_list(cat, r["tbl"], list(fields)),
                      "reason_group": reason_group(r["reason"]), "reason_text": _reason_text(r["reason"], villages_),
                      "status_text": _QUARANTINE_STATUS.get(r["status"], r["status"]),
                      "received_local": local(r["received_at"], zone)})
    return Listing(out, total, offset)


def _field_list(cat: Any, tbl: str, columns: list[str], shown: int = 3) -> str:
    """The changed fields in words, the first few and how many more."""
    text = "、".join(cat.label(tbl, c) for c in columns[:shown])
    return f"{text} 等 {len(columns)} 项" if len(columns) > shown else text


def quarantine_groups(server: Server, *, status: str = "", tbl: str = "", origin: str = "") -> list[dict[str, Any]]:
    """The quarantine counted by status, record kind and kind of rule (待审 first, larger groups first)."""
    cat = _catalogue()
    where = _quarantine_where(status, tbl, origin)
    with server.db.read() as conn:
        counted = conn.execute(select(_Q.c.status, _Q.c.tbl, _Q.c.reason, func.count()).where(*where)
                               .group_by(_Q.c.status, _Q.c.tbl, _Q.c.reason)).all()
    groups: dict[tuple[str, str, str], int] = {}
    for st, tbl_, reason, n in counted:
        key = (st, tbl_, reason_group(reason))
        groups[key] = groups.get(key, 0) + int(n)
    return [{"status": st, "status_text": _QUARANTINE_STATUS.get(st, st), "tbl": t, "table": cat.table_label(t),
             "reason_group": g, "count": n}
            for (st, t, g), n in sorted(groups.items(), key=lambda kv: (kv[0][0] != "open", -kv[1], kv[0]))]


def _change(raw: str | None) -> dict[str, Any]:
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _home(row: Any, change: dict[str, Any]) -> str | None:
    if row["tbl"] == "household":
        return str(row["row_id"])
    found = change.get("household_id") or (change.get("fields") or {}).get("household_id")
    return str(found) if found else None


def chain_breaks(server: Server, limit: int = 200, offset: int = 0) -> Listing:
    """Packages refused because the sending device's change-log chain broke: which device, where, what."""
    zone = _zone(server)
    with server.db.read() as conn:
        total = registry.audit_count(conn, reason="chain")
        rows = registry.audit_rows(conn, limit=limit, offset=offset, reason="chain")
        names = _names(conn, server)
    return Listing([{"at": r["at"], "at_local": local(r["at"], zone), "device_id": r["device_id"],
                     "device": names.get(r["device_id"] or "", ""), "device_who": _who(r["device_id"], names),
                     "origin": r["detail"].get("origin"), "origin_who": _who(r["detail"].get("origin"), names),
                     "origin_seq": r["detail"].get("origin_seq"), "kind": r["detail"].get("kind"),
                     "what": r["detail"].get("what") or "", "message": r["detail"].get("message") or "",
                     "transport": r["transport"], "package_id": r["package_id"]} for r in rows], total, offset)


ACTIONS = {"enrol": "加入", "sync": "网络同步", "ingest": "U盘同步", "revoke": "吊销设备", "enrol-code": "生成加入码"}
OUTCOMES = {"ok": "成功", "refused": "拒绝"}
TRANSPORTS = {"http": "网络", "usb": "U盘", "cli": "命令行"}
REASONS = {"bad-code": "加入码无效", "code-used": "加入码已用过", "code-expired": "加入码已过期",
           "device-exists": "设备编号已登记", "revoked": "设备已吊销", "unknown-device": "设备未登记",
           "replay": "重复的请求", "stale-timestamp": "请求时间不符", "bad-signature": "签名不符",
           "malformed-auth": "签名信息有误", "missing-auth": "缺少签名", "sender-mismatch": "发送方不符",
           "recipient": "收件方不符", "format": "格式错误", "chain": "记录链断裂", "bad-key": "密钥有误"}
#: the words of an audit detail's items, in the order they are shown
_DETAIL = {"cadre": "干部", "name": "名称", "role": "角色", "scope": "村", "expires": "有效期至", "reason": "原因",
           "received": "收到", "applied": "应用", "skipped": "已有", "conflicts": "冲突", "quarantined": "隔离",
           "refused": "越权拒收", "pending": "待升级字段", "reply": "回复", "replay": "重发",
           "origin": "来源设备", "origin_seq": "断在第几条", "kind": "问题", "what": "内容", "message": "说明",
           "merge_ms": "合并用时毫秒", "reply_ms": "回复用时毫秒"}
_DETAIL_SKIP = {"packages", "refusals"}


def detail_text(detail: dict[str, Any], villages: dict[str, str], names: dict[str, str], zone: ZoneInfo,
                width: int = 160) -> str:
    """An audit row's detail in words: ``收到 3，应用 3，回复 5 …``, each item whole (never cut mid-word)."""
    parts = []
    order = list(_DETAIL)
    for key, raw in sorted(detail.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)):
        if key in _DETAIL_SKIP or raw in (None, "", [], {}, False) or (key.endswith("_ms") and not raw):
            continue
        parts.append(f"{_DETAIL.get(key, key)} {_detail_value(key, raw, villages, names, zone)}")
    out = ""
    for i, part in enumerate(parts):
        if len(out) + len(part) + 1 > width:
            return out + f"（另 {len(parts) - i} 项）"
        out = f"{out}，{part}" if out else part
    return out


def _detail_value(key: str, value: Any, villages: dict[str, str], names: dict[str, str], zone: ZoneInfo) -> str:
    if key == "scope" and isinstance(value, list):
        text = "、".join(villages.get(str(v), f"…{str(v)[-8:]}") for v in value)
    elif key == "origin":
        text = _who(str(value), names)
    elif key == "expires":
        text = local(str(value), zone) or str(value)
    elif key == "role" and _has_role(str(value)):
        text = refdata.default()["role"].label(str(value))
    elif value is True:
        text = "是"
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return _UUID.sub(lambda m: "…" + m.group(0)[-8:], text)


def _has_role(code: str) -> bool:
    return code in refdata.default()["role"]


def audit(server: Server, limit: int = 200, offset: int = 0, *, device_id: str | None = None, action: str = "",
          outcome: str = "", reason: str = "") -> Listing:
    """The audit log, newest first; ``device_id`` (an id or its tail), ``action``, ``outcome`` and ``reason``
    filter. Each row carries its action, outcome and reason in words and its detail as a readable line."""
    zone = _zone(server)
    with server.db.read() as conn:
        filters = {"device_id": device_id, "action": action or None, "outcome": outcome or None,
                   "reason": reason or None}
        total = registry.audit_count(conn, **filters)
        rows = registry.audit_rows(conn, limit=limit, offset=offset, **filters)
        names = _names(conn, server)
        villages_ = _village_names(conn)
    return Listing([r | {"at_local": local(r["at"], zone), "device_who": _who(r["device_id"], names),
                         "action_text": ACTIONS.get(r["action"], r["action"]),
                         "outcome_text": OUTCOMES.get(r["outcome"], r["outcome"]),
                         "reason_text": REASONS.get(r["reason"] or "", r["reason"] or ""),
                         "transport_text": TRANSPORTS.get(r["transport"] or "", r["transport"] or ""),
                         "detail_text": detail_text(r["detail"], villages_, names, zone)} for r in rows],
                   total, offset)


# -- access ---------------------------------------------------------------------------------------

def check_access(server: Server, request: Request) -> None:
    client = request.client.host if request.client else ""
    forwarded = any(h in request.headers for h in _FORWARDED)
    if client in _LOOPBACK and not forwarded:
        return
    token = server.admin_token()
    given = ""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer":
        given = value.strip()
    elif scheme.lower() == "basic":
        try:
            given = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError, ValueError):
            given = ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise Refused(401, "admin-only", "管理页面只能在服务器本机打开，或提供管理口令（fieldapp-server admin-token）",
                      headers={"WWW-Authenticate": 'Basic realm="FieldApp admin"'})


# -- page -----------------------------------------------------------------------------------------

def _table(title: str, heads: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in r) + "</tr>"
                   for r in rows) or f'<tr><td colspan="{len(heads)}">（无）</td></tr>'
    heading = f"<h2>{html.escape(title)}</h2>" if title else ""
    return f"{heading}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_FONT_URL = "/dashboard/font.ttf"  # the server's own Chinese font (see .webfont): a bare browser may have none
_STYLE = (f'@font-face{{font-family:"FieldApp Hei";src:url({_FONT_URL}) format("truetype");font-display:swap}}'
          'body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","FieldApp Hei",'
          "sans-serif;margin:1em 1.5em;color:#212529}h1{font-size:1.45em;margin:.2em 0}"
          "h2{font-size:1.15em;margin:1.2em 0 .3em;border-bottom:2px solid #1c7ed6;padding-bottom:.15em}"
          "table{border-collapse:collapse;margin-bottom:.6em}"
          "td,th{border:1px solid #ced4da;padding:.2em .45em;font-size:88%;vertical-align:top;white-space:nowrap}"
          "td:last-child{white-space:normal;min-width:14em}"
          "th{background:#e7f5ff;text-align:left;white-space:nowrap}th a{color:inherit}"
          "tr.stale td{background:#fff4e6}tr.revoked td{color:#868e96}tr.waiting td{background:#fff9db}"
          "tr.bad td{color:#c92a2a}tr.total td{font-weight:bold}nav{margin:.4em 0 .6em;line-height:1.8}"
          "nav{font-size:105%}.summary{font-size:105%}"
          ".note,.pager,.filters{color:#495057;font-size:88%;margin:.3em 0}"
          "button,input{font-family:inherit}.ok{color:#1a7f37}.bad{color:#b42318}.warn{color:#9a6700}")


def verify_form(code: str = "", *, focus: bool = True) -> str:
    """The form that checks a printed sign-off code (GET /admin/verify?code=…)."""
    autofocus = " autofocus" if focus else ""
    return ('<h2>核对签字验证码</h2><form method="get" action="/admin/verify">'
            '<label for="code">验证码（打印件上的 ABCDE-12345-X 或扫描二维码所得）</label> '
            f'<input id="code" name="code" value="{html.escape(code)}" size="24" autocomplete="off"{autofocus}> '
            '<button type="submit">核对</button></form>')


def verify_page(server: Server, code: str) -> str:
    """What a code names on the district's copy: who signed what, when, valid or not, still matching or not."""
    from fieldapp.domain.signoff import SignoffError
    from fieldapp.services.signoff.verify import check_code

    parts = [verify_form(code)]
    if code.strip():
        try:
            reports = check_code(server.db, code)
        except SignoffError as exc:
            reports = []
            parts.append(f'<p class="bad">{html.escape(str(exc))}</p>')
        else:
            if not reports:
                parts.append(f'<p class="bad">未找到验证码 {html.escape(code.strip())} 的签字'
                             "（尚未同步到区县，或验证码有误）</p>")
        for r in reports:
            css = "bad" if not r.valid else ("ok" if r.matches is not False else "warn")
            rows = [["签字对象", r.subject], ["签字人", f"{r.signer}（{r.role}）"], ["签字时间", r.signed_at],
                    ["签名公钥", r.key_note], *[["问题", p] for p in r.problems],
                    *[["签字后修改", f"{ln.where} {ln.field}：{ln.old or '（空）'} → {ln.new or '（空）'}"]
                      for ln in r.lines]]
            parts.append(f'<p class="{css}"><strong>验证码 {html.escape(r.code)}：{html.escape(r.verdict)}</strong></p>'
                         + _table("", ["项目", "内容"], rows))
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>核对签字验证码</title>'
            f'<style>{_STYLE}</style></head><body><p><a href="/admin">返回管理页面</a></p>{"".join(parts)}'
            "</body></html>")


def reports(server: Server, period_text: str = "", today: dt.date | None = None) -> dict[str, Any]:
    """The roll-up of the villages' summaries of one period (default: last week): each village's standing
    and the totals per town and district, from the summaries the villages synced up."""
    from fieldapp.domain import report as rules
    from fieldapp.services.report.rollup import rollup

    today = today or dt.date.today()
    period = rules.parse_period(period_text) if period_text.strip() else rules.previous(rules.WEEKLY, today)
    up = rollup(server.db, period, today=today)
    return {"kind": period.kind, "period": period.text, "words": period.words, "due": up.due.isoformat(),
            "villages": [{"village_id": v.village_id, "village": v.name, "town": v.town_name,
                          "state": v.standing.state, "words": v.standing.words, "flagged": v.standing.flagged,
                          "overdue": v.standing.overdue,
                          "signed_on": v.standing.signed_on.isoformat() if v.standing.signed_on else None,
                          "figures": dataclasses.asdict(v.summary.figures) if v.summary else None}
                         for v in up.villages],
            "totals": [{"level": t.level, "area_id": t.area_id, "name": t.name, "missing": t.missing,
                        "unsigned": t.unsigned, "late": t.late, **dataclasses.asdict(t.totals)}
                       for t in (*up.towns, *up.districts)]}


_TOTAL_HEADS = [("visits", "走访户次"), ("households_visited", "走访户数"), ("measures", "措施"),
                ("identified", "纳入"), ("exited", "退出"), ("spot_incorrect", "抽查发现问题"),
                ("rectifications_open", "未销号整改"), ("problems_open", "未解决问题"), ("cadre_days", "在村人天"),
                ("cadres_short", "在村未达标")]


def reports_section(server: Server, period_text: str = "") -> str:
    """汇总上报 on the admin page: a period chooser, each village's standing, the totals."""
    try:
        data = reports(server, period_text)
    except ValueError as exc:
        return reports_form(period_text) + f'<p class="bad">{html.escape(str(exc))}</p>'
    kind = "周汇总" if data["kind"] == "weekly" else "月更新"
    rows = []
    for v in data["villages"]:
        f = v["figures"] or {}
        mark = f'<span class="{"bad" if v["flagged"] else "ok"}">{html.escape(v["words"])}</span>'
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in (v["town"], v["village"]))
                    + f"<td>{mark}</td>"
                    + "".join(f"<td>{html.escape(str(f.get(k, '—')))}</td>" for k in ("visits", "measures", "exited",
                                                                                        "problems_open"))
                    + "</tr>")
    heads = "".join(f"<th>{h}</th>" for h in ("乡镇", "村", "状态", "走访户次", "措施", "退出", "未解决问题"))
    table = (f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows) or '<tr><td colspan=7>（无村）</td></tr>'}"
             "</tbody></table>")
    totals = "<h3>合计（只计已签字上报的村）</h3>" + _table("",
                    ["级别", "名称", "村数", "已上报", "未上报", "未签字", "迟报", *[h for _, h in _TOTAL_HEADS]],
                    [["乡镇" if t["level"] == "town" else "区县", t["name"], t["villages"], t["reported"], t["missing"],
                      t["unsigned"], t["late"], *[t[k] for k, _ in _TOTAL_HEADS]] for t in data["totals"]])
    return (reports_form(data["period"]) + f"<h3>{kind} {html.escape(data['words'])}（上报期限 {data['due']}）</h3>"
            + table + totals)


def reports_form(period: str = "") -> str:
    return ('<h2 id="reports">汇总上报</h2><form method="get" action="/admin/reports">'
            '<label for="period">期间（ISO 周如 2026-W49，或月份如 2026-12）</label> '
            f'<input id="period" name="period" value="{html.escape(period)}" size="12"> '
            '<button type="submit">查看</button></form>')


def reports_page(server: Server, period: str) -> str:
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>汇总上报</title>'
            f'<style>{_STYLE}</style></head><body><p><a href="/admin">返回管理页面</a></p>'
            f"{reports_section(server, period)}</body></html>")


def _cells(row: list[Any]) -> str:
    return "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in row)


def _rows_table(heads: list[str], rows: list[tuple[str, list[Any]]], empty: str = "（无）") -> str:
    """A table of already-escaped head cells and (row class, cells) rows."""
    head = "".join(f"<th>{h}</th>" for h in heads)
    body = "".join(f'<tr class="{css}">{_cells(cells)}</tr>' if css else f"<tr>{_cells(cells)}</tr>"
                   for css, cells in rows) or f'<tr><td colspan="{len(heads)}">{html.escape(empty)}</td></tr>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _heads(*texts: str) -> list[str]:
    return [html.escape(t) for t in texts]


def _link(params: dict[str, str], anchor: str, **changes: Any) -> str:
    merged = {k: v for k, v in (params | {k: str(v) for k, v in changes.items()}).items() if v not in ("", "0", None)}
    return html.escape(f"/admin?{urlencode(merged)}#{anchor}" if merged else f"/admin#{anchor}")


def _pager(listing: Listing, limit: int, params: dict[str, str], key: str, anchor: str) -> str:
    if not listing.total:
        return ""
    first, last = listing.offset + 1, listing.offset + len(listing.rows)
    parts = [f"第 {first:,}–{last:,} 条，共 {listing.total:,} 条"]
    if listing.offset > 0:
        parts.append(f'<a href="{_link(params, anchor, **{key: max(0, listing.offset - limit)})}">上一页</a>')
    if listing.next_offset is not None:
        parts.append(f'<a href="{_link(params, anchor, **{key: listing.next_offset})}">下一页</a>')
    return f'<p class="pager">{" · ".join(parts)}</p>'


def _choices(params: dict[str, str], key: str, anchor: str, options: list[tuple[str, str]], extra: str = "") -> str:
    """Filter links; the current one in bold."""
    current = params.get(key, "")
    links = [f"<strong>{html.escape(text)}</strong>" if value == current
             else f'<a href="{_link(params, anchor, **{key: value, extra: ""} if extra else {key: value})}">'
                  f"{html.escape(text)}</a>" for value, text in options]
    return f'<p class="filters">{" · ".join(links)}</p>'


def _int(params: dict[str, str], key: str) -> int:
    text = params.get(key, "")
    return min(int(text), 10**9) if text.isdigit() else 0


PAGE_ROWS = 50
_DEVICE_HEADS = [("name", "名称"), ("", "编号尾号"), ("", "干部"), ("", "负责村"), ("enrolled", "加入时间"),
                 ("last_sync", "上次同步"), ("", "方式"), ("", "同步次数"), ("conflicts", "未解决冲突"),
                 ("pending", "待发给它"), ("", "状态")]


def _device_sort(params: dict[str, str]) -> tuple[str, bool]:
    sort = params.get("sort", "last_sync")
    return (sort if sort in DEVICE_SORTS else "last_sync"), params.get("desc") == "1"


def _devices_section(every: list[dict[str, Any]], params: dict[str, str]) -> str:
    """The device table of ``every`` device (sorted as ``params`` say), filtered as ``params`` say."""
    sort, desc = _device_sort(params)
    shown = {"active": lambda d: d["revoked_at"] is None, "stale": lambda d: d["stale"],
             "revoked": lambda d: d["revoked_at"] is not None}.get(params.get("devices", ""), lambda d: True)
    listing = Listing([d for d in every if shown(d)], 0)
    heads = []
    for key, text in _DEVICE_HEADS:
        if not key:
            heads.append(html.escape(text))
            continue
        mark = (" ▼" if desc else " ▲") if key == sort else ""
        flip = "1" if key == sort and not desc else ""
        heads.append(f'<a href="{_link(params, "devices", sort=key, desc=flip)}" title="按此列排序">'
                     f"{html.escape(text)}{mark}</a>")
    rows = []
    for d in listing.rows:
        status, css = _sync_status(d)
        pending = "—" if d["revoked_at"] else f"{d['not_yet_sent']:,}"
        rows.append((css, [d["name"], d["id_tail"], d["cadre"], "、".join(d["villages"]), d["enrolled_local"],
                           d["last_sync_local"] or "从未", {"http": "网络", "usb": "U盘"}.get(d["last_transport"] or "",
                                                                                        "—"),
                           d["syncs"], d["open_conflicts"], pending, status]))
    filters = _choices(params, "devices", "devices", [("", "全部"), ("active", "正常使用"),
                                                      ("stale", "超过一周未同步"), ("revoked", "已吊销")])
    return ('<h2 id="devices">设备</h2>' + filters + _rows_table(heads, rows)
            + '<p class="note">待发给它：服务器在它上次同步之后收到、属于它负责的村的修改条数（下次同步时发给它）。'
              "点列名排序。</p>")


def _villages_section(every: list[dict[str, Any]], params: dict[str, str]) -> str:
    lagging = params.get("villages") == "lagging"
    listing = Listing([v for v in every if v["lagging"] or not lagging], 0)
    rows = []
    for v in listing.rows:
        if v["devices"] == 0:
            lag, css = "无设备负责", "stale"
        elif v["lag_days"] is None:
            lag, css = "从未同步", "stale"
        else:
            lag, css = (f"{v['lag_days']} 天", "stale" if v["lagging"] else "")
        rows.append((css, [v["name"], v["code"] or "—", v["households"], v["members"], v["visits"], v["devices"],
                           v["last_sync_local"] or "—", v["last_edit_local"] or "—", lag]))
    filters = _choices(params, "villages", "villages", [("", "全部"), ("lagging", "只看落后一周以上的村")])
    return ('<h2 id="villages">各村数量与同步</h2>' + filters
            + _rows_table(_heads("村", "区划代码", "户数", "人数", "走访", "设备数",
                                                    "最近同步", "最近一次修改", "落后"), rows)
            + '<p class="note">最近同步：负责该村的设备最近一次同步；'
              "落后：距那次同步的天数（最久未同步的村在前）。</p>")


def _conflicts_section(server: Server, params: dict[str, str]) -> str:
    status = params.get("conflicts", "open")
    listing = conflicts(server, PAGE_ROWS, _int(params, "c_offset"), status=status if status in ("open", "resolved",
                                                                                                  "all") else "open")
    rows = [("", [c["detected_local"], c["hh_no"] or "—", c["head_name"] or "—", c["table"], c["field_label"],
                  c["winner"], c["winner_who"], c["loser"], c["loser_who"], c["kind_text"],
                  "已处理" if c["resolved"] else "待处理"]) for c in listing.rows]
    filters = _choices(params, "conflicts", "conflicts", [("open", "待处理"), ("resolved", "已处理"), ("all", "全部")],
                       extra="c_offset")
    return ('<h2 id="conflicts">冲突（两台设备改了同一处）</h2>' + filters
            + _rows_table(_heads("发现时间", "户编号", "户主", "记录", "字段", "保留的值", "保留值来自",
                                                    "另一个值", "另一个值来自", "类型", "状态"), rows)
            + _pager(listing, PAGE_ROWS, params, "c_offset", "conflicts"))


def _quarantine_section(server: Server, params: dict[str, str]) -> str:
    status = params.get("quarantine", "")
    status = status if status in (*_QUARANTINE_STATUS, "all") else ""
    groups = quarantine_groups(server, status=status)
    listing = quarantine(server, PAGE_ROWS, _int(params, "q_offset"), status=status)
    total = sum(g["count"] for g in groups)
    grouped = _rows_table(_heads("状态", "记录", "原因", "条数"),
                          [("waiting" if g["status"] == "open" else "", [g["status_text"], g["table"],
                                                                         g["reason_group"], f"{g['count']:,}"])
                           for g in groups]
                          + ([("total", ["合计", "", "", f"{total:,}"])] if groups else []))
    rows = [("waiting" if q["status"] == "open" else "",
             [q["id"], q["status_text"].split("（")[0], q["received_local"], q["origin_who"], q["table"],
              q["hh_no"] or "—", q["head_name"] or "—", q["fields"] or "—", q["reason_text"]]) for q in listing.rows]
    filters = _choices(params, "quarantine", "quarantine", [("", "待审与已拒绝"), ("open", "待审"),
                                                            ("refused", "已拒绝"), ("all", "全部")], extra="q_offset")
    return ('<h2 id="quarantine">隔离与拒绝的修改</h2>' + filters + grouped
            + _rows_table(_heads("编号", "状态", "收到时间", "来源设备", "记录", "户编号", "户主或姓名",
                                                    "字段", "原因"), rows)
            + _pager(listing, PAGE_ROWS, params, "q_offset", "quarantine")
            + '<p class="note">待审的排在前面：它们等区县审核（在笔记本的“同步冲突与隔离”里处理）；'
              "已拒绝的只作记录。</p>")


def _chain_section(server: Server) -> str:
    rows = [("", [b["at_local"], b["device_who"], b["origin_seq"], b["origin_who"], b["kind"], b["message"],
                  TRANSPORTS.get(b["transport"] or "", b["transport"] or "")])
            for b in chain_breaks(server, PAGE_ROWS).rows]
    return ('<h2 id="chain">记录链断裂（被拒收的同步包）</h2>'
            + _rows_table(_heads("时间", "设备", "断在第几条", "来源设备", "问题", "说明", "方式"), rows))


def _audit_section(server: Server, params: dict[str, str]) -> str:
    action = params.get("action", "")
    listing = audit(server, PAGE_ROWS, _int(params, "a_offset"), action=action if action in ACTIONS else "",
                    outcome=params.get("outcome", "") if params.get("outcome") in OUTCOMES else "")
    rows = [("bad" if a["outcome"] == "refused" else "",
             [a["at_local"], a["device_who"], a["action_text"], a["outcome_text"], a["reason_text"],
              a["transport_text"], a["remote"] or "", a["detail_text"]]) for a in listing.rows]
    filters = (_choices(params, "action", "audit", [("", "全部操作"), *ACTIONS.items()], extra="a_offset")
               + _choices(params, "outcome", "audit", [("", "全部结果"), *OUTCOMES.items()], extra="a_offset"))
    return ('<h2 id="audit">审计日志</h2>' + filters
            + _rows_table(_heads("时间", "设备", "操作", "结果", "原因", "方式", "来自", "详情"), rows)
            + _pager(listing, PAGE_ROWS, params, "a_offset", "audit"))


def _summary(server: Server, devs: list[dict[str, Any]], towns: list[dict[str, Any]]) -> str:
    with server.db.read() as conn:
        open_conflicts = int(conn.execute(select(func.count()).select_from(_C).where(
            _C.c.resolved.is_(False), _C.c.kind != "clock")).scalar() or 0)
        waiting = int(conn.execute(select(func.count()).select_from(_Q).where(_Q.c.status == "open")).scalar() or 0)
    live = [d for d in devs if not d["revoked_at"]]
    stale = sum(d["stale"] for d in live)
    behind = sum(v["lagging"] for v in towns)

    def item(text: str, count: int, anchor: str, bad: bool) -> str:
        css = ' class="bad"' if bad and count else ""
        return f'<a href="#{anchor}"{css}>{html.escape(text)} {count:,}</a>'

    return ('<p class="summary">' + " · ".join([
        item("设备", len(live), "devices", False), item("超过一周未同步", stale, "devices", True),
        item("已吊销", len(devs) - len(live), "devices", False), item("落后一周以上的村", behind, "villages", True),
        item("未处理冲突", open_conflicts, "conflicts", True), item("待审修改", waiting, "quarantine", True)]) + "</p>")


def _refused_by_child(conn: Any, device_id: str) -> int:
    """The changes of a child server's packages refused here (outside its scope), from the audit log."""
    total = 0
    for row in conn.execute(select(_AU.c.detail).where(_AU.c.device_id == device_id, _AU.c.outcome == "ok",
                                                       _AU.c.action == "sync").order_by(_AU.c.id.desc()).limit(1000)):
        try:
            total += int(json.loads(row.detail or "{}").get("refused") or 0)
        except (ValueError, TypeError, AttributeError):
            continue
    return total


def children(every: list[dict[str, Any]], server: Server) -> list[dict[str, Any]]:
    """The child servers among ``every`` device row (:func:`devices`), each with the changes refused from it."""
    found = [dict(d) for d in every if d.get("kind") == registry.SERVER_KIND]
    if found:
        with server.db.read() as conn:
            for d in found:
                d["refused"] = _refused_by_child(conn, d["device_id"])
    return found


def _children_section(kids: list[dict[str, Any]]) -> str:
    if not kids:
        return ""
    rows = []
    for d in kids:
        status, css = _sync_status(d)
        scope = d["area"] or f"{len(d['scope'])} 个村"
        rows.append((css, [d["name"], d["id_tail"], scope, d["last_sync_local"] or "从未",
                           "—" if d["revoked_at"] else f"{d['not_yet_sent']:,}", f"{d['refused']:,}", status]))
    heads = _heads("名称", "编号尾号", "范围", "上次同步", "待发给它", "被拒绝的修改", "状态")
    return ('<h2 id="children">下级服务器</h2>' + _rows_table(heads, rows)
            + '<p class="note">下级服务器（如区县服务器）像笔记本一样加入本服务器并向上同步；'
              "被拒绝的修改：超出其范围或由上级维护、未应用的修改条数。</p>")


def page(server: Server, params: dict[str, str] | None = None) -> str:
    params = {k: v[:32] for k, v in (params or {}).items()}
    sort, desc = _device_sort(params)
    devs = devices(server, sort=sort, desc=desc).rows  # once: each device's backlog is a query
    # a child server has its own section: the device table and its counts are the laptops'
    laptops = [d for d in devs if d.get("kind") != registry.SERVER_KIND]
    towns = villages(server, sort="lag").rows
    parts = [_summary(server, laptops, towns), _children_section(children(devs, server)),
             _devices_section(laptops, params), _villages_section(towns, params),
             _conflicts_section(server, params), _quarantine_section(server, params), _chain_section(server),
             _audit_section(server, params), reports_section(server), verify_form(focus=False)]
    nav = " · ".join(f'<a href="{href}">{text}</a>' for href, text in (
        ("#devices", "设备"), ("#villages", "各村"), ("#conflicts", "冲突"), ("#quarantine", "隔离与拒绝"),
        ("#audit", "审计日志"), ("#reports", "汇总上报"), ("/admin/verify", "核对签字验证码"),
        ("/dashboard", "挂图作战")))
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>管理 · '
            f"{html.escape(server.config.name)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{html.escape(server.config.name)}</h1>"
            f'<p class="note">服务器编号尾号 {id_tail(server.device_id)} · 时间为 {html.escape(server.config.timezone)}'
            f"（{'北京时间' if server.config.timezone == 'Asia/Shanghai' else '服务器设定的时区'}）"
            " · 只读页面，刷新查看最新情况</p>"
            f'<nav>{nav}</nav>{"".join(parts)}</body></html>')


def home_page(server: Server) -> str:
    """``/``: what this server is and where its pages are."""
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>'
            f"{html.escape(server.config.name)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{html.escape(server.config.name)}</h1>"
            "<p>FieldApp 驻村帮扶工作台的区县服务器。笔记本通过它同步数据。</p>"
            '<ul><li><a href="/admin">管理页面</a>：设备、各村同步情况、冲突、隔离与拒绝的修改、审计日志'
            "（在服务器本机打开，或凭管理口令）</li>"
            '<li><a href="/dashboard">挂图作战</a>：全区县的图表</li></ul></body></html>')


def register(app: FastAPI, server: Server) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        return HTMLResponse(home_page(server))

    @app.get("/admin", response_class=HTMLResponse, include_in_schema=False)
    def admin_page(request: Request) -> HTMLResponse:
        check_access(server, request)
        return HTMLResponse(page(server, dict(request.query_params)), headers={"Cache-Control": "no-store"})

    @app.get("/admin/reports", response_class=HTMLResponse, include_in_schema=False)
    def admin_reports(request: Request, period: str = "") -> HTMLResponse:
        check_access(server, request)
        return HTMLResponse(reports_page(server, period[:16]), headers={"Cache-Control": "no-store"})

    @app.get("/admin/api/reports", include_in_schema=False)
    def admin_api_reports(request: Request, period: str = "") -> JSONResponse:
        check_access(server, request)
        try:
            return JSONResponse(reports(server, period[:16]), headers={"Cache-Control": "no-store"})
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    @app.get("/admin/verify", response_class=HTMLResponse, include_in_schema=False)
    def admin_verify(request: Request, code: str = "") -> HTMLResponse:
        check_access(server, request)
        return HTMLResponse(verify_page(server, code[:64]), headers={"Cache-Control": "no-store"})

    @app.get("/admin/api/quarantine/groups", include_in_schema=False)
    def admin_quarantine_groups(request: Request, status: str = "", tbl: str = "", origin: str = "") -> JSONResponse:
        check_access(server, request)
        return JSONResponse(quarantine_groups(server, status=status[:16], tbl=tbl[:32], origin=origin[:36]),
                            headers={"Cache-Control": "no-store"})

    for name, (view, filters) in _VIEWS.items():
        app.add_api_route(f"/admin/api/{name}", _json_route(server, view, filters), methods=["GET"],
                          name=f"admin_{name}",
                          summary=f"管理视图：{name}（只读；limit、offset 分页，总数在 X-Total-Count）",
                          responses={401: {"description": "需要管理口令"}, 422: {"description": "参数有误"}})


#: the JSON views and the filters each takes from the query string (query name → keyword)
_VIEWS: dict[str, tuple[Any, dict[str, str]]] = {
    "devices": (devices, {"sort": "sort", "state": "state_"}),
    "villages": (villages, {"sort": "sort"}),
    "conflicts": (conflicts, {"status": "status", "kind": "kind", "device": "device"}),
    "quarantine": (quarantine, {"status": "status", "tbl": "tbl", "origin": "origin"}),
    "audit": (audit, {"device": "device_id", "action": "action", "outcome": "outcome", "reason": "reason"}),
    "chain": (chain_breaks, {}),
}
_FLAGS = {"desc": "desc", "lagging": "lagging"}


def _json_route(server: Server, view: Any, filters: dict[str, str]) -> Any:
    """``GET /admin/api/NAME?limit=&offset=&FILTER=…``: a JSON list of one page of rows; the total that matched in
    ``X-Total-Count``, the next page's offset in ``X-Next-Offset`` (absent on the last page)."""
    accepted = set(inspect.signature(view).parameters)
    flags = [name for name, kw in _FLAGS.items() if kw in accepted]

    def endpoint(request: Request) -> JSONResponse:
        check_access(server, request)
        query = request.query_params
        try:
            limit = int(query.get("limit", PAGE_ROWS))
            offset = int(query.get("offset", 0))
        except ValueError:
            return JSONResponse({"reason": "invalid", "message": "limit 和 offset 应为整数"}, status_code=422)
        if not 1 <= limit <= MAX_LIMIT or offset < 0:
            return JSONResponse({"reason": "invalid", "message": f"limit 应在 1–{MAX_LIMIT} 之间，offset 不小于 0"},
                                status_code=422)
        known = ["limit", "offset", *filters, *flags]
        unknown = sorted(set(query) - set(known))
        if unknown:
            return JSONResponse({"reason": "invalid", "message": f"不认识的参数：{'、'.join(unknown)}"
                                 f"（可用：{'、'.join(known)}）"}, status_code=422)
        kwargs: dict[str, Any] = {kw: query[name][:64] for name, kw in filters.items() if name in query}
        kwargs |= {_FLAGS[name]: query[name] in ("1", "true", "yes") for name in flags if name in query}
        listing = view(server, limit, offset, **kwargs)
        headers = {"Cache-Control": "no-store", "X-Total-Count": str(listing.total)}
        if listing.next_offset is not None:
            headers["X-Next-Offset"] = str(listing.next_offset)
        return JSONResponse(listing.rows, headers=headers)

    return endpoint
