"""Tab 变更记录: who changed what and when (谁填报谁负责), newest first, paged from the change log.

The model reads :func:`fieldapp.services.browse.history_page` a page at a time as the
view scrolls (``fetchMore``). Codes are shown as labels, money as yuan, ids of
villages, cadres and members by name. Bookkeeping fields (``household_id``, the
key of an income year or indicator, empty values of a new row) are left out.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fieldapp.domain import hlc
from fieldapp.gui.codes import current_language
from fieldapp.gui.household_editor.labels import REFERENCES, field_label, format_value, table_label
from fieldapp.services import browse
from fieldapp.services.browse import HistoryEntry, HistoryPart
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.household_editor")

Index = QModelIndex | QPersistentModelIndex
SKIP_ALWAYS = frozenset({"household_id", "id"})
SKIP_ON_INSERT = {"income_year": {"year"}, "indicator": {"code"}}


def local_time(value: int) -> str:
    """An HLC value as local wall-clock time."""
    return dt.datetime.fromtimestamp(hlc.physical_ms(value) / 1000).strftime("%Y-%m-%d %H:%M:%S")


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
        self._before: int | None = None
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
        found = browse.history_page(self.ctx.db, self.household_id, before_hlc=self._before, limit=self.page_size,
                                    shown=self._shown, references=REFERENCES)
        page = found.entries
        records = {e.seq for e in page}
        if len(records) < self.page_size:
            self._more = False
        if not page:
            return
        self._before = min(e.hlc for e in page)
        shown = [e for e in page if self._shown(e)]
        objects = _object_labels(shown, found.parts, self.ctx)
        names = found.names
        rows = [self._row(e, objects, names) for e in shown]
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(r[0] for r in rows)
        self.tooltips.extend(r[1] for r in rows)
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

    @staticmethod
    def _shown(e: HistoryEntry) -> bool:
        if e.field in SKIP_ALWAYS:
            return False
        if e.op == "insert":
            return e.new is not None and e.new != "" and e.field not in SKIP_ON_INSERT.get(e.tbl, ())
        return True

    def _row(self, e: HistoryEntry, objects: dict[str, str], names: dict[str, str]) -> tuple[tuple[str, ...], str]:
        ref = self.ctx.ref
        if e.field == "deleted":
            field = self.tr("整条记录")
            old, new = "", (self.tr("已删除") if e.new else self.tr("已恢复"))
        else:
            field = field_label(e.tbl, e.field, ref)
            old = format_value(e.tbl, e.field, e.old, ref, names) if e.op != "insert" else ""
            new = format_value(e.tbl, e.field, e.new, ref, names)
        device = self.tr("本机") if e.origin == self._device else e.origin[:8]
        return ((local_time(e.hlc), objects.get(e.row_id, table_label(e.tbl)), field, old, new,
                 e.user_name or "—", device), e.origin)


def _object_labels(entries: list[HistoryEntry], parts: dict[str, HistoryPart], ctx: AppContext) -> dict[str, str]:
    """Row id → what the change was made to: 户, 成员 张三, 收入 2024年, 指标 不愁吃, 措施 产业发展."""
    lang = current_language()
    describe: dict[str, Any] = {
        "member": lambda v: v or "",
        "income_year": lambda v: QCoreApplication.translate("HistoryModel", "{0}年").format(v),
        "indicator": lambda v: ctx.ref["indicator"].label(v, lang),
        "measure": lambda v: ctx.ref["measure_type"].label(v, lang),
    }
    labels: dict[str, str] = {}
    for e in entries:
        if e.tbl == "household":
            labels[e.row_id] = table_label("household")
        elif (part := parts.get(e.row_id)) is not None and part.table in describe:
            labels[e.row_id] = f"{table_label(part.table)} {describe[part.table](part.value)}"
    return labels


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
        header.setStretchLastSection(True)
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
        widths = (140, 170, 110, 150, 180, 70)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
