"""The four charts as reportlab.graphics drawings: the one picture the posters print and the screen paints.

Each function returns a :class:`ChartDrawing`: a ``Drawing`` of :data:`WIDTH` × :data:`HEIGHT` points (the
chart area of an A3 landscape poster; A1 scales it by two) and the *hotspots*, the rectangles of the
numbers and bars with the :class:`~fieldapp.domain.charts.Cell` behind each, so a click on the screen
drills down to the households.

Made to read from two metres and in greyscale: type no smaller than :data:`SMALL` points on A3, every
bar and map place labelled with its number, series told apart by hatching as well as by colour, and the
map's classes by lightness (a sequential palette stays ordered in grey).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color

from fieldapp.domain import charts as ch
from fieldapp.domain.refdata import RefData
from fieldapp.services.charts import geomap
from fieldapp.services.charts.figures import Charts
from fieldapp.services.printing.fonts import FONT, register_fonts, string_width

WIDTH, HEIGHT = 1130.0, 690.0
TITLE, BIG, TEXT, SMALL = 30.0, 24.0, 20.0, 16.0
INK = colors.HexColor("#222222")
GREY = colors.HexColor("#777777")
SHORT_FILL = colors.HexColor("#F9D0CC")
RED = colors.HexColor("#B30000")  # an industry short of its plan


@dataclass(frozen=True)
class Series:
    """How one series is drawn: fill colour, hatching (``/``, ``\\``, ``x`` or none) and its name."""

    name: str
    fill: Color
    hatch: str = ""
    text: Color = INK  # colour of a number printed on the fill


GENERAL = Series("一般户", colors.HexColor("#9ECAE1"))
DIBAO = Series("低保户", colors.HexColor("#FD8D3C"), "/")
TEKUN = Series("特困户", colors.HexColor("#7A0177"), "x", colors.white)
SUPPORT_SERIES = {ch.GENERAL: GENERAL, ch.DIBAO: DIBAO, ch.TEKUN: TEKUN}
PLANNED = Series("计划", colors.HexColor("#C6DBEF"))
DONE = Series("已落实", colors.HexColor("#08519C"), "/", colors.white)
ACTUAL = Series("实有户数", colors.HexColor("#31A354"), "/", colors.white)
EXITED = Series("当月脱贫户", colors.HexColor("#3182BD"), "/", colors.white)
# map classes, light to dark: lightness keeps the order in greyscale
MAP_CLASSES = (colors.HexColor("#FFF5EB"), colors.HexColor("#FDBE85"), colors.HexColor("#FD8D3C"),
               colors.HexColor("#D94701"), colors.HexColor("#8C2D04"))


@dataclass(frozen=True)
class Hotspot:
    """A clickable rectangle (drawing coordinates, origin bottom left) and the households behind it."""

    x: float
    y: float
    w: float
    h: float
    cell: ch.Cell
    caption: str

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass
class ChartDrawing:
    title: str
    drawing: Drawing
    hotspots: list[Hotspot] = field(default_factory=list)

    def hit(self, x: float, y: float) -> Hotspot | None:
        """The smallest hotspot under the point (a number inside a bar wins over the bar)."""
        found = [h for h in self.hotspots if h.contains(x, y)]
        return min(found, key=lambda h: h.w * h.h) if found else None


# ---------------------------------------------------------------- primitives


def _new(title: str) -> ChartDrawing:
    # the bundled font from the start: reportlab's default (Helvetica) would be named but not embedded
    return ChartDrawing(title, Drawing(WIDTH, HEIGHT, initialFontName=register_fonts()))


def text(d: Drawing, x: float, y: float, value: str, size: float = TEXT, *, anchor: str = "start",
         colour: Color = INK, fit: float | None = None) -> None:
    """A string; ``fit``: the widest it may be (the size shrinks to fit, never below 60%)."""
    if fit is not None and value:
        width = string_width(value, size)
        if width > fit:
            size = max(size * 0.6, size * fit / width)
    d.add(String(x, y, value, fontName=FONT, fontSize=size, fillColor=colour, textAnchor=anchor))


Box = tuple[float, float, float, float]  # x, y, width, height


def hatch(d: Drawing, box: Box, kind: str, colour: Color, step: float = 9.0) -> None:
    """Hatching inside a rectangle: ``/`` rising lines, ``\\`` falling, ``x`` both."""
    x, y, w, h = box
    if w <= 0 or h <= 0 or not kind:
        return
    for rising in ([True] if kind == "/" else [False] if kind == "\\" else [True, False]):
        lo, hi = ((y - (x + w), y + h - x) if rising else (x + y, x + w + y + h))
        k = lo + step / 2
        while k < hi:
            if rising:  # y = x + k
                x1, x2 = max(x, y - k), min(x + w, y + h - k)
                if x2 > x1:
                    d.add(Line(x1, x1 + k, x2, x2 + k, strokeColor=colour, strokeWidth=1.2))
            else:  # y = k - x
                x1, x2 = max(x, k - (y + h)), min(x + w, k - y)
                if x2 > x1:
                    d.add(Line(x1, k - x1, x2, k - x2, strokeColor=colour, strokeWidth=1.2))
            k += step


def bar(d: Drawing, box: Box, s: Series) -> None:
    x, y, w, h = box
    if w <= 0 or h <= 0:
        return
    d.add(Rect(x, y, w, h, fillColor=s.fill, strokeColor=INK, strokeWidth=0.8))
    hatch(d, box, s.hatch, colors.white if s.text == colors.white else INK)


def legend(d: Drawing, x: float, y: float, items: Sequence[Series]) -> float:
    """A row of swatches with their names from (x, y); returns the x after it."""
    for s in items:
        bar(d, (x, y, 26, 18), s)
        text(d, x + 32, y + 2, s.name, SMALL)
        x += 32 + string_width(s.name, SMALL) + 24
    return x


def label_on(d: Drawing, box: Box, value: str, s: Series) -> None:
    """A number in a bar when it fits (on a white box over hatching, so it stays readable); else none: the
    caller prints the numbers beside the bars as well."""
    x, y, w, h = box
    size = min(TEXT, h * 0.7)
    width = string_width(value, size)
    if width + 8 <= w:
        d.add(Rect(x + w / 2 - width / 2 - 3, y + h / 2 - size * 0.45, width + 6, size * 1.05,
                   fillColor=s.fill if not s.hatch else colors.white, strokeColor=None))
        text(d, x + w / 2, y + h / 2 - size * 0.35, value, size, anchor="middle",
             colour=s.text if not s.hatch else INK)


def _wan(fen: int) -> str:
    """Fen as 万元 with one decimal (元 below ten thousand)."""
    yuan = fen / 100
    return f"{yuan / 10000:.1f}万元" if yuan >= 10000 else f"{yuan:.0f}元"


def _label(ref: RefData, name: str, code: str, lang: str) -> str:
    try:
        return ref[name].label(code, lang)
    except (KeyError, LookupError):
        return code


# ---------------------------------------------------------------- 贫困对象分布图


def _class_of(value: int, bounds: Sequence[int]) -> int:
    return sum(1 for b in bounds if value >= b)


def _map_bounds(values: Sequence[int]) -> list[int]:
    """Four class boundaries over the places' 未脱贫 counts (0 is its own class)."""
    top = max(values, default=0)
    if top <= 0:
        return [1, 2, 3, 4]
    step = max(1, math.ceil(top / 4))
    return [1, 1 + step, 1 + 2 * step, 1 + 3 * step]


