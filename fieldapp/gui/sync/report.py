"""What an import changed, in words: one line per package file, built from the merge statistics.

A refused package is named with its reason (:func:`fieldapp.gui.sync.texts.refusal_text`)
and the core's message; an unreadable file with the fault of the stick.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.gui.errors import describe
from fieldapp.gui.sync import texts
from fieldapp.gui.sync.jobs import ExportResult, ImportBatch, Outcome, format_size, usb_error_text

_EXTRAS = (  # (statistic, text); shown only when not zero
    ("skipped", QT_TRANSLATE_NOOP("SyncReport", "{0} 条本机已有")),
    ("conflicts", QT_TRANSLATE_NOOP("SyncReport", "新冲突 {0} 条")),
    ("quarantined", QT_TRANSLATE_NOOP("SyncReport", "隔离待审 {0} 条")),
    ("clock_flags", QT_TRANSLATE_NOOP("SyncReport", "时钟超前 {0} 台设备")),
    ("pending", QT_TRANSLATE_NOOP("SyncReport", "{0} 个字段待升级后应用")),
)


def _t(text: object) -> str:
    """Translate a text marked above with QT_TRANSLATE_NOOP("SyncReport", …)."""
    return QCoreApplication.translate("SyncReport", str(text))


def outcome_line(o: Outcome, senders: dict[str, str], own: str) -> str:
    name = o.path.name
    if o.refused is not None:
        text = QCoreApplication.translate("SyncReport", "{0}：已拒绝，未作任何修改——{1}。{2}")
        return text.format(name, texts.refusal_text(o.refused.reason), str(o.refused))
    if o.error is not None:
        problem = usb_error_text(o.error) or describe(o.error).text
        return QCoreApplication.translate("SyncReport", "{0}：无法读取——{1}").format(name, problem)
    assert o.result is not None
    stats, header = o.result.stats, o.result.header
    sender = texts.device_text(str(header.get("sender", "")), own, senders)
    parts = [QCoreApplication.translate("SyncReport", "应用 {0} 条修改").format(stats.applied)]
    parts += [_t(text).format(getattr(stats, key)) for key, text in _EXTRAS if getattr(stats, key)]
    if o.result.exits:
        parts.append(QCoreApplication.translate("SyncReport", "{0} 户已移出本机范围").format(o.result.exits))
    joined = QCoreApplication.translate("SyncReport", "，").join(parts)
    return QCoreApplication.translate("SyncReport", "来自 {0}：{1}").format(sender, joined)


def import_title(batch: ImportBatch) -> str:
    if not batch.applied and not batch.failed:
        return QCoreApplication.translate("SyncReport", "没有可导入的同步包")
    if not batch.failed:
        return QCoreApplication.translate("SyncReport", "导入完成")
    if batch.applied:
        return QCoreApplication.translate("SyncReport", "部分同步包未导入")
    return QCoreApplication.translate("SyncReport", "同步包未导入")


def import_text(batch: ImportBatch, own: str, folder_text: str = "") -> str:
    repeated = batch.repeated
    lines = [outcome_line(o, batch.senders, own) for o in batch.outcomes if o not in repeated]
    if not lines:
        text = QCoreApplication.translate("SyncReport", "{0} 中没有需要导入的新同步包。")
        lines.append(text.format(folder_text or "—"))
    if repeated:
        text = QCoreApplication.translate("SyncReport", "{0} 个同步包以前已导入，已跳过。")
        lines.append(text.format(len(repeated)))
    if batch.others:
        text = QCoreApplication.translate("SyncReport", "另有 {0} 个同步包是发给其他设备的，未导入。")
        lines.append(text.format(batch.others))
    return "\n".join(lines)


def import_files(batch: ImportBatch, own: str) -> str:
    """Each package file and what became of it (the message box's details)."""
    return "\n".join(f"{o.path}\n    {outcome_line(o, batch.senders, own)}" for o in batch.outcomes)


def import_status(batch: ImportBatch) -> str:
    """One line for the page's status label."""
    applied = sum(o.result.stats.applied for o in batch.applied if o.result is not None)
    text = QCoreApplication.translate("SyncReport", "已导入 {0} 个同步包，应用 {1} 条修改。")
    text = text.format(len(batch.applied), applied)
    if batch.failed:
        text += QCoreApplication.translate("SyncReport", "{0} 个未能导入。").format(len(batch.failed))
    return text


def export_text(result: ExportResult) -> str:
    text = QCoreApplication.translate("SyncReport", "已为“{0}”导出 {1} 条修改（{2}）：\n{3}")
    return text.format(result.peer_name, result.changes, format_size(result.size), result.path)
