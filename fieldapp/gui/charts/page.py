"""挂图作战 page: the four charts of a scope (the district, a town or a village) and a year.

The figures and drawings are those of the posters (:mod:`fieldapp.services.charts`), computed on the
database thread; each chart is a tab (:class:`ChartCanvas`). A click on a number lists the households
behind it on the right; double-clicking one (or 打开农户) opens its editor. 打印挂图 writes the A3 or A1
poster. The page recomputes when the register changes (only once shown again, if hidden).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import charts as ch
from fieldapp.gui.charts.canvas import ChartCanvas
from fieldapp.gui.charts.models import DrillModel
from fieldapp.gui.errors import show_error
from fieldapp.gui.household_editor.opening import open_editor
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.charts import drawings, figures, geomap, posters
from fieldapp.services.context import AppContext


@dataclass(frozen=True)
class Shown:
    """What the page shows: the figures, their drawings and the village names (for the list)."""

    charts: figures.Charts
    drawings: list[drawings.ChartDrawing]
    villages: dict[str, str]


def _load(ctx: AppContext, area_id: str, year: int) -> Shown:
    map_file = geomap.map_file(ctx.paths.home, ctx.settings["village_map"])
    charts = figures.all_charts(ctx.db, ctx.ref, area_id, year)
    villages = {s.area_id: s.name for s in figures.scopes(ctx.db) if s.level == ch.VILLAGE}
    return Shown(charts, drawings.all_drawings(charts, ctx.ref, map_file=map_file), villages)


class ChartsPage(QWidget):
    """The 挂图作战 page (see the module docstring)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self.shown: Shown | None = None
        self.task: Task | None = None
        self.editor: QWidget | None = None
        # read when first shown, not at login: the four charts are a whole-register read
        self.staleness = StaleRefresh(self, self._reread_all, stale=True)
        self._build_controls(today)
        self._build_drill_list()
        self._lay_out()
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_poster)
        self.scope.activated.connect(lambda _i: self.refresh())
        self.year.editingFinished.connect(self.refresh)
        self.hub.changed.connect(self._data_changed)

    def _build_controls(self, today: dt.date | None) -> None:
        self.scope = QComboBox(self)
        self.scope.setMinimumContentsLength(10)
        self.year = QSpinBox(self)
        self.year.setRange(2010, 2100)
        self.year.setValue((today or dt.date.today()).year)
        self.year.setSuffix(self.tr(" 年"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.paper = QComboBox(self)
        self.paper.addItems(["A3", "A1"])
        self.print_button = QPushButton(self.tr("打印挂图…"), self)
        self.as_of = QLabel(self)
        self.as_of.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget(self)
        self.canvases: list[ChartCanvas] = []
        for title in (self.tr("贫困对象分布图"), self.tr("计划措施细则图"), self.tr("产业发展规划图"),
                      self.tr("任务进度进展图")):
            canvas = ChartCanvas(self.tabs)
            canvas.picked.connect(self.drill)
            self.canvases.append(canvas)
            self.tabs.addTab(canvas, title)

    def _build_drill_list(self) -> None:
        self.caption = QLabel(self.tr("点击图中的数字，列出其中的户"), self)
        self.caption.setWordWrap(True)
        self.model = DrillModel(self.ctx.ref, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._open_index)  # double-click or Enter
        self.open_button = QPushButton(self.tr("打开农户"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.open_button.setEnabled(self.table.currentIndex().isValid()))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("范围"), self))
        top.addWidget(self.scope)
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addWidget(self.refresh_button)
        top.addWidget(self.as_of, 1)
        top.addWidget(self.paper)
        top.addWidget(self.print_button)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.caption)
        side_layout.addWidget(self.table, 1)
        side_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # -- scopes -----------------------------------------------------------------------------------

    def _fill_scopes(self) -> None:
        current = self.scope.currentData()
        self.scope.clear()
        for s in figures.scopes(self.ctx.db):  # in tree order: a district, its first town, that town's villages…
            self.scope.addItem(s.name, s.area_id)
        if not current:
            default = figures.default_scope(self.ctx.db)
            current = default.area_id if default else None
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))

    def choose_scope(self, area_id: str) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(area_id)))
        self.refresh()

    # -- loading ----------------------------------------------------------------------------------

    def refresh(self) -> Task | None:
        self.staleness.clear()
        area_id = self.scope.currentData()
        if not area_id:
            self.as_of.setText(self.tr("本机还没有村、乡镇或区县"))
            return None
        year = self.year.value()

        def load(_control: TaskControl) -> Shown:
            return _load(self.ctx, area_id, year)

        self.task = self.tasks.run_db(load, on_done=self.show_charts, on_error=self._failed)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def show_charts(self, shown: Shown) -> None:
        self.shown = shown
        for canvas, drawing in zip(self.canvases, shown.drawings, strict=True):
            canvas.set_chart(drawing)
        c = shown.charts
        data = f"{c.data_time:%Y-%m-%d %H:%M}" if c.data_time else self.tr("无")
        self.as_of.setText(self.tr("{0} {1}年 · 计算于 {2:%Y-%m-%d %H:%M} · 数据截至 {3}").format(
            c.scope.name, c.year, c.as_of, data))

    def _data_changed(self, changes: Changes) -> None:
        if changes.database or changes.settings:
            self.staleness.mark()

    def _reread_all(self) -> None:
        """After a change: the scopes may have changed too, then the charts."""
        self._fill_scopes()
        self.refresh()

    # -- drill-down -------------------------------------------------------------------------------

    def drill(self, spot: drawings.Hotspot) -> Task:
        """List the households behind a clicked number."""
        ids = spot.cell.households
        self.caption.setText(self.tr("{0}：{1}户").format(spot.caption, len(ids)))

        def load(_control: TaskControl) -> list[figures.DrillRow]:
            return figures.drill(self.ctx.db, ids)

        villages = self.shown.villages if self.shown else {}
        return self.tasks.run_db(load, on_done=lambda rows: self.model.set_households(rows, villages),
                                 on_error=self._failed)

    def _open_index(self, index: QModelIndex) -> None:
        household_id = self.model.household_id(index.row())
        if household_id:
            self.open_household(household_id)

    def open_selected(self) -> QWidget | None:
        household_id = self.model.household_id(self.table.currentIndex().row())
        return self.open_household(household_id) if household_id else None

    def open_household(self, household_id: str) -> QWidget | None:
        """The household's editor (raised if it is open already)."""
        editor = open_editor(self, self.ctx, self.tasks, self.hub, household_id, on_closed=self._editor_gone)
        if editor is not None:
            self.editor = editor
        return editor

    def _editor_gone(self) -> None:
        self.editor = None

    # -- printing ---------------------------------------------------------------------------------

    def print_poster(self, path: str | None = None) -> Task | None:
        """Write the poster of the shown scope and year (``path``: without asking where)."""
        if self.shown is None:
            return None
        charts, size = self.shown.charts, self.paper.currentText()
        if path is None:
            suggested = str(Path.home() / f"{charts.scope.name}-{charts.year}-挂图作战-{size}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存挂图"), suggested, self.tr("PDF 文件 (*.pdf)"))
            if not path:
                return None
        target = path

        def write(_control: TaskControl) -> Path:
            map_file = geomap.map_file(self.ctx.paths.home, self.ctx.settings["village_map"])
            fresh = figures.all_charts(self.ctx.db, self.ctx.ref, charts.scope.area_id, charts.year)
            return posters.write_poster(fresh, self.ctx.ref, target, size=size, map_file=map_file)

        return self.tasks.run_db(write, on_done=lambda p: self.as_of.setText(self.tr("已生成挂图：{0}").format(p)),
                                 on_error=self._failed)
