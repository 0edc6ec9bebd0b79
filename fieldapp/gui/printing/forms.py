"""The document forms of the 打印 page; each turns what the user chose into a print request.

- 门牌: the whole village (or every village), one group, or the households selected in the 农户 list;
- 一户一档: one household, by 户编号, card code, head's name or the list's current household;
- 包扶纪实档案: a cadre and a month or a year.

公示名单 and 村台账 are in :mod:`fieldapp.gui.printing.list_forms`.

:meth:`DocumentForm.request` raises :class:`~fieldapp.domain.errors.ValidationError` (keys
starting with “_”, shown as a plain list) when something is missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Protocol

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from fieldapp.domain import cardcode
from fieldapp.domain.errors import ValidationError
from fieldapp.gui import codes
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.printing.jobs import (
    ArchiveRequest,
    CardsRequest,
    HouseholdFileRequest,
    PrintRequest,
    WriteFirst,
)
from fieldapp.services import browse, lookups, setup
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.context import AppContext
from fieldapp.services.lookups import HouseholdSummary


class HouseholdSource(Protocol):
    """What the forms need from the 农户 list (``HouseholdListPage``)."""

    def selected_households(self) -> list[str]: ...

    def selected_household(self) -> str | None: ...

    def current_query(self) -> HouseholdQuery: ...


def qdate_to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _problem(text: str) -> ValidationError:
    return ValidationError({"_form": text})


def household_summary(ctx: AppContext, household_id: str) -> HouseholdSummary | None:
    """Head name, 户编号, group and village of a household in the list projection."""
    return lookups.household_summary(ctx.db, household_id)


def find_household(ctx: AppContext, text: str) -> str:
    """A household by id, 户编号, card code or (when only one household has it) the head's name."""
    from fieldapp.services.printing.common import resolve_household

    wanted = text.strip()
    if not wanted:
        raise LookupError("empty")
    with contextlib.suppress(LookupError):
        return resolve_household(ctx, wanted)
    rows = browse.find_households(ctx.db, wanted, limit=3)
    exact = [r for r in rows if r["head_name"] == wanted] or rows
    if len(exact) == 1:
        return str(exact[0]["household_id"])
    raise LookupError(wanted)


