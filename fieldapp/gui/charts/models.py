"""The households behind a chart's number (read by :func:`fieldapp.services.charts.figures.drill`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from fieldapp.domain.refdata import RefData
from fieldapp.gui import i18n
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.services.charts.figures import DrillRow


class DrillModel(RowsModel):
    """户编号, 户主, 村, 组, 人口, 属性, 脱贫状态 of each household behind a number."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.villages: dict[str, str] = {}
        self.headers = (self.tr("户编号"), self.tr("户主"), self.tr("村"), self.tr("组"), self.tr("人口"),
                        self.tr("属性"), self.tr("脱贫状态"))

    def set_households(self, rows: Sequence[DrillRow], villages: Mapping[str, str]) -> None:
        self.villages = dict(villages)
        self.set_rows(rows)

    def household_id(self, row: int) -> str | None:
        return self.rows[row].household_id if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.cell(self.rows[index.row()], index.column())

    def cell(self, r: DrillRow, column: int) -> str:
        lang = i18n.ref_language()
        cells = (
            lambda: r.hh_no, lambda: r.head_name, lambda: self.villages.get(r.village_id, ""),
            lambda: "" if r.group_no is None else str(r.group_no), lambda: str(r.members),
            lambda: self.ref["household_attribute"].label(r.attribute, lang),
            lambda: self.ref["exit_status"].label(r.exit_status, lang))
        return cells[column]() if 0 <= column < len(cells) else ""