def distribution(dist: ch.Distribution, *, map_file: Path | None = None) -> ChartDrawing:
    """Map (or tile grid) of the places on the left, stacked bars by support per unit on the right."""
    c = _new("贫困对象分布图")
    d = c.drawing
    map_w = 500.0
    places = list(dist.map_rows)
    bounds = _map_bounds([p.poor.value for p in places])
    # a village's own chart maps its groups, which have no boundaries: tiles
    shapes = (geomap.load(map_file, [(p.unit.area_id, p.unit.code, p.unit.name) for p in places])
              if map_file and dist.scope.level != ch.VILLAGE else None)
    box = (0.0, 70.0, map_w, HEIGHT - 110)
    text(d, 0, HEIGHT - 26, "示意图：" + ("村界（区县提供的边界文件）" if shapes else "每格一处，按代码排列"), SMALL,
         colour=GREY)
    if shapes:
        _draw_map(c, places, bounds, shapes, box)
    else:
        _draw_tiles(c, places, bounds, box)
    # map legend
    x = 0.0
    text(d, x, 40, "未脱贫户：", SMALL)
    x += string_width("未脱贫户：", SMALL) + 4
    names = ["0", *[f"{bounds[i]}–{bounds[i + 1] - 1}" if bounds[i + 1] - 1 > bounds[i] else str(bounds[i])
                    for i in range(3)], f"≥{bounds[3]}"]
    for colour, name in zip(MAP_CLASSES, names, strict=True):
        d.add(Rect(x, 38, 26, 18, fillColor=colour, strokeColor=INK, strokeWidth=0.8))
        text(d, x + 30, 40, name, SMALL)
        x += 36 + string_width(name, SMALL) + 10
    _draw_support_bars(c, dist, map_w + 40)
    return c


