"""Fixtures of the 资金公示 GUI tests: the projects tests' village and project, Qt helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.qt import mark_gui_folder, sync_tasks  # noqa: F401  (fixture)
from tests.projects.conftest import approved_project, nodes, project, template_db, world  # noqa: F401


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)
