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
        r: DrillRow = self.rows[index.row()]
        lang = i18n.ref_language()
        column = index.column()
        if column == 0:
            return r.hh_no
        if column == 1:
            return r.head_name
        if column == 2:
            return self.villages.get(r.village_id, "")
        if column == 3:
            return "" if r.group_no is None else str(r.group_no)
        if column == 4:
            return str(r.members)
        if column == 5:
            return self.ref["household_attribute"].label(r.attribute, lang) if r.attribute else ""
        if column == 6:
            return self.ref["exit_status"].label(r.exit_status, lang) if r.exit_status else ""
        return None
