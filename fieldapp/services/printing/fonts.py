"""The bundled fonts registered with reportlab as one font with per-character fallback.

Every printed document draws its text in :data:`FONT`. That name is a
:class:`FallbackFont`: WenQuanYi Micro Hei for everything it has, and, character by
character, the bundled fallback fonts for rare characters (生僻字) it lacks — CJK
Extension A, B–F (HanaMinA/HanaMinB, from the Hanazono fonts) and most of G and H
(BabelStone Han). Canvas strings, text objects, table cells and platypus paragraphs all
reach reportlab through a font's ``stringWidth`` and ``splitString``, so this class is
the one place where the fallback happens: widths are measured in the font that draws
each character, and each run is drawn in its own embedded subset.

A character that no bundled font has is drawn as :data:`MISSING_MARK` (〓, the mark
Chinese typesetting uses for a missing character), never dropped, and recorded: a caller
that wraps the rendering in :func:`missing_glyphs` learns which characters were marked
and tells the user (:func:`missing_message`).

reportlab embeds each font as subsets holding only the glyphs a document uses, each
with a ToUnicode map, so the PDF stays small, shows the text on a machine without CJK
fonts and its text extracts. Registration is process-wide and done once.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from fieldapp import resources

log = logging.getLogger("fieldapp.services.printing")

FONT_FILE = "wqy-microhei.ttc"
FONT = "WQYMicroHei"
# (reportlab name, file) in the order they are tried after the main font; scripts/make_fallback_fonts.py
# made them so that each holds only the Han characters the ones before it lack.
FALLBACK_FILES = (
    ("HanaMinA-Fallback", "hanamin-a-fallback.ttf"),
    ("HanaMinB-Fallback", "hanamin-b-fallback.ttf"),
    ("BabelStoneHan-Fallback", "babelstone-han-fallback.ttf"),
)
MISSING_MARK = "〓"
_SUBSET_BITS = 16  # splitString's subset numbers: font index above these bits, the font's own subset below

_lock = threading.Lock()
_font: list[FallbackFont] = []  # the one registered font, once registered
_missing: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("missing_glyphs", default=None)
_logged: set[str] = set()


def _ignorable(char: str) -> bool:
    """Characters that print nothing (variation selectors, joiners, controls): never marked."""
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or unicodedata.category(char) in ("Cc", "Cf")


def _report(char: str) -> None:
    found = _missing.get()
    if found is not None:
        found.add(char)
    if char not in _logged:
        _logged.add(char)
        log.warning("no bundled font has U+%04X; printed as %s", ord(char), MISSING_MARK)


def _to_unicode_cmap(name: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab writes their code point as four hex digits and more (``<20BB7>``), which readers take
    for U+20BB and a stray digit: 𠮷 would extract as “₻”. Most rare characters are beyond U+FFFF.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo\n<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


class _Face(TTFont):  # type: ignore[misc]  # reportlab ships no type hints
    """A TrueType face whose subsets map characters beyond U+FFFF correctly for text extraction."""

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if max(subset, default=0) > 0xFFFF:
                base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
                doc.idToObject["toUnicodeCMap:" + base].content = _to_unicode_cmap(base, subset)


class FallbackFont:
    """A reportlab font (duck-typed like ``TTFont``) that draws each character in the first face having it.

    ``splitString`` hands reportlab runs whose subset number names the face too; the
    faces are TTFonts of their own, so each embeds its own subsets when the document is saved.
    """

    _dynamicFont = 1
    _multiByte = 1
    shapable = False  # no HarfBuzz shaping: Chinese needs none, and it would bypass the fallback

    def __init__(self, name: str, main: Any, load_fallbacks: Callable[[], list[Any]]) -> None:
        self.fontName = name
        self.faces = [main]
        self.face = main.face  # ascent/descent for platypus, the main face's name for registration
        self.encoding = main.encoding
        # each character's face (index) and width; the fallback faces join on the first character
        # the main face lacks, so a document without rare characters never loads them
        self._where: dict[int, int] = dict.fromkeys(main.face.charToGlyph, 0)
        self._widths: dict[int, float] = {code: main.face.getCharWidth(code) for code in main.face.charToGlyph}
        self._where[0xA0] = 0  # reportlab draws a no-break space as a space
        self._widths.setdefault(0xA0, self._widths.get(32, 0.0))
        self._load_fallbacks: Callable[[], list[Any]] | None = load_fallbacks
        self._loading = threading.Lock()
        self.mark_width = float(self._widths[ord(MISSING_MARK)])

    def _ensure_fallbacks(self) -> None:
        """Load the fallback faces, once (thread-safe)."""
        if self._load_fallbacks is None:
            return
        with self._loading:
            if self._load_fallbacks is None:
                return
            faces = self._load_fallbacks()
            where, widths = dict(self._where), dict(self._widths)
            for index, font in enumerate(faces, start=len(self.faces)):
                face = font.face
                for code in face.charToGlyph:
                    if code not in where:  # the first face that has a character draws it
                        where[code] = index
                        widths[code] = face.getCharWidth(code)
            # replaced whole, so a reader on another thread never sees a half-filled table
            self.faces = [*self.faces, *faces]
            self._where, self._widths = where, widths
            self._load_fallbacks = None

    def has_glyph(self, char: str) -> bool:
        if ord(char) not in self._where:
            self._ensure_fallbacks()
        return ord(char) in self._where

    def char_width(self, code: int) -> float:
        """Width of one character in 1/1000 em: the mark's width when no face has it."""
        width = self._widths.get(code)
        if width is None:
            return 0.0 if _ignorable(chr(code)) else self.mark_width
        return float(width)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        try:  # the common case: every character has a face
            total = sum(map(self._widths.__getitem__, map(ord, text)))
        except KeyError:
            self._ensure_fallbacks()
            total = sum(map(self.char_width, map(ord, text)))
        return float(total) * size / 1000.0

    def runs(self, text: str) -> list[tuple[int, str]]:
        """(face index, text) runs; a character no face has becomes the mark (and is reported)."""
        if not all(map(self._where.__contains__, map(ord, text))):
            self._ensure_fallbacks()
        where = self._where
        result: list[tuple[int, str]] = []
        current, chars = -1, list[str]()
        for char in text:
            index, drawn = where.get(ord(char)), char
            if index is None:
                if _ignorable(char):
                    continue
                _report(char)
                index, drawn = where[ord(MISSING_MARK)], MISSING_MARK
            if index != current and chars:
                result.append((current, "".join(chars)))
                chars = []
            current = index
            chars.append(drawn)
        if chars:
            result.append((current, "".join(chars)))
        return result

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        out: list[tuple[int, bytes]] = []
        for index, run in self.runs(text):
            for subset, chunk in self.faces[index].splitString(run, doc):
                out.append(((index << _SUBSET_BITS) | subset, chunk))
        return out

    def getSubsetInternalName(self, subset: int, doc: Any) -> str:
        # the face registers itself with the document here and embeds its subsets when it is saved
        face = self.faces[subset >> _SUBSET_BITS]
        return str(face.getSubsetInternalName(subset & ((1 << _SUBSET_BITS) - 1), doc))

    def addObjects(self, doc: Any) -> None:
        """Nothing of its own to embed: the faces add theirs (they are in the document's delayed fonts)."""


