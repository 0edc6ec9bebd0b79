"""The choices a 公示/公告 is issued from: a workflow's notice step, the village, the period and where to object.

Shared by the 公示与评议 page's issue dialog and the 打印 page's notice form, so a notice is made the same way
wherever it is asked for (and as ``fieldapp print notice --workflow W --step S``): from the households whose
open workflow is at that step in that village, listed here as they are found, never typed. The period is
a first day and a number of days (at least ``notice_minimum_days`` of ``workflows.json``: a shorter one is
refused in place, naming the minimum); a notice that already lists the households at the step is shown,
to be printed again rather than issued twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from fieldapp.domain import workflow as flows
from fieldapp.domain.errors import ValidationError
from fieldapp.gui import i18n
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.services import setup
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import notices
from fieldapp.services.workflow.notices import NoticeView
from fieldapp.services.workflow.store import AtStep

SHOWN = 4  # households named on the form; the rest in its tooltip (and on the notice)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class IssueChoice:
    """What to issue: the step's households of one village, the period and where to object."""

    kind: str
    step: str
    village_id: str
    start: dt.date
    days: int
    contact: str
    household_ids: tuple[str, ...]
    title: str  # e.g. 东村-精准识别（纳入）第一次公示, for the PDF's file name

    def issue(self, ctx: AppContext) -> NoticeView:
        """Issue it (the database thread): signed, from the households at the step when it runs."""
        return notices.issue(ctx, self.kind, self.step, start=self.start, days=self.days, contact=self.contact,
                             village_id=self.village_id)


class NoticeFields(QWidget):
    """流程步骤, 村, the households at the step, 公示期 (first day, days, last day), 异议受理."""

    #: the choices changed
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.minimum = flows.definitions(ctx.ref).notice_minimum_days
        self.found: list[AtStep] = []
        self.existing: NoticeView | None = None
        lang = i18n.ref_language()
        self.step = QComboBox(self)
        for definition, step in notices.notice_steps(ctx):
            self.step.addItem(f"{definition.text(lang)} · {step.code} {step.text(lang)}",
                             f"{definition.kind}:{step.code}")
        self.village = QComboBox(self)
        for village_id, name in setup.villages(ctx):
            self.village.addItem(name, village_id)
        self.households = QLabel(self)
        self.households.setObjectName("notice_households")
        self.households.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start = QDateEdit(qdate(dt.date.today()), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox(self)
        self.days.setRange(1, 90)
        self.days.setValue(self.minimum)
        self.days.setSuffix(self.tr(" 天"))
        self.end_label = QLabel(self)
        self.period_error = QLabel(self)
        self.period_error.setObjectName("period_error")
        self.period_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.period_error.hide()
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("例如：村委会办公室 李主任 13900000000"))
        self.contact.setMinimumWidth(360)
        self._lay_out()
        self.step.currentIndexChanged.connect(self.refresh)
        self.village.currentIndexChanged.connect(self.refresh)
        self.start.dateChanged.connect(self._period_changed)
        self.days.valueChanged.connect(self._period_changed)
        self.contact.textChanged.connect(lambda _t: self.changed.emit())
        self.refresh()

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("起，共"), self))
        period.addWidget(self.days)
        period.addWidget(self.end_label)
        period.addStretch(1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(self.tr("流程步骤(&S)"), self.step)
        self.form.addRow(self.tr("村(&V)"), self.village)
        self.form.addRow(self.tr("公示的户"), self.households)
        period_label = QLabel(self.tr("公示期(&D)"), self)
        period_label.setBuddy(self.start)  # the row is a layout: its label needs a buddy for Alt+D
        self.form.addRow(period_label, period)
        self.form.addRow("", self.period_error)
        self.form.addRow(self.tr("异议受理(&C)"), self.contact)

    def choose(self, kind: str, step: str, village_id: str | None = None) -> None:
        """Preselect a workflow's step (and village)."""
        index = self.step.findData(f"{kind}:{step}")
        if index >= 0:
            self.step.setCurrentIndex(index)
        if village_id is not None and self.village.findData(village_id) >= 0:
            self.village.setCurrentIndex(self.village.findData(village_id))

    def kind_and_step(self) -> tuple[str, str] | None:
        data = self.step.currentData()
        if not data:
            return None
        kind, _sep, step = str(data).partition(":")
        return kind, step

    def refresh(self) -> None:
        """Read the households now at the step (and a notice already listing them)."""
        chosen = self.kind_and_step()
        village_id = self.village.currentData()
        self.found = notices.at_step(self.ctx, *chosen, village_id) if chosen and village_id else []
        self.existing = notices.standing(self.ctx, *chosen, {a.household_id: a.workflow.state.since
                                                            for a in self.found}) if chosen and self.found else None
        for widget in (self.start, self.days, self.contact):  # a standing notice keeps its own period and contact
            widget.setEnabled(self.existing is None)
        if not self.found:
            self.households.setText(self.tr("该村没有处于这一步骤的户"))
        else:
            # one line (a wrapped label in a nested form is clipped): the first few, every one in the tooltip
            names = "、".join(a.household.text() for a in self.found[:SHOWN]) + ("…" if len(self.found) > SHOWN else "")
            self.households.setText(self.tr("{0} 户：{1}").format(len(self.found), names))
            self.households.setToolTip("\n".join(a.household.text() for a in self.found))
        self._period_changed()

    def _period_changed(self) -> None:
        days = self.days.value()
        end = pydate(self.start.date()) + dt.timedelta(days=days - 1)
        self.end_label.setText(self.tr("至 {0}").format(end.isoformat()))
        short = days < self.minimum
        self.period_error.setText(self.tr("公示期不得少于 {0} 天（workflows.json 的公示最短天数）")
                                  .format(self.minimum))
        self.period_error.setVisible(short)
        self.changed.emit()

    def choice(self) -> IssueChoice:
        """What to issue; ``ValidationError`` listing what is missing or wrong."""
        problems: dict[str, str] = {}
        chosen = self.kind_and_step()
        village_id = self.village.currentData()
        if chosen is None or not village_id:
            problems["_step"] = self.tr("请选择流程步骤和村")
        elif not self.found:
            problems["_households"] = self.tr("该村没有处于这一步骤的户，无从公示")
        if self.days.value() < self.minimum:
            problems["_days"] = self.tr("公示期 {0} 天太短：公示期不得少于 {1} 天").format(self.days.value(),
                                                                                   self.minimum)
        if not self.contact.text().strip():
            problems["_contact"] = self.tr("请写明异议受理的地点、联系人及电话")
        if problems:
            raise ValidationError(problems)
        assert chosen is not None
        title = f"{self.village.currentText()}-{self.step.currentText().replace(' · ', '-')}"
        return IssueChoice(chosen[0], chosen[1], str(village_id), pydate(self.start.date()), self.days.value(),
                           self.contact.text().strip(), tuple(a.household_id for a in self.found), title)
