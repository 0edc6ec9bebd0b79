"""Background work: the one place the GUI runs code off the GUI thread (after Anki's taskman).

- :meth:`TaskManager.run_db` runs database work on a single serial worker thread, so
  two tasks never write the register at the same time.
- :meth:`TaskManager.run_net` runs network work on a separate small pool.
- Task code never touches widgets. It receives a :class:`TaskControl` to report progress
  (``control.progress(done, total, text)``) and to see whether it was cancelled
  (``control.cancelled`` / ``control.check()``).
- Results, errors and progress come back to the GUI thread by queued signals, and are
  handed to the callbacks there and to the signals of the returned :class:`Task`.
- :class:`SyncTaskManager` has the same API and runs everything inline (for tests).

Call :meth:`TaskManager.shutdown` at exit: it cancels pending work and waits for the
worker threads, so no thread outlives the application.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("fieldapp.gui.tasks")

NET_THREADS = 4


class TaskCancelled(Exception):
    """Raised by :meth:`TaskControl.check` inside a task whose caller cancelled it."""


class CancelFlag:
    """A thread-safe flag shared by the caller (who sets it) and the task (who reads it)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def is_set(self) -> bool:
        return self._event.is_set()


class TaskControl:
    """What a running task gets: progress reporting and the cancellation flag."""

    def __init__(self, flag: CancelFlag, report: Callable[[int, int, str], None]) -> None:
        self.flag = flag
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self.flag.is_set

    def check(self) -> None:
        """Stop here (raise :class:`TaskCancelled`) if the task was cancelled."""
        if self.flag.is_set:
            raise TaskCancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._report(int(done), int(total), text)


TaskFn = Callable[[TaskControl], Any]
DoneFn = Callable[[Any], None]
ErrorFn = Callable[[BaseException], None]
ProgressFn = Callable[[int, int, str], None]


class Task(QObject):
    """The GUI-thread handle of one submitted task. Its signals fire on the GUI thread.

    Exactly one of ``done``, ``failed`` or ``cancelled`` fires, then ``finished``.
    A task cancelled before it completes does not report its result.
    """

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int, int, str)
    finished = Signal()

    def __init__(self, task_id: int, on_done: DoneFn | None, on_error: ErrorFn | None,
                 on_progress: ProgressFn | None) -> None:
        super().__init__()
        self.task_id = task_id
        self.flag = CancelFlag()
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_finished = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress

    def cancel(self) -> None:
        self.flag.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.flag.is_set


class _Runnable(QRunnable):
    """Runs one task on a pool thread and reports back through the manager's signals."""

    def __init__(self, manager: TaskManager, task_id: int, fn: TaskFn, control: TaskControl) -> None:
        super().__init__()
        self._manager = manager
        self._task_id = task_id
        self._fn = fn
        self._control = control

    def run(self) -> None:
        if self._control.cancelled:
            self._manager._outcome.emit(self._task_id, "cancelled", None)
            return
        try:
            result = self._fn(self._control)
        except TaskCancelled:
            self._manager._outcome.emit(self._task_id, "cancelled", None)
        except Exception as exc:  # delivered to the GUI thread, which decides what to show
            self._manager._outcome.emit(self._task_id, "failed", exc)
        else:
            kind = "cancelled" if self._control.cancelled else "done"
            self._manager._outcome.emit(self._task_id, kind, result)


