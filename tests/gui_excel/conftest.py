"""Fixtures of the Excel dialog tests: task managers, the workbook builders of tests/excel, the gui marker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tests.excel.conftest import village_ids, xlsx_file  # noqa: F401  (fixtures)
from tests.helpers.qt import mark_gui_folder, sync_tasks, tasks  # noqa: F401  (fixtures)

_HERE = Path(__file__).parent
# The offscreen platform cannot pass size hints or raise windows, and says so for each window.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, _HERE, OFFSCREEN_SIZE_HINTS)



def close_dialogs(widget: QWidget) -> None:
    """Close what a test left open under ``widget`` (message boxes, dialogs)."""
    for box in widget.findChildren(QMessageBox):
        box.done(0)
    for dialog in widget.findChildren(QDialog):
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)


def open_boxes(widget: QWidget) -> list[str]:
    return [box.text() for box in widget.findChildren(QMessageBox) if box.isVisible()]
