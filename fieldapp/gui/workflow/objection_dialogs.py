"""Recording an objection (异议) to a household on a notice, and handling it with a result.

:class:`ObjectionDialog` picks the notice and one of the households it lists (never typed), who objected,
what they said and when it was received (within the notice's period: the service refuses a day outside it).
:class:`HandleDialog` records what was done and the result, 异议成立 (upheld: the step's decider then fails
or returns the step) or 异议不成立 (dismissed). An objection without a result blocks every pass of the
household's workflow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from fieldapp.domain import notice as rules
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.notice_fields import pydate, qdate
from fieldapp.gui.workflow.op_dialog import OpDialog
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import objections
from fieldapp.services.workflow.notices import NoticeView
from fieldapp.services.workflow.store import Named


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().height() * 4 + 12)
    return box


class ObjectionDialog(OpDialog):
    """登记异议: a household on a notice, from whom, what, received when."""

    def __init__(self, ctx: AppContext, found: Sequence[NoticeView], names: Mapping[str, Named], *,
                 notice_id: str | None = None, tasks: TaskManager | None = None, hub: ChangeHub | None = None,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.setWindowTitle(self.tr("登记异议"))
        self.ok_button.setText(self.tr("登记"))
        self.names = names
        self.notice = QComboBox(self)
        for n in found:
            self.notice.addItem(self.tr("{0} 至 {1}，{2} 户（{3}）").format(
                n.period_start.isoformat(), n.period_end.isoformat(), len(n.household_ids), n.id[-8:]), n)
        if notice_id is not None:
            index = next((i for i, n in enumerate(found) if n.id == notice_id), -1)
            if index >= 0:
                self.notice.setCurrentIndex(index)
        self.household = QComboBox(self)
        self.from_whom = QLineEdit(self)
        self.from_whom.setPlaceholderText(self.tr("异议人姓名；匿名反映的写“匿名”"))
        self.content = _text_box(self, self.tr("异议内容"))
        self.received = QDateEdit(qdate(today or dt.date.today()), self)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("公示(&N)："), self.notice)
        form.addRow(self.tr("农户(&H)："), self.household)
        form.addRow(self.tr("异议人(&F)："), self.from_whom)
        form.addRow(self.tr("内容(&C)："), self.content)
        form.addRow(self.tr("收到日期(&D)："), self.received)
        self.body.addLayout(form)
        note = QLabel(self.tr("异议须在公示期内收到；办结前，该户的流程不能通过。"), self)
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.notice.currentIndexChanged.connect(self._notice_chosen)
        self._notice_chosen()
        self.setMinimumWidth(560)
        self.notice.setFocus()

    def _notice_chosen(self) -> None:
        self.household.clear()
        n = self.notice.currentData()
        for hid in (n.household_ids if n is not None else ()):
            self.household.addItem(self.names[hid].text() if hid in self.names else hid[-8:], hid)

    def submit(self) -> None:
        self.error.hide()
        hid = self.household.currentData()
        if not hid:
            self.show_error(self.tr("请选择公示中的农户"))
            return
        ctx, who, what, day = self.ctx, self.from_whom.text(), self.content.toPlainText(), pydate(self.received.date())
        self.run(lambda: objections.add(ctx, str(hid), from_whom=who, content=what, received_on=day),
                 lambda o: [o.household_id], self.tr("已登记异议：{0}").format(self.household.currentText()))


class HandleDialog(OpDialog):
    """办理异议: what was done, the result, the day it was concluded."""

    def __init__(self, ctx: AppContext, objection: rules.ObjectionView, who: str, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.objection = objection
        self.setWindowTitle(self.tr("办理异议"))
        self.ok_button.setText(self.tr("办结"))
        self.what = QLabel(self.tr("{0}：{1} 收到 {2} 的异议：{3}").format(
            who, objection.received_on.isoformat(), objection.from_whom, objection.content), self)
        self.what.setWordWrap(True)
        self.handling = _text_box(self, self.tr("办理情况：如何核实、结论是什么"))
        self.upheld = QRadioButton(self.tr("异议成立(&U)"), self)
        self.dismissed = QRadioButton(self.tr("异议不成立(&M)"), self)
        self.results = QButtonGroup(self)
        for button, code in ((self.upheld, rules.UPHELD), (self.dismissed, rules.DISMISSED)):
            button.setProperty("result", code)
            self.results.addButton(button)
        row = QHBoxLayout()
        row.addWidget(self.upheld)
        row.addWidget(self.dismissed)
        row.addStretch(1)
        self.handled_on = QDateEdit(qdate(today or dt.date.today()), self)
        self.handled_on.setCalendarPopup(True)
        self.handled_on.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("办理情况(&H)："), self.handling)
        form.addRow(self.tr("结果："), row)
        form.addRow(self.tr("办结日期(&D)："), self.handled_on)
        self.body.addWidget(self.what)
        self.body.addLayout(form)
        note = QLabel(self.tr("异议成立的，由该步骤的决定人退回或不通过该步骤并写明理由。"), self)
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.setMinimumWidth(560)
        self.handling.setFocus()

    def submit(self) -> None:
        self.error.hide()
        checked = self.results.checkedButton()
        if checked is None:
            self.show_error(self.tr("请选择办理结果：异议成立或异议不成立"))
            return
        ctx, oid, result = self.ctx, self.objection.id, str(checked.property("result"))
        handling, day = self.handling.toPlainText(), pydate(self.handled_on.date())
        self.run(lambda: objections.handle(ctx, oid, result=result, handling=handling, handled_on=day),
                 lambda o: [o.household_id], self.tr("已办结异议"))