def _place_label(c: ChartDrawing, p: ch.DistributionRow, cx: float, cy: float, *, fill: Color, width: float) -> None:
    dark = fill in MAP_CLASSES[3:]
    colour = colors.white if dark else INK
    size = max(SMALL * 0.8, min(TEXT, width / 5))
    text(c.drawing, cx, cy + 2, p.unit.name, size, anchor="middle", colour=colour, fit=width - 6)
    line = f"{p.households.value}户 未脱贫{p.poor.value}"
    text(c.drawing, cx, cy - size, line, size * 0.85, anchor="middle", colour=colour, fit=width - 6)
    w = min(width, string_width(line, size * 0.85))
    c.hotspots.append(Hotspot(cx - w / 2, cy - size * 1.2, w, size * 2.4, p.households, f"{p.unit.name}：全部户"))
    if p.monitored.value:
        watched = f"监测{p.monitored.value}"
        text(c.drawing, cx, cy - size * 1.95, watched, size * 0.85, anchor="middle", colour=colour)
        w = string_width(watched, size * 0.85)
        c.hotspots.append(Hotspot(cx - w / 2, cy - size * 2.1, w, size * 0.9, p.monitored, f"{p.unit.name}：监测对象"))


def _draw_tiles(c: ChartDrawing, places: Sequence[ch.DistributionRow], bounds: Sequence[int],
                box: tuple[float, float, float, float]) -> None:
    x0, y0, w, h = box
    n = max(1, len(places))
    cols = max(1, math.ceil(math.sqrt(n * w / h)))
    rows = math.ceil(n / cols)
    tw = min(w / cols, 240.0)  # a lone village is a tile, not the whole map
    th = min(h / rows, tw * 0.7)
    left = x0 + (w - cols * tw) / 2
    top = y0 + h - (h - rows * th) / 2
    for i, p in enumerate(places):
        col, row = i % cols, i // cols
        x, y = left + col * tw, top - (row + 1) * th
        fill = MAP_CLASSES[_class_of(p.poor.value, bounds)]
        c.drawing.add(Rect(x + 3, y + 3, tw - 6, th - 6, fillColor=fill, strokeColor=INK, strokeWidth=1))
        c.hotspots.append(Hotspot(x + 3, y + 3, tw - 6, th - 6, p.poor, f"{p.unit.name}：未脱贫户"))
        _place_label(c, p, x + tw / 2, y + th / 2, fill=fill, width=tw - 6)


def _draw_map(c: ChartDrawing, places: Sequence[ch.DistributionRow], bounds: Sequence[int],
              shapes: geomap.MapShapes, box: tuple[float, float, float, float]) -> None:
    fitted = shapes.fitted(box)
    by_id = {p.unit.area_id: p for p in places}
    for place_id, rings in fitted.rings.items():
        p = by_id[place_id]
        fill = MAP_CLASSES[_class_of(p.poor.value, bounds)]
        for ring in rings:
            c.drawing.add(Polygon([v for pt in ring for v in pt], fillColor=fill, strokeColor=INK, strokeWidth=1.2))
        x1, y1, x2, y2 = fitted.extent[place_id]
        c.hotspots.append(Hotspot(x1, y1, x2 - x1, y2 - y1, p.poor, f"{p.unit.name}：未脱贫户"))
    for place_id in fitted.rings:
        p = by_id[place_id]
        cx, cy = fitted.centre[place_id]
        x1, _, x2, _ = fitted.extent[place_id]
        _place_label(c, p, cx, cy, fill=MAP_CLASSES[_class_of(p.poor.value, bounds)], width=max(80.0, x2 - x1))
    missing = [p.unit.name for p in places if p.unit.area_id not in fitted.rings]
    if missing:
        text(c.drawing, box[0], box[1] - 6, "边界文件中没有：" + "、".join(missing), SMALL, colour=GREY,
             fit=box[2])


