"""The USB desk at the district office: ``fieldapp-server ingest STICK_DIR``.

Applies every package on the stick addressed to the server (oldest first), with the same checks
as over HTTP: unknown or revoked devices are refused, changes outside a device's villages are
refused and reported, a package applied before counts as applied. Then, for each device that
brought packages, it writes the device's reply package onto the stick (atomically, FAT-safe
name), so that the laptop's "Import from USB" completes the exchange, and a short receipt
(``…-receipt-….txt``) listing what was applied and refused. Earlier replies to the same device
are removed from the stick: the new reply holds everything they held (the server only learns
what a device holds from the device's own packages), so they are superseded.

The network server may run at the same time on the same database. On SQLite the two take turns at
the file's write lock (one package's merge at a time); the desk waits for its turn up to
``--wait-s`` (:data:`WAIT_S`), and a package that still could not be applied is reported as ``busy`` (nothing of
it applied: run the ingest again).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.server import registry, syncing
from fieldapp.server.registry import Device, Refused
from fieldapp.server.storage import Server
from fieldapp.store.db import StoreEnvironmentError
from fieldapp.sync import package, service
from fieldapp.sync.package import PackageRefused

log = logging.getLogger("fieldapp.server.ingest")

WAIT_S = 300.0  # seconds the desk waits for the network server's write lock (SQLite) before giving up a package


@dataclass
class IngestReport:
    applied: list[tuple[Path, str]] = field(default_factory=list)  # (file, summary)
    refused: list[tuple[Path, str, str]] = field(default_factory=list)  # (file, reason, message)
    replies: list[Path] = field(default_factory=list)
    receipts: list[Path] = field(default_factory=list)


def _describe(applied: syncing.Applied) -> str:
    if applied.result is None:
        return "此前已导入过（未重复应用）"
    s = applied.result.stats
    text = f"应用 {s.applied} 条，已有 {s.skipped} 条，冲突 {s.conflicts} 条，隔离 {s.quarantined} 条"
    refused = int(getattr(s, "refused", 0))
    return text + (f"，拒绝 {refused} 条超出范围的修改" if refused else "")


def _receipt(applied: list[syncing.Applied], device: Device) -> str:
    lines = [f"FieldApp 区县服务器 U 盘回执 — 设备 {device.device_id}（{device.name}，{device.cadre}）"]
    for item in applied:
        lines.append(f"同步包 {item.header['id']}：{_describe(item)}")
        for entry in getattr(item.result.stats, "refusals", []) if item.result else []:
            lines.append(f"  拒绝 {entry.get('tbl')} {entry.get('row_id')}：{entry.get('reason')}")
    return "\r\n".join(lines) + "\r\n"  # readable in Notepad too


def _drop_older_replies(server: Server, stick: Path, device_id: str, *, keep: Path) -> None:
    """Earlier replies to the device on this stick: the new one holds all they held (superseded)."""
    for path in stick.glob(f"*{package.SUFFIX}"):
        if path == keep:
            continue
        try:
            with open(path, "rb") as fh:
                head = package.read_header(fh.read((1 << 20) + 64))
        except (OSError, PackageRefused):
            continue
        if head.get("sender") == server.device_id and head.get("recipient") == device_id:
            path.unlink(missing_ok=True)


def ingest(server: Server, stick: Path) -> IngestReport:
    stick = Path(stick)
    if not stick.is_dir():
        raise FileNotFoundError(f"找不到文件夹：{stick}")
    report = IngestReport()
    per_device: dict[str, list[syncing.Applied]] = {}
    devices: dict[str, Device] = {}
    for path in service.addressed_to_me(server.rep, stick):
        device: Device | None = None
        try:
            data = path.read_bytes()
            sender = str(package.read_header(data)["sender"])
            with server.db.read() as conn:
                device = registry.device(conn, sender)
                registry.usable(conn, sender)
            assert device is not None
            applied = syncing.apply_package(server, device, data, transport="usb")
        except Refused as exc:
            if exc.reason in ("unknown-device", "revoked"):  # apply_package audits its own refusals
                with server.write_lock, server.db.transaction() as conn:
                    registry.audit(conn, "ingest", "refused", device_id=device.device_id if device else None,
                                   reason=exc.reason, transport="usb", detail={"file": path.name, "message": str(exc)})
            report.refused.append((path, exc.reason, str(exc)))
            continue
        except PackageRefused as exc:
            report.refused.append((path, exc.reason, str(exc)))
            continue
        except OSError as exc:
            report.refused.append((path, "unreadable", f"无法读取：{exc}"))
            continue
        except StoreEnvironmentError as exc:  # the write lock stayed taken past the wait: nothing applied
            log.warning("package %s not applied, database busy: %s", path.name, exc)
            report.refused.append((path, "busy", f"数据库一直被占用，本包未导入（请稍后再运行一次）：{exc}"))
            continue
        per_device.setdefault(device.device_id, []).append(applied)
        devices[device.device_id] = device
        report.applied.append((path, _describe(applied)))
    for device_id, batch in per_device.items():
        device = devices[device_id]
        built = syncing.reply_to(server, device, batch, transport="usb")
        name = package.file_name(built.header)
        reply = package.write_atomic(stick, name, built.data)
        _drop_older_replies(server, stick, device_id, keep=reply)
        report.replies.append(reply)
        receipt = name.removesuffix(package.SUFFIX).replace("-to-", "-receipt-", 1) + ".txt"
        report.receipts.append(package.write_atomic(stick, receipt, _receipt(batch, device).encode("utf-8")))
        log.info("reply for %s written to %s", device_id, stick)
    return report
