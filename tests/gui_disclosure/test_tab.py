"""The 资金公示 tab of the 公示与评议 page: a leader issues a project notice (too short a period refused in
place, the amounts never typed), prints it, records its posting, records an objection and handles it, from the
page's buttons and dialogs, on real services; the models checked, a 1366×700 screenshot taken."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.disclosure.dialogs import DisclosureObjectionDialog, IssueDisclosureDialog, PostDisclosureDialog
from fieldapp.gui.disclosure.tab import DisclosureTab
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.workflow.notices_page import NoticesPage
from fieldapp.gui.workflow.objection_dialogs import HandleDialog
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import service as disclosure
from fieldapp.services.projects import service as projects
from tests.printing import pdftools
from tests.projects.conftest import World

TODAY = dt.date.today()


@pytest.fixture
def app_font(qtbot: QtBot) -> Any:
    """The bundled CJK font as the application's (the screenshot readable offscreen), restored after."""
    from fieldapp.gui.fonts import register_bundled_font

    app = QApplication.instance()
    before = QApplication.font()
    register_bundled_font(app, fallbacks=False)  # type: ignore[arg-type]
    yield
    QApplication.setFont(before)


def _issue(tab: DisclosureTab, project_id: str, shots: Path) -> None:
    """签发资金公示… from the keyboard's widgets: too short a period refused in place, then issued."""
    dialog = tab.issue()
    assert isinstance(dialog, IssueDisclosureDialog) and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("project"))
    dialog.project.setCurrentIndex(dialog.project.findData(project_id))
    assert not dialog.village.isEnabled() and not dialog.year.isEnabled()
    dialog.print_after.setChecked(False)
    dialog.contact.setText("村委会办公室 王主任 13912345678")
    dialog.days.setValue(9)
    dialog.submit()
    assert "不得少于 10 天" in dialog.error.text() and dialog.isVisible()
    dialog.grab().save(str(shots / "disclosure-issue.png"))
    dialog.days.setValue(10)
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_leader_issues_prints_posts_and_handles_an_objection(
        ctx: AppContext, world: World, approved_project: str, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager, qtmodeltester: Any, tmp_path: Path, app_font: None) -> None:
    projects.set_beneficiary(ctx, approved_project, world.a, 300_050)
    leader = signed_in("leader", name="王队长")
    page = NoticesPage(leader, sync_tasks, hub=ChangeHub(), today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    page.tabs.setCurrentIndex(3)
    tab = page.disclosure
    assert tab.model.rows == [] and tab.issue_button.isEnabled() and not tab.print_button.isEnabled()

    _issue(tab, approved_project, tmp_path)
    qtmodeltester.check(tab.model)
    assert len(tab.model.rows) == 1 and tab.model.rows[0].standing.holds
    made = tab.current_notice()
    assert made is not None and made.figures["beneficiary_total"] == 300_050
    assert tab.model.data(tab.model.index(0, 5)) == "一致"

    job = tab.print_notice()
    assert job is not None and job.result is not None
    text = "".join(pdftools.text(job.result.path).split())
    assert "3,000.50" in text and "550,000.00" in text and not re.search(r"\d{17}", text)
    job.preview.reject()  # type: ignore[attr-defined]

    post = tab.post()
    assert isinstance(post, PostDisclosureDialog)
    post.submit()
    assert post.result() == QDialog.DialogCode.Accepted
    assert tab.current_notice() is not None and tab.current_notice().posted_on == TODAY  # type: ignore[union-attr]

    objection = tab.new_objection()
    assert isinstance(objection, DisclosureObjectionDialog)
    objection.from_whom.setText("村民甲")
    objection.content.setPlainText("张大山家补助偏高")
    objection.submit()
    assert objection.result() == QDialog.DialogCode.Accepted
    qtmodeltester.check(tab.objection_model)
    assert [o.content for o in tab.objection_model.rows] == ["张大山家补助偏高"] and tab.handle_button.isEnabled()

    tab.objection_list.setFocus()
    page.grab().save(str(tmp_path / "disclosure-tab.png"))
    handle = tab.handle()
    assert isinstance(handle, HandleDialog)
    handle.handling.setPlainText("核实：按标准补助")
    handle.dismissed.setChecked(True)
    handle.submit()
    assert handle.result() == QDialog.DialogCode.Accepted
    assert disclosure.objections_of(leader, made.id, open_only=True) == []
    assert not tab.handle_button.isEnabled()

    projects.set_beneficiary(ctx, approved_project, world.a, 300_051)  # the ledger moves on: shown out of date
    tab.refresh()
    assert not tab.model.rows[0].standing.holds and "公示已过时" in tab.detail.text()
    page.grab().save(str(tmp_path / "disclosure-stale.png"))
