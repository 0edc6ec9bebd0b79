"""The targets table of the 目标 page: the year's targets as display lines the services computed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from fieldapp.gui.tables import Index, RowsModel
from fieldapp.services.targets.overview import TargetLine

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TargetModel(RowsModel):
    """Area, target, value (read-only: the district sets targets through the form below the table)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("区域"), self.tr("目标项目"), self.tr("目标值"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: TargetLine = self.rows[index.row()]
        if role == ID_ROLE:
            return line.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.area, line.kind_label, f"{line.value} {line.unit}".strip())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return line.area  # the whole path, when the column is too narrow for it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def line(self, row: int) -> TargetLine | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
