"""The household list page (农户): search as you type, filters, a paged sortable table.

Typing re-queries after a short pause (a single-shot timer, ~150 ms); each filter
combo applies at once. Enter or a double-click opens the household editor; "新增农户"
opens it for a new household. After the editor saves, the list re-reads with the same
query and selects the saved household. A door-plate card code typed or scanned into the
search box (``FA1:…``) opens that household's record. The 打印 button and the context
menu print door plates for the selected households (Ctrl/Shift select several) and the
household file (一户一档) of the current one. The 流程/环节 filter keeps the households whose open
workflow is of a kind, or at one of its steps (“退出（脱贫） · 公示”); the column of that name shows
where each household stands. The exit status shown is derived from the workflows.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import cardcode
from fieldapp.domain import workflow as flow_rules
from fieldapp.gui import codes
from fieldapp.gui.errors import show_error
from fieldapp.gui.hints import EmptyHint
from fieldapp.gui.household_editor.labels import field_label
from fieldapp.gui.household_model import COLUMNS, HouseholdTableModel
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.printing.list_actions import ListPrintActions
from fieldapp.gui.tasks import TaskManager
from fieldapp.services import browse, lookups, setup
from fieldapp.services.browse import HouseholdQuery
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.households")

SEARCH_DELAY_MS = 150

MAX_COLUMN_CHARS = 16  # no column wider than this many CJK characters when fitted
FIT_ROWS = 50  # columns are fitted to this many rows (a screenful and more), not to the whole first page


class HouseholdListPage(QWidget):
    """The 农户 page of the main window."""

    #: the empty list's 导入农户 was chosen (the main window opens its import dialog)
    import_requested = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager | None = None, parent: QWidget | None = None, *,
                 hub: ChangeHub | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub if hub is not None else ChangeHub(self)
        self._select_after: str | None = None
        self.villages = setup.villages(ctx)
        self.editor: QDialog | None = None

        self._build_search()
        self._build_filters()

        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("新增农户"), self)
        self.new_button.clicked.connect(self.new_household)

        self.model = HouseholdTableModel(ctx, parent=self)
        self.table = QTableView(self)
        self._build_table()

        # on its own the page answers Ctrl+F itself; the main window's 查找 action replaces it there
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

        self._layout()
        for combo in (self.village_combo, self.group_combo, self.status_combo, self.workflow_combo,
                      self.attribute_combo, self.cause_combo, self.cadre_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.model.modelReset.connect(self._model_reset)
        self.hub.changed.connect(self._data_changed)
        self._update_count()
        self.empty_hint = EmptyHint(
            self.table, self.tr("还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。"),
            [(self.tr("导入农户…"), self.import_requested.emit), (self.tr("新建农户…"), self.new_household)],
            when=lambda: not self.current_query().text and not self.current_query().filters)

    def _build_search(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：姓名 / 拼音首字母 / 身份证号 / 户编号"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)

    def _build_filters(self) -> None:
        self.village_combo = self._combo()
        self.village_combo.addItem(self.tr("全部"), None)
        for village_id, name in self.villages:
            self.village_combo.addItem(name, village_id)
        self.group_combo = self._combo()
        self.status_combo = self._combo()
        codes.fill_code_combo(self.status_combo, self.ctx.ref["exit_status"], blank=self.tr("全部"))
        self.attribute_combo = self._combo()
        codes.fill_code_combo(self.attribute_combo, self.ctx.ref["household_attribute"], blank=self.tr("全部"))
        self.cause_combo = self._combo()
        codes.fill_code_combo(self.cause_combo, self.ctx.ref["poverty_cause"], blank=self.tr("全部"))
        self.cadre_combo = self._combo()
        self.cadre_combo.addItem(self.tr("全部"), None)
        for cadre_id, name in setup.cadres(self.ctx):
            self.cadre_combo.addItem(name, cadre_id)
        self._fill_workflows()
        self._fill_groups()

    def _fill_workflows(self) -> None:
        """流程/环节: every workflow (all its steps) and each of its steps; the data is ``kind`` or ``kind:step``."""
        combo = self.workflow_combo = self._combo()
        # a long choice (“精准识别（纳入） · 村两委和驻村工作队核实”) is elided when closed, whole in the list
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)  # in Latin letters: about 12 CJK characters
        combo.view().setMinimumWidth(combo.fontMetrics().horizontalAdvance("国") * 24)
        combo.addItem(self.tr("全部"), None)
        lang = codes.current_language()
        defs = flow_rules.definitions(self.ctx.ref)
        for kind, definition in defs.workflows.items():
            combo.addItem(self.tr("{0}（全部环节）").format(definition.text(lang)), kind)
            for step in definition.steps:
                combo.addItem("　" + flow_rules.where_text(defs, kind, step.code, lang=lang), f"{kind}:{step.code}")

    def _build_table(self) -> None:
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._fitted_rows = False
        self._fit_columns()
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.printing = ListPrintActions(self)  # the 打印 button, the context menu

    def _combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # as wide as its longest choice when there is room, narrower (elided) rather than wider than the
        # screen: the six filters with English labels would need about 1400 pixels
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("国") * 4 + 28)
        return combo

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(0)
        top.addWidget(self.printing.button)
        top.addWidget(self.new_button)

        filters = QHBoxLayout()
        self.filter_labels: list[QLabel] = []
        for column, combo in (("village_id", self.village_combo), ("group_no", self.group_combo),
                              ("exit_status", self.status_combo), ("workflow", self.workflow_combo),
                              ("attribute", self.attribute_combo), ("main_cause", self.cause_combo),
                              ("cadre_id", self.cadre_combo)):
            text = self.tr("流程/环节") if column == "workflow" else field_label("household", column, self.ctx.ref)
            label = QLabel(text, self)
            label.setBuddy(combo)
            self.filter_labels.append(label)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(6)
            if combo is self.village_combo and len(self.villages) <= 1:
                label.hide()
                combo.hide()
        filters.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _fit_columns(self) -> None:
        """Widths from the first rows loaded (:data:`FIT_ROWS`) and every label of the coded columns (stable
        across searches)."""
        fm = self.table.fontMetrics()
        header_fm = self.table.horizontalHeader().fontMetrics()
        pad = fm.horizontalAdvance("MM")
        cap = fm.horizontalAdvance("国") * MAX_COLUMN_CHARS
        lang = codes.current_language()
        rows = min(self.model.rowCount(), self.model.page_size, FIT_ROWS)
        for i, column in enumerate(COLUMNS):
            texts = [str(self.model.data(self.model.index(r, i)) or "") for r in range(rows)]
            if column.code_list is not None:
                texts += [c.text(lang) for c in self.ctx.ref[column.code_list].codes]
            content = max((fm.horizontalAdvance(t) for t in texts), default=0) + pad
            header = header_fm.horizontalAdvance(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            self.table.setColumnWidth(i, min(max(content, header + 2 * pad), cap))
        self._fitted_rows = rows > 0

    def _model_reset(self) -> None:
        if not self._fitted_rows and self.model.rowCount():
            self._fit_columns()
        self._update_count()

    # -- query -------------------------------------------------------------------------

    def current_query(self) -> HouseholdQuery:
        filters: dict[str, Any] = {}
        for key, combo in (("village_id", self.village_combo), ("group_no", self.group_combo),
                           ("exit_status", self.status_combo), ("attribute", self.attribute_combo),
                           ("main_cause", self.cause_combo), ("cadre_id", self.cadre_combo)):
            value = combo.currentData()
            if value not in (None, ""):
                filters[key] = value
        chosen = self.workflow_combo.currentData()
        if chosen:
            kind, _, step = str(chosen).partition(":")
            filters["wf_kind"] = kind
            if step:
                filters["wf_step"] = step
        return self.model.query().with_(text=self.search.text().strip(), filters=filters)

    def apply_query(self) -> None:
        """Re-query now (the search box calls this after its short pause); a card code opens its household."""
        self._search_timer.stop()
        if self._open_card_code(self.search.text()):
            return
        query = self.current_query()
        if query != self.model.query():
            self.model.setQuery(query)
        else:
            self._update_count()  # (the count label may be showing a card-code message)

    def flush_search(self) -> None:
        """Apply pending typing immediately (tests, and Enter in the search box)."""
        self.apply_query()

    def _filter_changed(self) -> None:
        if self.sender() is self.village_combo:
            self._fill_groups()
        self.apply_query()

    def _fill_groups(self) -> None:
        current = self.group_combo.currentData()
        village_id = self.village_combo.currentData()
        groups = browse.distinct_groups(self.ctx.db, village_id)
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("全部"), None)
        for group in groups:
            self.group_combo.addItem(self.tr("{0}组").format(group), group)
        codes.set_combo_code(self.group_combo, current)
        self.group_combo.blockSignals(False)

    def _update_count(self) -> None:
        if self.model.total_exact():
            self.count_label.setText(self.tr("共 {0} 户").format(self.model.total()))
        else:
            self.count_label.setText(self.tr("超过 {0} 户").format(self.model.total()))

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the list with the same query (and the group list); select ``select_id`` if shown."""
        selected = select_id or self.selected_household()
        self._fill_groups()
        self.model.refresh()
        if selected:
            self.select_household(selected)

    # -- selection and opening ----------------------------------------------------------------

    def selected_household(self) -> str | None:
        """The current household: the selected row with the focus, else the first selected row."""
        rows = self.table.selectionModel().selectedRows()
        current = self.table.currentIndex()
        if current.isValid() and any(r.row() == current.row() for r in rows):
            return self.model.household_id(current.row())
        return self.model.household_id(min(r.row() for r in rows)) if rows else None

    def selected_households(self) -> list[str]:
        """Every selected household, in list order."""
        rows = sorted(r.row() for r in self.table.selectionModel().selectedRows())
        return [self.model.household_id(r) for r in rows]

    def select_household(self, household_id: str) -> bool:
        row = self.model.row_of(household_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        self.flush_search()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_household(self.model.household_id(0))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household(self.model.household_id(index.row()))

    def open_household(self, household_id: str | None, village_id: str | None = None) -> QDialog | None:
        """Open the household editor (``household_id`` None: a new household; an open one is raised)."""
        editor = self.hub.editors.open("household", household_id,
                                       lambda: self._make_editor(household_id, village_id))
        if isinstance(editor, QDialog):
            self.editor = editor
            return editor
        return None

    def _make_editor(self, household_id: str | None, village_id: str | None) -> QDialog | None:
        try:
            from fieldapp.gui.household_editor import HouseholdEditor

            editor = HouseholdEditor(self.ctx, household_id, village_id, parent=self, tasks=self.tasks, hub=self.hub)
        except Exception as exc:
            show_error(self, exc)
            return None
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_saved)
        editor.destroyed.connect(self._editor_gone)
        editor.open()
        return editor

    def new_household(self) -> QDialog | None:
        village_id = self.village_combo.currentData()
        if village_id is None and self.villages:
            village_id = self.villages[0][0]
        return self.open_household(None, village_id)

    def _editor_gone(self) -> None:
        self.editor = None

    def _on_saved(self, household_id: str) -> None:
        self._select_after = household_id  # the change notification that follows refreshes the list

    def _data_changed(self, changes: Changes) -> None:
        select, self._select_after = self._select_after, None
        if changes.register or changes.reference:
            self.refresh(select_id=select)

    # -- keyboard ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down:
                self.focus_table()
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush_search()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.table.currentIndex()
                if index.isValid():
                    self._open_index(index)
                    return True
        return super().eventFilter(watched, event)

    # -- card codes -----------------------------------------------------------------------------------

    def _open_card_code(self, text: str) -> bool:
        """If ``text`` is a door-plate card code, open its household (or say what is wrong); True if it was one."""
        if not unicodedata.normalize("NFKC", text).strip().upper().startswith(cardcode.PREFIX):
            return False
        try:
            household_id = cardcode.parse_card_code(text)
        except cardcode.CardCodeError as exc:
            self.count_label.setText(self.tr("公示牌编码无效：{0}").format(exc))
            return True
        exists = lookups.household_summary(self.ctx.db, household_id)
        if exists is not None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            query = self.current_query()
            if query != self.model.query():
                self.model.setQuery(query)
            self.select_household(household_id)
            self.open_household(household_id)
        else:
            self.count_label.setText(self.tr("本机没有这个公示牌编码的户"))
        return True
