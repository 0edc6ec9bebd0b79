"""Qt fixtures shared by the GUI test folders (each folder's conftest imports what it uses).

- ``sync_tasks``: a :class:`SyncTaskManager` (tasks run inline, results still by signal).
- ``tasks``: the real threaded :class:`TaskManager`.
- :func:`mark_gui_folder`: marks a folder's tests ``gui`` and ignores the offscreen platform's
  warnings about window-manager features it lacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.gui.tasks import SyncTaskManager, TaskManager

# The offscreen platform cannot pass size hints to a window manager or raise windows, and says so.
OFFSCREEN_WARNINGS = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def mark_gui_folder(items: list[pytest.Item], folder: Path, ignore: str = OFFSCREEN_WARNINGS) -> None:
    for item in items:
        if folder in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(ignore))
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def sync_tasks(qtbot: Any) -> Iterator[SyncTaskManager]:
    manager = SyncTaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()
