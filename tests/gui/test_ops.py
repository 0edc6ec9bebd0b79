"""run_op: a write on the task manager's database worker, one announcement after it, errors shown one way."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services.changes import Changes
from tests.helpers.qt import OFFSCREEN_WARNINGS, sync_tasks, tasks  # noqa: F401  (fixtures)


def _recorder(hub: ChangeHub) -> tuple[list[Changes], list[str]]:
    changes: list[Changes] = []
    messages: list[str] = []
    hub.changed.connect(changes.append)
    hub.message.connect(messages.append)
    return changes, messages


def test_the_write_runs_on_the_database_worker_then_one_announcement(tasks: TaskManager, qtbot: Any) -> None:  # noqa: F811
    import threading

    hub = ChangeHub()
    changes, messages = _recorder(hub)
    where: list[str] = []
    done: list[object] = []

    def write() -> str:
        where.append(threading.current_thread().name)
        return "h1"

    task = run_op(tasks, hub, write, parent=None, changes=lambda hid: Changes.of_households([hid]),
                  message=lambda hid: f"saved {hid}", on_done=done.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert where and where[0] != threading.main_thread().name
    assert done == ["h1"] and changes == [Changes.of_households(["h1"])] and messages == ["saved h1"]


def test_a_failure_is_shown_once_and_announces_nothing(sync_tasks: SyncTaskManager, qtbot: Any) -> None:  # noqa: F811
    hub = ChangeHub()
    changes, messages = _recorder(hub)
    parent = QWidget()
    qtbot.addWidget(parent)

    def write() -> None:
        raise OSError(28, "No space left on device")

    run_op(sync_tasks, hub, write, parent=parent, changes=Changes(settings=True), message="saved")
    boxes = parent.findChildren(QMessageBox)
    assert len(boxes) == 1 and changes == [] and messages == []
    boxes[0].done(0)


def test_a_failure_the_caller_shows_itself_opens_no_box(sync_tasks: SyncTaskManager, qtbot: Any) -> None:  # noqa: F811
    hub = ChangeHub()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[BaseException] = []

    def write() -> None:
        raise ValueError("inline")

    def handled(exc: BaseException) -> bool:
        seen.append(exc)
        return True

    run_op(sync_tasks, hub, write, parent=parent, changes=Changes(settings=True), on_error=handled)
    assert [str(e) for e in seen] == ["inline"] and parent.findChildren(QMessageBox) == []


def test_changes_combine_and_say_what_they_concern() -> None:
    a = Changes.of_households(["h1"], by="王伟")
    b = Changes.of_visits(["v1"], ["h2"])
    both = a | b
    assert both.households == frozenset({"h1", "h2"}) and both.visits == frozenset({"v1"}) and both.by == "王伟"
    assert both.register and both.database and both.touches_household("h2") and not both.touches_household("h3")
    assert Changes(settings=True).database is False and Changes().is_empty
    assert Changes(bulk=True).touches_visit("any")


@pytest.mark.qt_log_ignore(OFFSCREEN_WARNINGS)
@pytest.mark.parametrize("kind", ["household", "visit"])
def test_the_editor_registry_forgets_a_closed_editor(kind: str, qtbot: Any) -> None:
    hub = ChangeHub()
    made: list[QWidget] = []

    def make() -> QWidget:
        widget = QWidget()
        made.append(widget)
        return widget

    first = hub.editors.open(kind, "r1", make)
    assert hub.editors.open(kind, "r1", make) is first and len(made) == 1
    assert hub.editors.open(kind, None, make) is not first and len(made) == 2  # a new record: always new
    assert first is not None
    first.deleteLater()
    qtbot.waitUntil(lambda: hub.editors.find(kind, "r1") is None)
    for widget in made[1:]:
        widget.deleteLater()
