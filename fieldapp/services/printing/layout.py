"""Layout helpers for canvas-drawn documents: colours, CJK line wrapping, QR codes, hatching.

The door-plate card is drawn straight on the canvas (it is one fixed layout, and a
district prints thousands), so it wraps its own text here instead of using platypus:
Chinese breaks between any two characters, except that closing punctuation never starts
a line and opening punctuation never ends one (避头尾), and runs of Latin letters and
digits (phone numbers, years) stay whole when they fit.
"""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from fieldapp.services.printing.fonts import string_width

NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】…%,.;:?!)]}·～-")
NO_LINE_END = frozenset("（「『“‘《〈【([{")
ELLIPSIS = "…"
_TOKENS = re.compile(r"[A-Za-z0-9@#&*+/._%-]+|\s+|.", re.DOTALL)


def parse_colour(text: str | None, fallback: str) -> Color:
    """A ``#RRGGBB`` setting as a colour; ``fallback`` when the setting is malformed."""
    value = (text or "").strip()
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        value = fallback
    return HexColor(value)


def blend(colour: Color, t: float, other: Color = white) -> Color:
    """``colour`` moved ``t`` (0…1) of the way towards ``other`` (white: a tint)."""
    return Color(colour.red + (other.red - colour.red) * t, colour.green + (other.green - colour.green) * t,
                 colour.blue + (other.blue - colour.blue) * t)


def luminance(colour: Color) -> float:
    """Perceived brightness 0…1 (ITU-R BT.601, what a greyscale printer does)."""
    return float(0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue)


def text_width(text: str, size: float) -> float:
    """Width in points, each character measured in the font that prints it (rare ones in a fallback font)."""
    return string_width(text, size)


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points at font ``size`` (never overflows)."""
    if "\n" not in text and text_width(text, size) <= width:
        return [text.strip()]
    return list(_wrap_cached(text, size, width))


@lru_cache(maxsize=4096)
def _wrap_cached(text: str, size: float, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, size, width))
    return tuple(lines) or ("",)


def _split_long(token: str, size: float, width: float) -> list[str]:
    """A word wider than the line, broken between characters (still keeping the 避头尾 rules)."""
    parts, current = [], ""
    for char in token:
        if current and text_width(current + char, size) > width:
            if len(current) > 1 and (char in NO_LINE_START or current[-1] in NO_LINE_END):
                parts.append(current[:-1])
                current = current[-1]
            else:
                parts.append(current)
                current = ""
        current += char
    return [*parts, current] if current else parts


def _tokens(text: str) -> list[str]:
    """Words, spaces and single CJK characters; a closing mark sticks to what precedes it and an
    opening mark to what follows, so no break can fall between them."""
    merged: list[str] = []
    for token in _TOKENS.findall(text):
        if merged and not merged[-1].isspace() and not token.isspace() and (
                token[0] in NO_LINE_START or merged[-1][-1] in NO_LINE_END):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _wrap_paragraph(text: str, size: float, width: float) -> list[str]:
    tokens: list[str] = []
    sizes: list[float] = []
    for token in _tokens(text):
        w = text_width(token, size)
        if w > width:
            for part in _split_long(token, size, width):
                tokens.append(part)
                sizes.append(text_width(part, size))
        else:
            tokens.append(token)
            sizes.append(w)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for token, w in zip(tokens, sizes, strict=True):
        if not line and token.isspace():
            continue
        if line and used + w > width:
            lines.append("".join(line).rstrip())
            line, used = [], 0.0
            if token.isspace():
                continue
        line.append(token)
        used += w
    if line:
        lines.append("".join(line).rstrip())
    return lines or [""]


def fit_lines(text: str, size: float, width: float, max_lines: int) -> list[str]:
    """Wrapped lines, cut to ``max_lines`` with an ellipsis that still fits the width."""
    lines = wrap_text(text, size, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1], size, width)
    return kept


def ellipsize(line: str, size: float, width: float) -> str:
    """``line`` ended with “…” (shortened as needed to stay within ``width``): more text was cut."""
    while line and text_width(line + ELLIPSIS, size) > width:
        line = line[:-1]
    return line + ELLIPSIS


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float, *, border: int = 2) -> None:
    """A QR code as vector rectangles, ``size`` points square with its lower-left corner at (x, y).

    Drawn from segno's module matrix instead of an embedded image: crisp at any print size.
    One rectangle per run of dark modules, in a coordinate system of one unit per module
    (integers only), keeps a code to about a kilobyte of page content before compression.
    """
    matrix = segno.make(payload, error="m", micro=False).matrix
    n = len(matrix)
    module = size / (n + 2 * border)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.translate(x + border * module, y + size - border * module)
    canvas.scale(module, -module)  # rows run downwards, one unit per module
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start} {r} {c - start} 1 re")
            else:
                c += 1
    canvas.addLiteral("n " + " ".join(ops) + " f")
    canvas.restoreState()


def draw_hatch(canvas: Canvas, rect: tuple[float, float, float, float], *, colour: Color, spacing: float,
               line_width: float) -> None:
    """Diagonal stripes (45°) across ``rect`` (x, y, w, h), clipped to it: a mark that survives greyscale."""
    x, y, w, h = rect
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y, w, h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(line_width)
    path = canvas.beginPath()
    offset = -h
    while offset < w:
        path.moveTo(x + offset, y)
        path.lineTo(x + offset + h, y + h)
        offset += spacing
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()
