"""The 资产台账 page's dialogs: an asset from an accepted project, a year's income and its distribution to
households, and a signed transfer, damage or disposal.

Each dialog only gathers what was typed and checks what it can see (amounts, a share total above the income,
shown live to the fen); the page runs the write as an operation and, when the service refuses, shows every
problem in the dialog (:meth:`show_problem`), which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import assets as rules
from fieldapp.domain.money import MoneyError, format_yuan, yuan_to_fen
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ChoiceCombo, CodeCombo, ErrorLabel, MoneyEdit, NullableDateEdit, yuan_text
from fieldapp.services.assets import records
from fieldapp.services.assets.service import AssetDraft
from fieldapp.services.context import AppContext

COLLECTIVE = "collective"  # the owner combo's value for the village collective (村集体)


def _first(combo: ChoiceCombo) -> ChoiceCombo:
    """Show the first choice when nothing is chosen (a combo without a blank item)."""
    if combo.currentIndex() < 0 and combo.count():
        combo.setCurrentIndex(0)
    return combo


def _owner(value: object) -> str | None:
    return None if value in (None, COLLECTIVE) else str(value)


class _Dialog(QDialog):
    """OK/Cancel, an error line, and ``on_save(self)`` called by OK (the page runs the write)."""

    def __init__(self, title: str, on_save: Callable[[Any], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.on_save = on_save
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, body: QWidget | QFormLayout | QVBoxLayout) -> None:
        layout = QVBoxLayout(self)
        if isinstance(body, QWidget):
            layout.addWidget(body)
        else:
            layout.addLayout(body)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_problem(self, message: str) -> None:
        self.error.show_message(message)

    def problem(self) -> str | None:
        return None

    def _save(self) -> None:
        found = self.problem()
        if found:
            self.show_problem(found)
            return
        self.error.show_message(None)
        self.on_save(self)


class AddAssetDialog(_Dialog):
    """登记资产: one asset of an accepted project (the project's beneficiaries may own a 到户类 asset)."""

    def __init__(self, ctx: AppContext, projects: Sequence[tuple[str, str]], on_save: Callable[[Any], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记资产（由已验收项目形成）"), on_save, parent)
        self.ctx = ctx
        self.project = _first(ChoiceCombo(projects, blank=None))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.kind = _first(CodeCombo(ctx.ref["asset_kind"], blank=None))
        self.value = MoneyEdit()
        self.location = QLineEdit()
        self.location.setMaxLength(128)
        self.owner = ChoiceCombo([(COLLECTIVE, self.tr("村集体"))], blank=None)
        self.manager = QLineEdit()
        self.manager.setMaxLength(128)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("项目(&P)"), self.project)
        form.addRow(self.tr("资产名称(&N)"), self.name)
        form.addRow(self.tr("类别(&K)"), self.kind)
        form.addRow(self.tr("资产价值（元）(&V)"), self.value)
        form.addRow(self.tr("坐落位置(&L)"), self.location)
        form.addRow(self.tr("产权归属(&O)"), self.owner)
        form.addRow(self.tr("管护主体(&M)"), self.manager)
        form.addRow(self.tr("备注"), self.note)
        self.project.changed.connect(self._project_chosen)
        self.finish_layout(form)
        self._project_chosen()
        self.setMinimumWidth(460)

    def _project_chosen(self) -> None:
        pid = self.project.value()
        choices: list[tuple[str, str]] = [(COLLECTIVE, self.tr("村集体"))]
        if pid:
            from fieldapp.services.projects import records as projects

            view = projects.get(self.ctx.db, pid)
            choices += [(b.household_id, " ".join(x for x in (b.hh_no or "", b.head or "") if x))
                        for b in view.beneficiaries]
        self.owner.set_choices(choices, blank=None)
        _first(self.owner)

    def problem(self) -> str | None:
        if not self.project.value():
            return self.tr("没有已验收的项目：项目验收合格后才能登记资产")
        return self.value.problem()

    def draft(self) -> tuple[str, AssetDraft]:
        owner = _owner(self.owner.value())
        return str(self.project.value()), AssetDraft(
            self.name.text(), str(self.kind.value()), self.value.value() or 0, self.manager.text(),
            location=self.location.text(), owner_household_id=owner, note=self.note.text())


class IncomeDialog(_Dialog):
    """收益及分配: a year's income and each household's share; the shares' total, the income and what the
    collective keeps are shown live, to the fen, and a total above the income is said before saving."""

    def __init__(self, ctx: AppContext, asset: records.AssetView, households: Sequence[records.HouseholdChoice],
                 on_save: Callable[[Any], None], parent: QWidget | None = None, *, year: int | None = None) -> None:
        super().__init__(self.tr("收益及分配 — {0}").format(asset.name), on_save, parent)
        self.asset = asset
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        latest = asset.incomes[-1].year if asset.incomes else dt.date.today().year - 1
        self.year.setValue(year or latest)
        self.income = MoneyEdit()
        self.note = QLineEdit()
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix("%")
        self.percent.setValue(80)
        self.split = QPushButton(self.tr("按比例平均分配(&A)"))
        self.clear = QPushButton(self.tr("清空分配"))
        self.table = QTableWidget(len(households), 2)
        self.table.setHorizontalHeaderLabels([self.tr("农户"), self.tr("分配金额（元）")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.households = list(households)
        for row, h in enumerate(self.households):
            item = QTableWidgetItem(h.words)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.total = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("年度(&Y)"), self.year)
        form.addRow(self.tr("收益（元）(&I)"), self.income)
        form.addRow(self.tr("说明"), self.note)
        splitting = QHBoxLayout()
        splitting.addWidget(QLabel(self.tr("分到户的比例")))
        splitting.addWidget(self.percent)
        splitting.addWidget(self.split)
        splitting.addWidget(self.clear)
        splitting.addStretch(1)
        body = QVBoxLayout()
        body.addLayout(form)
        body.addLayout(splitting)
        body.addWidget(self.table, 1)
        body.addWidget(self.total)
        self.finish_layout(body)
        self.year.valueChanged.connect(self._year_chosen)
        self.income.changed.connect(self._update_total)
        self.table.itemChanged.connect(self._update_total)
        self.split.clicked.connect(self.split_evenly)
        self.clear.clicked.connect(lambda: self._fill({}))
        self._year_chosen()
        self.resize(560, 560)

    def _amount(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, 1)
        assert item is not None  # every row has its amount cell from the start
        return item

    def _fill(self, shares: dict[str, int]) -> None:
        self.table.blockSignals(True)
        for row, h in enumerate(self.households):
            self._amount(row).setText(yuan_text(shares.get(h.id)))
            self._amount(row).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.blockSignals(False)
        self._update_total()

    def _year_chosen(self) -> None:
        found = self.asset.income_of(self.year.value())
        self.income.setValue(found.income if found else None)
        self.note.setText(found.note if found else "")
        self._fill({s.household_id: s.amount for s in found.shares} if found else {})

    def split_evenly(self) -> None:
        """The income's chosen percentage shared evenly (to the fen) among every listed household."""
        income = self.income.value() or 0
        self._fill(rules.split_evenly(income * self.percent.value() // 100, [h.id for h in self.households]))

    def shares(self) -> dict[str, int] | None:
        """household -> fen (blank cells left out); None when a cell is not an amount."""
        found: dict[str, int] = {}
        for row, h in enumerate(self.households):
            text = self._amount(row).text().strip()
            if not text:
                continue
            try:
                fen = yuan_to_fen(text)
            except MoneyError:
                return None
            if fen is None:
                return None
            found[h.id] = fen
        return found

    def _update_total(self) -> None:
        self.error.show_message(None)  # what was said about the earlier figures no longer holds
        shares = self.shares()
        if shares is None:
            self.total.setText(self.tr("有分配金额不是有效的金额（元）"))
            return
        income = self.income.value() or 0
        total = sum(shares.values())
        text = self.tr("分配到户 {0} 户，合计 {1} 元；收益 {2} 元；村集体留存 {3} 元").format(
            len(shares), format_yuan(total), format_yuan(income), format_yuan(income - total))
        self.total.setText(text)
        self.total.setStyleSheet("color: #b00020;" if total > income else "")

    def problem(self) -> str | None:
        if self.income.value() is None:
            return self.income.problem() or self.tr("请填写收益（元）")
        shares = self.shares()
        if shares is None:
            return self.tr("有分配金额不是有效的金额（元）")
        found = rules.distribution_problems(self.income.value() or 0, self.year.value(), shares)
        return "；".join(p.message for p in found) or None


class ChangeDialog(_Dialog):
    """移交 / 毁损 / 处置: date, reason, what the asset becomes; saved with the signature of the account."""

    def __init__(self, ctx: AppContext, asset: records.AssetView, kind: str,
                 households: Sequence[records.HouseholdChoice], on_save: Callable[[Any], None], *,
                 parent: QWidget | None = None) -> None:
        words = ctx.ref["asset_event"].label(kind, current_language())
        super().__init__(self.tr("资产{0} — {1}").format(words, asset.name), on_save, parent)
        self.kind = kind
        self.asset = asset
        self.date = NullableDateEdit()
        self.date.setValue(dt.date.today())
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(72)
        self.owner = ChoiceCombo([(COLLECTIVE, self.tr("村集体")), *((h.id, h.words) for h in households)], blank=None)
        self.owner.setValue(asset.owner_household_id or COLLECTIVE)
        self.manager = QLineEdit(asset.manager)
        states = ctx.ref["asset_state"]
        self.state = _first(ChoiceCombo([(s, states.label(s, current_language())) for s in rules.EVENT_STATES[kind]],
                                        blank=None))
        if asset.state in rules.EVENT_STATES[kind]:
            self.state.setValue(asset.state)
        form = QFormLayout()
        form.addRow(self.tr("日期(&D)"), self.date)
        form.addRow(self.tr("原因(&R)"), self.reason)
        if kind == rules.TRANSFER:
            form.addRow(self.tr("新产权归属(&O)"), self.owner)
        if kind != rules.DISPOSAL:
            form.addRow(self.tr("管护主体(&M)"), self.manager)
            form.addRow(self.tr("变更后状态(&S)"), self.state)
        signer = ctx.session.name if ctx.session is not None else ""
        note = QLabel(self.tr("保存即由 {0} 签字；签字后的变更记录不能修改或删除。").format(signer))
        note.setWordWrap(True)
        form.addRow(note)
        self.finish_layout(form)
        self.setMinimumWidth(480)

    def problem(self) -> str | None:
        if self.date.value() is None:
            return self.date.problem() or self.tr("请填写日期")
        return None

    def values(self) -> dict[str, Any]:
        """The service's keyword arguments for this change."""
        values: dict[str, Any] = {"day": self.date.value(), "reason": self.reason.toPlainText()}
        if self.kind == rules.TRANSFER:
            values["owner"] = _owner(self.owner.value())
        if self.kind != rules.DISPOSAL:
            values["manager"] = self.manager.text()
            values["state"] = self.state.value()
        return values
