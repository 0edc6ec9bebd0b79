"""Faults on the 同步 page: a tampered or truncated package is refused with its reason and changes nothing;
a missing, read-only or full stick gets a clear message and leaves no half package."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.gui.sync.dialogs import FolderPicker
from fieldapp.gui.sync.jobs import Drive, removable_drives, usb_error_text
from fieldapp.gui.sync.page import SyncPage
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services.context import AppContext
from fieldapp.store.models import Household
from tests.gui_sync.conftest import District, round_trip


def db_hash(ctx: AppContext) -> str:
    ctx.db.engine.dispose()  # the last connection closes: the WAL is checkpointed into the file
    wal = ctx.db.path.with_name(ctx.db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return hashlib.sha256(ctx.db.path.read_bytes()).hexdigest()


def test_tampered_and_truncated_packages_are_refused_with_their_reason(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path, tmp_path: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    page = open_page(sync_tasks)
    round_trip(page, district, stick, qtbot)
    with district.writer.transaction() as txn:
        txn.update(Household, two_households[0], {"phone": "13700000009"})
    good = district.reply(ctx, stick)
    data = bytearray(good.read_bytes())
    data[len(data) - 80] ^= 0x10
    good.write_bytes(bytes(data))  # tampered on the stick
    head = bytearray(data)
    head[12] ^= 0x01
    (stick / "fieldapp-damaged.fapk").write_bytes(bytes(head))  # its header is damaged too
    cut = tmp_path / "cut.fapk"
    cut.write_bytes(bytes(data[: len(data) // 3]))
    before = db_hash(ctx)
    changed: list[bool] = []
    page.hub.changed.connect(lambda c: c.bulk and changed.append(True))  # merged data announced

    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_from(stick)
    batch = blocker.args[0]
    assert sorted((o.path.name, o.refused.reason) for o in batch.failed if o.refused) == sorted([
        ("fieldapp-damaged.fapk", "format"), (good.name, "signature")])
    assert page.report_box is not None and page.report_box.windowTitle() == "同步包未导入"
    text = page.report_box.text()
    assert f"{good.name}：已拒绝，未作任何修改——签名无效（文件被篡改或损坏）" in text
    assert "fieldapp-damaged.fapk：已拒绝，未作任何修改——不是完整的同步包" in text
    page.report_box.done(0)

    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_from(files=[cut, tmp_path / "gone.fapk"])
    reasons = [(o.path.name, o.refused.reason if o.refused else o.error and o.error.errno)
               for o in blocker.args[0].outcomes]
    assert reasons == [("cut.fapk", "format"), ("gone.fapk", errno.ENOENT)]
    text = page.report_box.text() if page.report_box else ""
    assert "cut.fapk：已拒绝，未作任何修改——不是完整的同步包" in text
    assert "gone.fapk：无法读取——找不到该文件夹或文件（U盘可能已拔出）" in text
    assert db_hash(ctx) == before and changed == []
    assert ctx.db.scalar("SELECT phone FROM household WHERE id = :h", h=two_households[0]) != "13700000009"


def test_a_stick_that_is_gone(ctx: AppContext, district: District, tmp_path: Path,
                              open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager) -> None:
    page = open_page(sync_tasks)
    gone = tmp_path / "media" / "STICK"
    page.export(district.device_id, gone)
    assert page.report_box is not None and page.report_box.windowTitle() == "无法完成操作"
    assert page.report_box.text() == f"找不到该文件夹或文件（U盘可能已拔出）：{gone}"
    assert not gone.exists()  # not created on the laptop's disk in the stick's place
    assert page.peer_model.data(page.peer_model.index(0, 3)) == "—"
    assert page.export_button.isEnabled() and not page.progress_bar.isVisible()


def _mount_tmpfs(folder: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def read_only_stick(tmp_path: Path) -> Iterator[Path]:
    """A real read-only folder: a read-only tmpfs as root, a folder without write permission otherwise."""
    folder = tmp_path / "ro-stick"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
    elif _mount_tmpfs(folder, "ro,size=1m"):
        yield folder
        subprocess.run(["umount", str(folder)], check=True)
    else:
        pytest.skip("cannot make a read-only folder here (root without mount)")


@pytest.fixture
def full_stick(tmp_path: Path) -> Iterator[Path]:
    """A real, nearly full 64 KB volume (needs root and mount)."""
    folder = tmp_path / "full-stick"
    folder.mkdir()
    if not _mount_tmpfs(folder, "size=64k"):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        (folder / "filler.bin").write_bytes(b"\0" * (free - 2048))  # about 2 KB left: the package does not fit
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_stick(*, ctx: AppContext, two_households: tuple[str, str], district: District,
                              read_only_stick: Path, open_page: Callable[[TaskManager], SyncPage],
                              sync_tasks: SyncTaskManager) -> None:
    page = open_page(sync_tasks)
    page.export(district.device_id, read_only_stick)
    text = page.report_box.text() if page.report_box else ""
    assert text.startswith(("U盘或文件夹是只读的（可能打开了写保护开关），无法写入：", "没有读写该位置的权限："))
    assert str(read_only_stick) in text
    assert list(read_only_stick.iterdir()) == []


def test_a_full_stick_leaves_no_partial_package(*, ctx: AppContext, make_household: Callable[..., str],
                                                   district: District, full_stick: Path,
                                                   open_page: Callable[[TaskManager], SyncPage],
                                                   sync_tasks: SyncTaskManager) -> None:
    for i in range(40):
        make_household(f"户主{i}", members=3)
    page = open_page(sync_tasks)
    page.export(district.device_id, full_stick)
    text = page.report_box.text() if page.report_box else ""
    assert text.startswith("U盘（或磁盘）空间已满，无法写入同步包：")
    assert sorted(p.name for p in full_stick.iterdir()) == ["filler.bin"]
    assert page.peer_model.data(page.peer_model.index(0, 3)) == "—"


def test_usb_error_texts_name_the_problem() -> None:
    assert usb_error_text(OSError(errno.EROFS, "Read-only file system", "/media/u/S")) == \
        "U盘或文件夹是只读的（可能打开了写保护开关），无法写入：/media/u/S"
    assert usb_error_text(OSError(errno.ENOSPC, "No space left on device", "/media/u/S/x.part")) == \
        "U盘（或磁盘）空间已满，无法写入同步包：/media/u/S/x.part"
    assert usb_error_text(OSError(errno.EIO, "I/O error")) == "U盘读写出错（可能已拔出或损坏）"
    assert usb_error_text(ValueError("x")) is None


def test_drives_are_offered_in_the_folder_picker(tmp_path: Path, qtbot: QtBot) -> None:
    assert Path("/") in [d.path for d in removable_drives(roots=("/",))]
    assert all(str(d.path).startswith(("/media/", "/run/media/")) for d in removable_drives())
    stick = tmp_path / "STICK"
    stick.mkdir()
    picker = FolderPicker(None, [Drive(stick, "STICK", 3 << 30, False)])
    qtbot.addWidget(picker)
    assert picker.combo.currentText() == f"U盘 STICK（{stick}，可用 3.0 GB）"
    assert picker.folder() == stick
    picker.set_folder(tmp_path)
    assert picker.folder() == tmp_path