class DocumentForm(QWidget):
    """One document's choices."""

    key = ""
    #: the choices changed (the page re-checks whether it can generate)
    changed = Signal()

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)

    def request(self) -> PrintRequest | WriteFirst:
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what may have changed elsewhere (the list's selection)."""

    def selected(self) -> list[str]:
        return self.source.selected_households() if self.source is not None else []

    def village_combo(self, everything: str | None) -> QComboBox:
        combo = QComboBox(self)
        if everything is not None:
            combo.addItem(everything, None)
        for village_id, name in setup.villages(self.ctx):
            combo.addItem(name, village_id)
        return combo

    def fill_groups(self, combo: QComboBox, village_id: str | None, everything: str | None) -> None:
        current = combo.currentData()
        groups = browse.distinct_groups(self.ctx.db, village_id)
        combo.blockSignals(True)
        combo.clear()
        if everything is not None:
            combo.addItem(everything, None)
        for group in groups:
            combo.addItem(self.tr("{0}组").format(group), group)
        codes.set_combo_code(combo, current)
        combo.blockSignals(False)


class CardsForm(DocumentForm):
    """门牌 (信息公示牌)."""

    key = "cards"
    #: the user asked for the door-plate layout settings
    settings_requested = Signal()

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.scope_village = QRadioButton(self.tr("全村"), self)
        self.scope_group = QRadioButton(self.tr("一个组"), self)
        self.scope_selection = QRadioButton(self.tr("农户页选中的户"), self)
        self.scopes = QButtonGroup(self)
        for i, button in enumerate((self.scope_village, self.scope_group, self.scope_selection)):
            self.scopes.addButton(button, i)
        self.scope_village.setChecked(True)
        self.village = self.village_combo(self.tr("全部村") if len(setup.villages(ctx)) > 1 else None)
        self.village.setCurrentIndex(self.village.count() - len(setup.villages(ctx)))  # the first village
        self.group = QComboBox(self)
        self.selection_label = QLabel(self)
        self.paper_label = QLabel(self)
        self.settings_button = QPushButton(self.tr("门牌样式…"), self)
        self.settings_button.clicked.connect(self.settings_requested)

        scope_row = QHBoxLayout()
        for scope_button in self.scopes.buttons():
            scope_row.addWidget(scope_button)
        scope_row.addStretch(1)
        self.form.addRow(self.tr("范围"), scope_row)
        self.form.addRow(self.tr("村"), self.village)
        self.form.addRow(self.tr("组"), self.group)
        self.form.addRow(self.tr("选中的户"), self.selection_label)
        style_row = QHBoxLayout()
        style_row.addWidget(self.paper_label)
        style_row.addWidget(self.settings_button)
        style_row.addStretch(1)
        self.form.addRow(self.tr("样式"), style_row)

        self.village.currentIndexChanged.connect(self._village_changed)
        self.scopes.idToggled.connect(lambda _id, _on: self._update())
        self.group.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._village_changed()
        self.refresh()

    def _village_changed(self) -> None:
        self.fill_groups(self.group, self.village.currentData(), None)
        self._update()

    def _update(self) -> None:
        scope = self.scopes.checkedId()
        self.village.setEnabled(scope in (0, 1))
        self.group.setEnabled(scope == 1)
        self.changed.emit()

    def refresh(self) -> None:
        self.selection_label.setText(self.tr("{0} 户（在“农户”页中选择，可按 Ctrl 或 Shift 多选）")
                                     .format(len(self.selected())))
        papers = {"A4-landscape": self.tr("A4 横向"), "A3-landscape": self.tr("A3 横向"),
                  "A4-2up": self.tr("A4 一纸两张")}
        paper = str(self.ctx.settings["plate_paper"])
        self.paper_label.setText(self.tr("{0}，标题“{1}”").format(papers.get(paper, paper),
                                                                self.ctx.settings["plate_title"]))

    def request(self) -> CardsRequest:
        scope = self.scopes.checkedId()
        if scope == 2:
            ids = tuple(self.selected())
            if not ids:
                raise _problem(self.tr("请先在“农户”页中选择要打印门牌的户"))
            return CardsRequest(self.tr("信息公示牌-选中{0}户").format(len(ids)), ids=ids)
        village_id = self.village.currentData()
        name = self.village.currentText() if village_id else self.tr("全部村")
        if scope == 1:
            group = self.group.currentData()
            if group is None:
                raise _problem(self.tr("这个村还没有分组的农户"))
            return CardsRequest(self.tr("信息公示牌-{0}第{1}组").format(name, group), village_id=village_id,
                                group_no=int(group))
        return CardsRequest(self.tr("信息公示牌-{0}").format(name), village_id=village_id)


class HouseholdFileForm(DocumentForm):
    """一户一档."""

    key = "household"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.household_id: str | None = None
        self.lookup = QLineEdit(self)
        self.lookup.setPlaceholderText(self.tr("户编号、公示牌编码或户主姓名"))
        self.lookup.setMinimumWidth(320)
        self.lookup.editingFinished.connect(self._look_up)
        self.current_button = QPushButton(self.tr("用农户页的当前户"), self)
        self.current_button.clicked.connect(self.use_current)
        self.current_button.setEnabled(source is not None)
        self.found_label = QLabel(self)
        self.full_ids = QCheckBox(self.tr("显示完整证件号码（仅供内部存档，不得公开）"), self)
        self.bank = QCheckBox(self.tr("显示完整银行账号"), self)
        self.bank_warning = QLabel(self.tr("银行账号属于敏感信息：仅在发放补贴等确需时打印，打印件须专人保管，"
                                           "不得张贴、拍照外传。"), self)
        self.bank_warning.setWordWrap(True)
        self.bank_warning.setStyleSheet(f"color: {ERROR_COLOR};")
        self.bank_warning.setVisible(False)
        self.bank.toggled.connect(self.bank_warning.setVisible)
        row = QHBoxLayout()
        row.addWidget(self.lookup, 1)
        row.addWidget(self.current_button)
        self.form.addRow(self.tr("农户"), row)
        self.form.addRow("", self.found_label)
        self.form.addRow("", self.full_ids)
        self.form.addRow("", self.bank)
        self.form.addRow("", self.bank_warning)
        self.set_household(None)

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        info = household_summary(self.ctx, household_id) if household_id else None
        if info is None:
            self.household_id = None
            self.found_label.setText(self.tr("未选择农户") if not self.lookup.text().strip()
                                     else self.tr("找不到这一户（可输入户编号、公示牌编码或户主姓名）"))
        else:
            self.found_label.setText(self.tr("户主 {0}，户编号 {1}，{2}组").format(
                info.head_name or "", info.hh_no or "", info.group_no or "—"))
            if not self.lookup.hasFocus():
                self.lookup.setText(info.hh_no or info.head_name or "")
        self.changed.emit()

    def _look_up(self) -> None:
        text = self.lookup.text().strip()
        found = None
        if text:
            with contextlib.suppress(LookupError, cardcode.CardCodeError):
                found = find_household(self.ctx, text)
        self.set_household(found)

    def refresh(self) -> None:
        if self.household_id is None and not self.lookup.text().strip():
            self.use_current()

    def use_current(self) -> None:
        current = self.source.selected_household() if self.source is not None else None
        if current:
            self.lookup.clear()
            self.set_household(current)

    def request(self) -> HouseholdFileRequest:
        if self.household_id is None:
            self._look_up()
        if self.household_id is None:
            raise _problem(self.tr("请先选择农户（户编号、公示牌编码或户主姓名）"))
        info = household_summary(self.ctx, self.household_id)
        title = self.tr("一户一档-{0}-{1}").format(info.head_name if info and info.head_name else "",
                                                    info.hh_no if info and info.hh_no else "")
        return HouseholdFileRequest(title, self.household_id, full_ids=self.full_ids.isChecked(),
                                    bank=self.bank.isChecked())


class ArchiveForm(DocumentForm):
    """包扶纪实档案."""

    key = "archive"

    def __init__(self, ctx: AppContext, source: HouseholdSource | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, source, parent)
        self.cadre = QComboBox(self)
        for cadre_id, name in setup.cadres(ctx):
            self.cadre.addItem(name, cadre_id)
        codes.set_combo_code(self.cadre, ctx.cadre_id)
        today = dt.date.today()
        self.by_month = QRadioButton(self.tr("按月"), self)
        self.by_year = QRadioButton(self.tr("按年"), self)
        self.by_month.setChecked(True)
        self.month = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.year = QSpinBox(self)
        self.year.setRange(2014, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" 年"))
        month_row = QHBoxLayout()
        month_row.addWidget(self.by_month)
        month_row.addWidget(self.month)
        month_row.addSpacing(24)
        month_row.addWidget(self.by_year)
        month_row.addWidget(self.year)
        month_row.addStretch(1)
        self.form.addRow(self.tr("包扶干部"), self.cadre)
        self.form.addRow(self.tr("期间"), month_row)
        self.by_month.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.month.setEnabled(self.by_month.isChecked())
        self.year.setEnabled(not self.by_month.isChecked())
        self.changed.emit()

    def request(self) -> ArchiveRequest:
        cadre_id = self.cadre.currentData()
        if not cadre_id:
            raise _problem(self.tr("请选择包扶干部"))
        name = self.cadre.currentText()
        if self.by_month.isChecked():
            day = self.month.date()
            return ArchiveRequest(self.tr("包扶纪实档案-{0}-{1}年{2}月").format(name, day.year(), day.month()),
                                  cadre_id, day.year(), day.month())
        year = self.year.value()
        return ArchiveRequest(self.tr("包扶纪实档案-{0}-{1}年").format(name, year), cadre_id, year)
