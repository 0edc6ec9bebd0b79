"""How the 同步 page names things: records, fields, values, devices, times, refusal reasons.

Field and record labels of every synced table come from the field catalogue
(:mod:`fieldapp.domain.fields`, through :mod:`fieldapp.gui.household_editor.labels`), so a
field is called the same everywhere. Values arrive JSON-decoded from the sync tables: codes are shown by
their label in the UI language, money in yuan, ids of villages, cadres and members by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.domain import hlc
from fieldapp.domain.refdata import RefData
from fieldapp.gui.household_editor import labels
from fieldapp.gui.sync.data import UUID_RE
from fieldapp.services import lookups

CONTEXT = "SyncLabel"

# Keys of the changes that are bookkeeping, not something a reviewer decides on.
HIDDEN_FIELDS = frozenset({"id", "household_id", "deleted"})

_REASONS: dict[str, object] = {
    "format": QT_TRANSLATE_NOOP("SyncLabel", "不是完整的同步包（格式错误或文件被截断）"),
    "version": QT_TRANSLATE_NOOP("SyncLabel", "版本不兼容"),
    "recipient": QT_TRANSLATE_NOOP("SyncLabel", "不是发给本机的"),
    "sender": QT_TRANSLATE_NOOP("SyncLabel", "发送方不是已登记的同步对象"),
    "signature": QT_TRANSLATE_NOOP("SyncLabel", "签名无效（文件被篡改或损坏）"),
    "decryption": QT_TRANSLATE_NOOP("SyncLabel", "无法解密"),
    "replay": QT_TRANSLATE_NOOP("SyncLabel", "已经导入过"),
    "gap": QT_TRANSLATE_NOOP("SyncLabel", "缺少更早的同步包"),
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def table_label(table: str) -> str:
    return labels.table_label(table)


def field_label(table: str, column: str, ref: RefData) -> str:
    return labels.field_label(table, column, ref)


def value_text(table: str, column: str, value: Any, ref: RefData, names: Mapping[str, str]) -> str:
    """A JSON-decoded stored value as the user reads it (codes as labels, money in yuan, ids by name)."""
    if value is None or value == "":
        return tr(QT_TRANSLATE_NOOP("SyncLabel", "（空）"))
    return labels.format_value(table, column, value, ref, names)


def fields_text(table: str, values: Mapping[str, Any], ref: RefData, names: Mapping[str, str]) -> str:
    """Several fields on one line: ``姓名：李四；证件号码：…``."""
    order = _columns(table)
    shown = sorted((k for k in values if k not in HIDDEN_FIELDS), key=lambda k: (order.get(k, len(order)), k))
    parts = [f"{field_label(table, k, ref)}：{value_text(table, k, values[k], ref, names)}" for k in shown]
    return tr(QT_TRANSLATE_NOOP("SyncLabel", "；")).join(parts)


@cache
def _columns(table: str) -> dict[str, int]:
    """A synced table's columns in their declared order (the order of the editor's forms)."""
    return lookups.synced_columns(table)


def hlc_time(value: int) -> str:
    """A hybrid-logical-clock value as local wall-clock time."""
    return dt.datetime.fromtimestamp(hlc.physical_ms(int(value)) / 1000).strftime("%Y-%m-%d %H:%M")


def iso_time(value: str | None) -> str:
    """A stored UTC time (``2025-03-01T08:00:00Z``) as local time; — when never."""
    if not value:
        return "—"
    try:
        when = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return value
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def device_text(device_id: str, own: str, peers: Mapping[str, str]) -> str:
    """本机, a peer's name, or the device id's distinctive (random) end."""
    if device_id == own:
        return tr(QT_TRANSLATE_NOOP("SyncLabel", "本机"))
    if device_id in peers:
        return peers[device_id]
    return tr(QT_TRANSLATE_NOOP("SyncLabel", "设备 {0}")).format(device_id[-8:])


def who_text(user: str | None, device: str) -> str:
    return f"{user}（{device}）" if user else device


def household_text(household_id: str | None, heads: Mapping[str, str]) -> str:
    if not household_id:
        return "—"
    head = heads.get(household_id)
    return tr(QT_TRANSLATE_NOOP("SyncLabel", "{0}户")).format(head) if head else "—"


def readable_reason(reason: str, heads: Mapping[str, str]) -> str:
    """A quarantine reason with household ids replaced by 户主 names where known."""
    def name(match: Any) -> str:
        head = heads.get(match.group(0))
        return tr(QT_TRANSLATE_NOOP("SyncLabel", "{0}户")).format(head) if head else match.group(0)

    return UUID_RE.sub(name, reason or "")


def refusal_text(reason: str) -> str:
    """A short name of a package refusal reason (the core's message says the details)."""
    text = _REASONS.get(reason)
    return tr(text) if text else reason
