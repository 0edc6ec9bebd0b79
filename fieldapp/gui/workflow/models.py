"""Table models of the workflow windows: the 审核 queue, a workflow's steps and its decisions.

Each shows rows the services computed (read on the database thread) and is replaced wholesale by
``set_rows``; none holds a connection or builds SQL. Texts of steps, workflows and roles come from the
reference data in the UI language; the model's own words go through ``tr``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.domain import workflow as rules
from fieldapp.domain.refdata import RefData
from fieldapp.gui import i18n
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.gui.workflow.data import Publicity, SignatureLine
from fieldapp.services.workflow import notices
from fieldapp.services.workflow.queue import QueueEntry
from fieldapp.services.workflow.store import WorkflowView

CONFLICT_COLOUR = "#fde4e4"
DUE_COLOUR = "#e3f4e4"
CURRENT_COLOUR = "#fff6d9"
PASSED_COLOUR = "#e3f4e4"
SET_ASIDE_COLOUR = "#eeeeee"


def day_text(ms: int) -> str:
    return rules.day_of(ms).isoformat()


class _Rows(RowsModel):
    """Read-only rows with fixed headers; subclasses give ``headers``, ``cell`` and ``colour``."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and self.colour(row):
            return QBrush(QColor("#1f2328"))  # dark text on the light row colours, whatever the palette
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def colour(self, row: Any) -> str | None:
        return None

    def role_text(self, role: str) -> str:
        return str(self.ref["role"].label(role, i18n.ref_language())) if role else "—"


