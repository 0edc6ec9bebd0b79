"""Fixtures of the workflow GUI tests: the village team and its reviewers (tests/workflow), Qt helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import mark_gui_folder, sync_tasks  # noqa: F401  (fixture)
from tests.workflow.conftest import team  # noqa: F401  (fixture)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)
