"""What network sync shows: the 同步 page's 立即同步 / 自动同步 / 加入区县服务器… and server line, and the status bar.

- :class:`NetworkPanel` adds to a :class:`~fieldapp.gui.sync.page.SyncPage` (its ``toolbar`` and
  ``info_layout``) the 立即同步 button (disabled while a sync runs or when not enrolled), the
  自动同步 switch (setting ``auto_sync``), 加入区县服务器… (:class:`~.enrol_dialog.EnrolDialog`) and
  one line about the server: its address, the state, the last sync and the last error — or, when
  the laptop is not enrolled, how to enrol.
- :class:`SyncStatusLabel` is the status bar's part: 离线 / 同步中 n% / 上次同步 HH:MM /
  同步出错：… (the whole error in the tooltip). Hidden while the laptop is not enrolled.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from fieldapp.gui.sync.enrol_dialog import EnrolDialog, EnrolResult
from fieldapp.gui.sync.net import NetworkSync
from fieldapp.sync.http_client import SyncOutcome
from fieldapp.sync.schedule import SyncState, SyncStatus

if TYPE_CHECKING:
    from fieldapp.gui.sync.page import SyncPage

log = logging.getLogger("fieldapp.gui.sync.net")

SHORT_ERROR = 24  # characters of the error in the status bar (all of it in the tooltip)

_SHORT = {  # the server's reason → a few words for the status bar (the whole message is in the tooltip)
    "revoked": QT_TRANSLATE_NOOP("SyncTexts", "本机已被吊销"),
    "unknown-device": QT_TRANSLATE_NOOP("SyncTexts", "服务器不认识本机"),
    "key-mismatch": QT_TRANSLATE_NOOP("SyncTexts", "服务器密钥不符"),
    "too-large": QT_TRANSLATE_NOOP("SyncTexts", "同步包过大"),
    "stale-timestamp": QT_TRANSLATE_NOOP("SyncTexts", "本机时钟不准"),
    "bad-signature": QT_TRANSLATE_NOOP("SyncTexts", "签名无效"),
}


def percent(status: SyncStatus) -> int:
    if not status.progress or status.progress[1] <= 0:
        return 0
    done, total, _text = status.progress
    return max(0, min(100, done * 100 // total))


def stopped(net: NetworkSync) -> bool:
    """Auto sync was switched on but a permanent refusal (revoked, unknown device …) stopped it."""
    status = net.status
    return status.state is SyncState.ERROR and not status.enabled and bool(net.ctx.settings["auto_sync"])


class SyncTexts(QObject):
    """How the state of network sync reads (translation context ``SyncTexts``)."""

    def format_when(self, epoch: float, now: dt.datetime | None = None) -> str:
        """HH:MM today, M月D日 HH:MM this year, else the full date (local time)."""
        when = dt.datetime.fromtimestamp(epoch)
        now = now or dt.datetime.now()
        if when.date() == now.date():
            return when.strftime("%H:%M")
        if when.year == now.year:
            return self.tr("{0}月{1}日 {2}").format(when.month, when.day, when.strftime("%H:%M"))
        return when.strftime("%Y-%m-%d %H:%M")

    def short_error(self, net: NetworkSync) -> str:
        """The status bar's few words about the last error."""
        reason = getattr(net.last_exception, "reason", None)
        if reason in _SHORT:
            return QCoreApplication.translate("SyncTexts", str(_SHORT[reason]))
        error = (net.status.last_error or "").removeprefix("服务器拒绝：")
        return error if len(error) <= SHORT_ERROR else error[:SHORT_ERROR - 1] + "…"

    def status_bar(self, net: NetworkSync) -> tuple[str, str]:
        """(text, tooltip) of the status bar's sync state."""
        status = net.status
        when = self.format_when(status.last_synced) if status.last_synced else None
        last = self.tr("上次同步：{0}").format(when) if when else self.tr("尚未同步")
        where = self.tr("区县服务器：{0}").format(net.server_url)
        if status.state is SyncState.SYNCING:
            return self.tr("同步中 {0}%").format(percent(status)), "\n".join(
                (where, (status.progress or (0, 0, ""))[2], last))
        if status.state is SyncState.ERROR:
            tip = [where, status.last_error or "", last] + ([self.tr("自动同步已停止。")] if stopped(net) else [])
            return self.tr("同步出错：{0}").format(self.short_error(net)), "\n".join(tip)
        if status.state is SyncState.ONLINE:
            return (self.tr("上次同步 {0}").format(when) if when else self.tr("已连接")), "\n".join((where, last))
        if net.busy and status.failures == 0:
            return self.tr("正在连接…"), where
        if not status.enabled and status.failures == 0 and not status.last_error:
            return self.tr("自动同步已关闭"), "\n".join((where, last))
        errors = [status.last_error] if status.last_error else []
        return self.tr("离线"), "\n".join((where, self.tr("无法连接区县服务器，有网络时会自动同步。"), *errors, last))

    def server_line(self, net: NetworkSync) -> str:
        """The 同步 page's line about the server (or how to enrol)."""
        if not net.enrolled:
            return self.tr("本机尚未加入区县服务器：点“加入区县服务器…”，输入区县管理员给的服务器地址和一次性加入码。"
                           "加入后，有网络时自动同步；没有网络时仍可用U盘同步。")
        status = net.status
        state = {
            SyncState.OFFLINE: self.tr("离线"),
            SyncState.ONLINE: self.tr("在线"),
            SyncState.SYNCING: self.tr("同步中 {0}%").format(percent(status)),
            SyncState.ERROR: self.tr("出错"),
        }[status.state]
        if status.state is SyncState.OFFLINE and net.busy and status.failures == 0:
            state = self.tr("正在连接…")
        last = self.format_when(status.last_synced) if status.last_synced else self.tr("尚未同步")
        parts = [self.tr("区县服务器：{0}").format(net.server_url), self.tr("状态：{0}").format(state),
                 self.tr("上次同步：{0}").format(last)]
        if not net.ctx.settings["auto_sync"]:
            parts.append(self.tr("自动同步已关闭"))
        line = "　".join(parts)
        if status.last_error:
            line += "\n" + self.tr("最近的错误：{0}").format(status.last_error)
        if stopped(net):
            line += "\n" + self.tr("自动同步已停止：服务器拒绝了本机。请联系区县管理员，必要时重新加入。")
        return line


