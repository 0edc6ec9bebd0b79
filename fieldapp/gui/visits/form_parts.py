"""Pieces of the visit form: checkable lists (cadres who went, measures taken) and a labelled grid.

Kept apart from :mod:`fieldapp.gui.visits.visit_form` so that module stays about the
form's behaviour (loading, validation, saving).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldapp.gui import i18n
from fieldapp.gui.fields import ErrorLabel
from fieldapp.services import lookups
from fieldapp.services.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckList(QListWidget):
    """A list of checkable (id, text) entries; ``changed`` fires when a check mark changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, rows: int = 5) -> None:
        super().__init__(parent)
        self.setMinimumHeight(rows * (self.fontMetrics().height() + 6) + 6)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_entries(self, entries: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        wanted = set(checked)
        self.blockSignals(True)
        try:
            self.clear()
            for entry_id, text in entries:
                item = QListWidgetItem(text, self)
                item.setData(ID_ROLE, entry_id)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if entry_id in wanted else Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def checked(self) -> list[str]:
        return [str(self.item(i).data(ID_ROLE)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def row_of(self, entry_id: str) -> int:
        return next((i for i in range(self.count()) if self.item(i).data(ID_ROLE) == entry_id), -1)

    def set_checked(self, entry_id: str, checked: bool = True) -> None:
        row = self.row_of(entry_id)
        if row >= 0:
            self.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def cadre_entries(ctx: AppContext, keep: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Every cadre as (id, "姓名（单位）"): the signed-in cadre first, then ``keep``, then by name."""
    me = ctx.cadre_id
    rows = lookups.cadres(ctx.db, keep=keep)
    first = [me, *keep]
    rows = sorted(rows, key=lambda r: (first.index(r.id) if r.id in first else len(first), r.name))
    return [(r.id, f"{r.name}（{r.unit}）" if r.unit else r.name) for r in rows]


def measure_entries(ctx: AppContext, household_id: str | None) -> list[tuple[str, str]]:
    """The household's live measures as (id, "类型：内容（日期）"), newest first."""
    if not household_id:
        return []
    lang = i18n.ref_language()
    codes = ctx.ref["measure_type"]
    rows = lookups.household_measures(ctx.db, household_id)
    return [(r.id, f"{codes.label(r.type, lang)}：{r.content}" + (f"（{r.date.isoformat()}）" if r.date else ""))
            for r in rows]


def household_facts(ctx: AppContext, household_id: str) -> tuple[str, dt.date | None, int] | None:
    """(village id, 首次识别时间, insert clock) of a live household, or None."""
    row = lookups.household_facts(ctx.db, household_id)
    return (row.village_id, row.identified_on, row.row_hlc) if row is not None else None


class Grid(QWidget):
    """Rows of caption | field (with a red message under it), keyed like the service's problems."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.errors: dict[str, ErrorLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}

    def add(self, key: str, caption: str, *widgets: QWidget, stretch: int = 0) -> ErrorLabel:
        row = self.grid.rowCount()
        label = QLabel(caption, self)
        if widgets:
            label.setBuddy(widgets[0])
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for widget in widgets:
            box.addWidget(widget)
        error = ErrorLabel(cell)
        box.addWidget(error)
        self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(cell, row, 1)
        if stretch:
            self.grid.setRowStretch(row, stretch)
        self.errors[key] = error
        self.captions[key] = label
        self.cells[key] = cell
        return error

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.captions[key].setVisible(visible)
        self.cells[key].setVisible(visible)

    def show_problems(self, problems: dict[str, Any]) -> None:
        for key, label in self.errors.items():
            label.show_message(problems.get(key))