def _draw_support_bars(c: ChartDrawing, dist: ch.Distribution, x0: float) -> None:
    d = c.drawing
    rows = list(dist.rows)
    width = WIDTH - x0
    legend(d, x0, HEIGHT - 30, [GENERAL, DIBAO, TEKUN])
    t = dist.total
    summary = (f"合计 {t.households.value}户 {t.people.value}人 · 未脱贫 {t.poor.value}户 · "
               f"已脱贫 {t.exited.value}户 · 监测对象 {t.monitored.value}户")
    text(d, x0, HEIGHT - 62, summary, TEXT, fit=width)
    c.hotspots.append(Hotspot(x0, HEIGHT - 66, min(width, string_width(summary, TEXT)), TEXT + 6, t.households,
                              f"{dist.scope.name}：全部户"))
    name_w, status_w = 120.0, 230.0
    bar_x, bar_w = x0 + name_w, width - name_w - status_w - 90  # room for the total after the bar
    area_top, area_bottom = HEIGHT - 90, 30.0
    n = max(1, len(rows))
    step = min(64.0, (area_top - area_bottom) / n)
    bar_h = step * 0.62
    top = max((r.households.value for r in rows), default=0) or 1
    text(d, x0 + width - status_w + 8, area_top - 4, "未脱贫 / 已脱贫 / 监测", SMALL, colour=GREY)
    for i, r in enumerate(rows):
        y = area_top - (i + 1) * step + (step - bar_h) / 2 - 12
        text(d, x0, y + bar_h / 2 - TEXT * 0.35, r.unit.name, TEXT, fit=name_w - 8)
        x = bar_x
        for code in ch.SUPPORTS:
            cell, s = r.support(code), SUPPORT_SERIES[code]
            w = bar_w * cell.value / top
            bar(d, (x, y, w, bar_h), s)
            if cell.value:
                c.hotspots.append(Hotspot(x, y, w, bar_h, cell, f"{r.unit.name}：{s.name}"))
                label_on(d, (x, y, w, bar_h), str(cell.value), s)
            x += w
        total = f"{r.households.value}户"
        text(d, x + 6, y + bar_h / 2 - SMALL * 0.35, total, SMALL)
        if step >= 48:  # the three numbers spelt out under the bar: thin segments have no room for theirs
            text(d, bar_x, y - SMALL * 0.95, f"一般 {r.general.value} · 低保 {r.dibao.value} · 特困 {r.tekun.value}",
                 SMALL * 0.8, colour=GREY)
        sx = x0 + width - status_w + 8
        for cell, name in ((r.poor, "未脱贫户"), (r.exited, "已脱贫户"), (r.monitored, "监测对象")):
            value = str(cell.value)
            text(d, sx, y + bar_h / 2 - TEXT * 0.35, value, TEXT)
            c.hotspots.append(Hotspot(sx - 2, y, max(string_width(value, TEXT), 20) + 4, bar_h, cell,
                                      f"{r.unit.name}：{name}"))
            sx += 76
    if not rows:
        text(d, x0, area_top - 40, "本范围没有建档立卡户", TEXT, colour=GREY)


# ---------------------------------------------------------------- 计划措施细则图


