"""Plain helpers of network sync in the GUI (no widgets): what the district lacks, the schedule's
policy from the settings, the last sync, one progress percentage, and the shared client.

- :func:`unsynced_count` — the status bar's 未同步修改: what the district peer lacks (database thread).
- :class:`Connection` — the :class:`~fieldapp.sync.http_client.SyncClient` used by one worker at
  a time; :meth:`Connection.close` from the GUI thread closes it once no worker holds it.
"""

from __future__ import annotations

import calendar
import threading
import time

from fieldapp.gui.tasks import TaskCancelled
from fieldapp.services import lookups
from fieldapp.services.context import AppContext
from fieldapp.sync.http_client import SyncClient, SyncOutcome
from fieldapp.sync.schedule import SchedulePolicy

_UP, _DOWN = "上传", "下载"  # words of SyncClient.exchange's progress texts (正在上传 / 正在下载)


def unsynced_count(ctx: AppContext) -> int:
    """This laptop's changes the district lacks, as far as it knows (database thread).

    The same figure as the workbench's 未同步修改 (:func:`fieldapp.services.workbench.unsynced_changes`):
    the district is the enrolled server, else a peer whose scope is the whole district.
    """
    if ctx.identity is None:
        return 0
    server = str(ctx.settings["server_device_id"] or "") or None
    return lookups.unsynced_count(ctx.db, ctx.identity.device_id, server)


def is_enrolled(ctx: AppContext) -> bool:
    return bool(ctx.settings["server_url"] and ctx.settings["server_device_id"])


def policy_of(ctx: AppContext) -> SchedulePolicy:
    minutes = max(1, int(ctx.settings["auto_sync_minutes"] or 15))
    return SchedulePolicy(interval_s=60.0 * minutes)


def changed_data(outcome: SyncOutcome) -> bool:
    got = outcome.received
    return bool(got and (got.stats.applied or got.exits or got.stats.quarantined))


def overall_percent(step: str, done: int, total: int, text: str) -> int:
    """One percentage for the three steps: packing 0–5, upload 5–50, download 50–90, applying 90–100."""
    frac = min(1.0, done / total) if total > 0 else 0.0
    if step == "prepare":
        return 0
    if step == "apply":
        return 90 + int(10 * frac)
    if _DOWN in text:
        return 50 + int(40 * frac)
    return 5 + int((45 if _UP in text else 85) * frac)


class Connection:
    """The SyncClient shared by the GUI thread and one worker at a time; closed by whoever is last."""

    def __init__(self, client: SyncClient) -> None:
        self.client = client
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False

    def acquire(self) -> SyncClient:
        with self._lock:
            if self._closed:
                raise TaskCancelled
            self._users += 1
            return self.client

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._closed and self._users == 0:
                self.client.close()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._users == 0:
                self.client.close()


def last_received(ctx: AppContext, server_id: str) -> float | None:
    """When the server's last reply was applied (epoch seconds; the peer table keeps it), or None."""
    peer = lookups.peer(ctx.db, server_id)
    if peer is None or not peer.last_received:
        return None
    return float(calendar.timegm(time.strptime(peer.last_received, "%Y-%m-%dT%H:%M:%SZ")))
