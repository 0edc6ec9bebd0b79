"""The asset ledger as a table model paged from SQL (:func:`fieldapp.services.assets.records.ledger`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from fieldapp.domain.money import format_yuan
from fieldapp.gui.codes import current_language
from fieldapp.services.assets import records
from fieldapp.services.context import AppContext

Index = QModelIndex | QPersistentModelIndex
MONEY = frozenset({"value", "income", "distributed"})


class LedgerModel(QAbstractTableModel):
    """Assets the filter selects, ``page_size`` rows read at a time as the view scrolls (``fetchMore``)."""

    COLUMNS = ("area_name", "name", "kind", "value", "owner_name", "manager", "state", "income", "distributed",
               "project_name")

    def __init__(self, ctx: AppContext, page_size: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.filter = records.Filter()
        self.lines: list[records.AssetLine] = []
        self.total = 0
        self._headers = (self.tr("村"), self.tr("资产名称"), self.tr("类别"), self.tr("价值（元）"),
                         self.tr("产权归属"), self.tr("管护主体"), self.tr("状态"), self.tr("累计收益（元）"),
                         self.tr("累计分配（元）"), self.tr("所属项目"))

    def load(self, f: records.Filter) -> None:
        """Read the first page of what ``f`` selects (and how many it selects)."""
        self.beginResetModel()
        self.filter = f
        self.total = records.count(self.ctx.db, f)
        self.lines = records.ledger(self.ctx.db, f, limit=self.page_size)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.lines) < self.total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = records.ledger(self.ctx.db, self.filter, offset=len(self.lines), limit=self.page_size)
        if not more:
            self.total = len(self.lines)
            return
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines) + len(more) - 1)
        self.lines.extend(more)
        self.endInsertRows()

    def line(self, row: int) -> records.AssetLine | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        column = self.COLUMNS[index.column()]
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(column, getattr(line, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line.id if role == Qt.ItemDataRole.UserRole else None

    def _shown(self, column: str, value: Any) -> Any:
        if column in MONEY:
            return format_yuan(value)
        codes = {"kind": "asset_kind", "state": "asset_state"}.get(column)
        return self.ctx.ref[codes].label(value, current_language()) if codes else value

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
