"""The 打印 page's forms for documents about many households: 公示名单 and 村台账.

- 公示名单: the households selected in the 农户 list, 新识别/退出, the notice period, contact, issuing body;
- 村台账: village, group, status, attribute and cause filters, or the 农户 list's own filter and search.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from fieldapp.domain.errors import ValidationError
from fieldapp.gui import codes
from fieldapp.gui.printing.forms import DocumentForm, HouseholdSource, qdate_to_date
from fieldapp.gui.printing.jobs import LedgerRequest, NoticeRequest
from fieldapp.services import setup
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext


class NoticeForm(DocumentForm):
    """公示名单."""

    key = "notice"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        today = QDate.currentDate()
        self.selection_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("新识别（拟纳入）"), "entry")
        self.kind.addItem(self.tr("退出（拟退出）"), "exit")
        self.start = QDateEdit(today, self)
        self.end = QDateEdit(today.addDays(6), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.days_label = QLabel(self)
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("例如：村委会 李主任 13900000000"))
        self.contact.setMinimumWidth(320)
        self.issuer = QLineEdit(self)
        self.issuer.setPlaceholderText(self.tr("留空则为“××村民委员会”"))
        self.issuer.setMinimumWidth(320)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.end)
        period.addWidget(self.days_label)
        period.addStretch(1)
        self.form.addRow(self.tr("公示的户"), self.selection_label)
        self.form.addRow(self.tr("类别"), self.kind)
        self.form.addRow(self.tr("公示期"), period)
        self.form.addRow(self.tr("异议受理"), self.contact)
        self.form.addRow(self.tr("公示单位"), self.issuer)
        self.start.dateChanged.connect(self._period_changed)
        self.end.dateChanged.connect(self._period_changed)
        self._period_changed()
        self.refresh()

    def _period_changed(self) -> None:
        days = self.start.date().daysTo(self.end.date()) + 1
        self.days_label.setText(self.tr("共 {0} 天").format(days) if days > 0 else self.tr("结束日期早于开始日期"))
        self.changed.emit()

    def refresh(self) -> None:
        self.selection_label.setText(self.tr("{0} 户（在“农户”页中选择，可按 Ctrl 或 Shift 多选）")
                                     .format(len(self.selected())))

    def request(self) -> NoticeRequest:
        ids = tuple(self.selected())
        start, end = qdate_to_date(self.start.date()), qdate_to_date(self.end.date())
        problems = []
        if not ids:
            problems.append(self.tr("请先在“农户”页中选择要公示的户"))
        if end < start:
            problems.append(self.tr("公示结束日期不能早于开始日期"))
        if not self.contact.text().strip():
            problems.append(self.tr("请填写异议受理联系人及电话"))
        if problems:
            raise ValidationError({f"_{i}": p for i, p in enumerate(problems)})
        kind = self.kind.currentData()
        return NoticeRequest(self.tr("公示名单-{0}").format(self.kind.currentText()), ids, kind, start, end,
                             self.contact.text().strip(), self.issuer.text().strip() or None)


class LedgerForm(DocumentForm):
    """村台账."""

    key = "ledger"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        everything = self.tr("全部")
        self.village = self.village_combo(everything)
        self.group = QComboBox(self)
        self.status = QComboBox(self)
        codes.fill_code_combo(self.status, ctx.ref["exit_status"], blank=everything)
        self.attribute = QComboBox(self)
        codes.fill_code_combo(self.attribute, ctx.ref["household_attribute"], blank=everything)
        self.cause = QComboBox(self)
        codes.fill_code_combo(self.cause, ctx.ref["poverty_cause"], blank=everything)
        self.same_as_list = QCheckBox(self.tr("与“农户”页当前的筛选和搜索相同"), self)
        self.same_as_list.setEnabled(source is not None)
        self.form.addRow("", self.same_as_list)
        for label, combo in ((self.tr("村"), self.village), (self.tr("组"), self.group),
                             (self.tr("脱贫状态"), self.status), (self.tr("贫困户属性"), self.attribute),
                             (self.tr("主要致贫原因"), self.cause)):
            self.form.addRow(label, combo)
        self.village.currentIndexChanged.connect(
            lambda _i: self.fill_groups(self.group, self.village.currentData(), everything))
        self.same_as_list.toggled.connect(self._update)
        self.fill_groups(self.group, None, everything)
        self._update()

    def _update(self) -> None:
        own = not self.same_as_list.isChecked()
        for combo in (self.village, self.group, self.status, self.attribute, self.cause):
            combo.setEnabled(own)
        self.changed.emit()

    def query(self) -> HouseholdQuery:
        if self.same_as_list.isChecked() and self.source is not None:
            return self.source.current_query().with_(sort="hh_no", descending=False)
        filters = {key: combo.currentData() for key, combo in (
            ("village_id", self.village), ("group_no", self.group), ("exit_status", self.status),
            ("attribute", self.attribute), ("main_cause", self.cause))}
        return HouseholdQuery(filters={k: v for k, v in filters.items() if v not in (None, "")}, sort="hh_no")

    def request(self) -> LedgerRequest:
        query = self.query()
        village_id = query.filters.get("village_id")
        name = next((n for v, n in setup.villages(self.ctx) if v == village_id), self.tr("全部村"))
        return LedgerRequest(self.tr("村台账-{0}").format(name), query)
