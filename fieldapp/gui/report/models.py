"""Table models of the 汇总上报 page: a summary's figures, the cadres' days, and each village's standing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.domain import report as rules
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.services.report.rollup import VillageLine

FLAG = QColor("#b42318")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class FiguresModel(RowsModel):
    """(项目, 数量) rows of a summary's figures."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("项目"), self.tr("数量"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return RIGHT
        return None


class CadreDaysModel(RowsModel):
    """One cadre per row: days in the village in the period and, for a month, whether the minimum was met."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("干部"), self.tr("在村天数"), self.tr("是否达标"), self.tr("考勤签字关闭"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c: rules.CadreDays = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            met = {True: self.tr("达标"), False: self.tr("未达标"), None: "—"}[c.met]
            closed = {True: self.tr("已关闭"), False: self.tr("未关闭"), None: "—"}[c.closed]
            return (c.name, str(c.days), met, closed)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and c.met is False:
            return QBrush(FLAG)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return RIGHT
        return None


class VillageStatusModel(RowsModel):
    """Each village's standing for the period (flagged ones in red) with its main figures."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("乡镇"), self.tr("村"), self.tr("状态"), self.tr("走访户次"), self.tr("措施"),
                        self.tr("退出"), self.tr("未解决问题"))

    def state_text(self, line: VillageLine) -> str:
        s = line.standing
        words = {rules.MISSING: self.tr("未上报"), rules.UNSIGNED: self.tr("未签字"), rules.ON_TIME: self.tr("按时"),
                 rules.LATE: self.tr("迟报")}[s.state]
        if s.state == rules.LATE and s.signed_on is not None:
            words += self.tr("（{0} 签字）").format(s.signed_on.isoformat())
        if s.overdue:
            words += self.tr("，已逾期")
        return words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: VillageLine = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            f = line.summary.figures if line.summary is not None else None
            numbers = [str(f.visits), str(f.measures), str(f.exited), str(f.problems_open)] if f else ["—"] * 4
            return [line.town_name, line.name, self.state_text(line), *numbers][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and line.standing.flagged:
            return QBrush(FLAG)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return RIGHT
        return None
