"""The bundled CJK font (WenQuanYi Micro Hei) registered with reportlab, for every printed document.

reportlab embeds a TrueType font as subsets holding only the glyphs a document uses,
each with a ToUnicode map, so the PDF shows Chinese on a machine without CJK fonts and
its text extracts (``pdftotext``). Registration is process-wide and done once.
"""

from __future__ import annotations

import logging
import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp import resources

log = logging.getLogger("fieldapp.services.printing")

FONT_FILE = "wqy-microhei.ttc"
FONT = "WQYMicroHei"

_lock = threading.Lock()
_registered: set[str] = set()


def register_fonts() -> str:
    """Register the bundled font (idempotent, thread-safe); returns its reportlab name."""
    with _lock:
        if FONT not in _registered:
            with resources.as_path("fonts", FONT_FILE) as path:
                # TTFont reads the whole file here, so a temporary copy (frozen app) may go away after.
                pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
            # One face only: <b>/<i> in paragraphs map to it instead of failing.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            # Binary (Flate-only) streams: ASCII85 on top would make every PDF a quarter larger.
            rl_config.useA85 = 0
            _registered.add(FONT)
            log.debug("registered %s from %s", FONT, FONT_FILE)
    return FONT


def string_width(text: str, size: float) -> float:
    """Width of ``text`` in points at ``size`` in the bundled font."""
    return float(pdfmetrics.stringWidth(text, register_fonts(), size))
