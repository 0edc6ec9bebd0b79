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
import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import Table, func, select

from fieldapp.server import registry
from fieldapp.server.registry import Refused
from fieldapp.server.storage import Server
from fieldapp.store.models import Area, Household, Member, SyncConflict, SyncQuarantine, Visit
from fieldapp.sync import state

_A: Table = Area.__table__  # type: ignore[assignment]
_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]
_C: Table = SyncConflict.__table__  # type: ignore[assignment]
_Q: Table = SyncQuarantine.__table__  # type: ignore[assignment]
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_FORWARDED = ("x-forwarded-for", "x-real-ip", "forwarded")


# -- data -------------------------------------------------------------------------------------

def _village_names(conn: Any) -> dict[str, str]:
    return {r.id: r.name for r in conn.execute(select(_A.c.id, _A.c.name).where(_A.c.level == "village"))}


def devices(server: Server) -> list[dict[str, Any]]:
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
            peer = peers.get(d.device_id)
            lacking = sum(max(0, s - int(peer.known.get(o, 0))) for o, s in held.items()) if peer else 0
            out.append({"device_id": d.device_id, "name": d.name, "cadre": d.cadre, "scope": d.scope,
                        "villages": [names.get(v, v[:8]) for v in d.scope], "enrolled_at": d.enrolled_at,
                        "revoked_at": d.revoked_at, "last_sync": d.last_sync, "last_transport": d.last_transport,
                        "syncs": d.syncs, "open_conflicts": int(conflicts.get(d.device_id, 0)),
                        "not_yet_sent": lacking})
    return out


def villages(server: Server) -> list[dict[str, Any]]:
    with server.db.read() as conn:
        live_h = _H.c.deleted.is_(False)
        hh: dict[str, int] = dict(conn.execute(
            select(_H.c.village_id, func.count()).where(live_h).group_by(_H.c.village_id)).all())
        members = _M.join(_H, _M.c.household_id == _H.c.id)
        mm: dict[str, int] = dict(conn.execute(
            select(_H.c.village_id, func.count()).select_from(members)
            .where(live_h, _M.c.deleted.is_(False)).group_by(_H.c.village_id)).all())
        vv: dict[str, int] = dict(conn.execute(
            select(_V.c.village_id, func.count()).where(_V.c.deleted.is_(False)).group_by(_V.c.village_id)).all())
        areas = conn.execute(select(_A.c.id, _A.c.name, _A.c.code)
                             .where(_A.c.level == "village", _A.c.deleted.is_(False))
                             .order_by(_A.c.code, _A.c.name)).all()
        scopes = [d.scope for d in registry.devices(conn) if d.revoked_at is None]
    rows = [(a.id, a.name, a.code) for a in areas] + [(v, None, None) for v in hh if v not in {a.id for a in areas}]
    return [{"village_id": vid, "name": name or vid[:8], "code": code, "households": int(hh.get(vid, 0)),
             "members": int(mm.get(vid, 0)), "visits": int(vv.get(vid, 0)),
             "devices": sum(vid in s for s in scopes)} for vid, name, code in rows]


def quarantine(server: Server, limit: int = 200) -> list[dict[str, Any]]:
    with server.db.read() as conn:
        rows = conn.execute(select(_Q).where(_Q.c.status.in_(("open", "refused"))).order_by(_Q.c.id.desc())
                            .limit(limit)).mappings().all()
    return [{k: r[k] for k in ("id", "origin", "origin_seq", "tbl", "row_id", "reason", "received_at", "status")}
            for r in rows]


def chain_breaks(server: Server, limit: int = 200) -> list[dict[str, Any]]:
    """Packages refused because the sending device's change-log chain broke: which device, where, what."""
    with server.db.read() as conn:
        rows = registry.audit_rows(conn, limit=limit, reason="chain")
        names = {d.device_id: d.name for d in registry.devices(conn)}
    return [{"at": r["at"], "device_id": r["device_id"], "device": names.get(r["device_id"] or "", ""),
             "origin": r["detail"].get("origin"), "origin_seq": r["detail"].get("origin_seq"),
             "kind": r["detail"].get("kind"), "what": r["detail"].get("what") or "",
             "message": r["detail"].get("message") or "", "transport": r["transport"],
             "package_id": r["package_id"]} for r in rows]