class TaskManager(QObject):
    """Runs tasks on worker threads; delivers their outcome on the GUI thread."""

    # emitted from worker threads, received on the GUI thread (queued connection)
    _outcome = Signal(int, str, object)
    _progress = Signal(int, int, int, str)

    #: an error of a task submitted without ``on_error`` (already logged with its traceback)
    unhandled_error = Signal(object)
    #: True while any task is pending or running
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._closed = False
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setObjectName("fieldapp-db")
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(NET_THREADS)
        self._net_pool.setObjectName("fieldapp-net")
        self._outcome.connect(self._deliver)
        self._progress.connect(self._deliver_progress)

    # -- submitting ------------------------------------------------------------------

    def run_db(self, fn: TaskFn, on_done: DoneFn | None = None, on_error: ErrorFn | None = None,
               progress: ProgressFn | None = None) -> Task:
        """Run ``fn(control)`` on the serial database thread."""
        return self._submit(self._db_pool, fn, on_done, on_error, progress)

    def run_net(self, fn: TaskFn, on_done: DoneFn | None = None, on_error: ErrorFn | None = None,
                progress: ProgressFn | None = None) -> Task:
        """Run ``fn(control)`` on the network pool (never blocks database work)."""
        return self._submit(self._net_pool, fn, on_done, on_error, progress)

    def _new_task(self, on_done: DoneFn | None, on_error: ErrorFn | None,
                  progress: ProgressFn | None) -> Task:
        if self._closed:
            raise RuntimeError("TaskManager is shut down")
        task = Task(next(self._ids), on_done, on_error, progress)
        self._tasks[task.task_id] = task
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        return task

    def _submit(self, pool: QThreadPool, fn: TaskFn, on_done: DoneFn | None, on_error: ErrorFn | None,
                progress: ProgressFn | None) -> Task:
        task = self._new_task(on_done, on_error, progress)
        task_id = task.task_id

        def report(done: int, total: int, text: str) -> None:
            self._progress.emit(task_id, done, total, text)

        pool.start(_Runnable(self, task_id, fn, TaskControl(task.flag, report)))
        return task

    # -- delivering (GUI thread) -------------------------------------------------------

    @Slot(int, int, int, str)
    def _deliver_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        task = self._tasks.get(task_id)
        if task is None or task.is_cancelled or self._closed:
            return
        task.progress.emit(done, total, text)
        if task._on_progress is not None:
            task._on_progress(done, total, text)

    @Slot(int, str, object)
    def _deliver(self, task_id: int, kind: str, payload: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        task.is_finished = True
        try:
            if self._closed:
                return
            if kind == "done" and not task.is_cancelled:
                task.result = payload
                task.done.emit(payload)
                if task._on_done is not None:
                    task._on_done(payload)
            elif kind == "failed" and isinstance(payload, BaseException):
                task.error = payload
                task.failed.emit(payload)
                if task._on_error is not None:
                    task._on_error(payload)
                else:
                    log.error("background task failed", exc_info=(type(payload), payload, payload.__traceback__))
                    self.unhandled_error.emit(payload)
            else:
                task.cancelled.emit()
            task.finished.emit()
        finally:
            if not self._tasks and not self._closed:
                self.busy_changed.emit(False)

    # -- state and shutdown -------------------------------------------------------------

    def pending(self) -> int:
        """Tasks submitted whose outcome has not been delivered yet."""
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker threads are idle (outcomes are still delivered by the event loop)."""
        return bool(self._db_pool.waitForDone(msecs) and self._net_pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 10_000) -> None:
        """Cancel everything, drop queued work, wait for running tasks; idempotent."""
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self._db_pool.clear()
        self._net_pool.clear()
        if not self.wait(msecs):
            log.warning("background tasks still running after %d ms at shutdown", msecs)
        self._tasks.clear()

    @property
    def is_shut_down(self) -> bool:
        return self._closed


class SyncTaskManager(TaskManager):
    """Same API, but every task runs inline and its outcome is delivered before the call returns."""

    def _submit(self, pool: QThreadPool, fn: TaskFn, on_done: DoneFn | None, on_error: ErrorFn | None,
                progress: ProgressFn | None) -> Task:
        task = self._new_task(on_done, on_error, progress)
        task_id = task.task_id

        def report(done: int, total: int, text: str) -> None:
            self._deliver_progress(task_id, done, total, text)

        control = TaskControl(task.flag, report)
        try:
            result = fn(control)
        except TaskCancelled:
            self._deliver(task_id, "cancelled", None)
        except Exception as exc:
            self._deliver(task_id, "failed", exc)
        else:
            self._deliver(task_id, "cancelled" if control.cancelled else "done", result)
        return task
