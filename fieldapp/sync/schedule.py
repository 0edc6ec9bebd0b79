"""When the laptop syncs by itself: a pure policy (no timers, no threads, no Qt), driven by the GUI.

While offline it costs nothing but a cheap reachability probe, repeated with exponential backoff
(30 s, 1 min, 2 min … up to 30 min, with a little jitter so a district's laptops do not probe in
step). As soon as a probe succeeds it asks for a sync; while online it syncs every
``interval_s`` and, after a local edit, within ``after_edit_s``. A success resets the backoff.

The GUI loop (``fieldapp.sync.http_client`` for the client)::

    action = scheduler.next_action()          # Action("probe" | "sync" | "idle", delay_s)
    timer.start(int(action.delay_s * 1000))   # single-shot QTimer; "idle": don't start it
    # on timeout:
    #   "probe": run_net(client.probe)         → scheduler.probe_result(ok), then ask next_action()
    #   "sync":  scheduler.sync_started(); the three client steps (prepare/exchange/apply) with
    #            progress → scheduler.sync_progress(done, total, text);
    #            → scheduler.sync_finished(outcome) or scheduler.sync_failed(error)
    # "Sync now" button: scheduler.sync_requested(); local edit saved: scheduler.local_change()
    status = scheduler.status                  # SyncStatus for the status bar

``status.state`` is one of :class:`SyncState` (offline, online, syncing, error); ``last_synced`` is
a wall-clock time (epoch seconds) or None; ``last_error`` the message of the last failure;
``progress`` (done, total, text) while syncing. Settings: ``auto_sync`` → ``enabled``,
``auto_sync_minutes`` → ``SchedulePolicy(interval_s=minutes * 60)``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# Refusals that will not go away by retrying: auto sync stops until the user acts (re-enrols).
PERMANENT = frozenset({"revoked", "unknown-device", "not-enrolled", "key-mismatch"})


class SyncState(StrEnum):
    OFFLINE = "offline"  # not reachable (or not yet probed)
    ONLINE = "online"  # reachable; waiting for the next sync
    SYNCING = "syncing"
    ERROR = "error"  # the server refused or the reply could not be applied


@dataclass(frozen=True)
class SchedulePolicy:
    interval_s: float = 900.0  # while online: a sync every 15 minutes
    after_edit_s: float = 60.0  # a local edit: sync within a minute
    probe_min_s: float = 30.0  # offline: first re-probe after 30 s …
    probe_max_s: float = 1800.0  # … doubling up to 30 minutes
    backoff: float = 2.0
    retry_error_s: float = 600.0  # after a refusal or failure: try again in 10 minutes
    jitter: float = 0.1  # ± this fraction on every delay


@dataclass(frozen=True)
class Action:
    kind: str  # probe | sync | idle
    delay_s: float


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    last_synced: float | None
    last_error: str | None
    progress: tuple[int, int, str] | None
    failures: int
    enabled: bool


class SyncScheduler:
    def __init__(self, policy: SchedulePolicy | None = None, *, enabled: bool = True,
                 last_synced: float | None = None, now: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time, rng: Callable[[], float] = random.random) -> None:
        """``last_synced``: epoch seconds of the last exchange before this run (the server peer's
        ``last_received`` in :func:`fieldapp.sync.review.status`), so the status bar shows it at once."""
        self.policy = policy or SchedulePolicy()
        self.enabled = enabled
        self._now, self._wall, self._rng = now, wall, rng
        self.state = SyncState.OFFLINE
        self.failures = 0
        self.last_synced = last_synced
        self.last_error: str | None = None
        self.progress: tuple[int, int, str] | None = None
        self._kind = "probe"
        self._due = self._now()  # probe at once

    # -- what to do next ----------------------------------------------------------------------

    def next_action(self) -> Action:
        if self.state is SyncState.SYNCING or (not self.enabled and self._kind != "sync-requested"):
            return Action("idle", 0.0)
        kind = "sync" if self._kind == "sync-requested" else self._kind
        return Action(kind, max(0.0, self._due - self._now()))

    @property
    def status(self) -> SyncStatus:
        return SyncStatus(self.state, self.last_synced, self.last_error, self.progress, self.failures, self.enabled)

    def _at(self, kind: str, delay: float) -> None:
        spread = 1.0 + self.policy.jitter * (2.0 * self._rng() - 1.0)
        self._kind, self._due = kind, self._now() + max(0.0, delay * spread)

    def _backoff(self) -> float:
        p = self.policy
        return float(min(p.probe_max_s, p.probe_min_s * p.backoff ** max(0, self.failures - 1)))

    # -- events ----------------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled and self._kind != "sync-requested":
            self._at("probe", 0.0)

    def probe_result(self, reachable: bool) -> None:
        if reachable:
            self.state = SyncState.ONLINE
            self._at("sync", 0.0)
        else:
            self.state = SyncState.OFFLINE
            self.failures += 1
            self._at("probe", self._backoff())

    def sync_requested(self) -> None:
        """The user pressed "Sync now": sync at once (even with auto sync off)."""
        self._kind, self._due = "sync-requested", self._now()

    def local_change(self) -> None:
        """A local edit was saved: while online, sync within ``after_edit_s`` (never later than planned)."""
        if self.state is SyncState.ONLINE and self._kind == "sync":
            self._due = min(self._due, self._now() + self.policy.after_edit_s)

    def sync_started(self) -> None:
        self.state = SyncState.SYNCING
        self.progress = (0, 0, "")

    def sync_progress(self, done: int, total: int, text: str = "") -> None:
        self.progress = (int(done), int(total), text)

    def sync_finished(self, _outcome: Any = None) -> None:
        self.state = SyncState.ONLINE
        self.failures = 0
        self.progress = None
        self.last_error = None
        self.last_synced = self._wall()
        self._at("sync", self.policy.interval_s)

    def sync_failed(self, error: BaseException) -> None:
        """``error``: an ``http_client.SyncError`` (``Offline`` → back to probing with backoff)."""
        from fieldapp.sync.http_client import Offline

        self.progress = None
        self.last_error = str(error)
        if isinstance(error, Offline):
            self.state = SyncState.OFFLINE
            self.failures += 1
            self._at("probe", self._backoff())
            return
        self.state = SyncState.ERROR
        if getattr(error, "reason", None) in PERMANENT:
            self.enabled = False
            self._kind, self._due = "probe", self._now()
            return
        self._at("sync", self.policy.retry_error_s)
