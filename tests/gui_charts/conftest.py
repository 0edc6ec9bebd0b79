"""Fixtures of the 挂图作战 page tests: the two-town district, Qt helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.qt import mark_gui_folder, sync_tasks  # noqa: F401  (fixture)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)
