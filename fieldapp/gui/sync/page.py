"""The 同步 page: pending changes, peers, conflicts and quarantined changes; export to and import from USB.

Layout, top to bottom:

- ``toolbar`` (a row of buttons): 导出到U盘…, 从U盘导入…, 刷新. Network sync adds its
  立即同步 button with ``page.toolbar.insertWidget(0, button)``.
- ``info_layout``: the number of changes not yet synchronised with the district and this
  device; a server-status line goes here (``page.info_layout.addWidget(label)``).
- :meth:`SyncPage.attach_network` adds network sync (:mod:`.net_panel`): 立即同步 first in the
  toolbar, 自动同步 and 加入区县服务器… at its end, the server line in ``info_layout``.
- the progress of the running job, then the peers, the open conflicts (保留当前值 /
  采用另一值) and the quarantined changes (放行 / 丢弃).

Everything that touches the database runs on the database thread (``TaskManager.run_db``);
afterwards the page announces what changed on the window's :class:`~fieldapp.gui.ops.ChangeHub`
(merged data: households, visits and check-ins in bulk; export and review: sync bookkeeping).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.sync import report
from fieldapp.gui.sync.data import SyncSnapshot, load_snapshot
from fieldapp.gui.sync.dialogs import ExportDialog, ImportDialog
from fieldapp.gui.sync.jobs import ExportResult, ImportBatch, export_task, import_task, usb_error_text
from fieldapp.gui.sync.models import ConflictModel, PeerModel, QuarantineModel, fit_columns, make_view
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import syncing
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.sync import review, service

if TYPE_CHECKING:
    from fieldapp.gui.sync.net import NetworkSync
    from fieldapp.gui.sync.net_panel import NetworkPanel

log = logging.getLogger("fieldapp.gui.sync")

MAX_COLUMN = 320


class SyncPage(QWidget):
    """同步: what is waiting, what came in, and what a reviewer must decide."""

    #: synced data changed here (an import, a resolved conflict, a released change)
    #: the page shows a new snapshot
    refreshed = Signal(object)
    #: an export finished (:class:`~fieldapp.gui.sync.jobs.ExportResult`)
    export_finished = Signal(object)
    #: an import finished (:class:`~fieldapp.gui.sync.jobs.ImportBatch`)
    import_finished = Signal(object)
    #: a reviewer's action (resolve, release, discard) finished
    action_finished = Signal()
    #: a job failed (the exception); the user has been told why
    action_failed = Signal(object)
    #: progress of the running job (done, total)
    progress = Signal(int, int)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.snapshot: SyncSnapshot | None = None
        self.last_folder: Path | None = None
        self.dialog: ExportDialog | ImportDialog | None = None
        self.report_box: QMessageBox | None = None
        self.job: Task | None = None

        self.export_button = QPushButton(self.tr("导出到U盘…"), self)
        self.export_button.clicked.connect(self.open_export_dialog)
        self.import_button = QPushButton(self.tr("从U盘导入…"), self)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.pending_label = QLabel(self.tr("待同步修改 … 条"), self)
        font = QFont(self.pending_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.pending_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setStyleSheet("color: palette(placeholder-text);")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMinimumWidth(240)
        self.progress_bar.setFormat(self.tr("%v / %m"))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        self.peer_model = PeerModel(ctx.ref, self)
        self.conflict_model = ConflictModel(ctx.ref, self)
        self.quarantine_model = QuarantineModel(ctx.ref, self)
        self.peers_view = make_view(self.peer_model, self)
        self.conflicts_view = make_view(self.conflict_model, self)
        self.quarantine_view = make_view(self.quarantine_model, self)
        self.peers_label = QLabel(self.tr("同步对象"), self)
        self.conflicts_label = QLabel(self)
        self.quarantine_label = QLabel(self)
        for label in (self.peers_label, self.conflicts_label, self.quarantine_label):
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
        self.keep_button = QPushButton(self.tr("保留当前值"), self)
        self.keep_button.clicked.connect(lambda: self.resolve_selected("winner"))
        self.other_button = QPushButton(self.tr("采用另一值"), self)
        self.other_button.clicked.connect(lambda: self.resolve_selected("loser"))
        self.release_button = QPushButton(self.tr("放行"), self)
        self.release_button.clicked.connect(self.release_selected)
        self.discard_button = QPushButton(self.tr("丢弃"), self)
        self.discard_button.clicked.connect(self.discard_selected)
        for view in (self.conflicts_view, self.quarantine_view):
            view.selectionModel().selectionChanged.connect(self._update_actions)
        self._layout()
        self._listen(hub)
        self._set_running(False)

    def _layout(self) -> None:
        self.toolbar = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.refresh_button):
            self.toolbar.addWidget(button)
        self.toolbar.addStretch(1)
        self.info_layout = QVBoxLayout()
        self.info_layout.addWidget(self.pending_label)
        self.info_layout.addWidget(self.detail_label)
        running = QHBoxLayout()
        running.addWidget(self.progress_bar)
        running.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.info_layout)
        layout.addLayout(running)
        layout.addWidget(self.peers_label)
        layout.addWidget(self.peers_view)
        for label, buttons, view, stretch in (
                (self.conflicts_label, (self.keep_button, self.other_button), self.conflicts_view, 3),
                (self.quarantine_label, (self.release_button, self.discard_button), self.quarantine_view, 2)):
            row = QHBoxLayout()
            row.addWidget(label, 1)
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)
            layout.addWidget(view, stretch)

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> Task | None:
        """Re-read everything on the database thread."""
        if self.tasks.is_shut_down:
            return None
        ctx = self.ctx

        def load(_control: TaskControl) -> SyncSnapshot:
            return load_snapshot(ctx)

        return self.tasks.run_db(load, on_done=self.show_snapshot, on_error=self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # cheap (O(peers + open items)); other pages may have added changes

    def _listen(self, hub: ChangeHub | None) -> None:
        self.hub = hub if hub is not None else ChangeHub(self)
        self.hub.changed.connect(self.mark_stale)  # other pages' writes change what the district lacks

    def mark_stale(self, *_args: object) -> None:
        """Data changed elsewhere: re-read now if shown (else when next shown)."""
        if self.isVisible():
            self.refresh()

    def show_snapshot(self, snap: SyncSnapshot) -> None:
        self.snapshot = snap
        default = snap.peer_name(snap.default_peer) if snap.default_peer else None
        self.pending_label.setText(self.tr("待同步修改 {0} 条").format(snap.unsynced))
        if default is None:
            detail = self.tr("还没有登记同步对象：本机的全部修改都未同步。")
        else:
            detail = self.tr("“{0}”尚未确认收到的修改。").format(default)
        self.detail_label.setText(detail + "  " + self.tr("本机设备编号：{0}").format(snap.device_id))
        for model, view in ((self.peer_model, self.peers_view), (self.conflict_model, self.conflicts_view),
                            (self.quarantine_model, self.quarantine_view)):
            model.set_snapshot(snap)
            fit_columns(view, MAX_COLUMN)
        rows = max(1, min(4, self.peer_model.rowCount()))
        frame = 2 * self.peers_view.frameWidth()
        height = self.peers_view.horizontalHeader().sizeHint().height()
        self.peers_view.setFixedHeight(height + rows * self.peers_view.verticalHeader().defaultSectionSize() + frame)
        conflicts = self.tr("冲突 {0} 条").format(snap.open_conflicts)
        if snap.clock_flags:
            conflicts += self.tr("，时钟超前 {0} 条").format(snap.clock_flags)
        self.conflicts_label.setText(conflicts + self.tr("（当前值是自动选出的较新修改，请确认或改用另一值）"))
        quarantined = self.tr("隔离待审 {0} 条（违反规则、暂未应用的修改）").format(len(snap.quarantine))
        self.quarantine_label.setText(quarantined)
        self._update_actions()
        self.refreshed.emit(snap)

    # -- export and import ---------------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog:
        snap = self.snapshot
        dialog = ExportDialog(snap.peers if snap else [], snap.default_peer if snap else None, self.last_folder,
                              parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._export_chosen(dialog))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _export_chosen(self, dialog: ExportDialog) -> None:
        peer, folder = dialog.peer_id(), dialog.folder()
        if peer is not None and folder is not None:
            self.export(peer, folder)

    def export(self, peer_id: str, folder: Path) -> Task | None:
        """Write the package for ``peer_id`` into ``folder`` (off the GUI thread)."""
        if self.job is not None:
            return None
        self.last_folder = folder
        self.status_label.setText(self.tr("正在导出到 {0}…").format(folder))
        # the outbox moves on: the unsynced count changes
        return self._start(export_task(self.ctx, peer_id, folder), self._exported, Changes(sync=True))

    def _exported(self, result: ExportResult) -> None:
        self.status_label.setText(report.export_text(result).replace("\n", " "))
        self._inform(QMessageBox.Icon.Information, self.tr("导出完成"), report.export_text(result))
        self.export_finished.emit(result)
        self.refresh()

    def open_import_dialog(self) -> ImportDialog:
        dialog = ImportDialog(self.last_folder, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_from(dialog.folder(), dialog.files))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_from(self, folder: Path | None = None, files: list[Path] | None = None) -> Task | None:
        """Apply the packages in ``folder`` addressed to this laptop, or ``files`` (off the GUI thread)."""
        if self.job is not None or (folder is None and not files):
            return None
        if folder is not None:
            self.last_folder = folder
        self.status_label.setText(self.tr("正在导入…"))
        where = str(folder) if folder is not None else ""
        return self._start(import_task(self.ctx, folder, list(files or [])), lambda b: self._imported(b, where),
                           lambda b: self._changes(b.changed_data))

    def _imported(self, batch: ImportBatch, where: str) -> None:
        own = self.ctx.identity.device_id if self.ctx.identity else ""
        self.status_label.setText(report.import_status(batch))
        icon = QMessageBox.Icon.Warning if batch.failed else QMessageBox.Icon.Information
        box = self._inform(icon, report.import_title(batch), report.import_text(batch, own, where))
        if batch.outcomes:
            box.setDetailedText(report.import_files(batch, own))
        self.import_finished.emit(batch)
        self.refresh()

    def _start(self, fn: Any, on_done: Any, changes: Any) -> Task:
        """Run a sync job as an operation (:func:`~fieldapp.gui.ops.run_op`): the page shows its progress
        and offers no second job meanwhile; ``changes`` (of the result) is announced once, after ``on_done``."""
        self._set_running(True)

        def failed(exc: BaseException) -> bool:
            self._failed(exc)
            return True

        task = run_op(self.tasks, self.hub, fn, changes=changes, parent=self, on_done=on_done, on_error=failed,
                      progress=self._progress, with_control=True)
        if not task.is_finished:
            self.job = task
            task.finished.connect(self._job_over)
        else:
            self._set_running(False)
        return task

    def _job_over(self) -> None:
        self.job = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for button in (self.export_button, self.import_button, self.refresh_button):
            button.setEnabled(not running)
        self.progress_bar.setVisible(running)
        if running:
            self.progress_bar.setRange(0, 0)
        self._update_actions(running=running)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        if text:
            self.status_label.setText(text)
        self.progress.emit(done, total)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        text = usb_error_text(exc)
        if text is None:
            self.status_label.setText(self.tr("未能完成。"))
            show_error(self, exc)
        else:
            log.info("USB problem shown to user: %s", exc)
            self.status_label.setText(text)
            self._inform(QMessageBox.Icon.Critical, self.tr("无法完成操作"), text)
        self.action_failed.emit(exc)

    def _inform(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "report_box", None))
        self.report_box = box
        box.open()
        return box

    def attach_network(self, net: NetworkSync) -> NetworkPanel:
        """Network sync with the district server: 立即同步, 自动同步, 加入区县服务器…, the server line."""
        from fieldapp.gui.sync.net_panel import NetworkPanel

        self.network_panel = NetworkPanel(self, net)
        return self.network_panel

    def announce_data_changed(self) -> None:
        """Synced data changed (here, or by a network sync): tell every page."""
        self._data_changed(True)

    def _data_changed(self, merged: bool) -> None:
        """Announce a sync step: with ``merged`` any household, visit, check-in or district table may have changed."""
        self.hub.announce(self._changes(merged))

    @staticmethod
    def _changes(merged: bool) -> Changes:
        return Changes(bulk=True, reference=True, sync=True) if merged else Changes(sync=True)

    # -- a reviewer's decisions -------------------------------------------------------------------

    def _selected(self, view: QTableView) -> list[int]:
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        model = view.model()
        assert isinstance(model, (ConflictModel, QuarantineModel))
        return [int(model.row_id(r)) for r in rows]

    def select_rows(self, view: QTableView, rows: list[int]) -> None:
        """Select these rows of ``view`` (replacing the selection)."""
        view.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in rows:
            view.selectionModel().select(view.model().index(r, 0), flags)

    def _update_actions(self, *_args: object, running: bool | None = None) -> None:
        busy = self.job is not None if running is None else running
        conflicts = {i.row() for i in self.conflicts_view.selectionModel().selectedRows()}
        quarantined = bool(self.quarantine_view.selectionModel().selectedRows())
        self.keep_button.setEnabled(not busy and bool(conflicts))
        self.other_button.setEnabled(not busy and any(self.conflict_model.kind(r) != "clock" for r in conflicts))
        self.release_button.setEnabled(not busy and quarantined)
        self.discard_button.setEnabled(not busy and quarantined)

    def resolve_selected(self, choose: str) -> Task | None:
        """保留当前值 (``winner``) or 采用另一值 (``loser``) for the selected conflicts."""
        rows = sorted({i.row() for i in self.conflicts_view.selectionModel().selectedRows()})
        if choose == "loser":  # a clock flag has no other value to take
            rows = [r for r in rows if self.conflict_model.kind(r) != "clock"]
        ids = [int(self.conflict_model.row_id(r)) for r in rows]
        writer = self.ctx.writer

        def act(rep: service.Replica, cid: int) -> None:
            review.resolve_conflict(rep, writer, cid, choose)

        return self._review(ids, act, changes_data=choose == "loser")

    def release_selected(self) -> Task | None:
        ids = self._selected(self.quarantine_view)
        question = self.tr("放行会把所选的 {0} 条修改按原样写入本机数据，并同步给其他设备。\n"
                           "请先处理隔离的原因（例如先改正另一户重复的证件号码）。确定放行？").format(len(ids))
        if not ids or not self._confirm(self.tr("放行"), question):
            return None
        writer = self.ctx.writer
        return self._review(ids, lambda rep, qid: review.release_quarantined(rep, writer, qid), changes_data=True)

    def discard_selected(self) -> Task | None:
        ids = self._selected(self.quarantine_view)
        question = self.tr("丢弃后，所选的 {0} 条修改不会应用到本机数据。确定丢弃？").format(len(ids))
        if not ids or not self._confirm(self.tr("丢弃"), question):
            return None
        return self._review(ids, review.discard_quarantined, changes_data=False)

    def _confirm(self, action: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, action, question, QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _review(self, ids: list[int], act: Any, *, changes_data: bool) -> Task | None:
        if not ids or self.job is not None:
            return None
        ctx = self.ctx

        def run(control: TaskControl) -> int:
            rep = syncing.replica_of(ctx)
            for n, item in enumerate(ids):
                control.progress(n, len(ids), "")
                act(rep, item)
            return len(ids)

        def done(count: int) -> None:
            self.status_label.setText(self.tr("已处理 {0} 条。").format(count))
            self.action_finished.emit()
            self.refresh()

        return self._start(run, done, self._changes(changes_data))
