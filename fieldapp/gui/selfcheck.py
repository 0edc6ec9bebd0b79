"""The Qt part of ``fieldapp --self-test`` (see :mod:`fieldapp.selftest`).

Checks what a frozen bundle most easily loses: the platform plugin, the bundled CJK
font (with the glyphs of the app's name), the window icon, the compiled translations,
the JPEG image plugin (photo thumbnails) and the main window with every page. Runs off-screen when
``QT_QPA_PLATFORM=offscreen`` (the self-test sets it unless told otherwise).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QImageReader
from PySide6.QtWidgets import QApplication

from fieldapp.gui import i18n
from fieldapp.gui.app import configure_application
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.selfcheck")

APP_TITLE = "驻村帮扶工作台"


class GuiCheckError(RuntimeError):
    """A part of the Qt front end is missing or broken."""


def check(ctx: AppContext) -> str:
    """Run the checks on a set-up context; returns a one-line summary, raises GuiCheckError."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["fieldapp", "--self-test"])
    configure_application(app)  # bundled font as the application font, window icon
    family = app.font().family()
    if "WenQuanYi" not in family:
        raise GuiCheckError(f"内置中文字体未能载入（当前字体 {family}）")
    if app.windowIcon().isNull():
        raise GuiCheckError("程序图标未能载入")
    metrics = QFontMetrics(QFont(family))
    missing = [ch for ch in APP_TITLE if not metrics.inFontUcs4(ord(ch))]
    if missing:
        raise GuiCheckError(f"内置字体 {family} 缺少汉字：{''.join(missing)}")

    translated = {}
    try:
        for language in ("en", "zh-Hant"):
            if not i18n.install(language):
                raise GuiCheckError(f"界面翻译 {language} 未能载入")
            translated[language] = QCoreApplication.translate("app", APP_TITLE)
            if translated[language] == APP_TITLE:
                raise GuiCheckError(f"界面翻译 {language} 已载入但没有译文")
    finally:
        i18n.install("zh-Hans")

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if not {"jpeg", "png"} <= formats:
        raise GuiCheckError(f"缺少图片格式插件（照片缩略图需要 JPEG）：现有 {sorted(formats)}")

    tasks = SyncTaskManager()
    window = MainWindow(ctx, tasks)
    try:
        window.resize(1200, 760)
        window.show()
        app.processEvents()
        pages = window.page_keys()
        shot = window.grab()
        if shot.isNull() or shot.width() < 100:
            raise GuiCheckError("主窗口无法绘制")
    finally:
        window.hide()
        tasks.shutdown()
        window.deleteLater()
        app.processEvents()
    platform = QGuiApplication.platformName()
    log.info("GUI self-check passed on %s with %s", platform, family)
    return (f"平台 {platform}，字体 {family}，翻译 en「{translated['en']}」 zh-Hant「{translated['zh-Hant']}」，"
            f"主窗口 {len(pages)} 页")
