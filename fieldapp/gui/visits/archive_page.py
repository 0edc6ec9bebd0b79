"""Page 走访: the cadre's 包扶纪实档案 (assistance record archive) — every visit and activity, oldest first.

Filters: the cadre (the signed-in cadre first), the year, a month or the whole year, one
household (picked with the household search) and a text search in 情况 / 措施 / 活动名称.
The table is a paged model over :func:`fieldapp.services.visits.archive_page` (one index
range per page, further pages as the table scrolls). A double-click opens the visit;
"记录走访" starts a new one (household picked in the form, or a village activity).
"导出PDF" renders the archive of the cadre for the year or month
(:func:`fieldapp.services.printing.archive.render_archive`) off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.visits import Month
from fieldapp.gui.errors import show_error
from fieldapp.gui.hints import EmptyHint
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.gui.visits.models import VisitKey, VisitTableModel
from fieldapp.gui.visits.picker import HouseholdPicker
from fieldapp.services import browse, lookups, setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.visits import VisitSummary

log = logging.getLogger("fieldapp.gui.visits")

SEARCH_DELAY_MS = 250
PAGE_SIZE = 100


class ArchivePage(QWidget):
    """包扶纪实档案 of one cadre, filtered; opens and records visits."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 page_size: int = PAGE_SIZE, hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.form: QWidget | None = None
        self._loaded = False
        self._stale = False
        self.export_task: Task | None = None

        self.cadre_combo = QComboBox(self)  # filled when the page is first shown (start-up stays quick)
        self.year_combo = QComboBox(self)
        self.month_combo = QComboBox(self)
        self.month_combo.addItem(self.tr("全年"), None)
        for month in range(1, 13):
            self.month_combo.addItem(self.tr("{0}月").format(month), month)
        self.picker = HouseholdPicker(ctx, self, placeholder=self.tr("全部农户（输入姓名或户编号筛选）"))
        self.picker.setMinimumWidth(220)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索情况、措施、活动名称"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("记录走访"), self)
        self.export_button = QPushButton(self.tr("导出PDF"), self)
        self.export_button.setToolTip(self.tr("导出所选干部该年度（或所选月份）的包扶纪实档案"))
        self.status = QLabel(self)

        self.model = VisitTableModel(self.ctx, page_size=page_size, parent=self)
        self.table = QTableView(self)
        self._build_table()
        self._layout()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.cadre_combo.currentIndexChanged.connect(self._cadre_changed)
        self.year_combo.currentIndexChanged.connect(self.apply_filters)
        self.month_combo.currentIndexChanged.connect(self.apply_filters)
        self.picker.household_changed.connect(self._household_changed)
        self.new_button.clicked.connect(self.new_visit)
        self.export_button.clicked.connect(self.export_pdf)
        self.model.modelReset.connect(self._update_status)
        self.model.rowsInserted.connect(self._update_status)
        self.hub.changed.connect(self._data_changed)

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = self.fontMetrics()
        char = fm.horizontalAdvance("国")
        table.setColumnWidth(0, fm.horizontalAdvance("2024-03-05") + 16)
        table.setColumnWidth(1, 6 * char + 16)
        table.setColumnWidth(2, fm.horizontalAdvance("王某某（611002105001001）") + 16)
        for column, chars in ((3, 7), (4, 16), (5, 16), (6, 2)):
            table.setColumnWidth(column, chars * char + 16)
        table.activated.connect(self._open_index)  # also on a double-click: one gesture, one form
        self.empty_hint = EmptyHint(table, self.tr("这里还没有走访记录。入户走访或开展村级活动后，在这里记下来。"),
                                    [(self.tr("记录走访…"), self.new_visit)], when=lambda: self._loaded)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for text, widget in ((self.tr("干部"), self.cadre_combo), (self.tr("年度"), self.year_combo),
                             (self.tr("月份"), self.month_combo), (self.tr("农户"), self.picker)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.new_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

    # -- loading ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Fill the years and read the first page (the first time the page is shown, or after a change)."""
        if self._loaded and not self._stale:
            return
        if not self._loaded:
            self._loaded = True
            self._fill_cadres()
            self._fill_years()
        self._stale = False
        self.apply_filters()

    def _fill_cadres(self) -> None:
        """Every cadre, the signed-in one first (and chosen)."""
        me = self.ctx.cadre_id
        self.cadre_combo.blockSignals(True)
        try:
            for cadre_id, name in sorted(setup.cadres(self.ctx), key=lambda c: (c[0] != me, c[1])):
                self.cadre_combo.addItem(name, cadre_id)
        finally:
            self.cadre_combo.blockSignals(False)

    def cadre_id(self) -> str | None:
        data = self.cadre_combo.currentData()
        return str(data) if data else None

    def period(self) -> tuple[int, int | None]:
        """(year, month or None for the whole year)."""
        year = self.year_combo.currentData()
        return int(year) if year is not None else dt.date.today().year, self.month_combo.currentData()

    def _fill_years(self) -> None:
        """The years from the cadre's first visit to now; the latest year with a visit is chosen."""
        today = dt.date.today()
        first = last = None
        cadre = self.cadre_id()
        if cadre:
            first, last = lookups.visit_date_range(self.ctx.db, cadre)
        years = range(max(today.year, last.year if last else today.year), (first.year if first else today.year) - 1,
                      -1)
        chosen = (last or today).year
        self.year_combo.blockSignals(True)
        try:
            self.year_combo.clear()
            for year in years:
                self.year_combo.addItem(self.tr("{0}年").format(year), year)
            self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(chosen)))
        finally:
            self.year_combo.blockSignals(False)

    def apply_filters(self) -> None:
        """Re-read the archive with the filters as they are now."""
        self._timer.stop()
        cadre = self.cadre_id()
        if not self._loaded or cadre is None:
            self.model.set_fetch(None)
            return
        year, month = self.period()
        start, end = (Month(year, month).first, Month(year, month).last) if month else \
            (dt.date(year, 1, 1), dt.date(year, 12, 31))
        household = self.picker.household_id()
        text = self.search.text().strip() or None

        db = self.ctx.db

        def fetch(after: VisitKey | None, limit: int) -> list[VisitSummary]:
            return browse.visits_of_cadre(db, cadre, start, end, household_id=household, text=text, after=after,
                                          limit=limit)

        self.model.set_fetch(fetch)

    def _cadre_changed(self) -> None:
        if self._loaded:
            self._fill_years()
        self.apply_filters()

    def _household_changed(self, household_id: object) -> None:
        if household_id is not None or not self.picker.text().strip():
            self.apply_filters()

    def _update_status(self) -> None:
        count = self.model.rowCount()
        year, month = self.period()
        period = self.tr("{0}年{1}月").format(year, month) if month else self.tr("{0}年").format(year)
        if self.model.canFetchMore():
            self.status.setText(self.tr("{0}：已显示前 {1} 条，向下滚动加载更多").format(period, count))
        else:
            self.status.setText(self.tr("{0}：共 {1} 条记录").format(period, count))

    def _data_changed(self, changes: Changes) -> None:
        if not (changes.visits or changes.bulk or changes.households or changes.reference):
            return
        self._stale = True
        if self.isVisible():
            self.ensure_loaded()

    # -- opening, recording, exporting -------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_visit(self.model.visit_id(index.row()))

    def new_visit(self) -> QWidget | None:
        return self.open_visit(None)

    def open_visit(self, visit_id: str | None) -> QWidget | None:
        """Open a saved visit (``visit_id``; raised if already open) or a new one in the visit form."""
        form = self.hub.editors.open("visit", visit_id, lambda: self._make_form(visit_id))
        if form is not None:
            self.form = form
        return form

    def _make_form(self, visit_id: str | None) -> QWidget | None:
        from fieldapp.gui.visits.visit_form import VisitForm

        try:
            form = VisitForm(self.ctx, None, visit_id, parent=self, tasks=self.tasks, hub=self.hub)
        except Exception as exc:
            show_error(self, exc)
            return None
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.destroyed.connect(self._form_gone)
        form.open()
        return form

    def _form_gone(self) -> None:
        self.form = None

    def export_pdf(self) -> None:
        """Ask where to save, then render the archive off the GUI thread."""
        cadre = self.cadre_id()
        if cadre is None:
            return
        year, month = self.period()
        name = self.cadre_combo.currentText()
        period = self.tr("{0}年{1}月").format(year, month) if month else self.tr("{0}年").format(year)
        suggested = str(Path.home() / self.tr("包扶纪实档案_{0}_{1}.pdf").format(name, period))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出包扶纪实档案"), suggested,
                                                    self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        ctx = self.ctx

        def render(_control: TaskControl) -> tuple[Path, tuple[str, ...]]:
            from fieldapp.services.printing.archive import render_archive
            from fieldapp.services.printing.fonts import missing_glyphs

            with missing_glyphs() as missing:
                path = render_archive(ctx, cadre, target, year=year, month=month)
            return path, tuple(sorted(missing))

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("正在导出 {0} …").format(target.name))
        self.export_task = self.tasks.run_db(render, on_done=self._exported, on_error=self._export_failed)

    def _exported(self, done: tuple[Path, tuple[str, ...]]) -> None:
        from fieldapp.gui.printing.jobs import warn_missing_glyphs

        path, missing = done
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("已导出：{0}").format(path))
        self.glyph_warning = warn_missing_glyphs(self, missing)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._update_status()
        show_error(self, exc)
