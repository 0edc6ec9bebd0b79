"""Recording a 评议 meeting (村民代表大会民主评议): the village, the date, the representatives present (a count and
their names), the vote, a summary, and the households it deliberated, ticked among those of the village at a
评议 step (never typed), each with its own vote when the meeting voted household by household.

Keyboard: Tab moves through the fields; in the household table the arrows move, Space ticks, typing a number
in a vote column edits it. The meeting is written by :func:`fieldapp.services.workflow.deliberation.record`
as an operation; its refusal (more votes than people present, a date to come, no household) stays here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.notice_fields import pydate, qdate
from fieldapp.gui.workflow.notice_models import DeliberatedModel
from fieldapp.gui.workflow.op_dialog import OpDialog
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import deliberation
from fieldapp.services.workflow.deliberation import Meeting


class MeetingDialog(OpDialog):
    """登记评议会议."""

    def __init__(self, ctx: AppContext, *, tasks: TaskManager | None = None, hub: ChangeHub | None = None,
                 village_id: str | None = None, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.setWindowTitle(self.tr("登记评议会议"))
        self.ok_button.setText(self.tr("登记"))
        self.today = today or dt.date.today()
        self._build(village_id)
        self.village.currentIndexChanged.connect(self.load_households)
        self.load_households()
        self.resize(760, 620)
        self.village.setFocus()

    def _build(self, village_id: str | None) -> None:
        ctx = self.ctx
        self.village = QComboBox(self)
        for vid, name in setup.villages(ctx):
            self.village.addItem(name, vid)
        if village_id is not None and self.village.findData(village_id) >= 0:
            self.village.setCurrentIndex(self.village.findData(village_id))
        self.held_on = QDateEdit(qdate(self.today), self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setMaximumDate(qdate(self.today))
        self.present = QSpinBox(self)
        self.present.setRange(0, 999)
        self.present.setSuffix(self.tr(" 人"))
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(self.tr("到会代表姓名，以顿号分隔"))
        self.votes_for = QSpinBox(self)
        self.votes_for.setRange(0, 999)
        self.votes_against = QSpinBox(self)
        self.votes_against.setRange(0, 999)
        votes = QHBoxLayout()
        votes.addWidget(QLabel(self.tr("赞成"), self))
        votes.addWidget(self.votes_for)
        votes.addWidget(QLabel(self.tr("反对"), self))
        votes.addWidget(self.votes_against)
        votes.addStretch(1)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("会议纪要：议程、逐户介绍情况、表决方式"))
        self.summary.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self._build_table()
        form = QFormLayout()
        form.addRow(self.tr("村(&V)："), self.village)
        form.addRow(self.tr("会议日期(&D)："), self.held_on)
        form.addRow(self.tr("到会代表(&N)："), self.present)
        form.addRow(self.tr("代表姓名："), self.names)
        form.addRow(self.tr("表决："), votes)
        form.addRow(self.tr("纪要(&S)："), self.summary)
        head = QHBoxLayout()
        head.addWidget(self.waiting_label, 1)
        head.addWidget(self.all_button)
        self.body.addLayout(form)
        self.body.addLayout(head)
        self.body.addWidget(self.table, 1)
        hint = QLabel(self.tr("空格勾选评议的户；逐户表决的，在“本户赞成”“本户反对”中填写票数（可不填）。"), self)
        hint.setWordWrap(True)
        self.body.addWidget(hint)

    def _build_table(self) -> None:
        """The households of the village at a 评议 step: Space ticks, a number in a vote column edits it."""
        self.model = DeliberatedModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        self.all_button = QPushButton(self.tr("全选(&A)"), self)
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self.model.check_all(True))
        self.waiting_label = QLabel(self)
        self.waiting_label.setWordWrap(True)

    def load_households(self) -> None:
        village_id = self.village.currentData()
        found = deliberation.waiting(self.ctx, village_id) if village_id else []
        self.model.set_households(found)
        self.table.resizeColumnsToContents()
        self.waiting_label.setText(self.tr("该村处于评议步骤的户 {0} 户，勾选本次会议评议的户：").format(len(found))
                                   if found else self.tr("该村没有处于评议步骤的户（流程到达评议步骤后才能评议）。"))

    def submit(self) -> None:
        self.error.hide()
        chosen = self.model.chosen()
        half = self.model.half_votes()
        if not chosen:
            self.show_error(self.tr("请勾选本次会议评议的户"))
            self.table.setFocus()
            return
        if half:
            self.show_error(self.tr("逐户表决须同时填写赞成和反对票数：{0}").format("、".join(half)))
            self.table.setFocus()
            return
        ctx, village_id = self.ctx, str(self.village.currentData())
        held_on, today = pydate(self.held_on.date()), self.today
        present, names = self.present.value(), self.names.text()
        yes, no, summary = self.votes_for.value(), self.votes_against.value(), self.summary.toPlainText()
        votes = self.model.household_votes()

        def write() -> Meeting:
            return deliberation.record(ctx, village_id, held_on, present_count=present, present_names=names,
                                       votes_for=yes, votes_against=no, summary=summary, household_ids=chosen,
                                       household_votes=votes, today=max(today, dt.date.today()))

        self.run(write, lambda m: [h.household_id for h in m.households],
                 self.tr("已登记评议会议：{0}，评议 {1} 户").format(held_on.isoformat(), len(chosen)))
