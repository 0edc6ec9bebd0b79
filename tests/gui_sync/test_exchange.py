"""Export to and import from a "USB stick" through the 同步 page, with the demo district as the other replica."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.gui import ops as ops_mod
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.sync import page as page_mod
from fieldapp.gui.sync.jobs import ImportBatch
from fieldapp.gui.sync.page import SyncPage
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.store.models import Household
from fieldapp.sync.district import DEMO_DISTRICT_NAME
from fieldapp.sync.package import read_header
from tests.gui_sync.conftest import District, round_trip


def own_changes(ctx: AppContext) -> int:
    assert ctx.identity is not None
    return int(ctx.db.scalar("SELECT count(*) FROM change_log WHERE origin = :d", d=ctx.identity.device_id) or 0)


def test_export_through_the_dialog_writes_the_package_for_the_district(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    page = open_page(sync_tasks)
    assert page.snapshot is not None and page.snapshot.default_peer == district.device_id
    assert page.pending_label.text() == f"待同步修改 {own_changes(ctx)} 条"
    assert page.peer_model.rowCount() == 1 and page.peer_model.data(page.peer_model.index(0, 0)).startswith(
        DEMO_DISTRICT_NAME)
    assert page.peer_model.data(page.peer_model.index(0, 3)) == "—"  # never exported

    dialog = page.open_export_dialog()
    assert dialog.peer_id() == district.device_id
    dialog.picker.set_folder(stick)
    with qtbot.waitSignal(page.export_finished, timeout=20000) as blocker:
        dialog.ok_button.click()
    result = blocker.args[0]
    (written,) = stick.glob("*.fapk")
    assert result.path == written and ":" not in written.name
    header = read_header(written.read_bytes())
    assert header["recipient"] == district.device_id
    assert result.changes == header["counts"]["changes"] == own_changes(ctx)
    assert page.report_box is not None and str(written) in page.report_box.text()
    assert f"{result.changes} 条修改" in page.report_box.text()
    assert page.peer_model.data(page.peer_model.index(0, 3)) != "—"  # last exported: now
    assert not page.progress_bar.isVisible() and page.export_button.isEnabled()

    imported = district.import_file(written)  # the package opens at the district and applies
    assert imported.stats.applied == result.changes


def test_export_dialog_asks_for_a_folder(ctx: AppContext, district: District, stick: Path,
                                         open_page: Callable[[TaskManager], SyncPage],
                                         sync_tasks: SyncTaskManager) -> None:
    page = open_page(sync_tasks)
    dialog = page.open_export_dialog()
    dialog.picker.set_folder(Path(""))
    dialog.picker.combo.setCurrentText("")
    dialog.ok_button.click()
    assert dialog.isVisible() and "请选择U盘或文件夹" in dialog.error_label.text()
    assert list(stick.iterdir()) == []


def test_reply_imported_through_the_page_applies_and_reports(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    first, _second = two_households
    page = open_page(sync_tasks)
    batch = round_trip(page, district, stick, qtbot)
    assert [o.result is not None for o in batch.outcomes] == [True] and batch.others == 1
    assert page.pending_label.text() == "待同步修改 0 条"  # the district's reply acknowledged everything

    with district.writer.transaction() as txn:  # the district corrects a phone number
        txn.update(Household, first, {"phone": "13700000001"})
    district.reply(ctx, stick)
    changed: list[bool] = []
    page.hub.changed.connect(lambda c: c.bulk and changed.append(True))  # merged data announced
    dialog = page.open_import_dialog()
    dialog.picker.set_folder(stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        dialog.ok_button.click()
    batch = blocker.args[0]
    assert isinstance(batch, ImportBatch)
    assert len(batch.applied) == 1 and len(batch.repeated) == 1 and not batch.failed  # the old reply: skipped
    assert ctx.db.scalar("SELECT phone FROM household WHERE id = :h", h=first) == "13700000001"
    text = page.report_box.text() if page.report_box else ""
    assert f"来自 {DEMO_DISTRICT_NAME}：应用 1 条修改" in text
    assert "1 个同步包以前已导入，已跳过" in text and "另有 1 个同步包是发给其他设备的" in text
    assert page.report_box is not None and page.report_box.windowTitle() == "导入完成"
    assert str(batch.applied[0].path) in page.report_box.detailedText()
    assert page.status_label.text() == "已导入 1 个同步包，应用 1 条修改。"
    assert changed == [True]


def test_a_folder_without_packages_for_this_laptop(*, ctx: AppContext, district: District, stick: Path,
                                                      open_page: Callable[[TaskManager], SyncPage],
                                                      sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    page = open_page(sync_tasks)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_from(stick)
    assert blocker.args[0].outcomes == []
    assert page.report_box is not None and page.report_box.windowTitle() == "没有可导入的同步包"
    assert "没有需要导入的新同步包" in page.report_box.text()


def test_export_and_import_run_off_the_gui_thread(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], tasks: TaskManager, qtbot: QtBot) -> None:
    page = open_page(tasks)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=20000)
    with qtbot.waitSignal(page.export_finished, timeout=20000) as exported:
        task = page.export(district.device_id, stick)
        assert task is not None and not task.is_finished  # returns at once; the worker writes
        assert not page.export_button.isEnabled() and page.progress_bar.isVisible()
    district.import_file(exported.args[0].path)
    district.reply(ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as imported:
        page.import_from(stick)
    assert len(imported.args[0].applied) == 1
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and not page.progress_bar.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: page.pending_label.text() == "待同步修改 0 条", timeout=20000)


def test_main_window_has_the_page_and_refreshes_after_an_import(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window)
    keys = window.page_keys()
    assert keys.index("sync") == keys.index("print") + 1
    window.show_page("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    round_trip(page, district, stick, qtbot)
    village = villages(ctx)[0][0]
    new_id = "0" * 8 + "-0000-4000-8000-000000000042"
    with district.writer.transaction() as txn:  # a household the district registered in the laptop's village
        txn.insert(Household, {"id": new_id, "village_id": village, "hh_no": "6110020099"})
    district.reply(ctx, stick)
    before = window.households.model.rowCount()
    with qtbot.waitSignal(window.unsynced_changed, timeout=20000):
        page.import_from(stick)
    assert window.households.model.row_of(new_id) >= 0 and window.households.model.rowCount() == before + 1
    assert page.report_box is not None
    page.report_box.done(0)


def test_without_a_registered_peer_export_says_what_is_missing(
        ctx: AppContext, two_households: tuple[str, str], stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager) -> None:
    page = open_page(sync_tasks)
    assert page.pending_label.text() == f"待同步修改 {own_changes(ctx)} 条"
    assert "还没有登记同步对象" in page.detail_label.text()
    dialog = page.open_export_dialog()
    dialog.picker.set_folder(stick)
    dialog.ok_button.click()
    assert dialog.isVisible() and "还没有登记任何同步对象" in dialog.error_label.text()
    assert list(stick.iterdir()) == []


def test_export_and_import_are_operations_with_one_announcement_each(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write runs as an operation (run_op): the sync page's jobs too, with their progress."""
    ops: list[object] = []
    monkeypatch.setattr(page_mod, "run_op", lambda *a, **k: (ops.append(a[2]), ops_mod.run_op(*a, **k))[1])
    page = open_page(sync_tasks)
    announced: list[Changes] = []
    page.hub.changed.connect(announced.append)
    progress: list[tuple[int, int]] = []
    page.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(page.export_finished, timeout=20000) as exported:
        page.export(district.device_id, stick)
    assert len(ops) == 1 and [c.sync and not c.bulk for c in announced] == [True]
    district.import_file(exported.args[0].path)
    district.reply(ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000):
        page.import_from(stick)
    assert len(ops) == 2 and len(announced) == 2 and announced[1].sync
    assert progress  # the page still shows the job's progress
