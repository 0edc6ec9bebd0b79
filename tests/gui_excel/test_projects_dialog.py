"""导入项目库 driven like a user would: preview (nothing written), the table of projects, the rejects workbook,
the import as one operation with one announcement, the 数据 menu, and a file that is no workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from fieldapp.gui.excel.projects_dialog import ProjectImportDialog
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records
from tests.gui_excel.conftest import close_dialogs, open_boxes
from tests.projects.test_import import road, walnut, workbook


def _dialog(qtbot: QtBot, dialog: ProjectImportDialog) -> ProjectImportDialog:
    qtbot.addWidget(dialog, before_close_func=close_dialogs)
    dialog.show()
    return dialog


def test_preview_save_rejects_and_import(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot,
                                         tmp_path: Path, *, qtmodeltester: Any) -> None:
    path = workbook(tmp_path / "项目库.xlsx", [walnut(), road(上级资金="12.345")])
    dialog = _dialog(qtbot, ProjectImportDialog(ctx, sync_tasks))
    assert not dialog.apply_button.isEnabled() and not dialog.rejects_button.isEnabled()
    announced: list[Any] = []
    messages: list[str] = []
    dialog.hub.changed.connect(announced.append)
    dialog.hub.message.connect(messages.append)
    dialog.set_path(path)
    with qtbot.waitSignal(dialog.planned):
        dialog.preview()
    assert dialog.summary.text() == "新增 1 个项目，更新 0 个，无变化 0 个，拒绝 1 个"
    assert records.list_projects(ctx.db) == [] and announced == []
    qtmodeltester.check(dialog.model, force_py=True)
    assert [dialog.model.index(r, 0).data() for r in range(2)] == ["新增", "拒绝"]
    assert dialog.model.index(1, 3).data() == "村组道路硬化"
    assert dialog.model.index(1, 4).data() == "H列“上级资金”：金额最多两位小数（到分），现为“12.345”"
    rejects = tmp_path / "拒绝.xlsx"
    dialog.save_rejects(rejects)
    assert dialog.status.text() == f"已保存 1 行到 {rejects}；改正后可再次导入"
    assert list(load_workbook(rejects)["项目库"].values)[1][1] == "村组道路硬化"
    with qtbot.waitSignal(dialog.imported):
        dialog.apply()
    assert [p.name for p in records.list_projects(ctx.db)] == ["核桃园提质增效"]
    assert [c.projects for c in announced] == [True] and messages == ["已导入：新增 1 个项目，更新 0 个"]
    assert not dialog.apply_button.isEnabled()
    template = tmp_path / "模板.xlsx"
    dialog.save_template(template)
    assert load_workbook(template).sheetnames == ["项目库", "受益户", "说明"]


def test_a_file_that_is_no_workbook_is_said_in_plain_words(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                           qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "项目库.xlsx"
    path.write_bytes(b"PK\x03\x04 cut short")
    dialog = _dialog(qtbot, ProjectImportDialog(ctx, sync_tasks))
    dialog.set_path(path)
    dialog.preview()
    assert dialog.status.text() == "文件已损坏或不完整，无法作为 .xlsx 工作簿打开"
    assert open_boxes(dialog) == ["文件已损坏或不完整，无法作为 .xlsx 工作簿打开"]
    assert dialog.preview_button.isEnabled() and not dialog.apply_button.isEnabled()


def test_the_data_menu_opens_it_once(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window, before_close_func=close_dialogs)
    menu = window.data_menu
    menu.projects_action.trigger()
    dialog = menu.dialogs["projects"]
    assert isinstance(dialog, ProjectImportDialog) and dialog.isVisible()
    menu.projects_action.trigger()
    assert menu.dialogs["projects"] is dialog
    dialog.reject()
    assert "projects" not in menu.dialogs


def test_a_cancel_that_comes_after_the_write_says_it_was_written(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                                  qtbot: QtBot, tmp_path: Path) -> None:
    from fieldapp.services.projects.importing import apply_plan

    dialog = _dialog(qtbot, ProjectImportDialog(ctx, sync_tasks))
    announced: list[Any] = []
    dialog.hub.changed.connect(announced.append)
    dialog.set_path(workbook(tmp_path / "项目库.xlsx", [walnut()]))
    with qtbot.waitSignal(dialog.planned):
        dialog.preview()
    assert dialog.plan is not None
    apply_plan(ctx, dialog.plan)  # committed on the worker, then the task reports "cancelled" (its result dropped)
    dialog._cancelled()
    assert dialog.applied is not None and [c.projects for c in announced] == [True]
    assert dialog.status.text() == "已导入：新增 1 个项目，更新 0 个" and not dialog.apply_button.isEnabled()
    other = _dialog(qtbot, ProjectImportDialog(ctx, sync_tasks))
    other._cancelled()
    assert other.status.text() == "已取消，没有写入任何内容"
