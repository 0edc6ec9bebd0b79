"""Network sync with the district server, driven from the GUI: one :class:`NetworkSync` per window.

It owns a :class:`~fieldapp.sync.schedule.SyncScheduler` (the policy: when to probe, when to sync,
backoff) and one single-shot ``QTimer`` that wakes it for the scheduler's next action:

- ``probe``: ``client.probe()`` on the network pool (``TaskManager.run_net``) → ``probe_result``;
- ``sync``: ``client.prepare()`` (database thread) → ``client.exchange()`` (network, with progress)
  → ``client.apply()`` (database) → ``sync_finished`` / ``sync_failed``.

One operation runs at a time and the timer is started only between operations. A laptop not
enrolled with a server has no client and no timer: it costs nothing. "立即同步" is
:meth:`NetworkSync.sync_now`; a local edit is :meth:`NetworkSync.local_change`. When the operating
system reports that the network came back (``QNetworkInformation``), a probe runs at once instead of
waiting for the backoff. :meth:`NetworkSync.shutdown` (window close) stops the timer, cancels the
running step (an upload stops at its next 64 KB chunk: the server applies nothing) and starts no
further task.

Signals: ``status_changed(SyncStatus)`` after every change of state or progress, ``synced(outcome)``,
``sync_error(exc)``, ``data_changed()`` when a reply changed synced data, ``enrolment_changed()``.
:func:`~.net_support.unsynced_count` (re-exported) is what the district lacks, for the status bar.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QWidget

from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.sync.net_support import (
    Connection,
    changed_data,
    is_enrolled,
    last_received,
    overall_percent,
    policy_of,
    unsynced_count,
)
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import syncing
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.sync.http_client import Prepared, Reply, SyncError, SyncOutcome
from fieldapp.sync.schedule import SchedulePolicy, SyncScheduler, SyncState, SyncStatus

log = logging.getLogger("fieldapp.gui.sync.net")

__all__ = ["NetworkSync", "unsynced_count"]


class NetworkSync(QObject):
    """Probes, syncs and backs off as the scheduler says (see the module docstring)."""

    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncOutcome
    sync_error = Signal(object)  # the exception of a failed sync
    data_changed = Signal()  # a reply changed synced data (households, visits …)
    enrolment_changed = Signal()  # enrolled with a server (or another one)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QObject | None = None, *,
                 policy: SchedulePolicy | None = None, watch_network: bool = True,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)  # the window's: writes announce through it
        self._policy = policy
        self.scheduler = SyncScheduler(policy or policy_of(ctx), enabled=bool(ctx.settings["auto_sync"]))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timeout)
        self.last_outcome: SyncOutcome | None = None
        self.last_exception: BaseException | None = None  # of the last failed sync (its ``reason``)
        self._conn: Connection | None = None
        self._step: str | None = None  # probe | prepare | exchange | apply while an operation runs
        self._task: Task | None = None
        self._generation = 0  # bumped by reload/shutdown: late callbacks of an older client are ignored
        self._requested = False  # "立即同步" pressed while a probe was running
        self._percent = -1
        self._closed = False
        self._watch_network = watch_network
        self._watching = False

    # -- state -------------------------------------------------------------------------------------

    @property
    def enrolled(self) -> bool:
        return is_enrolled(self.ctx)

    @property
    def server_url(self) -> str:
        return str(self.ctx.settings["server_url"] or "")

    @property
    def status(self) -> SyncStatus:
        return self.scheduler.status

    @property
    def syncing(self) -> bool:
        return self.scheduler.state is SyncState.SYNCING

    @property
    def busy(self) -> bool:
        return self._step is not None

    @property
    def running(self) -> bool:
        """Enrolled, started and not shut down (a client exists)."""
        return self._conn is not None and not self._closed

    # -- life cycle --------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin (if enrolled): remember the last sync, probe at once."""
        if self._closed or self._conn is not None or not self.enrolled:
            self._emit()
            return
        try:
            verify: bool | str = str(self.ctx.settings["server_ca"]) or True
            self._conn = Connection(syncing.client(self.ctx, verify=verify))
        except (SyncError, ValueError) as exc:  # a broken address or CA file: say so on the Sync page
            log.warning("network sync not started: %s", exc)
            self.scheduler.last_error = str(exc)
            self._emit()
            return
        self._load_last_synced()
        self._watch()
        self._schedule()

    def reload(self) -> None:
        """After an enrolment: a new client for the (new) server, and a first sync now."""
        if self._closed:
            return
        self._drop_connection()
        self.scheduler = SyncScheduler(self._policy or policy_of(self.ctx),
                                       enabled=bool(self.ctx.settings["auto_sync"]))
        self.start()
        self.enrolment_changed.emit()
        if self.running:
            self.sync_now()

    def shutdown(self) -> None:
        """Window closes: stop the timer, cancel the running step, start nothing more; idempotent."""
        if self._closed:
            return
        self._closed = True
        self._drop_connection()
        log.debug("network sync shut down")

    def _drop_connection(self) -> None:
        self._generation += 1
        self.timer.stop()
        if self._task is not None and not self._task.is_finished:
            self._task.cancel()
        self._task, self._step, self._requested = None, None, False
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _load_last_synced(self) -> None:
        """The last reply received from the server (kept in the peer table), shown until the next sync."""
        ctx, server, gen = self.ctx, str(self.ctx.settings["server_device_id"]), self._generation

        def read(_control: TaskControl) -> float | None:
            return last_received(ctx, server)

        def done(when: float | None) -> None:
            if gen == self._generation and when is not None and self.scheduler.last_synced is None:
                self.scheduler.last_synced = when  # the scheduler keeps it in memory only
                self._emit()

        if not self.tasks.is_shut_down:
            self.tasks.run_db(read, on_done=done, on_error=lambda exc: log.warning("last sync unknown: %s", exc))

    def _watch(self) -> None:
        """Probe at once when the operating system says the network is back (no waiting for the backoff)."""
        if not self._watch_network or self._watching:
            return
        try:
            if QNetworkInformation.instance() is None and not QNetworkInformation.loadBackendByFeatures(
                    QNetworkInformation.Feature.Reachability):
                return
        except (RuntimeError, AttributeError):  # pragma: no cover - platform without a backend
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self.network_changed)
            self._watching = True

    def network_changed(self, reachability: object = None) -> None:
        online = reachability in (None, QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site,
                                  QNetworkInformation.Reachability.Local)
        if online and self.running and self.scheduler.state is SyncState.OFFLINE and self.scheduler.enabled:
            log.info("network is back: probing the server now")
            self.scheduler.set_enabled(True)  # re-plans a probe at once (keeps the failure count)
            if not self.busy:
                self._schedule()

    # -- events from the window ----------------------------------------------------------------------

    def set_auto(self, enabled: bool, parent: QWidget | None = None) -> Task:
        """The 自动同步 switch: applies at once; the settings are saved as an operation (one announcement).

        A failed save is shown over ``parent``; the switch still applies until the app closes.
        """
        settings = self.ctx.settings
        settings["auto_sync"] = bool(enabled)
        self.scheduler.set_enabled(bool(enabled))
        if not self.busy:
            self._schedule()
        self._emit()
        return run_op(self.tasks, self.hub, settings.save, changes=Changes(settings=True), parent=parent)

    def sync_now(self) -> bool:
        """立即同步: sync at once (even with auto sync off). False if not enrolled or already syncing."""
        if not self.running or self.syncing:
            return False
        self.scheduler.sync_requested()
        if self.busy:  # a probe is running: sync when it is back
            self._requested = True
            return True
        self.timer.stop()
        self.on_timeout()
        return True

    def local_change(self) -> None:
        """A local edit was saved: while online, sync within a minute."""
        if not self.running:
            return
        self.scheduler.local_change()
        if not self.busy:
            self._schedule()

    # -- the loop ------------------------------------------------------------------------------------

    def _schedule(self) -> None:
        self.timer.stop()
        if self.running and not self.busy and not self.tasks.is_shut_down:
            action = self.scheduler.next_action()
            if action.kind != "idle":
                self.timer.start(int(action.delay_s * 1000))
        self._emit()

    def on_timeout(self) -> None:
        """The timer fired: run the scheduler's next action (whatever delay is left)."""
        if not self.running or self.busy or self.tasks.is_shut_down:
            return
        kind = self.scheduler.next_action().kind
        if kind == "probe":
            self._probe()
        elif kind == "sync":
            self._sync()

    def _run(self, step: str, pool: str, fn: Any, on_done: Any, on_error: Any, *, progress: Any = None) -> None:
        gen = self._generation

        def done(result: Any) -> None:
            if gen == self._generation:
                self._task = None
                on_done(result)

        def failed(exc: BaseException) -> None:
            if gen == self._generation:
                self._task = None
                on_error(exc)

        self._step = step
        run = self.tasks.run_net if pool == "net" else self.tasks.run_db
        task = run(fn, on_done=done, on_error=failed, progress=progress)
        if not task.is_finished:
            self._task = task

    def _probe(self) -> None:
        conn = self._conn
        assert conn is not None

        def probe(_control: TaskControl) -> bool:
            client = conn.acquire()
            try:
                return client.probe()
            finally:
                conn.release()

        self._run("probe", "net", probe, self._probed, lambda _exc: self._probed(False))

    def _probed(self, reachable: bool) -> None:
        self._step = None
        log.debug("probe: %s", "reachable" if reachable else "unreachable")
        self.scheduler.probe_result(bool(reachable))
        if self._requested:
            self._requested = False
            self.scheduler.sync_requested()  # a failed probe must not swallow the user's request
        self._schedule()

    def _sync(self) -> None:
        conn = self._conn
        assert conn is not None
        client = conn.client
        self.scheduler.sync_started()
        self._percent = -1
        self._progress("prepare", 0, 1, self.tr("正在打包"))

        def prepare(_control: TaskControl) -> Prepared:
            return client.prepare()

        self._run("prepare", "db", prepare, self._prepared, self._failed)

    def _prepared(self, prepared: Prepared) -> None:
        conn = self._conn
        assert conn is not None

        def exchange(control: TaskControl) -> Reply:
            def report(done: int, total: int, text: str) -> None:
                control.check()  # cancelled (window closed): stop the upload here; the server applies nothing
                control.progress(done, total, text)

            client = conn.acquire()
            try:
                return client.exchange(prepared, report)
            finally:
                conn.release()

        self._run("exchange", "net", exchange, lambda reply: self._exchanged(prepared, reply), self._failed,
                  progress=lambda done, total, text: self._progress("exchange", done, total, text))

    def _exchanged(self, prepared: Prepared, reply: Reply) -> None:
        assert self._conn is not None
        client = self._conn.client
        self._progress("apply", 0, 1, self.tr("正在导入"))

        def apply(_control: TaskControl) -> SyncOutcome:
            return client.apply(reply, prepared)

        self._run("apply", "db", apply, self._applied, self._failed)

    def _applied(self, outcome: SyncOutcome) -> None:
        self._step = None
        self.last_outcome = outcome
        self.scheduler.sync_finished(outcome)
        log.info("network sync: %s", outcome.summary())
        self._schedule()
        self.synced.emit(outcome)
        if changed_data(outcome):
            self.data_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._step = None
        self.last_exception = exc
        if isinstance(exc, SyncError):
            log.info("network sync failed (%s): %s", exc.reason, exc)
        else:  # a database or disk problem, or a bug: keep the traceback in the log
            log.error("network sync failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.scheduler.sync_failed(exc)
        self._schedule()
        self.sync_error.emit(exc)

    def _progress(self, step: str, done: int, total: int, text: str) -> None:
        if not self.syncing:
            return
        percent = overall_percent(step, done, total, text)
        self.scheduler.sync_progress(percent, 100, text)
        if percent != self._percent:
            self._percent = percent
            self._emit()

    def _emit(self) -> None:
        self.status_changed.emit(self.scheduler.status)
