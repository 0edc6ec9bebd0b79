"""Fixtures for the GUI shell tests: an inline task manager and a register with varied households."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.store.models import Cadre
from tests.helpers.qt import sync_tasks, tasks  # noqa: F401  (fixtures)

# The offscreen platform plugin (used for tests; not xcb, Windows or macOS) warns each time a top-level
# window's minimum size changes, because it has no window manager to pass size hints to.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"
_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))



@pytest.fixture
def second_cadre(ctx: AppContext) -> str:
    with ctx.writer.transaction() as txn:
        return txn.insert(Cadre, {"name": "李娜", "unit": "区教育局", "role": "member"})


@pytest.fixture
def save_income(ctx: AppContext) -> Callable[[str, int, int], None]:
    """Give a household one year of wage income (fen) through the register service."""

    def save(household_id: str, year: int, wage_fen: int) -> None:
        original = register.load_record(ctx.db, household_id)
        record = register.load_record(ctx.db, household_id)
        record.incomes = [{"year": year, "wage": wage_fen, "persons": len(record.members)}]
        register.save_record(ctx.writer, ctx.ref, record, original)

    return save


@pytest.fixture
def varied(ctx: AppContext, make_household: Callable[..., str], second_cadre: str) -> dict[str, str]:
    """Six households that differ in every filtered column; head name → household id."""
    me = ctx.settings["cadre_id"]
    specs: list[tuple[str, dict[str, Any]]] = [
        ("张三明", {"group_no": 1, "exit_status": "0", "attribute": "01", "main_cause": "01", "cadre_id": me}),
        ("张丽", {"group_no": 2, "exit_status": "1", "attribute": "04", "main_cause": "02"}),
        ("李四", {"group_no": 2, "exit_status": "0", "attribute": "01", "main_cause": "07",
                 "cadre_id": second_cadre}),
        ("王五", {"group_no": 3, "exit_status": "3", "attribute": "05", "main_cause": "01", "village": 1}),
        ("赵六", {"group_no": 1, "exit_status": "1", "attribute": "02", "main_cause": "08"}),
        ("孙七", {"group_no": 4, "exit_status": "4", "attribute": "01", "main_cause": "01", "village": 1}),
    ]
    return {name: make_household(name, **spec) for name, spec in specs}

