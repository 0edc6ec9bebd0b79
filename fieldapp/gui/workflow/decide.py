"""Deciding a step: 通过 / 不通过 / 退回 with a reason, for one household or a batch at the same step.

The dialog runs the decision as an operation (:func:`fieldapp.gui.ops.run_op`). For a batch (批量决定) it
lists the households and runs :func:`fieldapp.services.workflow.batch.decide_batch`: one reason, ONE
signature covering every decision (one verification code), all or nothing; if any household cannot be
decided nothing is written and the dialog lists every household refused with the service's reason.
Attachments (添加附件…: photos of the minutes, of the signed 脱贫确认书) go with the decision (with each
decision of a batch) and are covered by its signature; 户认可 passes only with the signed confirmation.
A refusal is shown next to what it concerns, with the service's own message: the permission next to the
decision, the first allowed day for a step decided too early, the failing income or indicator next to the
override (offered only to an account that may override, one household at a time, and only with a
reason), a missing reason under the reason, a missing or unfit attachment under the attachments.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import workflow as rules
from fieldapp.domain.notice import NoticeError
from fieldapp.domain.people import PermissionDenied
from fieldapp.gui import i18n
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.workflow.attachments import AttachmentPicker
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.photos import PhotoError
from fieldapp.services.signoff.keys import NoSigningKey
from fieldapp.services.signoff.service import SignoffRecord
from fieldapp.services.workflow import batch, deliberation, service
from fieldapp.services.workflow.attachments import NewAttachment
from fieldapp.services.workflow.queue import QueueEntry
from fieldapp.services.workflow.store import WorkflowView

log = logging.getLogger("fieldapp.gui.workflow")
_CLI_HINT = re.compile(r"[（(]--[a-z-]+[)）]")


def plain(exc: BaseException) -> str:
    """The service's message without the command-line option it suggests."""
    text = str(exc.args[0]) if exc.args else str(exc)
    return _CLI_HINT.sub("", text).replace("（--settle，写明理由）", "")


@dataclass(frozen=True)
class Target:
    """A household's open workflow at the step to decide."""

    household_id: str
    name: str  # head (户编号)
    workflow: WorkflowView
    step: rules.Step

    @property
    def conflict(self) -> bool:
        return self.workflow.state.status == rules.CONFLICT

    @classmethod
    def of_entry(cls, e: QueueEntry) -> Target:
        return cls(e.household_id, f"{e.head_name or '—'}（{e.hh_no or '—'}）", e.workflow, e.step)

    @classmethod
    def of_view(cls, view: WorkflowView, name: str) -> Target | None:
        if not view.state.is_open:
            return None
        steps = view.definition.steps
        return cls(view.household_id, name, view, steps[min(view.state.position, len(steps) - 1)])


# what a decision may be refused with, shown in the dialog in the service's words
REFUSALS = (rules.WorkflowError, NoticeError, PermissionDenied, NoSigningKey, LookupError, PhotoError)


@dataclass(frozen=True)
class Outcome:
    """What a decision did: the households decided and the signature (a batch's one signature)."""

    decided: tuple[service.Decided, ...]
    signature: SignoffRecord | None
    batch_id: str | None = None


def decide_all(ctx: AppContext, targets: Sequence[Target], decision: str, reason: str, *,
               override: bool, meeting_id: str | None = None, attach: Sequence[NewAttachment] = ()) -> Outcome:
    """The worker thread: one household's decision, or a batch under one signature (all or nothing:
    ``BatchRefused`` lists every household that cannot be decided)."""
    if len(targets) == 1:
        t = targets[0]
        made = service.decide(ctx, t.household_id, t.step.code, decision, reason, override=override,
                              settle=t.conflict, workflow_id=t.workflow.id, meeting_id=meeting_id, attach=attach)
        return Outcome((made,), made.signature)
    done = batch.decide_batch(ctx, [t.household_id for t in targets], targets[0].step.code, decision, reason,
                              meeting_id=meeting_id, attach=attach)
    return Outcome(done.decided, done.signature, done.batch_id)


