"""Application bootstrap: QApplication, font, language, the data folder, the first-start wizard.

:func:`run` is what ``fieldapp`` (no command) calls. The pieces are separate so tests can
use them without an event loop: :func:`open_app_context` opens the data folder and turns
failures into a user-facing report, :func:`create_main_window` builds the main window.

Failures at open: the environment's fault (a newer database, a locked or read-only file,
a broken device identity) is shown as its message and exits 1; anything else is a bug,
logged with its traceback, and shown as "程序错误" with the log file's path.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from fieldapp import paths
from fieldapp.gui import fonts, i18n
from fieldapp.gui.fonts import prepare_application
from fieldapp.paths import APP_NAME

# The register, SQLAlchemy and the main window are imported when needed: with accounts, the login
# window shows first (:mod:`.first`, which imports neither this module nor the shell before its first paint)
# and these load on a background thread while the person types (:mod:`.people.login`). Message boxes, the
# window icon, the keyboard filter (the Qt namespace's enums), logging's handlers and the rare-character
# fonts come after its first paint.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from fieldapp.gui import errors
    from fieldapp.gui.main_window import MainWindow
    from fieldapp.gui.people.login import LoginWindow
    from fieldapp.gui.people.shell import PeopleApi, Shell
    from fieldapp.gui.tasks import TaskManager
    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui")

__all__ = ["APP_NAME", "prepare_application"]  # defined below the first window and this module, used by both

#: SQLite's heap while the main window is open (bench/bench_rss.py: under 300 MB on 100,000 households)
WINDOW_SQLITE_HEAP = 16 * 1024 * 1024

ExceptHookFn = Callable[[type[BaseException], BaseException, TracebackType | None], None]



def log_path(data: paths.DataPaths) -> Path:
    """The log file in use (the first data folder opened by this process), else the folder's own."""
    from fieldapp import logsetup

    return logsetup.current_file() or data.logs / "fieldapp.log"


def open_app_context(data: paths.DataPaths) -> tuple[AppContext | None, errors.ErrorReport | None]:
    """Open the data folder; on failure return (None, what to tell the user) — never raises."""
    from fieldapp import logsetup
    from fieldapp.gui import errors
    from fieldapp.services.context import open_context

    logsetup.configure(data.logs)
    try:
        return open_context(data), None
    except Exception as exc:
        report = errors.describe(exc, log_path(data))
        if report.is_bug:
            log.error("cannot open data folder %s", data.home, exc_info=True)
        else:
            log.warning("cannot open data folder %s: %s", data.home, exc)
        return None, report


def report_box(report: errors.ErrorReport, parent: QWidget | None = None) -> QMessageBox:
    """The message box shown when the data folder cannot be opened (FieldApp then exits)."""
    from PySide6.QtWidgets import QMessageBox

    title = report.title if report.is_bug else QCoreApplication.translate("app", "无法打开数据")
    box = QMessageBox(QMessageBox.Icon.Critical, title, report.text, QMessageBox.StandardButton.Ok, parent)
    box.setProperty("error_kind", report.kind)
    return box


