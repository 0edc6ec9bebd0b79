"""The household list model (农户列表): pages rows from SQL, never the whole register.

Rows come from the ``household_list`` projection through :mod:`fieldapp.services.browse`,
one keyset page (``settings["page_size"]`` rows, default 200) per ``fetchMore``. A view
asks for more as the user scrolls. Changing the query or the sort resets the model and
loads the first page; :meth:`HouseholdTableModel.total` is the count matching the filter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from fieldapp.domain import workflow as flow_rules
from fieldapp.domain.money import format_yuan
from fieldapp.gui import i18n
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.services import browse
from fieldapp.services.browse import SORT_COLUMNS, HouseholdQuery
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.households")

Index = QModelIndex | QPersistentModelIndex

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    key: str  # household_list column shown
    code_list: str | None = None  # reference-data list the value is a code of
    numeric: bool = False
    sort_by: str | None = None  # household_list column a header click sorts on (default: key)

    @property
    def sort(self) -> str:
        return self.sort_by or self.key


# Names sort by pinyin (as people look them up) once the query layer offers it; by code point until then.
_NAME_SORT = "head_pinyin" if "head_pinyin" in SORT_COLUMNS else "head_name"


COLUMNS: tuple[Column, ...] = (
    Column("hh_no"),
    Column("head_name", sort_by=_NAME_SORT),
    Column("group_no", numeric=True),
    Column("member_count", numeric=True),
    Column("attribute", "household_attribute"),
    Column("exit_status", "exit_status"),  # derived from the workflows (the projection's)
    Column("wf_kind"),  # 流程/环节: the open workflow and its current step
    Column("main_cause", "poverty_cause"),
    Column("cadre_id"),
    Column("per_person_income", numeric=True),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
assert all(c.sort in SORT_COLUMNS for c in COLUMNS)
DEFAULT_QUERY = HouseholdQuery(sort=_NAME_SORT)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


# Counting stops here: a keystroke must not count a whole district register.
COUNT_CAP = 1000


class HouseholdTableModel(QAbstractTableModel):
    """A read-only, paged table of households for one :class:`HouseholdQuery`."""

    def __init__(self, ctx: AppContext, query: HouseholdQuery | None = None, parent: QObject | None = None,
                 *, page_size: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = browse.page_size(page_size or ctx.settings["page_size"])
        self._query = query or DEFAULT_QUERY
        self._rows: list[dict[str, Any]] = []
        self._exhausted = False
        self._total = 0
        self._total_exact = True
        self._cadres: dict[str, str] = {}
        self._reload()

    # -- the query ---------------------------------------------------------------------

    def query(self) -> HouseholdQuery:
        return self._query

    def setQuery(self, query: HouseholdQuery) -> None:
        self._query = query
        self._reload(forget_names=False)  # another search changes no cadre's name: the names read stay good

    def refresh(self) -> None:
        """Re-read with the same query (after a save), keeping at least as many rows loaded."""
        wanted = len(self._rows)
        self._reload()
        while len(self._rows) < wanted and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def total(self) -> int:
        """How many households match the current query (loaded or not), at most COUNT_CAP."""
        return self._total

    def total_exact(self) -> bool:
        """False when more than COUNT_CAP households match and counting stopped there."""
        return self._total_exact

    def household_id(self, row: int) -> str:
        return str(self._rows[row]["household_id"])

    def row_of(self, household_id: str) -> int:
        """The row of a loaded household, or -1."""
        for i, r in enumerate(self._rows):
            if r["household_id"] == household_id:
                return i
        return -1

    def _reload(self, *, forget_names: bool = True) -> None:
        self.beginResetModel()
        try:
            self._rows = []
            self._exhausted = False
            if forget_names:  # names may have changed since the last reload
                self._cadres = {}
            self._rows = self._next_page(count=True)
        finally:
            self.endResetModel()

    def _next_page(self, count: bool = False) -> list[dict[str, Any]]:
        """The page after the loaded rows (one extra row is read to know whether more exist)."""
        after = browse.sort_key(self._rows[-1], self._query) if self._rows else None
        found = browse.household_page(self.ctx.db, self._query, after=after, limit=self.page_size + 1,
                                      known_cadres=self._cadres, count_cap=COUNT_CAP if count else None)
        if count:
            assert found.total is not None
            self._total, self._total_exact = found.total, found.total_exact
        page = found.rows
        if len(page) <= self.page_size:
            self._exhausted = True
        page = page[: self.page_size]
        self._cadres.update(found.cadre_names)
        return page

    # -- paging --------------------------------------------------------------------------

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
        log.debug("fetched %d rows (%d loaded of %d)", len(page), len(self._rows), self._total)

    # -- the table ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headers(self) -> tuple[str, ...]:
        def field(column: str) -> str:  # a register field: its label from the field catalogue
            return field_label("household", column, self.ctx.ref)

        return (field("hh_no"), self.tr("户主"), field("group_no"), self.tr("人口"), field("attribute"),
                field("exit_status"), self.tr("流程/环节"), field("main_cause"), field("cadre_id"),
                self.tr("人均纯收入(元)"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if COLUMNS[section].numeric else _LEFT
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        value = row[column.key]
        result: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            result = self._where(row) if column.key == "wf_kind" else self._display(column, value)
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            result = _RIGHT if column.numeric else _LEFT
        elif role == HOUSEHOLD_ID_ROLE:
            result = row["household_id"]
        elif role == CODE_ROLE:
            result = value
        elif role == Qt.ItemDataRole.ToolTipRole and column.key == "per_person_income" and row["income_year"]:
            result = self.tr("{0}年度").format(row["income_year"])
        elif role == Qt.ItemDataRole.ToolTipRole and column.key == "exit_status" and row["exit_status"]:
            result = self._source(row)
        elif role == Qt.ItemDataRole.ToolTipRole and column.key == "wf_kind" and row["wf_kind"]:
            result = self._where(row)  # whole, where the column is too narrow
        return result

    def _where(self, row: dict[str, Any]) -> str:
        """“退出（脱贫） · 公示”: the open workflow and its step ('' for none)."""
        text = flow_rules.where_text(flow_rules.definitions(self.ctx.ref), row["wf_kind"], row["wf_step"],
                                     lang=i18n.ref_language())
        return self.tr("{0}（有冲突）").format(text) if text and row["wf_conflict"] else text

    def _source(self, row: dict[str, Any]) -> str:
        year = self.tr("，{0}年脱贫").format(row["exit_year"]) if row["exit_year"] else ""
        if row["status_source"] == flow_rules.SOURCE_WORKFLOW:
            return self.tr("由流程确定{0}").format(year)
        return self.tr("导入的状态{0}（没有办结的流程）").format(year)

    def _display(self, column: Column, value: Any) -> str:
        if value is None or value == "":
            return ""
        if column.code_list is not None:
            return self.ctx.ref[column.code_list].label(str(value), i18n.ref_language())
        if column.key == "cadre_id":
            return self._cadres.get(str(value), "")
        if column.key == "per_person_income":
            return format_yuan(int(value))
        return str(value)

    # -- sorting ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else DEFAULT_QUERY.sort
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.setQuery(self._query.with_(sort=key, descending=descending))

    def sort_column(self) -> int:
        """The column whose header shows the current sort, or -1."""
        return next((i for i, c in enumerate(COLUMNS) if c.sort == self._query.sort), -1)
