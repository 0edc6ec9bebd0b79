"""Issuing a disclosure notice, recording its posting, recording an objection to it.

:class:`IssueDisclosureDialog` takes the kind, what it is about (a project, or a village and year), the period
and where to object; the amounts are not typed: the service reads them from the project ledger and signs them
with the notice. A period shorter than the setting is refused in the dialog, in the service's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from fieldapp.domain import disclosure as rules
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.gui.workflow.notice_fields import pydate, qdate
from fieldapp.gui.workflow.op_dialog import OpDialog
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import service
from fieldapp.services.disclosure.service import DisclosureView
from fieldapp.services.projects.records import ProjectLine


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class IssueDisclosureDialog(OpDialog):
    """签发资金公示: kind, project or village and year, period, where to object."""

    def __init__(self, ctx: AppContext, villages: Sequence[tuple[str, str]], projects: Sequence[ProjectLine], *,
                 tasks: TaskManager | None = None, hub: ChangeHub | None = None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        day = today or dt.date.today()
        self.setWindowTitle(self.tr("签发资金公示"))
        self.ok_button.setText(self.tr("签发并签字"))
        self.kind = QComboBox(self)
        for code, text in ((rules.PLAN, self.tr("资金使用计划公示（村、年度）")),
                           (rules.PROJECT, self.tr("项目公示（开工前）")),
                           (rules.COMPLETION, self.tr("项目完成公告（验收合格后）")),
                           (rules.SUBSIDY, self.tr("到户补助公示（项目，或村、年度）"))):
            self.kind.addItem(text, code)
        self.village = QComboBox(self)
        for village_id, name in villages:
            self.village.addItem(name, village_id)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(day.year)
        self.project = QComboBox(self)
        self.project.addItem(self.tr("—（按村和年度）"), None)
        for p in projects:
            self.project.addItem(f"{p.area_name} · {p.name}", p.id)
        self.start = _date_edit(self, day)
        self.days = QSpinBox(self)
        self.days.setRange(1, 90)
        self.days.setValue(service.minimum_days(ctx))
        self.days.setSuffix(self.tr(" 天"))
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("如：村委会办公室 王主任 139…"))
        self.print_after = QCheckBox(self.tr("签发后打印(&P)"), self)
        self.print_after.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("类别(&K)："), self.kind)
        form.addRow(self.tr("项目(&J)："), self.project)
        form.addRow(self.tr("村(&V)："), self.village)
        form.addRow(self.tr("年度(&Y)："), self.year)
        form.addRow(self.tr("公示开始(&S)："), self.start)
        form.addRow(self.tr("公示天数(&D)："), self.days)
        form.addRow(self.tr("异议受理(&C)："), self.contact)
        note = QLabel(self.tr("金额取自项目台账，不能手工填写；签发人以本人签名密钥签字，打印件带验证二维码。"
                              "公示期不得少于 {0} 天。签发后账目有变动的，公示显示为已过时，须重新签发。")
                      .format(service.minimum_days(ctx)), self)
        note.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(self.print_after)
        self.body.addWidget(note)
        self.body.addStretch(1)
        self.kind.currentIndexChanged.connect(lambda _i: self._update())
        self.project.currentIndexChanged.connect(lambda _i: self._update())
        self._update()
        self.setMinimumWidth(600)
        self.kind.setFocus()

    def _update(self) -> None:
        kind = self.kind.currentData()
        by_project = kind in (rules.PROJECT, rules.COMPLETION) or (kind == rules.SUBSIDY and self.project.currentData())
        self.project.setEnabled(kind != rules.PLAN)
        self.village.setEnabled(not by_project)
        self.year.setEnabled(not by_project)

    def submit(self) -> None:
        self.error.hide()
        kind = str(self.kind.currentData())
        project_id = self.project.currentData() if kind != rules.PLAN else None
        if kind in (rules.PROJECT, rules.COMPLETION) and not project_id:
            self.show_error(self.tr("请选择项目"))
            return
        village_id = None if project_id else self.village.currentData()
        year = None if project_id else self.year.value()
        ctx, start, days, contact = self.ctx, pydate(self.start.date()), self.days.value(), self.contact.text()

        def issue() -> DisclosureView:
            return service.issue(ctx, kind, start=start, days=days, contact=contact, project_id=project_id,
                                 village_id=village_id, year=year)

        self.run(issue, lambda v: v.household_ids,
                 self.tr("已签发{0}：{1} 至 {2}").format(self.kind.currentText(), start.isoformat(),
                                                     (start + dt.timedelta(days=days - 1)).isoformat()))


class PostDisclosureDialog(OpDialog):
    """记录张贴 of a disclosure notice (no later than its first day)."""

    def __init__(self, ctx: AppContext, notice: DisclosureView, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.notice = notice
        self.setWindowTitle(self.tr("记录张贴"))
        self.ok_button.setText(self.tr("记录"))
        self.posted_on = _date_edit(self, min(today or dt.date.today(), notice.period_start))
        what = QLabel(self.tr("{0}：{1}，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日。").format(
            notice.title, notice.scope, notice.period_start.isoformat(), notice.period_end.isoformat(),
            notice.days), self)
        what.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("张贴日期(&D)："), self.posted_on)
        self.body.addWidget(what)
        self.body.addLayout(form)
        self.setMinimumWidth(480)
        self.posted_on.setFocus()

    def submit(self) -> None:
        ctx, notice_id, day = self.ctx, self.notice.id, pydate(self.posted_on.date())
        self.run(lambda: service.post(ctx, notice_id, day), lambda v: v.household_ids,
                 self.tr("已记录张贴：{0}").format(day.isoformat()))


class DisclosureObjectionDialog(OpDialog):
    """登记异议 to a disclosure notice: from whom, what, when received (within the period)."""

    def __init__(self, ctx: AppContext, notice: DisclosureView, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", "", tasks=tasks, hub=hub, parent=parent)
        self.notice = notice
        self.setWindowTitle(self.tr("登记异议"))
        self.ok_button.setText(self.tr("登记"))
        self.from_whom = QLineEdit(self)
        self.from_whom.setPlaceholderText(self.tr("姓名；匿名反映的写“匿名”"))
        self.content = QPlainTextEdit(self)
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("异议内容"))
        self.received_on = _date_edit(self, today or dt.date.today())
        what = QLabel(self.tr("{0}：{1}，公示期 {2} 至 {3}").format(
            notice.title, notice.scope, notice.period_start.isoformat(), notice.period_end.isoformat()), self)
        what.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("异议人(&F)："), self.from_whom)
        form.addRow(self.tr("内容(&C)："), self.content)
        form.addRow(self.tr("收到日期(&D)："), self.received_on)
        self.body.addWidget(what)
        self.body.addLayout(form)
        self.setMinimumWidth(520)
        self.from_whom.setFocus()

    def submit(self) -> None:
        ctx, notice_id = self.ctx, self.notice.id
        who, what, day = self.from_whom.text(), self.content.toPlainText(), pydate(self.received_on.date())
        self.run(lambda: service.object_to(ctx, notice_id, from_whom=who, content=what, received_on=day),
                 lambda o: [o.household_id], self.tr("已登记异议"))


@dataclass(frozen=True)
class DisclosureRequest:
    """An issued disclosure notice printed from its signed figures (a print job's request)."""

    title: str
    notice_id: str

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        from fieldapp.services.printing.disclosure import render_disclosure

        view = service.get(ctx, self.notice_id)
        render_disclosure(ctx, view, out)
        return QCoreApplication.translate("DisclosureRequest", "{0}，{1} 至 {2}").format(
            view.scope, view.period_start.isoformat(), view.period_end.isoformat())
