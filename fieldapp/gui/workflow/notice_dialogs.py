"""Issuing a 公示/公告 from a workflow step, and recording the day it was put up.

:class:`IssueNoticeDialog` takes the step, village, period and where to object (:class:`NoticeFields`,
the households listed as found at the step); issuing signs it (签字背书) in the same operation.
:class:`PostDialog` records the posting date (no later than the period's first day: the service refuses a
later one, and a notice posted late is issued anew).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLabel, QWidget

from fieldapp.domain.errors import ValidationError
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.workflow.notice_fields import NoticeFields, pydate, qdate
from fieldapp.gui.workflow.op_dialog import OpDialog, refusal_text
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import notices
from fieldapp.services.workflow.notices import NoticeView


class IssueNoticeDialog(OpDialog):
    """签发公示: from the households at a workflow's 公示/公告 step of one village."""

    def __init__(self, ctx: AppContext, *, tasks: TaskManager | None = None, hub: ChangeHub | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.setWindowTitle(self.tr("签发公示"))
        self.ok_button.setText(self.tr("签发并签字"))
        self.fields = NoticeFields(ctx, self)
        self.existing = QLabel(self)
        self.existing.setObjectName("existing_notice")
        self.existing.setWordWrap(True)
        self.print_after = QCheckBox(self.tr("签发后打印(&P)"), self)
        self.print_after.setChecked(True)
        note = QLabel(self.tr("公示由签发人以本人签名密钥签字，打印件带验证二维码；"
                              "签发后不能修改，张贴后记录张贴日期。"), self)
        note.setWordWrap(True)
        self.body.addWidget(self.fields)
        self.body.addWidget(self.existing)
        self.body.addWidget(self.print_after)
        self.body.addWidget(note)
        self.body.addStretch(1)
        self.fields.changed.connect(self._update)
        self._update()
        self.setMinimumWidth(640)
        self.fields.step.setFocus()

    def _update(self) -> None:
        found = self.fields.existing
        self.existing.setVisible(found is not None)
        self.ok_button.setEnabled(found is None)  # the households are on a notice already: print that one
        if found is not None:
            self.existing.setText(self.tr("已签发的公示 {0}（{1} 至 {2}）已列入处于该步骤的户：请在列表中选中它打印，"
                                          "不必重新签发。").format(found.id[-8:], found.period_start.isoformat(),
                                                                 found.period_end.isoformat()))

    def submit(self) -> None:
        self.error.hide()
        try:
            choice = self.fields.choice()
        except ValidationError as exc:  # what is missing or too short, listed
            self.show_error(refusal_text(exc))
            return
        ctx = self.ctx
        self.run(lambda: choice.issue(ctx), lambda n: n.household_ids,
                 self.tr("已签发公示：{0} 户，{1} 至 {2}").format(len(choice.household_ids), choice.start.isoformat(),
                                                          (choice.start + dt.timedelta(days=choice.days - 1))
                                                          .isoformat()))


class PostDialog(OpDialog):
    """记录张贴: the day the notice was put up."""

    def __init__(self, ctx: AppContext, notice: NoticeView, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.notice = notice
        self.setWindowTitle(self.tr("记录张贴"))
        self.ok_button.setText(self.tr("记录"))
        day = min(today or dt.date.today(), notice.period_start)
        self.posted_on = QDateEdit(qdate(day), self)
        self.posted_on.setCalendarPopup(True)
        self.posted_on.setDisplayFormat("yyyy-MM-dd")
        what = QLabel(self.tr("公示 {0}：{1} 户，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日；"
                              "晚于开始日张贴的，公示期不足，须重新签发。").format(
            notice.id[-8:], len(notice.household_ids), notice.period_start.isoformat(),
            notice.period_end.isoformat(), notice.days), self)
        what.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("张贴日期(&D)："), self.posted_on)
        self.body.addWidget(what)
        self.body.addLayout(form)
        self.setMinimumWidth(480)
        self.posted_on.setFocus()

    def submit(self) -> None:
        ctx, notice_id, day = self.ctx, self.notice.id, pydate(self.posted_on.date())
        self.run(lambda: notices.post(ctx, notice_id, day), lambda n: n.household_ids,
                 self.tr("已记录张贴：{0}").format(day.isoformat()))
