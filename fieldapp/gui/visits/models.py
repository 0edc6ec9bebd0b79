"""Table models of the visit pages: a paged list of visits, the attendance tables.

:class:`VisitTableModel` shows :class:`fieldapp.services.visits.VisitSummary` rows one
keyset page at a time (``fetchMore`` as the view scrolls), from a fetch function such as
:func:`fieldapp.services.visits.household_visits_page` (a household's visits, newest first)
or :func:`fieldapp.services.visits.archive_page` (a cadre's archive, oldest first). The
first page costs the same for a household with 5 visits and one with 500.

:class:`ComplianceModel` (cadre × month, 驻村考勤) and :class:`LeaderModel` (unit leaders'
visits this year) show the rows of :mod:`fieldapp.services.attendance`, coloured by status.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.gui import i18n
from fieldapp.gui.household_editor.labels import field_label, table_label
from fieldapp.gui.tables import Index, RowsModel
from fieldapp.services import setup
from fieldapp.services.attendance import ComplianceRow, LateCheckIn, LeaderRow, MonthCell
from fieldapp.services.context import AppContext
from fieldapp.services.visits import VisitSummary

log = logging.getLogger("fieldapp.gui.visits")

VisitKey = tuple[dt.date, str]
Fetch = Callable[[VisitKey | None, int], list[VisitSummary]]

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 3
CLOSED_ROLE = Qt.ItemDataRole.UserRole + 4  # a month the team leader closed by signing it

VISIT_COLUMNS = ("date", "type", "subject", "cadres", "found", "done", "photos", "follow_ups")
STATUS_COLORS = {  # status → (background, text)
    "met": ("#e3f4e4", "#1b5e20"),
    "short": ("#fde4e4", "#b71c1c"),
    "open": ("#fff6d9", "#6d5200"),
}
_CENTER = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TEXT_CHARS = 60  # 情况 / 措施 shown on one line, this many characters


def one_line(text: str | None, limit: int = _TEXT_CHARS) -> str:
    """Text on one line (newlines become spaces), cut with … after ``limit`` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class _FixedHeaderTable(RowsModel):
    """Read-only rows with fixed horizontal headers (``self.headers``), selectable, never with children."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class VisitTableModel(_FixedHeaderTable):
    """Visits, read a page at a time from ``fetch(after_key, limit)`` (a service call); read-only."""

    def __init__(self, ctx: AppContext, columns: Sequence[str] = VISIT_COLUMNS, fetch: Fetch | None = None,
                 *, page_size: int = 50, parent: QObject | None = None) -> None:
        super().__init__(parent)
        unknown = set(columns) - set(VISIT_COLUMNS)
        if unknown:
            raise ValueError(f"unknown columns {sorted(unknown)}")
        self.ctx = ctx
        self.columns = tuple(columns)
        self.page_size = max(1, page_size)
        self.rows: list[VisitSummary] = []
        self._fetch = fetch
        self._more = False
        self._villages = dict(setup.villages(ctx))
        ref = ctx.ref  # the visit's own fields are labelled from the field catalogue
        titles = {"date": field_label("visit", "date", ref), "type": field_label("visit", "type", ref),
                  "subject": self.tr("农户 / 活动"), "cadres": table_label("visit_cadre", ref),
                  "found": field_label("visit", "found", ref), "done": field_label("visit", "done", ref),
                  "photos": table_label("visit_photo", ref), "follow_ups": self.tr("待办")}
        self.headers = tuple(titles[c] for c in self.columns)
        if fetch is not None:
            self.reload()

    # -- loading -----------------------------------------------------------------------------

    def set_fetch(self, fetch: Fetch | None) -> None:
        """Show another list (a new filter): reset and read its first page."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Start again from the first page."""
        self.beginResetModel()
        try:
            self.rows = []
            self._more = self._fetch is not None
            if self._fetch is not None:
                self.rows = self._page()
        finally:
            self.endResetModel()

    def _page(self) -> list[VisitSummary]:
        assert self._fetch is not None
        after = self.rows[-1].key if self.rows else None
        page = self._fetch(after, self.page_size + 1)
        self._more = len(page) > self.page_size
        return page[:self.page_size]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._page()
        if not page:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def visit_id(self, row: int) -> str:
        return self.rows[row].id

    def row_of(self, visit_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == visit_id), -1)

    # -- the table ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        visit = self.rows[index.row()]
        column = self.columns[index.column()]
        result: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            result = self._display(visit, column)
        elif role == Qt.ItemDataRole.ToolTipRole and column in ("found", "done", "subject"):
            result = self._tooltip(visit, column)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in ("photos", "follow_ups"):
            result = _CENTER
        elif role == Qt.ItemDataRole.ForegroundRole and column == "follow_ups" and visit.open_follow_ups:
            result = QBrush(QColor(STATUS_COLORS["short"][1]))
        elif role == VISIT_ID_ROLE:
            result = visit.id
        elif role == HOUSEHOLD_ID_ROLE:
            result = visit.household_id
        return result

    def subject(self, visit: VisitSummary) -> str:
        """The household visited (户主 and 户编号), or the village activity."""
        if visit.household_id:
            return f"{visit.head_name or '—'}（{visit.hh_no or '—'}）"
        return self.tr("村级活动：{0}").format(visit.title or self._villages.get(visit.village_id, ""))

    def _display(self, visit: VisitSummary, column: str) -> str:
        shown: dict[str, Callable[[], str]] = {
            "date": visit.date.isoformat,
            "type": lambda: self.ctx.ref["visit_type"].label(visit.type, i18n.ref_language()),
            "subject": lambda: self.subject(visit),
            "cadres": lambda: "、".join(visit.cadre_names),
            "found": lambda: one_line(visit.found),
            "done": lambda: one_line(visit.done),
            "photos": lambda: str(visit.photo_count) if visit.photo_count else "",
            "follow_ups": lambda: self.tr("{0}项").format(visit.open_follow_ups) if visit.open_follow_ups else "",
        }
        return shown[column]()

    def _tooltip(self, visit: VisitSummary, column: str) -> str | None:
        if column == "subject":
            return visit.title if visit.household_id and visit.title else None
        text = visit.found if column == "found" else visit.done
        return text if text and (len(text) > _TEXT_CHARS or "\n" in text) else None


