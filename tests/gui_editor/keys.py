"""Typing into widgets in tests, Chinese included.

``QTest.keyClicks`` can only type Latin-1; Chinese arrives in a real session from the
input method as a committed string, so that is what :func:`type_text` sends for it.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` at the cursor: key clicks for ASCII runs, IME commits for the rest."""
    run = ""
    for ch in text:
        if ch.isascii():
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)
