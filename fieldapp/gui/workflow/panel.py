"""A household's workflows (动态管理): where it stands, every step and every decision.

The state is derived from the decisions (never typed): the exit status says whether it comes from a
finished workflow, from the state imported at the upgrade (with the value that was typed) or from the
typed field alone. For the workflow chosen (the running one first) the panel lists its steps with the
current one and the first day it may be decided, and every decision with who decided, their role, when,
the reason, the signature's status (checked on this laptop), 退回, conflicting decisions and how they
were settled, and overrides of the exit gate. Above the steps: the 评议 meetings that deliberated the household,
the notices that list it (posted or not) and its objections; a step held by an unhandled objection says so.
发起流程… and 决定… open :mod:`.start` and :mod:`.decide`;
they show only to accounts that hold the permission (the services refuse anyone else anyway).

:class:`WorkflowPanel` is the household editor's 动态管理 tab and the body of :class:`WorkflowDialog`,
opened from the 审核 queue.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import notice as notice_rules
from fieldapp.domain import workflow as rules
from fieldapp.gui import geometry, i18n
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.workflow import data
from fieldapp.gui.workflow.attachments import AttachmentStrip, PhotoViewer, Shown
from fieldapp.gui.workflow.decide import DecideDialog, Target
from fieldapp.gui.workflow.models import DecisionModel, StepModel, day_text
from fieldapp.gui.workflow.start import StartDialog
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow.store import WorkflowView

log = logging.getLogger("fieldapp.gui.workflow")
D = TypeVar("D", bound=QDialog)


def table(parent: QWidget, model: object, *, multi: bool = False) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class WorkflowPanel(QWidget):
    """The workflows of ``household_id`` (nothing for a household not saved yet)."""

    #: the panel was (re)loaded
    loaded = Signal()

    def __init__(self, ctx: AppContext, household_id: str | None, parent: QWidget | None = None, *,
                 tasks: TaskManager | None = None, hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self.flows: data.HouseholdFlows | None = None
        self.dialog: QDialog | None = None
        self._stale = True
        self.status = QLabel(self)
        self.status.setObjectName("workflow_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chooser = QComboBox(self)
        self.chooser.currentIndexChanged.connect(self._show_chosen)
        self.start_button = QPushButton(self.tr("发起流程(&Q)…"), self)
        self.start_button.clicked.connect(self.start)
        self.start_button.setVisible(ctx.allows(rules.START_PERMISSION))
        self.decide_button = QPushButton(self.tr("决定当前步骤(&J)…"), self)
        self.decide_button.clicked.connect(lambda *_args: self.decide())
        self.decide_button.hide()
        self.header = QLabel(self)
        self.header.setObjectName("workflow_header")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._tables()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("流程："), self))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.decide_button)
        top.addWidget(self.start_button)
        split = self.split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.step_view)
        split.addWidget(self.decision_view)
        split.setSizes([220, 260])
        split.hide()  # until there is a workflow to show
        self._attachment_strip()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.publicity)
        layout.addWidget(split, 1)
        layout.addWidget(self.attachments_label)
        layout.addWidget(self.attachments)
        layout.addStretch(0)  # takes the room while there is no workflow (the tables hidden)
        if household_id is None:
            self.status.setText(self.tr("新增农户保存后才能发起流程。"))
            self.start_button.setEnabled(False)
            self.chooser.setEnabled(False)
            self._stale = False
        self.hub.changed.connect(self._data_changed)

    def _tables(self) -> None:
        # the workflow's meetings, notices and objections, between the header and the steps
        self.publicity = QLabel(self)
        self.publicity.setObjectName("workflow_publicity")
        self.publicity.setWordWrap(True)
        self.publicity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.publicity.hide()
        self.steps = StepModel(self.ctx.ref, self)
        self.decisions = DecisionModel(self.ctx.ref, self)
        self.step_view = table(self, self.steps)
        self.decision_view = table(self, self.decisions)
        self.decision_view.setWordWrap(True)
        header = self.decision_view.horizontalHeader()
        header.setStretchLastSection(False)
        # short columns (and the notes, mostly empty) fit their contents; the step, reason and signature share
        # the rest and wrap
        for column in range(self.decisions.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in (1, 5, 6)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        # rows follow the final widths (once the resizing of a layout pass is over)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.decision_view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._fit_rows.start())

    def _attachment_strip(self) -> None:
        self.attachments_label = QLabel(self.tr("附件（会议记录、脱贫确认书等照片；Enter 或双击打开）："), self)
        self.attachments = AttachmentStrip(self.ctx, self)
        self.attachments.opened.connect(self.open_attachment)
        self.attachments_label.setBuddy(self.attachments)
        self.attachments_label.hide()
        self.attachments.hide()

    # -- loading ------------------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if self._stale:
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        if self.household_id is not None and (changes.touches_household(self.household_id) or changes.sync):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        if self.household_id is None or self.tasks.is_shut_down:
            return
        self._stale = False
        ctx, hid = self.ctx, self.household_id
        self.tasks.run_db(lambda _c: data.household_flows(ctx, hid), on_done=self._loaded,
                          on_error=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _loaded(self, flows: data.HouseholdFlows) -> None:
        self.flows = flows
        self.status.setText(self._status_text(flows))
        keep = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        lang = i18n.ref_language()
        for v in flows.views:
            self.chooser.addItem(self.tr("{0}（{1} 发起）：{2}").format(
                v.definition.text(lang), day_text(v.started_at), self._state_text(v)), v.id)
        ids = [v.id for v in flows.views]
        running = [v.id for v in flows.running]
        chosen = keep if keep in ids else (running[-1] if running else (ids[-1] if ids else None))
        self.chooser.setCurrentIndex(ids.index(chosen) if chosen is not None else -1)
        self.chooser.setEnabled(bool(ids))
        self.chooser.blockSignals(False)
        self._show_chosen()
        self.loaded.emit()

    def _status_text(self, flows: data.HouseholdFlows) -> str:
        exited = self.tr("已脱贫") if flows.exited else self.tr("未脱贫")
        if flows.source == "workflow":
            text = self.tr("脱贫状态：{0}（由流程得出）").format(exited)
        elif flows.source == "imported":
            text = self.tr("脱贫状态：{0}（导入的状态，不是逐级决定产生的）").format(exited)
        else:
            typed = self.ctx.ref["exit_status"].label(flows.typed_exit_status, i18n.ref_language()) \
                if flows.typed_exit_status else self.tr("（空）")
            text = self.tr("脱贫状态：{0}（建档时导入的“{1}”，没有办结的流程）").format(exited, typed)
        if len(flows.running) > 1:
            text += "\n" + self.tr("注意：该户有 {0} 个同时进行的流程（在不同笔记本上各自发起），"
                                   "多余的一个可以不通过并写明理由。").format(len(flows.running))
        if not flows.views:
            text += "\n" + self.tr("还没有流程记录。")
        return text

    def _state_text(self, v: WorkflowView) -> str:
        state = v.state
        lang = i18n.ref_language()
        if state.status == rules.OPEN:
            step = v.definition.steps[state.position]
            return self.tr("进行中，当前步骤 {0} {1}").format(step.code, step.text(lang))
        words = {rules.COMPLETED: self.tr("已完成"), rules.FAILED: self.tr("未通过（已结束）"),
                 rules.CONFLICT: self.tr("有冲突，待处理"), rules.IMPORTED: self.tr("导入的状态")}
        text = words.get(state.status, state.status)
        if any(d.override for d in state.history):
            text += self.tr("（曾越过退出标准）")
        return text

    def chosen(self) -> WorkflowView | None:
        if self.flows is None:
            return None
        wanted = self.chooser.currentData()
        return next((v for v in self.flows.views if v.id == wanted), None)

    def _show_chosen(self) -> None:
        view = self.chosen()
        publicity = self.flows.publicity.get(view.id) if view is not None and self.flows is not None else None
        self.steps.set_view(view, publicity)
        self.decisions.set_view(view, self.flows.signatures if self.flows is not None else {})
        text = self._publicity_text(publicity) if publicity is not None else ""
        self.publicity.setText(text)
        self.publicity.setVisible(bool(text))
        self.step_view.resizeColumnsToContents()
        self.decision_view.resizeRowsToContents()
        shown = self._attachments_of(view)
        self.attachments.set_attachments(shown, self.flows.thumbs if self.flows is not None else {})
        self.attachments.setVisible(bool(shown))
        self.attachments_label.setVisible(bool(shown))
        self.header.setText(self._header_text(view) if view is not None else "")
        self.header.setVisible(view is not None)
        self.split.setVisible(view is not None)
        target = self._target(view)
        self.decide_button.setVisible(target is not None and self.ctx.allows(target.step.permission))
        self.decide_button.setText(self.tr("处理冲突(&J)…") if target is not None and target.conflict
                                   else self.tr("决定当前步骤(&J)…"))

    def _attachments_of(self, view: WorkflowView | None) -> list[Shown]:
        """The attachments of the workflow's decisions, in decision order, each followed by its meeting's."""
        if view is None or self.flows is None:
            return []
        lang = i18n.ref_language()
        shown: list[Shown] = []
        seen_meetings: set[str] = set()
        for d in view.state.history:
            try:
                where = f"{d.step} {view.definition.steps[view.definition.index(d.step)].text(lang)}"
            except rules.WorkflowError:
                where = d.step
            shown += [Shown(a, where) for a in self.flows.attachments.get(d.id, [])]
            if d.meeting_id and d.meeting_id not in seen_meetings:
                seen_meetings.add(d.meeting_id)
                shown += [Shown(a, self.tr("{0}（评议会议）").format(where))
                          for a in self.flows.meeting_attachments.get(d.meeting_id, [])]
        return shown

    def open_attachment(self, shown: Shown) -> PhotoViewer:
        return self._open(PhotoViewer(self.ctx, shown, self.tasks, self))

    def _header_text(self, v: WorkflowView) -> str:
        lang = i18n.ref_language()
        ref = self.ctx.ref
        if v.origin == rules.ORIGIN_IMPORTED:
            value = ref["exit_status"].label(v.imported_value, lang) if v.imported_value else self.tr("（空）")
            return self.tr("来源：导入。升级时档案中填写的脱贫状态为“{0}”，不是逐级决定产生的。").format(value)
        lines = [self.tr("发起：{0}，{1}；状态：{2}").format(v.started_by_name or "—", day_text(v.started_at),
                                                        self._state_text(v))]
        if v.category or v.risk_type:
            lines.append(self.tr("监测对象类别：{0}；风险类型：{1}").format(
                ref["monitoring_category"].label(v.category, lang) if v.category else "—",
                ref["risk_type"].label(v.risk_type, lang) if v.risk_type else "—"))
        lines += [self.tr("问题：{0}").format(p) for p in v.state.problems]
        return "\n".join(lines)

    def _publicity_text(self, p: data.Publicity, today: dt.date | None = None) -> str:
        """The workflow's 评议 meetings (date, votes), the notices listing the household (step, period, posted
        or not) and its objections (from whom, content, handled or not, result), one line each."""
        lines = []
        for m in p.meetings:
            votes = self.tr("本户赞成 {0}、反对 {1}") if m.own_votes else self.tr("赞成 {0}、反对 {1}")
            lines.append(self.tr("评议会议：{0}，到会 {1} 人，{2}{3}").format(
                m.held_on.isoformat(), m.present, votes.format(m.votes_for, m.votes_against),
                self.tr("（决定据此作出）") if m.decided else ""))
        words = {notice_rules.UNPOSTED: self.tr("未张贴"), notice_rules.POSTED: self.tr("已张贴，公示期未开始"),
                 notice_rules.RUNNING: self.tr("已张贴，公示期内"), notice_rules.ENDED: self.tr("已张贴，已期满")}
        for n in p.notices:
            step = self.decisions.step_text(n.step)
            state = words.get(n.status(today or dt.date.today()), "")
            if n.posted_on is not None:
                state += self.tr("（{0} 张贴）").format(n.posted_on.isoformat())
            lines.append(self.tr("公示：{0}，{1} 至 {2}（{3} 天），{4}").format(
                step, n.period_start.isoformat(), n.period_end.isoformat(), n.days, state))
        results = {notice_rules.UPHELD: self.tr("异议成立"), notice_rules.DISMISSED: self.tr("异议不成立")}
        for o in p.objections:
            if o.handled:
                state = self.tr("已办结：{0}（{1}，{2}）").format(results.get(o.result or "", o.result or ""),
                                                           o.handling or "", o.handled_on.isoformat()
                                                           if o.handled_on else "—")
            else:
                state = self.tr("未办结，阻止通过")
            lines.append(self.tr("异议：{0} 收到 {1} 提出：{2}；{3}").format(
                o.received_on.isoformat(), o.from_whom, o.content, state))
        return "\n".join(lines)

    def _target(self, view: WorkflowView | None) -> Target | None:
        if view is None or self.flows is None:
            return None
        return Target.of_view(view, self.flows.title)

    # -- acting ---------------------------------------------------------------------------------------

    def decide(self, decision: str = rules.PASS) -> DecideDialog | None:
        target = self._target(self.chosen())
        if target is None:
            return None
        dialog = DecideDialog(self.ctx, [target], tasks=self.tasks, hub=self.hub, decision=decision, parent=self)
        return self._open(dialog)

    def start(self) -> StartDialog | None:
        if self.household_id is None:
            return None
        try:
            gate = data.gate_of(self.ctx, self.household_id)
        except LookupError as exc:
            show_error(self, exc)
            return None
        name = self.flows.title if self.flows is not None else ""
        dialog = StartDialog(self.ctx, self.household_id, name, gate, tasks=self.tasks, hub=self.hub, parent=self)
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None


class WorkflowDialog(QDialog):
    """动态管理 of one household in a window of its own (opened from the 审核 queue)."""

    def __init__(self, ctx: AppContext, household_id: str, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = WorkflowPanel(ctx, household_id, self, tasks=tasks, hub=hub)
        self.panel.loaded.connect(self._titled)
        self.setWindowTitle(self.tr("动态管理"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        close = QPushButton(self.tr("关闭"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.setMinimumSize(760, 480)
        geometry.fit(self, "workflow_dialog", (1100, 640), ctx.settings)
        self.panel.refresh()

    def _titled(self) -> None:
        flows = self.panel.flows
        if flows is not None and flows.title:
            self.setWindowTitle(self.tr("动态管理 — {0}").format(flows.title))

