"""Starting a workflow for one household (identification, exit, return, monitoring, risk elimination).

The exit gate's verdict (the latest income year against that year's exit standard, and every 两不愁三保障
indicator) is shown before an exit is started: the app proposes households that meet it, and a household
that does not can be proposed only by an override at the first step (对象确定), with a signed reason.
Monitoring asks for the category and the risk type. Starting runs as an operation; a refusal (the
permission, another workflow still open, already exited…) is shown in the dialog with the service's words.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import workflow as rules
from fieldapp.domain.people import PermissionDenied
from fieldapp.gui import i18n
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.gui.workflow.decide import plain
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import service
from fieldapp.services.workflow.store import WorkflowView

log = logging.getLogger("fieldapp.gui.workflow")
OK_COLOR = "#1A7F37"


class StartDialog(QDialog):
    """Start a workflow of ``household_id`` (``name`` for the title); ``gate`` is its exit verdict."""

    def __init__(self, ctx: AppContext, household_id: str, name: str, gate: rules.Gate, *,
                 kind: str | None = None, tasks: TaskManager | None = None, hub: ChangeHub | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id, self.gate = ctx, household_id, gate
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self.started: WorkflowView | None = None
        lang = i18n.ref_language()
        self.setWindowTitle(self.tr("发起流程：{0}").format(name))
        self.kind = QComboBox(self)
        for definition in rules.definitions(ctx.ref).workflows.values():
            self.kind.addItem(definition.text(lang), definition.kind)
        self.category = QComboBox(self)
        self.risk_type = QComboBox(self)
        for combo, codes in ((self.category, "monitoring_category"), (self.risk_type, "risk_type")):
            combo.addItem(self.tr("（请选择）"), None)
            for c in ctx.ref[codes].codes:
                combo.addItem(f"{c.code} {c.text(lang)}", c.code)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("gate_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(self)
        self.error.setObjectName("start_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        self.form = QFormLayout()
        self.form.addRow(self.tr("流程(&K)："), self.kind)
        self.form.addRow(self.tr("监测对象类别(&C)："), self.category)
        self.form.addRow(self.tr("风险类型(&T)："), self.risk_type)
        self.form.addRow(self.tr("步骤："), self.steps)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("发起"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        if kind is not None and self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_chosen()
        self.setMinimumWidth(560)

    def definition(self) -> rules.Definition:
        return rules.definitions(self.ctx.ref).get(str(self.kind.currentData()))

    def _kind_chosen(self) -> None:
        definition = self.definition()
        lang = i18n.ref_language()
        for combo, need in ((self.category, "category"), (self.risk_type, "risk_type")):
            shown = need in definition.needs
            combo.setVisible(shown)
            self.form.labelForField(combo).setVisible(shown)
        self.steps.setText(" → ".join(f"{s.code} {s.text(lang)}" for s in definition.steps))
        self.error.hide()
        if definition.kind != "exit":
            self.verdict.hide()
            return
        self.verdict.show()
        g = self.gate
        if g.passed:
            self.verdict.setText(self.tr("符合退出标准：{0} 年人均纯收入 {1} 元，高于当年退出标准 {2} 元；"
                                         "两不愁三保障全部达到。").format(
                g.year, f"{(g.per_person or 0) / 100:.2f}", f"{(g.standard or 0) / 100:.2f}"))
            self.verdict.setStyleSheet(f"color: {OK_COLOR};")
        else:
            self.verdict.setText(self.tr("不符合退出标准：{0}\n仍可发起，但“对象确定”只能由有权限的人写明理由、签字越过，"
                                         "越过在流程记录中始终可见。").format("；".join(g.problems)))
            self.verdict.setStyleSheet(f"color: {ERROR_COLOR};")

    def submit(self) -> None:
        definition = self.definition()
        category = self.category.currentData() if "category" in definition.needs else None
        risk = self.risk_type.currentData() if "risk_type" in definition.needs else None
        ctx, hid, kind = self.ctx, self.household_id, definition.kind
        self.error.hide()
        self.ok_button.setEnabled(False)

        def write() -> WorkflowView:
            return service.start(ctx, hid, kind, category=category, risk_type=risk)

        def done(view: WorkflowView) -> None:
            self.ok_button.setEnabled(True)
            self.started = view
            self.accept()

        def failed(exc: BaseException) -> bool:
            self.ok_button.setEnabled(True)
            if isinstance(exc, (rules.WorkflowError, PermissionDenied, LookupError)):
                log.info("start refused: %s", exc)
                self.error.setText(plain(exc))
                self.error.show()
                return True
            return False

        run_op(self.tasks, self.hub, write, parent=self, on_done=done, on_error=failed,
               changes=Changes.of_households([hid], by=ctx.writer.actor.user_name),
               message=self.tr("已发起“{0}”").format(definition.text(i18n.ref_language())))
