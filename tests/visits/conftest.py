"""Fixtures of the visit tests: cadres, households registered long ago, image files, query plans."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import event

from fieldapp.services.context import AppContext
from fieldapp.store.db import Database
from tests.helpers.visit_fixtures import REGISTERED, household, make_cadre, me, village_ids  # noqa: F401

TODAY = dt.date(2025, 3, 15)


@pytest.fixture
def image_file(tmp_path: Path) -> Callable[..., Path]:
    """Writes a real image file with Pillow: ``image_file("a.jpg", (w, h), color=..., exif=...)``."""
    def make(name: str, size: tuple[int, int] = (800, 600), *, color: Any = (200, 30, 30),
             mode: str = "RGB", fmt: str | None = None, exif: Image.Exif | None = None) -> Path:
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        image = Image.new(mode, size, color)
        # a gradient stripe, so that images of one size and colour still differ by content
        for x in range(min(size[0], 64)):
            image.putpixel((x, 0), (x * 4 % 256, 0, 0) if mode == "RGB" else image.getpixel((x, 0)))
        kwargs: dict[str, Any] = {}
        if exif is not None:
            kwargs["exif"] = exif
        image.save(path, fmt or None, **kwargs)
        return path
    return make


class PlanRecorder:
    """Records the SELECTs an engine runs, then explains them (EXPLAIN QUERY PLAN)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[tuple[str, Any]] = []

    def _record(self, _conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, parameters))

    def __enter__(self) -> PlanRecorder:
        event.listen(self.db.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._record)

    def plans(self) -> list[tuple[str, list[str]]]:
        result = []
        with self.db.engine.connect() as conn:
            for statement, parameters in self.statements:
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
                result.append((statement, [str(r[-1]) for r in rows]))
        return result

    def full_scans(self, big: tuple[str, ...]) -> list[str]:
        """Plan lines that scan one of the ``big`` tables (or a whole index of one) from end to end."""
        pattern = re.compile(r"^SCAN (?:\w+ AS )?(" + "|".join(big) + r")\b")
        bad = []
        for statement, lines in self.plans():
            bad += [f"{line}  <-  {statement[:160]}" for line in lines if pattern.match(line)]
        return bad


BIG_TABLES = ("visit", "visit_cadre", "visit_photo", "visit_measure", "follow_up", "household", "household_list",
              "member", "indicator", "income_year", "change_log", "checkin", "measure", "photo")


@pytest.fixture
def plan_recorder(ctx: AppContext) -> Iterator[Callable[[], PlanRecorder]]:
    yield lambda: PlanRecorder(ctx.db)
