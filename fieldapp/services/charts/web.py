"""挂图作战 for a web page: the very drawings of the screen and the wall posters (:mod:`.drawings`), written as
inline SVG by reportlab's ``renderSVG`` — one drawing for screen, wall and web.

The text is set in the bundled font the PDF embeds (``font-family`` :data:`~fieldapp.services.printing.fonts.FONT`);
the page serving the SVG declares that family with ``@font-face`` from its own copy of the font (the district
server's ``/dashboard/font.ttf``), so a browser lays the text out with the metrics the drawing was measured
in, and nothing is fetched from elsewhere.

Every number a person can pick on the screen (a drawing's hotspot) becomes an invisible
``<rect class="spot" data-caption="…" data-value="N">`` with a ``<title>`` a browser shows on hover, and each
chart is one ``<svg data-chart="…" role="img" aria-label="…">``: a test or a screen reader reads the figures
back from the page. Counts only: the households behind a number never leave the drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.dom import minidom

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.colors import Color

from fieldapp.domain.refdata import RefData
from fieldapp.services.charts import drawings
from fieldapp.services.charts.figures import Charts
from fieldapp.services.printing.fonts import FONT

KEYS = ("distribution", "measures", "industries", "progress")  # the order of drawings.all_drawings


@dataclass(frozen=True)
class ChartSvgs:
    """The four charts of one scope and year as SVG text."""

    distribution: str
    measures: str
    industries: str
    progress: str


def chart_svg(key: str, chart: drawings.ChartDrawing) -> str:
    """One drawing as an inline ``<svg>`` element (no XML prolog), its numbers as spots."""
    source = chart.drawing
    page = Drawing(source.width, source.height, source, initialFontName=FONT)
    for spot in chart.hotspots:
        # fully transparent, not unfilled: renderSVG leaves out a rectangle with neither fill nor stroke
        rect = Rect(spot.x, spot.y, spot.w, spot.h, fillColor=Color(1, 1, 1, alpha=0), strokeColor=None)
        rect._svgAttrs = {"class": "spot", "data-caption": spot.caption,  # type: ignore[attr-defined]
                          "data-value": str(spot.cell.value)}
        page.add(rect)
    dom = minidom.parseString(renderSVG.drawToString(page))
    root = dom.documentElement
    for node in root.getElementsByTagName("title"):  # renderSVG's placeholder "..."
        for child in list(node.childNodes):
            node.removeChild(child)
        node.appendChild(dom.createTextNode(chart.title))
    for node in root.getElementsByTagName("desc"):
        node.parentNode.removeChild(node)  # renderSVG's placeholder "..."
    spots = []
    for rect in root.getElementsByTagName("rect"):
        if rect.getAttribute("class") == "spot":
            words = f"{rect.getAttribute('data-caption')} {rect.getAttribute('data-value')}"
            title = dom.createElement("title")
            title.appendChild(dom.createTextNode(words))
            rect.appendChild(title)
            spots.append(words)
    for node in root.getElementsByTagName("*"):  # ids unique on a page of four charts
        if node.getAttribute("id") in ("clip", "group"):
            node.setAttribute("id", f"{node.getAttribute('id')}-{key}")
        if node.getAttribute("style") and "url(#clip)" in node.getAttribute("style"):
            node.setAttribute("style", node.getAttribute("style").replace("url(#clip)", f"url(#clip-{key})"))
    root.setAttribute("data-chart", key)
    root.setAttribute("role", "img")
    root.setAttribute("aria-label", f"{chart.title}：{'；'.join(spots)}")
    root.removeAttribute("width")  # the page sizes it; the viewBox keeps the proportions
    root.removeAttribute("height")
    return root.toxml()


def charts_svg(charts: Charts, ref: RefData, lang: str = "zh-Hans") -> ChartSvgs:
    """The four SVGs of one read of the charts (the drawings of the screen and the posters)."""
    found = drawings.all_drawings(charts, ref, lang=lang)
    return ChartSvgs(*(chart_svg(key, c) for key, c in zip(KEYS, found, strict=True)))
