"""Typing into widgets as a user does: ASCII by key clicks, Chinese through the input method.

``QTest.keyClicks`` only knows ASCII keys (it asserts on other characters), and Chinese is
really entered through an input method anyway, which commits whole words to the widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit(widget: QWidget, text: str) -> None:
    """An input method committing ``text`` (as after choosing 张三明 in a pinyin IME)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text``: runs of ASCII as key clicks, runs of other characters as IME commits."""
    run = ""
    for ch in text:
        if run and run[-1].isascii() != ch.isascii():
            _flush(qtbot, widget, run)
            run = ""
        run += ch
    if run:
        _flush(qtbot, widget, run)


def _flush(qtbot: Any, widget: QWidget, run: str) -> None:
    if run.isascii():
        qtbot.keyClicks(widget, run)
    else:
        commit(widget, run)
