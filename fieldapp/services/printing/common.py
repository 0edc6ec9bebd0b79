"""What every printed document shares: atomic output, cancellation, page numbers, styles, look-ups.

A document is written to a temporary file beside the target and renamed over it only
when complete, so a cancelled or failed job never leaves a half PDF that looks whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, Table, TableStyle

from fieldapp.domain import cardcode
from fieldapp.domain.money import format_yuan
from fieldapp.domain.resident_id import mask_in_text
from fieldapp.services.printing.fonts import FONT, register_fonts

# The register's reads below import SQLAlchemy and the models when called: the drawing helpers here are also
# what a print job's child process imports (printing/card_sheet.py), and it reads no register.
if TYPE_CHECKING:
    from sqlalchemy import Connection

    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.services.printing")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

INK = colors.HexColor("#222222")
GREY = colors.HexColor("#666666")
RULE = colors.HexColor("#999999")
HEADER_FILL = colors.HexColor("#E8EEF4")
TOTAL_FILL = colors.HexColor("#F3F3F3")


class PrintCancelled(Exception):
    """The job was cancelled; nothing was written."""


@contextlib.contextmanager
def atomic_output(out_path: Path | str) -> Iterator[Path]:
    """A temporary path beside ``out_path``; renamed onto it when the block succeeds, removed otherwise."""
    target = Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fresh random name that the writer creates itself: the PDF gets the usual permissions (umask),
    # where mkstemp would leave it readable by its owner only.
    tmp = target.with_name(f".{target.stem}-{uuid.uuid4().hex[:12]}.part")
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise PrintCancelled("已取消")


def numbered_canvas(footer: str = "") -> type[Canvas]:
    """A canvas class for platypus that writes “第 N 页 共 M 页” (and ``footer``) on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # platypus passes these explicitly, as None when the document did not set them
            if kwargs.get("initialFontName") is None:
                kwargs["initialFontName"] = register_fonts()
            if kwargs.get("pageCompression") is None:
                kwargs["pageCompression"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(FONT, 9)
            self.setFillColor(GREY)
            self.drawCentredString(width / 2, 22, f"第 {number} 页 共 {total} 页")
            if footer:
                self.drawString(40, 22, footer)
            self.restoreState()

    return NumberedCanvas


def styles(base: float = 9) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the bundled font; CJK word wrap everywhere (a cell never overflows)."""
    font = register_fonts()
    common = {"fontName": font, "wordWrap": "CJK", "textColor": INK}
    return {
        "title": ParagraphStyle("title", fontSize=base * 2, leading=base * 2.6, alignment=TA_CENTER,
                                spaceAfter=base * 0.6, **common),
        "subtitle": ParagraphStyle("subtitle", fontSize=base * 1.1, leading=base * 1.6, alignment=TA_CENTER,
                                   spaceAfter=base, **{**common, "textColor": GREY}),
        "heading": ParagraphStyle("heading", fontSize=base * 1.35, leading=base * 1.9, spaceBefore=base * 1.2,
                                  spaceAfter=base * 0.5, **common),
        "body": ParagraphStyle("body", fontSize=base * 1.1, leading=base * 1.75, **common),
        "cell": ParagraphStyle("cell", fontSize=base, leading=base * 1.3, **common),
        "small": ParagraphStyle("small", fontSize=base * 0.85, leading=base * 1.1, **common),
        "head": ParagraphStyle("head", fontSize=base, leading=base * 1.3, alignment=TA_CENTER, **common),
        "num": ParagraphStyle("num", fontSize=base, leading=base * 1.3, alignment=2, **common),
        "note": ParagraphStyle("note", fontSize=base * 0.9, leading=base * 1.3, **{**common, "textColor": GREY}),
    }


def heading(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A section heading that goes to the next page when too little room is left under it for content."""
    return [CondPageBreak(st["heading"].leading * 5), Paragraph(escape(text), st["heading"])]


def para(text: Any, style: ParagraphStyle, *, keep_ids: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped: a name with “<” or “&” is printed as typed).

    Any ID-length run of digits in it (an ID typed into a note, a bank account) is masked
    unless ``keep_ids`` (internal files printed with full numbers on purpose).
    """
    plain = "" if text is None else str(text)
    if not keep_ids:
        plain = mask_in_text(plain)
    return Paragraph(escape(plain).replace("\n", "<br/>"), style)


def grid(header_rows: int = 1, total_row: bool = False, pad: float = 3) -> TableStyle:
    """Ruled table: shaded header rows (repeated on each page by the table), optional shaded total row."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), register_fonts(), 9),  # plain-string cells too: no unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    return TableStyle(commands)


def write_a4(story: list[Flowable], out_path: Path | str, *, title: str, footer: str) -> Path:
    """Build ``story`` as an A4 portrait document (the files' and reports' margins, numbered pages with
    ``footer``) at ``out_path``, written whole or not at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    target = Path(out_path)
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                                bottomMargin=18 * mm, title=title, creator="FieldApp")
        doc.build(story, canvasmaker=numbered_canvas(footer))
    return target


def ruled_table(rows: list[list[str]], widths_mm: list[float], st: dict[str, ParagraphStyle], *,
                keep_ids: bool = False) -> LongTable:
    """A ruled table of text: the first row is the header, repeated on every page."""
    body = [[para(c, st["head"]) for c in rows[0]],
            *[[para(c, st["cell"], keep_ids=keep_ids) for c in r] for r in rows[1:]]]
    table = LongTable(body, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(grid())
    return table


def label_pairs(pairs: list[tuple[str, str]], st: dict[str, ParagraphStyle], width_mm: float,
                label_mm: float = 24) -> Table:
    """Label–value pairs two to a row, the labels shaded."""
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i:i + 2]:
            row += [para(label, st["cell"]), para(value, st["cell"])]
        rows.append(row)
    table = Table(rows, colWidths=[label_mm * mm, (width_mm / 2 - label_mm) * mm] * 2)
    style = grid(header_rows=0)
    for col in (0, 2):
        style.add("BACKGROUND", (col, 0), (col, -1), "#F1F4F7")
    table.setStyle(style)
    return table


# -- formatting ---------------------------------------------------------------------------


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def date_text(value: dt.date | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return f"{value.year}年{value.month}月{value.day}日"


def yuan(fen: int | None) -> str:
    return format_yuan(fen)


# -- look-ups ----------------------------------------------------------------------------


def village_names(conn: Connection) -> dict[str, str]:
    from sqlalchemy import select

    from fieldapp.store.models import Area

    a = Area.__table__
    return {str(r.id): str(r.name) for r in conn.execute(select(a.c.id, a.c.name).where(a.c.level == "village"))}


def cadre_rows(conn: Connection) -> dict[str, Any]:
    from sqlalchemy import select

    from fieldapp.store.models import Cadre

    c = Cadre.__table__
    return {r.id: r for r in conn.execute(select(c.c.id, c.c.name, c.c.unit, c.c.phone))}


def resolve_village(ctx: AppContext, text: str) -> str:
    """A village of this laptop by id or by name; raises LookupError naming the ones there are."""
    from sqlalchemy import select

    from fieldapp.store.models import Area

    a = Area.__table__
    with ctx.db.read() as conn:
        rows = conn.execute(select(a.c.id, a.c.name).where(a.c.level == "village", a.c.deleted.is_(False))).all()
    wanted = text.strip()
    found = [r.id for r in rows if wanted in (r.id, r.name)]
    if len(found) == 1:
        return str(found[0])
    names = "、".join(r.name for r in rows) or "（无）"
    if found:
        raise LookupError(f"有多个村名为“{wanted}”，请改用村的标识")
    raise LookupError(f"没有村“{wanted}”。本机的村：{names}")


def resolve_household(ctx: AppContext, text: str) -> str:
    """A household by id, by 户编号, or by the code printed on its card."""
    from sqlalchemy import func, or_, select

    from fieldapp.store import limits
    from fieldapp.store.models import Household

    h = Household.__table__
    wanted = text.strip()
    with contextlib.suppress(cardcode.CardCodeError):
        wanted = cardcode.parse_card_code(wanted)
    with contextlib.suppress(ValueError):
        wanted = str(uuid.UUID(wanted))
    with ctx.db.read() as conn:
        rows = conn.execute(select(h.c.id).where(or_(h.c.id == wanted, h.c.hh_no == wanted),
                                                 h.c.deleted.is_(False)).limit(limits.fixed(2))).all()
        if not rows:
            count = conn.execute(select(func.count()).select_from(h).where(h.c.deleted.is_(False))).scalar()
    if len(rows) == 1:
        return str(rows[0].id)
    if rows:
        raise LookupError(f"户编号 {wanted} 对应多户，请改用户的标识")
    raise LookupError(f"找不到户“{text}”（按标识、户编号或公示牌编码查找，共 {count} 户）")
