"""挂图作战 on the district server: a read-only web page of the four charts for the district, a town or a
village and a year, and each village's standing (``GET /dashboard?area=ID&year=YYYY``; the standing as JSON
at ``/dashboard/api/status``).

The figures are :mod:`fieldapp.services.charts.figures` read from the server's database (the district's
synced tables, SQLite or PostgreSQL), drawn as inline SVG by :mod:`fieldapp.services.charts.web`
(the drawings of the app's page and the wall posters, written by reportlab's renderSVG). Access is
the admin page's (:func:`fieldapp.server.admin.check_access`: this machine, or the admin token). The page
fetches nothing from elsewhere — no script, no CDN; its one asset, the Chinese font, comes from this server
(``/dashboard/font.ttf``) — so it works on a district network without internet.

Counts only: the page shows how many households and people stand behind each number, never who. A
drill-down to the households (names, 户编号) stays on the laptops of the people responsible for them.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from fieldapp.domain import charts as ch
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.server import admin
from fieldapp.server.registry import Refused
from fieldapp.server.storage import Server
from fieldapp.server.webfont import web_font
from fieldapp.services.charts import figures, web
from fieldapp.services.printing.fonts import FONT

PATH = "/dashboard"
FONT_PATH = "/dashboard/font.ttf"
FIRST_YEAR, LAST_YEAR = 2000, 2100
TITLES = {"distribution": "贫困对象分布图", "measures": "计划措施细则图", "industries": "产业发展规划图",
          "progress": "任务进度进展图"}
_FONTS = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","FieldApp Hei",sans-serif'
_STYLE = (
    # the drawings name the font the PDFs embed; the same face from this server keeps their text where it was measured
    f'@font-face{{font-family:"{FONT}";src:url({FONT_PATH}) format("truetype");font-display:block}}'
    f'@font-face{{font-family:"FieldApp Hei";src:url({FONT_PATH}) format("truetype");font-display:block}}'
    f"body{{font-family:{_FONTS};margin:1.2em 1.5em;color:#212529;background:#fff}}"
    "h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:.2em 0 .4em}"
    "nav{margin:.6em 0;line-height:1.9}nav a{margin-right:.6em}nav .town{font-weight:bold}"
    "a.current{background:#1c7ed6;color:#fff;padding:.1em .35em;border-radius:3px;text-decoration:none}"
    ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(880px,1fr));gap:1em}"
    "section.chart{border:1px solid #dee2e6;border-radius:6px;padding:.6em .8em;overflow-x:auto}"
    "section.chart svg{max-width:100%;height:auto;display:block}"
    "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ced4da;padding:.2em .45em;"
    "font-size:88%;text-align:right}th{background:#e7f5ff}td.name,th.name{text-align:left}"
    ".muted{color:#868e96}.bad{color:#c92a2a}.ok{color:#2b8a3e}")


# -- data ------------------------------------------------------------------------------------------


def _year(year: int | None, now: dt.datetime) -> int:
    return year if year is not None else now.year


def statuses(server: Server, ref: RefData, area_id: str, year: int, as_of: dt.datetime) -> list[dict[str, Any]]:
    """Each village's standing under the area, as JSON-ready counts."""
    found = []
    for s in figures.village_statuses(server.db, ref, area_id, year, as_of):
        row = asdict(s)
        row["village"] = {"id": s.village.id, "name": s.village.name, "code": s.village.code}
        row["town"] = None if s.town is None else {"id": s.town.id, "name": s.town.name, "code": s.town.code}
        row["exits"] = {"done": s.exits.done, "target": s.exits.target, "gap": s.exits.gap}
        found.append(row)
    return found


# -- page ------------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _link(area_id: str, year: int, text: str, current: bool = False, css: str = "") -> str:
    classes = " ".join(c for c in (css, "current" if current else "") if c)
    attrs = f' class="{classes}"' if classes else ""
    attrs += ' aria-current="page"' if current else ""
    href = _e(f'{PATH}?{urlencode({"area": area_id, "year": year})}')
    return f'<a href="{href}"{attrs}>{_e(text)}</a>'


def _chooser(scopes: list[ch.Scope], scope: ch.Scope, year: int) -> str:
    """Links to every scope (the district, each town followed by its villages) and to the years around."""
    parts = []
    for s in scopes:
        if s.level == ch.TOWN:
            parts.append("<br>")
        css = {ch.DISTRICT: "district", ch.TOWN: "town", ch.VILLAGE: "village"}[s.level]
        parts.append(_link(s.area_id, year, s.name, s.area_id == scope.area_id, css))
    years = " ".join(_link(scope.area_id, y, f"{y}年", y == year) for y in range(year - 2, year + 2)
                     if FIRST_YEAR <= y <= LAST_YEAR)
    return f'<nav aria-label="范围">{"".join(parts)}</nav><nav aria-label="年度">年度：{years}</nav>'