class ExceptHook:
    """``sys.excepthook`` for the GUI: log with the traceback, then tell the user (one dialog at a time)."""

    def __init__(self, log_file: Path | None, previous: ExceptHookFn | None = None) -> None:
        self.log_file = log_file
        self.previous = previous
        self.box: QMessageBox | None = None

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self.previous is not None:
                self.previous(exc_type, exc, tb)
            return
        log.error("unexpected exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            return
        from shiboken6 import isValid

        from fieldapp.gui import errors

        if self.box is not None and isValid(self.box) and self.box.isVisible():
            return  # one at a time: a loop of errors must not bury the user in dialogs
        self.box = errors.show_error(QApplication.activeWindow(), exc, self.log_file, logged=True)


def install_excepthook(log_file: Path | None) -> ExceptHook:
    hook = ExceptHook(log_file, sys.excepthook)
    sys.excepthook = hook
    return hook


def configure_application(app: QApplication) -> None:
    """Names, the bundled fonts, the window icon and the Tab filter (before any window, so error dialogs
    render Chinese too): :func:`prepare_application` and :func:`finish_application` at once."""
    prepare_application(app)
    finish_application(app)


def finish_application(app: QApplication) -> None:
    """The rest (the login calls it after its first paint): rare-character fonts, Tab filter, window icon."""
    from PySide6.QtGui import QIcon, QPixmap

    from fieldapp import resources
    from fieldapp.gui import keys

    fonts.add_fallback_fonts(app)
    keys.install()  # Tab leaves text boxes and tables in every window (the ones shown already too)
    icon = QPixmap()
    if icon.loadFromData(resources.read_bytes("icons", "fieldapp.png")):  # shipped like fonts (importlib.resources)
        app.setWindowIcon(QIcon(icon))


def create_main_window(ctx: AppContext, tasks: TaskManager | None = None) -> MainWindow:
    """The main window for an opened, set-up context (not shown yet)."""
    from fieldapp.gui.main_window import MainWindow

    # The window pages its lists: a small page cache serves it, and the app stays small on a large register.
    ctx.db.limit_memory(WINDOW_SQLITE_HEAP)
    return MainWindow(ctx, tasks)


def people_api(data: paths.DataPaths) -> PeopleApi | None:
    """The people services as the GUI calls them; None while ``fieldapp.services.people`` is absent.

    Only the keystore is read before the login window shows (the names); everything else is imported
    when first called, by then already loaded by the login window's background preloader.
    """
    if importlib.util.find_spec("fieldapp.services.people") is None:
        return None
    from fieldapp.gui.people.shell import PeopleApi

    def login_names() -> list[str]:
        from fieldapp.services.people.names import login_names as read_names

        found = read_names(data.home)
        if found is not None:
            return found
        from fieldapp.services.people.keystore import Keystore  # an unreadable file: its error names it

        return Keystore.load(data.home).names()

    # The login opens the register once (to check the account and log the login); the context it opened
    # is the one the main window then uses (``open_for`` of the same session), not a second opening.
    opened: dict[str, AppContext] = {}

    def authenticate(name: str, password: str) -> Any:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

        for stale in opened.values():  # signed in but never entered (nothing uses it)
            stale.close()
        opened.clear()
        ctx = auth.sign_in(data, name, password)
        opened["ctx"] = ctx
        return ctx.session

    def verify(name: str, password: str) -> bool:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

        return auth.verify_password(data, name, password)

    def open_for(session: Any) -> AppContext:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

        ctx = opened.pop("ctx", None)
        if ctx is not None and ctx.session is session:
            return ctx
        if ctx is not None:
            ctx.close()
        return auth.open_for(data, session)

    def change_password(name: str, old: str, new: str) -> object:
        from fieldapp.services.people import accounts  # type: ignore[import-not-found, unused-ignore]

        return accounts.change_password(data, name, old, new)

    def allows(roles: Sequence[str], permission: str) -> bool:
        from fieldapp.domain import people  # type: ignore[attr-defined, unused-ignore]

        return people.permission_table().allows(roles, permission)

    def accounts_of(ctx: AppContext) -> Any:
        from fieldapp.gui.people.accounts_page import ServiceAccounts

        return ServiceAccounts(ctx)

    def audit(ctx: AppContext, _session: Any, kind: str) -> None:
        if kind in ("lock", "unlock", "logout"):  # a failed unlock is counted and logged by verify_password
            from fieldapp.services.people import audit as audit_log  # type: ignore[import-not-found, unused-ignore]

            audit_log.log_event(ctx, kind)

    return PeopleApi(login_names=login_names, authenticate=authenticate, verify=verify, open_for=open_for,
                     change_password=change_password, allows=allows, accounts=accounts_of, audit=audit)


#: what the app needs after the login, imported on a background thread while the person types: the register,
#: the main window and what it builds when it opens (the home screen, the 农户 list, the menus, the status bar),
#: then what the first household opened needs. The other pages (printing, Excel, sync, charts …) load when
#: first shown.
PRELOAD = ("sqlalchemy", "fieldapp.services.context", "fieldapp.services.people.auth",
           "fieldapp.services.people.accounts", "fieldapp.gui.errors", "fieldapp.gui.main_window",
           "fieldapp.gui.visits.workbench_page", "fieldapp.gui.household_list", "fieldapp.gui.excel.menu",
           "fieldapp.gui.sync.net_panel", "fieldapp.gui.audit.verify", "fieldapp.gui.workflow.access",
           "fieldapp.gui.people.lock", "fieldapp.gui.household_editor.dialog")


def run(data: paths.DataPaths) -> int:
    """Start the desktop app on ``data`` when the login cannot come first; returns the process exit code.

    The desktop app starts at :func:`fieldapp.gui.first.run`: with accounts on this laptop the login window
    comes first (``FIELDAPP_LOGIN_HINT`` picks the name shown, ``FIELDAPP_LOGIN_PASSWORD`` fills the password:
    ``make run`` uses both for the demo), and it hands over here when there is none. Without the people
    services or before the first account exists, the set-up cadre's main window opens as before; with
    accounts (the first one just made, or a caller that comes here directly) the login opens here too.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    api = people_api(data)
    configure_application(app)
    if api is not None:
        from fieldapp import logsetup

        logsetup.configure(data.logs)
        if not api.login_names():
            code = _first_account(data)
            if code is not None:
                return code
        if api.login_names():
            return _run_signed_in(app, data, api)
        log.warning("no account on this laptop yet: opening without a login")
    return _run_unsigned(app, data)


def _first_account(data: paths.DataPaths) -> int | None:
    """A laptop without accounts: the first-start wizard (it creates the first account), or on a laptop set up
    before accounts existed, the first account alone. None to go on to the login; else the exit code."""
    ctx, problem = open_app_context(data)
    if ctx is None:
        assert problem is not None
        report_box(problem).exec()
        return 1
    from PySide6.QtWidgets import QDialog

    try:
        i18n.install(ctx.settings["language"])
        if not ctx.is_set_up:
            from fieldapp.gui.wizard import SetupWizard

            if SetupWizard(ctx).exec() != QDialog.DialogCode.Accepted:
                log.info("setup cancelled; exiting")
                return 0
            return None
        from fieldapp.gui.people.passwords import FirstAccountDialog
        from fieldapp.services import setup

        def create(name: str, password: str) -> object:
            from fieldapp.services.people import accounts  # type: ignore[import-not-found, unused-ignore]

            roles = getattr(setup, "FIRST_ROLES", ("admin", "leader"))
            return accounts.create_account(ctx, name, ctx.settings["cadre_id"] or None, roles,
                                           ctx.settings["village_ids"], password)

        if FirstAccountDialog(ctx.cadre_name or "", create).exec() != QDialog.DialogCode.Accepted:
            log.info("first account not created; exiting")
            return 0
        return None
    finally:
        ctx.close()


def start_signed_in(app: QApplication, data: paths.DataPaths, api: PeopleApi) -> Shell:
    """Show the login window; once it is painted, finish setting the application up and preload the rest.

    Only the language (settings and translator) and the window itself come before it is on screen
    (``bench.bench_startup`` measures this path). After its first paint, on the next turn of the event loop:
    the rare-character fonts, the Tab filter, the icon, the log file and the error hook
    (:func:`after_login_shown`); then the register, SQLAlchemy and the main window's modules are imported
    on a background thread while the person types (:data:`PRELOAD`)."""
    from PySide6.QtCore import QTimer

    from fieldapp.gui.people.shell import Shell
    from fieldapp.settings import Settings

    i18n.install(Settings.load(data.settings)["language"])
    app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))
    shell = Shell(api, lambda ctx: create_main_window(ctx, _tasks_of(app, shell)), None)  # tasks: after the paint
    login = shell.show_login(hint=os.environ.get("FIELDAPP_LOGIN_HINT", ""),
                             password=os.environ.get("FIELDAPP_LOGIN_PASSWORD", ""))
    login.painted.connect(lambda: QTimer.singleShot(0, lambda: after_login_shown(app, data, shell)))
    return shell


def adopt_login(app: QApplication, data: paths.DataPaths, login: LoginWindow, api: PeopleApi | None = None) -> Shell:
    """The shell for a login window already on screen (:mod:`.first`), with the people services of ``data``."""
    from fieldapp.gui.people.shell import Shell

    api = api or people_api(data)
    if api is None:
        raise RuntimeError("a login window without the people services")
    shell = Shell(api, lambda ctx: create_main_window(ctx, _tasks_of(app, shell)), None)
    shell.adopt_login(login)
    return shell


def after_login_shown(app: QApplication, data: paths.DataPaths, shell: Shell) -> None:
    """Once the login is on screen: the rest of the set-up, then the preloading while the person types."""
    from fieldapp import logsetup
    from fieldapp.gui.people.login import Preloader

    finish_application(app)
    logsetup.configure(data.logs)
    if not isinstance(sys.excepthook, ExceptHook):
        install_excepthook(log_path(data))
    _tasks_of(app, shell)
    shell.preloader = Preloader(PRELOAD)
    shell.preloader.start()
    _when_preloaded(shell, lambda: _warm_qt(shell))


def _when_preloaded(shell: Shell, then: Callable[[], None]) -> None:
    """Run ``then`` on the GUI thread once the preloader's thread has finished (polled: it has no Qt object)."""
    from PySide6.QtCore import QTimer

    timer = QTimer(shell)
    timer.setInterval(50)

    def check() -> None:
        if shell.preloader is not None and not shell.preloader.is_alive():
            timer.stop()
            timer.deleteLater()
            then()

    timer.timeout.connect(check)
    timer.start()


def _warm_qt(shell: Shell) -> None:
    """What PySide6 does once, on the GUI thread, the first time the main window's widgets are made: its Python
    enums for the modules just loaded (about a hundred, created on first need, ~0.1 s on a slow laptop), done
    while the person types instead of after they press 登录. A throwaway list widget makes most of them; the
    gradient, image and byte-array enums the style and the table use are touched by name."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGradient, QImage
    from PySide6.QtWidgets import QListWidget

    QListWidget().deleteLater()
    touched = (QByteArray.Base64Option, QByteArray.Base64DecodingStatus, QImage.InvertMode, QImage.Format,
               QGradient.Type, QGradient.Spread, QGradient.CoordinateMode, QGradient.InterpolationMode,
               QGradient.Preset)
    log.debug("Qt's enums made before the login (%d touched by name)", len(touched))
    shell.ready = True


def _tasks_of(app: QApplication, shell: Shell) -> TaskManager:
    """The shell's task manager, made on first need (after the login's first paint, or at the login)."""
    from fieldapp.gui.tasks import TaskManager

    if shell.tasks is None:
        shell.tasks = TaskManager()
        app.aboutToQuit.connect(shell.tasks.shutdown)
    return shell.tasks


def _run_signed_in(app: QApplication, data: paths.DataPaths, api: PeopleApi) -> int:
    previous_hook = sys.excepthook
    shell = start_signed_in(app, data, api)
    code: object = None
    try:
        code = app.exec()
        return int(code)
    finally:
        end_signed_in(shell, previous_hook, code)


def end_signed_in(shell: Shell | None, previous_hook: ExceptHookFn, code: object = None) -> None:
    """After the event loop of a signed-in app: its tasks stopped, its register closed, the hook given back."""
    log.info("application exit %s", code)
    if shell is not None:
        if shell.tasks is not None:
            shell.tasks.shutdown()
        if shell.ctx is not None:
            shell.ctx.close()
    sys.excepthook = previous_hook


def _run_unsigned(app: QApplication, data: paths.DataPaths) -> int:
    """The app without accounts: the set-up cadre's main window (the first-start wizard before it)."""
    from PySide6.QtWidgets import QDialog

    from fieldapp.gui.tasks import TaskManager

    ctx, problem = open_app_context(data)
    if ctx is None:
        assert problem is not None
        report_box(problem).exec()
        return 1

    i18n.install(ctx.settings["language"])
    app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))  # again, now in the UI language
    previous_hook = sys.excepthook
    install_excepthook(log_path(data))
    tasks = TaskManager()
    app.aboutToQuit.connect(tasks.shutdown)
    try:
        if not ctx.is_set_up:
            from fieldapp.gui.wizard import SetupWizard

            wizard = SetupWizard(ctx)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                log.info("setup cancelled; exiting")
                return 0
        window = create_main_window(ctx, tasks)
        window.show()
        code = app.exec()
        log.info("application exit %s", code)
        return int(code)
    finally:
        tasks.shutdown()
        ctx.close()
        sys.excepthook = previous_hook