def _load(name: str, file: str) -> _Face:
    with resources.as_path("fonts", file) as path:
        # TTFont reads the whole file here, so a temporary copy (frozen app) may go away after.
        return _Face(name, str(path), subfontIndex=0)


def register_fonts() -> str:
    """Register the bundled fonts as :data:`FONT` (idempotent, thread-safe); returns that name."""
    with _lock:
        if not _font:
            font = FallbackFont(FONT, _load(f"{FONT}-Main", FONT_FILE),
                                lambda: [_load(name, file) for name, file in FALLBACK_FILES])
            pdfmetrics.registerFont(font)
            # One face only: <b>/<i> in paragraphs map to it instead of failing.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            # Binary (Flate-only) streams: ASCII85 on top would make every PDF a quarter larger.
            rl_config.useA85 = 0
            _font.append(font)
            log.debug("registered %s from %s with %d fallback fonts", FONT, FONT_FILE, len(FALLBACK_FILES))
    return FONT


def fallback_font() -> FallbackFont:
    register_fonts()
    return _font[0]


def string_width(text: str, size: float) -> float:
    """Width of ``text`` in points at ``size``, each character in the font that prints it."""
    return fallback_font().stringWidth(text, size)


@contextlib.contextmanager
def missing_glyphs() -> Iterator[set[str]]:
    """Collects the characters that no bundled font has, drawn as :data:`MISSING_MARK` inside the block.

    Per thread (a context variable): a print job on a worker thread collects its own.
    """
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def note_missing(chars: Iterable[str]) -> None:
    """Record characters another process printed as the mark, for this thread's :func:`missing_glyphs`."""
    for char in chars:
        _report(char)


def missing_message(chars: set[str] | frozenset[str]) -> str:
    """The warning for the user: which characters were printed as the mark (by code point, as they cannot show)."""
    listed = "、".join(f"U+{ord(c):04X}" for c in sorted(chars))
    return f"以下字符没有可用的字体，已在 PDF 中以“{MISSING_MARK}”标出，请手写补正：{listed}"
