"""The 打印 page's forms for documents about many households: 公示名单 and 村台账.

- 公示名单: a workflow's 公示/公告 step and village: the households at that step, the period (at least the
  minimum of ``workflows.json``) and where to object; issued (signed) as an operation, then printed — or, when a
  notice already lists those households, printed again (as ``fieldapp print notice --workflow W --step S``);
- 村台账: village, group, status, attribute and cause filters, or the 农户 list's own filter and search.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from fieldapp.gui import codes
from fieldapp.gui.printing.forms import DocumentForm, HouseholdSource
from fieldapp.gui.printing.jobs import LedgerRequest, WorkflowNoticeRequest
from fieldapp.gui.workflow.notice_fields import IssueChoice, NoticeFields
from fieldapp.services import setup
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext
from fieldapp.services.workflow.notices import NoticeView


@dataclass(frozen=True)
class IssueNoticeRequest:
    """A notice to issue (signed: a write, run as an operation by the page) and then print."""

    title: str
    choice: IssueChoice

    def printing(self, notice: NoticeView) -> WorkflowNoticeRequest:
        return WorkflowNoticeRequest(self.title, notice.id)


class NoticeForm(DocumentForm):
    """公示名单: made from a workflow's 公示/公告 step, the households at it in one village (never hand-picked)."""

    key = "notice"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.fields = NoticeFields(ctx, self)
        self.existing = QLabel(self)
        self.existing.setObjectName("existing_notice")
        self.existing.setWordWrap(True)
        self.form.addRow(self.fields)
        self.form.addRow(self.existing)
        self.fields.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        found = self.fields.existing
        self.existing.setVisible(found is not None)
        if found is not None:
            self.existing.setText(self.tr("已签发的公示 {0}（{1} 至 {2}，{3} 户）已列入处于该步骤的户："
                                          "生成时重新打印这份公示，不再签发。").format(
                found.id[-8:], found.period_start.isoformat(), found.period_end.isoformat(),
                len(found.household_ids)))
        self.changed.emit()

    def refresh(self) -> None:
        self.fields.refresh()

    def request(self) -> IssueNoticeRequest | WorkflowNoticeRequest:
        found = self.fields.existing
        if found is not None:
            return WorkflowNoticeRequest(self.tr("公示-{0}").format(self.fields.step.currentText()
                                                                 .replace(" · ", "-")), found.id)
        choice = self.fields.choice()
        return IssueNoticeRequest(self.tr("公示-{0}").format(choice.title), choice)


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
