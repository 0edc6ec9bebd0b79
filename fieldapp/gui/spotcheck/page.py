"""Page 抽查: draw a sample, go through each sampled household's checklist, confirm rectifications.

Left, the draws held here (新抽样… draws one; 复核 re-draws it from its seed and frame). Middle, the
sampled households of the chosen draw with their progress. Right, the household's checklist as the
record stood at the draw, marked from the keyboard: Y (or 1) 正确 and on to the next item, N (or 2)
不正确 with a note and an optional photo, Delete (or 0) clears. The 整改 tab lists the rectifications
of this laptop's villages: the reviewer confirms one reported done, or sends it back with a reason.
Both checklists and the summary print as PDFs for paper use.

Reads run on the database thread (services only); every write is an operation (:func:`run_op`)
announced as ``Changes(spotchecks=True)``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import people
from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.pages import StaleRefresh
from fieldapp.gui.spotcheck.dialogs import DrawDialog, NoteDialog
from fieldapp.gui.spotcheck.models import DrawModel, ItemModel, RectificationModel
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.services.spotcheck import checklist, draw, rectify

log = logging.getLogger("fieldapp.gui.spotcheck")

CHANGED = Changes(spotchecks=True)


def _table(parent: QWidget, model: Any) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SpotcheckPage(QWidget):
    """The reviewer's page (see the module docstring)."""

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.hub = hub or ChangeHub(self)
        self.draw_id: str | None = None
        self.household_id: str | None = None
        self.staleness = StaleRefresh(self, self.refresh, stale=True)
        self.draws = DrawModel(ctx.ref, self)
        self.items = ItemModel(ctx.ref, self)
        self.rects = RectificationModel(ctx.ref, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._check_tab(), self.tr("核查"))
        self.tabs.addTab(self._rect_tab(), self.tr("整改"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.hub.changed.connect(self._data_changed)

    def _check_tab(self) -> QWidget:
        """核查: the draws, the sampled households, the chosen household's checklist and its marking keys."""
        self.draw_button = QPushButton(self.tr("新抽样…"), self)
        self.verify_button = QPushButton(self.tr("复核抽样"), self)
        self.print_button = QPushButton(self.tr("打印核查表…"), self)
        self.summary_button = QPushButton(self.tr("打印汇总…"), self)
        for button, slot in ((self.draw_button, self.new_draw), (self.verify_button, self.verify),
                             (self.print_button, self.print_checklist), (self.summary_button, self.print_summary)):
            button.clicked.connect(slot)
        allowed = self.ctx.allows(people.SPOTCHECK_DRAW)
        self.draw_button.setEnabled(allowed)
        top = QHBoxLayout()
        for button in (self.draw_button, self.verify_button, self.print_button, self.summary_button):
            top.addWidget(button)
        top.addStretch(1)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.draw_view = _table(self, self.draws)
        self.draw_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._draw_chosen(cur.row()))
        self.homes = QListWidget(self)
        self.homes.currentRowChanged.connect(self._household_chosen)
        self.item_view = _table(self, self.items)
        self.item_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.item_view.horizontalHeader().setStretchLastSection(False)
        self.correct_button = QPushButton(self.tr("正确 (Y)"), self)
        self.incorrect_button = QPushButton(self.tr("不正确… (N)"), self)
        self.clear_button = QPushButton(self.tr("清除 (Del)"), self)
        self.correct_button.clicked.connect(lambda: self.mark(sc.CORRECT))
        self.incorrect_button.clicked.connect(lambda: self.mark(sc.INCORRECT))
        self.clear_button.clicked.connect(lambda: self.mark(None))
        self._marking_keys()
        marks = QHBoxLayout()
        for button in (self.correct_button, self.incorrect_button, self.clear_button):
            marks.addWidget(button)
        marks.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_view, 1)
        right_layout.addLayout(marks)
        split = QSplitter(self)
        split.addWidget(self.draw_view)
        split.addWidget(self.homes)
        split.addWidget(right)
        split.setSizes([300, 150, 750])

        check_tab = QWidget(self)
        check_layout = QVBoxLayout(check_tab)
        check_layout.addLayout(top)
        check_layout.addWidget(self.facts)
        check_layout.addWidget(split, 1)
        return check_tab

    def _rect_tab(self) -> QWidget:
        """整改: the rectifications of this laptop's villages; the reviewer confirms or sends back."""
        self.rect_view = _table(self, self.rects)
        self.confirm_button = QPushButton(self.tr("确认整改"), self)
        self.reopen_button = QPushButton(self.tr("退回…"), self)
        self.confirm_button.clicked.connect(self.confirm)
        self.reopen_button.clicked.connect(self.reopen)
        reviewer = self.ctx.allows(people.RECTIFICATION_CONFIRM)
        self.confirm_button.setEnabled(reviewer)
        self.reopen_button.setEnabled(reviewer)
        rect_tab = QWidget(self)
        rect_layout = QVBoxLayout(rect_tab)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        rect_layout.addLayout(row)
        rect_layout.addWidget(self.rect_view, 1)
        return rect_tab

    MARK_KEYS: ClassVar[dict[Qt.Key, str | None]] = {
        Qt.Key.Key_Y: sc.CORRECT, Qt.Key.Key_1: sc.CORRECT, Qt.Key.Key_N: sc.INCORRECT,
        Qt.Key.Key_2: sc.INCORRECT, Qt.Key.Key_Delete: None, Qt.Key.Key_0: None}

    def _marking_keys(self) -> None:
        """Y/1 正确, N/2 不正确, Delete/0 clear, typed on the checklist (arrows move as usual)."""
        self.item_view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.item_view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in self.MARK_KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.mark(self.MARK_KEYS[Qt.Key(event.key())])
            return True
        return super().eventFilter(watched, event)

    # -- loading ------------------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        if changes.spotchecks or changes.sync or changes.bulk or changes.register:
            self.staleness.mark()

    def refresh(self) -> None:
        """Reload the draws (keeping the chosen one) and the rectifications."""
        self.staleness.clear()
        ctx = self.ctx

        def load(_control: TaskControl) -> tuple[list[checklist.DrawInfo], list[rectify.RectificationView]]:
            return checklist.list_draws(ctx.db), rectify.rectifications(ctx.db, village_ids=ctx.settings["village_ids"])

        self.tasks.run_db(load, on_done=self._loaded, on_error=lambda exc: show_error(self, exc))

    def _loaded(self, found: tuple[list[checklist.DrawInfo], list[rectify.RectificationView]]) -> None:
        draws, rects = found
        keep = self.draw_id
        self.draws.set_rows(draws)
        self.rects.set_rows(rects)
        self.rect_view.resizeRowsToContents()
        rows = [i for i, d in enumerate(draws) if d.id == keep] or ([0] if draws else [])
        if rows:
            self.draw_view.selectRow(rows[0])
            self._draw_chosen(rows[0])
        else:
            self.facts.setText(self.tr("还没有抽样。点“新抽样…”按比例随机抽取农户。"))

    def _draw_chosen(self, row: int) -> None:
        info = self.draws.rows[row] if 0 <= row < len(self.draws.rows) else None
        if info is None:
            return
        changed = info.id != self.draw_id
        self.draw_id = info.id
        self.facts.setText(self.tr("种子 {0}；抽样框 {1} 户，校验值 {2}；比例 {3}%；抽中 {4} 户").format(
            info.seed, info.frame_size, info.frame_hash[:16] + "…", info.percent, len(info.sample)))
        ctx, draw_id = self.ctx, info.id
        self.tasks.run_db(lambda _c: checklist.draw_households(ctx.db, draw_id),
                          on_done=lambda homes: self._homes_loaded(homes, reset=changed),
                          on_error=lambda exc: show_error(self, exc))

    def _homes_loaded(self, homes: list[checklist.HouseholdLine], *, reset: bool) -> None:
        keep = None if reset else self.household_id
        self.homes.blockSignals(True)
        self.homes.clear()
        for h in homes:
            item = QListWidgetItem(f"{h.head_name or '—'}　{h.checked}/{h.items}"
                                   + (self.tr("　错{0}").format(h.incorrect) if h.incorrect else ""), self.homes)
            item.setToolTip(self.tr("{0}，户编号 {1}").format(h.village_name, h.hh_no or "—"))
            item.setData(Qt.ItemDataRole.UserRole, h.household_id)
        self.homes.blockSignals(False)
        ids = [h.household_id for h in homes]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.homes.setCurrentRow(row)
        if row >= 0:
            self._household_chosen(row)
        else:
            self.items.set_items([], {})

    def _household_chosen(self, row: int) -> None:
        item = self.homes.item(row)
        if item is None or self.draw_id is None:
            return
        self.household_id = str(item.data(Qt.ItemDataRole.UserRole))
        ctx, draw_id, hid = self.ctx, self.draw_id, self.household_id

        def load(_control: TaskControl) -> tuple[list[checklist.ItemView], dict[str, str]]:
            return checklist.draw_items(ctx.db, draw_id, hid), checklist.names_for(ctx.db)

        self.tasks.run_db(load, on_done=self._items_loaded, on_error=lambda exc: show_error(self, exc))

    def _items_loaded(self, found: tuple[list[checklist.ItemView], dict[str, str]]) -> None:
        current = self.item_view.currentIndex().row()
        self.items.set_items(*found)
        self.item_view.resizeRowsToContents()
        if self.items.rowCount():
            self.item_view.selectRow(min(max(current, 0), self.items.rowCount() - 1))

    # -- writing ------------------------------------------------------------------------------------

    def new_draw(self) -> DrawDialog | None:
        """Ask for the scope and rate, then draw as an operation; the new draw is shown."""
        rates = sc.rates(self.ctx.ref)
        roles = tuple(r for r in sc.REVIEW_ROLES if self.ctx.session is None or r in self.ctx.session.roles)
        dialog = DrawDialog(draw.drawable_areas(self.ctx), rates, roles, self)
        if dialog.exec() != DrawDialog.DialogCode.Accepted:
            return dialog
        choice = dialog.choice()
        ctx = self.ctx

        def write() -> draw.DrawResult:
            return draw.draw_sample(ctx, level=str(choice["level"]), area_id=str(choice["area_id"]),
                                    percent=int(choice["percent"]),  # type: ignore[call-overload]
                                    seed=str(choice["seed"]), strata=str(choice["strata"]),
                                    role=choice["role"] or None)  # type: ignore[arg-type]

        def done(result: draw.DrawResult) -> None:
            self.draw_id = result.draw_id

        run_op(self.tasks, self.hub, write, changes=CHANGED, parent=self, on_done=done,
               message=lambda r: self.tr("已抽取 {0} 户，种子 {1}").format(len(r.draw.sample), r.draw.seed))
        return dialog

    def current_item(self) -> checklist.ItemView | None:
        row = self.item_view.currentIndex().row()
        return self.items.rows[row] if 0 <= row < len(self.items.rows) else None

    def mark(self, result: str | None, *, note: str | None = None, photo: Path | None = None) -> None:
        """Mark the current item; 不正确 asks for the note (and a photo) unless ``note`` is given."""
        item = self.current_item()
        if item is None:
            return
        if result == sc.INCORRECT and note is None:
            dialog = NoteDialog(self.tr("不正确"), self.tr("哪里不对、应当如何（将生成整改任务）："), self,
                                note=item.note or "", photo=True)
            if dialog.exec() != NoteDialog.DialogCode.Accepted:
                return
            note, photo = dialog.text(), dialog.photo_path
        ctx, row = self.ctx, self.item_view.currentIndex().row()

        def write() -> checklist.MarkOutcome:
            return checklist.mark_item(ctx, item.id, result, note or "", photo=photo)

        def done(_outcome: checklist.MarkOutcome) -> None:
            if result == sc.CORRECT and row + 1 < self.items.rowCount():
                self.item_view.selectRow(row + 1)  # on to the next item

        run_op(self.tasks, self.hub, write, changes=CHANGED, parent=self, on_done=done,
               message=lambda o: self.tr("已生成整改任务") if o.rectification_id and result == sc.INCORRECT
               else self.tr("已记录"))

    def _current_rect(self) -> rectify.RectificationView | None:
        row = self.rect_view.currentIndex().row()
        return self.rects.rows[row] if 0 <= row < len(self.rects.rows) else None

    def confirm(self) -> None:
        rect = self._current_rect()
        if rect is None:
            return
        ctx = self.ctx
        run_op(self.tasks, self.hub, lambda: rectify.confirm(ctx, rect.id), changes=CHANGED, parent=self,
               message=self.tr("已确认整改完成"))

    def reopen(self, note: str | None = None) -> None:
        rect = self._current_rect()
        if rect is None:
            return
        if note is None:
            dialog = NoteDialog(self.tr("退回整改"), self.tr("退回的原因："), self)
            if dialog.exec() != NoteDialog.DialogCode.Accepted:
                return
            note = dialog.text()
        ctx = self.ctx
        run_op(self.tasks, self.hub, lambda: rectify.reopen(ctx, rect.id, note or ""), changes=CHANGED,
               parent=self, message=self.tr("已退回整改"))

    # -- checking and printing ----------------------------------------------------------------------

    def verify(self) -> None:
        if self.draw_id is None:
            return
        ctx, draw_id = self.ctx, self.draw_id

        def shown(check: draw.Verification) -> None:
            if check.ok:
                text = self.tr("复核通过：按种子 {0} 重抽的 {1} 户与记录的样本一致，抽样框校验值相符。").format(
                    check.seed, len(check.redrawn_sample))
            else:
                text = self.tr("复核不通过：") + "；".join(check.problems)
            if check.added_since or check.removed_since:
                text += self.tr("（抽样后该范围新增 {0} 户、减少 {1} 户）").format(
                    check.added_since, check.removed_since)
            QMessageBox.information(self, self.tr("复核抽样"), text)

        self.tasks.run_db(lambda _c: draw.verify_draw(ctx, draw_id), on_done=shown,
                          on_error=lambda exc: show_error(self, exc))

    def print_checklist(self, path: str | None = None) -> None:
        if self.draw_id is None:
            return
        path = path or QFileDialog.getSaveFileName(self, self.tr("保存核查表"), str(Path.home() / "抽查核查表.pdf"),
                                                   "PDF (*.pdf)")[0]
        if path:
            from fieldapp.services.printing.spotcheck import render_checklist

            ctx, draw_id = self.ctx, self.draw_id
            self._print(lambda c: render_checklist(ctx, draw_id, path, cancelled=lambda: c.cancelled))

    def print_summary(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self, self.tr("保存汇总"), str(Path.home() / "抽查情况汇总.pdf"),
                                                   "PDF (*.pdf)")[0]
        if path:
            from fieldapp.services.printing.spotcheck import render_summary

            ctx = self.ctx
            self._print(lambda c: render_summary(ctx, path, cancelled=lambda: c.cancelled))

    def _print(self, job: Any) -> None:
        def done(path: Path) -> None:
            self.hub.announce(Changes(), self.tr("已保存 {0}").format(path))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (ValidationError, LookupError)):
                QMessageBox.warning(self, self.tr("打印"), str(exc))
            else:
                show_error(self, exc)

        self.tasks.run_db(job, on_done=done, on_error=failed)
