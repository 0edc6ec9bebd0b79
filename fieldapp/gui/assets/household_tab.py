"""The household editor's 资产收益 tab: what the household received from assets' yearly income (收益分配), read-only,
with each year's total; it reads when first shown and again when assets change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.money import format_yuan
from fieldapp.gui.codes import current_language
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services.assets import records
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext


class AssetSharesTab(QWidget):
    """Year, asset, kind, project and amount of each share; a total line per year."""

    def __init__(self, ctx: AppContext, household_id: str | None, *, tasks: TaskManager, hub: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.household_id, self.tasks = ctx, household_id, tasks
        self.note = QLabel(self.tr("由扶贫资产收益分配到本户的金额（在“资产台账”登记，此处只读）。"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("年度"), self.tr("资产"), self.tr("类别"), self.tr("所属项目"),
                                              self.tr("金额（元）")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.stale = StaleRefresh(self, self.refresh, stale=True)
        hub.changed.connect(self._data_changed)

    def _data_changed(self, changes: Changes) -> None:
        if changes.assets or changes.bulk or changes.sync:
            self.stale.mark()

    def refresh(self) -> None:
        if self.household_id is None:
            return
        self.stale.clear()
        db, hid = self.ctx.db, self.household_id

        def read(_control: TaskControl) -> list[records.HouseholdShare]:
            return records.household_shares(db, hid)
        self.tasks.run_db(read, on_done=self.show_shares)

    def show_shares(self, shares: list[records.HouseholdShare]) -> None:
        kinds, lang = self.ctx.ref["asset_kind"], current_language()
        rows: list[tuple[list[str], bool]] = []
        totals = records.household_totals(shares)
        for year in sorted(totals):
            for s in (s for s in shares if s.year == year):
                rows.append(([str(year), s.asset_name, kinds.label(s.asset_kind, lang), s.project_name,
                              format_yuan(s.amount)], False))
            rows.append(([self.tr("{0}年合计").format(year), "", "", "", format_yuan(totals[year])], True))
        if not rows:
            rows.append(([self.tr("（本户没有分到资产收益）"), "", "", "", ""], False))
        self.table.setRowCount(len(rows))
        for r, (cells, total) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
