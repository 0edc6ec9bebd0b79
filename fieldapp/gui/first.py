"""The first window: the login, on screen before the rest of FieldApp is imported.

``fieldapp`` with accounts on the laptop starts here (:func:`run`). Before the login's first frame only this
module, the login window (:mod:`.people.login`), the font and translator modules and the account names' reader
are imported: no shell, no :mod:`fieldapp.gui.app`, no settings registry, no SQLAlchemy. The people services,
the shell that owns the login (:class:`~fieldapp.gui.people.shell.Shell`), the log file and the rest of the
set-up come one turn of the event loop after the first paint (:meth:`Started.finish`), then the preloader
imports the register and the main window while the person types
(:func:`fieldapp.gui.app.after_login_shown`).
A laptop without accounts (or with an unreadable keystore) goes to :func:`fieldapp.gui.app.run` unchanged.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Our pure-Python modules first: once PySide6 is imported, its import hook reads the source of every module
# imported after it (looking for ``__feature__``), about half a millisecond each.
from fieldapp import resources  # noqa: F401  (for fonts and i18n)
from fieldapp.services.people.names import login_names

# isort: split
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.gui import fonts, i18n
from fieldapp.gui.people.login import LoginWindow, show_centred

if TYPE_CHECKING:
    from fieldapp import paths
    from fieldapp.gui.people.shell import Shell


def language(settings: Path) -> str:
    """The UI language in the settings file, read as plain JSON: the settings registry (its records and
    upgrades) loads after the first paint. Anything unreadable is Simplified Chinese, as with the registry."""
    try:
        value = json.loads(settings.read_text("utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return "zh-Hans"
    return value if isinstance(value, str) else "zh-Hans"


class Started:
    """The login window on screen; its shell (:attr:`shell`) once :meth:`finish` has made it."""

    def __init__(self, app: QApplication, data: paths.DataPaths, names: list[str]) -> None:
        self.app = app
        self.data = data
        self.shell: Shell | None = None
        fonts.prepare_application(app)
        i18n.install(language(data.settings))
        app.setApplicationDisplayName(QCoreApplication.translate("app", "驻村帮扶工作台"))  # in the UI language
        # the password is checked by the shell's people services once it exists (:meth:`finish`)
        self.login = LoginWindow(names, self.authenticate, hint=os.environ.get("FIELDAPP_LOGIN_HINT", ""),
                                 password=os.environ.get("FIELDAPP_LOGIN_PASSWORD", ""))
        show_centred(self.login)
        self.login.painted.connect(lambda: QTimer.singleShot(0, self.finish))

    def authenticate(self, name: str, password: str) -> Any:
        """A submission before the shell exists (before the first paint's next turn): make it now."""
        return self.finish().api.authenticate(name, password)

    def finish(self) -> Shell:
        """The shell for the login window and the rest of the set-up (once; after the first paint)."""
        if self.shell is None:
            from fieldapp.gui import app as app_mod

            self.shell = app_mod.adopt_login(self.app, self.data, self.login)
            app_mod.after_login_shown(self.app, self.data, self.shell)
        return self.shell


def show(data: paths.DataPaths) -> Started | None:
    """The QApplication and the login window shown; None when the laptop has no account to log in to."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    names = login_names(data.home)
    if not names:  # none yet (the first-start wizard), or a keystore this cannot read (the keystore says why)
        return None
    return Started(app, data, names)


def run(data: paths.DataPaths) -> int:
    """Start the desktop app on ``data`` (what ``fieldapp`` does with no command); returns the exit code."""
    previous_hook = sys.excepthook
    started = show(data)
    if started is None:
        from fieldapp.gui.app import run as run_app

        return run_app(data)
    code: object = None
    try:
        code = started.app.exec()
        return int(code)
    finally:
        from fieldapp.gui import app as app_mod

        app_mod.end_signed_in(started.shell, previous_hook, code)
