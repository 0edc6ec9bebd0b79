"""Fixtures of the visit GUI tests: cadres, households registered long ago, image files, task managers,
and an answerer for modal message boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.visits import FollowUpDraft, VisitDraft
from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import sync_tasks, tasks  # noqa: F401  (fixtures)
from tests.helpers.visit_fixtures import REGISTERED, household, make_cadre, me, village_ids  # noqa: F401


@pytest.fixture
def add_visit(ctx: AppContext) -> Callable[..., str]:
    """Save a visit through the service: ``add_visit(household, day, found="…", cadres=[…], follow_ups=[…])``."""
    def add(household_id: str | None, day: dt.date, found: str = "走访", *, cadres: list[str] | None = None,
            kind: str = "01", village_id: str | None = None, title: str | None = None,
            follow_ups: list[tuple[str, dt.date, dt.date | None]] = ()) -> str:
        draft = VisitDraft(date=day, type=kind, household_id=household_id, village_id=village_id, title=title,
                           found=found, cadre_ids=list(cadres or []),
                           follow_ups=[FollowUpDraft(t, due, done) for t, due, done in follow_ups])
        return svc.save_visit(ctx, draft)
    return add


@pytest.fixture
def image_file(tmp_path: Path) -> Callable[..., Path]:
    """A real image file written by Pillow: ``image_file("a.jpg", (w, h), color=...)``."""
    def make(name: str, size: tuple[int, int] = (640, 480), *, color: Any = (40, 120, 200),
             folder: str = "src") -> Path:
        path = tmp_path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        image = Image.new("RGB", size, color)
        for x in range(min(size[0], 64)):  # content differs between files of one colour
            image.putpixel((x, 0), (x * 4 % 256, sum(map(ord, name)) % 256, x % 7 * 30))
        image.save(path)
        return path
    return make



def save_form(qtbot: QtBot, form: VisitForm) -> None:
    """Save and wait for it: the save runs as an operation on the form's (threaded) task manager."""
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()


def close_quietly(dialog: QWidget) -> None:
    """Close a dialog left open by a test without its unsaved-changes question."""
    if dialog.isVisible():
        QDialog.done(dialog, QDialog.DialogCode.Rejected)  # type: ignore[arg-type]


@pytest.fixture
def open_form(qtbot: QtBot, ctx: AppContext, tasks: TaskManager) -> Callable[..., VisitForm]:  # noqa: F811
    def make(household_id: str | None = None, visit_id: str | None = None) -> VisitForm:
        form = VisitForm(ctx, household_id, visit_id, tasks=tasks)
        qtbot.addWidget(form, before_close_func=close_quietly)
        form.show()
        qtbot.waitExposed(form)
        return form
    return make


