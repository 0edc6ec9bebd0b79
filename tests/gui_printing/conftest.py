"""Fixtures for the printing GUI tests: task managers, a register of households in two villages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from fieldapp.services.context import AppContext
from tests.helpers.qt import mark_gui_folder, sync_tasks, tasks  # noqa: F401  (fixtures)
from tests.workflow.conftest import team  # noqa: F401  (fixture: the village team's accounts)

_HERE = Path(__file__).parent
# The offscreen platform cannot pass size hints to a window manager and says so for each top-level window.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, _HERE, OFFSCREEN_SIZE_HINTS)



@pytest.fixture
def register(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, Any]:
    """Seven households in 东村 (groups 1–3) and two in 西村; the ids by village and by group."""
    east = [make_household(f"东户{i}", group_no=1 + i % 3) for i in range(7)]
    west = [make_household(f"西户{i}", village=1, group_no=1) for i in range(2)]
    groups: dict[int, list[str]] = {}
    for i, hid in enumerate(east):
        groups.setdefault(1 + i % 3, []).append(hid)
    return {"east": east, "west": west, "east_groups": groups}


def close_dialogs(widget: QWidget) -> None:
    """Close (and so clean up) the dialogs a test left open under ``widget``."""
    for dialog in widget.findChildren(QDialog):
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)
