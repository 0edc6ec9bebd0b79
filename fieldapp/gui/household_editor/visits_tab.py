"""Tab 走访记录: the household's visits, newest first, paged; "记录走访" opens the visit form for it.

The tab reads its first page when first shown (:meth:`VisitsTab.ensure_loaded`) and the
next ones as the table scrolls (:func:`fieldapp.services.visits.household_visits_page`,
one index seek per page), so a household with 500 visits opens as fast as one with 5.
Visits are saved by the visit form in their own transaction: nothing here is part of
the household record, and the tab never makes the editor "modified".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.gui.visits.models import VisitKey, VisitTableModel
from fieldapp.services import browse
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.visits import VisitSummary

log = logging.getLogger("fieldapp.gui.household_editor")

COLUMNS = ("date", "type", "cadres", "found", "done", "photos", "follow_ups")
PAGE_SIZE = 50


class VisitsTab(QWidget):
    """The visits of one household (none for a household not saved yet)."""

    #: a visit of this household was saved or deleted through a form opened here
    visit_saved = Signal(str)

    def __init__(self, ctx: AppContext, household_id: str | None, parent: QWidget | None = None, *,
                 tasks: TaskManager | None = None, hub: ChangeHub | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.form: QWidget | None = None
        self.model = VisitTableModel(ctx, COLUMNS, page_size=page_size, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # activated alone: it fires on a double-click too (and on Enter), so one gesture opens one form
        self.table.activated.connect(self._open_index)

        self.record_button = QPushButton(self.tr("记录走访"), self)
        self.record_button.setEnabled(household_id is not None)
        self.record_button.clicked.connect(self.new_visit)
        self.hint = QLabel(self.tr("新增农户保存后才能记录走访。") if household_id is None
                           else self.tr("双击一条记录可查看或修改。"), self)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._loaded = False
        self.hub.changed.connect(self._data_changed)

    def ensure_loaded(self) -> None:
        """Read the first page (called when the tab is first shown)."""
        if self._loaded or self.household_id is None:
            return
        self._loaded = True
        household_id, db = self.household_id, self.ctx.db

        def fetch(after: VisitKey | None, limit: int) -> list[VisitSummary]:
            return browse.visits_of_household(db, household_id, after=after, limit=limit)

        self.model.set_fetch(fetch)
        for column, width in enumerate((96, 96, 120, 260, 260, 48)):
            self.table.setColumnWidth(column, width)

    def reload(self) -> None:
        if self._loaded:
            self.model.reload()

    # -- opening the form ------------------------------------------------------------------------

    def new_visit(self) -> QWidget | None:
        """Open the visit form for this household."""
        return self._open_form(None)

    def open_visit(self, visit_id: str) -> QWidget | None:
        return self._open_form(visit_id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_visit(self.model.visit_id(index.row()))

    def _open_form(self, visit_id: str | None) -> QWidget | None:
        if self.household_id is None:
            return None
        form = self.hub.editors.open("visit", visit_id, lambda: self._make_form(visit_id))
        if form is not None:
            self.form = form
        return form

    def _make_form(self, visit_id: str | None) -> QWidget | None:
        from fieldapp.gui.visits.visit_form import VisitForm

        try:
            form = VisitForm(self.ctx, self.household_id if visit_id is None else None, visit_id, parent=self,
                             tasks=self.tasks, hub=self.hub)
        except Exception as exc:  # e.g. the visit was deleted meanwhile
            show_error(self, exc)
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self.visit_saved)
        form.destroyed.connect(self._form_gone)
        form.open()
        return form

    def _form_gone(self) -> None:
        self.form = None

    def _data_changed(self, changes: Changes) -> None:
        if changes.visits or changes.touches_household(self.household_id):
            self.reload()
