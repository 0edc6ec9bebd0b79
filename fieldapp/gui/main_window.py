"""The main window: navigation on the left, one page at a time on the right.

Pages are registered with one call each, :meth:`MainWindow.add_page` (key, title, and a factory that
builds the page), in navigation order, in :meth:`MainWindow._register_pages`. A page is built the first
time it is shown or asked for (:meth:`MainWindow.page`, or its attribute: ``window.households`` is a
:class:`LazyPage`): after the login only the home screen is built, so a new page costs the start nothing
(its modules, reportlab or openpyxl among them, load when it is first opened). A new page adds a
``_build_<name>`` method, one ``add_page`` line and, if other code reaches it by name, a ``LazyPage``
attribute. The window owns the one :class:`~fieldapp.gui.ops.ChangeHub` and hands it to every
page: each write is announced there once and each page refreshes what it shows; the status bar
shows the confirmation of a save and refreshes the unsynced count. It also shows the signed-in
cadre, the villages, how many changes the district lacks (counted off the GUI thread) and the
state of network sync (:mod:`fieldapp.gui.sync.net`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from fieldapp import __version__
from fieldapp.gui import geometry, i18n, keys
from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import MESSAGE_MS, ChangeHub, run_op
from fieldapp.gui.sync.net import unsynced_count
from fieldapp.gui.sync.net_panel import SyncStatusLabel
from fieldapp.gui.tasks import Task, TaskControl, TaskManager
from fieldapp.services import setup
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui.main")

#: builds a page (called once, the first time the page is shown or asked for)
PageFactory = Callable[[], QWidget]


class LazyPage:
    """A main-window attribute naming a page (``window.households``): the page, built on first access.

    An attribute error (as for any missing attribute) when the window has no such page (a page for
    some accounts only), so ``getattr(window, "notices", None)`` works."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type | None = None) -> Any:
        if window is None:
            return self
        if not window.has_page(self.key):
            raise AttributeError(f"the main window has no {self.key!r} page")
        return window.page(self.key)

