"""Network sync in the GUI against a real district server process: enrol, 立即同步, offline backoff, refusals.

The server is ``python -m fieldapp.server.main`` on loopback (``tests/server/conftest.py``), the
laptop a real data folder (``ctx``). The scheduler's timer is driven by calling its timeout slot,
never by sleeping.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp import paths
from fieldapp.gui import fonts
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.sync.enrol_dialog import EnrolDialog
from fieldapp.gui.sync.net import NetworkSync
from fieldapp.gui.sync.net_panel import NetworkPanel
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.server import registry
from fieldapp.server.storage import open_server_db
from fieldapp.services import syncing
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext, open_context
from fieldapp.sync import http_client
from fieldapp.sync.schedule import SyncState
from tests.server.conftest import ServerProcess, free_port
from tests.server.util import add_household, count

HOUSEHOLDS = "SELECT count(*) FROM household"
SPENT_CODES = "SELECT count(*) FROM server_enrol_code WHERE used_by IS NOT NULL"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """The district server as a process on loopback (SQLite), stopped and checked for errors afterwards."""
    proc = ServerProcess(tmp_path / "server-home", str(tmp_path / "server.sqlite3")).start()
    yield proc
    proc.stop()


def open_window(ctx: AppContext, tasks: TaskManager, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx, tasks)
    qtbot.addWidget(window, before_close_func=close_dialogs)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_dialogs(window: MainWindow) -> None:
    panel = panel_of(window)
    if panel.dialog is not None:
        panel.dialog.done(0)


def panel_of(window: MainWindow) -> NetworkPanel:
    panel = window.sync_page.network_panel
    assert isinstance(panel, NetworkPanel)
    return panel


def enrol(ctx: AppContext, server: ServerProcess) -> None:
    """Enrolment without the dialog (the dialog has its own tests)."""
    syncing.enrol(ctx, server.url, server.code("王伟", list(ctx.settings["village_ids"])))


def tick(net: NetworkSync) -> None:
    """The timer fired (with SyncTaskManager the whole action runs before this returns)."""
    assert net.timer.isActive(), "the scheduler planned nothing"
    net.timer.stop()
    net.on_timeout()


def server_fingerprint(server: ServerProcess) -> str:
    status, out, _err = server.admin("whoami")
    assert status == 0
    return http_client.fingerprint(json.loads(out)["signing"])


def test_enrol_in_the_dialog_then_sync_now_through_the_page(
        *, ctx: AppContext, server: ServerProcess, make_household: Callable[..., str], tasks: TaskManager,
        qtbot: QtBot, tmp_path: Path, app_font: None) -> None:
    for name in ("李大山", "张小河", "王西村"):
        make_household(name)
    window = open_window(ctx, tasks, qtbot)
    net, panel = window.network, panel_of(window)
    window.show_page("sync")
    # Not enrolled: nothing runs, the button is off, the page says how to enrol, the status bar is quiet.
    assert not net.running and not net.timer.isActive()
    assert not panel.sync_button.isEnabled() and "尚未加入区县服务器" in panel.server_label.text()
    assert window.sync_label.isHidden()
    qtbot.waitUntil(lambda: window.unsynced is not None)
    assert window.unsynced is not None and window.unsynced > 0

    dialog = panel.open_enrol_dialog()
    assert not dialog.enrol_button.isEnabled()  # the fingerprint first
    dialog.url_edit.setText(server.url + "/")
    dialog.code_edit.setText(server.code("王伟", list(ctx.settings["village_ids"])).lower())
    with qtbot.waitSignal(dialog.checked, timeout=60000):
        dialog.check_button.click()
    assert server_fingerprint(server) in dialog.fingerprint_label.text()
    assert count(server.home, server.db_url, SPENT_CODES) == 0  # not spent before the cadre confirms
    texts: list[str] = []
    net.status_changed.connect(lambda _s: texts.append(window.sync_label.text()))
    announced: list[Changes] = []
    window.hub.changed.connect(announced.append)
    with qtbot.waitSignal(net.synced, timeout=120000):  # enrolling starts the first sync
        dialog.enrol_button.click()
    # the stored enrolment is one operation with one announcement (the first sync announces its own)
    assert [c for c in announced if c.settings] == [Changes(sync=True, settings=True)], announced
    assert ctx.settings["server_url"] == server.url and net.running
    assert count(server.home, server.db_url, HOUSEHOLDS) == ctx.db.scalar(HOUSEHOLDS) == 3  # type: ignore[call-overload]
    syncing = [i for i, t in enumerate(texts) if t.startswith("同步中 ") and t.endswith("%")]
    done = [i for i, t in enumerate(texts) if t.startswith("上次同步 ")]
    assert syncing and done and syncing[0] < done[-1], texts
    assert re.fullmatch(r"上次同步 \d\d:\d\d", window.sync_label.text()), window.sync_label.text()
    assert "同步完成" in window.sync_page.status_label.text()
    qtbot.waitUntil(lambda: window.unsynced == 0, timeout=20000)  # the district lacks nothing now
    assert window.unsynced_label.text() == "未同步修改 0 条"
    assert net.status.state is SyncState.ONLINE and 0.85 * 900_000 <= net.timer.interval() <= 1.15 * 900_000

    # A local edit: the count goes up and the next sync comes within a minute.
    hid = make_household("赵新户")
    window.hub.announce(Changes.of_households([hid]))  # what an editor's save announces
    qtbot.waitUntil(lambda: window.unsynced == 3, timeout=20000)  # household + 2 members
    assert net.timer.interval() <= 66_000

    # 立即同步 on the page: disabled while it runs; the server has the new household afterwards.
    with qtbot.waitSignal(net.synced, timeout=120000) as blocker:
        panel.sync_button.click()
        assert not panel.sync_button.isEnabled()
    assert blocker.args[0].sent == 3 and panel.sync_button.isEnabled()
    assert count(server.home, server.db_url, HOUSEHOLDS) == 4
    assert "上传 3 条修改" in window.sync_page.status_label.text()
    line = panel.server_label.text()
    assert server.url in line and "状态：在线" in line and "上次同步：" in line and "尚未同步" not in line
    qtbot.waitUntil(lambda: window.unsynced == 0, timeout=20000)

    screenshots(window, tmp_path)


def screenshots(window: MainWindow, folder: Path) -> None:
    """The Sync page and the status bar (look at them: offscreen ``grab()``)."""
    for name, widget in (("sync-page", window.sync_page), ("status-bar", window.statusBar())):
        image = widget.grab()
        assert not image.isNull() and image.save(str(folder / f"{name}.png"))


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The bundled CJK font, as the app sets it before its first window (restored afterwards)."""
    before = QApplication.font()
    fonts.register_bundled_font(qapp)
    yield
    QApplication.setFont(before)


