"""A bare start goes to the desktop app without importing the command-line machinery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.launch import gui_request


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, False)),
    (["--portable"], (None, True)),
    (["--db", "x.db"], ("x.db", False)),
    (["--db=x.db", "--portable"], ("x.db", True)),
    (["--db"], None),
    (["demo"], None),
    (["--self-test"], None),
    (["--version"], None),
    (["--db", "x.db", "people", "list"], None),
])
def test_only_a_bare_start_is_a_gui_request(argv: list[str], expected: tuple[str | None, bool] | None) -> None:
    assert gui_request(argv) == expected


def test_the_entry_module_is_light() -> None:
    code = "import sys, fieldapp.launch; print('fieldapp.cli.main' in sys.modules, 'sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]


# What the login window's start loads before its first frame, and what it does after: run in a fresh process
# (the test process has everything imported already). The keystore holds one real slot.
LOGIN_START = r"""
import json, os, sys
from PySide6.QtWidgets import QApplication
import PySide6.QtCore as QtCore
import fieldapp.launch
from fieldapp import paths
from fieldapp.gui import app as app_mod

HEAVY = ("sqlalchemy", "cryptography", "fieldapp.store.db", "fieldapp.services.context", "fieldapp.gui.keys",
         "fieldapp.gui.errors", "fieldapp.gui.main_window", "fieldapp.gui.tasks", "logging.handlers",
         "fieldapp.services.people.keystore")
app = QApplication([])
data = paths.resolve()
api = app_mod.people_api(data)
app_mod.prepare_application(app)
shell = app_mod.start_signed_in(app, data, api)
state = {}

def painted():
    state["names"] = [shell.login.form.name.itemText(i) for i in range(shell.login.form.name.count())]
    state["before"] = sorted(m for m in HEAVY if m in sys.modules)
    state["qt_namespace_before"] = "Qt" in QtCore.__dict__
    state["families_before"] = app.font().families()

shell.login.painted.connect(painted)
while "before" not in state or shell.preloader is None:
    app.processEvents()
shell.preloader.join(120)
from fieldapp.gui import keys
state["after"] = sorted(m for m in HEAVY if m in sys.modules)
state["preload_failed"] = sorted(shell.preloader.failed)
state["tab_filter"] = "filter" in keys._installed
state["excepthook"] = type(sys.excepthook).__name__
state["tasks"] = shell.tasks is not None
state["families_after"] = app.font().families()
state["icon"] = not app.windowIcon().isNull()
print(json.dumps(state))
sys.stdout.flush()
os._exit(0)
"""


def test_the_login_window_shows_before_the_rest_loads(tmp_path: Path) -> None:
    from fieldapp.services.people import keystore

    home = tmp_path / "home"
    ks = keystore.Keystore(keystore.keystore_path(home))
    ks.put(keystore.Slot.make("王队长", "p-1", "right-pass", keystore.new_vault_key()))
    ks.save()
    env = {**os.environ, "FIELDAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", LOGIN_START], capture_output=True, text=True, timeout=180, env=env,
                         check=False)
    assert out.returncode == 0, out.stderr
    state = json.loads(out.stdout.strip().splitlines()[-1])
    assert state["names"] == ["王队长"]
    # before the first frame: no register, SQLAlchemy, cryptography, Tab filter, main window, log handlers …
    assert state["before"] == []
    assert state["qt_namespace_before"] is False  # the Qt namespace's enums alone cost ~25 ms
    assert len(state["families_before"]) == 1  # the main CJK font only
    # … and after it, all of it: the set-up finished on the GUI thread, the rest preloaded on a thread
    assert state["preload_failed"] == []
    assert {"sqlalchemy", "fieldapp.services.context", "fieldapp.gui.main_window", "fieldapp.gui.keys",
            "logging.handlers"} <= set(state["after"])
    assert state["tab_filter"] and state["tasks"] and state["icon"]
    assert state["excepthook"] == "ExceptHook"
    assert len(state["families_after"]) > 1  # the rare-character fallbacks follow the main font
    assert (home / "logs" / "fieldapp.log").exists()