def measures(m: ch.Measures, ref: RefData, lang: str = "zh-Hans") -> ChartDrawing:
    """Planned against done per measure type (pathways first), households covered and money."""
    c = _new("计划措施细则图")
    d = c.drawing
    rows = [r for r in m.rows if r.pathway or r.planned.value]
    legend(d, 0, HEIGHT - 30, [PLANNED, DONE])
    summary = (f"全年措施 {m.planned.value}项 · 已落实 {m.done.value}项 · 覆盖 {m.covered.value}户 "
               f"（截至 {m.as_of:%Y-%m-%d}）")
    text(d, 300, HEIGHT - 28, summary, TEXT, fit=WIDTH - 300)
    c.hotspots.append(Hotspot(300, HEIGHT - 32, min(WIDTH - 300, string_width(summary, TEXT)), TEXT + 6,
                              m.covered, "有措施的户"))
    name_w, info_w = 190.0, 330.0
    bar_x, bar_w = name_w, WIDTH - name_w - info_w
    area_top, area_bottom = HEIGHT - 60, 10.0 + (2 * TEXT + 14 if m.project_money.projects else 0)
    n = max(1, len(rows) + 1)
    step = min(58.0, (area_top - area_bottom) / n)
    bar_h = step * 0.66
    top = max((r.planned.value for r in rows), default=0) or 1
    y = area_top
    pathway_header = False
    other_header = False
    for r in rows:
        if r.pathway and not pathway_header:
            pathway_header = True
        if not r.pathway and not other_header:
            other_header = True
            d.add(Line(0, y - 4, WIDTH, y - 4, strokeColor=GREY, strokeWidth=1, strokeDashArray=[6, 4]))
        y -= step
        name = _label(ref, "measure_type", r.type, lang)
        text(d, 0, y + bar_h / 2 - TEXT * 0.35, ("★" if r.pathway else "") + name, TEXT, fit=name_w - 8)
        wp = bar_w * r.planned.value / top
        wd = bar_w * r.done.value / top
        bar(d, (bar_x, y, wp, bar_h), PLANNED)
        bar(d, (bar_x, y + bar_h * 0.18, wd, bar_h * 0.64), DONE)
        if r.planned.value:
            c.hotspots.append(Hotspot(bar_x, y, wp, bar_h, r.covered, f"{name}：计划（覆盖户）"))
        if r.done.value:
            c.hotspots.append(Hotspot(bar_x, y + bar_h * 0.18, wd, bar_h * 0.64, r.done, f"{name}：已落实"))
        ix = name_w + bar_w + 10
        figures = f"{r.done.value}/{r.planned.value}项"
        text(d, ix, y + bar_h / 2 - TEXT * 0.35, figures, TEXT)
        c.hotspots.append(Hotspot(ix, y, string_width(figures, TEXT), bar_h, r.done, f"{name}：已落实"))
        cover = f"{r.covered.value}户"
        cx = ix + 120
        text(d, cx, y + bar_h / 2 - TEXT * 0.35, cover, TEXT)
        c.hotspots.append(Hotspot(cx, y, string_width(cover, TEXT), bar_h, r.covered, f"{name}：覆盖户"))
        text(d, cx + 80, y + bar_h / 2 - SMALL * 0.35, _wan(r.amount) if r.amount else "", SMALL, colour=GREY)
    text(d, 0, 2, "★ 五个一批；计划 = 本年度内实施的措施，已落实 = 实施日期已到", SMALL, colour=GREY)
    if m.project_money.projects:
        _project_funds(c, m, ref, lang, y=2 + SMALL + 8)
    return c


def _project_funds(c: ChartDrawing, m: ch.Measures, ref: RefData, lang: str, *, y: float) -> None:
    """The year's project money under the measures: all projects, then per fund channel (预算 / 已拨付)."""
    d = c.drawing
    d.add(Line(0, y + 2 * TEXT + 6, WIDTH, y + 2 * TEXT + 6, strokeColor=GREY, strokeWidth=1))
    money = m.project_money
    head = (f"项目资金 {m.year}年：{money.projects}个项目 · 预算 {_wan(money.budget)} · 已拨付 {_wan(money.disbursed)}"
            f" · 受益 {money.households.value}户")
    text(d, 0, y + TEXT + 4, head, TEXT, fit=WIDTH)
    c.hotspots.append(Hotspot(0, y + TEXT, min(WIDTH, string_width(head, TEXT)), TEXT + 6, money.households,
                              "项目受益户"))
    x = 0.0
    order = {c.code: n for n, c in enumerate(ref["fund_channel"].codes)}
    for f in sorted(m.funds, key=lambda f: (order.get(f.channel, len(order)), f.channel)):
        part = f"{_label(ref, 'fund_channel', f.channel, lang)} {_wan(f.money.budget)}/{_wan(f.money.disbursed)}"
        w = string_width(part, SMALL)
        if x + w > WIDTH:
            break
        text(d, x, y, part, SMALL)
        c.hotspots.append(Hotspot(x, y - 2, w, SMALL + 4, f.money.households,
                                  f"{_label(ref, 'fund_channel', f.channel, lang)}：项目受益户"))
        x += w + 28
    if x + string_width("（预算/已拨付）", SMALL) <= WIDTH:
        text(d, x, y, "（预算/已拨付）", SMALL, colour=GREY)


