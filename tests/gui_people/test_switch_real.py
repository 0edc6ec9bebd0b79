"""Switching account on the real people services: every "who" follows the signed-in account.

The login opens the register once and the main window works on that context; after a switch, the
cadre shown, the cadre offered first in forms and the author of every write are the new account's,
not the set-up cadre's from the laptop's settings.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from fieldapp.gui import app as app_mod
from fieldapp.gui.people.shell import Shell
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.visits.form_parts import cadre_entries
from fieldapp.services.context import AppContext
from fieldapp.services.people import audit
from fieldapp.store.db import Database
from fieldapp.store.models import Cadre
from tests.helpers.people import PASSWORD, add_account


@pytest.fixture
def two_people(ctx: AppContext) -> tuple[str, str]:
    """A leader who is the set-up cadre 王伟 and a member who is another cadre, 赵六 (their cadre ids)."""
    with ctx.writer.transaction() as txn:
        other = txn.insert(Cadre, {"name": "赵六", "role": "member"})
    add_account(ctx, "王队长", ["leader"], cadre_id=ctx.settings["cadre_id"])
    add_account(ctx, "赵队员", ["member"], cadre_id=other)
    return ctx.settings["cadre_id"], other


@pytest.fixture
def shell(qtbot: QtBot, ctx: AppContext, sync_tasks: SyncTaskManager) -> Iterator[Shell]:
    api = app_mod.people_api(ctx.paths)
    assert api is not None
    made: list[QMainWindow] = []

    def make_window(c: AppContext) -> QMainWindow:
        made.append(app_mod.create_main_window(c, sync_tasks))
        return made[-1]

    shell = Shell(api, make_window, sync_tasks, idle_minutes=lambda _ctx: 15)
    yield shell
    for window in made:
        window.close()
    if shell.lock is not None:
        shell.lock.stop()
    if shell.ctx is not None:
        shell.ctx.close()


def test_after_a_switch_every_who_is_the_new_account(qtbot: QtBot, shell: Shell, two_people: tuple[str, str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    leader_cadre, member_cadre = two_people
    opened: list[object] = []
    real_open = Database.open.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Database, "open", classmethod(lambda cls, *a, **k: opened.append(a) or real_open(cls, *a, **k)))

    login = shell.show_login(hint="王队长")
    qtbot.addWidget(login)
    qtbot.keyClicks(login.form.password, PASSWORD)
    with qtbot.waitSignal(shell.entered):
        qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    assert len(opened) == 1  # the login's own opening is the main window's context
    first_ctx = shell.ctx
    assert first_ctx.session.name == "王队长" and first_ctx.cadre_name == "王伟"
    assert shell.window.cadre_label.text() == "包扶干部：王伟"  # type: ignore[union-attr]

    dialog = shell.switch_account()
    assert dialog is not None
    dialog.form.name.setCurrentText("赵队员")
    qtbot.keyClicks(dialog.form.password, PASSWORD)
    with qtbot.waitSignal(shell.entered) as entered:
        qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    window = entered.args[0]
    qtbot.addWidget(window)
    assert len(opened) == 2  # once more for the new account, not twice
    ctx = shell.ctx
    assert ctx is not first_ctx and ctx.session.name == "赵队员"
    assert ctx.settings["cadre_id"] == leader_cadre  # the laptop's settings still name the set-up cadre …
    assert ctx.cadre_id == member_cadre and ctx.cadre_name == "赵六"  # … the session's cadre is who acts
    assert window.cadre_label.text() == "包扶干部：赵六"
    assert cadre_entries(ctx)[0][0] == member_cadre  # forms offer the signed-in cadre first
    audit.log_event(ctx, "lock")
    who = ctx.db.scalar("SELECT user_id || '|' || user_name FROM change_log ORDER BY seq DESC LIMIT 1")
    assert who == f"{ctx.session.person_id}|赵队员"