def _table(heads: list[str], rows: list[list[Any]], *, first_name: bool = True) -> str:
    def cell(i: int, value: object, tag: str) -> str:
        css = ' class="name"' if i == 0 and first_name else ""
        return f"<{tag}{css}>{value if isinstance(value, _Raw) else _e(value)}</{tag}>"

    head = "".join(cell(i, h, "th") for i, h in enumerate(heads))
    body = "".join("<tr>" + "".join(cell(i, c, "td") for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Raw(str):
    """Markup already escaped (a link in a table cell)."""


def _distribution_table(d: ch.Distribution) -> str:
    rows = [[r.unit.name, r.households.value, r.people.value, r.general.value, r.dibao.value, r.tekun.value,
             r.poor.value, r.exited.value, r.monitored.value] for r in (*d.rows, d.total)]
    rows[-1][0] = "合计"
    return _table(["单位", "户数", "人数", "一般户", "低保户", "特困户", "未脱贫", "已脱贫", "监测户"], rows)


def _measures_table(m: ch.Measures, labels: dict[str, str]) -> str:
    rows = [[labels.get(r.type, r.type), r.planned.value, r.done.value, r.covered.value, format_yuan(r.amount)]
            for r in m.rows if r.planned.value]
    rows.append(["合计", m.planned.value, m.done.value, m.covered.value,
                 format_yuan(sum(r.amount for r in m.rows))])
    return _table(["措施类型", "计划（项）", "已落实", "覆盖户数", "资金（元）"], rows)


def _industries_table(i: ch.Industries, labels: dict[str, str]) -> str:
    shown = [r for r in i.rows if r.total.households.value or r.total.plan is not None]
    if not shown:
        return ""

    def cell(c: ch.IndustryCell) -> str:
        return f"{c.households.value}" + ("" if c.plan is None else f"/{c.plan}")

    rows = [[labels.get(r.industry, r.industry), *(cell(c) for c in r.units), cell(r.total),
             format_yuan(r.total.amount)] for r in shown]
    return ('<p class="muted">各单位：已发展户/计划户</p>'
            + _table(["产业", *(u.name for u in i.units), "合计", "资金（元）"], rows))


def _progress_table(p: ch.Progress) -> str:
    months = [m for m in p.months if not m.future]
    rows = [[f"{m.month}月", m.households.value, m.people.value, m.cumulative_households, m.cumulative_people,
             m.entries.value, m.monitored.value] for m in months]
    goals = [["脱贫户", p.households.done, p.households.target, p.households.gap],
             ["脱贫人口", p.people.done, p.people.target, p.people.gap],
             ["摘帽村", p.villages.done, p.villages.target, p.villages.gap]]
    dash = [[g[0], *("—" if v is None else v for v in g[1:])] for g in goals]
    return (_table(["目标", "完成", "目标数", "差距"], dash)
            + _table(["月份", "脱贫户", "脱贫人口", "累计户", "累计人", "新识别/返贫", "纳入监测"], rows))


def _status_table(rows: list[ch.VillageStatus], year: int) -> str:
    def standing(s: ch.VillageStatus) -> _Raw:
        if s.exits.target is None:
            return _Raw('<span class="muted">未定目标</span>')
        if s.exits.gap:
            return _Raw(f'<span class="bad">差 {s.exits.gap} 户</span>')
        return _Raw('<span class="ok">已完成</span>')

    body = [[_Raw(_link(s.village.id, year, s.village.name)), s.town.name if s.town else "—", s.households, s.people,
             s.poor, s.exited, s.monitored, f"{s.measures_done}/{s.measures_planned}",
             f"{s.exits.done}/{'—' if s.exits.target is None else s.exits.target}", standing(s),
             {None: "—", True: "是", False: "否"}[s.poor_village], s.out_year or "—"] for s in rows]
    return _table(["村", "乡镇", "户数", "人数", "未脱贫", "已脱贫", "监测户", "措施 落实/计划", "本年脱贫 完成/目标",
                   "进度", "贫困村", "摘帽年份"], body)


def _document(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{_e(title)}</title>'
            f"<style>{_STYLE}</style></head><body>{body}</body></html>")


def _labels(ref: RefData, name: str) -> dict[str, str]:
    return {c.code: c.text() for c in ref[name].codes}


def _children_line(server: Server) -> str:
    """One line on the child servers (districts enrolled with this city), if any: how many, how many silent."""
    from fieldapp.server import registry

    with server.db.read() as conn:
        kids = [d for d in registry.devices(conn) if d.is_server and d.revoked_at is None]
    if not kids:
        return ""
    week_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    silent = [d.name for d in kids if d.last_sync is None or d.last_sync < week_ago]
    text = f"下级服务器 {len(kids)} 台" + (f"，超过一周未同步：{'、'.join(silent)}" if silent else "，均在一周内同步过")
    return f'<p class="muted"><a href="/admin#children">{_e(text)}</a></p>'


def page(server: Server, ref: RefData, area: str | None, year: int | None, now: dt.datetime | None = None) -> str:
    """The dashboard of the area (the widest scope the server holds when none is given) and year."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    year = _year(year, now)
    scopes = figures.scopes(server.db)
    head = f'<p><a href="/admin">管理页面</a> · 只读 · 生成于 {now:%Y-%m-%d %H:%M}</p>' + _children_line(server)
    area_id = area or (scopes[0].area_id if scopes else None)
    if area_id is None:
        return _document("挂图作战", head + "<h1>挂图作战</h1><p class=\"muted\">服务器上还没有区县、乡镇和村的数据："
                         "笔记本同步后出现。</p>")
    try:
        charts = figures.all_charts(server.db, ref, area_id, year, now)
    except ch.ChartError as exc:
        raise Refused(404, "unknown-area", f"{exc}：请从挂图作战页面的范围链接进入") from None
    village_rows = figures.village_statuses(server.db, ref, area_id, year, now)
    pictures = web.charts_svg(charts, ref)
    measure_labels, industry_labels = _labels(ref, "measure_type"), _labels(ref, "industry")
    data_time = f"{charts.data_time:%Y-%m-%d %H:%M}" if charts.data_time else "（无数据）"
    tables = {"distribution": _distribution_table(charts.distribution),
              "measures": _measures_table(charts.measures, measure_labels),
              "industries": _industries_table(charts.industries, industry_labels),
              "progress": _progress_table(charts.progress)}
    sections = "".join(
        f'<section class="chart" id="{key}"><h2>{TITLES[key]}</h2>{getattr(pictures, key)}{tables[key]}</section>'
        for key in TITLES)
    level = {ch.DISTRICT: "区县", ch.TOWN: "乡镇", ch.VILLAGE: "村"}[charts.scope.level]
    body = (f"{head}<h1>挂图作战 · {_e(charts.scope.name)}（{level}）{year}年</h1>"
            f'<p class="muted">数据截至 {data_time}（服务器收到的最新修改）；只显示户数与人数，不显示个人信息。</p>'
            f"{_chooser(scopes, charts.scope, year)}<div class=\"grid\">{sections}</div>"
            f'<section id="villages"><h2>各村进展（{len(village_rows)} 个村）</h2>'
            f"{_status_table(village_rows, year)}</section>")
    return _document(f"挂图作战 · {charts.scope.name} {year}年", body)


def register(app: FastAPI, server: Server) -> None:
    ref = RefData()
    year_query = Query(None, ge=FIRST_YEAR, le=LAST_YEAR, description="年度（默认今年）")

    @app.get(PATH, response_class=HTMLResponse, include_in_schema=False)
    async def dashboard(request: Request, area: str | None = Query(None, max_length=64),
                        year: int | None = year_query) -> HTMLResponse:
        admin.check_access(server, request)
        text = await run_in_threadpool(page, server, ref, area, year)
        return HTMLResponse(text, headers={"Cache-Control": "no-store"})

    @app.get("/dashboard/api/status", summary="挂图作战：各村进展（只读，只有数量）",
             responses={401: {"description": "需要管理口令"}, 404: {"description": "没有这个区域"}})
    async def status(request: Request, area: str | None = Query(None, max_length=64),
                     year: int | None = year_query) -> JSONResponse:
        admin.check_access(server, request)
        now = dt.datetime.now().replace(microsecond=0)
        widest = None if area else figures.default_scope(server.db)
        area_id = area or (widest.area_id if widest else None)
        if area_id is None:
            return JSONResponse([], headers={"Cache-Control": "no-store"})
        try:
            rows = await run_in_threadpool(statuses, server, ref, area_id, _year(year, now), now)
        except ch.ChartError as exc:
            raise Refused(404, "unknown-area", str(exc)) from None
        return JSONResponse(rows, headers={"Cache-Control": "no-store"})

    @app.get(FONT_PATH, include_in_schema=False)
    async def font(request: Request) -> Response:
        admin.check_access(server, request)
        data = await run_in_threadpool(web_font)
        return Response(data, media_type="font/ttf", headers={"Cache-Control": "private, max-age=86400"})
