"""Table models of the Excel dialogs: the dry-run plan (one line per household) and cross-check findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.domain.resident_id import mask
from fieldapp.services.excel.crosscheck import CheckResult, Finding
from fieldapp.services.excel.plan import Entry

Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"create": "#2e7d32", "update": "#1565c0", "unchanged": "#757575", "rejected": "#c62828"}


class PlanModel(QAbstractTableModel):
    """The plan's entries, optionally only those of one status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Entry] = []
        self._rows: list[Entry] = []
        self.status: str | None = None

    def headers(self) -> list[str]:
        return [self.tr("结果"), self.tr("行"), self.tr("户编号"), self.tr("户主"), self.tr("人数"), self.tr("说明")]

    def status_label(self, status: str) -> str:
        return {"create": self.tr("新增"), "update": self.tr("更新"), "unchanged": self.tr("无变化"),
                "rejected": self.tr("拒绝")}[status]

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._all = list(entries)
        self._rows = [e for e in self._all if self.status is None or e.status == self.status]
        self.endResetModel()

    def set_status(self, status: str | None) -> None:
        self.status = status
        self.set_entries(self._all)

    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [self.status_label(e.status), e.rows_text(), e.hh_no or "—", e.head or "", str(e.people or ""),
                      e.message]
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(STATUS_COLOURS[e.status]))
        return None


class FindingsModel(QAbstractTableModel):
    """Cross-check findings; ID numbers masked on screen (the .xlsx report has them in full)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Finding] = []
        self.result: CheckResult | None = None

    def headers(self) -> list[str]:
        return [self.tr("问题"), self.tr("名单行号"), self.tr("姓名（名单）"), self.tr("姓名（登记册）"),
                self.tr("证件号码"), self.tr("户编号"), self.tr("户主"), self.tr("说明")]

    def set_result(self, result: CheckResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self._rows = list(result.findings) if result is not None else []
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        f = self._rows[index.row()]
        assert self.result is not None
        id_text = mask(f.id_no) if f.id_no and len(f.id_no) == 18 else (f.id_no or "")
        values = [self.result.category_title(f.category), "" if f.row is None else str(f.row), f.list_name or "",
                  f.register_name or "", id_text, f.hh_no or "", f.head or "", f.note]
        return values[index.column()]