class DecideDialog(QDialog):
    """Decide ``targets`` (one household, or several at the same step of the same workflow)."""

    def __init__(self, ctx: AppContext, targets: Sequence[Target], *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, decision: str = rules.PASS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not targets:
            raise ValueError("nothing to decide")
        self.ctx = ctx
        self.targets = list(targets)
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self.outcome: Outcome | None = None
        first = self.targets[0]
        lang = i18n.ref_language()
        self.setWindowTitle(self.tr("决定：{0}").format(first.step.text(lang)))

        self._build()
        {rules.PASS: self.pass_button, rules.FAIL: self.fail_button,
         rules.RETURN: self.return_button}.get(decision, self.pass_button).setChecked(True)
        self.return_button.setEnabled(first.workflow.state.position > 0)
        self._describe()
        self._update()
        self.setMinimumWidth(560)
        self.reason.setFocus()

    def _build(self) -> None:
        first = self.targets[0]
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pass_button = QRadioButton(self.tr("通过(&P)"), self)
        self.fail_button = QRadioButton(self.tr("不通过(&F)"), self)
        self.return_button = QRadioButton(self.tr("退回上一步(&R)"), self)
        self.group = QButtonGroup(self)
        choices = QHBoxLayout()
        for button, code in ((self.pass_button, rules.PASS), (self.fail_button, rules.FAIL),
                             (self.return_button, rules.RETURN)):
            self.group.addButton(button)
            button.setProperty("decision", code)
            button.toggled.connect(self._update)
            choices.addWidget(button)
        choices.addStretch(1)
        self.decision_error = self._error_label("decision_error")
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("不通过、退回、越过退出标准和处理冲突时必填"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.reason.textChanged.connect(self._update)
        self.reason_error = self._error_label("reason_error")
        self.override = QCheckBox(self.tr("不符合退出标准，仍拟退出（须写明理由并签字，记录中始终可见）(&O)"), self)
        self.override.setVisible(first.step.gate == "exit" and self.ctx.allows(rules.OVERRIDE_PERMISSION)
                                 and len(self.targets) == 1)  # an override is one household's, with its reason
        self.override.toggled.connect(self._update)
        self.gate_error = self._error_label("gate_error")
        self.signature = QLabel(self)
        self.signature.setObjectName("signature_note")
        self.signature.setWordWrap(True)
        self.failures = self._error_label("failures")
        self._build_batch_and_attachments()
        self.meeting = QComboBox(self)  # a 评议 step: the meeting that deliberated these households
        self.meeting_note = QLabel(self)
        self.meeting_note.setWordWrap(True)
        if first.step.deliberation:
            self._fill_meetings()
        else:  # laid out only for a 评议 step: elsewhere it would float over the dialog
            self.meeting.hide()
            self.meeting_note.hide()

        self._lay_out(choices)

    def _build_batch_and_attachments(self) -> None:
        first = self.targets[0]
        self.households = QListWidget(self)  # a batch: every household decided under the one signature
        self.households.setObjectName("batch_households")
        lang = i18n.ref_language()
        for t in self.targets:
            self.households.addItem(f"{t.name}　{t.workflow.definition.text(lang)}")
        rows = min(len(self.targets), 6)  # as high as the households (up to six rows, then it scrolls)
        self.households.setFixedHeight(self.households.sizeHintForRow(0) * rows + 2 * self.households.frameWidth() + 2)
        self.households.setVisible(len(self.targets) > 1)
        self.attach = AttachmentPicker(self.ctx, self, required=first.step.attachment)
        self.attach.changed.connect(self._update)
        self.attach_note = QLabel(self)
        self.attach_note.setWordWrap(True)
        if first.step.attachment:
            self.attach_note.setText(self.tr("本步骤通过须附上“{0}”的照片（户主签字后拍照或扫描）。").format(
                self.ctx.ref["attachment_kind"].label(first.step.attachment, lang)))
        else:
            self.attach_note.hide()
        self.attach_error = self._error_label("attach_error")

    def _lay_out(self, choices: QHBoxLayout) -> None:
        first = self.targets[0]
        form = QFormLayout()
        if len(self.targets) > 1:
            form.addRow(self.tr("一并决定的户："), self.households)
        form.addRow(self.tr("决定："), choices)
        form.addRow("", self.decision_error)
        if first.step.deliberation:
            form.addRow(self.tr("评议会议(&M)："), self.meeting)
            form.addRow("", self.meeting_note)
        form.addRow(self.tr("理由(&Y)："), self.reason)
        form.addRow("", self.reason_error)
        form.addRow("", self.override)
        form.addRow("", self.gate_error)
        form.addRow(self.tr("附件："), self.attach)
        form.addRow("", self.attach_note)
        form.addRow("", self.attach_error)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("确定并签字"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.ok_button.setToolTip("Ctrl+Enter")
        self.reason.installEventFilter(self)  # Ctrl+Enter decides from the reason box (Enter: a new line)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.signature)
        layout.addWidget(self.failures)
        layout.addWidget(self.buttons)

    def _fill_meetings(self) -> None:
        """The meetings that deliberated every household decided here, newest first (the decision names one)."""
        wanted = {t.household_id for t in self.targets}
        found = [m for m in deliberation.meetings(self.ctx)
                 if wanted <= {d.household_id for d in m.households}]
        for m in found:
            self.meeting.addItem(self.tr("{0}：到会 {1} 人，赞成 {2}、反对 {3}（{4} 户）").format(
                m.held_on.isoformat(), m.present_count, m.votes_for, m.votes_against, len(m.households)), m.id)
        if not found:
            self.meeting.setEnabled(False)
            self.meeting_note.setText(self.tr("没有评议过这些户的会议：先在“公示与评议”页的“评议会议”中"
                                              "登记评议会议（登记评议会议…），才能通过或不通过本步骤；退回不需要会议。"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reason and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOR};")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _describe(self) -> None:
        first = self.targets[0]
        lang = i18n.ref_language()
        step = first.step
        role = self.ctx.ref["role"].label(step.role, lang)
        if len(self.targets) == 1:
            text = self.tr("{0}：“{1}”的步骤 {2} {3}（由{4}决定）").format(
                first.name, first.workflow.definition.text(lang), step.code, step.text(lang), role)
        else:
            text = self.tr("批量决定 {0} 户：“{1}”的步骤 {2} {3}（由{4}决定），一个理由、一个签字，"
                           "全部决定或全部不决定。").format(
                len(self.targets), first.workflow.definition.text(lang), step.code, step.text(lang), role)
        if first.conflict:
            text += "\n" + self.tr("本步骤有互相冲突的决定：本决定将处理冲突（须写明理由并签字），"
                                   "冲突的决定保留为已取代。") + "\n" + "；".join(first.workflow.state.problems)
        self.what.setText(text)

    def decision(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("decision")) if checked is not None else rules.PASS

    def _reason_needed(self) -> bool:
        return self.decision() != rules.PASS or self.override.isChecked() or self.targets[0].conflict

    def _update(self) -> None:
        signed = self.targets[0].step.signature or self.override.isChecked() or self.targets[0].conflict
        many = len(self.targets) > 1
        if signed:
            text = self.tr("将以本人签名密钥签一个字，覆盖这 {0} 户的全部决定（一个验证码），"
                           "签字后不能修改或删除。").format(len(self.targets)) if many \
                else self.tr("将以本人签名密钥签字（签字背书），签字后不能修改或删除。")
            if self.attach.items():
                text += self.tr("附件的照片包含在签字内容中。")
        else:
            text = self.tr("本步骤不需签字；决定记录决定人、角色和时间，不能修改或删除。")
        self.signature.setText(text)
        self.ok_button.setText(self.tr("确定并签字") if signed else self.tr("确定"))
        self.reason_error.setVisible(False)

    # -- submitting -----------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the reason here (as the service will), then decide on the database worker."""
        for label in (self.decision_error, self.reason_error, self.gate_error, self.failures, self.attach_error):
            label.hide()
        reason = self.reason.toPlainText().strip()
        if self._reason_needed() and not reason:
            self._show(self.reason_error, self.tr("请写明理由：不通过、退回、越过退出标准和处理冲突都须写明理由"))
            self.reason.setFocus()
            return
        ctx, targets, decision = self.ctx, list(self.targets), self.decision()
        override = not self.override.isHidden() and self.override.isChecked()
        meeting_id = self.meeting.currentData() if targets[0].step.deliberation else None
        attach = self.attach.items()
        self.ok_button.setEnabled(False)

        def write() -> Outcome:
            return decide_all(ctx, targets, decision, reason, override=override, meeting_id=meeting_id,
                              attach=attach)

        def changes(outcome: Outcome) -> Changes:
            return Changes.of_households([d.workflow.household_id for d in outcome.decided],
                                         by=ctx.writer.actor.user_name)

        def message(outcome: Outcome) -> str:
            words = {rules.PASS: self.tr("通过"), rules.FAIL: self.tr("不通过"), rules.RETURN: self.tr("退回")}
            text = self.tr("已{0} {1} 户：{2}").format(words[decision], len(outcome.decided),
                                                     targets[0].step.text(i18n.ref_language()))
            if outcome.signature is not None:
                text += self.tr("（签字验证码 {0}）").format(outcome.signature.code)
            return text

        run_op(self.tasks, self.hub, write, changes=changes, message=message, parent=self, on_done=self._done,
               on_error=self._failed)

    def _done(self, outcome: Outcome) -> None:
        self.ok_button.setEnabled(True)
        self.outcome = outcome
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.ok_button.setEnabled(True)
        log.info("decision refused: %s", exc)
        placed = self._place(exc)
        if placed is None:
            return False
        label, text = placed
        self._show(label, text)
        if label is self.reason_error:
            self.reason.setFocus()
        return True

    def _place(self, exc: BaseException) -> tuple[QLabel, str] | None:
        """Where a refusal is shown and in which words (None: not a refusal, the operation reports it)."""
        if isinstance(exc, batch.BatchRefused):
            lines = [self.tr("批量决定未执行，{0} 户均未写入。以下 {1} 户不能决定：").format(
                len(self.targets), len(exc.refusals))]
            lines += [f"{r.name}：{_CLI_HINT.sub('', r.message)}" for r in exc.refusals]
            lines.append(self.tr("请在审核列表中去掉这些户，或处理上述问题后再决定。"))
            return self.failures, "\n".join(lines)
        if isinstance(exc, PhotoError) or (isinstance(exc, rules.WorkflowError) and "附件" in str(exc)):
            return self.attach_error, plain(exc)
        return self._place_step_refusal(exc)

    def _place_step_refusal(self, exc: BaseException) -> tuple[QLabel, str] | None:
        if isinstance(exc, service.GateRefused):
            text = self.tr("不符合退出标准：{0}").format("；".join(exc.gate.problems))
            if not self.override.isHidden():
                text += "\n" + self.tr("确需退出的，勾选上方“仍拟退出”并写明理由，决定与理由一并签字。")
            else:
                text += "\n" + self.tr("本账号没有越过退出标准的权限（{0}）。").format(rules.OVERRIDE_PERMISSION)
            return self.gate_error, text
        if isinstance(exc, rules.TooEarly):
            return self.decision_error, self.tr("{0} 起才能通过本步骤：{1}").format(exc.earliest.isoformat(),
                                                                                plain(exc))
        if isinstance(exc, rules.WorkflowError) and ("理由" in str(exc) or "原因" in str(exc)):
            return self.reason_error, plain(exc)
        if isinstance(exc, REFUSALS):
            return self.decision_error, plain(exc)
        return None

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()
