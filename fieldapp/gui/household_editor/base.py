"""Building blocks of the editor tabs: a grid form with inline errors, and the tab interface.

Problem keys follow :func:`fieldapp.services.register.validate_record`:
``household.<field>``, ``member[i].<field>``, ``members``, ``income[i].<field>``,
``indicator[i].<field>``, ``measure[i].<field>``. Each tab says which keys it owns,
shows them next to its widgets and can focus the widget of one key.

A message is shown once its field was edited, or for every field once ``reveal`` is
set (an existing household, or after the first attempt to save).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from fieldapp.gui.fields import ErrorLabel, set_invalid
from fieldapp.services.register import HouseholdRecord

_LIST_KEY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def parse_list_key(key: str) -> tuple[str, int, str] | None:
    """"member[2].id_no" → ("member", 2, "id_no"); None for other keys."""
    found = _LIST_KEY.match(key)
    return (found.group(1), int(found.group(2)), found.group(3)) if found else None


def ask(parent: QWidget, title: str, text: str,
        buttons: Sequence[tuple[QMessageBox.StandardButton, str]], *,
        default: QMessageBox.StandardButton, escape: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    """A modal question whose buttons carry our own (translatable) texts; returns the button chosen."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    for button, label in buttons:
        box.addButton(button).setText(label)
    box.setDefaultButton(default)
    box.setEscapeButton(escape)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else escape


def ask_unsaved(parent: QWidget, title: str, text: str, labels: tuple[str, str, str]) -> str:
    """Unsaved edits on close: returns "save", "discard" or "keep" (labels: save, discard, keep editing)."""
    save, discard, keep = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                           QMessageBox.StandardButton.Cancel)
    answer = ask(parent, title, text, list(zip((save, discard, keep), labels, strict=True)),
                 default=save, escape=keep)
    return {save: "save", discard: "discard"}.get(answer, "keep")


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


@dataclass
class Slot:
    key: str
    widget: Any  # one of the fieldapp.gui.fields widgets
    label: QLabel
    error: ErrorLabel
    touched: bool = False


class FormPanel(QWidget):
    """Labelled fields in a grid of ``columns`` label/field pairs, each with an error label below it."""

    changed = Signal(str)  # key of the field the user changed

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.columns = columns
        for c in range(columns):
            self.grid.setColumnStretch(2 * c + 1, 1)
        self._rows = [0] * columns
        self.slots: dict[str, Slot] = {}
        self.loading = False

    def add(self, key: str, label: str, widget: Any, *, column: int = 0, span: int = 1) -> Any:
        """Add a field; ``span`` > 1 lets it take the following columns' space too."""
        row = max(self._rows[column:column + span])
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setMinimumHeight(widget.sizeHint().height())
        error = ErrorLabel()
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        self.grid.addWidget(caption, row, 2 * column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(cell, row, 2 * column + 1, 1, 2 * span - 1, Qt.AlignmentFlag.AlignTop)
        for c in range(column, column + span):
            self._rows[c] = row + 1
        self.slots[key] = Slot(key, widget, caption, error)
        widget.changed.connect(lambda k=key: self._on_changed(k))
        return widget

    def add_display(self, label: str, widget: QWidget, *, column: int = 0) -> QWidget:
        """A read-only value (not a field: no key, no error label)."""
        row = self._rows[column]
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(caption, row, 2 * column, Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(widget, row, 2 * column + 1)
        self._rows[column] = row + 1
        return widget

    def add_heading(self, text: str, *, column: int = 0, span: int | None = None) -> QLabel:
        span = span if span is not None else self.columns - column
        row = max(self._rows[column:column + span])
        heading = QLabel(text)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.grid.addWidget(heading, row, 2 * column, 1, 2 * span)
        for c in range(column, column + span):
            self._rows[c] = row + 1
        return heading

    def finish(self) -> None:
        """Push everything up and chain the tab order column by column (call after the last add)."""
        self.grid.setRowStretch(max(self._rows), 1)
        widgets = [s.widget for s in self.slots.values()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def _on_changed(self, key: str) -> None:
        if self.loading:
            return
        self.slots[key].touched = True
        self.changed.emit(key)

    def load(self, values: Mapping[str, Any]) -> None:
        self.loading = True
        try:
            for key, slot in self.slots.items():
                slot.widget.setValue(values.get(key))
                slot.touched = False
        finally:
            self.loading = False

    def values(self) -> dict[str, Any]:
        return {key: slot.widget.value() for key, slot in self.slots.items()}

    def widget_problems(self) -> dict[str, str]:
        found = {}
        for key, slot in self.slots.items():
            message = slot.widget.problem()
            if message:
                found[key] = message
        return found

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        for key, slot in self.slots.items():
            message = problems.get(key) if (reveal or slot.touched) else None
            slot.error.show_message(message)
            set_invalid(slot.widget, bool(message))

    def reset_touched(self) -> None:
        for slot in self.slots.values():
            slot.touched = False

    def focus(self, key: str) -> bool:
        slot = self.slots.get(key)
        if slot is None:
            return False
        slot.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def order(self, key: str) -> int:
        keys = list(self.slots)
        return keys.index(key) if key in self.slots else len(keys)


class EditorTab(QWidget):
    """One page of the household editor."""

    changed = Signal()

    def load(self, record: HouseholdRecord) -> None:
        raise NotImplementedError

    def collect(self, record: HouseholdRecord) -> None:
        """Write this tab's values into ``record`` (in place)."""
        raise NotImplementedError

    def owns(self, key: str) -> bool:
        raise NotImplementedError

    def position(self, key: str) -> int:
        """Sort order of a problem key within the tab (the first problem gets the focus)."""
        return 0

    def widget_problems(self) -> dict[str, str]:
        """Text the widgets cannot read as values (full problem keys)."""
        return {}

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        raise NotImplementedError

    def focus_problem(self, key: str) -> bool:
        raise NotImplementedError


class HouseholdFormTab(EditorTab):
    """A tab made of household fields only (keys ``household.<field>``)."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2) -> None:
        super().__init__(parent)
        self.form = FormPanel(columns=columns)
        self.form.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(self.form))

    def load(self, record: HouseholdRecord) -> None:
        self.form.load(record.household)

    def collect(self, record: HouseholdRecord) -> None:
        record.household.update(self.form.values())

    def owns(self, key: str) -> bool:
        return key.startswith("household.") and key[len("household."):] in self.form.slots

    def position(self, key: str) -> int:
        return self.form.order(key[len("household."):])

    def widget_problems(self) -> dict[str, str]:
        return {f"household.{k}": v for k, v in self.form.widget_problems().items()}

    def show_problems(self, problems: Mapping[str, str], reveal: bool) -> None:
        prefix = "household."
        self.form.show_problems({k[len(prefix):]: v for k, v in problems.items() if k.startswith(prefix)}, reveal)

    def focus_problem(self, key: str) -> bool:
        return self.owns(key) and self.form.focus(key[len("household."):])