class NetworkPanel(QObject):
    """The network-sync controls of the 同步 page (see the module docstring)."""

    def __init__(self, page: SyncPage, net: NetworkSync) -> None:
        super().__init__(page)
        self.page = page
        self.net = net
        self.dialog: EnrolDialog | None = None
        self.texts = SyncTexts(self)
        self.sync_button = QPushButton(self.tr("立即同步"), page)
        self.sync_button.setToolTip(self.tr("现在与区县服务器交换修改"))
        self.sync_button.clicked.connect(self.sync_now)
        self.auto_check = QCheckBox(self.tr("自动同步"), page)
        self.auto_check.setToolTip(self.tr("有网络时自动与区县服务器同步"))
        self.auto_check.setChecked(bool(page.ctx.settings["auto_sync"]))
        self.auto_check.toggled.connect(self._auto_toggled)
        self.enrol_button = QPushButton(self.tr("加入区县服务器…"), page)
        self.enrol_button.clicked.connect(self.open_enrol_dialog)
        self.server_label = QLabel(page)
        self.server_label.setWordWrap(True)
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        page.toolbar.insertWidget(0, self.sync_button)
        page.toolbar.addWidget(self.auto_check)
        page.toolbar.addWidget(self.enrol_button)
        page.info_layout.addWidget(self.server_label)
        net.status_changed.connect(self.update_controls)
        net.synced.connect(self._synced)
        net.sync_error.connect(self._sync_failed)
        net.data_changed.connect(page.announce_data_changed)
        net.enrolment_changed.connect(page.refresh)
        self.update_controls()

    def update_controls(self, *_args: object) -> None:
        net = self.net
        self.sync_button.setEnabled(net.running and not net.syncing)
        self.auto_check.setEnabled(net.enrolled)
        self.server_label.setText(self.texts.server_line(net))

    def _auto_toggled(self, enabled: bool) -> None:
        self.net.set_auto(enabled, parent=self.page)  # a failed save is shown; the switch still applies now

    def sync_now(self) -> bool:
        if not self.net.running or self.net.syncing:
            return False
        self.page.status_label.setText(self.tr("正在与区县服务器同步…"))  # before: the outcome may come at once
        return self.net.sync_now()

    def _synced(self, outcome: SyncOutcome) -> None:
        self.page.status_label.setText(outcome.summary())
        self.page.mark_stale()

    def _sync_failed(self, exc: BaseException) -> None:
        self.page.status_label.setText(self.tr("与区县服务器同步未完成：{0}").format(exc))

    def open_enrol_dialog(self) -> EnrolDialog:
        dialog = EnrolDialog(self.page.ctx, self.page.tasks, parent=self.page, hub=self.page.hub)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(self._enrolled)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _enrolled(self, result: EnrolResult) -> None:
        enrolment = result.enrolment
        self.page.status_label.setText(
            self.tr("已加入区县服务器 {0}（干部：{1}；负责的村：{2}）。服务器指纹 {3}。正在首次同步…").format(
                result.url, enrolment.cadre or "—", "、".join(result.villages) or "—", enrolment.fingerprint))
        self.net.reload()
        self.update_controls()


class SyncStatusLabel(QLabel):
    """The status bar's sync state (hidden while the laptop is not enrolled)."""

    def __init__(self, net: NetworkSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.net = net
        self.texts = SyncTexts(self)
        net.status_changed.connect(self.update_status)
        net.enrolment_changed.connect(self.update_status)
        self.update_status()

    def update_status(self, *_args: object) -> None:
        self.setVisible(self.net.enrolled)
        if not self.net.enrolled:
            return
        text, tip = self.texts.status_bar(self.net)
        self.setText(text)
        self.setToolTip(tip)
