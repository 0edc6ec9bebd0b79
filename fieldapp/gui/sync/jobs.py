"""The 同步 page's background work and what it reports: export, import, the USB drives, USB errors.

:func:`export_task` and :func:`import_task` build the functions that
:meth:`fieldapp.gui.tasks.TaskManager.run_db` runs off the GUI thread. They call
:func:`fieldapp.sync.service.export_to` / :func:`~fieldapp.sync.service.import_file` and
return plain results; a refused package is one outcome among others (with its reason),
never a failure of the whole import. :func:`usb_error_text` names the usual faults of a
stick (read-only, full, pulled out) in words.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStorageInfo

from fieldapp.services import lookups, syncing
from fieldapp.sync import package, service
from fieldapp.sync.package import PackageRefused
from fieldapp.sync.service import ImportResult

log = logging.getLogger("fieldapp.gui.sync")

CONTEXT = "SyncJobs"
REMOVABLE_ROOTS = ("/media", "/run/media")
_HEAD_BYTES = (1 << 20) + 64


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


@dataclass(frozen=True)
class ExportResult:
    peer_name: str
    path: Path
    changes: int
    size: int


@dataclass(frozen=True)
class Outcome:
    """One package file: applied (``result``), refused (``refused``) or unreadable (``error``)."""

    path: Path
    result: ImportResult | None = None
    refused: PackageRefused | None = None
    error: OSError | None = None


@dataclass
class ImportBatch:
    outcomes: list[Outcome] = field(default_factory=list)
    others: int = 0  # package files in the folder addressed to other devices
    senders: dict[str, str] = field(default_factory=dict)  # device id → peer name

    @property
    def applied(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result is not None]

    @property
    def repeated(self) -> list[Outcome]:
        """Packages imported before (a stick keeps them): skipped, not a failure."""
        return [o for o in self.outcomes if o.refused is not None and o.refused.reason == "replay"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result is None and o not in self.repeated]

    @property
    def changed_data(self) -> bool:
        return any(o.result.stats.applied or o.result.exits or o.result.stats.quarantined
                   for o in self.outcomes if o.result is not None)


def _need_folder(folder: Path) -> None:
    if not folder.is_dir():
        code = errno.ENOTDIR if folder.exists() else errno.ENOENT
        raise OSError(code, os.strerror(code), str(folder))


def export_task(ctx: Any, peer_id: str, folder: Path) -> Any:
    """A task writing the package for ``peer_id`` into ``folder`` (which must exist: a stick, not a new folder)."""
    working = tr(QT_TRANSLATE_NOOP("SyncJobs", "正在打包并写入…"))

    def run(control: Any) -> ExportResult:
        rep = syncing.replica_of(ctx)
        control.progress(0, 0, working)
        _need_folder(folder)
        started = time.time()
        try:
            path = service.export_to(rep, peer_id, folder)
        except OSError as exc:
            _remove_partial(folder, started)
            if exc.filename is None:  # a failed write names no file: say where
                raise OSError(exc.errno, exc.strerror, str(folder)) from exc
            raise
        with open(path, "rb") as fh:  # read back: the header must be there, whole
            header = package.read_header(fh.read(_HEAD_BYTES))
        peer = lookups.peer(ctx.db, peer_id)
        control.progress(1, 1, "")
        return ExportResult(peer.name if peer else peer_id, path, int(header["counts"]["changes"]),
                            path.stat().st_size)

    return run


def _remove_partial(folder: Path, since: float) -> None:
    """A failed write (disk full, stick pulled) may leave a temporary (or an older version's ``.part``)."""
    try:
        for part in [*folder.glob(".fieldapp-*.tmp"), *folder.glob(f"fieldapp-*{package.SUFFIX}.part")]:
            if part.stat().st_mtime >= since - 1:
                part.unlink()
    except OSError as exc:
        log.info("could not remove a partial package in %s: %s", folder, exc)


def import_task(ctx: Any, folder: Path | None = None, files: Sequence[Path] = ()) -> Any:
    """A task applying the packages in ``folder`` addressed to this device, or the chosen ``files``."""
    reading = tr(QT_TRANSLATE_NOOP("SyncJobs", "正在查找同步包…"))

    def run(control: Any) -> ImportBatch:
        rep = syncing.replica_of(ctx)
        batch = ImportBatch()
        control.progress(0, 0, reading)
        if folder is not None:
            _need_folder(folder)
            paths = service.addressed_to_me(rep, folder)
            for other in sorted(set(folder.glob(f"*{package.SUFFIX}")) - set(paths)):
                damaged = _damaged(other)  # a package whose header cannot be read is reported, not skipped
                if damaged is None:
                    batch.others += 1
                else:
                    batch.outcomes.append(damaged)
        else:
            paths = sorted(files, key=lambda p: p.name)
        for i, path in enumerate(paths):
            control.progress(i, len(paths), path.name)
            batch.outcomes.append(_import_one(rep, path))
        batch.senders = {p.device_id: p.name for p in lookups.peers(ctx.db)}
        control.progress(len(paths), len(paths), "")
        return batch

    return run


def _damaged(path: Path) -> Outcome | None:
    """The outcome for a package file whose header cannot be read; None if it reads (another recipient)."""
    try:
        with open(path, "rb") as fh:
            package.read_header(fh.read(_HEAD_BYTES))
    except OSError as exc:
        return Outcome(path, error=exc)
    except PackageRefused as exc:
        return Outcome(path, refused=exc)
    return None


def _import_one(rep: service.Replica, path: Path) -> Outcome:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Outcome(path, error=exc)
    try:
        return Outcome(path, result=service.import_package(rep, data))
    except PackageRefused as exc:
        log.info("package %s refused (%s): %s", path.name, exc.reason, exc)
        return Outcome(path, refused=exc)


# -- USB drives and their errors ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Drive:
    path: Path
    name: str
    free: int  # bytes
    read_only: bool


def removable_drives(roots: Sequence[str] = REMOVABLE_ROOTS) -> list[Drive]:
    """Mounted volumes that look like USB sticks: under /media or /run/media on Linux; other drives on Windows."""
    system = Path(os.environ.get("SYSTEMDRIVE", "C:") + "\\") if sys.platform == "win32" else None
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady():
            continue
        root = volume.rootPath()
        if system is not None:
            if Path(root) == system:
                continue
        elif not any(root == r or root.startswith(r.rstrip("/") + "/") for r in roots):
            continue
        name = volume.displayName() or Path(root).name or root
        found.append(Drive(Path(root), name, int(volume.bytesAvailable()), volume.isReadOnly()))
    return sorted(found, key=lambda d: str(d.path))


_ERRNO_TEXT: dict[int, object] = {
    errno.EROFS: QT_TRANSLATE_NOOP("SyncJobs", "U盘或文件夹是只读的（可能打开了写保护开关），无法写入：{0}"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("SyncJobs", "U盘（或磁盘）空间已满，无法写入同步包：{0}"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("SyncJobs", "超出磁盘配额，无法写入同步包：{0}"),
    errno.EACCES: QT_TRANSLATE_NOOP("SyncJobs", "没有读写该位置的权限：{0}"),
    errno.EPERM: QT_TRANSLATE_NOOP("SyncJobs", "没有读写该位置的权限：{0}"),
    errno.ENOENT: QT_TRANSLATE_NOOP("SyncJobs", "找不到该文件夹或文件（U盘可能已拔出）：{0}"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("SyncJobs", "这不是文件夹：{0}"),
    errno.EIO: QT_TRANSLATE_NOOP("SyncJobs", "U盘读写出错（可能已拔出或损坏）：{0}"),
    errno.ENODEV: QT_TRANSLATE_NOOP("SyncJobs", "U盘已不可用（可能已拔出）：{0}"),
    errno.EFBIG: QT_TRANSLATE_NOOP("SyncJobs", "文件太大，U盘的文件系统存不下：{0}"),
}


def usb_error_text(exc: BaseException) -> str | None:
    """Words for a stick's usual faults; None when ``exc`` is not one of them."""
    if not isinstance(exc, OSError) or exc.errno not in _ERRNO_TEXT:
        return None
    where = exc.filename or ""
    return tr(_ERRNO_TEXT[exc.errno]).format(where).rstrip("：: ")


def format_size(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
