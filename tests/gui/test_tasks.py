"""TaskManager: work runs off the GUI thread and comes back by signal; SyncTaskManager runs inline."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QThread

from fieldapp.gui.tasks import SyncTaskManager, TaskControl, TaskManager
from fieldapp.services.context import AppContext

pytestmark = pytest.mark.gui


def test_result_arrives_by_signal_on_gui_thread(tasks: TaskManager, qtbot: Any) -> None:
    seen: dict[str, Any] = {}

    def work(_control: TaskControl) -> int:
        seen["worker"] = threading.get_ident()
        return 6 * 7

    def done(value: int) -> None:
        seen["done"] = value
        seen["callback_thread"] = QThread.currentThread()

    task = tasks.run_db(work, on_done=done)
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["done"] == 42
    assert seen["worker"] != threading.get_ident()  # ran on a worker thread
    assert seen["callback_thread"] is QThread.currentThread()  # callback on the GUI thread
    assert task.result == 42 and task.is_finished


def test_database_work_is_serial_on_one_thread(tasks: TaskManager, ctx: AppContext, qtbot: Any) -> None:
    threads: list[int] = []
    running = 0
    overlap = False
    lock = threading.Lock()

    def work(_control: TaskControl) -> object:
        nonlocal running, overlap
        with lock:
            running += 1
            overlap = overlap or running > 1
        threads.append(threading.get_ident())
        value = ctx.db.scalar("SELECT count(*) FROM area")
        QThread.msleep(20)
        with lock:
            running -= 1
        return value

    submitted = [tasks.run_db(work) for _ in range(4)]
    with qtbot.waitSignal(submitted[-1].finished, timeout=5000):
        pass
    assert not overlap
    assert len(set(threads)) == 1
    assert [t.result for t in submitted] == [4, 4, 4, 4]  # district, town, two villages


def test_network_pool_is_separate_from_database_thread(tasks: TaskManager, qtbot: Any) -> None:
    gate = threading.Event()
    db_task = tasks.run_db(lambda _c: gate.wait(5))  # occupies the database thread
    net_task = tasks.run_net(lambda _c: "pong")
    with qtbot.waitSignal(net_task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == ["pong"]
    assert not db_task.is_finished
    gate.set()
    with qtbot.waitSignal(db_task.done, timeout=5000):
        pass


def test_error_arrives_by_signal(tasks: TaskManager, qtbot: Any) -> None:
    errors: list[BaseException] = []

    def work(_control: TaskControl) -> None:
        raise ValueError("坏数据")

    task = tasks.run_db(work, on_done=lambda _v: pytest.fail("no result expected"), on_error=errors.append)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    assert errors and str(errors[0]) == "坏数据"
    assert errors[0].__traceback__ is not None  # kept for the log


def test_error_without_handler_is_logged_and_signalled(tasks: TaskManager, qtbot: Any,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    def work(_control: TaskControl) -> None:
        raise KeyError("missing")

    tasks.run_db(work)
    with qtbot.waitSignal(tasks.unhandled_error, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], KeyError)
    record = next(r for r in caplog.records if r.name == "fieldapp.gui.tasks")
    assert record.exc_info is not None and record.exc_info[0] is KeyError


def test_progress_signal(tasks: TaskManager, qtbot: Any) -> None:
    reports: list[tuple[int, int, str]] = []

    def work(control: TaskControl) -> str:
        for i in range(1, 4):
            control.progress(i, 3, f"第{i}户")
        return "ok"

    task = tasks.run_db(work, progress=lambda d, t, s: reports.append((d, t, s)))
    with qtbot.waitSignals([task.progress, task.progress, task.progress, task.done], timeout=5000):
        pass
    assert reports == [(1, 3, "第1户"), (2, 3, "第2户"), (3, 3, "第3户")]


def test_cancellation_flag_reaches_the_task(tasks: TaskManager, qtbot: Any) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(control: TaskControl) -> str:
        started.set()
        for i in range(500):
            control.check()
            steps.append(i)
            QThread.msleep(5)
        return "finished anyway"

    task = tasks.run_db(work, on_done=lambda _v: pytest.fail("a cancelled task reports no result"))
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert len(steps) < 500
    assert task.is_cancelled and task.result is None


def test_shutdown_waits_for_workers(qtbot: Any) -> None:
    manager = TaskManager()
    started, finished = threading.Event(), threading.Event()

    def work(control: TaskControl) -> None:
        started.set()
        for _ in range(20):
            if control.cancelled:
                break
            QThread.msleep(10)
        finished.set()

    manager.run_db(work)
    queued = manager.run_db(lambda _c: pytest.fail("queued work is dropped at shutdown"))
    assert started.wait(5)
    manager.shutdown()
    assert finished.is_set()  # the running task ended before shutdown returned
    assert manager.is_shut_down and manager.pending() == 0
    assert not queued.is_finished
    with pytest.raises(RuntimeError):
        manager.run_db(lambda _c: None)


def test_busy_changed(tasks: TaskManager, qtbot: Any) -> None:
    with qtbot.waitSignal(tasks.busy_changed) as busy:
        task = tasks.run_db(lambda _c: 1)
    assert busy.args == [True]
    with qtbot.waitSignal(tasks.busy_changed, timeout=5000) as idle:
        pass
    assert idle.args == [False] and task.is_finished


def test_sync_manager_runs_inline() -> None:
    manager = SyncTaskManager()
    calls: list[Any] = []
    task = manager.run_db(lambda c: (c.progress(1, 1, "x"), threading.get_ident())[1],
                          on_done=calls.append, progress=lambda *a: calls.append(a))
    assert task.is_finished  # before run_db returned
    assert calls == [(1, 1, "x"), threading.get_ident()]

    errors: list[BaseException] = []
    failed = manager.run_net(lambda _c: 1 / 0, on_error=errors.append)
    assert failed.is_finished and isinstance(errors[0], ZeroDivisionError)
    manager.shutdown()
