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
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from fieldapp import logsetup, paths, resources
from fieldapp.gui import fonts, i18n, keys

# The register, SQLAlchemy and the main window are imported when needed: with accounts, the login
# window shows first and these load on a background thread while the person types (:mod:`.people.login`).
if TYPE_CHECKING:
    from fieldapp.gui import errors
    from fieldapp.gui.main_window import MainWindow
    from fieldapp.gui.people.shell import PeopleApi, Shell
    from fieldapp.gui.tasks import TaskManager
    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.gui")

APP_NAME = "FieldApp"

ExceptHookFn = Callable[[type[BaseException], BaseException, TracebackType | None], None]



def log_path(data: paths.DataPaths) -> Path:
    """The log file in use (the first data folder opened by this process), else the folder's own."""
    from fieldapp.gui import errors

    return errors.current_log_path() or data.logs / "fieldapp.log"


def open_app_context(data: paths.DataPaths) -> tuple[AppContext | None, errors.ErrorReport | None]:
    """Open the data folder; on failure return (None, what to tell the user) — never raises."""
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
        from fieldapp.gui import errors

        if self.box is not None and isValid(self.box) and self.box.isVisible():
            return  # one at a time: a loop of errors must not bury the user in dialogs
        self.box = errors.show_error(QApplication.activeWindow(), exc, self.log_file, logged=True)


def install_excepthook(log_file: Path | None) -> ExceptHook:
    hook = ExceptHook(log_file, sys.excepthook)
    sys.excepthook = hook
    return hook


def configure_application(app: QApplication) -> None:
    """Names and the bundled CJK font (before any window, so error dialogs render Chinese too)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))
    fonts.register_bundled_font(app)
    keys.install()  # Tab leaves text boxes and tables in every window
    icon = QPixmap()
    if icon.loadFromData(resources.read_bytes("icons", "fieldapp.png")):  # shipped like fonts (importlib.resources)
        app.setWindowIcon(QIcon(icon))


def create_main_window(ctx: AppContext, tasks: TaskManager | None = None) -> MainWindow:
    """The main window for an opened, set-up context (not shown yet)."""
    from fieldapp.gui.main_window import MainWindow

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
        from fieldapp.services.people.keystore import Keystore  # type: ignore[import-not-found, unused-ignore]

        return Keystore.load(data.home).names()

    def authenticate(name: str, password: str) -> Any:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

        return auth.login(data, name, password)

    def verify(name: str, password: str) -> bool:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

        return auth.verify_password(data, name, password)

    def open_for(session: Any) -> AppContext:
        from fieldapp.services.people import auth  # type: ignore[import-not-found, unused-ignore]

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


#: what the app needs after the login, imported on a background thread while the person types
PRELOAD = ("sqlalchemy", "fieldapp.services.context", "fieldapp.services.people.auth",
           "fieldapp.services.people.accounts", "fieldapp.gui.errors", "fieldapp.gui.main_window",
           "fieldapp.gui.people.accounts_page")


def run(data: paths.DataPaths) -> int:
    """Start the desktop app on ``data``; returns the process exit code.

    With accounts on this laptop the login window comes first (``FIELDAPP_LOGIN_HINT`` picks the name
    shown, ``FIELDAPP_LOGIN_PASSWORD`` fills the password: ``make run`` uses both for the demo); without
    the people services or before the first account exists, the set-up cadre's main window opens as before.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    api = people_api(data)
    if api is not None:
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


def start_signed_in(app: QApplication, data: paths.DataPaths, api: PeopleApi, tasks: TaskManager) -> Shell:
    """Show the login window (preloading the rest on a background thread); the shell takes it from there."""
    from fieldapp.gui.people.login import Preloader
    from fieldapp.gui.people.shell import Shell
    from fieldapp.settings import Settings

    i18n.install(Settings.load(data.settings)["language"])
    app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))
    shell = Shell(api, lambda ctx: create_main_window(ctx, tasks), tasks)
    login = shell.show_login(hint=os.environ.get("FIELDAPP_LOGIN_HINT", ""),
                             password=os.environ.get("FIELDAPP_LOGIN_PASSWORD", ""))
    shell.preloader = Preloader(PRELOAD)
    login.painted.connect(shell.preloader.start)  # once on screen: importing earlier would delay the window
    return shell


def _run_signed_in(app: QApplication, data: paths.DataPaths, api: PeopleApi) -> int:
    from fieldapp.gui.tasks import TaskManager

    tasks = TaskManager()
    app.aboutToQuit.connect(tasks.shutdown)
    shell = start_signed_in(app, data, api, tasks)
    previous_hook = sys.excepthook
    install_excepthook(log_path(data))
    try:
        code = app.exec()
        log.info("application exit %s", code)
        return int(code)
    finally:
        tasks.shutdown()
        if shell.ctx is not None:
            shell.ctx.close()
        sys.excepthook = previous_hook


def _run_unsigned(app: QApplication, data: paths.DataPaths) -> int:
    """The app without accounts: the set-up cadre's main window (the first-start wizard before it)."""
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
