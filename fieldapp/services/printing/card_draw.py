"""Drawing one door-plate card (信息公示牌) on a canvas.

The card is laid out once, in the coordinates of an A4 landscape sheet
(:data:`CARD_W` × :data:`CARD_H` points); A3 and the 2-up A5 halves are the same
drawing scaled (ISO sizes share one aspect ratio), so every district's cards look alike.

Top to bottom: a band in the kind's colour with the title and a large label of the
kind (兜底户 / 脱贫户) — 兜底户 bands also carry diagonal hatching, so the two kinds
differ on a black-and-white printer by pattern and by the label, not by colour alone —
then the fields as a ruled two-column list with the QR code beside them, then a footer.
Values wrap; when the measures do not fit, the type size steps down and, at the
smallest size, the last line ends in “…”: nothing ever runs off the card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas

from fieldapp.services.printing.card_fields import PLATE_FIELDS, CardData
from fieldapp.services.printing.common import GREY, INK
from fieldapp.services.printing.fonts import FONT
from fieldapp.services.printing.layout import (
    blend,
    draw_hatch,
    draw_qr,
    ellipsize,
    fit_lines,
    text_width,
    wrap_text,
)

CARD_W, CARD_H = 841.8897637795277, 595.2755905511812  # A4 landscape
MARGIN = 22.0  # sheet edge → card border
BAND_H = 96.0
PAD = 30.0  # border → content
QR_SIZE = 156.0
QR_GAP = 26.0
FOOTER_H = 36.0
SIZES = (24.0, 22.0, 20.0, 19.0, 18.0, 17.0, 16.0, 15.0, 14.0, 13.0, 12.0, 11.0)  # value sizes, largest first
LABEL_SCALE = 0.8  # label size / value size
HATCH_SPACING, HATCH_WIDTH, HATCH_TINT = 13.0, 4.0, 0.28


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


BORDER = Rect(MARGIN, MARGIN, CARD_W - 2 * MARGIN, CARD_H - 2 * MARGIN)
BAND = Rect(MARGIN, CARD_H - MARGIN - BAND_H, CARD_W - 2 * MARGIN, BAND_H)
BODY_TOP = BAND.y - 16
QR = Rect(BORDER.x + BORDER.w - PAD - QR_SIZE, BODY_TOP - QR_SIZE, QR_SIZE, QR_SIZE)
# A strip of the band that no text crosses (tests sample its pixels): along the band's bottom edge.
BAND_PROBE = Rect(MARGIN + 40, BAND.y + 4, CARD_W - 2 * MARGIN - 80, 12)


@dataclass(frozen=True)
class CardLook:
    """What a district sets: title, fields shown (in card order), a colour per kind."""

    title: str
    fields: tuple[str, ...]
    colours: dict[str, Color]
    footer: str = ""
    date_text: str = ""


def _bold(canvas: Canvas, x: float, y: float, text: str, *, size: float, colour: Color, centred: bool = False) -> None:
    """Text with a thin outline of its own colour: the font has no bold face."""
    canvas.saveState()
    t = canvas.beginText()
    t.setFont(FONT, size)
    t.setTextRenderMode(2)
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(size / 40)
    t.setTextOrigin(x - (text_width(text, size) / 2 if centred else 0), y)
    t.textOut(text)
    t.setTextRenderMode(0)
    canvas.drawText(t)
    canvas.restoreState()


def _band(canvas: Canvas, card: CardData, look: CardLook, colour: Color) -> None:
    canvas.saveState()
    clip = canvas.beginPath()
    clip.roundRect(BORDER.x, BORDER.y, BORDER.w, BORDER.h, 12)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillColor(colour)
    canvas.rect(BAND.x, BAND.y, BAND.w, BAND.h, stroke=0, fill=1)
    if card.kind == "safety_net":
        draw_hatch(canvas, (BAND.x, BAND.y, BAND.w, BAND.h), colour=blend(colour, HATCH_TINT), spacing=HATCH_SPACING,
                   line_width=HATCH_WIDTH)
    canvas.restoreState()
    # the kind, large, white on a plate of its own at the right
    label_size = 34.0
    pill_w = text_width(card.kind_label, label_size) + 44
    pill_h = 60.0
    pill_x = BAND.x + BAND.w - PAD - pill_w
    pill_y = BAND.y + (BAND_H - pill_h) / 2 + 4
    canvas.setFillColor(white)
    canvas.roundRect(pill_x, pill_y, pill_w, pill_h, 10, stroke=0, fill=1)
    _bold(canvas, pill_x + pill_w / 2, pill_y + pill_h / 2 - label_size * 0.36, card.kind_label, size=label_size,
          colour=colour, centred=True)
    # the title, shrunk to fit what the kind label leaves
    room = pill_x - (BAND.x + PAD) - 20
    size = 38.0
    while size > 16 and text_width(look.title, size) > room:
        size -= 1
    title = fit_lines(look.title, size, room, 1)[0]
    _bold(canvas, BAND.x + PAD, BAND.y + BAND_H / 2 - size * 0.36 + 4, title, size=size, colour=white)


def _rows(card: CardData, fields: Sequence[str]) -> list[tuple[str, list[str]]]:
    """(label, paragraphs) per shown field, in card order."""
    rows: list[tuple[str, list[str]]] = []
    for name in fields:
        if name == "village_group":
            rows.append(("所在村组", [card.village_group]))
        elif name == "head":
            rows.append(("户　　主", [card.head]))
        elif name == "size_attribute":
            rows.append(("家庭人口", [f"{card.size}人　　户属性：{card.attribute}" if card.attribute
                                      else f"{card.size}人"]))
        elif name == "causes":
            rows.append(("致贫原因", [card.causes or "—"]))
        elif name == "measures":
            rows.append(("帮扶措施", list(card.measures) or ["—"]))
        elif name == "cadre":
            parts = [card.cadre or "—", card.cadre_unit]
            if card.cadre_phone:
                parts.append(f"电话 {card.cadre_phone}")
            rows.append(("包扶责任人", ["　".join(p for p in parts if p)]))
        elif name == "exit":
            rows.append(("脱贫情况", [card.exit_text]))
    return rows


def _label_w(size: float) -> float:
    return text_width("包扶责任人", size * LABEL_SCALE) + size * 1.1


Line = tuple[float, str]  # indent (points), text


def _wrap_paragraph(text: str, size: float, width: float) -> list[Line]:
    """Wrapped lines; “产业发展：…” continues under its content, not under its label (hanging indent)."""
    head, sep, rest = text.partition("：")
    if sep and rest and 0 < len(head) <= 6:
        indent = text_width(head + sep, size)
        if indent < width / 3:
            body = wrap_text(rest, size, width - indent)
            return [(0.0, head + sep + body[0]), *((indent, line) for line in body[1:])]
    return [(0.0, line) for line in wrap_text(text, size, width)]


def _wrap_rows(rows: list[tuple[str, list[str]]], size: float, width: float) -> list[list[Line]]:
    value_w = width - _label_w(size)
    return [[line for p in paras for line in _wrap_paragraph(p, size, value_w)] for _, paras in rows]


def _layout(rows: list[tuple[str, list[str]]], width: float, height: float) -> tuple[float, list[list[Line]]]:
    """The largest size at which every row fits; at the smallest, the longest row is cut with “…”."""
    lo, hi = 0, len(SIZES) - 1  # binary search for the first size (largest first) that fits
    best: tuple[float, list[list[Line]]] | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        lines = _wrap_rows(rows, SIZES[mid], width)
        if _height(lines, SIZES[mid]) <= height:
            best, hi = (SIZES[mid], lines), mid - 1
        else:
            lo = mid + 1
    if best is not None:
        return best
    size = SIZES[-1]
    lines = _wrap_rows(rows, size, width)
    while _height(lines, size) > height:
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        if len(lines[longest]) <= 1:
            break
        kept = lines[longest][:-1]
        indent, text = kept[-1]
        kept[-1] = (indent, ellipsize(text, size, width - _label_w(size) - indent))
        lines[longest] = kept
    return size, lines


def _leading(size: float) -> float:
    return size * 1.38


def _row_pad(size: float) -> float:
    return size * 0.5


def _height(lines: list[list[Line]], size: float) -> float:
    return sum(len(ls) * _leading(size) + 2 * _row_pad(size) for ls in lines)


def _frame(canvas: Canvas, card: CardData, look: CardLook, colour: Color) -> None:
    """What every card of one kind shares: band, title, kind label, border, captions, footer."""
    _band(canvas, card, look, colour)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(3)
    canvas.roundRect(BORDER.x, BORDER.y, BORDER.w, BORDER.h, 12, stroke=1, fill=0)
    if "qr" in look.fields:
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 12)
        canvas.drawCentredString(QR.x + QR.w / 2, QR.y - 16, "档案核验码")
    canvas.setStrokeColor(blend(colour, 0.72))
    canvas.setLineWidth(0.8)
    canvas.line(BORDER.x + PAD, BORDER.y + FOOTER_H - 8, BORDER.x + BORDER.w - PAD, BORDER.y + FOOTER_H - 8)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 10)
    if look.footer:
        canvas.drawString(BORDER.x + PAD, BORDER.y + 14, fit_lines(look.footer, 10, BORDER.w / 2, 1)[0])
    if look.date_text:
        canvas.drawRightString(BORDER.x + BORDER.w - PAD, BORDER.y + 14, look.date_text)


def _code_lines(code: str) -> list[str]:
    """The card code on two lines, broken after a dash (a typed code may leave the dashes out)."""
    parts = code.split("-")
    if len(parts) < 5:
        return wrap_text(code, 7.5, QR.w)
    return ["-".join(parts[:3]) + "-", "-".join(parts[3:])]


def draw_card(canvas: Canvas, card: CardData, look: CardLook, frames: set[str] | None = None) -> None:
    """One card in card coordinates (0, 0)–(CARD_W, CARD_H); the caller translates and scales.

    With ``frames`` (one set per canvas), the parts all cards of a kind share are drawn
    once into a form (XObject) and only referenced afterwards: a 1,000-card PDF stays
    small and quick to write.
    """
    colour = look.colours[card.kind]
    canvas.saveState()
    if frames is None:
        _frame(canvas, card, look, colour)
    else:
        name = f"plate_{card.kind}"
        if name not in frames:
            canvas.beginForm(name, 0, 0, CARD_W, CARD_H)
            _frame(canvas, card, look, colour)
            canvas.endForm()
            frames.add(name)
        canvas.doForm(name)

    top, bottom = BODY_TOP, BORDER.y + FOOTER_H
    left, right = BORDER.x + PAD, BORDER.x + BORDER.w - PAD
    if "qr" in look.fields:
        draw_qr(canvas, card.code, QR.x, QR.y, QR.w)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 7.5)
        for i, line in enumerate(_code_lines(card.code)):
            canvas.drawCentredString(QR.x + QR.w / 2, QR.y - 31 - i * 9.5, line)
        right = QR.x - QR_GAP

    rows = _rows(card, [f for f in look.fields if f in PLATE_FIELDS])
    size, lines = _layout(rows, right - left, top - bottom)
    value_x = left + _label_w(size)
    # spare height is shared out as row padding (up to a limit), so short cards do not bunch at the top
    spare = (top - bottom) - _height(lines, size)
    stretch = min(spare / (2 * len(rows)), size * 0.7) if rows and spare > 0 else 0.0
    rules = canvas.beginPath()
    labels, values = canvas.beginText(), canvas.beginText()
    labels.setFont(FONT, size * LABEL_SCALE)
    labels.setFillColor(colour)
    values.setFont(FONT, size)
    values.setFillColor(INK)
    y = top
    for (label, _), row_lines in zip(rows, lines, strict=True):
        pad, leading = _row_pad(size) + stretch, _leading(size)
        baseline = y - pad - size * 0.9
        labels.setTextOrigin(left, baseline)
        labels.textOut(label)
        for i, (indent, line) in enumerate(row_lines):
            values.setTextOrigin(value_x + indent, baseline - i * leading)
            values.textOut(line)
        y -= len(row_lines) * leading + 2 * pad
        rules.moveTo(left, y)
        rules.lineTo(right, y)
    canvas.drawText(labels)
    canvas.drawText(values)
    canvas.setStrokeColor(blend(colour, 0.72))
    canvas.setLineWidth(0.8)
    canvas.drawPath(rules, stroke=1, fill=0)
    canvas.restoreState()
