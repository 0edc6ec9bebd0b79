"""Read-only table models over the editor's working lists of rows (members, measures).

The tab owns the list of dicts and edits it through its form; the model shows it,
marks rows that have problems (red text, messages in the tooltip) and is told
about inserts, removals and edits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from fieldapp.domain.money import format_yuan
from fieldapp.domain.refdata import RefData
from fieldapp.gui.fields import ERROR_COLOR
from fieldapp.gui.household_editor.labels import CODE_LISTS, field_label, format_value

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[Row], str]
    align_right: bool = False


@cache
def problem_icon() -> QIcon:
    """A small red circle with "!", marking rows that need correcting (visible when selected too)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(ERROR_COLOR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.setPen(QColor("white"))
    painter.drawLine(7, 4, 7, 8)
    painter.drawPoint(7, 10)
    painter.end()
    return QIcon(pixmap)


def age_on(birth: dt.date | None, today: dt.date | None = None) -> int | None:
    if birth is None:
        return None
    today = today or dt.date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class RowListModel(QAbstractTableModel):
    """Shows ``rows`` (a list the caller owns and edits) in ``columns``."""

    def __init__(self, rows: list[Row], columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.columns = list(columns)
        self.problems: dict[int, list[str]] = {}

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        problems = self.problems.get(index.row())
        value: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(self.rows[index.row()])
        elif role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            value = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif problems and role == Qt.ItemDataRole.ForegroundRole:
            value = QBrush(QColor(ERROR_COLOR))
        elif problems and role == Qt.ItemDataRole.ToolTipRole:
            value = "\n".join(problems)
        elif problems and role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            value = problem_icon()
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    # -- changes by the owner --------------------------------------------------------

    def append(self, row: Row) -> int:
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(row)
        self.endInsertRows()
        return position

    def remove(self, position: int) -> Row:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self.rows.pop(position)
        self.endRemoveRows()
        self.problems = {}
        return row

    def reset(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.problems = {}
        self.endResetModel()

    def refresh_row(self, position: int) -> None:
        if 0 <= position < len(self.rows):
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def set_problems(self, problems: Mapping[int, list[str]]) -> None:
        changed = set(problems) ^ set(self.problems) | {i for i in problems if problems[i] != self.problems.get(i)}
        self.problems = dict(problems)
        for position in sorted(changed):
            self.refresh_row(position)


def coded(table: str, key: str, ref: RefData) -> Column:
    """A column showing the label of a coded field."""
    assert (table, key) in CODE_LISTS
    return Column(key, field_label(table, key), lambda r: format_value(table, key, r.get(key), ref))


def member_columns(ref: RefData) -> list[Column]:
    def age(row: Row) -> str:
        years = age_on(row.get("birth_date"))
        return "" if years is None else str(years)

    return [
        Column("name", field_label("member", "name"), lambda r: r.get("name") or ""),
        coded("member", "relation", ref),
        Column("id_no", field_label("member", "id_no"), lambda r: r.get("id_no") or ""),
        coded("member", "gender", ref),
        Column("age", field_label("member", "age"), age, align_right=True),
        coded("member", "health", ref),
        coded("member", "labour_skill", ref),
    ]


def measure_columns(ref: RefData) -> list[Column]:
    def date(row: Row) -> str:
        value = row.get("date")
        return value.isoformat() if value else ""

    return [
        coded("measure", "type", ref),
        Column("content", field_label("measure", "content"), lambda r: (r.get("content") or "").replace("\n", " ")),
        Column("amount", field_label("measure", "amount"), lambda r: format_yuan(r.get("amount")), align_right=True),
        coded("measure", "fund_channel", ref),
        Column("date", field_label("measure", "date"), date),
        Column("responsible_unit", field_label("measure", "responsible_unit"),
               lambda r: r.get("responsible_unit") or ""),
    ]