NAV_STYLE = """
QListWidget#navigation { background: palette(alternate-base); border-right: 1px solid palette(mid); }
QListWidget#navigation::item { padding: 9px 14px; }
QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    """驻村帮扶工作台 — <villages>."""

    #: the unsynced-change count was refreshed (the new count)
    unsynced_changed = Signal(int)

    def __init__(self, ctx: AppContext, tasks: TaskManager | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._owns_tasks = tasks is None
        self.tasks = tasks if tasks is not None else TaskManager(self)
        self.tasks.unhandled_error.connect(self._task_error)
        #: the one change notification: every write is announced here, every page listens
        self.hub = ChangeHub(self)
        self.villages = setup.villages(ctx)
        self.unsynced: int | None = None
        village_names = "、".join(name for _id, name in self.villages)
        # Qt appends the application display name (驻村帮扶工作台) to the title bar itself.
        self.setWindowTitle(village_names)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(max(120, self.fontMetrics().horizontalAdvance("国") * 6 + 24))
        self.nav.setSpacing(2)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(NAV_STYLE)
        self.stack = QStackedWidget(self)
        self._pages: dict[str, QWidget] = {}  # built pages
        self._factories: dict[str, PageFactory] = {}  # pages not built yet
        self._order: list[str] = []  # every page's key, in navigation order
        self.nav.currentRowChanged.connect(self._row_chosen)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._register_pages()
        self.hub.changed.connect(self._data_changed)
        self._start_network_sync()

        self._build_menus()
        from fieldapp.gui.excel.menu import install_data_menu

        self.data_menu = install_data_menu(self, self.hub)  # 数据: import, export, department lists
        self._build_status_bar()
        self._add_shortcuts_and_hints()
        self.show_page("workbench")  # the home screen: the one page built now
        geometry.fit(self, "main", (1200, 760), ctx.settings)
        self.refresh_unsynced()
        self.network.start()

    # -- pages -------------------------------------------------------------------------

    workbench = LazyPage("workbench")
    households = LazyPage("households")
    visits = LazyPage("visits")
    attendance = LazyPage("attendance")
    spotcheck = LazyPage("spotcheck")
    review = LazyPage("review")
    notices = LazyPage("notices")
    targets = LazyPage("targets")
    charts = LazyPage("charts")
    report = LazyPage("report")
    projects = LazyPage("projects")
    assets = LazyPage("assets")
    printing = LazyPage("print")
    sync_page = LazyPage("sync")

    def _register_pages(self) -> None:
        """Every page of the window in navigation order; each is built when first shown (see the module).

        Only the permission checks run now (a page for some accounts only is not listed for the others; the
        services refuse anyone else whatever the window shows)."""
        from fieldapp.domain import people

        self.add_page("workbench", self.tr("工作台"), self._build_workbench)  # the home screen
        self.add_page("households", self.tr("农户"), self._build_households)
        self.add_page("visits", self.tr("走访"), self._build_visits)
        self.add_page("attendance", self.tr("考勤"), self._build_attendance)
        # 抽查, 审核 and 公示与评议 for the accounts that check, decide or publish; 目标, 挂图作战,
        # 汇总上报, 项目库 and 资产台账 for everyone
        if self.ctx.session is not None and self.ctx.allows(people.SPOTCHECK_CHECK):
            self.add_page("spotcheck", self.tr("抽查"), self._build_spotcheck)
        from fieldapp.gui.workflow.access import may_decide, may_use_notices

        if may_decide(self.ctx):
            self.add_page("review", self.tr("审核"), self._build_review)
        if may_use_notices(self.ctx):
            self.add_page("notices", self.tr("公示与评议"), self._build_notices)
        self.add_page("targets", self.tr("目标"), self._build_targets)
        self.add_page("charts", self.tr("挂图作战"), self._build_charts)
        self.add_page("report", self.tr("汇总上报"), self._build_report)
        self.add_page("projects", self.tr("项目库"), self._build_projects)
        self.add_page("assets", self.tr("资产台账"), self._build_assets)
        self.add_page("print", self.tr("打印"), self._build_printing)
        self.add_page("sync", self.tr("同步"), self._build_sync)

    def add_page(self, key: str, title: str, page: QWidget | PageFactory) -> int:
        """Add a page under ``title`` to the navigation; returns its position. ``page`` is the page itself or,
        better, a factory that builds it: called once, when the page is first shown or asked for."""
        if key in self._order:
            raise ValueError(f"page {key!r} exists")
        self._order.append(key)
        if isinstance(page, QWidget):
            self._pages[key] = page
            index = self.stack.addWidget(page)
        else:
            self._factories[key] = page
            index = self.stack.addWidget(QWidget(self.stack))  # a blank stand-in until it is built
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)
        return index

    def has_page(self, key: str) -> bool:
        return key in self._order

    def is_built(self, key: str) -> bool:
        return key in self._pages

    def _build_workbench(self) -> QWidget:
        from fieldapp.gui.visits.workbench_page import WorkbenchPage

        page = WorkbenchPage(self.ctx, self.tasks, self, hub=self.hub)
        page.import_requested.connect(self.data_menu.open_import)
        page.new_household_requested.connect(self._new_household)
        return page

    def _build_households(self) -> QWidget:
        from fieldapp.gui.household_list import HouseholdListPage

        page = HouseholdListPage(self.ctx, self.tasks, self, hub=self.hub)
        page.find_shortcut.setEnabled(False)  # the window's 查找 has the key: two shortcuts on one would both fail
        page.import_requested.connect(self.data_menu.open_import)
        return page

    def _build_visits(self) -> QWidget:
        from fieldapp.gui.visits.archive_page import ArchivePage

        return ArchivePage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_attendance(self) -> QWidget:
        from fieldapp.gui.visits.attendance_page import AttendancePage

        return AttendancePage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_spotcheck(self) -> QWidget:
        """抽查: the reviewers' draws, checklists and rectifications (a cadre's own rectifications are on the
        workbench)."""
        from fieldapp.gui.spotcheck.page import SpotcheckPage

        return SpotcheckPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_review(self) -> QWidget:
        """审核: the households waiting for the account's decision (动态管理)."""
        from fieldapp.gui.workflow.page import ReviewPage

        return ReviewPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_notices(self) -> QWidget:
        """公示与评议, beside 审核: 评议 meetings, notices made from workflow steps, objections."""
        from fieldapp.gui.workflow.notices_page import NoticesPage

        return NoticesPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_targets(self) -> QWidget:
        """目标 (挂图作战): the village's yearly record and its exit judgement, and the annual targets."""
        from fieldapp.gui.targets.page import TargetsPage

        return TargetsPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_charts(self) -> QWidget:
        """挂图作战: the four charts of a village, a town or the district (whatever this register holds)."""
        from fieldapp.gui.charts.page import ChartsPage

        return ChartsPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_report(self) -> QWidget:
        """汇总上报: the team leader's weekly and monthly summaries, and every account's view of the villages'
        standing and roll-up (read-only for those who do not write summaries)."""
        from fieldapp.gui.report.page import ReportPage

        return ReportPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_projects(self) -> QWidget:
        """项目库: the projects, their money, progress and acceptance."""
        from fieldapp.gui.projects.page import ProjectsPage

        return ProjectsPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_assets(self) -> QWidget:
        """资产台账: the assets accepted projects made, their income and its distribution, their signed changes
        (read by everyone; the services check who may record what)."""
        from fieldapp.gui.assets.page import AssetsPage

        return AssetsPage(self.ctx, self.tasks, self, hub=self.hub)

    def _build_printing(self) -> QWidget:
        from fieldapp.gui.printing.print_page import PrintPage

        return PrintPage(self.ctx, self.tasks, self.households, self, hub=self.hub)

    def _build_sync(self) -> QWidget:
        """同步: USB packages and conflicts; network sync itself runs from the start (:meth:`_start_network_sync`)."""
        from fieldapp.gui.sync.page import SyncPage

        page = SyncPage(self.ctx, self.tasks, self, hub=self.hub)
        page.attach_network(self.network)  # a reply that changed data is announced by the page
        return page

    def _start_network_sync(self) -> None:
        """Network sync with the district server (idle unless enrolled; started at the end of ``__init__``)."""
        from fieldapp.gui.sync.net import NetworkSync

        self.network = NetworkSync(self.ctx, self.tasks, self, hub=self.hub)
        self.network.synced.connect(lambda *_args: self.hub.announce(Changes(sync=True)))

    def _add_shortcuts_and_hints(self) -> None:
        """Shortcuts that work wherever the focus is (see :mod:`fieldapp.gui.keys`); the empty list's 导入农户."""
        self.shortcuts = keys.add_main_actions(
            self, file_menu=self.file_menu, before=self.quit_action, menu_before=self.settings_menu.menuAction(),
            show_page=self.show_page,
            pages=[(k, self.nav.item(i).text()) for i, k in enumerate(self._order)], find=self.find_household,
            new_household=self._new_household, new_visit=self._new_visit)

    # the pages' acts reached from the menus, the shortcuts and the workbench build the page first
    def _new_household(self) -> object:
        return self.households.new_household()

    def _new_visit(self) -> object:
        return self.visits.new_visit()

    def _plate_settings(self) -> object:
        return self.printing.open_plate_settings()

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not yet (KeyError for a page the window does not have)."""
        page = self._pages.get(key)
        if page is not None:
            return page
        factory = self._factories.pop(key)
        index = self._order.index(key)
        stand_in = self.stack.widget(index)
        page = factory()
        self._pages[key] = page
        self.stack.insertWidget(index, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        log.debug("page %s built", key)
        return page

    def page_keys(self) -> list[str]:
        return list(self._order)

    def show_page(self, key: str) -> None:
        row = self._order.index(key)
        if self.nav.currentRow() == row:
            self._row_chosen(row)  # the row was chosen before its page was (re)built: show it now
        else:
            self.nav.setCurrentRow(row)

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._order):
            self.stack.setCurrentWidget(self.page(self._order[row]))

    def find_household(self) -> None:
        """查找 (Ctrl+F): the 农户 page with the cursor in its search box."""
        self.show_page("households")
        self.households.focus_search()

    def current_page_key(self) -> str | None:
        row = self.nav.currentRow()
        key = self._order[row] if 0 <= row < len(self._order) else None
        return key if key is not None and self.stack.currentWidget() is self._pages.get(key) else None

    # -- menus -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = self.quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        self.plate_action = settings_menu.addAction(self.tr("门牌样式…"))
        self.plate_action.triggered.connect(self._plate_settings)
        language_menu = settings_menu.addMenu(self.tr("语言"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        current = self.ctx.settings["language"]
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        from fieldapp.gui.audit import verify as audit_verify

        self.audit_action = audit_verify.install(self, help_menu, self.ctx, self.tasks)
        about = QAction(self.tr("关于"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def set_language(self, language: str) -> Task | None:
        """Save the UI language as an operation; once saved, say that it applies fully after a restart."""
        settings = self.ctx.settings
        previous = settings["language"]
        if language == previous:
            return None
        settings["language"] = language

        def failed(_exc: BaseException) -> bool:
            settings["language"] = previous  # not saved: the menu and the settings say what is in effect
            self.language_actions[previous].setChecked(True)
            return False  # shown in the error box

        def saved(_result: object) -> None:
            self._language_saved(language)

        return run_op(self.tasks, self.hub, settings.save, changes=Changes(settings=True), parent=self,
                      on_done=saved, on_error=failed)

    def _language_saved(self, language: str) -> QMessageBox:
        available = i18n.install(language)
        name = i18n.LANGUAGES.get(language, language)
        if available:
            text = self.tr("界面语言已设为“{0}”，重新启动 FieldApp 后生效。").format(name)
        else:
            text = self.tr("界面语言已设为“{0}”，但该语言的翻译文件尚未提供，"
                           "重新启动后界面仍显示简体中文。").format(name)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("语言"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def about_text(self) -> str:
        device = self.ctx.identity.device_id if self.ctx.identity is not None else self.tr("（尚未创建）")
        return "\n".join((
            self.tr("驻村帮扶工作台 FieldApp {0}").format(__version__),
            "",
            self.tr("数据文件夹：{0}").format(self.ctx.paths.home),
            self.tr("数据库：{0}").format(self.ctx.paths.database),
            self.tr("设备编号：{0}").format(device),
        ))

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("关于"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- status bar ----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.hub.message.connect(self.show_message)
        self.cadre_label = QLabel(self.tr("包扶干部：{0}").format(self.ctx.cadre_name or "—"), self)
        names = "、".join(name for _id, name in self.villages) or "—"
        self.village_label = QLabel(self.tr("村：{0}").format(names), self)
        self.unsynced_label = QLabel(self.tr("未同步修改 … 条"), self)
        self.sync_label = SyncStatusLabel(self.network, self)  # 离线 / 同步中 n% / 上次同步 HH:MM / 同步出错：…
        for label in (self.cadre_label, self.village_label, self.unsynced_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def _data_changed(self, changes: Changes) -> None:
        if changes.database:
            self.refresh_unsynced()

    def show_message(self, text: str) -> None:
        """A short confirmation in the status bar (what was saved)."""
        self.statusBar().showMessage(text, MESSAGE_MS)

    def refresh_unsynced(self) -> None:
        """Count the changes the district lacks (on the database thread); see :func:`unsynced_count`."""
        if self.ctx.identity is None or self.tasks.is_shut_down:
            return
        ctx = self.ctx

        def count(_control: TaskControl) -> int:
            return unsynced_count(ctx)

        self.tasks.run_db(count, on_done=self._set_unsynced)

    def _set_unsynced(self, count: int) -> None:
        if self.unsynced is not None and count > self.unsynced:
            self.network.local_change()  # something new to upload: while online, sync within a minute
        self.unsynced = count
        self.unsynced_label.setText(self.tr("未同步修改 {0} 条").format(count))
        self.unsynced_changed.emit(count)

    def _task_error(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            show_error(self, exc, logged=True)

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.network.shutdown()
        if self._owns_tasks:
            self.tasks.shutdown()
        super().closeEvent(event)
