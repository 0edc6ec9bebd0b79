"""A tab showing a list of rows in a table and the selected row in a form below it (members, measures).

The form is bound to the selected row: every edit goes straight into the working
copy of that row (nothing is written until the whole record is saved). Problems
with keys ``<prefix>[i].<field>`` mark row ``i`` red in the table and show next to
the field when that row is selected.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.fields import ErrorLabel
from fieldapp.gui.household_editor.base import EditorTab, FormPanel, ask, parse_list_key, scrolled
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.household_editor.models import Column, RowListModel

log = logging.getLogger("fieldapp.gui.household_editor")


class ListFormTab(EditorTab):
    """Subclasses set ``prefix`` (problem keys), ``table_name`` (labels) and build the form."""

    prefix = ""
    table_name = ""
    row_removed = Signal(dict)  # the working copy of a row taken out

    def __init__(self, columns: list[Column], first_field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        button_texts = self.button_texts()
        self.rows: list[dict[str, Any]] = []
        self.current: int | None = None
        self._problems: dict[str, str] = {}
        self._reveal = False
        self.first_field = first_field

        self.model = RowListModel(self.rows, columns, self)
        self.table = self._build_table()
        self.add_button = QPushButton(button_texts[0])

        self.edit_button = QPushButton(button_texts[1])
        self.remove_button = QPushButton(button_texts[2])
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        for key, action in ((Qt.Key.Key_Delete, self.remove_current), (Qt.Key.Key_Insert, self.add_row)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the table has the focus
            shortcut.activated.connect(action)
        self.list_error = ErrorLabel()

        self.form = self.build_form()
        self.form.changed.connect(self._form_changed)

        extra_buttons, below = self.extra_widgets()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, *extra_buttons):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table)
        top_box.addWidget(self.list_error)
        top_box.addLayout(buttons)
        if below is not None:
            top_box.addWidget(below)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scrolled(self.form))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.remove_button)
        last: QWidget = self.remove_button
        for button in extra_buttons:
            QWidget.setTabOrder(last, button)
            last = button
        QWidget.setTabOrder(last, self.form.slots[first_field].widget)
        self._update_enabled()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur.row()))
        table.doubleClicked.connect(lambda _index: self.edit_current())
        return table

    # -- hooks for subclasses --------------------------------------------------------------

    def build_form(self) -> FormPanel:
        raise NotImplementedError

    def button_texts(self) -> tuple[str, str, str]:
        """Texts of the add, edit and remove buttons."""
        raise NotImplementedError

    def extra_widgets(self) -> tuple[list[QWidget], QWidget | None]:
        """Buttons after add/edit/remove, and a widget below the list (none by default)."""
        return [], None

    def new_row(self) -> dict[str, Any]:
        return dict.fromkeys(self.form.slots)

    def after_edit(self, key: str, row: dict[str, Any]) -> None:
        """Called after the user changed ``key`` of ``row`` (already copied into it)."""

    def describe(self, row: dict[str, Any]) -> str:
        return ""

    # -- selection and editing -------------------------------------------------------------

    def _select(self, position: int) -> None:
        self.current = position if 0 <= position < len(self.rows) else None
        self.form.load(self.rows[self.current] if self.current is not None else {})
        self._update_enabled()
        self._show_current_problems()

    def _update_enabled(self) -> None:
        has = self.current is not None
        self.form.setEnabled(has)
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.selection_changed()

    def selection_changed(self) -> None:
        """Called when another row (or none) is selected."""

    def select_row(self, position: int) -> None:
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if self.current != position:
            self._select(position)

    def _form_changed(self, key: str) -> None:
        if self.current is None:
            return
        row = self.rows[self.current]
        row.update(self.form.values())
        self.after_edit(key, row)
        self.model.refresh_row(self.current)
        self.changed.emit()

    def add_row(self) -> None:
        position = self.model.append(self.new_row())
        self.select_row(position)
        self.form.focus(self.first_field)
        self.changed.emit()

    def edit_current(self) -> None:
        if self.current is None and self.rows:
            self.select_row(0)
        if self.current is not None:
            self.form.focus(self.first_field)

    def remove_current(self) -> None:
        if self.current is None:
            return
        position = self.current
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = ask(self, self.tr("确认删除"),
                     self.tr("确定删除“{0}”吗？保存后生效。").format(self.describe(self.rows[position])),
                     [(yes, self.tr("删除")), (no, self.tr("不删除"))], default=no, escape=no)
        if answer != yes:
            return
        removed = self.model.remove(position)
        log.info("%s row %d removed from the working copy", self.prefix, position)
        if self.rows:
            self.select_row(min(position, len(self.rows) - 1))
        else:
            self._select(-1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.row_removed.emit(removed)
        self.changed.emit()

    # -- EditorTab ----------------------------------------------------------------------------

    def load_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = [dict(r) for r in rows]
        self.model.reset(self.rows)
        self.current = None
        if self.rows:
            self.select_row(0)
        else:
            self._select(-1)
        self.table.resizeColumnsToContents()

    def owns(self, key: str) -> bool:
        parsed = parse_list_key(key)
        return key == f"{self.prefix}s" or (parsed is not None and parsed[0] == self.prefix)

    def position(self, key: str) -> int:
        parsed = parse_list_key(key)
        if parsed is None:
            return -1
        return parsed[1] * 100 + self.form.order(parsed[2])

    def widget_problems(self) -> dict[str, str]:
        if self.current is None:
            return {}
        return {f"{self.prefix}[{self.current}].{k}": v for k, v in self.form.widget_problems().items()}

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        self._problems = {k: v for k, v in problems.items() if self.owns(k)}
        self._reveal = reveal
        marked: dict[int, list[str]] = {}
        for key, message in self._problems.items():
            parsed = parse_list_key(key)
            if parsed is not None:
                marked.setdefault(parsed[1], []).append(f"{field_label(self.table_name, parsed[2])}：{message}")
        self.model.set_problems(marked if reveal else {})
        self.list_error.show_message(self._problems.get(f"{self.prefix}s") if reveal else None)
        self._show_current_problems()

    def _show_current_problems(self) -> None:
        prefix = f"{self.prefix}[{self.current}]."
        mine = {k[len(prefix):]: v for k, v in self._problems.items() if k.startswith(prefix)}
        self.form.show_problems(mine, self._reveal)

    def focus_problem(self, key: str) -> bool:
        if key == f"{self.prefix}s":  # about the list as a whole: with no rows yet, the way to add one
            target = self.table if self.rows else self.add_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        parsed = parse_list_key(key)
        if parsed is None or parsed[0] != self.prefix or not 0 <= parsed[1] < len(self.rows):
            return False
        self.select_row(parsed[1])
        if not self.form.focus(parsed[2]):
            self.form.focus(self.first_field)
        return True
