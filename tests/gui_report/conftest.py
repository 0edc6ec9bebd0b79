"""Fixtures of the 汇总上报 GUI tests: the hand-counted week (tests/report), Qt helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.qt import mark_gui_folder, sync_tasks  # noqa: F401  (fixture)
from tests.report.conftest import week  # noqa: F401  (fixture)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)
