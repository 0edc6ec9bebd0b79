"""Page 审核: the households waiting for the signed-in account's decision, across its villages.

One row per household whose current step the account's roles decide (a township reviewer's 乡镇审核,
a district approver's 审批, the leader's and the village committee's village steps), in the order they
became due, with the workflow, the step, since when it waits, from when it may be decided, and
conflicting decisions flagged (red). Keyboard: arrows move, Shift+arrows extend the selection, Ctrl+arrows
move without selecting and Ctrl+Space adds or removes a row, Ctrl+A selects all; Enter opens the
household's workflow, P 通过 / F 不通过 / R 退回 decide the selected households and B (批量决定…) opens the
decide dialog for the selection: several households at the same step of the same workflow are decided
with one reason under ONE signature, all or nothing.
The service checks the role, the dates and the exit gate whatever the page shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import ClassVar, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain import workflow as rules
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.decide import DecideDialog, Target
from fieldapp.gui.workflow.models import QueueModel
from fieldapp.gui.workflow.panel import WorkflowDialog, table
from fieldapp.services import lookups
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import queue
from fieldapp.services.workflow.queue import QueueEntry

log = logging.getLogger("fieldapp.gui.workflow")
D = TypeVar("D", bound=QDialog)


def load_queue(ctx: AppContext) -> tuple[list[QueueEntry], dict[str, str]]:
    """The queue and the village of each household in it (the database thread)."""
    entries = queue.waiting(ctx)
    names: dict[str, str] = {}
    villages: dict[str, str] = {}
    for e in entries:
        summary = lookups.household_summary(ctx.db, e.household_id)
        village = summary.village_id if summary is not None else None
        if village and village not in names:
            names[village] = lookups.area_name(ctx.db, village) or "—"
        villages[e.household_id] = names.get(village or "", "—")
    return entries, villages


class ReviewPage(QWidget):
    """The 审核 queue (see the module docstring)."""

    KEYS: ClassVar[dict[Qt.Key, str]] = {Qt.Key.Key_P: rules.PASS, Qt.Key.Key_F: rules.FAIL,
                                         Qt.Key.Key_R: rules.RETURN}

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.dialog: QDialog | None = None
        self.staleness = StaleRefresh(self, self.refresh, stale=True)
        self.model = QueueModel(ctx.ref, self, today=today)
        self.view = table(self, self.model, multi=True)
        self.view.horizontalHeader().setDefaultSectionSize(self.fontMetrics().horizontalAdvance("国") * 7)
        self.view.activated.connect(lambda index: self.open_household(index.row()))
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("queue_summary")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("查看流程(&O)"), self)
        self.pass_button = QPushButton(self.tr("通过… (P)"), self)
        self.fail_button = QPushButton(self.tr("不通过… (F)"), self)
        self.return_button = QPushButton(self.tr("退回… (R)"), self)
        self.batch_button = QPushButton(self.tr("批量决定… (B)"), self)
        self.batch_button.setObjectName("batch_decide")
        self.batch_button.setToolTip(self.tr("所选各户同一步骤一并决定：一个理由、一个签字，全部决定或全部不决定"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.open_button.clicked.connect(lambda: self.open_household(self.view.currentIndex().row()))
        self.pass_button.clicked.connect(lambda: self.decide(rules.PASS))
        self.fail_button.clicked.connect(lambda: self.decide(rules.FAIL))
        self.return_button.clicked.connect(lambda: self.decide(rules.RETURN))
        self.batch_button.clicked.connect(self.decide_batch)
        self.refresh_button.clicked.connect(self.refresh)
        self.hint = QLabel(self.tr("Enter 查看流程；P 通过、F 不通过、R 退回所选农户；Shift+方向键多选、"
                                   "Ctrl+方向键移动、Ctrl+空格加选、Ctrl+A 全选，B 批量决定（一个签字）。"), self)
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.pass_button, self.fail_button, self.return_button, self.batch_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self.hub.changed.connect(self._data_changed)
        self._selection_changed()

    # -- loading -----------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.register or changes.sync or changes.people:
            self.staleness.mark()

    def refresh(self) -> None:
        if self.tasks.is_shut_down:
            return
        self.staleness.clear()
        ctx = self.ctx
        self.tasks.run_db(lambda _c: load_queue(ctx), on_done=self._loaded,
                          on_error=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _loaded(self, found: tuple[list[QueueEntry], dict[str, str]]) -> None:
        entries, villages = found
        keep = {e.household_id for e in self.selected()}
        current = self.model.entry(self.view.currentIndex().row())
        self.model.set_entries(entries, villages)
        if entries:
            self.view.resizeColumnsToContents()
        selection = self.view.selectionModel()
        for row, e in enumerate(entries):
            if e.household_id in keep:
                selection.select(self.model.index(row, 0), selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)
        ids = [e.household_id for e in entries]
        if entries:
            row = ids.index(current.household_id) if current is not None and current.household_id in ids else 0
            selection.setCurrentIndex(self.model.index(row, 0), selection.SelectionFlag.NoUpdate if keep
                                      else selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
        conflicts = sum(e.conflict for e in entries)
        due = sum(self.model.is_due(e) and not e.conflict for e in entries)
        text = self.tr("等待本人决定的农户 {0} 户，其中可决定 {1} 户").format(len(entries), due)
        if conflicts:
            text += self.tr("，有冲突的决定 {0} 户（红色，须处理冲突）").format(conflicts)
        if not entries:
            text = self.tr("没有等待本人决定的农户。")
        self.summary.setText(text)
        self._selection_changed()

    # -- selection and keys --------------------------------------------------------------------------

    def selected(self) -> list[QueueEntry]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [e for e in (self.model.entry(r) for r in rows) if e is not None]

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(len(chosen) == 1 or (not chosen and self.view.currentIndex().isValid()))
        for button in (self.pass_button, self.fail_button, self.return_button):
            button.setEnabled(bool(chosen))
        self.batch_button.setEnabled(len(chosen) > 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in self.KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.decide(self.KEYS[Qt.Key(event.key())])
            return True
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_B and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.decide_batch()
            return True
        return super().eventFilter(watched, event)

    # -- acting -----------------------------------------------------------------------------------

    def batch_problem(self, entries: list[QueueEntry]) -> str:
        """Why these households cannot be decided together ('' when they can)."""
        if len(entries) <= 1:
            return ""
        if len({(e.workflow.kind, e.step.code) for e in entries}) > 1:
            return self.tr("一并决定的农户须处于同一流程的同一步骤；请只选择同一步骤的农户。")
        if any(e.conflict for e in entries):
            return self.tr("有冲突的决定须逐户处理：请单独选择该户。")
        if entries[0].step.attachment:
            return self.tr("“{0}”须逐户附上该户签字的确认书：请逐户决定。").format(entries[0].step.text())
        return ""

    def decide_batch(self) -> DecideDialog | None:
        """批量决定: the decide dialog for the selected households (two or more)."""
        if len(self.selected()) < 2:
            self.summary.setText(self.tr("批量决定须选择两户以上（Shift+方向键或 Ctrl+A）。"))
            return None
        return self.decide(rules.PASS)

    def decide(self, decision: str) -> DecideDialog | None:
        entries = self.selected()
        if not entries:
            return None
        problem = self.batch_problem(entries)
        if problem:
            self.summary.setText(problem)
            return None
        dialog = DecideDialog(self.ctx, [Target.of_entry(e) for e in entries], tasks=self.tasks, hub=self.hub,
                              decision=decision, parent=self)
        return self._open(dialog)

    def open_household(self, row: int) -> WorkflowDialog | None:
        entry = self.model.entry(row)
        if entry is None:
            return None
        hid = entry.household_id
        made: list[WorkflowDialog] = []

        def make() -> WorkflowDialog:
            made.append(WorkflowDialog(self.ctx, hid, tasks=self.tasks, hub=self.hub, parent=self))
            return made[0]

        found = self.hub.editors.open("workflow", hid, make)  # one window per household: an open one is raised
        if made:
            self._open(made[0])
        return found if isinstance(found, WorkflowDialog) else None

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.finished.connect(lambda _r: self.view.setFocus())
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None
