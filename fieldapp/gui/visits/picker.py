"""A household picker: type a name, pinyin initials, ID or 户编号 and choose from the matches.

The matches come from the household list's own search
(:func:`fieldapp.services.browse.find_households`, indexed; at most :data:`MATCHES` rows)
shortly after typing stops, and drop down under the field (a :class:`QCompleter`).
``household_changed`` carries the chosen household id, or None once the text is edited again.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from fieldapp.services import browse, lookups
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.visits")

MATCHES = 20
SEARCH_DELAY_MS = 150
HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(row: Any) -> str:
    """How a household is named in a picker: 户主 (户编号, N组)."""
    group = ""
    if row.get("group_no") is not None:
        group = QCoreApplication.translate("HouseholdPicker", "，{0}组").format(row["group_no"])
    return f"{row['head_name'] or '—'}（{row['hh_no'] or '—'}{group}）"


class HouseholdPicker(QLineEdit):
    """Choose one household of this laptop's register."""

    household_changed = Signal(object)  # household id or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._household_id: str | None = None
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder or self.tr("搜索农户：姓名 / 拼音首字母 / 身份证号 / 户编号"))
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(self._edited)

    def household_id(self) -> str | None:
        return self._household_id

    def set_household(self, household_id: str | None) -> None:
        """Show ``household_id`` as chosen (None clears the field)."""
        text = ""
        if household_id is not None:
            row = lookups.household_summary(self.ctx.db, household_id)
            text = describe(dataclasses.asdict(row)) if row is not None else household_id
        self._timer.stop()
        self.setText(text)
        self._choose(household_id)

    def _edited(self, _text: str) -> None:
        self._choose(None)
        self._timer.start()

    def search(self) -> int:
        """Look up what is typed now and drop the matches down; returns how many there are."""
        self._timer.stop()
        text = self.text().strip()
        self.matches.clear()
        if not text:
            self._hide_popup()
            return 0
        rows = browse.find_households(self.ctx.db, text, limit=MATCHES)
        for row in rows:
            item = QStandardItem(describe(row))
            item.setData(row["household_id"], HOUSEHOLD_ID_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if rows and self.hasFocus():
            self.completer_.complete()
        return len(rows)

    def choose_match(self, row: int) -> None:
        """Pick match ``row`` (as clicking it in the drop-down does)."""
        self._activated(self.matches.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        household_id = index.data(HOUSEHOLD_ID_ROLE) if index.isValid() else None
        if household_id is None:
            return
        self.setText(str(index.data(Qt.ItemDataRole.DisplayRole)))
        self._hide_popup()
        self._choose(str(household_id))

    def _hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def _choose(self, household_id: str | None) -> None:
        if household_id != self._household_id:
            self._household_id = household_id
            self.household_changed.emit(household_id)
