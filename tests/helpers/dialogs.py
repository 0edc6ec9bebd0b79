"""Answering modal message boxes in GUI tests (``exec()`` blocks the test, so a timer polls)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class BoxAnswerer:
    """Answers the next modal message box by clicking the button with a given text.

    Polls with a timer (the box is opened by ``exec()``, which blocks the test), records
    the text of each box answered, and rejects a box without that button so a test
    can never hang on it.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timers: list[QTimer] = []

    def answer(self, button_text: str, tries: int = 300) -> None:
        timer = QTimer()
        timer.setInterval(10)
        state = {"left": tries}

        def poll() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                timer.stop()
                self.seen.append(box.text())
                for button in box.buttons():
                    if button.text() == button_text:
                        button.click()
                        return
                box.reject()
                return
            state["left"] -= 1
            if state["left"] <= 0:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()


@pytest.fixture
def boxes() -> Iterator[BoxAnswerer]:
    answerer = BoxAnswerer()
    yield answerer
    answerer.stop()
