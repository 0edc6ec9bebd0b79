"""The visit form (走访记录): record a visit to a household, or a village-level activity, in one dialog.

``VisitForm(ctx, household_id=None, visit_id=None, parent=None)``:

- started from a household (``household_id``), the household is fixed;
- started from "my visits" (no household), the user picks a household with the search
  of the household list, or switches to 村级活动 (village + title);
- with ``visit_id`` it edits a saved visit (which stays with its household or village).

Date (today), type, the cadres who went (the signed-in cadre checked), 情况 and 措施/成效,
the household's measures taken, follow-ups with due dates, photos. Problems are shown next
to their fields with the messages of :mod:`fieldapp.domain.visits` (the rules the service
applies) once a save was tried, and then as the user corrects them. Saving writes
everything in one transaction (:func:`fieldapp.services.visits.save_visit`) as an operation on
the task manager (:func:`fieldapp.gui.ops.run_op`, then one change notification) and emits
``saved(visit_id)``. A saved visit shows its sign-off line (签字背书, :class:`~fieldapp.gui.signoff.bar.SignoffBar`).
A field changed elsewhere since the form loaded it refuses the save and the
cadre chooses per field (:class:`~fieldapp.gui.stale_dialog.StaleSaveDialog`). Ctrl+S saves;
Esc or closing asks before dropping changes.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.gui import geometry, keys
from fieldapp.gui.codes import current_language
from fieldapp.gui.fields import ERROR_COLOR, INVALID_STYLE, ChoiceCombo, CodeCombo, NullableDateEdit, TextEdit
from fieldapp.gui.household_editor.base import ask, ask_unsaved
from fieldapp.gui.household_editor.labels import field_label, table_label
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.signoff.bar import SignoffBar
from fieldapp.gui.stale_dialog import StaleSaveDialog, describe_rows
from fieldapp.gui.tasks import Task, TaskManager
from fieldapp.gui.visits.followups import FollowUpEditor
from fieldapp.gui.visits.form_parts import CheckList, Grid, cadre_entries, household_facts, measure_entries
from fieldapp.gui.visits.photos import PhotoStrip
from fieldapp.gui.visits.picker import HouseholdPicker
from fieldapp.services import setup
from fieldapp.services import visits as service
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.stale import StaleField, StaleWrite
from fieldapp.services.visits import VisitDraft

log = logging.getLogger("fieldapp.gui.visits")

DEFAULT_FOLLOW_UP_DAYS = 7


class VisitForm(QDialog):
    """Record or edit one visit; ``saved(visit_id)`` after a save (or a delete)."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, household_id: str | None = None, visit_id: str | None = None,
                 parent: QWidget | None = None, *, tasks: TaskManager | None = None,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._owns_tasks = tasks is None
        self.tasks = tasks if tasks is not None else TaskManager(self)
        self.hub = hub if hub is not None else ChangeHub(self)
        self.visit_id = visit_id
        self._saving: Task | None = None
        self._done_now = False
        self.stale_dialog: StaleSaveDialog | None = None
        self._original: VisitDraft | None = None
        if visit_id is not None:
            draft = service.load_visit(ctx.db, visit_id)
            self._original = copy.deepcopy(draft)
        else:
            me = ctx.settings["cadre_id"]
            draft = VisitDraft(date=dt.date.today(), type="01", household_id=household_id,
                               cadre_ids=[me] if me else [])
        self.fixed = visit_id is not None or household_id is not None
        self._title_kept = draft.title
        self._village: str | None = None  # the household's village
        self._registered: dt.date | None = None
        self._reveal = False
        self._loading = True
        self.problems: dict[str, str] = {}
        self.villages = setup.villages(ctx)
        self._build()
        self._load(draft)
        self._loading = False
        self._baseline = self.snapshot()
        self._changed()
        geometry.fit(self, "visit_form", (1060, 720))

    # -- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.date = NullableDateEdit(self)
        self.type = CodeCombo(self.ctx.ref["visit_type"], blank=None, parent=self)
        self.household_radio = QRadioButton(self.tr("农户走访"), self)
        self.activity_radio = QRadioButton(self.tr("村级活动（会议、培训、民主评议等）"), self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.household_radio)
        self.kind_group.addButton(self.activity_radio)
        self.picker = HouseholdPicker(self.ctx, self)
        self.household_label = QLabel(self)
        self.household_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.village = ChoiceCombo(self.villages, blank=None, parent=self)
        self.title = TextEdit(self, max_length=rules.TITLE_MAX, placeholder=self.tr("如：第二季度民主评议会"))
        self.cadres = CheckList(self, rows=6)
        self.measures = CheckList(self, rows=3)
        self.measures.setWordWrap(True)
        self.found_text = QPlainTextEdit(self)
        self.found_text.setPlaceholderText(self.tr("走访中了解到的情况"))
        self.done_text = QPlainTextEdit(self)
        self.done_text.setPlaceholderText(self.tr("采取的措施、办理的事项及成效"))
        self.follow_ups = FollowUpEditor(self)
        self.photos = PhotoStrip(self.ctx.photos, self.tasks, self)
        self._build_layout()
        self._build_buttons()
        for signal in (self.date.changed, self.type.changed, self.village.changed, self.title.changed,
                       self.cadres.changed, self.measures.changed, self.found_text.textChanged,
                       self.done_text.textChanged, self.follow_ups.changed, self.photos.changed):
            signal.connect(self._changed)
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        self.picker.household_changed.connect(self._household_chosen)
        self.photos.busy_changed.connect(self._busy)

    def _build_layout(self) -> None:
        kinds = QWidget(self)
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        kinds_row.addWidget(self.household_radio)
        kinds_row.addWidget(self.activity_radio)
        kinds_row.addStretch(1)
        kinds.setVisible(not self.fixed)

        left = Grid(self)
        ref = self.ctx.ref  # labels from the field catalogue, as history, prints and Excel call them
        left.add("date", field_label("visit", "date", ref), self.date)
        left.add("type", field_label("visit", "type", ref), self.type)
        left.add("household_id", field_label("visit", "household_id", ref), kinds, self.picker, self.household_label)
        left.add("village_id", field_label("visit", "village_id", ref), self.village)
        left.add("title", field_label("visit", "title", ref), self.title)
        left.add("cadres", table_label("visit_cadre", ref), self.cadres, stretch=1)
        left.add("measures", table_label("visit_measure", ref), self.measures, stretch=1)
        right = Grid(self)
        right.add("found", field_label("visit", "found", ref), self.found_text, stretch=2)
        right.add("done", field_label("visit", "done", ref), self.done_text, stretch=2)
        right.add("follow_ups", table_label("follow_up", ref), self.follow_ups, stretch=2)
        right.add("photos", table_label("visit_photo", ref), self.photos, stretch=2)
        self.left, self.right = left, right

    def _build_buttons(self) -> None:
        self.summary = QLabel(self)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(keys.with_key(self.tr("保存(&S)"), QKeySequence.StandardKey.Save),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.delete_button = QPushButton(self.tr("删除本条记录"), self)
        self.delete_button.setVisible(self.visit_id is not None)
        self.save_button.setToolTip(self.tr("保存并关闭 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)

        body = QHBoxLayout()
        body.addWidget(self.left, 5)
        body.addSpacing(12)
        body.addWidget(self.right, 6)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        self.signoff_bar: SignoffBar | None = None
        if self.visit_id is not None:  # a saved visit can be signed off (签字背书)
            self.signoff_bar = SignoffBar(self.ctx, "visit", self.visit_id, tasks=self.tasks, hub=self.hub,
                                          blocked=self._unsaved_reason, parent=self)
            layout.addWidget(self.signoff_bar)
        layout.addLayout(bottom)
        self.setStyleSheet(INVALID_STYLE)
        for button in self.findChildren(QPushButton):  # Enter in a field must not save and close
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

    def _load(self, draft: VisitDraft) -> None:
        self.date.setValue(draft.date)
        self.type.setValue(draft.type)
        activity = self.visit_id is not None and draft.household_id is None
        (self.activity_radio if activity else self.household_radio).setChecked(True)
        self.picker.setVisible(not self.fixed)
        self.household_label.setVisible(self.fixed and not activity)
        if draft.village_id:
            self.village.setValue(draft.village_id)
        self.title.setValue(draft.title)
        self.cadres.set_entries(cadre_entries(self.ctx, draft.cadre_ids), draft.cadre_ids)
        self.found_text.setPlainText(draft.found or "")
        self.done_text.setPlainText(draft.done or "")
        self.follow_ups.model.set_drafts(draft.follow_ups)
        self.photos.set_photos(draft.photos)
        self._set_household(draft.household_id, draft.measure_ids)
        self.household_label.setText(self.picker.text())
        self._show_kind()
        self._update_title()

    # -- the household or the village ----------------------------------------------------------------

    def is_activity(self) -> bool:
        return self.activity_radio.isChecked()

    def household_id(self) -> str | None:
        return None if self.is_activity() else self.picker.household_id()

    def _kind_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        if self.is_activity() and self.type.value() == "01":
            self.type.setValue("02")
        elif not self.is_activity() and self.type.value() == "02":
            self.type.setValue("01")
        self._show_kind()
        self._changed()

    def _show_kind(self) -> None:
        activity = self.is_activity()
        self.left.set_row_visible("village_id", activity)
        self.left.set_row_visible("title", activity)
        self.left.set_row_visible("measures", not activity)
        self.left.set_row_visible("household_id", not (self.fixed and activity))
        household = field_label("visit", "household_id", self.ctx.ref)
        self.left.captions["household_id"].setText(self.tr("对象") if not self.fixed else
                                                   (self.tr("村级活动") if activity else household))

    def _household_chosen(self, household_id: str | None) -> None:
        if self._loading:
            return
        self._set_household(household_id, self.measures.checked())
        self._changed()

    def _set_household(self, household_id: str | None, measure_ids: list[str]) -> None:
        self._village, self._registered = None, None
        if household_id:
            facts = household_facts(self.ctx, household_id)
            if facts is not None:
                self._village = facts[0]
                self._registered = rules.registered_on(facts[1], facts[2])
        if household_id and self.picker.household_id() != household_id:
            self.picker.set_household(household_id)
        self.measures.set_entries(measure_entries(self.ctx, household_id), measure_ids)

    # -- state -----------------------------------------------------------------------------------

    def collect(self) -> VisitDraft:
        """The visit as currently edited."""
        activity = self.is_activity()
        return VisitDraft(
            date=self.date.value(), type=self.type.value(), household_id=self.household_id(),
            village_id=self.village.value() if activity else self._village,
            title=self.title.value() if activity else self._title_kept,
            found=self.found_text.toPlainText(), done=self.done_text.toPlainText(), cadre_ids=self.cadres.checked(),
            measure_ids=[] if activity else self.measures.checked(), follow_ups=self.follow_ups.model.drafts(),
            photos=self.photos.photos(), id=self.visit_id,
        )

    def snapshot(self) -> tuple[Any, ...]:
        """What the form says, for telling whether anything changed."""
        d = self.collect()
        return (self.date.text().strip(), d.type, self.is_activity(), d.household_id, d.village_id, d.title,
                rules.clean_text(d.found), rules.clean_text(d.done), tuple(d.cadre_ids), tuple(d.measure_ids),
                tuple(self.follow_ups.model.snapshot()), tuple(p.id for p in d.photos))

    def _unsaved_reason(self) -> str:
        """Why the visit cannot be signed now: what is signed is what is saved."""
        return self.tr("请先保存修改再签字") if self.is_dirty() else ""

    def is_dirty(self) -> bool:
        return self.snapshot() != self._baseline

    def current_problems(self) -> dict[str, str]:
        """What a save would refuse, by the service's keys (checked here with the same rules)."""
        draft = self.collect()
        values = {"household_id": draft.household_id, "village_id": draft.village_id, "date": draft.date,
                  "type": draft.type, "title": rules.clean_text(draft.title), "found": rules.clean_text(draft.found),
                  "done": rules.clean_text(draft.done)}
        follow = [{"text": f.text, "due_date": f.due_date, "done_on": f.done_on} for f in draft.follow_ups]
        problems = rules.visit_problems(
            values, self.ctx.ref, today=dt.date.today(), registered=self._registered if draft.household_id else None,
            village_ids=list(self.ctx.settings["village_ids"]), cadre_ids=draft.cadre_ids, follow_ups=follow,
            photo_count=len(draft.photos))
        if not self.is_activity() and not draft.household_id:
            problems.pop("village_id", None)
            problems["household_id"] = self.tr("请选择农户（输入姓名、拼音首字母或户编号搜索）")
        if self.date.problem():
            problems["date"] = self.date.problem() or ""
        problems.update(self.follow_ups.model.widget_problems())
        return problems

    def _changed(self) -> None:
        if self._loading:
            return
        if self._reveal:
            self._show_problems(self.current_problems())
        self.setWindowModified(self.is_dirty())
        self._update_title()

    def _update_title(self) -> None:
        if self.is_activity():
            what = self.tr("村级活动")
        else:
            name = self.picker.text().split("（")[0] if self.picker.household_id() else ""
            what = self.tr("走访") + (f" — {name}" if name else "")
        prefix = self.tr("记录") if self.visit_id is None else self.tr("修改")
        self.setWindowTitle(f"{prefix}{what}[*]")

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        shown = dict(problems)
        if "photo" in shown:
            shown.setdefault("photos", shown["photo"])
        follow = sorted(k for k in problems if k.startswith("follow_up["))
        if follow:
            row = int(follow[0].split("[")[1].split("]")[0])
            shown["follow_ups"] = self.tr("第{0}项：{1}").format(row + 1, problems[follow[0]])
        self.left.show_problems(shown)
        self.right.show_problems(shown)
        self.follow_ups.model.set_problems(problems)
        summary = ""
        if problems:
            first = next(iter(self._ordered(problems)))
            summary = self.tr("有 {0} 处需要更正。第一处：{1}").format(len(problems), problems[first])
        self.summary.setText(summary)

    def _ordered(self, problems: dict[str, str]) -> list[str]:
        order = ("date", "type", "household_id", "village_id", "title", "cadres", "measures", "found", "done")
        return sorted(problems, key=lambda k: (order.index(k) if k in order else len(order), k))

    def _focus(self, key: str) -> None:
        widgets: dict[str, QWidget] = {"date": self.date, "type": self.type, "household_id": self.picker,
                                       "village_id": self.village, "title": self.title, "cadres": self.cadres,
                                       "measures": self.measures, "found": self.found_text, "done": self.done_text,
                                       "photos": self.photos.view}
        widget = self.follow_ups.table if key.startswith("follow_up[") else widgets.get(key)
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    # -- save, delete, close ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Check and save (on the database worker); on success emit ``saved`` and close.

        Returns whether it was saved by the time this returns (always so with a synchronous task manager).
        """
        if self._saving is not None:
            return False
        if self.photos.is_busy():
            self.summary.setText(self.tr("正在导入照片，请等导入完成后再保存。"))
            return False
        self._reveal = True
        problems = self.current_problems()
        if problems:
            return self._refused(problems)
        return self._submit(copy.deepcopy(self._original), self.collect())

    def _submit(self, original: VisitDraft | None, draft: VisitDraft) -> bool:
        ctx, to_save = self.ctx, copy.deepcopy(draft)
        what = self._what()

        def write() -> tuple[str, str | None]:
            return service.save_visit(ctx, to_save, original=original), to_save.household_id

        def done(result: tuple[str, str | None]) -> None:
            self._finished_op()
            self.visit_id = result[0]
            self._closing(result[0])

        def failed(exc: BaseException) -> bool:
            self._finished_op()
            if isinstance(exc, ValidationError):
                log.info("visit save refused: %s", sorted(exc.problems))
                self._refused(exc.problems)
                return True
            if isinstance(exc, StaleWrite) and original is not None:
                log.info("stale visit save refused: %s", exc)
                self._ask_stale(exc.fields, original, draft)
                return True
            return False

        return self._run(write, done, failed, lambda r: Changes.of_visits([r[0]], [r[1]]),
                         self.tr("已保存{0}").format(what))

    def _what(self) -> str:
        if self.is_activity():
            return self.tr("村级活动记录")
        name = self.picker.text().split("（")[0] if self.picker.household_id() else ""
        return self.tr("走访记录：{0}").format(name) if name else self.tr("走访记录")

    def _run(self, write: Any, done: Any, failed: Any, changes: Any, message: str) -> bool:
        self._done_now = False
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        task = run_op(self.tasks, self.hub, write, parent=self, on_done=done, on_error=failed,
                      changes=lambda r: changes(r) | Changes(by=self.ctx.writer.actor.user_name), message=message)
        self._saving = None if task.is_finished else task  # a synchronous task manager has finished it
        return self._done_now

    def _finished_op(self) -> None:
        self._saving = None
        self.save_button.setEnabled(not self.photos.is_busy())
        self.delete_button.setEnabled(True)

    def _closing(self, visit_id: str) -> None:
        self._baseline = self.snapshot()
        self.setWindowModified(False)
        self._done_now = True
        self.saved.emit(visit_id)
        self.accept()

    def _ask_stale(self, fields: list[StaleField], original: VisitDraft, draft: VisitDraft) -> None:
        ref = self.ctx.ref

        def value(f: StaleField, v: object) -> str:
            if v is None:
                return ""
            if f.field == "type":
                return self.ctx.ref["visit_type"].label(str(v), current_language())
            if f.field == "village_id":
                return dict(self.villages).get(str(v), str(v))
            return v.isoformat() if isinstance(v, dt.date) else str(v)

        follow_texts = {u.id: u.text or "" for u in original.follow_ups}

        def label(f: StaleField) -> str:
            if f.table == "follow_up":
                return f"{table_label('follow_up', ref)} {follow_texts.get(f.row_id, '')}：" \
                       f"{field_label('follow_up', f.field, ref)}"
            if f.table != "visit":  # a cadre, measure or photo link removed here, changed elsewhere
                return table_label(f.table, ref)
            return field_label("visit", f.field, ref)

        rows = describe_rows(fields, label, value)
        dialog = self.stale_dialog = StaleSaveDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            base, mine = service.rebase_visit(original, draft, fields, dialog.keep_mine())
            self._original = base
            self._submit(base, mine)

        def gone() -> None:
            self.stale_dialog = None

        dialog.accepted.connect(chosen)
        dialog.finished.connect(gone)
        dialog.open()

    def _refused(self, problems: dict[str, str]) -> bool:
        self._show_problems(problems)
        ordered = self._ordered(problems)
        if ordered:
            self._focus(ordered[0])
        return False

    def delete(self) -> bool:
        """Delete this saved visit after asking; returns whether it was deleted (by the time this returns)."""
        if self.visit_id is None or self._saving is not None:
            return False
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = ask(self, self.tr("删除走访记录"), self.tr("确定删除这条走访记录吗？删除后可在变更记录中查到。"),
                     [(yes, self.tr("删除")), (no, self.tr("不删除"))], default=no, escape=no)
        if answer != yes:
            return False
        ctx, visit_id, household_id = self.ctx, self.visit_id, self.household_id()

        def write() -> tuple[str, str | None]:
            service.delete_visit(ctx, visit_id)
            return visit_id, household_id

        def done(result: tuple[str, str | None]) -> None:
            self._finished_op()
            self._closing(result[0])

        def failed(_exc: BaseException) -> bool:
            self._finished_op()
            return False

        return self._run(write, done, failed, lambda r: Changes.of_visits([r[0]], [r[1]]),
                         self.tr("已删除{0}").format(self._what()))

    def reject(self) -> None:
        """Cancel, Esc and the close button: ask before throwing edits away."""
        if self.is_dirty():
            choice = ask_unsaved(self, self.tr("未保存的修改"), self.tr("这条走访记录有未保存的修改。要保存吗？"),
                                 (self.tr("保存"), self.tr("放弃修改"), self.tr("继续编辑")))
            if choice == "keep":
                return
            if choice == "save":
                self.save()
                return
        super().reject()

    def done(self, result: int) -> None:
        self.photos.cancel_import()
        super().done(result)
        if self._owns_tasks:
            self.tasks.shutdown()
