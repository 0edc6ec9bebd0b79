"""StaleRefresh: a hidden page marked stale reads only when shown; a visible one reads at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import Task, TaskManager

pytestmark = pytest.mark.gui


class _Page(QWidget):
    """The smallest page with the usual shape: refresh runs one read on the task manager."""

    def __init__(self, tasks: TaskManager, *, stale: bool = False) -> None:
        super().__init__()
        self.tasks = tasks
        self.reads: list[Task] = []
        self.staleness = StaleRefresh(self, self.refresh, stale=stale)

    def refresh(self) -> None:
        if self.tasks.is_shut_down:
            return
        self.staleness.clear()
        number = len(self.reads) + 1
        self.reads.append(self.tasks.run_db(lambda _c: number))


def test_a_hidden_page_marked_stale_reads_only_when_shown(tasks: TaskManager, qtbot: Any) -> None:
    page = _Page(tasks)
    qtbot.addWidget(page)
    page.staleness.mark()
    page.staleness.mark()  # two writes while hidden: still no read
    assert page.reads == [] and page.staleness.stale

    page.show()
    assert len(page.reads) == 1 and not page.staleness.stale
    with qtbot.waitSignal(page.reads[0].done, timeout=5000) as blocker:
        pass
    assert blocker.args == [1]

    page.hide()
    page.show()  # shown again with nothing changed: no second read
    assert len(page.reads) == 1


def test_a_visible_page_reads_at_once(tasks: TaskManager, qtbot: Any) -> None:
    page = _Page(tasks)
    qtbot.addWidget(page)
    page.show()
    assert page.reads == []  # not stale: showing alone reads nothing

    page.staleness.mark()
    assert len(page.reads) == 1 and not page.staleness.stale
    with qtbot.waitSignal(page.reads[0].done, timeout=5000) as blocker:
        pass
    assert blocker.args == [1]


def test_a_page_stale_from_the_start_reads_on_first_show(tasks: TaskManager, qtbot: Any) -> None:
    page = _Page(tasks, stale=True)
    qtbot.addWidget(page)
    assert page.reads == []
    page.show()
    assert len(page.reads) == 1
    with qtbot.waitSignal(page.reads[0].done, timeout=5000):
        pass


def test_after_shutdown_the_page_stays_stale(tasks: TaskManager, qtbot: Any) -> None:
    page = _Page(tasks)
    qtbot.addWidget(page)
    tasks.shutdown()
    page.staleness.mark()
    page.show()
    assert page.reads == [] and page.staleness.stale
