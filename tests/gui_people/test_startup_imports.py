"""What loads when, from the start to the main window (behaviour tests, not timed ones).

The first window (the login) is drawn by :mod:`fieldapp.gui.first` before the shell, :mod:`fieldapp.gui.app`,
the settings registry, ``dataclasses`` or anything of the register is imported; the shell adopts it after the
first paint. After the login, the main window opens with its home screen alone: the other pages, printing,
Excel and the sync page are neither built nor imported until first shown.

A fresh process (the test process has everything imported already) starts FieldApp as ``fieldapp`` does on a
laptop with a real account and an encrypted register, notes what is loaded at the login's first paint, lets the
preloader finish as it does while a person types, signs in, and reports what is loaded and which pages exist;
then it opens 打印 and checks that page loads then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from fieldapp.services.context import AppContext
from tests.helpers.people import ADMIN, PASSWORD, add_account

# what the home screen and the household list do not need: loaded when their page or dialog is first opened
DEFERRED = ("reportlab", "openpyxl", "python_calamine", "pypdfium2", "fieldapp.gui.printing.print_page",
            "fieldapp.gui.excel.import_dialog", "fieldapp.gui.excel.export_dialog", "fieldapp.gui.sync.page",
            "fieldapp.gui.charts.page", "fieldapp.gui.targets.page", "fieldapp.gui.report.page",
            "fieldapp.gui.visits.archive_page", "fieldapp.gui.visits.attendance_page",
            "fieldapp.gui.workflow.page", "fieldapp.gui.workflow.notices_page", "fieldapp.gui.spotcheck.page",
            "fieldapp.gui.people.accounts_page")

# what the login's first frame does not wait for: the shell, the app's set-up module, the settings registry,
# dataclasses (and copy), the keystore's records, cryptography, logging's handlers, SQLAlchemy and the register
AFTER_FIRST_PAINT = ("fieldapp.gui.people.shell", "fieldapp.gui.app", "fieldapp.settings", "dataclasses", "copy",
                     "fieldapp.services.people.keystore", "cryptography", "logging.handlers", "sqlalchemy",
                     "fieldapp.services.context", "fieldapp.gui.main_window", "fieldapp.gui.keys",
                     "fieldapp.gui.errors", "fieldapp.cli.main")

SIGN_IN = r"""
import json, os, sys
from PySide6.QtWidgets import QApplication
import fieldapp.launch
from fieldapp import paths
from fieldapp.gui import first

DEFERRED = json.loads(sys.argv[1])
AFTER_FIRST_PAINT = json.loads(sys.argv[2])
started = first.show(paths.resolve())  # as fieldapp.launch → fieldapp.gui.first.run
login = started.login
state = {}

def painted():
    state["at_paint"] = sorted(m for m in AFTER_FIRST_PAINT if m in sys.modules)
    state["shell_at_paint"] = started.shell is not None
    state["names"] = [login.form.name.itemText(i) for i in range(login.form.name.count())]

login.painted.connect(painted)
while "at_paint" not in state or started.shell is None or started.shell.preloader is None:
    app = QApplication.instance()
    app.processEvents()
shell = started.shell
state["adopted"] = shell.login is login
state["after_paint"] = sorted(m for m in AFTER_FIRST_PAINT if m in sys.modules)
shell.preloader.join(120)
while not shell.ready:  # the preloading's last part, on the GUI thread
    app.processEvents()
state.update({"preloaded": sorted(m for m in DEFERRED if m in sys.modules),
              "preload_failed": sorted(shell.preloader.failed)})
windows = []
shell.entered.connect(windows.append)
shell.login.form.name.setCurrentText(os.environ["TEST_NAME"])
shell.login.form.password.setText(os.environ["TEST_PASSWORD"])
shell.login.form.submit()
window = windows[0]
for _ in range(5):
    app.processEvents()
state["after_login"] = sorted(m for m in DEFERRED if m in sys.modules)
state["pages"] = window.page_keys()
state["built"] = [k for k in window.page_keys() if window.is_built(k)]
state["current"] = window.current_page_key()
window.show_page("print")
state["print_built"] = window.is_built("print") and window.current_page_key() == "print"
state["print_loaded"] = "fieldapp.gui.printing.print_page" in sys.modules
state["accounts"] = shell.accounts_page is not None and window.is_built("accounts")
print(json.dumps(state))
sys.stdout.flush()
os._exit(0)
"""


def test_the_login_shows_before_the_shell_and_the_main_window_builds_only_its_home_screen(ctx: AppContext) -> None:
    add_account(ctx, ADMIN, ["admin", "district"])  # the first account: the register is encrypted from now on
    home = ctx.paths.home
    ctx.close()
    env = {**os.environ, "FIELDAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "TEST_NAME": ADMIN,
           "TEST_PASSWORD": PASSWORD}
    out = subprocess.run([sys.executable, "-c", SIGN_IN, json.dumps(DEFERRED), json.dumps(AFTER_FIRST_PAINT)],
                         capture_output=True, text=True, timeout=300, env=env, check=False)
    assert out.returncode == 0, out.stderr
    state = json.loads(out.stdout.strip().splitlines()[-1])
    # the first frame: the login alone, drawn before the shell and the rest of the app are imported …
    assert state["names"] == [ADMIN]
    assert state["at_paint"] == [] and state["shell_at_paint"] is False
    # … which come on the next turn of the event loop: the shell adopts the window, the set-up module loads
    assert state["adopted"] is True
    assert {"fieldapp.gui.people.shell", "fieldapp.gui.app", "fieldapp.gui.keys"} <= set(state["after_paint"])
    assert state["preload_failed"] == []
    assert state["preloaded"] == []  # nothing of it is preloaded while the person types …
    assert state["after_login"] == []  # … nor imported when the main window opens
    assert {"workbench", "households", "print", "sync", "charts", "accounts"} <= set(state["pages"])
    assert state["built"] == ["workbench"] and state["current"] == "workbench"  # the home screen alone
    # a page is built, and its modules loaded, when it is first shown
    assert state["print_built"] is True
    assert state["print_loaded"] is True
    assert state["accounts"] is True  # the administrator's 账号 page: listed, built when asked for