class QueueModel(_Rows):
    """The households waiting for the signed-in account: household, workflow, step, since, from when, state."""

    def __init__(self, ref: RefData, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(ref, parent)
        self.today = today
        self.villages: dict[str, str] = {}
        self.headers = (self.tr("村"), self.tr("户编号"), self.tr("户主"), self.tr("流程"), self.tr("待决定步骤"),
                        self.tr("决定人"), self.tr("到达本步骤"), self.tr("可决定日期"), self.tr("状态"))

    def set_entries(self, entries: Sequence[QueueEntry], villages: Mapping[str, str]) -> None:
        """The queue, with the village of each household (household id → village name)."""
        self.villages = dict(villages)
        self.set_rows(entries)

    def entry(self, row: int) -> QueueEntry | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def is_due(self, e: QueueEntry) -> bool:
        return e.due(self.today or dt.date.today())

    def state_text(self, e: QueueEntry) -> str:
        if e.conflict:
            return self.tr("有冲突的决定，待处理")
        if e.earliest is None:
            return self.waiting_text(e.waiting)
        return self.tr("可决定") if self.is_due(e) else self.tr("公示期未满")

    def waiting_text(self, waiting: str) -> str:
        words = {notices.NOT_ISSUED: self.tr("公示未签发"), notices.NOT_POSTED: self.tr("公示未张贴")}
        return words.get(waiting, waiting)

    def cell(self, row: QueueEntry, column: int) -> str:
        lang = i18n.ref_language()
        values = (self.villages.get(row.household_id, "—"), row.hh_no or "—", row.head_name or "—",
                  row.workflow.definition.text(lang),
                  f"{row.step.code} {row.step.text(lang)}", self.role_text(row.step.role),
                  day_text(row.workflow.state.since),
                  row.earliest.isoformat() if row.earliest else self.waiting_text(row.waiting), self.state_text(row))
        return values[column]

    def colour(self, row: QueueEntry) -> str | None:
        return CONFLICT_COLOUR if row.conflict else None


class StepModel(_Rows):
    """The steps of one workflow: code, name, who decides, least days, signature, where the household is."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.view: WorkflowView | None = None
        self.publicity: Publicity | None = None
        self.headers = (self.tr("步骤"), self.tr("名称"), self.tr("决定人"), self.tr("最短天数"), self.tr("签字"),
                        self.tr("进度"))

    def set_view(self, view: WorkflowView | None, publicity: Publicity | None = None) -> None:
        """The workflow's steps; ``publicity`` (its notices and objections) says from when the current one
        may pass, or what blocks it."""
        self.view, self.publicity = view, publicity
        self.set_rows(list(enumerate(view.definition.steps)) if view is not None else [])

    def progress(self, position: int) -> str:
        view = self.view
        state = view.state if view is not None else None
        text = ""
        if view is None or state is None or position > state.position:
            pass
        elif state.status == rules.IMPORTED:
            text = self.tr("（导入，无逐级记录）")
        elif state.status == rules.COMPLETED or position < state.position:
            text = self.tr("已通过")
        elif state.status == rules.CONFLICT:
            text = self.tr("有冲突，待处理")
        elif state.status == rules.FAILED:
            text = self.tr("不通过（流程结束）")
        else:
            text = self.current_text(view, position)
        return text

    def current_text(self, view: WorkflowView, position: int) -> str:
        publicity = self.publicity
        if publicity is not None and publicity.blocked:
            return self.tr("当前步骤（有 {0} 条异议未办结，办结前不能通过）").format(len(publicity.blocked))
        due = publicity.pass_from if publicity is not None else None
        if due is not None and due.day is None:
            return self.tr("当前步骤（{0}，不能通过）").format(
                {notices.NOT_ISSUED: self.tr("公示未签发"), notices.NOT_POSTED: self.tr("公示未张贴")}.get(
                    due.waiting, due.waiting))
        day = due.day if due is not None and due.day is not None \
            else rules.earliest(view.definition.steps[position], view.state.since)
        return self.tr("当前步骤（{0} 起可决定）").format(day.isoformat())

    def cell(self, row: tuple[int, rules.Step], column: int) -> str:
        position, step = row
        lang = i18n.ref_language()
        values = (step.code, step.text(lang), self.role_text(step.role), str(step.min_days or "—"),
                  self.tr("须签字") if step.signature else self.tr("不需签字"), self.progress(position))
        return values[column]

    def colour(self, row: tuple[int, rules.Step]) -> str | None:
        view = self.view
        if view is None or view.state.status == rules.IMPORTED:
            return None
        position = row[0]
        if position == view.state.position and view.state.status in (rules.OPEN, rules.CONFLICT, rules.FAILED):
            return CONFLICT_COLOUR if view.state.status != rules.OPEN else CURRENT_COLOUR
        return PASSED_COLOUR if position < view.state.position or view.state.status == rules.COMPLETED else None


class DecisionModel(_Rows):
    """Every decision of one workflow: the history in order (退回 included), then conflicting and set-aside ones."""

    HISTORY, CONFLICT, SUPERSEDED = "history", "conflict", "superseded"

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(ref, parent)
        self.view: WorkflowView | None = None
        self.signatures: Mapping[str, SignatureLine] = {}
        self.headers = (self.tr("时间"), self.tr("步骤"), self.tr("决定"), self.tr("决定人"), self.tr("角色"),
                        self.tr("理由"), self.tr("签字"), self.tr("说明"))

    def set_view(self, view: WorkflowView | None, signatures: Mapping[str, SignatureLine]) -> None:
        self.view, self.signatures = view, signatures
        rows: list[tuple[str, rules.Decision]] = []
        if view is not None:
            state = view.state
            rows = [(self.HISTORY, d) for d in state.history] + [(self.CONFLICT, d) for d in state.conflicts] \
                + [(self.SUPERSEDED, d) for d in state.superseded]
        self.set_rows(rows)

    def decision_text(self, decision: str) -> str:
        return {rules.PASS: self.tr("通过"), rules.FAIL: self.tr("不通过"),
                rules.RETURN: self.tr("退回")}.get(decision, decision)

    def step_text(self, code: str) -> str:
        view = self.view
        if view is None:
            return code
        try:
            return f"{code} {view.definition.steps[view.definition.index(code)].text(i18n.ref_language())}"
        except rules.WorkflowError:
            return code

    def signature_text(self, d: rules.Decision) -> str:
        if not d.signoff_id:
            return self.tr("未签字（本步骤须签字）") if self._needs_signature(d) else self.tr("不需签字")
        line = self.signatures.get(d.id)
        if line is None or line.missing:
            return self.tr("签字未同步到本机")
        if line.problems:
            return self.tr("签名无效：{0}").format("；".join(line.problems))
        if line.batch > 1:
            return self.tr("已签字（批量决定，一个签字覆盖 {0} 户），验证码 {1}").format(line.batch, line.code)
        return self.tr("已签字，验证码 {0}").format(line.code)

    def _needs_signature(self, d: rules.Decision) -> bool:
        view = self.view
        try:
            return view is not None and view.definition.steps[view.definition.index(d.step)].signature
        except rules.WorkflowError:
            return False

    def note(self, kind: str, d: rules.Decision) -> str:
        notes = []
        if kind == self.CONFLICT:
            notes.append(self.tr("互相冲突，待处理"))
        elif kind == self.SUPERSEDED:
            notes.append(self.tr("冲突中被处理决定取代"))
        if d.override:
            notes.append(self.tr("越过退出标准"))
        if d.settles:
            notes.append(self.tr("处理了 {0} 个冲突的决定").format(len(d.settles)))
        return "；".join(notes)

    def cell(self, row: tuple[str, rules.Decision], column: int) -> str:
        kind, d = row
        values = (rules.when_text(d.decided_at), self.step_text(d.step), self.decision_text(d.decision),
                  d.person_name or "—", self.role_text(d.decided_as or d.role), d.reason or "",
                  self.signature_text(d), self.note(kind, d))
        return values[column]

    def colour(self, row: tuple[str, rules.Decision]) -> str | None:
        kind, d = row
        if kind == self.CONFLICT or d.override:
            return CONFLICT_COLOUR
        if kind == self.SUPERSEDED:
            return SET_ASIDE_COLOUR
        if d.decision == rules.RETURN:
            return CURRENT_COLOUR
        return None
