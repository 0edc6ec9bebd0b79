"""Automatic sync policy: probe with backoff while offline, sync when reachable, reset on success;
and the real client's probe against a server that goes away and comes back."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.services import syncing
from fieldapp.sync.http_client import Offline, ServerRefused
from fieldapp.sync.schedule import SchedulePolicy, SyncScheduler, SyncState
from tests.server.conftest import Laptop, ServerProcess


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _scheduler(clock: Clock, **policy: float) -> SyncScheduler:
    return SyncScheduler(SchedulePolicy(**policy), now=clock, wall=lambda: 1.7e9 + clock.t, rng=lambda: 0.5)


def test_offline_probes_back_off_exponentially_and_are_capped() -> None:
    clock = Clock()
    s = _scheduler(clock)
    assert s.next_action().kind == "probe" and s.next_action().delay_s == 0
    delays = []
    for _ in range(9):
        s.probe_result(False)
        action = s.next_action()
        assert action.kind == "probe" and s.status.state is SyncState.OFFLINE
        delays.append(action.delay_s)
        clock.t += action.delay_s
    assert delays == [30, 60, 120, 240, 480, 960, 1800, 1800, 1800]


def test_reachable_means_sync_now_success_resets_backoff_and_edits_sync_soon() -> None:
    clock = Clock()
    s = _scheduler(clock)
    for _ in range(4):
        s.probe_result(False)
    s.probe_result(True)
    assert s.next_action().kind == "sync" and s.next_action().delay_s == 0
    s.sync_started()
    assert s.status.state is SyncState.SYNCING and s.next_action().kind == "idle"
    s.sync_progress(5, 10, "正在上传")
    assert s.status.progress == (5, 10, "正在上传")
    s.sync_finished()
    st = s.status
    assert st.state is SyncState.ONLINE and st.failures == 0 and st.last_synced == 1.7e9 + 1000 and st.progress is None
    assert s.next_action() == s.next_action() and s.next_action().kind == "sync" and s.next_action().delay_s == 900
    s.local_change()
    assert s.next_action().delay_s == 60
    s.sync_failed(Offline("offline", "无法连接"))
    assert s.status.state is SyncState.OFFLINE and s.next_action().kind == "probe" and s.next_action().delay_s == 30
    assert s.status.last_error == "无法连接"


def test_refusals_retry_later_and_permanent_ones_stop_auto_sync() -> None:
    clock = Clock()
    s = _scheduler(clock)
    s.probe_result(True)
    s.sync_failed(ServerRefused("busy", "服务器忙", status=503))
    assert s.status.state is SyncState.ERROR and s.next_action().kind == "sync" and s.next_action().delay_s == 600
    s.sync_failed(ServerRefused("revoked", "已吊销", status=403))
    assert not s.status.enabled and s.next_action().kind == "idle"
    s.sync_requested()  # the user can still press "Sync now"
    assert s.next_action().kind == "sync" and s.next_action().delay_s == 0


def test_disabled_auto_sync_does_nothing_until_enabled() -> None:
    clock = Clock()
    s = SyncScheduler(enabled=False, now=clock, rng=lambda: 0.5)
    assert s.next_action().kind == "idle"
    s.set_enabled(True)
    assert s.next_action().kind == "probe"


def test_probe_follows_the_server_and_costs_one_small_request(server: ServerProcess,
                                                             laptop: Callable[[str], Laptop]) -> None:
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    with lap.ctx() as ctx, syncing.client(ctx, probe_timeout=2.0) as client:
        assert client.probe()
        server.stop()
        clock = Clock()
        s = _scheduler(clock)
        ran: list[str] = []
        for _ in range(3):  # the GUI's loop, offline: only probes
            action = s.next_action()
            ran.append(action.kind)
            clock.t += action.delay_s
            s.probe_result(client.probe())
        assert ran == ["probe"] * 3 and s.status.state is SyncState.OFFLINE
        try:
            client.sync_now()
            raise AssertionError("sync with the server down should fail")
        except Offline as exc:
            assert exc.reason == "offline" and "无法连接" in str(exc)
        server.proc = None
        server.start()
        s.probe_result(client.probe())
        assert s.next_action().kind == "sync"
        s.sync_started()
        s.sync_finished(client.sync_now())
        assert s.status.state is SyncState.ONLINE and s.status.last_synced is not None
