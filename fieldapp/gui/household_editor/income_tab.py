"""Tab 收入: one row per year, a column per income item, and the computed net and per-person income.

Amounts are typed in yuan and kept in fen. 家庭纯收入 and 人均纯收入 are computed by
:mod:`fieldapp.domain.income` and update with every keystroke (the cell editor commits
as you type); they can never be typed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import income as income_rules
from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.gui.fields import ERROR_COLOR, ErrorLabel, MoneyEdit, NullableSpin, YearSpin
from fieldapp.gui.household_editor.base import EditorTab, parse_list_key
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services.register import HouseholdRecord

Index = QModelIndex | QPersistentModelIndex
MONEY_FIELDS = tuple(income_rules.INCOME_FIELDS)
# The computed columns come right after the year so they stay in view while typing amounts.
COLUMNS = ("year", "persons", "net", "per_person", *MONEY_FIELDS)
COMPUTED = ("net", "per_person")


def net_of(row: Mapping[str, Any]) -> int:
    return income_rules.net_income(row)


def per_person_of(row: Mapping[str, Any]) -> int | None:
    return income_rules.per_person(net_of(row), row.get("persons"))


class IncomeModel(QAbstractTableModel):
    """Income rows (dicts keyed by ``income_year`` columns), money cells editable in fen."""

    edited = Signal()  # the user changed a value (not emitted for problem markings)

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.rows: list[dict[str, Any]] = []
        self.problems: dict[tuple[int, str], str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in (*MONEY_FIELDS, "persons"):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        problem = self.problems.get((index.row(), column))
        computed = column in COMPUTED
        value: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._text(row, column)
        elif role == Qt.ItemDataRole.EditRole:
            value = row.get(column) if column in (*MONEY_FIELDS, "persons", "year") else None
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignCenter if column == "year" else Qt.AlignmentFlag.AlignRight
            value = int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole:
            value = problem or (self.tr("自动计算，不能填写") if computed else None)
        elif role == Qt.ItemDataRole.ForegroundRole and problem:
            value = QBrush(QColor(ERROR_COLOR))
        elif role == Qt.ItemDataRole.BackgroundRole and computed:
            value = QBrush(QPalette().color(QPalette.ColorRole.AlternateBase).darker(104))
        elif role == Qt.ItemDataRole.FontRole and computed:
            value = QFont()
            value.setBold(True)
        return value

    @staticmethod
    def _text(row: Mapping[str, Any], column: str) -> str:
        if column in ("year", "persons"):
            return "" if row.get(column) is None else str(row[column])
        if column == "net":
            return format_yuan(net_of(row))
        if column == "per_person":
            return format_yuan(per_person_of(row))
        return format_yuan(row.get(column))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        editable = index.isValid() and bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        if role != Qt.ItemDataRole.EditRole or not editable:
            return False
        column = COLUMNS[index.column()]
        value = None if value in (None, "") else int(value)
        if column == "persons" and value is not None and value <= 0:
            return False
        row = self.rows[index.row()]
        if row.get(column) == value:
            return True
        row[column] = value
        # A range (never a single cell), so an open cell editor is not reset while typing.
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.edited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return field_label("income_year", COLUMNS[section], self.ref)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] in COMPUTED:
            return self.tr("自动计算，不能填写")
        return None

    def column_of(self, field: str) -> int:
        return COLUMNS.index(field) if field in COLUMNS else 0

    def reset(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.problems = {}
        self.endResetModel()

    def add_year(self, year: int, persons: int | None) -> int:
        row: dict[str, Any] = {"year": year, "persons": persons, **dict.fromkeys(MONEY_FIELDS)}
        position = sum(1 for r in self.rows if (r.get("year") or 0) < year)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, row)
        self.endInsertRows()
        return position

    def remove_row(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        self.rows.pop(position)
        self.endRemoveRows()

    def set_problems(self, problems: Mapping[tuple[int, str], str]) -> None:
        if dict(problems) == self.problems:
            return
        self.problems = dict(problems)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))


class IncomeDelegate(QStyledItemDelegate):
    """Money cells edit in a :class:`MoneyEdit` that commits on every keystroke; 人口数 in a spin box."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if COLUMNS[index.column()] == "persons":
            spin = NullableSpin(1, 99, parent)
            spin.changed.connect(lambda: self.commitData.emit(spin))
            return spin
        edit = MoneyEdit(parent)
        edit.textEdited.connect(lambda _text: self.commitData.emit(edit))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if editor.value() != value:  # type: ignore[attr-defined]
            editor.setValue(value)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]


