"""资产台账: the assets accepted projects made, paged from SQL, with the selected asset's income, distribution and
signed changes; dialogs to record an asset, a year's income and its distribution, a transfer, damage or disposal;
the ledger printed (PDF) or exported (.xlsx).

Every write runs as an operation on the task manager and announces one ``Changes(assets=True, households=…)``
(the households whose shares changed: their editors' 资产收益 tab follows). The services check permissions and
figures; the page only disables what the account may not do.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import assets as rules
from fieldapp.domain.money import format_yuan
from fieldapp.gui.assets.dialogs import AddAssetDialog, ChangeDialog, IncomeDialog
from fieldapp.gui.assets.models import LedgerModel
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ChoiceCombo, CodeCombo
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services import setup
from fieldapp.services.assets import ledger, records, service
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class AssetsPage(QWidget):
    """The asset ledger page (资产台账)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.hub = ctx, tasks, hub
        self.view_of: records.AssetView | None = None
        self.dialog: Any = None
        self.stale = StaleRefresh(self, self.refresh, stale=True)
        self.model = LedgerModel(ctx, parent=self)
        self._build()
        hub.changed.connect(self._data_changed)

    # -- layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._ledger_table())
        split.addWidget(self._detail())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addWidget(split, 1)
        layout.addLayout(self._button_row())
        QShortcut(QKeySequence("Ctrl+F"), self, self.table.setFocus)
        self._enable()

    def _filter_bar(self) -> QHBoxLayout:
        lang = current_language()
        self.area = ChoiceCombo([(v[0], v[1]) for v in setup.villages(self.ctx)], blank=self.tr("全部村"))
        self.kind = CodeCombo(self.ctx.ref["asset_kind"], blank=self.tr("全部类别"), lang=lang)
        self.state = CodeCombo(self.ctx.ref["asset_state"], blank=self.tr("全部状态"), lang=lang)
        self.count = QLabel()
        bar = QHBoxLayout()
        for label, widget in ((self.tr("村(&V)"), self.area), (self.tr("类别(&K)"), self.kind),
                              (self.tr("状态(&T)"), self.state)):
            text = QLabel(label)
            text.setBuddy(widget)
            bar.addWidget(text)
            bar.addWidget(widget)
        bar.addWidget(self.count, 1)
        for combo in (self.area, self.kind, self.state):
            combo.changed.connect(self.refresh)
        return bar

    def _ledger_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        return self.table

    def _detail(self) -> QWidget:
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.incomes = _table([self.tr("年度"), self.tr("收益"), self.tr("分配到户"), self.tr("户数"),
                               self.tr("村集体留存")])
        self.shares = _table([self.tr("农户"), self.tr("分配金额")])
        self.events = _table([self.tr("变更"), self.tr("日期"), self.tr("原因"), self.tr("产权归属"),
                              self.tr("管护主体"), self.tr("状态"), self.tr("签字")])
        self.incomes.itemSelectionChanged.connect(self._income_chosen)
        detail = QWidget()
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.title)
        money = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("收益及分配")))
        left.addWidget(self.incomes)
        right.addWidget(QLabel(self.tr("分配到户（所选年度）")))
        right.addWidget(self.shares)
        money.addLayout(left, 3)
        money.addLayout(right, 2)
        side.addLayout(money, 1)
        side.addWidget(QLabel(self.tr("资产变更（签字，不能删除）")))
        side.addWidget(self.events, 1)
        return detail

    def _button_row(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("登记资产(&A)…"))
        self.income_button = QPushButton(self.tr("收益及分配(&I)…"))
        self.transfer_button = QPushButton(self.tr("移交(&H)…"))
        self.damage_button = QPushButton(self.tr("毁损(&D)…"))
        self.dispose_button = QPushButton(self.tr("处置(&X)…"))
        self.print_button = QPushButton(self.tr("打印台账(&P)…"))
        self.export_button = QPushButton(self.tr("导出 Excel(&E)…"))
        self.add_button.clicked.connect(self.add_asset)
        self.income_button.clicked.connect(self.record_income)
        self.transfer_button.clicked.connect(functools.partial(self.change, rules.TRANSFER))
        self.damage_button.clicked.connect(functools.partial(self.change, rules.DAMAGE))
        self.dispose_button.clicked.connect(functools.partial(self.change, rules.DISPOSAL))
        self.print_button.clicked.connect(self.choose_pdf)
        self.export_button.clicked.connect(self.choose_xlsx)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.income_button, self.transfer_button, self.damage_button,
                  self.dispose_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        return buttons

    def _enable(self) -> None:
        edit, change = self.ctx.allows(rules.EDIT), self.ctx.allows(rules.CHANGE)
        asset = self.view_of
        open_asset = asset is not None and asset.state not in rules.FINAL_STATES
        self.add_button.setEnabled(edit)
        self.income_button.setEnabled(edit and asset is not None)
        for b in (self.transfer_button, self.damage_button, self.dispose_button):
            b.setEnabled(change and open_asset)

    # -- reading ---------------------------------------------------------------------------------------------

    def current_filter(self) -> records.Filter:
        area = self.area.value()
        return records.Filter(area_ids=(area,) if area else None, kind=self.kind.value() or None,
                              state=self.state.value() or None)

    def _data_changed(self, changes: Changes) -> None:
        if changes.assets or changes.bulk or changes.sync or changes.reference:
            self.stale.mark()

    def refresh(self) -> None:
        """Read the ledger again (the first page; the model reads more as the view scrolls)."""
        self.stale.clear()
        keep = self.view_of.id if self.view_of else None
        self.model.load(self.current_filter())
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("共 {0} 项").format(self.model.total))
        row = next((i for i, line in enumerate(self.model.lines) if line.id == keep), 0 if self.model.lines else -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show(None)

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        line = self.model.line(rows[0].row()) if rows else None
        if line is None:
            self._show(None)
            return
        db = self.ctx.db

        def read(_control: TaskControl) -> tuple[records.AssetView, dict[str, str]]:
            view = records.get(db, line.id)
            return view, {e.id: signoff.status(db, "asset_event", e.id).state for e in view.events}
        self.tasks.run_db(read, on_done=lambda found: self._show(*found))

    def _signature(self, state: str) -> str:
        return {signoff.VALID: self.tr("签字有效"), signoff.CHANGED: self.tr("签字后内容已被修改"),
                signoff.INVALID: self.tr("签名无效"), signoff.UNSIGNED: self.tr("未签字")}.get(state, state)

    def _show(self, view: records.AssetView | None, signatures: dict[str, str] | None = None) -> None:
        self.view_of = view
        self._enable()
        if view is None:
            self.title.setText(self.tr("（未选择资产）"))
            for t in (self.incomes, self.shares, self.events):
                t.setRowCount(0)
            return
        ref, lang = self.ctx.ref, current_language()
        self.title.setText(self.tr("{0}：{1}，价值 {2} 元；{3}；产权 {4}，管护 {5}；{6}；项目“{7}”").format(
            view.area_name, view.name, format_yuan(view.value), ref["asset_kind"].label(view.kind, lang),
            view.owner_name, view.manager, ref["asset_state"].label(view.state, lang), view.project_name))
        _fill(self.incomes, [[str(i.year), format_yuan(i.income), format_yuan(i.distributed), str(len(i.shares)),
                              format_yuan(i.retained)] for i in view.incomes], numeric=(1, 2, 3, 4))
        _fill(self.events, [[ref["asset_event"].label(e.kind, lang), e.date.isoformat(), e.reason,
                             _moved(e.owner_before_name, e.owner_after_name), _moved(e.manager_before, e.manager_after),
                             _moved(ref["asset_state"].label(e.state_before, lang),
                                    ref["asset_state"].label(e.state_after, lang)),
                             f"{e.recorded_by_name or ''}（{self._signature((signatures or {}).get(e.id, ''))}）"]
                            for e in view.events])
        if view.incomes:
            self.incomes.selectRow(len(view.incomes) - 1)
        else:
            self.shares.setRowCount(0)

    def _income_chosen(self) -> None:
        view = self.view_of
        rows = self.incomes.selectionModel().selectedRows() if view else []
        if view is None or not rows or not 0 <= rows[0].row() < len(view.incomes):
            self.shares.setRowCount(0)
            return
        income = view.incomes[rows[0].row()]
        _fill(self.shares, [[" ".join(x for x in (s.hh_no or "", s.head or "") if x), format_yuan(s.amount)]
                            for s in income.shares], numeric=(1,))

    # -- writing ---------------------------------------------------------------------------------------------

    def _write(self, write: Any, changes: Changes, message: str) -> None:
        dialog = self.dialog

        def done(_result: object) -> None:
            if dialog is not None:
                dialog.accept()

        def failed(exc: BaseException) -> bool:
            if dialog is not None and isinstance(exc, rules.AssetError | LookupError | ValueError):
                dialog.show_problem(str(exc))
                return True
            return False
        run_op(self.tasks, self.hub, write, changes=changes, parent=dialog or self, message=message, on_done=done,
               on_error=failed)

    def add_asset(self) -> AddAssetDialog:
        self.dialog = AddAssetDialog(self.ctx, records.accepted_projects(self.ctx.db), self._save_asset, self)
        self.dialog.open()
        return self.dialog

    def _save_asset(self, dialog: AddAssetDialog) -> None:
        ctx = self.ctx
        pid, draft = dialog.draft()
        self._write(lambda: service.from_project(ctx, pid, [draft]), Changes(assets=True),
                    self.tr("已登记资产“{0}”").format(draft.name.strip()))

    def _households(self) -> list[records.HouseholdChoice]:
        view = self.view_of
        return records.households_of(self.ctx.db, view.village_id) if view else []

    def record_income(self) -> IncomeDialog | None:
        view = self.view_of
        if view is None:
            return None
        from fieldapp.services.projects import records as projects

        beneficiaries = {b.household_id for b in projects.get(self.ctx.db, view.project_id).beneficiaries}
        shared = {s.household_id for i in view.incomes for s in i.shares}
        every = self._households()
        # the project's beneficiaries and whoever had a share before; a project without any: the whole village
        chosen = [h for h in every if h.id in beneficiaries | shared] or every
        self.dialog = IncomeDialog(self.ctx, view, chosen, self._save_income, self)
        self.dialog.open()
        return self.dialog

    def _save_income(self, dialog: IncomeDialog) -> None:
        ctx, asset = self.ctx, dialog.asset
        year, income, shares = dialog.year.value(), dialog.income.value() or 0, dialog.shares() or {}
        before = {s.household_id for i in asset.incomes if i.year == year for s in i.shares}
        self._write(lambda: service.record_income(ctx, asset.id, year, income, note=dialog.note.text(),
                                                  shares=shares),
                    Changes(assets=True, households=frozenset(before | set(shares))),
                    self.tr("已登记 {0} 年收益并分配到 {1} 户").format(year, len(shares)))

    def change(self, kind: str) -> ChangeDialog | None:
        view = self.view_of
        if view is None:
            return None
        self.dialog = ChangeDialog(self.ctx, view, kind, self._households(), self._save_change, parent=self)
        self.dialog.open()
        return self.dialog

    def _save_change(self, dialog: ChangeDialog) -> None:
        ctx, asset, kind, values = self.ctx, dialog.asset, dialog.kind, dialog.values()
        self._write(lambda: service.change(ctx, asset.id, kind, **values), Changes(assets=True),
                    self.tr("已登记{0}并签字").format(ctx.ref["asset_event"].label(kind, current_language())))

    # -- the ledger as files ---------------------------------------------------------------------------------

    def choose_pdf(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("打印资产台账"), self.tr("资产台账.pdf"),
                                               self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.write_file(Path(path), pdf=True)

    def choose_xlsx(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("导出资产台账"), self.tr("资产台账.xlsx"),
                                               self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.write_file(Path(path), pdf=False)

    def write_file(self, path: Path, *, pdf: bool) -> None:
        ctx, f = self.ctx, self.current_filter()

        def write(_control: TaskControl) -> int:
            return ledger.render_pdf(ctx, path, f) if pdf else ledger.export_xlsx(ctx, path, f)
        self.tasks.run_db(write, on_done=lambda n: self.hub.announce(
            Changes(), self.tr("已生成资产台账 {0}（{1} 项）").format(path.name, n)))


def _moved(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"