def test_offline_probes_back_off_and_the_status_bar_says_offline(
        ctx: AppContext, server: ServerProcess, make_household: Callable[..., str], sync_tasks: SyncTaskManager,
        qtbot: QtBot) -> None:
    make_household("李大山")
    enrol(ctx, server)
    window = open_window(ctx, sync_tasks, qtbot)
    net = window.network
    assert net.timer.isActive() and net.timer.interval() == 0  # enrolled: probe at once
    tick(net)  # probe → reachable → sync at once
    assert net.status.state is SyncState.ONLINE and net.timer.interval() == 0
    tick(net)
    assert window.sync_label.text().startswith("上次同步 ") and count(server.home, server.db_url, HOUSEHOLDS) == 1

    server.stop()
    make_household("张小河")
    tick(net)  # the planned sync: the connection is refused
    assert net.status.state is SyncState.OFFLINE and window.sync_label.text() == "离线"
    assert "无法连接区县服务器" in window.sync_label.toolTip() and "上次同步" in window.sync_label.toolTip()
    delays = [net.timer.interval()]
    for _ in range(3):  # offline: only probes, each waiting longer (30 s, 1 min, 2 min, 4 min ± 10 %)
        tick(net)
        assert net.status.state is SyncState.OFFLINE and sync_tasks.pending() == 0
        delays.append(net.timer.interval())
    assert all(b > a for a, b in itertools.pairwise(delays)), delays
    assert 27_000 <= delays[0] <= 33_000 and 216_000 <= delays[-1] <= 264_000
    net.network_changed(QNetworkInformation.Reachability.Online)  # the system says the network is back
    assert net.timer.interval() == 0
    tick(net)  # but the server is still down: the backoff goes on
    assert net.timer.interval() > delays[-1] and net.status.state is SyncState.OFFLINE
    assert "离线" in panel_of(window).server_label.text()
    assert panel_of(window).sync_button.isEnabled()  # the user may still try

    server.proc = None
    server.start()  # back (same port): the next probe finds it and the waiting change goes up
    tick(net)
    assert net.status.state is SyncState.ONLINE
    tick(net)
    assert net.status.failures == 0 and window.sync_label.text().startswith("上次同步 ")
    assert count(server.home, server.db_url, HOUSEHOLDS) == 2


