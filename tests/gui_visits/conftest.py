"""Fixtures of the visit GUI tests: cadres, households registered long ago, image files, task managers,
and an answerer for modal message boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.visits.visit_form import VisitForm
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.visits import FollowUpDraft, VisitDraft
from fieldapp.store.models import Cadre

REGISTERED = dt.date(2020, 1, 1)


@pytest.fixture
def me(ctx: AppContext) -> str:
    """The signed-in cadre (王伟)."""
    return str(ctx.settings["cadre_id"])


@pytest.fixture
def make_cadre(ctx: AppContext) -> Callable[..., str]:
    def make(name: str, role: str = "member", unit: str | None = None) -> str:
        with ctx.writer.transaction() as txn:
            return txn.insert(Cadre, {"name": name, "role": role, "unit": unit})
    return make


@pytest.fixture
def household(make_household: Callable[..., str], me: str) -> str:
    """李大山 of 东村, paired with the signed-in cadre, identified on 2020-01-01."""
    return make_household("李大山", identified_on=REGISTERED, cadre_id=me)


@pytest.fixture
def village_ids(ctx: AppContext) -> list[str]:
    return [v for v, _ in villages(ctx)]


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


@pytest.fixture
def sync_tasks(qtbot: QtBot) -> Iterator[SyncTaskManager]:
    tasks = SyncTaskManager()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def close_quietly(dialog: QWidget) -> None:
    """Close a dialog left open by a test without its unsaved-changes question."""
    if dialog.isVisible():
        QDialog.done(dialog, QDialog.DialogCode.Rejected)  # type: ignore[arg-type]


@pytest.fixture
def open_form(qtbot: QtBot, ctx: AppContext, tasks: TaskManager) -> Callable[..., VisitForm]:
    def make(household_id: str | None = None, visit_id: str | None = None) -> VisitForm:
        form = VisitForm(ctx, household_id, visit_id, tasks=tasks)
        qtbot.addWidget(form, before_close_func=close_quietly)
        form.show()
        qtbot.waitExposed(form)
        return form
    return make


class BoxAnswerer:
    """Answers the next modal message box by clicking the button with a given text (polls with a timer)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timers: list[QTimer] = []

    def answer(self, button_text: str, tries: int = 300) -> None:
        timer = QTimer()
        timer.setInterval(10)
        state = {"left": tries}

        def poll() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                timer.stop()
                self.seen.append(box.text())
                for button in box.buttons():
                    if button.text() == button_text:
                        button.click()
                        return
                box.reject()
                return
            state["left"] -= 1
            if state["left"] <= 0:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()


@pytest.fixture
def boxes() -> Iterator[BoxAnswerer]:
    answerer = BoxAnswerer()
    yield answerer
    answerer.stop()
