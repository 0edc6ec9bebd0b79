"""The project side of a household's 帮扶措施 tab: which project each measure belongs to, linking a saved measure
to a project (:func:`fieldapp.services.projects.service.link_measure`, an operation of its own like a visit's
save), and per year what the household received by fund channel
(:func:`fieldapp.services.projects.household.household_benefits`).

Totals and names are those of the saved measures: the panel re-reads them after every write concerning the
household. Linking needs the measure saved and unchanged in the editor (what is linked is what is stored).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.money import format_yuan
from fieldapp.gui import i18n
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.projects.dialogs import LinkDialog
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.projects import browse
from fieldapp.services.projects.household import HouseholdBenefits, household_benefits

if TYPE_CHECKING:
    from fieldapp.gui.household_editor.measures_tab import MeasuresTab

log = logging.getLogger("fieldapp.gui.projects")
LINK_PERMISSION = "register.edit"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MeasureProjects(QWidget):
    """Below the measures list: the totals by year and channel; beside its buttons, 关联项目."""

    #: a measure's project was saved (measure id, project id or None)
    linked = Signal(str, object)

    def __init__(self, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, household_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.hub, self.household_id = ctx, tasks, hub, household_id
        self.tab: MeasuresTab | None = None
        self.saved: dict[str, dict[str, Any]] = {}
        self.benefits = HouseholdBenefits((), ())
        self.dialog: QDialog | None = None
        self.link_button = QPushButton(self.tr("关联项目(&J)…"))
        self.link_button.clicked.connect(self.link)
        self.caption = QLabel(self.tr("各年度收到的帮扶资金（按资金渠道，已保存的措施）"))
        self.totals = QTableWidget(0, 0)
        self.totals.setObjectName("channel_totals")
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.setTabKeyNavigation(False)
        self.totals.verticalHeader().hide()
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals.verticalHeader().setDefaultSectionSize(self.totals.fontMetrics().height() + 8)
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.caption)
        column.addWidget(self.totals)
        hub.changed.connect(self._changed)

    def attach(self, tab: MeasuresTab) -> None:
        self.tab = tab
        tab.changed.connect(self.update_button)

    # -- reading ---------------------------------------------------------------------------------

    def load(self, rows: list[dict[str, Any]]) -> None:
        """The measures as saved (the editor's starting point), then the names and totals."""
        self.saved = {str(r["id"]): dict(r) for r in rows if r.get("id")}
        self.reread()

    def reread(self) -> None:
        self.benefits = household_benefits(self.ctx.db, self.household_id)
        if self.tab is not None:
            ids = sorted({str(r["project_id"]) for r in self.tab.rows if r.get("project_id")})
            self.tab.project_names.clear()
            self.tab.project_names.update(browse.project_names(self.ctx.db, ids))
            self.tab.model.layoutChanged.emit()
        self._fill_totals()
        self.update_button()

    def _changed(self, changes: Changes) -> None:
        if changes.touches_household(self.household_id) or changes.projects or changes.sync:
            self.reread()

    def _fill_totals(self) -> None:
        lang = i18n.ref_language()
        codes = self.ctx.ref["fund_channel"]
        order = [c.code for c in codes.codes]
        totals = self.benefits.totals
        channels = sorted({t.channel for t in totals}, key=lambda c: (c is None, order.index(c) if c in order else 99))
        years = list(dict.fromkeys(t.year for t in totals))
        headers = [self.tr("年度")] + [codes.label(c, lang) if c else self.tr("未注明渠道") for c in channels]
        self.totals.setColumnCount(len(headers) + 1)
        self.totals.setHorizontalHeaderLabels([*headers, self.tr("合计")])
        self.totals.setRowCount(len(years))
        amounts = {(t.year, t.channel): t.amount for t in totals}
        for r, year in enumerate(years):
            self.totals.setItem(r, 0, QTableWidgetItem(str(year) if year is not None else self.tr("未注明日期")))
            for c, channel in enumerate(channels, start=1):
                amount = amounts.get((year, channel))
                item = QTableWidgetItem("" if amount is None else format_yuan(amount))
                item.setTextAlignment(_RIGHT)
                self.totals.setItem(r, c, item)
            total = QTableWidgetItem(format_yuan(sum(a for (y, _c), a in amounts.items() if y == year)))
            total.setTextAlignment(_RIGHT)
            self.totals.setItem(r, len(channels) + 1, total)
        self.caption.setVisible(True)
        if not years:
            self.caption.setText(self.tr("各年度收到的帮扶资金：还没有填写金额的措施"))
        else:
            self.caption.setText(self.tr("各年度收到的帮扶资金（按资金渠道，已保存的措施）"))
        self.totals.setVisible(bool(years))
        # as tall as its rows (up to five; more scroll), so no year hides behind the form below
        shown = max(1, min(len(years), 5))
        self.totals.setFixedHeight(self.totals.horizontalHeader().sizeHint().height()
                                   + shown * self.totals.verticalHeader().defaultSectionSize()
                                   + 2 * self.totals.frameWidth())

    def total(self, year: int | None, channel: str | None) -> int | None:
        """What the table shows for ``year`` and ``channel`` (fen; None: nothing)."""
        return next((t.amount for t in self.benefits.totals if t.year == year and t.channel == channel), None)

    # -- linking ---------------------------------------------------------------------------------

    def current_row(self) -> dict[str, Any] | None:
        tab = self.tab
        if tab is None or tab.current is None or not 0 <= tab.current < len(tab.rows):
            return None
        return tab.rows[tab.current]

    def link_refusal(self) -> str:
        """Why the selected measure cannot be linked now ('' when it can)."""
        row = self.current_row()
        if not self.ctx.allows(LINK_PERMISSION):
            return self.tr("您的账户没有修改档案的权限")
        if row is None:
            return self.tr("请先选中一条措施")
        measure_id = row.get("id")
        if not measure_id or str(measure_id) not in self.saved:
            return self.tr("新措施保存后才能关联项目")
        if self.saved[str(measure_id)] != row:
            return self.tr("请先保存对这条措施的修改，再关联项目")
        return ""

    def update_button(self) -> None:
        reason = self.link_refusal()
        self.link_button.setEnabled(not reason)
        self.link_button.setToolTip(reason or self.tr("说明这条措施属于哪个项目"))

    def link(self) -> QDialog | None:
        row = self.current_row()
        if self.link_refusal() or row is None:
            return None
        measure_id = str(row["id"])
        dialog = LinkDialog(self.ctx, self.tasks, self.hub, self.household_id, measure_id=measure_id,
                            current=row.get("project_id"), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._linked(measure_id, dialog.project.value()))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _linked(self, measure_id: str, project_id: str | None) -> None:
        """Saved: the working copy, the saved copy and the editor's baseline name the new project."""
        if measure_id in self.saved:
            self.saved[measure_id]["project_id"] = project_id
        if self.tab is not None:
            for row in self.tab.rows:
                if row.get("id") == measure_id:
                    row["project_id"] = project_id
        self.linked.emit(measure_id, project_id)
        self.reread()
