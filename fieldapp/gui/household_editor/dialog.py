"""The household editor dialog (农户档案): the whole 八个搞清楚 record of one household in tabs.

Everything is edited in a working copy and written in one go by
:func:`fieldapp.services.register.save_record` (one transaction: all or nothing), as an operation
on the task manager (:func:`fieldapp.gui.ops.run_op`) followed by one change notification.
Only the fields the cadre changed are written; if one of them was changed elsewhere since the
editor loaded it, the save is refused and :class:`~fieldapp.gui.stale_dialog.StaleSaveDialog`
lets the cadre choose per field before it saves again. A saved household shows its sign-off line
(签字背书 and its status, :class:`~fieldapp.gui.signoff.bar.SignoffBar`) above the buttons.
The record is validated as the user types with the same rules the save applies
(plus the register-wide check that a resident ID belongs to one household only);
a refused save shows its messages next to the fields and focuses the first one.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import resident_id
from fieldapp.domain.errors import ValidationError
from fieldapp.gui import geometry, keys
from fieldapp.gui.fields import ERROR_COLOR, INVALID_STYLE
from fieldapp.gui.household_editor.base import EditorTab, ask_unsaved, parse_list_key
from fieldapp.gui.household_editor.basic_tab import BasicTab
from fieldapp.gui.household_editor.history_tab import HistoryTab
from fieldapp.gui.household_editor.income_tab import IncomeTab
from fieldapp.gui.household_editor.indicators_tab import IndicatorsTab
from fieldapp.gui.household_editor.labels import field_label, format_value
from fieldapp.gui.household_editor.living_tab import LivingTab
from fieldapp.gui.household_editor.measures_tab import MeasuresTab
from fieldapp.gui.household_editor.members_tab import MembersTab
from fieldapp.gui.household_editor.responsibility_tab import ResponsibilityTab
from fieldapp.gui.household_editor.visits_tab import VisitsTab
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.signoff.bar import SignoffBar
from fieldapp.gui.stale_dialog import StaleSaveDialog, describe_rows
from fieldapp.gui.tasks import SyncTaskManager, Task, TaskManager
from fieldapp.gui.workflow.panel import WorkflowPanel
from fieldapp.services import lookups, register, setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.register import HouseholdRecord
from fieldapp.services.stale import StaleField, StaleWrite

log = logging.getLogger("fieldapp.gui.household_editor")
_UNSET = object()


class HouseholdEditor(QDialog):
    """Edit one household (``household_id``) or create one in ``village_id`` (``household_id`` None)."""

    saved = Signal(str)  # household id, after a successful save

    def __init__(self, ctx: AppContext, household_id: str | None, village_id: str | None = None,
                 parent: QWidget | None = None, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        # standalone (no window around it): saves run inline and are announced to a hub of its own
        self.tasks = tasks if tasks is not None else SyncTaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self._saving: Task | None = None
        self._saved_now = False
        self.stale_dialog: StaleSaveDialog | None = None
        if household_id is not None:
            self._original: HouseholdRecord | None = register.load_record(ctx.db, household_id)
            record = copy.deepcopy(self._original)
        else:
            self._original = None
            villages = setup.villages(ctx)
            village = village_id or (villages[0][0] if villages else None)
            record = HouseholdRecord(household={"village_id": village})
        self._household_base = dict(record.household)
        self._reveal = household_id is not None  # show every problem at once (else once touched / after a save try)
        self._dup_key: tuple[str | None, ...] = ()
        self._dup_problems: dict[str, str] = {}
        self._member_choices: list[tuple[str, str]] = []
        self.problems: dict[str, str] = {}
        self._shown: dict[str, object] = {}  # what the title, summary… currently show (see _apply)

        self._build_tabs()
        self._build_buttons()
        for tab in self.editor_tabs:
            tab.load(record)
            tab.changed.connect(self._changed)
        self.members.changed.connect(self._members_changed)
        self.members.row_removed.connect(self._member_removed)
        self._members_changed()
        self._baseline = self.collect()
        self._changed()
        self.setMinimumSize(860, 560)
        geometry.fit(self, "household_editor", (1000, 700))
        (self.basic.village if household_id is not None else self.basic.hh_no).setFocus()

    def _build_tabs(self) -> None:
        ctx = self.ctx
        cadres = setup.cadres(ctx)
        self.basic = BasicTab(ctx)
        self.members = MembersTab(ctx.ref)
        self.income = IncomeTab(ctx.ref, lambda: len(self.members.rows))
        self.indicators = IndicatorsTab(ctx, cadres)
        from fieldapp.gui.projects.measures import MeasureProjects  # the projects package uses editor labels

        self.measure_projects: MeasureProjects | None = None
        if self.household_id is not None:  # a saved household's measures can be linked to projects
            self.measure_projects = MeasureProjects(ctx, self.tasks, self.hub, self.household_id)
            self.measure_projects.linked.connect(self._measure_linked)
        self.measures = MeasuresTab(ctx.ref, projects=self.measure_projects)
        self.responsibility = ResponsibilityTab(ctx, cadres)
        self.living = LivingTab(ctx.ref)
        self.history = HistoryTab(ctx, self.household_id)
        # not an editor tab: visits save on their own
        self.visits = VisitsTab(ctx, self.household_id, tasks=self.tasks, hub=self.hub)
        # not an editor tab either: workflow decisions are signed acts of their own
        self.workflow = WorkflowPanel(ctx, self.household_id, tasks=self.tasks, hub=self.hub)
        # read-only: the household's shares of assets' income, recorded on the 资产台账 page
        from fieldapp.gui.assets.household_tab import AssetSharesTab

        self.asset_shares = AssetSharesTab(ctx, self.household_id, tasks=self.tasks, hub=self.hub)
        # the exit status the basic tab shows follows the workflows as they move (here, elsewhere, by sync)
        self.hub.changed.connect(self._standing_changed)
        self.editor_tabs: list[EditorTab] = [self.basic, self.members, self.income, self.indicators,
                                             self.measures, self.responsibility, self.living]
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        titles = (self.tr("基本信息"), self.tr("家庭成员"), self.tr("收入"), self.tr("两不愁三保障"),
                  self.tr("帮扶措施"), self.tr("包扶责任"), self.tr("生产生活条件"))
        for tab, title in zip(self.editor_tabs, titles, strict=True):
            self.tabs.addTab(tab, title)
        self.tabs.addTab(self.visits, self.tr("走访记录"))
        self.tabs.addTab(self.workflow, self.tr("动态管理"))
        self.tabs.addTab(self.asset_shares, self.tr("资产收益"))
        self.tabs.addTab(self.history, self.tr("变更记录"))
        self.tabs.currentChanged.connect(self._tab_shown)

    def _build_buttons(self) -> None:
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(keys.with_key(self.tr("保存(&S)"), QKeySequence.StandardKey.Save),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setToolTip(self.tr("保存并关闭 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        self.signoff_bar: SignoffBar | None = None
        if self.household_id is not None:  # a saved household can be signed off (签字背书)
            self.signoff_bar = SignoffBar(self.ctx, "household", self.household_id, tasks=self.tasks, hub=self.hub,
                                          blocked=self._unsaved_reason, parent=self)
            layout.addWidget(self.signoff_bar)
        layout.addLayout(bottom)
        self.setStyleSheet(INVALID_STYLE)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._step_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._step_tab(-1))
        QShortcut(QKeySequence(keys.NEW_VISIT), self, self.visits.new_visit)  # 记录走访, as in the main window
        for button in self.findChildren(QPushButton):  # Enter in a field must not save and close
            button.setAutoDefault(False)
            button.setDefault(False)

    # -- state -------------------------------------------------------------------------------

    def collect(self) -> HouseholdRecord:
        """The record as currently edited (a new object each time)."""
        record = HouseholdRecord(household=dict(self._household_base))
        for tab in self.editor_tabs:
            tab.collect(record)
        return record

    def _unsaved_reason(self) -> str:
        """Why the record cannot be signed now: what is signed is what is saved."""
        return self.tr("请先保存修改再签字") if self.is_dirty() else ""

    def is_dirty(self) -> bool:
        return self.collect() != self._baseline

    def _member_removed(self, row: dict[str, Any]) -> None:
        if row.get("id"):
            self.measures.forget_member(str(row["id"]))

    def _members_changed(self) -> None:
        choices = self.members.choices()
        if choices != self._member_choices:
            self._member_choices = choices
            self.measures.set_members(choices)

    def _measure_linked(self, measure_id: str, project_id: str | None) -> None:
        """A measure's project was saved on its own: the record as loaded says so too (nothing left unsaved)."""
        for record in (self._original, self._baseline):
            for row in record.measures if record is not None else ():
                if row.get("id") == measure_id:
                    row["project_id"] = project_id
        self._changed()

    def _standing_changed(self, changes: Changes) -> None:
        if self.household_id is not None and (changes.touches_household(self.household_id) or changes.sync):
            self.basic.show_standing(self.household_id)

    def _changed(self) -> None:
        record = self.collect()
        self.problems = self._current_problems(record)
        self._show_problems(self.problems)
        self._update_title()
        self._apply("modified", record != self._baseline, self.setWindowModified)

    def _apply(self, what: str, value: object, setter: Callable[[Any], None]) -> None:
        """Call ``setter(value)`` unless ``what`` already shows ``value`` (this runs on every keystroke)."""
        if self._shown.get(what, _UNSET) != value:
            self._shown[what] = value
            setter(value)

    def _update_title(self) -> None:
        name = self.members.head_name()
        if self.household_id is None:
            title = self.tr("新增农户") + (f" — {name}" if name else "")
        elif name:
            title = self.tr("农户档案 — {0}").format(name)
        else:
            title = self.tr("农户档案")
        self._apply("title", title + "[*]", self.setWindowTitle)

    # -- validation ----------------------------------------------------------------------------

    def _current_problems(self, record: HouseholdRecord) -> dict[str, str]:
        problems = register.validate_record(record, self.ctx.ref)
        for key, message in self._duplicate_problems(record).items():
            problems.setdefault(key, message)
        for tab in self.editor_tabs:
            problems.update(tab.widget_problems())
        return problems

    def _duplicate_problems(self, record: HouseholdRecord) -> dict[str, str]:
        """Resident IDs already registered in another household (read from the database, cached)."""
        numbers: list[str | None] = []
        for m in record.members:
            try:
                numbers.append(resident_id.validate(m.get("id_no") or ""))
            except resident_id.ResidentIdError:
                numbers.append(None)
        key = tuple(numbers)
        if key != self._dup_key:
            self._dup_key = key
            self._dup_problems = lookups.duplicate_id_problems(self.ctx.db, self.household_id, numbers)
        return self._dup_problems

    def _owner(self, key: str) -> int | None:
        for i, tab in enumerate(self.editor_tabs):
            if tab.owns(key):
                return i
        return None

    def _ordered(self, problems: Mapping[str, str]) -> list[str]:
        placed = [(self._owner(k), k) for k in problems]
        return [k for i, k in sorted(((i, k) for i, k in placed if i is not None),
                                     key=lambda p: (p[0], self.editor_tabs[p[0]].position(p[1])))]

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        for i, tab in enumerate(self.editor_tabs):
            tab.show_problems(problems, self._reveal)
            has = self._reveal and any(tab.owns(k) for k in problems)
            self._apply(f"tab{i}", has, functools.partial(self._mark_tab, i))
        summary = ""
        if self._reveal and problems:
            ordered = self._ordered(problems)
            first = ordered[0] if ordered else next(iter(problems))
            summary = self.tr("有 {0} 处需要更正。第一处：{1}").format(
                len(problems), f"{self._describe(first)}：{problems[first]}")
        self._apply("summary", summary, self.summary.setText)

    def _mark_tab(self, index: int, has_problems: bool) -> None:
        color = QColor(ERROR_COLOR) if has_problems else self.palette().windowText().color()
        self.tabs.tabBar().setTabTextColor(index, color)

    def _describe(self, key: str) -> str:
        """Where a problem is, for the summary line: e.g. 家庭成员 第2人 证件号码."""
        owner = self._owner(key)
        tab = self.tabs.tabText(owner) if owner is not None else ""
        parsed = parse_list_key(key)
        if parsed is not None:
            table = {"member": "member", "income": "income_year", "indicator": "indicator", "measure": "measure"}
            label = field_label(table.get(parsed[0], parsed[0]), parsed[2], self.ctx.ref)
            return self.tr("{0} 第{1}行 {2}").format(tab, parsed[1] + 1, label)
        if key.startswith("household."):
            return f"{tab} {field_label('household', key.split('.', 1)[1])}"
        return tab

    def focus_problem(self, key: str) -> None:
        owner = self._owner(key)
        if owner is None:
            return
        self.tabs.setCurrentIndex(owner)
        self.editor_tabs[owner].focus_problem(key)

    # -- save and close ------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save (on the database worker); on success emit ``saved`` and close.

        Returns whether it was saved by the time this returns (always so with a synchronous task manager).
        """
        if self._saving is not None:
            return False
        record = self.collect()
        self._reveal = True
        widget_problems: dict[str, str] = {}
        for tab in self.editor_tabs:
            widget_problems.update(tab.widget_problems())
        if widget_problems:
            return self._refused(self._current_problems(record))
        original = copy.deepcopy(self._original) if self._original is not None else None
        return self._submit(original, record, record)

    def _submit(self, original: HouseholdRecord | None, record: HouseholdRecord, shown: HouseholdRecord) -> bool:
        """Write ``record`` against ``original``; ``shown`` is what the widgets show (the new baseline)."""
        ctx, to_save = self.ctx, copy.deepcopy(record)
        name = self.members.head_name() or record.household.get("hh_no") or ""
        self._saved_now = False
        self.save_button.setEnabled(False)

        def write() -> str:
            return register.save_record(ctx.writer, ctx.ref, to_save, original)

        def done(household_id: str) -> None:
            self._saving = None
            self.save_button.setEnabled(True)
            log.info("household %s saved", household_id)
            self.household_id = household_id
            self._baseline = shown
            self._apply("modified", False, self.setWindowModified)
            self._saved_now = True
            self.saved.emit(household_id)
            self.accept()

        def failed(exc: BaseException) -> bool:
            self._saving = None
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                log.info("save refused: %s", sorted(exc.problems))
                self._refused(exc.problems)
                return True
            if isinstance(exc, StaleWrite) and original is not None:
                log.info("stale save refused: %s", exc)
                self._ask_stale(exc.fields, original, record, shown)
                return True
            log.info("saving household %s failed: %s", self.household_id, exc)
            return False

        task = run_op(
            self.tasks, self.hub, write, parent=self, on_done=done, on_error=failed,
            changes=lambda household_id: Changes.of_households([household_id], by=ctx.writer.actor.user_name),
            message=self.tr("已保存农户档案：{0}").format(name) if name else self.tr("已保存农户档案"))
        self._saving = None if task.is_finished else task  # a synchronous task manager has finished it
        return self._saved_now

    # -- a stale save ------------------------------------------------------------------------------

    def _ask_stale(self, fields: list[StaleField], original: HouseholdRecord, record: HouseholdRecord,
                   shown: HouseholdRecord) -> None:
        """Show both values of each field changed elsewhere; save again as chosen, or go back to editing."""
        names = dict(setup.cadres(self.ctx))
        rows = describe_rows(fields, functools.partial(self._stale_label, original),
                             lambda f, v: format_value(f.table, f.field, v, self.ctx.ref, names) or "")
        dialog = self.stale_dialog = StaleSaveDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            base, mine = register.rebase(original, record, fields, dialog.keep_mine())
            self._original = base
            self._submit(base, mine, shown)

        def gone() -> None:
            self.stale_dialog = None

        dialog.accepted.connect(chosen)
        dialog.finished.connect(gone)
        dialog.open()

    def _stale_label(self, original: HouseholdRecord, f: StaleField) -> str:
        label = field_label(f.table, f.field, self.ctx.ref)
        row = next((r for r in original.rows_of(f.table) if r.get("id") == f.row_id), {})
        if f.table == "member":
            return self.tr("家庭成员 {0}：{1}").format(row.get("name") or "", label)
        if f.table == "income_year":
            return self.tr("{0}年收入：{1}").format(row.get("year") or "", label)
        if f.table == "indicator":
            return self.tr("两不愁三保障 {0}：{1}").format(row.get("code") or "", label)
        if f.table == "measure":
            return self.tr("帮扶措施 {0}：{1}").format(row.get("content") or "", label)
        return label

    def _refused(self, problems: Mapping[str, str]) -> bool:
        self.problems = dict(problems)
        self._show_problems(self.problems)
        ordered = self._ordered(self.problems)
        if ordered:
            self.focus_problem(ordered[0])
        return False

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: ask before throwing edits away."""
        if self.is_dirty():
            choice = ask_unsaved(self, self.tr("未保存的修改"), self.tr("本户档案有未保存的修改。要保存吗？"),
                                 (self.tr("保存"), self.tr("放弃修改"), self.tr("继续编辑")))
            if choice == "keep":
                return
            if choice == "save":
                self.save()
                return
        super().reject()

    # -- navigation ------------------------------------------------------------------------------

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.history:
            self.history.ensure_loaded()
        elif self.tabs.widget(index) is self.visits:
            self.visits.ensure_loaded()
        elif self.tabs.widget(index) is self.workflow:
            self.workflow.ensure_loaded()
