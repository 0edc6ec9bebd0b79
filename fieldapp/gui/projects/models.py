"""The project list model (项目库): pages rows from SQL through :func:`fieldapp.services.projects.browse.project_page`.

One keyset page per ``fetchMore``; a view asks for more as the user scrolls. Nothing is read until the page
sets a query (the page does so when first shown), so opening the main window costs no project read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from fieldapp.domain.money import format_yuan
from fieldapp.gui import i18n
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services import browse as lists
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse
from fieldapp.services.projects.browse import ProjectQuery, ProjectRow

Index = QModelIndex | QPersistentModelIndex
PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("name", "type", "area", "unit", "status", "budget", "approved", "disbursed", "percent")
NUMERIC = frozenset({"budget", "approved", "disbursed", "percent"})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ProjectListModel(QAbstractTableModel):
    """A read-only, paged table of projects for one :class:`ProjectQuery`."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, page_size: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = lists.page_size(page_size or ctx.settings["page_size"])
        self._query: ProjectQuery | None = None
        self._rows: list[ProjectRow] = []
        self._exhausted = True
        self._total = 0

    # -- the query ----------------------------------------------------------------------------

    def query(self) -> ProjectQuery | None:
        return self._query

    def setQuery(self, query: ProjectQuery) -> None:
        self._query = query
        self._reload()

    def refresh(self) -> None:
        """Re-read with the same query (after a write), keeping at least as many rows loaded."""
        if self._query is None:
            return
        wanted = len(self._rows)
        self._reload()
        while len(self._rows) < wanted and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def total(self) -> int:
        return self._total

    def project_id(self, row: int) -> str:
        return self._rows[row].id

    def line(self, row: int) -> ProjectRow:
        return self._rows[row]

    def row_of(self, project_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == project_id), -1)

    def _reload(self) -> None:
        assert self._query is not None
        self.beginResetModel()
        try:
            self._rows = []
            self._exhausted = False
            self._total = browse.count(self.ctx.db, self._query)
            self._rows = self._next_page()
        finally:
            self.endResetModel()

    def _next_page(self) -> list[ProjectRow]:
        assert self._query is not None
        after = self._rows[-1].key if self._rows else None
        page = browse.project_page(self.ctx.db, self._query, after=after, limit=self.page_size + 1)
        if len(page) <= self.page_size:
            self._exhausted = True
        return page[: self.page_size]

    # -- paging ---------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._next_page()
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- the table ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headers(self) -> tuple[str, ...]:
        ref = self.ctx.ref
        return (field_label("project", "name", ref), field_label("project", "type", ref), self.tr("村/乡镇"),
                field_label("project", "unit", ref), field_label("project", "status", ref),
                self.tr("预算(元)"), self.tr("批复(元)"), self.tr("已拨付(元)"), self.tr("进度"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if COLUMNS[section] in NUMERIC else _LEFT
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row, key = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key in NUMERIC else _LEFT
        if role == PROJECT_ID_ROLE:
            return row.id
        return None

    def _display(self, row: ProjectRow, key: str) -> str:
        lang = i18n.ref_language()
        ref = self.ctx.ref
        values: dict[str, str] = {
            "name": row.name, "type": ref["project_type"].label(row.type, lang), "area": row.area_name,
            "unit": row.unit, "status": ref["project_status"].label(row.status, lang),
            "budget": format_yuan(row.budget_total),
            "approved": "" if row.approved_amount is None else format_yuan(row.approved_amount),
            "disbursed": format_yuan(row.disbursed), "percent": "" if row.percent is None else f"{row.percent}%"}
        return values[key]