def _status_data(status: str, role: int) -> Any:
    colors = STATUS_COLORS.get(status)
    if colors is None:
        return None
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(colors[0]))
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor(colors[1]))
    return None


class _ReadOnlyTable(_FixedHeaderTable):
    def status_label(self, status: str) -> str:
        return {"met": self.tr("达标"), "short": self.tr("未达标"), "open": self.tr("进行中")}.get(status, "")


class ComplianceModel(_ReadOnlyTable):
    """Days in the village per resident cadre and month: 达标 (≥ 15), 未达标, 进行中 (this month)."""

    FIRST_MONTH = 2  # columns: name, unit, 1月 … 12月, months met

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ComplianceRow] = []
        self.headers = (self.tr("姓名"), self.tr("派出单位"), *(self.tr("{0}月").format(m) for m in range(1, 13)),
                        self.tr("达标月数"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        month = column - self.FIRST_MONTH
        if 0 <= month < 12:
            return self._month_data(row.months[month], role)
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (row.name, row.unit or "", str(sum(c.status == "met" for c in row.months)))
            return texts[min(column, 2)]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == len(self.headers) - 1:
            return _CENTER
        return None

    def _month_data(self, cell: MonthCell, role: int) -> Any:
        result: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            text = "" if cell.status == "future" else f"{cell.days} {self.status_label(cell.status)}"
            result = f"✓ {text}" if cell.closed else text
        elif role == STATUS_ROLE:
            result = cell.status
        elif role == CLOSED_ROLE:
            result = cell.closed
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            result = _CENTER
        elif role == Qt.ItemDataRole.ToolTipRole:
            if cell.status != "future":
                result = self.tr("{0}年{1}月在村 {2} 天（要求不少于15天）").format(
                    cell.month.year, cell.month.month, cell.days)
                if cell.closed:
                    result += self.tr("；队长已签字关闭本月")
        else:
            result = _status_data(cell.status, role)
        return result


class LeaderModel(_ReadOnlyTable):
    """Each unit leader's visits this year against the 3 required."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[LeaderRow] = []
        self.required = 3
        self.headers = (self.tr("姓名"), self.tr("单位"), self.tr("本人签字的走访"), self.tr("要求次数"),
                        self.tr("结果"), self.tr("未经本人签字（不计）"))

    def set_rows(self, rows: Sequence[LeaderRow], required: int = 3) -> None:  # type: ignore[override]
        self.required = required
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        result: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            result = (row.name, row.unit or "", str(row.visits), str(self.required),
                      self.status_label(row.status), str(row.unsigned) if row.unsigned else "")[column]
        elif role == Qt.ItemDataRole.ToolTipRole and column in (2, 5):
            result = self.tr("单位领导本人登录并对走访记录签字背书后才计入")
        elif role == STATUS_ROLE:
            result = row.status
        elif role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            result = _CENTER
        elif column == 4:
            result = _status_data(row.status, role)
        return result


class LateCheckInModel(_FixedHeaderTable):
    """Late check-ins (补登) waiting for the team leader's confirmation: cadre, day, entered on, note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LateCheckIn] = []
        self.headers = (self.tr("干部"), self.tr("在村日期"), self.tr("登记日期"), self.tr("备注"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.date.isoformat(), row.entered_on.isoformat(), one_line(row.note))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} 天后才登记：队长确认后计入在村天数").format((row.entered_on - row.date).days)
        return None