def test_a_reply_with_new_households_refreshes_the_window(
        *, ctx: AppContext, server: ServerProcess, sync_tasks: SyncTaskManager, qtbot: QtBot, tmp_path: Path) -> None:
    enrol(ctx, server)
    window = open_window(ctx, sync_tasks, qtbot)
    net = window.network
    tick(net)
    tick(net)  # the laptop's villages are on the server now
    east = ctx.settings["village_ids"][0]
    other = open_context(paths.DataPaths(tmp_path / "colleague"))  # a colleague's laptop, 东村 only
    try:
        syncing.enrol(other, server.url, server.code("赵敏", [east]))
        with syncing.client(other) as client:
            client.sync_now()
            new_id = add_household(other, east, "赵新户")
            client.sync_now()
    finally:
        other.close()
    window.show_page("households")
    assert window.households.model.row_of(new_id) < 0
    with qtbot.waitSignal(net.data_changed, timeout=60000), qtbot.waitSignal(window.unsynced_changed, timeout=60000):
        assert panel_of(window).sync_now()
    assert net.last_outcome is not None and net.last_outcome.received is not None
    assert net.last_outcome.received.stats.applied >= 3  # the household and its two members
    assert window.households.model.row_of(new_id) >= 0
    assert window.unsynced == 0  # what came from the server is not something the server lacks


def test_a_revoked_device_shows_the_refusal_and_auto_sync_stops(
        ctx: AppContext, server: ServerProcess, make_household: Callable[..., str], sync_tasks: SyncTaskManager,
        qtbot: QtBot) -> None:
    make_household("李大山")
    enrol(ctx, server)
    window = open_window(ctx, sync_tasks, qtbot)
    net, panel = window.network, panel_of(window)
    tick(net)
    tick(net)
    assert net.status.last_synced is not None
    assert ctx.identity is not None
    assert server.admin("revoke", ctx.identity.device_id, "--reason", "笔记本丢失")[0] == 0
    with qtbot.waitSignal(net.sync_error, timeout=60000) as blocker:
        panel.sync_button.click()
    error = blocker.args[0]
    assert isinstance(error, http_client.ServerRefused) and error.reason == "revoked"
    assert window.sync_label.text().startswith("同步出错：") and "吊销" in window.sync_label.toolTip()
    assert "自动同步已停止" in window.sync_label.toolTip()
    assert "吊销" in panel.server_label.text() and "自动同步已停止" in panel.server_label.text()
    assert "吊销" in window.sync_page.status_label.text()
    # Auto sync stopped: nothing planned, and a stray timeout starts nothing.
    assert net.scheduler.next_action().kind == "idle" and not net.timer.isActive()
    net.on_timeout()
    assert sync_tasks.pending() == 0 and net.status.state is SyncState.ERROR


def test_window_close_stops_network_sync(ctx: AppContext, server: ServerProcess, tasks: TaskManager,
                                         qtbot: QtBot) -> None:
    enrol(ctx, server)
    window = open_window(ctx, tasks, qtbot)
    net = window.network
    with qtbot.waitSignal(net.synced, timeout=120000):  # probe, then the first sync, on the real threads
        pass
    assert net.timer.isActive()
    late: list[object] = []
    net.synced.connect(late.append)
    net.sync_error.connect(late.append)
    assert panel_of(window).sync_now()  # a sync is under way (its first step on the database thread) …
    assert net.busy and tasks.pending() > 0
    window.close()  # … when the window closes
    assert not net.timer.isActive() and not net.running and not net.busy
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=60000)  # the running step ends; nothing follows it
    net.on_timeout()
    net.local_change()
    assert net.sync_now() is False and tasks.pending() == 0 and not net.timer.isActive() and late == []