def audit(server: Server, limit: int = 200, device_id: str | None = None) -> list[dict[str, Any]]:
    with server.db.read() as conn:
        return registry.audit_rows(conn, limit=limit, device_id=device_id)


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


_STYLE = ("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1.5em}"
          "td,th{border:1px solid #bbb;padding:.25em .5em;font-size:90%}th{background:#eef}"
          ".ok{color:#1a7f37}.bad{color:#b42318}.warn{color:#9a6700}")


def verify_form(code: str = "") -> str:
    """The form that checks a printed sign-off code (GET /admin/verify?code=…)."""
    return ('<h2>核对签字验证码</h2><form method="get" action="/admin/verify">'
            '<label for="code">验证码（打印件上的 ABCDE-12345-X 或扫描二维码所得）</label> '
            f'<input id="code" name="code" value="{html.escape(code)}" size="24" autocomplete="off" autofocus> '
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


def page(server: Server) -> str:
    devs = devices(server)
    parts = [
        verify_form(),
        reports_section(server),
        _table("设备", ["设备", "名称", "干部", "负责村", "加入时间", "上次同步", "方式", "同步次数", "未解决冲突",
                      "待发给它", "状态"],
               [[d["device_id"][:8], d["name"], d["cadre"], "、".join(d["villages"]), d["enrolled_at"],
                 d["last_sync"] or "—", d["last_transport"] or "—", d["syncs"], d["open_conflicts"], d["not_yet_sent"],
                 f"已吊销 {d['revoked_at']}" if d["revoked_at"] else "正常"] for d in devs]),
        _table("记录链断裂（被拒收的同步包）",
               ["时间", "设备", "名称", "断在第几条", "来源设备", "问题", "说明", "方式"],
               [[b["at"], (b["device_id"] or "—")[:8], b["device"], b["origin_seq"], (b["origin"] or "—")[:8],
                 b["kind"], b["message"], b["transport"] or ""] for b in chain_breaks(server)]),
        _table("各村数量", ["村", "区划代码", "户数", "人数", "走访", "设备数"],
               [[v["name"], v["code"] or "—", v["households"], v["members"], v["visits"], v["devices"]]
                for v in villages(server)]),
        _table("隔离与拒绝的修改", ["编号", "来源设备", "序号", "表", "记录", "原因", "收到时间", "状态"],
               [[q["id"], q["origin"][:8], q["origin_seq"], q["tbl"], q["row_id"][:8], q["reason"], q["received_at"],
                 "已拒绝（无权写入）" if q["status"] == "refused" else "待审"] for q in quarantine(server)]),
        _table("审计日志（最近 200 条）", ["时间", "设备", "操作", "结果", "原因", "方式", "来自", "同步包", "详情"],
               [[a["at"], (a["device_id"] or "—")[:8], a["action"], a["outcome"], a["reason"] or "",
                 a["transport"] or "", a["remote"] or "", (a["package_id"] or "")[-8:],
                 json.dumps(a["detail"], ensure_ascii=False)[:200]]
                for a in audit(server)]),
    ]
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>FieldApp 区县服务器</title>'
            f"<style>{_STYLE}</style></head><body><h1>{html.escape(server.config.name)}"
            f"（{server.device_id[:8]}）</h1><p>只读页面；刷新查看最新情况。"
            f'<a href="/dashboard">挂图作战</a></p>{"".join(parts)}</body></html>')


def register(app: FastAPI, server: Server) -> None:
    @app.get("/admin", response_class=HTMLResponse, include_in_schema=False)
    def admin_page(request: Request) -> HTMLResponse:
        check_access(server, request)
        return HTMLResponse(page(server), headers={"Cache-Control": "no-store"})

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

    views = {"devices": devices, "villages": villages, "quarantine": quarantine, "audit": audit,
             "chain": chain_breaks}
    for name, view in views.items():
        app.add_api_route(f"/admin/api/{name}", _json_route(server, view), methods=["GET"], name=f"admin_{name}",
                          summary=f"管理视图：{name}（只读）", responses={401: {"description": "需要管理口令"}})


def _json_route(server: Server, view: Any) -> Any:
    def endpoint(request: Request) -> JSONResponse:
        check_access(server, request)
        return JSONResponse(view(server), headers={"Cache-Control": "no-store"})

    return endpoint
