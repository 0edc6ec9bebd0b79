"""The bundled fonts, registered with Qt at start.

WenQuanYi Micro Hei (Apache-2.0) is the application font, so Chinese renders on a
machine that has no CJK fonts installed. The fallback fonts for rare characters (生僻字:
CJK Extensions A–H, the same files the PDFs use, see :mod:`fieldapp.services.printing.fonts`)
follow it in the application font's family list (``QFont.setFamilies``: Qt takes each
character from the first family that has it) and are its substitutes wherever a widget
names the main family alone, so a name such as 刘䶮 or 张𠮷𬌗 shows whole in lists,
editors and dialogs. (PySide6 does not bind ``addApplicationFallbackFontFamily``.)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp import paths, resources

log = logging.getLogger("fieldapp.gui.fonts")

FONT_FILE = "wqy-microhei.ttc"
# the same files, in the same order, as the PDFs' fallback (services/printing/fonts.py)
FALLBACK_FILES = ("hanamin-a-fallback.ttf", "hanamin-b-fallback.ttf", "babelstone-han-fallback.ttf")

_fallbacks: list[str] = []
_main: list[str] = []  # the main family, once registered


def _load(file: str) -> str | None:
    """Register one bundled font file with Qt; its family, or None (logged) when Qt cannot load it."""
    with resources.as_path("fonts", file) as path:
        # by path, not data: Qt then maps the file instead of holding a copy of the 29 MB HanaMinB in memory
        font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        data = resources.read_bytes("fonts", file)  # e.g. resources inside an archive
        font_id = QFontDatabase.addApplicationFontFromData(data)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled font %s could not be loaded", file)
        return None
    return str(families[0])


def prepare_application(app: QApplication) -> None:
    """What the first window needs to be drawn: the names and the bundled CJK font (not its fallbacks).

    Both the login (:mod:`fieldapp.gui.first`) and the app's set-up (:mod:`fieldapp.gui.app`) call it; it
    lives here, below both, so that neither imports the other for it."""
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))
    register_bundled_font(app, fallbacks=False)


def register_fallback_fonts() -> list[str]:
    """Load the rare-character fonts (once); returns their families, in fallback order."""
    if not _fallbacks:
        for file in FALLBACK_FILES:
            family = _load(file)
            if family is not None:
                _fallbacks.append(family)
    return list(_fallbacks)


def register_bundled_font(app: QApplication, *, fallbacks: bool = True) -> str | None:
    """Load the bundled fonts and make the main one the application font; returns its family.

    ``fallbacks=False`` loads the main font alone (the login window, which must show at once);
    :func:`add_fallback_fonts` adds the rest once it is on screen."""
    family = _load(FONT_FILE)
    if family is None:
        return None
    _main.clear()
    _main.append(family)
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    if fallbacks:
        add_fallback_fonts(app)
    return family


def add_fallback_fonts(app: QApplication) -> list[str]:
    """Load the rare-character fonts and put them after the main font in the application font (windows
    already shown follow: Qt sends them the font change)."""
    fallbacks = register_fallback_fonts()
    if not _main or not fallbacks:
        return fallbacks
    family = _main[0]
    QFont.insertSubstitutions(family, fallbacks)
    font = QFont(app.font())
    font.setFamilies([family, *fallbacks])
    app.setFont(font)
    return fallbacks
