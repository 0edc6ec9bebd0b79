"""Tab 变更记录: who changed what and when (谁填报谁负责), newest first, paged from the change log.

The model reads :func:`fieldapp.services.history.household_history` a page at a time as
the view scrolls (``fetchMore``): the changes in words (record kinds, field labels from the
field catalogue, code labels, yuan, names of cadres, members, villages and visits, 户编号),
in the UI language.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fieldapp.gui.codes import current_language
from fieldapp.services import history
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.household_editor")

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """Field changes of one household, newest first; fetches ``page_size`` change records at a time."""

    COLUMNS = ("time", "object", "field", "old", "new", "user", "device")

    def __init__(self, ctx: AppContext, household_id: str | None, page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self.page_size = page_size
        self.rows: list[tuple[str, ...]] = []
        self.tooltips: list[str] = []
        self._before: tuple[int, int] | None = None
        self._more = household_id is not None
        self._fetching = False
        self._device = ctx.identity.device_id if ctx.identity else ""
        self._headers = (self.tr("时间"), self.tr("对象"), self.tr("字段"), self.tr("原值"), self.tr("新值"),
                         self.tr("填报人"), self.tr("设备"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            column = self.COLUMNS[index.column()]
            if column == "device":
                return self.tooltips[index.row()]
            if column in ("object", "old", "new"):
                return self.rows[index.row()][index.column()] or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more or self._fetching or self.household_id is None:
            return
        self._fetching = True  # views may ask for more while rows are being inserted
        try:
            self._fetch_page()
        finally:
            self._fetching = False

    def _fetch_page(self) -> None:
        assert self.household_id is not None
        page = history.read_household_history(self.ctx.db, self.ctx.ref, self.household_id, lang=current_language(),
                                              own_device=self._device, before=self._before, limit=self.page_size,
                                              bank=True)  # the cadre's own register, as the editor shows it
        self._more = page.more
        self._before = page.before
        if not page.lines:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.lines) - 1)
        self.rows.extend((line.when, line.target, line.field, line.old, line.new, line.user, line.device)
                         for line in page.lines)
        self.tooltips.extend(line.origin for line in page.lines)
        self.endInsertRows()

    def reload(self) -> None:
        """Start again from the newest change (the first page is read at once)."""
        self.beginResetModel()
        self.rows, self.tooltips = [], []
        self._before = None
        self._more = False  # nothing to fetch while the reset is being announced
        self.endResetModel()
        self._more = self.household_id is not None
        if self._more:
            self.fetchMore(QModelIndex())


class HistoryTab(QWidget):
    def __init__(self, ctx: AppContext, household_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(ctx, household_id, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the new value takes the room left
        layout = QVBoxLayout(self)
        if household_id is None:
            layout.addWidget(QLabel(self.tr("新增农户保存后才有变更记录。")))
        layout.addWidget(self.table)
        self._loaded = False

    def ensure_loaded(self) -> None:
        """Read the first page (called when the tab is first shown)."""
        if self._loaded:
            return
        self._loaded = True
        self.model.reload()
        # 对象 holds e.g. 后续事项 2025-03-01 入户走访; the new value (column 4) stretches.
        widths = (140, 250, 170, 160, 0, 80, 110)
        for column, width in enumerate(widths):
            if width:
                self.table.setColumnWidth(column, width)
