"""The 打印 page's 责任倒查 documents: a household's trace and a person's report.

- 责任倒查表: one household (by 户编号, card code, head's name or the list's current household),
  optionally one field, whose every value is then listed with who entered it;
- 个人填报与核查情况: one person of the registry and a period.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from fieldapp.domain.errors import ValidationError
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.printing.forms import DocumentForm, HouseholdFileForm, HouseholdSource, household_summary
from fieldapp.gui.printing.jobs import PersonTraceRequest, TraceRequest
from fieldapp.services import lookups
from fieldapp.services.context import AppContext

TRACED_TABLES = ("household", "member", "income_year", "indicator", "measure")


class TraceForm(HouseholdFileForm):
    """责任倒查表 of one household."""

    key = "trace"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.bank.setChecked(False)
        for hidden in (self.bank, self.bank_warning):
            self.form.setRowVisible(hidden, False)  # a trace prints no bank data
        self.field = QComboBox(self)
        self.field.addItem(self.tr("全部项目（现值由谁填报）"), None)
        seen: set[str] = set()
        for table in TRACED_TABLES:
            for meta in ctx.ref.fields.of_table(table):
                label = meta.text()  # the printed trace is in Simplified Chinese: it matches by that label
                if label not in seen:
                    seen.add(label)
                    self.field.addItem(self.tr("只查“{0}”的每一次填报").format(field_label(table, meta.column)), label)
        self.form.addRow(self.tr("项目"), self.field)

    def request(self) -> TraceRequest:  # type: ignore[override]
        if self.household_id is None:
            self._look_up()
        if self.household_id is None:
            raise ValidationError({"_household": self.tr("请先选择农户（户编号、公示牌编码或户主姓名）")})
        info = household_summary(self.ctx, self.household_id)
        title = self.tr("责任倒查表-{0}-{1}").format(info.head_name if info and info.head_name else "",
                                                    info.hh_no if info and info.hh_no else "")
        return TraceRequest(title, self.household_id, field_label=self.field.currentData(),
                            full_ids=self.full_ids.isChecked())


class PersonTraceForm(DocumentForm):
    """个人填报与核查情况 of one person and period."""

    key = "person_trace"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.person = QComboBox(self)
        for person in lookups.people(ctx.db):
            self.person.addItem(person.name, person.id)
        if ctx.session is not None:
            self.person.setCurrentIndex(max(self.person.findData(ctx.session.person_id), 0))
        today = dt.date.today()
        self.start = QDateEdit(QDate(today.year, 1, 1), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.end)
        period.addStretch(1)
        self.form.addRow(self.tr("人员"), self.person)
        self.form.addRow(self.tr("期间"), period)

    def request(self) -> PersonTraceRequest:
        person_id = self.person.currentData()
        if not person_id:
            raise ValidationError({"_person": self.tr("请选择人员")})
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            raise ValidationError({"_period": self.tr("结束日期早于开始日期")})
        title = self.tr("个人填报与核查情况-{0}-{1}至{2}").format(self.person.currentText(), start, end)
        return PersonTraceRequest(title, person_id, start, end)