def test_the_auto_sync_switch_is_saved_and_sync_now_still_works(
        ctx: AppContext, server: ServerProcess, sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    enrol(ctx, server)
    window = open_window(ctx, sync_tasks, qtbot)
    net, panel = window.network, panel_of(window)
    assert panel.auto_check.isEnabled() and panel.auto_check.isChecked()
    announced: list[Changes] = []
    window.hub.changed.connect(announced.append)
    panel.auto_check.setChecked(False)
    assert announced == [Changes(settings=True)]  # the switch is saved as an operation, announced once
    assert not net.timer.isActive() and net.scheduler.next_action().kind == "idle"
    assert json.loads(ctx.paths.settings.read_text(encoding="utf-8"))["auto_sync"] is False
    assert window.sync_label.text() == "自动同步已关闭" and "自动同步已关闭" in panel.server_label.text()
    with qtbot.waitSignal(net.synced, timeout=60000):  # 立即同步 works with auto sync off
        panel.sync_button.click()
    assert window.sync_label.text().startswith("上次同步 ") and not net.timer.isActive()
    panel.auto_check.setChecked(True)
    assert net.timer.isActive() and net.scheduler.next_action().kind == "probe"
    assert ctx.settings["auto_sync"] is True


def test_a_laptop_that_is_not_enrolled_costs_nothing(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                     qtbot: QtBot) -> None:
    window = open_window(ctx, sync_tasks, qtbot)
    net = window.network
    assert not net.running and not net.timer.isActive() and sync_tasks.pending() == 0
    assert net.sync_now() is False
    net.local_change()
    net.on_timeout()
    assert not net.timer.isActive() and window.sync_label.isHidden()
    assert not panel_of(window).auto_check.isEnabled()


# -- the enrolment dialog's errors ------------------------------------------------------------------


@pytest.fixture
def dialog(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot) -> EnrolDialog:
    box = EnrolDialog(ctx, sync_tasks)
    qtbot.addWidget(box)
    box.show()
    return box


def test_enrol_dialog_names_each_problem(ctx: AppContext, server: ServerProcess, dialog: EnrolDialog,
                                         qtbot: QtBot) -> None:
    dialog.url_edit.setText("sync.example.gov.cn")
    dialog.check_button.click()
    assert "http://" in dialog.error_label.text() and not dialog.enrol_button.isEnabled()
    dialog.url_edit.setText(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.check_button.click()
    assert "无法连接" in dialog.error_label.text() and "服务器地址" in dialog.error_label.text()

    dialog.url_edit.setText(server.url)
    with qtbot.waitSignal(dialog.checked, timeout=60000):
        dialog.check_button.click()
    assert dialog.enrol_button.isEnabled()
    dialog.enrol_button.click()
    assert "请输入加入码" in dialog.error_label.text()
    dialog.code_edit.setText("AAAA-BBBB-CCCC-DDDD")
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.enrol_button.click()
    assert "加入码无效" in dialog.error_label.text() and not ctx.settings["server_url"]

    db = open_server_db(server.db_url, server.home)
    try:
        with db.transaction() as conn:
            old, _expires = registry.create_code(conn, "王伟", list(ctx.settings["village_ids"]), 1,
                                                 now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2))
    finally:
        db.close()
    dialog.code_edit.setText(old)
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.enrol_button.click()
    assert "过期" in dialog.error_label.text() and not ctx.settings["server_url"]
    assert dialog.isVisible()  # the cadre can correct the code and try again


def test_enrol_dialog_refuses_another_server_unless_replacing(
        *, ctx: AppContext, server: ServerProcess, sync_tasks: SyncTaskManager, qtbot: QtBot, tmp_path: Path) -> None:
    enrol(ctx, server)
    other = ServerProcess(tmp_path / "other-home", str(tmp_path / "other.sqlite3")).start()
    try:
        box = EnrolDialog(ctx, sync_tasks)
        qtbot.addWidget(box)
        assert not box.replace_check.isHidden() and server.url in box.replace_check.text()
        box.url_edit.setText(other.url)
        box.code_edit.setText(other.code("王伟", list(ctx.settings["village_ids"])))
        with qtbot.waitSignal(box.failed, timeout=60000):
            box.check_button.click()
        assert "另一台区县服务器" in box.error_label.text() and not box.enrol_button.isEnabled()
        assert count(other.home, other.db_url, SPENT_CODES) == 0
        box.replace_check.setChecked(True)
        with qtbot.waitSignal(box.checked, timeout=60000):
            box.check_button.click()
        assert server_fingerprint(other) in box.fingerprint_label.text()
        with qtbot.waitSignal(box.enrolled, timeout=60000) as blocker:
            box.enrol_button.click()
        assert blocker.args[0].url == other.url and ctx.settings["server_url"] == other.url
        assert blocker.args[0].villages == ["东村", "西村"]
    finally:
        other.stop()
