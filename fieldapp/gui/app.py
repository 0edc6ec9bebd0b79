"""Application bootstrap: QApplication, font, language, the data folder, the first-start wizard.

:func:`run` is what ``fieldapp`` (no command) calls. The pieces are separate so tests can
use them without an event loop: :func:`open_app_context` opens the data folder and turns
failures into a user-facing report, :func:`create_main_window` builds the main window.

Failures at open: the environment's fault (a newer database, a locked or read-only file,
a broken device identity) is shown as its message and exits 1; anything else is a bug,
logged with its traceback, and shown as "程序错误" with the log file's path.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from fieldapp import logsetup, paths, resources
from fieldapp.gui import errors, fonts, i18n
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext, open_context, vault_key_from_env

log = logging.getLogger("fieldapp.gui")

APP_NAME = "FieldApp"

ExceptHookFn = Callable[[type[BaseException], BaseException, TracebackType | None], None]



def log_path(data: paths.DataPaths) -> Path:
    """The log file in use (the first data folder opened by this process), else the folder's own."""
    return errors.current_log_path() or data.logs / "fieldapp.log"


def open_app_context(data: paths.DataPaths) -> tuple[AppContext | None, errors.ErrorReport | None]:
    """Open the data folder; on failure return (None, what to tell the user) — never raises."""
    logsetup.configure(data.logs)
    try:
        return open_context(data, key=vault_key_from_env()), None
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
    icon = QPixmap()
    if icon.loadFromData(resources.read_bytes("icons", "fieldapp.png")):  # shipped like fonts (importlib.resources)
        app.setWindowIcon(QIcon(icon))


def create_main_window(ctx: AppContext, tasks: TaskManager | None = None) -> MainWindow:
    """The main window for an opened, set-up context (not shown yet)."""
    return MainWindow(ctx, tasks)


def run(data: paths.DataPaths) -> int:
    """Start the desktop app on ``data``; returns the process exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)

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
