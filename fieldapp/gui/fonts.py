"""The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0), registered with Qt at start.

So Chinese renders on a machine that has no CJK fonts installed.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp import resources

log = logging.getLogger("fieldapp.gui.fonts")

FONT_FILE = "wqy-microhei.ttc"


def register_bundled_font(app: QApplication) -> str | None:
    """Load the bundled font and make it the application font; returns its family."""
    data = resources.read_bytes("fonts", FONT_FILE)
    font_id = QFontDatabase.addApplicationFontFromData(data)
    if font_id < 0:
        log.warning("bundled font %s could not be loaded", FONT_FILE)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return family