class IncomeTab(EditorTab):
    def __init__(self, ref: RefData, member_count: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_count = member_count
        self.model = IncomeModel(ref, self)
        self.model.edited.connect(self.changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(IncomeDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                                   | triggers.SelectedClicked)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumHeight(2 * self.fontMetrics().height() + 10)
        header.setDefaultSectionSize(84)

        self.year = YearSpin()
        self.year.high = dt.date.today().year  # a later year typed stays, with a message (not dropped)
        self.year.setValue(dt.date.today().year - 1)
        self.add_button = QPushButton(self.tr("添加年度(&N)"))
        self.remove_button = QPushButton(self.tr("删除所选年度"))
        self.add_button.clicked.connect(self.add_year)
        self.remove_button.clicked.connect(self.remove_selected)
        self.year_error = ErrorLabel()
        self.errors = ErrorLabel()
        hint = QLabel(self.tr("金额单位：元。家庭纯收入 = 各项收入 − 生产经营性支出；"
                              "人均纯收入 = 家庭纯收入 ÷ 人口数。"))
        hint.setWordWrap(True)

        bar = QHBoxLayout()
        year_label = QLabel(self.tr("年度(&Y)"))
        year_label.setBuddy(self.year)
        for widget in (year_label, self.year, self.add_button, self.remove_button):
            bar.addWidget(widget)
        bar.addWidget(self.year_error)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addWidget(hint)
        QWidget.setTabOrder(self.year, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.table)

    def add_year(self) -> None:
        year = self.year.value()
        if year is None:
            self.year_error.show_message(self.tr("请先选择年度"))
            return
        if self.year.problem():
            self.year_error.show_message(self.year.problem())
            return
        if any(r.get("year") == year for r in self.model.rows):
            self.year_error.show_message(self.tr("{0}年已有收入记录").format(year))
            return
        self.year_error.show_message(None)
        position = self.model.add_year(year, self.member_count() or None)
        self.table.setCurrentIndex(self.model.index(position, self.model.column_of(MONEY_FIELDS[0])))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self.model.remove_row(index.row())
        self.changed.emit()

    def load(self, record: HouseholdRecord) -> None:
        self.model.reset(sorted((dict(r) for r in record.incomes), key=lambda r: r.get("year") or 0))
        self.table.setColumnWidth(COLUMNS.index("year"), 56)
        self.table.setColumnWidth(COLUMNS.index("persons"), 60)

    def collect(self, record: HouseholdRecord) -> None:
        record.incomes = [dict(r) for r in self.model.rows]

    def owns(self, key: str) -> bool:
        parsed = parse_list_key(key)
        return parsed is not None and parsed[0] == "income"

    def position(self, key: str) -> int:
        parsed = parse_list_key(key)
        return 0 if parsed is None else parsed[1] * 100 + self.model.column_of(parsed[2])

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        cells: dict[tuple[int, str], str] = {}
        lines = []
        for key, message in problems.items():
            parsed = parse_list_key(key)
            if parsed is None or parsed[0] != "income" or not 0 <= parsed[1] < len(self.model.rows):
                continue
            cells[(parsed[1], parsed[2])] = message
            year = self.model.rows[parsed[1]].get("year")
            lines.append(f"{year} {field_label('income_year', parsed[2], self.model.ref)}：{message}")
        self.model.set_problems(cells)
        self.errors.show_message("\n".join(lines) if lines else None)

    def focus_problem(self, key: str) -> bool:
        parsed = parse_list_key(key)
        if parsed is None or not 0 <= parsed[1] < len(self.model.rows):
            return False
        self.table.setCurrentIndex(self.model.index(parsed[1], self.model.column_of(parsed[2])))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
