"""A household's 帮扶措施 tab names each measure's project and channel, links a saved measure to a project of
which the household is a beneficiary (one operation, one change notification, nothing left unsaved in the
editor), and shows per year the totals by fund channel; removing a beneficiary from the 项目库 page is asked
first and announced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.projects import dialogs
from fieldapp.gui.projects.page import ProjectsPage
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.projects import household, records, service
from fieldapp.store.models import Measure
from tests.helpers.dialogs import BoxAnswerer
from tests.projects.conftest import WAN, World, draft

D = dt.date


def _close_quietly(editor: QDialog) -> None:
    if editor.isVisible():
        QDialog.done(editor, QDialog.DialogCode.Rejected)


def _measures(ctx: AppContext, household_id: str) -> list[str]:
    rows = [(D(2025, 6, 1), 300_000, "superior"), (D(2026, 4, 1), 2_000_000, "superior"),
            (D(2026, 7, 1), 80_000, "social"), (D(2026, 8, 1), 12_345, None)]
    with ctx.writer.transaction() as txn:
        return [txn.insert(Measure, {"household_id": household_id, "type": "industry", "content": f"核桃苗{i}",
                                     "amount": amount, "fund_channel": channel, "date": day})
                for i, (day, amount, channel) in enumerate(rows)]


def _project_of(ctx: AppContext, measure_id: str) -> str | None:
    return ctx.db.scalar(f"SELECT project_id FROM measure WHERE id = '{measure_id}'")  # an id we made


def test_a_measure_is_linked_to_its_project_and_the_totals_by_channel_show(
        ctx: AppContext, world: World, signed_in: Callable[..., AppContext], qtbot: QtBot,
        *, sync_tasks: SyncTaskManager) -> None:
    pid = service.create(ctx, draft(world.east))
    service.approve(ctx, pid, 55 * WAN, D(2026, 3, 1))
    service.set_beneficiary(ctx, pid, world.a, 5 * WAN)
    ids = _measures(ctx, world.a)
    leader = signed_in("leader")
    hub = ChangeHub()
    editor = HouseholdEditor(leader, world.a, tasks=sync_tasks, hub=hub)
    qtbot.addWidget(editor, before_close_func=_close_quietly)
    editor.show()
    qtbot.waitExposed(editor)
    tab = editor.measures
    panel = editor.measure_projects
    assert panel is not None and tab.projects is panel
    assert (panel.total(2025, "superior"), panel.total(2026, "superior"), panel.total(2026, "social"),
            panel.total(2026, None)) == (300_000, 2_000_000, 80_000, 12_345)
    headers = [panel.totals.horizontalHeaderItem(c).text() for c in range(panel.totals.columnCount())]
    assert headers == ["年度", "上级", "社会", "未注明渠道", "合计"]
    assert [panel.totals.item(1, c).text() for c in range(5)] == ["2026", "20,000.00", "800.00", "123.45",
                                                                  "20,923.45"]
    project_column = [c.key for c in tab.model.columns].index("project_id")
    row = next(i for i, r in enumerate(tab.rows) if r["id"] == ids[1])
    tab.select_row(row)
    assert panel.link_button.isEnabled()

    # an unsaved edit of the measure: linking waits for the save
    tab.form.slots["content"].widget.setText("核桃苗（改）")
    assert not panel.link_button.isEnabled() and "先保存" in panel.link_button.toolTip()
    tab.form.slots["content"].widget.setText("核桃苗1")
    assert panel.link_button.isEnabled() and not editor.is_dirty()

    dialog = panel.link()
    assert isinstance(dialog, dialogs.LinkDialog) and dialog.project.offered() == [pid]
    dialog.project.setValue(pid)
    seen: list[Any] = []
    hub.changed.connect(seen.append)
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()
    assert len(seen) == 1 and seen[0].touches_household(world.a) and seen[0].projects
    assert _project_of(ctx, ids[1]) == pid
    assert tab.rows[row]["project_id"] == pid and not editor.is_dirty()
    assert tab.model.index(row, project_column).data() == "核桃园提质增效"
    benefit = next(b for b in household.household_benefits(ctx.db, world.a).benefits if b.measure_id == ids[1])
    assert (benefit.project_name, benefit.channel) == ("核桃园提质增效", "superior")

    _a_refused_link_is_listed(editor, ctx, ids[2], pid)

    # saving the household afterwards keeps the link
    tab.select_row(row)
    tab.form.slots["content"].widget.setText("核桃苗 100 株")
    with qtbot.waitSignal(hub.changed):
        assert editor.save()
    assert _project_of(ctx, ids[1]) == pid


def _a_refused_link_is_listed(editor: HouseholdEditor, ctx: AppContext, measure_id: str, pid: str) -> None:
    """The channel refused by the project (社会 is not in its budget) is listed in the dialog, nothing saved."""
    tab, panel = editor.measures, editor.measure_projects
    assert panel is not None
    tab.select_row(next(i for i, r in enumerate(tab.rows) if r["id"] == measure_id))
    refused = panel.link()
    assert refused is not None
    refused.project.setValue(pid)
    refused.save_button.click()
    assert refused.isVisible() and refused.shown_problems == ["措施的资金渠道“social”不在项目“核桃园提质增效”的预算中"]
    refused.reject()
    assert _project_of(ctx, measure_id) is None


def test_a_beneficiary_is_removed_from_the_page_after_asking(
        ctx: AppContext, world: World, qtbot: QtBot, boxes: BoxAnswerer, *, sync_tasks: SyncTaskManager) -> None:
    pid = service.create(ctx, draft(world.east))
    service.set_beneficiary(ctx, pid, world.a, WAN)
    service.set_beneficiary(ctx, pid, world.b, WAN)
    hub = ChangeHub()
    page = ProjectsPage(ctx, sync_tasks, hub=hub)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.detail.beneficiaries.selectRow(1)
    boxes.answer("移除")
    with qtbot.waitSignal(hub.changed) as changed:
        page.remove_beneficiary_button.click()
    assert changed.args[0].touches_household(world.b)
    assert [b.household_id for b in records.get(ctx.db, pid).beneficiaries] == [world.a]
    assert page.detail.beneficiaries.rowCount() == 1
