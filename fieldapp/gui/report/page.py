"""Page 汇总上报: a village's weekly summary or monthly update, and the villages' standing with the roll-up.

Tab 本村汇总 (for an account that writes summaries, the team leader): choose 周汇总 or 月更新, the period and
the village; the figures (as stored, or as the register holds them now when not yet generated) and the
cadres' days; the narrative; 保存草稿 (generate), 签字上报 (generate and sign in one step; a signed summary
changes only with a new signature) and 打印. Tab 各村上报情况: each village's standing for the period
(missing, unsigned, on time, late; flagged in red) and the town and district totals from the stored
summaries, as a township laptop or the district sees them; it prints too.
Every write runs as an operation (run_op) followed by one change notification; the services check the
permissions whatever the page shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import report as rules
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.report.models import CadreDaysModel, FiguresModel, VillageStatusModel
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.gui.workflow.panel import table
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.report import printing, rollup, service
from fieldapp.services.setup import villages
from fieldapp.services.signoff import service as signoff

log = logging.getLogger("fieldapp.gui.report")
RECENT = {rules.WEEKLY: 8, rules.MONTHLY: 6}  # periods offered in the chooser


def recent_periods(kind: str, today: dt.date) -> list[rules.Period]:
    """The last whole periods before ``today``, newest first."""
    found = [rules.previous(kind, today)]
    while len(found) < RECENT[kind]:
        found.append(rules.previous(kind, found[-1].first))
    return found


@dataclass(frozen=True)
class SummaryRequest:
    """Print one stored summary (a print job's request)."""

    village_id: str
    period: rules.Period

    @property
    def title(self) -> str:
        return QCoreApplication.translate("ReportPage", "汇总上报 {0}").format(self.period.text)

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        found = service.find(ctx.db, self.village_id, self.period)
        if found is None:
            raise LookupError(f"{self.period.text} 还没有生成汇总：先保存或签字，再打印")
        printing.render_summary(ctx, found, out)
        return found.title


@dataclass(frozen=True)
class RollupRequest:
    """Print the villages' standing and the totals of one period."""

    period: rules.Period
    village_ids: tuple[str, ...] | None

    @property
    def title(self) -> str:
        return QCoreApplication.translate("ReportPage", "汇总情况 {0}").format(self.period.text)

    def run(self, ctx: AppContext, out: Path, control: TaskControl) -> str:
        up = rollup.rollup(ctx.db, self.period, rule=service.due_rule(ctx), village_ids=self.village_ids)
        printing.render_rollup(ctx, up, out)
        return self.period.words


@dataclass(frozen=True)
class Loaded:
    overview: service.Overview | None
    rollup: rollup.Rollup


class ReportPage(QWidget):
    """The 汇总上报 page (see the module docstring)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.today = today or dt.date.today()
        self.may_write = ctx.allows(service.WRITE)
        self.may_sign = ctx.allows(service.SIGN)
        self.loaded: Loaded | None = None
        self.job: object = None
        self.staleness = StaleRefresh(self, self.refresh, stale=True)

        choose = self._build_chooser()
        self.tabs = QTabWidget(self)
        self._build_own_tab()
        self._build_all_tab()
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.tabs, 1)

        self._fill_periods()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.village.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button.clicked.connect(lambda: self.generate(sign=False))
        self.sign_button.clicked.connect(lambda: self.generate(sign=True))
        self.print_button.clicked.connect(self.print_summary)
        self.print_rollup_button.clicked.connect(self.print_rollup)
        self.hub.changed.connect(self._data_changed)
        self._update_buttons()

    def _build_chooser(self) -> QHBoxLayout:
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("周汇总"), rules.WEEKLY)
        self.kind.addItem(self.tr("月更新"), rules.MONTHLY)
        self.period = QComboBox(self)
        self.village = QComboBox(self)
        for vid, name in villages(self.ctx):
            self.village.addItem(name, vid)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        choose = QHBoxLayout()
        for label, widget in ((self.tr("类别(&K)"), self.kind), (self.tr("期间(&P)"), self.period),
                              (self.tr("村(&V)"), self.village)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            choose.addWidget(caption)
            choose.addWidget(widget)
        choose.addStretch(1)
        choose.addWidget(self.refresh_button)
        return choose

    def _build_own_tab(self) -> None:
        self.own = QWidget(self)
        self.figures = FiguresModel(self)
        self.cadres = CadreDaysModel(self)
        self.figures_view = table(self.own, self.figures)
        self.cadres_view = table(self.own, self.cadres)
        self.state = QLabel(self.own)
        self.state.setObjectName("summary_state")
        self.state.setWordWrap(True)
        self.narrative = QPlainTextEdit(self.own)
        self.narrative.setPlaceholderText(self.tr("本期工作情况、存在问题和下步打算（队长撰写）"))
        self.narrative.setTabChangesFocus(True)
        self.save_button = QPushButton(self.tr("保存草稿(&S)"), self.own)
        self.sign_button = QPushButton(self.tr("签字上报(&G)"), self.own)
        self.print_button = QPushButton(self.tr("打印(&R)…"), self.own)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.sign_button, self.print_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.state)
        right.addWidget(QLabel(self.tr("驻村干部在村天数"), self.own))
        right.addWidget(self.cadres_view, 1)
        narrative_label = QLabel(self.tr("情况说明(&N)"), self.own)
        narrative_label.setBuddy(self.narrative)
        right.addWidget(narrative_label)
        right.addWidget(self.narrative, 1)
        right.addLayout(buttons)
        own_layout = QHBoxLayout(self.own)
        own_layout.addWidget(self.figures_view, 2)
        own_layout.addLayout(right, 3)
        if self.may_write:
            self.tabs.addTab(self.own, self.tr("本村汇总"))
        else:
            self.own.hide()

    def _build_all_tab(self) -> None:
        self.all = QWidget(self)
        self.status_model = VillageStatusModel(self)
        self.status_view = table(self.all, self.status_model)
        self.totals = QLabel(self.all)
        self.totals.setObjectName("rollup_totals")
        self.totals.setWordWrap(True)
        self.print_rollup_button = QPushButton(self.tr("打印汇总情况(&T)…"), self.all)
        self.print_rollup_button.setAutoDefault(False)
        all_layout = QVBoxLayout(self.all)
        all_layout.addWidget(self.status_view, 1)
        all_layout.addWidget(self.totals)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_rollup_button)
        all_layout.addLayout(row)
        self.tabs.addTab(self.all, self.tr("各村上报情况"))

    # -- choosing ---------------------------------------------------------------------------------

    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        for p in recent_periods(self.current_kind, self.today):
            self.period.addItem(p.words, p.text)
        self.period.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_periods()
        self.refresh()

    @property
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    @property
    def current_period(self) -> rules.Period:
        return rules.parse_period(str(self.period.currentData()), self.current_kind)

    @property
    def current_village(self) -> str | None:
        value = self.village.currentData()
        return str(value) if value else None

    # -- loading ----------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.reports or changes.sync or changes.visit_data or changes.register or changes.spotchecks:
            self.staleness.mark()

    def refresh(self) -> None:
        if self.tasks.is_shut_down:
            return
        self.staleness.clear()
        ctx, period, village, write = self.ctx, self.current_period, self.current_village, self.may_write
        scope = tuple(ctx.settings["village_ids"]) or None

        def load(_control: TaskControl) -> Loaded:
            seen = service.overview(ctx, village, period) if write and village else None
            return Loaded(seen, rollup.rollup(ctx.db, period, rule=service.due_rule(ctx), today=self.today,
                                              village_ids=scope))

        self.tasks.run_db(load, on_done=self._loaded, on_error=lambda exc: show_error(self, exc))

    def _loaded(self, found: Loaded) -> None:
        self.loaded = found
        seen = found.overview
        if seen is not None:
            self.figures.set_rows(printing.figure_rows(seen.figures))
            self.cadres.set_rows(seen.figures.cadre_days)
            for column in (2, 3):  # compliance and the month's closing: a month's figures only
                self.cadres_view.setColumnHidden(column, not seen.figures.attendance_minimum)
            self.narrative.setPlainText(seen.stored.narrative if seen.stored else "")
            self.state.setText(self.state_text(seen))
            self.figures_view.resizeColumnToContents(0)
            self.cadres_view.resizeColumnToContents(0)
        up = found.rollup
        self.status_model.set_rows(up.villages)
        self.status_view.resizeColumnsToContents()
        parts = [self.tr("{0}：{1}/{2} 村已签字上报，未上报 {3}，未签字 {4}，迟报 {5}；走访 {6} 户次，措施 {7} 项，"
                         "退出 {8} 户，未解决问题 {9} 项").format(
                    t.name, t.totals.reported, t.totals.villages, t.missing, t.unsigned, t.late, t.totals.visits,
                    t.totals.measures, t.totals.exited, t.totals.problems_open) for t in (*up.towns, *up.districts)]
        self.totals.setText(self.tr("上报期限 {0}").format(up.due.isoformat()) + "\n" + "\n".join(parts))
        self._update_buttons()

    def state_text(self, seen: service.Overview) -> str:
        due = seen.due.isoformat() if seen.due else ""
        if seen.stored is None:
            return self.tr("尚未生成：下表为当前登记数据。保存草稿或签字上报（上报期限 {0}）。").format(due)
        if seen.state == signoff.VALID:
            text = self.tr("已签字上报：{0}，{1}，验证码 {2}（上报期限 {3}）。").format(
                seen.signer, seen.signed_text, seen.code, due)
            return text + (self.tr("迟报。") if seen.late else "")
        if seen.state == signoff.CHANGED:
            return self.tr("签字后被改动：须重新签字上报。")
        if seen.state == signoff.INVALID:
            return self.tr("签名无法核验：请重新签字上报。")
        return self.tr("草稿，尚未签字上报（上报期限 {0}）。").format(due)

    def _update_buttons(self) -> None:
        seen = self.loaded.overview if self.loaded else None
        signed = seen is not None and seen.stored is not None and seen.stored.signed
        ready = self.current_village is not None and self.today >= self.current_period.last
        self.save_button.setEnabled(self.may_write and ready and not signed)
        self.sign_button.setEnabled(self.may_sign and ready)
        self.sign_button.setText(self.tr("重新签字上报(&G)") if signed else self.tr("签字上报(&G)"))
        self.print_button.setEnabled(seen is not None and seen.stored is not None)

    # -- acting -----------------------------------------------------------------------------------

    def generate(self, *, sign: bool) -> None:
        village = self.current_village
        if village is None:
            return
        ctx, period, text, today = self.ctx, self.current_period, self.narrative.toPlainText(), self.today

        def write() -> service.SummaryView:
            return service.generate(ctx, village, period.text, kind=period.kind, narrative=text, sign=sign,
                                    today=today)

        message = self.tr("已签字上报：{0}") if sign else self.tr("已保存草稿：{0}")
        run_op(self.tasks, self.hub, write, changes=Changes(reports=True), parent=self,
               message=lambda made: message.format(made.title))

    def print_summary(self) -> object:
        from fieldapp.gui.printing.jobs import start_with_progress

        village = self.current_village
        if village is None:
            return None
        self.job = start_with_progress(self, self.ctx, self.tasks, SummaryRequest(village, self.current_period))
        return self.job

    def print_rollup(self) -> object:
        from fieldapp.gui.printing.jobs import start_with_progress

        scope = tuple(self.ctx.settings["village_ids"]) or None
        self.job = start_with_progress(self, self.ctx, self.tasks, RollupRequest(self.current_period, scope))
        return self.job