# ---------------------------------------------------------------- 产业发展规划图


def industries(i: ch.Industries, ref: RefData, lang: str = "zh-Hans") -> ChartDrawing:
    """Households per industry against the plan (bars), and per unit (a table of households / plan)."""
    c = _new("产业发展规划图")
    d = c.drawing
    rows = [r for r in i.rows if r.industry != "other" or r.total.households.value]
    legend(d, 0, HEIGHT - 30, [ACTUAL])
    d.add(Line(150, HEIGHT - 21, 150, HEIGHT - 3, strokeColor=INK, strokeWidth=3))
    text(d, 158, HEIGHT - 28, "计划户数", SMALL)
    left_w = 470.0
    name_w = 90.0
    area_top = HEIGHT - 60
    step = min(80.0, (area_top - 40) / max(1, len(rows)))
    bar_h = step * 0.5
    top = max([r.total.households.value for r in rows] + [r.total.plan or 0 for r in rows] + [1])
    bar_w = left_w - name_w - 20
    for n, r in enumerate(rows):
        y = area_top - (n + 1) * step + step * 0.3
        name = _label(ref, "industry", r.industry, lang)
        text(d, 0, y + bar_h / 2 - BIG * 0.35, name, BIG, fit=name_w - 6)
        w = bar_w * r.total.households.value / top
        bar(d, (name_w, y, w, bar_h), ACTUAL)
        c.hotspots.append(Hotspot(name_w, y, max(w, 30), bar_h, r.total.households, f"{name}：产业户"))
        if r.total.plan is not None:
            px = name_w + bar_w * r.total.plan / top
            d.add(Line(px, y - 6, px, y + bar_h + 6, strokeColor=INK, strokeWidth=3))
        plan = f" / 计划{r.total.plan}" if r.total.plan is not None else ""
        info = f"{r.total.households.value}户{plan} · {_wan(r.total.amount)}"
        if r.projects.projects:
            info += f" · 项目{r.projects.projects}个 {_wan(r.projects.budget)}/拨{_wan(r.projects.disbursed)}"
        text(d, name_w, y - SMALL - 4, info, SMALL, fit=bar_w)
        if r.projects.projects:
            c.hotspots.append(Hotspot(name_w, y - SMALL - 6, bar_w, SMALL + 4, r.projects.households,
                                      f"{name}：项目受益户"))
    text(d, 0, 6, f"有产业措施的户：{i.covered.value}户；计划：各产业计划户数；项目：本年项目预算/本年拨付", SMALL,
         colour=GREY, fit=left_w)
    c.hotspots.append(Hotspot(0, 2, 200, SMALL + 6, i.covered, "有产业措施的户"))
    _industry_table(c, i, rows, ref, lang=lang, x0=left_w + 30)
    return c


