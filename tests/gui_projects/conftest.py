"""Fixtures of the 项目库 GUI tests: the projects' village and households (tests/projects), Qt helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import mark_gui_folder, sync_tasks  # noqa: F401  (fixture)
from tests.projects.conftest import world  # noqa: F401  (fixture)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)
