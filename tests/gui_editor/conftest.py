"""Fixtures for the household editor tests: open an editor, answer its message boxes, count changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services.context import AppContext


def _close_quietly(editor: QWidget) -> None:
    """Close an editor left open by a test without its unsaved-changes question."""
    if editor.isVisible():
        QDialog.done(editor, QDialog.DialogCode.Rejected)  # type: ignore[arg-type]


@pytest.fixture
def open_editor(qtbot: QtBot, ctx: AppContext) -> Callable[..., HouseholdEditor]:
    def make(household_id: str | None = None, village_id: str | None = None) -> HouseholdEditor:
        editor = HouseholdEditor(ctx, household_id, village_id)
        qtbot.addWidget(editor, before_close_func=_close_quietly)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


@pytest.fixture
def change_count(ctx: AppContext) -> Callable[[], int]:
    def count() -> int:
        return int(ctx.db.scalar("SELECT count(*) FROM change_log") or 0)

    return count


class BoxAnswerer:
    """Answers the next modal message box by clicking the button with a given text.

    Polls with a timer (the box is opened by ``exec()``, which blocks the test), records
    the text of each box answered, and rejects a box without that button so a test
    can never hang on it.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timers: list[QTimer] = []

    def answer(self, button_text: str, tries: int = 200) -> None:
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
