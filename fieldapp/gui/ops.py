"""Writes as operations (after Anki's CollectionOp / OpChanges): one path for every GUI write.

:func:`run_op` runs a write on the task manager's serial database worker, reports a failure
in one way (the caller may handle the ones it shows in place, such as validation problems or a
stale save), and after success hands one :class:`~fieldapp.services.changes.Changes` to the
:class:`ChangeHub`. Every page and model that shows data listens to ``ChangeHub.changed`` and
refreshes what the record concerns; a short confirmation goes out on ``ChangeHub.message``
(the main window shows it in the status bar).

The hub is owned by the main window and passed explicitly to pages, editors and dialogs; there
is no module-level hub. It also holds :class:`EditorRegistry`, so that opening a record that is
already open raises its window instead of opening a second editor on it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from fieldapp.gui.errors import show_error
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services.changes import Changes

log = logging.getLogger("fieldapp.gui.ops")

#: how long a confirmation stays in the status bar
MESSAGE_MS = 5000


class EditorRegistry:
    """The open editors by record (``("household", id)``, ``("visit", id)``): one window per record."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, str], QWidget] = {}

    def find(self, kind: str, record_id: str | None) -> QWidget | None:
        return self._open.get((kind, record_id)) if record_id else None

    def open(self, kind: str, record_id: str | None, make: Callable[[], QWidget | None]) -> QWidget | None:
        """Raise the editor already open on the record, else ``make()`` one and remember it.

        ``record_id`` None (a new record) always makes a new editor. Returns the editor (None if
        ``make`` gave none).
        """
        existing = self.find(kind, record_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        widget = make()
        if widget is None or not record_id:
            return widget
        key = (kind, record_id)
        self._open[key] = widget
        forget = functools.partial(self._forget, key, widget)
        widget.destroyed.connect(forget)
        if isinstance(widget, QDialog):
            widget.finished.connect(forget)
        return widget

    def _forget(self, key: tuple[str, str], widget: QWidget, *_args: object) -> None:
        if self._open.get(key) is widget:
            del self._open[key]

    def __len__(self) -> int:
        return len(self._open)


class ChangeHub(QObject):
    """The application's one change notification (owned by the main window, passed explicitly)."""

    #: a write finished: what it changed (:class:`Changes`)
    changed = Signal(object)
    #: a short confirmation of what was saved, for the status bar
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editors = EditorRegistry()

    def announce(self, changes: Changes, message: str = "") -> None:
        if not changes.is_empty:
            self.changed.emit(changes)
        if message:
            self.message.emit(message)


ChangesFor = Changes | Callable[[Any], Changes]
MessageFor = str | Callable[[Any], str] | None


def run_op(tasks: TaskManager, hub: ChangeHub, write: Callable[..., Any], *, changes: ChangesFor,
           parent: QWidget | None, message: MessageFor = None, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], bool] | None = None,
           progress: Callable[[int, int, str], None] | None = None, with_control: bool = False) -> Task:
    """Run ``write()`` on the database worker; on success call ``on_done(result)``, then announce.

    ``changes`` (or ``changes(result)``) says what the write changed, ``message`` (or
    ``message(result)``) what to confirm. A failure goes to ``on_error(exc)`` first: it returns True
    when it showed the problem itself (e.g. next to the fields); anything else is shown in an error
    box over ``parent``. Task code never touches widgets: ``write`` runs on the worker thread.
    A long write (a sync import or export) takes ``with_control``: it is called as ``write(control)``
    to report progress (``progress(done, total, text)`` on the GUI thread) and to see a cancel.
    """

    def run(control: TaskControl) -> Any:
        return write(control) if with_control else write()

    def done(result: Any) -> None:
        try:
            if on_done is not None:
                on_done(result)
        finally:
            what = changes(result) if callable(changes) else changes
            text = message(result) if callable(message) else (message or "")
            hub.announce(what, text)

    def failed(exc: BaseException) -> None:
        if on_error is not None and on_error(exc):
            return
        show_error(parent, exc)

    return tasks.run_db(run, on_done=done, on_error=failed, progress=progress)
