"""批量决定 from the 审核 queue by keyboard (Ctrl+A, Ctrl+arrows, Ctrl+Space, B) under one signature with an
attachment, a file that is not an image refused in the dialog, 户认可 needing the signed 脱贫确认书, and the
动态管理 panel showing the attachments as thumbnails and opening one; real services, real files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from fieldapp.domain import workflow as rules
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.gui.workflow.attachments import PhotoViewer
from fieldapp.gui.workflow.decide import DecideDialog, Target
from fieldapp.gui.workflow.panel import WorkflowPanel
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import attachments, deliberation, queue, service, store
from tests.gui_workflow.test_review import open_dialog, page_of, to_township
from tests.workflow.conftest import T0, set_economy, write_image

HOUR = 3_600_000


def test_the_township_selects_by_keyboard_and_decides_a_batch_under_one_signature_with_the_minutes(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, tmp_path: Path) -> None:
    homes = [make_household(name) for name in ("周长富", "刘桂兰", "王秀英")]
    for hid in homes:
        to_township(team, hid)
    page = page_of(qtbot, team["township"], sync_tasks, ChangeHub())
    assert page.view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Home)
    assert len(page.selected()) == 1 and not page.batch_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # Ctrl+A: all three
    assert len(page.selected()) == 3 and page.batch_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)  # a plain arrow: one row again
    qtbot.keyClick(page.view, Qt.Key.Key_Up)
    assert [e.household_id for e in page.selected()] == [page.model.rows[0].household_id]
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # moves, selects nothing
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # adds the third
    chosen = [e.household_id for e in page.selected()]
    assert chosen == [page.model.rows[0].household_id, page.model.rows[2].household_id]
    qtbot.keyClick(page.view, Qt.Key.Key_B)  # 批量决定
    dialog = open_dialog(page)
    assert [t.household_id for t in dialog.targets] == chosen and dialog.households.count() == 2
    assert "批量决定 2 户" in dialog.what.text() and "一个签字" in dialog.what.text()
    assert "签一个字，覆盖这 2 户的全部决定（一个验证码）" in dialog.signature.text()

    notes = tmp_path / "记录.docx"
    notes.write_bytes(b"PK\x03\x04 not a picture")
    assert dialog.attach.add_files([notes]) == 0
    assert dialog.attach.error.isVisibleTo(dialog)
    assert "附件“记录.docx”不是 JPEG 或 PNG 图片" in dialog.attach.error.text()
    dialog.attach.kind.setCurrentIndex(dialog.attach.kind.findData("minutes"))
    dialog.attach.caption.setText("乡镇审核会议记录")
    assert dialog.attach.add_files([write_image(tmp_path / "会议记录.png", fmt="PNG")]) == 1
    assert dialog.attach.list.count() == 1 and "会议记录：乡镇审核会议记录" in dialog.attach.list.item(0).text()
    assert "附件的照片包含在签字内容中" in dialog.signature.text()
    dialog.reason.setPlainText("材料齐全，同意")
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    outcome = dialog.outcome
    assert outcome is not None and outcome.signature is not None and len(outcome.decided) == 2
    assert {d.decision.signoff_id for d in outcome.decided} == {outcome.signature.id}
    assert signoff.status(ctx.db, "workflow_batch", outcome.batch_id or "").state == signoff.VALID
    for hid in chosen:
        view = store.open_workflow(ctx.db, hid, rules.definitions())
        assert view is not None and view.current.code == "06"
    left = next(h for h in homes if h not in chosen)
    assert store.open_workflow(ctx.db, left, rules.definitions()).current.code == "05"
    _the_panel_shows_the_batch(team["township"], chosen[0], outcome.signature.code, qtbot, sync_tasks)


def _the_panel_shows_the_batch(ctx: AppContext, hid: str, code: str, qtbot: QtBot, tasks: SyncTaskManager) -> None:
    """The decision shows its batch signature, and the minutes among the attachments."""
    panel = WorkflowPanel(ctx, hid, tasks=tasks)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded):
        panel.refresh()
    last = panel.decisions.rowCount() - 1
    words = [str(panel.decisions.data(panel.decisions.index(last, c))) for c in range(panel.decisions.columnCount())]
    assert f"已签字（批量决定，一个签字覆盖 2 户），验证码 {code}" in words
    assert panel.attachments.count() == 1 and "会议记录：乡镇审核会议记录" in panel.attachments.item(0).text()


def test_consent_needs_the_confirmation_and_the_panel_shows_and_opens_the_attachments(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], qtbot: QtBot, *,
        sync_tasks: SyncTaskManager, tmp_path: Path) -> None:
    hid = make_household("陈立新")
    set_economy(ctx, hid, year=2018, wage_yuan=9000)
    service.start(team["leader"], hid, "exit", at_ms=T0)
    service.decide(team["leader"], hid, "10", rules.PASS, at_ms=T0 + HOUR)
    minutes = write_image(tmp_path / "评议会议记录.jpg", color=(235, 235, 250))
    village = str(ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=hid))
    meeting = deliberation.record(team["committee"], village, rules.day_of(T0 + 2 * HOUR), present_count=21,
                                  present_names="", votes_for=19, votes_against=1, summary="", household_ids=[hid],
                                  attach=[attachments.NewAttachment(minutes, "minutes", "村民代表大会记录")])
    service.decide(team["committee"], hid, "01", rules.PASS, meeting_id=meeting.id, at_ms=T0 + 2 * HOUR)
    service.decide(team["leader"], hid, "02", rules.PASS, at_ms=T0 + 3 * HOUR)

    [target] = [Target.of_entry(e) for e in queue.waiting(team["member"]) if e.household_id == hid]
    dialog = DecideDialog(team["member"], [target], tasks=sync_tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert target.step.attachment == "confirmation" and dialog.attach_note.isVisibleTo(dialog)
    assert dialog.attach.kind.currentData() == "confirmation"  # the kind the step needs, chosen already
    dialog.ok_button.click()
    assert dialog.attach_error.isVisibleTo(dialog) and "须附上脱贫确认书（户认可）的照片" in dialog.attach_error.text()
    assert dialog.outcome is None
    dialog.attach.caption.setText("户主签字的脱贫确认书")
    dialog.attach.add_files([write_image(tmp_path / "确认书.jpg")])
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert dialog.outcome is not None and dialog.outcome.decided[0].workflow.current.code == "04"

    panel = WorkflowPanel(team["leader"], hid, tasks=sync_tasks)
    qtbot.addWidget(panel)
    panel.resize(1100, 640)
    panel.show()
    with qtbot.waitSignal(panel.loaded):
        panel.refresh()
    strip = panel.attachments
    assert strip.isVisible() and strip.count() == 2
    texts = [strip.item(i).text() for i in range(strip.count())]
    assert texts[0].startswith("01 民主评议（评议会议）\n会议记录：村民代表大会记录")
    assert texts[1].startswith("03 户认可（脱贫确认书）\n脱贫确认书（户认可）：户主签字的脱贫确认书")
    assert all(not strip.item(i).icon().isNull() for i in range(strip.count()))  # thumbnails, unsealed
    strip.setFocus()
    strip.setCurrentRow(1)
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    viewer = panel.dialog
    assert isinstance(viewer, PhotoViewer) and viewer.isVisible()
    assert viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull()
    assert "户主签字的脱贫确认书" in viewer.caption.text()
    viewer.reject()
