"""挂图作战 wall posters: the four charts of a scope as an A3 or A1 landscape PDF, one chart a sheet.

Each sheet carries the scope and the chart's name in large type, the year, the print time and the
data's as-of time (the newest change in the register), so a chart on the wall says how fresh it is.
The drawings are those of :mod:`.drawings`, designed at A3 size and scaled by two for A1, so the same
picture reads from two metres on either. Posters show counts only — no names, no ID numbers.
Written to a temporary file and renamed (a failed job leaves no half PDF).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.pagesizes import A1, A3, landscape
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain import charts as ch
from fieldapp.domain.refdata import RefData
from fieldapp.services.charts import drawings
from fieldapp.services.charts.figures import Charts
from fieldapp.services.printing.common import atomic_output
from fieldapp.services.printing.fonts import register_fonts

SIZES = {"A3": landscape(A3), "A1": landscape(A1)}
LEVEL_WORDS = {ch.DISTRICT: "", ch.TOWN: "", ch.VILLAGE: ""}
BAND = colors.HexColor("#8C1D18")  # the header band: dark red, white type (dark grey in greyscale)


def _when(value: dt.datetime | None) -> str:
    return f"{value:%Y年%m月%d日 %H:%M}" if value else "（登记簿中尚无数据）"


def write_poster(charts: Charts, ref: RefData, out: Path | str, *, size: str = "A3",
                 map_file: Path | None = None) -> Path:
    """Write the four-sheet poster of ``charts`` to ``out``; returns the path."""
    if size not in SIZES:
        raise ch.ChartError(f"纸张只能是 {'、'.join(SIZES)}，不是 {size}")
    font = register_fonts()
    page_w, page_h = SIZES[size]
    k = page_w / SIZES["A3"][0]  # A1 is A3 scaled by two
    sheets = drawings.all_drawings(charts, ref, map_file=map_file)
    target = Path(out)
    with atomic_output(target) as tmp:
        canvas = Canvas(str(tmp), pagesize=(page_w, page_h), initialFontName=font)
        canvas.setTitle(f"{charts.scope.name} {charts.year}年 挂图作战")
        canvas.setAuthor("FieldApp 驻村帮扶工作台")
        for number, sheet in enumerate(sheets, start=1):
            canvas.saveState()
            canvas.scale(k, k)
            w, h = page_w / k, page_h / k
            canvas.setFillColor(BAND)
            canvas.rect(0, h - 84, w, 84, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(font, 40)
            canvas.drawString(30, h - 58, f"{charts.scope.name}  {sheet.title}")
            canvas.setFont(font, 30)
            canvas.drawRightString(w - 30, h - 56, f"{charts.year}年度 · 挂图作战")
            canvas.setFillColor(colors.HexColor("#333333"))
            canvas.setFont(font, 16)
            canvas.drawString(30, 16, f"打印：{_when(charts.as_of)}    数据截至：{_when(charts.data_time)}")
            canvas.drawRightString(w - 30, 16, f"第 {number}/{len(sheets)} 张 · FieldApp 驻村帮扶工作台")
            renderPDF.draw(sheet.drawing, canvas, 30, 44)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
    return target
