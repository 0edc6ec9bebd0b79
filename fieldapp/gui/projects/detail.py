"""One project in detail, beside the list: its figures and budget by channel, the beneficiary households with
their amounts, the progress updates with their photos, the disbursements and the acceptances with the state of
their signatures. What it shows is read on the database thread (:func:`read_detail`), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.money import format_yuan
from fieldapp.gui import i18n
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse, records
from fieldapp.services.projects.records import ProjectView
from fieldapp.services.signoff import service as signoff

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
THUMB = 96


@dataclass(frozen=True)
class Detail:
    """A project as the pane shows it: the view, each acceptance's signature state, each photo's thumbnail."""

    view: ProjectView
    signatures: dict[str, signoff.Status] = field(default_factory=dict)  # acceptance id -> status
    thumbs: dict[str, bytes] = field(default_factory=dict)  # photo id -> JPEG thumbnail


def read_detail(ctx: AppContext, project_id: str) -> Detail:
    """Everything the pane shows of one project (runs on the database thread)."""
    view = records.get(ctx.db, project_id)
    states = {a.id: signoff.status(ctx.db, "project_acceptance", a.id) for a in view.acceptances}
    ids = [p for update in view.progress for p in update.photo_ids]
    thumbs: dict[str, bytes] = {}
    for photo_id, sha in browse.photo_hashes(ctx.db, ids).items():
        data = ctx.photos.read_thumb(sha)
        if data:
            thumbs[photo_id] = data
    return Detail(view, states, thumbs)


def _table(headers: Sequence[str], numeric: Sequence[int] = ()) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setProperty("numeric", list(numeric))
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    numeric = table.property("numeric") or []
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


class ProjectDetail(QTabWidget):
    """The selected project's detail in tabs: 概况, 受益户, 进度, 拨付, 验收."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: Detail | None = None
        self.setDocumentMode(True)
        self.addTab(self._summary_tab(), self.tr("概况与预算"))
        self.beneficiaries = _table([field_label("household", "hh_no"), self.tr("户主"),
                                     field_label("project_beneficiary", "amount"), self.tr("说明")], numeric=[2])
        self.beneficiary_total = QLabel()
        below = QWidget()
        #: the total, and room for the page's buttons acting on the selected household
        self.beneficiary_row = QHBoxLayout(below)
        self.beneficiary_row.setContentsMargins(0, 0, 0, 0)
        self.beneficiary_row.addWidget(self.beneficiary_total, 1)
        self.addTab(self._with(self.beneficiaries, below), self.tr("受益户"))
        self.progress = _table([self.tr("日期"), self.tr("进度"), self.tr("照片"), self.tr("记录人"),
                                self.tr("进展说明")], numeric=[1, 2])
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setFixedHeight(THUMB + 24)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.progress.itemSelectionChanged.connect(self._show_photos)
        self.addTab(self._with(self.progress, self.photos), self.tr("进度"))
        self.disbursements = _table([self.tr("拨付日期"), self.tr("金额(元)"), field_label("project_disbursement",
                                                                                      "channel"),
                                     self.tr("拨付对象"), self.tr("凭证号"), self.tr("经办人")], numeric=[1])
        self.disbursed_label = QLabel()
        self.addTab(self._with(self.disbursements, self.disbursed_label), self.tr("资金拨付"))
        self.acceptances = _table([self.tr("验收日期"), self.tr("结论"), self.tr("参加人员"), self.tr("验收意见"),
                                   self.tr("签字")])
        self.addTab(self._with(self.acceptances, None), self.tr("验收"))
        self.show_detail(None)

    def _summary_tab(self) -> QWidget:
        page = QWidget()
        self.summary = QFormLayout()
        self.summary_labels: dict[str, QLabel] = {}
        for key, label in (("where", self.tr("村/乡镇")), ("type", field_label("project", "type")),
                           ("unit", field_label("project", "unit")), ("planned", self.tr("计划工期")),
                           ("actual", self.tr("实际工期")), ("approved", field_label("project", "approved_amount")),
                           ("note", field_label("project", "note"))):
            value = self.summary_labels[key] = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label + "：", value)
        self.budget = _table([field_label("project_budget", "channel"), field_label("project_budget", "amount"),
                              self.tr("已拨付(元)"), self.tr("余额(元)")], numeric=[1, 2, 3])
        self.budget.horizontalHeader().setStretchLastSection(False)
        self.budget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout(page)
        row.addLayout(self.summary, 1)
        row.addWidget(self.budget, 1)
        return page

    def _with(self, table: QTableWidget, below: QWidget | None) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(table, 1)
        if below is not None:
            column.addWidget(below)
        return page

    # -- showing ----------------------------------------------------------------------------------

    def selected_beneficiary(self) -> str | None:
        row = self.beneficiaries.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.view.beneficiaries):
            return None
        return self.detail.view.beneficiaries[row].household_id

    def show_detail(self, detail: Detail | None) -> None:
        self.detail = detail
        if detail is None:
            for label in self.summary_labels.values():
                label.setText("")
            for table in (self.budget, self.beneficiaries, self.progress, self.disbursements, self.acceptances):
                table.setRowCount(0)
            self.beneficiary_total.setText("")
            self.disbursed_label.setText("")
            self.photos.clear()
            return
        v = detail.view
        lang = i18n.ref_language()
        ref = self.ctx.ref
        channels = ref["fund_channel"]

        def dates(start: object, end: object) -> str:
            return self.tr("{0} 至 {1}").format(getattr(start, "isoformat", lambda: "—")(),
                                               getattr(end, "isoformat", lambda: "—")())

        industry = f" · {ref['industry'].label(v.industry, lang)}" if v.industry else ""
        approved = (self.tr("{0} 元（{1}）").format(format_yuan(v.approved_amount), v.approved_on.isoformat()
                                                  if v.approved_on else "")
                    if v.approved_amount is not None else self.tr("未批复"))
        texts = {"where": v.area_name, "type": ref["project_type"].label(v.type, lang) + industry, "unit": v.unit,
                 "planned": dates(v.planned_start, v.planned_end), "actual": dates(v.actual_start, v.actual_end),
                 "approved": approved, "note": v.note}
        for key, text in texts.items():
            self.summary_labels[key].setText(text)
        paid: dict[str, int] = {}
        for d in v.disbursements:
            paid[d.channel] = paid.get(d.channel, 0) + d.amount
        rows = [(channels.label(code, lang), format_yuan(amount), format_yuan(paid.get(code, 0)),
                 format_yuan(amount - paid.get(code, 0))) for code, amount in sorted(
            v.budget.items(), key=lambda kv: [c.code for c in channels.codes].index(kv[0])
            if kv[0] in channels else 99)]
        rows.append((self.tr("合计"), format_yuan(v.budget_total), format_yuan(v.disbursed),
                     format_yuan(v.budget_total - v.disbursed)))
        _fill(self.budget, rows)
        _fill(self.beneficiaries, [(b.hh_no or "", b.head or "", format_yuan(b.amount), b.note)
                                   for b in v.beneficiaries])
        total = sum(b.amount for b in v.beneficiaries)
        self.beneficiary_total.setText(self.tr("{0} 户，计划金额合计 {1} 元").format(len(v.beneficiaries),
                                                                              format_yuan(total)))
        _fill(self.progress, [(p.date.isoformat(), f"{p.percent}%", str(len(p.photo_ids)), p.recorded_by_name or "",
                               p.note) for p in v.progress])
        if v.progress:
            self.progress.selectRow(len(v.progress) - 1)
        self._show_photos()
        _fill(self.disbursements, [(d.date.isoformat(), format_yuan(d.amount), channels.label(d.channel, lang),
                                    d.payee, d.voucher_no, d.recorded_by_name or "") for d in v.disbursements])
        self.disbursed_label.setText(self.tr("累计拨付 {0} 元，批复 {1} 元").format(
            format_yuan(v.disbursed), "—" if v.approved_amount is None else format_yuan(v.approved_amount)))
        _fill(self.acceptances, [(a.date.isoformat(), self.tr("合格") if a.passed else self.tr("不合格"),
                                  "、".join(a.members), a.findings, self.signature_text(detail.signatures.get(a.id)))
                                 for a in v.acceptances])

    def signature_text(self, status: signoff.Status | None) -> str:
        if status is None or status.signoff is None:
            return self.tr("未签字")
        who = status.signoff.person_name
        if status.state == signoff.VALID:
            return self.tr("已签字：{0}（验证码 {1}）").format(who, status.signoff.code)
        if status.state == signoff.CHANGED:
            return self.tr("签字后已修改（{0}）").format(who)
        return self.tr("签名无效（{0}）").format(who)

    def _show_photos(self) -> None:
        self.photos.clear()
        detail = self.detail
        row = self.progress.currentRow()
        if detail is None or not 0 <= row < len(detail.view.progress):
            self.photos.setVisible(False)
            return
        ids = detail.view.progress[row].photo_ids
        self.photos.setVisible(bool(ids))
        for photo_id in ids:
            image = QImage.fromData(detail.thumbs.get(photo_id, b""))
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon(), "")
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            self.photos.addItem(item)