def _industry_table(c: ChartDrawing, i: ch.Industries, rows: Sequence[ch.IndustryRow], ref: RefData, *, lang: str,
                    x0: float) -> None:
    d = c.drawing
    width = WIDTH - x0
    unit_w = 110.0
    col_w = (width - unit_w) / max(1, len(rows))
    area_top = HEIGHT - 60
    n = max(1, len(i.units))
    step = min(56.0, (area_top - 40) / (n + 1))
    y = area_top - step
    d.add(Rect(x0, y, width, step, fillColor=colors.HexColor("#E8EEF4"), strokeColor=None))
    text(d, x0 + 4, y + step / 2 - SMALL * 0.35, {"town": "乡镇", "village": "村", "group": "组"}.get(
        i.units[0].level if i.units else "", ""), SMALL)
    for k, r in enumerate(rows):
        text(d, x0 + unit_w + k * col_w + col_w / 2, y + step / 2 - TEXT * 0.35, _label(ref, "industry", r.industry,
             lang), TEXT, anchor="middle", fit=col_w - 4)
    for u_index, unit in enumerate(i.units):
        y -= step
        if u_index % 2:
            d.add(Rect(x0, y, width, step, fillColor=colors.HexColor("#F4F4F4"), strokeColor=None))
        text(d, x0 + 4, y + step / 2 - TEXT * 0.35, unit.name, TEXT, fit=unit_w - 8)
        for k, r in enumerate(rows):
            cell = r.units[u_index]
            cx = x0 + unit_w + k * col_w + col_w / 2
            value = str(cell.households.value) if cell.households.value else "–"
            plan = f"/{cell.plan}" if cell.plan is not None else ""
            short = cell.plan is not None and cell.households.value < cell.plan
            if short:  # a tinted cell as well as red type: still told apart in greyscale
                d.add(Rect(cx - col_w / 2 + 2, y + 2, col_w - 4, step - 4, fillColor=SHORT_FILL, strokeColor=None))
            text(d, cx, y + step / 2 - TEXT * 0.35, value + plan, TEXT, anchor="middle", fit=col_w - 4,
                 colour=RED if short else INK)
            if cell.households.value:
                c.hotspots.append(Hotspot(cx - col_w / 2 + 2, y, col_w - 4, step, cell.households,
                                          f"{unit.name}：{_label(ref, 'industry', r.industry, lang)}"))
    d.add(Line(x0, y, x0 + width, y, strokeColor=GREY, strokeWidth=1))
    d.add(Rect(x0, y - SMALL - 10, 26, 18, fillColor=SHORT_FILL, strokeColor=INK, strokeWidth=0.8))
    text(d, x0 + 32, y - SMALL - 6, "户数/计划；底色、红字：未达计划", SMALL, colour=GREY)


# ---------------------------------------------------------------- 任务进度进展图


def _progress_frame(d: Drawing, box: Box, top: int, scale: float) -> None:
    """The legend and the axes with their ticks."""
    x0, y0, plot_w, plot_h = box
    legend(d, 0, HEIGHT - 30, [EXITED])
    d.add(PolyLine([300, HEIGHT - 21, 340, HEIGHT - 21], strokeColor=INK, strokeWidth=3))
    text(d, 346, HEIGHT - 28, "累计", SMALL)
    d.add(Line(410, HEIGHT - 21, 450, HEIGHT - 21, strokeColor=RED, strokeWidth=3, strokeDashArray=[8, 5]))
    text(d, 456, HEIGHT - 28, "年度目标（户）", SMALL)
    d.add(Line(x0, y0, x0 + plot_w, y0, strokeColor=INK, strokeWidth=1.5))
    d.add(Line(x0, y0, x0, y0 + plot_h, strokeColor=INK, strokeWidth=1.5))
    tick = max(1, math.ceil(top * 1.1 / 4))
    for v in range(0, int(top * 1.1) + 1, tick):
        yy = y0 + v * scale
        d.add(Line(x0 - 5, yy, x0, yy, strokeColor=INK, strokeWidth=1))
        text(d, x0 - 8, yy - SMALL * 0.35, str(v), SMALL, anchor="end")


