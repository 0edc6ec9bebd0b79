"""Table models of the spot-check page: the draws, a household's checklist, the rectifications.

Each shows rows the services computed (dataclasses, read on the database thread) and is replaced
wholesale by ``set_rows``; they hold no connection and build no SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.domain import spotcheck as sc
from fieldapp.domain.refdata import RefData
from fieldapp.gui import i18n
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.services.spotcheck import checklist
from fieldapp.services.spotcheck.checklist import DrawInfo, ItemView
from fieldapp.services.spotcheck.rectify import RectificationView

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_COLOURS = {sc.CORRECT: "#e3f4e4", sc.INCORRECT: "#fde4e4"}
STATUS_COLOURS = {sc.OPEN: "#fff6d9", sc.AWAITING: "#e3ecf8", sc.CLOSED: "#e3f4e4"}


class _Rows(RowsModel):
    """Read-only rows with fixed headers; subclasses give ``headers`` and ``cell``."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(row)
            return QBrush(QColor(colour)) if colour else None
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def colour(self, row: Any) -> str | None:
        return None

    def row_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class DrawModel(_Rows):
    """The draws held here, newest first."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.headers = (self.tr("抽样时间"), self.tr("范围"), self.tr("比例"), self.tr("抽中"), self.tr("已查"),
                        self.tr("不正确"), self.tr("抽样人"))

    def cell(self, row: DrawInfo, column: int) -> str:
        when = dt.datetime.fromtimestamp(row.drawn_at / 1000).strftime("%Y-%m-%d %H:%M")
        values = (when, row.area_name, f"{row.percent}%", self.tr("{0}/{1} 户").format(len(row.sample), row.frame_size),
                  f"{row.checked}/{row.items}", str(row.incorrect), row.drawn_by_name or "—")
        return values[column]


class ItemModel(_Rows):
    """One household's checklist: item, what the record said at the draw, the finding."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.names: dict[str, str] = {}
        self.headers = (self.tr("序号"), self.tr("项目"), self.tr("抽样时的记录"), self.tr("结果"), self.tr("说明"))

    def set_items(self, items: Sequence[ItemView], names: dict[str, str]) -> None:
        self.names = names
        self.set_rows(items)

    def cell(self, row: ItemView, column: int) -> str:
        lang = i18n.ref_language()
        if column == 0:
            return str(row.position)
        if column == 1:
            return checklist.item_title(self.ref, row, lang)
        if column == 2:
            return checklist.item_text(self.ref, row, self.names, lang)
        if column == 3:
            return {sc.CORRECT: self.tr("正确"), sc.INCORRECT: self.tr("不正确")}.get(row.result or "", self.tr("未查"))
        return (row.note or "") + (self.tr("（有照片）") if row.photo_id else "")

    def colour(self, row: ItemView) -> str | None:
        return RESULT_COLOURS.get(row.result or "")


class RectificationModel(_Rows):
    """Rectifications: household, item, finding, responsible cadre, deadline, state."""

    def __init__(self, ref: RefData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ref = ref
        self.headers = (self.tr("期限"), self.tr("状态"), self.tr("户"), self.tr("项目"), self.tr("问题"),
                        self.tr("责任人"), self.tr("整改情况"))

    def status_text(self, row: RectificationView) -> str:
        text = {sc.OPEN: self.tr("待整改"), sc.AWAITING: self.tr("待确认"), sc.CLOSED: self.tr("已确认")}[row.status]
        return text + (self.tr("（已逾期）") if row.overdue else "")

    def cell(self, row: RectificationView, column: int) -> str:
        lang = i18n.ref_language()
        report = row.reports[-1].note if row.reports else ""
        values = (row.due_date.isoformat(), self.status_text(row),
                  f"{row.village_name} {row.head_name or '—'}（{row.hh_no or '—'}）",
                  self.ref["spotcheck_item"].label(row.kind, lang), row.finding or "", row.cadre_name or "—", report)
        return values[column]

    def colour(self, row: RectificationView) -> str | None:
        return "#fde4e4" if row.overdue else STATUS_COLOURS.get(row.status)
