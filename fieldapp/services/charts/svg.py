"""挂图作战 as inline SVG: the four charts drawn from their figures (:mod:`fieldapp.services.charts.figures`)
for a web page (the district server's dashboard), with no script and nothing fetched from elsewhere.

Every bar is a ``<rect class="bar">`` carrying ``data-series`` and ``data-value`` (and a ``<title>`` a browser
shows on hover), every number drawn is a ``<text>``, and each chart is one ``<svg data-chart="…">`` with a
``role="img"`` and an ``aria-label`` saying what it shows; so a test (or a screen reader) reads the figures
back from the page. Text is set in the page's font (the SVG names none of its own); colours name one series
each across the charts: red still poor, green exited / achieved, blue done, light blue planned, dark red the
target.

Counts only: a chart carries no household ids and no names, whatever the figures hold behind a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from fieldapp.domain import charts as ch
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.services.charts.figures import Charts

POOR, EXITED, DONE, PLANNED, ACHIEVED, TARGET, MONTHLY, GRID = (
    "#d9480f", "#2f9e44", "#1c7ed6", "#a5d8ff", "#2f9e44", "#a61e4d", "#1c7ed6", "#dee2e6")
WIDTH = 600
LABEL_W, NOTE_W = 100, 130
ROW_H, BAR_H, TOP = 28, 18, 44


@dataclass(frozen=True)
class Segment:
    series: str
    value: int
    colour: str
    name: str  # what the value counts, for the hover title


@dataclass(frozen=True)
class BarRow:
    label: str
    segments: tuple[Segment, ...]
    note: str
    marker: int | None = None  # a target drawn as a line across the bar


@dataclass(frozen=True)
class ChartSvgs:
    """The four charts of one scope and year as SVG text."""

    distribution: str
    measures: str
    industries: str
    progress: str


def _attrs(**values: object) -> str:
    return " ".join(f'{k.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for k, v in values.items())


def _text(x: float, y: float, body: str, **extra: object) -> str:
    return f"<text {_attrs(x=round(x, 1), y=round(y, 1), **extra)}>{escape(body)}</text>"


def _open(chart: str, title: str, width: int, height: int, summary: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(viewBox=f"0 0 {width} {height}")} '
            f'width="{width}" height="{height}" role="img" data-chart="{chart}" '
            f'aria-label="{escape(title + "：" + summary)}"><title>{escape(title)}</title>')


def _legend(items: Sequence[tuple[str, str]], y: float = 18) -> str:
    parts, x = [], float(LABEL_W)
    for colour, name in items:
        parts.append(f'<rect {_attrs(x=x, y=y - 10, width=12, height=12, fill=colour)}/>')
        parts.append(_text(x + 16, y, name, font_size=12, fill="#343a40"))
        x += 28 + 13 * len(name)
    return "".join(parts)


def hbars(chart: str, title: str, rows: Sequence[BarRow], legend: Sequence[tuple[str, str]], empty: str) -> str:
    """Horizontal bars, one row per unit or code: stacked segments, an optional target line, a note."""
    height = TOP + max(1, len(rows)) * ROW_H + 8
    plot = WIDTH - LABEL_W - NOTE_W - 16
    top = max([sum(s.value for s in r.segments) for r in rows] + [r.marker or 0 for r in rows] + [1])
    scale = plot / top
    parts = [_open(chart, title, WIDTH, height, "；".join(f"{r.label} {r.note}" for r in rows) or empty),
             _legend(legend)]
    if not rows:
        parts.append(_text(LABEL_W, TOP + 18, empty, font_size=13, fill="#868e96", class_="empty"))
    for i, row in enumerate(rows):
        y = TOP + i * ROW_H
        parts.append(_text(LABEL_W - 8, y + BAR_H - 4, row.label, font_size=13, text_anchor="end", fill="#212529",
                           class_="label"))
        parts.append(f'<rect {_attrs(x=LABEL_W, y=y, width=plot, height=BAR_H, fill="#f8f9fa")}/>')
        x = float(LABEL_W)
        for seg in row.segments:
            if seg.value <= 0:
                continue
            w = seg.value * scale
            parts.append(f'<rect class="bar" {_attrs(data_series=seg.series, data_value=seg.value, x=round(x, 1))} '
                         f'{_attrs(y=y, width=round(max(w, 1), 1), height=BAR_H, fill=seg.colour)}>'
                         f"<title>{escape(f'{row.label} {seg.name} {seg.value}')}</title></rect>")
            if w >= 9 * len(str(seg.value)) + 4:
                parts.append(_text(x + w / 2, y + BAR_H - 4, str(seg.value), font_size=12, text_anchor="middle",
                                   fill="#ffffff", class_="value"))
            x += w
        if row.marker is not None:
            mx = LABEL_W + row.marker * scale
            parts.append(f'<line class="target" {_attrs(data_value=row.marker, x1=round(mx, 1), x2=round(mx, 1))} '
                         f'{_attrs(y1=y - 3, y2=y + BAR_H + 3, stroke=TARGET, stroke_width=3)}>'
                         f"<title>{escape(f'{row.label} 计划 {row.marker}')}</title></line>")
        parts.append(_text(WIDTH - NOTE_W, y + BAR_H - 4, row.note, font_size=12, fill="#343a40", class_="note"))
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- the four charts


def distribution_svg(d: ch.Distribution) -> str:
    """贫困对象分布图: per unit one level down, households still poor and exited, with households and people."""
    rows = [BarRow(r.unit.name, (Segment("poor", r.poor.value, POOR, "未脱贫户"),
                                 Segment("exited", r.exited.value, EXITED, "已脱贫户")),
                   f"{r.households.value}户 {r.people.value}人") for r in d.rows]
    return hbars("distribution", f"贫困对象分布图 · {d.scope.name} {d.year}年", rows,
                 [(POOR, "未脱贫户"), (EXITED, "已脱贫户")], "暂无建档立卡户")


def measures_svg(m: ch.Measures, labels: Mapping[str, str]) -> str:
    """计划措施细则图: per measure type (the 五个一批 first), measures done and still planned in the year."""
    rows = [BarRow(labels.get(r.type, r.type),
                   (Segment("done", r.done.value, DONE, "已落实"),
                    Segment("planned", r.planned.value - r.done.value, PLANNED, "计划未落实")),
                   f"{r.done.value}/{r.planned.value}项 {r.covered.value}户")
            for r in m.rows if r.planned.value or r.pathway]
    return hbars("measures", f"计划措施细则图 · {m.scope.name} {m.year}年", rows,
                 [(DONE, "已落实"), (PLANNED, "计划未落实")], "本年度暂无帮扶措施")


def industries_svg(i: ch.Industries, labels: Mapping[str, str]) -> str:
    """产业发展规划图: per industry, households with an industry measure of the year against the plan."""
    rows = []
    for r in i.rows:
        t = r.total
        if not t.households.value and t.plan is None:
            continue
        plan = "" if t.plan is None else f"/计划{t.plan}户"
        rows.append(BarRow(labels.get(r.industry, r.industry),
                           (Segment("households", t.households.value, ACHIEVED, "已发展户"),),
                           f"{t.households.value}户{plan} {format_yuan(t.amount)}元", t.plan))
    return hbars("industries", f"产业发展规划图 · {i.scope.name} {i.year}年", rows,
                 [(ACHIEVED, "已发展户"), (TARGET, "计划户数")], "本年度暂无产业措施与产业计划")


def _goal(name: str, g: ch.Goal, unit: str) -> str:
    if g.target is None:
        return f"{name} {g.done}{unit}（未定目标）"
    return f"{name} {g.done}/{g.target}{unit}，差 {g.gap}{unit}"


def progress_svg(p: ch.Progress) -> str:
    """任务进度进展图: exits per month (bars) and cumulated (line) against the year's household target."""
    height, left, right, top, bottom = 310, 44, 16, 72, 32
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    cums = [m.cumulative_households for m in p.months]
    peak = max([*cums, p.households.target or 0, 1])
    ystep = plot_h / peak
    xstep = plot_w / 12
    goals = "；".join((_goal("脱贫户", p.households, "户"), _goal("脱贫人口", p.people, "人"),
                      _goal("摘帽村", p.villages, "个")))
    parts = [_open("progress", f"任务进度进展图 · {p.scope.name} {p.year}年", WIDTH, height, goals),
             _text(left, 16, goals, font_size=12, fill="#212529", class_="goals"),
             _legend([(MONTHLY, "当月脱贫户"), (ACHIEVED, "累计脱贫户"), (TARGET, "年度目标")], y=38)]
    for k in range(5):  # grid: five steps up to the peak
        value = round(peak * k / 4)
        y = top + plot_h - value * ystep
        parts.append(f'<line {_attrs(x1=left, x2=WIDTH - right, y1=round(y, 1), y2=round(y, 1), stroke=GRID)}/>')
        parts.append(_text(left - 6, y + 4, str(value), font_size=11, text_anchor="end", fill="#868e96"))
    points = []
    for m in p.months:
        cx = left + (m.month - 0.5) * xstep
        parts.append(_text(cx, height - 12, f"{m.month}月", font_size=11, text_anchor="middle",
                           fill="#adb5bd" if m.future else "#495057"))
        if m.future:
            continue
        if m.households.value:
            h = m.households.value * ystep
            parts.append(f'<rect class="bar" {_attrs(data_series="month", data_value=m.households.value)} '
                         f'{_attrs(x=round(cx - xstep * 0.3, 1), y=round(top + plot_h - h, 1))} '
                         f'{_attrs(width=round(xstep * 0.6, 1), height=round(h, 1), fill=MONTHLY)}>'
                         f"<title>{m.month}月 脱贫 {m.households.value}户 {m.people.value}人</title></rect>")
        points.append((cx, top + plot_h - m.cumulative_households * ystep, m))
    if p.households.target is not None:
        y = top + plot_h - p.households.target * ystep
        parts.append(f'<line class="target" {_attrs(data_value=p.households.target, x1=left, x2=WIDTH - right)} '
                     f'{_attrs(y1=round(y, 1), y2=round(y, 1), stroke=TARGET, stroke_width=2)} '
                     f'stroke-dasharray="6 4"><title>年度目标 {p.households.target}户</title></line>')
        parts.append(_text(WIDTH - right - 2, y - 4, f"目标 {p.households.target}户", font_size=11,
                           text_anchor="end", fill=TARGET))
    if points:
        path = " ".join(f"{round(x, 1)},{round(y, 1)}" for x, y, _ in points)
        parts.append(f'<polyline class="cumulative" points="{path}" fill="none" stroke="{ACHIEVED}" '
                     'stroke-width="2.5"/>')
        for x, y, m in points:
            parts.append(f'<circle {_attrs(cx=round(x, 1), cy=round(y, 1), r=3.5, fill=ACHIEVED)} '
                         f'data-series="cumulative" data-value="{m.cumulative_households}">'
                         f"<title>{m.month}月底 累计脱贫 {m.cumulative_households}户</title></circle>")
        x, y, last = points[-1]
        parts.append(_text(x, y - 8, str(last.cumulative_households), font_size=12, text_anchor="middle",
                           fill=ACHIEVED, class_="value"))
    if p.undated_households.value:
        parts.append(_text(left, 56, f"另有 {p.undated_households.value} 户脱贫仅知年份（未计入逐月）",
                           font_size=11, fill="#868e96", class_="undated"))
    parts.append("</svg>")
    return "".join(parts)


def labels_of(ref: RefData, name: str) -> dict[str, str]:
    return {c.code: c.text() for c in ref[name].codes}


def charts_svg(charts: Charts, ref: RefData) -> ChartSvgs:
    """The four SVGs of one read of the charts."""
    return ChartSvgs(distribution_svg(charts.distribution),
                     measures_svg(charts.measures, labels_of(ref, "measure_type")),
                     industries_svg(charts.industries, labels_of(ref, "industry")),
                     progress_svg(charts.progress))