def progress(p: ch.Progress) -> ChartDrawing:
    """Exits by month (bars), cumulated (line) against the year's target (dashed), and the three goals."""
    c = _new("任务进度进展图")
    d = c.drawing
    left_w = 700.0
    x0, y0 = 60.0, 110.0
    plot_w, plot_h = left_w - x0, HEIGHT - 60 - y0
    months = p.months
    target = p.households.target
    top = max([m.cumulative_households for m in months] + [target or 0, p.exited_households.value, 1])
    scale = plot_h / (top * 1.1)
    _progress_frame(d, (x0, y0, plot_w, plot_h), top, scale)
    slot = plot_w / 12
    points: list[float] = []
    for m in months:
        x = x0 + (m.month - 1) * slot
        text(d, x + slot / 2, y0 - TEXT - 4, f"{m.month}月", TEXT, anchor="middle", colour=GREY if m.future else INK)
        if m.future:
            continue
        h = m.households.value * scale
        bar(d, (x + slot * 0.18, y0, slot * 0.64, h), EXITED)
        if m.households.value:
            text(d, x + slot / 2, y0 + h + 4, str(m.households.value), TEXT, anchor="middle")
            c.hotspots.append(Hotspot(x + slot * 0.18, y0, slot * 0.64, max(h, 20) + TEXT, m.households,
                                      f"{m.month}月脱贫户"))
        points += [x + slot / 2, y0 + m.cumulative_households * scale]
        entries = m.entries.value
        if entries or m.monitored.value:
            label = f"+{entries}" if entries else ""
            text(d, x + slot / 2, y0 - TEXT - 26, label, SMALL, anchor="middle", colour=RED)
            if entries:
                c.hotspots.append(Hotspot(x, y0 - TEXT - 30, slot, SMALL + 6, m.entries, f"{m.month}月新识别、返贫"))
            if m.monitored.value:
                text(d, x + slot / 2, y0 - TEXT - 48, f"监{m.monitored.value}", SMALL, anchor="middle", colour=GREY)
                c.hotspots.append(Hotspot(x, y0 - TEXT - 52, slot, SMALL + 6, m.monitored, f"{m.month}月纳入监测"))
    text(d, 0, y0 - TEXT - 26, "新增", SMALL, colour=RED)
    text(d, 0, y0 - TEXT - 48, "监测", SMALL, colour=GREY)
    if len(points) >= 4:
        d.add(PolyLine(points, strokeColor=INK, strokeWidth=3))
    if points:
        text(d, points[-2], points[-1] + 8, f"累计{months[len(points) // 2 - 1].cumulative_households}", TEXT,
             anchor="end" if points[-2] > x0 + plot_w / 2 else "start")
    if target is not None:
        ty = y0 + target * scale
        d.add(Line(x0, ty, x0 + plot_w, ty, strokeColor=RED, strokeWidth=3,
                   strokeDashArray=[8, 5]))
        text(d, x0 + 6, ty + 6, f"目标 {target}户", TEXT, colour=RED)
    if p.undated_households.value:
        note = f"另有 {p.undated_households.value}户（{p.undated_people.value}人）本年脱贫，月份不详（导入的状态）"
        text(d, x0, 10, note, SMALL, colour=GREY, fit=plot_w)
        c.hotspots.append(Hotspot(x0, 6, min(plot_w, string_width(note, SMALL)), SMALL + 6, p.undated_households,
                                  "月份不详的脱贫户"))
    _goals(c, p, left_w + 40)
    return c


def _goals(c: ChartDrawing, p: ch.Progress, x0: float) -> None:
    d = c.drawing
    width = WIDTH - x0
    y = HEIGHT - 80
    goals = ((p.people, "脱贫人口", "人", p.exited_people), (p.households, "脱贫户", "户", p.exited_households),
             (p.villages, "贫困村摘帽", "个", ch.EMPTY))
    for goal, name, unit, cell in goals:
        text(d, x0, y, name, BIG)
        y -= 44
        share = min(1.0, goal.share or 0.0)
        d.add(Rect(x0, y, width, 30, fillColor=colors.white, strokeColor=INK, strokeWidth=1))
        bar(d, (x0, y, width * share, 30), DONE)
        line = f"{goal.done}/{goal.target}{unit}" if goal.target is not None else f"{goal.done}{unit}"
        text(d, x0 + width - 4, y + 36, line, BIG, anchor="end")
        if cell.households:
            c.hotspots.append(Hotspot(x0, y, width, 30, cell, f"本年{name}"))
        y -= 30
        gap = goal.gap
        words = "未定目标" if gap is None else ("已完成" if gap == 0 else f"还差 {gap}{unit}")
        if goal.share is not None:
            words += f"（{goal.share:.0%}）"
        text(d, x0, y, words, TEXT, colour=RED if gap else INK)
        y -= 56
    text(d, x0, y, f"本年新识别 {p.entries.value}户 · 返贫 {p.returns.value}户", TEXT, fit=width)
    c.hotspots.append(Hotspot(x0, y - 4, width / 2, TEXT + 8, p.entries, "本年新识别"))
    c.hotspots.append(Hotspot(x0 + width / 2, y - 4, width / 2, TEXT + 8, p.returns, "本年返贫"))
    y -= 34
    text(d, x0, y, f"纳入监测 {p.monitored.value}户", TEXT)
    c.hotspots.append(Hotspot(x0, y - 4, width, TEXT + 8, p.monitored, "本年纳入监测"))


def all_drawings(charts: Charts, ref: RefData, *, map_file: Path | None = None,
                 lang: str = "zh-Hans") -> list[ChartDrawing]:
    """The four drawings of the charts, in wall order."""
    return [distribution(charts.distribution, map_file=map_file), measures(charts.measures, ref, lang),
            industries(charts.industries, ref, lang), progress(charts.progress)]
