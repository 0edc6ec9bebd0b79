"""Follow-ups (后续事项) of a visit: an editable table of text, due date and (optionally) the date done.

Dates are kept as typed text until saved, so a half-typed date is shown back to the
user with a message instead of being dropped (``widget_problems``). Problem keys are
the service's: ``follow_up[i].text``, ``follow_up[i].due_date``, ``follow_up[i].done_on``;
a cell with a problem gets a red background and the message as its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.visits import clean_text
from fieldapp.gui.fields import NullableDateEdit, parse_date
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services.visits import FollowUpDraft

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("text", "due_date", "done_on")
_INVALID_BACKGROUND = "#fde4e4"


class FollowUpModel(QAbstractTableModel):
    """The follow-ups being edited; values are texts (dates parsed by :meth:`drafts`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.problems: dict[str, str] = {}
        self._headers = tuple(field_label("follow_up", f) for f in FIELDS)  # the field catalogue's labels

    # -- content -------------------------------------------------------------------------------

    def set_drafts(self, drafts: Sequence[FollowUpDraft]) -> None:
        self.beginResetModel()
        self.rows = [{"id": d.id, "text": d.text or "", "due_date": _date_text(d.due_date),
                      "done_on": _date_text(d.done_on)} for d in drafts]
        self.problems = {}
        self.endResetModel()

    def drafts(self) -> list[FollowUpDraft]:
        return [FollowUpDraft(text=clean_text(r["text"]), due_date=parse_date(r["due_date"]),
                              done_on=parse_date(r["done_on"]), id=r["id"]) for r in self.rows]

    def snapshot(self) -> list[tuple[Any, ...]]:
        """What the rows say (for telling whether anything changed)."""
        return [(r["id"], r["text"].strip(), r["due_date"].strip(), r["done_on"].strip()) for r in self.rows]

    def add_row(self, text: str = "", due: dt.date | None = None) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append({"id": None, "text": text, "due_date": _date_text(due), "done_on": ""})
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.removeRows(row, 1)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self.rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.rows[row:row + count]
        self.endRemoveRows()
        self.set_problems({})  # keys are by row number: stale after a removal
        return True

    def widget_problems(self) -> dict[str, str]:
        """Dates typed that cannot be read."""
        found = {}
        for i, r in enumerate(self.rows):
            for name in ("due_date", "done_on"):
                if r[name].strip() and parse_date(r[name]) is None:
                    found[f"follow_up[{i}].{name}"] = self.tr("日期应为 年-月-日，如 2024-03-05")
        return found

    def set_problems(self, problems: Mapping[str, str]) -> None:
        wanted = {k: v for k, v in problems.items() if k.startswith("follow_up[")}
        if wanted == self.problems:
            return
        self.problems = wanted
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(FIELDS) - 1))

    # -- the table ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(FIELDS):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        name = FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][name]
        problem = self.problems.get(f"follow_up[{index.row()}].{name}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(QColor(_INVALID_BACKGROUND))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        name = FIELDS[index.column()]
        text = "" if value is None else str(value)
        if name != "text":
            parsed = parse_date(text)
            text = parsed.isoformat() if parsed is not None else text.strip()
        if self.rows[index.row()][name] == text:
            return True
        self.rows[index.row()][name] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


def _date_text(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell with :class:`NullableDateEdit` (typed, or picked from a calendar)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = NullableDateEdit(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, NullableDateEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, NullableDateEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class FollowUpEditor(QWidget):
    """The table with 添加 / 删除 buttons; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FollowUpModel(self)
        self.default_due: dt.date | None = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, DateDelegate(self.table))
        self.table.setItemDelegateForColumn(2, DateDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setMinimumHeight(3 * (self.fontMetrics().height() + 10) + 30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance("2024-03-05") + 44
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.add_button = QPushButton(self.tr("添加事项"), self)
        self.remove_button = QPushButton(self.tr("删除事项"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(self._model_changed)
        self._update_buttons()

    def add(self) -> int:
        """Add an empty follow-up (due by ``default_due``) and start typing its text."""
        row = self.model.add_row(due=self.default_due)
        index = self.model.index(row, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.setCurrentIndex(index)  # starts editing the text (edit trigger CurrentChanged)
        if self.table.state() != QAbstractItemView.State.EditingState:
            self.table.edit(index)
        return row

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.closePersistentEditor(index)
            self.model.remove_row(index.row())

    def _model_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.model.rows))
