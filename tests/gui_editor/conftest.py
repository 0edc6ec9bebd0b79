"""Fixtures for the household editor tests: open an editor, answer its message boxes, count changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services.context import AppContext
from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import sync_tasks  # noqa: F401  (fixture)


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


