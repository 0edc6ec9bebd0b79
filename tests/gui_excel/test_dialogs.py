"""The Excel dialogs driven like a user would: import with mapping and dry run, cross-check, export, menu."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from fieldapp.gui import ops as ops_mod
from fieldapp.gui.excel import common as common_mod
from fieldapp.gui.excel.crosscheck_dialog import CrossCheckDialog
from fieldapp.gui.excel.export_dialog import ExportDialog
from fieldapp.gui.excel.import_dialog import FILE, MAPPING, PREVIEW, ImportDialog
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services.context import AppContext
from fieldapp.store.models import Household
from tests.excel.conftest import household, person, pid
from tests.excel.test_read import compound_file
from tests.gui_excel.conftest import close_dialogs, open_boxes


def _households(ctx: AppContext) -> int:
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(Household.__table__)).scalar() or 0)


def _dialog(qtbot: QtBot, dialog: Any) -> Any:
    qtbot.addWidget(dialog, before_close_func=close_dialogs)
    dialog.show()
    return dialog


def test_import_choose_check_preview_save_rejects_and_apply(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                            qtbot: QtBot, xlsx_file: Callable[..., Path],
                                                            tmp_path: Path, *, qtmodeltester: Any) -> None:
    path = xlsx_file([household("6110021050000091", [person("甲", pid(91)), person("甲妻", pid(92), "配偶")]),
                      household("6110021050000092", [person("乙", float(pid(94)))])])
    dialog = _dialog(qtbot, ImportDialog(ctx, sync_tasks))
    assert dialog.pages.currentIndex() == FILE
    dialog.set_path(path)
    dialog.inspect()
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.combo(3).currentData() == "hh_no" and dialog.combo(0).currentData() is None  # 序号: not imported
    assert dialog.preview_button.isEnabled()
    with qtbot.waitSignal(dialog.planned):
        dialog.preview()
    assert dialog.pages.currentIndex() == PREVIEW
    assert dialog.summary.text() == "新增 1 户（2 人），更新 0 户，无变化 0 户，拒绝 1 户"
    assert dialog.model.rowCount() == 2 and _households(ctx) == 0
    qtmodeltester.check(dialog.model, force_py=True)  # stays connected: rechecks the filter's reset below
    dialog.show_status.setCurrentIndex(dialog.show_status.findData("rejected"))
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "4" and "被存成了数字" in dialog.model.index(0, 5).data()
    rejects = tmp_path / "拒绝.xlsx"
    dialog.save_rejects(rejects)
    assert "已保存 1 行" in dialog.status.text()
    assert load_workbook(rejects).sheetnames[0] == "被拒绝的行"
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.apply()
    assert signal.args[0].created == 1 and _households(ctx) == 1
    assert dialog.status.text().startswith("已导入：新增 1 户 2 人")
    assert not dialog.apply_button.isEnabled()


def test_the_user_corrects_the_mapping_and_picks_the_village(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                             qtbot: QtBot, xlsx_file: Callable[..., Path],
                                                             village_ids: dict[str, str]) -> None:
    columns = ["户编号", "户主或成员", "证件号码", "与户主关系", "致贫原因"]
    path = xlsx_file([{"户编号": "6110021050000101", "户主或成员": "甲", "证件号码": pid(101), "与户主关系": "户主",
                       "致贫原因": "缺劳动力"}], columns=columns)
    dialog = _dialog(qtbot, ImportDialog(ctx, sync_tasks))
    dialog.set_path(path)
    dialog.inspect()
    assert "还须指定：姓名" in dialog.mapping_status.text() and not dialog.preview_button.isEnabled()
    dialog.set_mapping(1, "name")
    dialog.set_mapping(3, "name")
    assert "同一字段指定给了多列：姓名" in dialog.mapping_status.text()
    dialog.set_mapping(3, "relation")
    assert dialog.preview_button.isEnabled()
    dialog.village.setCurrentIndex(dialog.village.findData(village_ids["西村"]))
    dialog.preview()
    assert dialog.plan is not None and dialog.plan.counts()["create"] == 1
    dialog.apply()
    with ctx.db.read() as conn:
        row = conn.execute(select(Household.__table__.c.village_id, Household.__table__.c.main_cause)).one()
    assert tuple(row) == (village_ids["西村"], "08")


def test_a_file_that_cannot_be_imported_is_explained(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot,
                                                     tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ImportDialog(ctx, sync_tasks))
    dialog.inspect()
    assert dialog.status.text() == "请先选择文件"
    dialog.set_path(compound_file(tmp_path / "加密.xlsx", ["EncryptionInfo", "EncryptedPackage"]))
    dialog.inspect()
    assert dialog.pages.currentIndex() == FILE
    assert "受密码保护" in dialog.status.text()
    assert any("受密码保护" in text for text in open_boxes(dialog))
    assert dialog.read_button.isEnabled()


def test_background_preview_with_progress_and_a_cancel(ctx: AppContext, tasks: TaskManager, qtbot: QtBot,
                                                       xlsx_file: Callable[..., Path]) -> None:
    people = [person(f"成员{i}", pid(200 + i), "户主" if i == 0 else "之子") for i in range(3)]
    path = xlsx_file([household(f"61100210500{n:05d}", people[:1] if n else people) for n in range(1, 2)])
    dialog = _dialog(qtbot, ImportDialog(ctx, tasks))
    dialog.set_path(path)
    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: not busy):
        dialog.inspect()
    assert dialog.pages.currentIndex() == MAPPING
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        task = dialog.preview()
        assert task is not None and dialog.progress.isVisible()
    assert not dialog.progress.isVisible() and dialog.plan is not None
    gate = threading.Event()
    tasks.run_db(lambda _c: gate.wait(10))  # the serial database thread is busy: the import waits in line
    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: not busy):
        task = dialog.apply()
        dialog.progress.cancel()
        gate.set()
    assert task is not None and task.is_cancelled
    assert dialog.status.text() == "已取消，没有写入任何内容" and _households(ctx) == 0
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.apply()  # the same plan, not cancelled this time
    assert _households(ctx) == 1


def test_cross_check_dialog_lists_and_saves_the_report(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot,
                                                       make_household: Callable[..., str], tmp_path: Path,
                                                       *, qtmodeltester: Any) -> None:
    make_household("在册户")
    wb = Workbook()
    wb.active.append(["姓名", "身份证号码", "残疾等级"])
    wb.active.append(["外人", pid(300), "二级"])
    wb.save(tmp_path / "残疾人.xlsx")
    dialog = _dialog(qtbot, CrossCheckDialog(ctx, sync_tasks))
    assert not dialog.xlsx_button.isEnabled()
    dialog.set_path(tmp_path / "残疾人.xlsx")
    dialog.set_kind("disability")
    dialog.run_check()
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.model.index(0, 0).data() == "在名单中，但登记册中查无此人"
    assert "**********" in dialog.model.index(0, 4).data()  # masked on screen
    assert dialog.summary.text() == "名单 1 人，相符 0 人；在名单中，但登记册中查无此人 1 人"
    dialog.save_report("xlsx", tmp_path / "报告")
    dialog.save_report("pdf", tmp_path / "报告.pdf")
    assert (tmp_path / "报告.xlsx").exists() and (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"报告已保存：{tmp_path / '报告.pdf'}"
    assert dialog.glyph_warning is None  # every character printed


def test_cross_check_pdf_warns_about_a_name_it_cannot_print(ctx: AppContext, sync_tasks: SyncTaskManager,
                                                            qtbot: QtBot, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["姓名", "身份证号码", "残疾等级"])
    wb.active.append(["刘\u4dae孙\U0002ebf0", pid(301), "二级"])  # Ext A prints; Ext I has no font
    wb.save(tmp_path / "残疾人.xlsx")
    dialog = _dialog(qtbot, CrossCheckDialog(ctx, sync_tasks))
    dialog.set_path(tmp_path / "残疾人.xlsx")
    dialog.set_kind("disability")
    dialog.run_check()
    dialog.save_report("pdf", tmp_path / "报告.pdf")
    box = dialog.glyph_warning
    assert box is not None and box.isVisible() and "U+2EBF0" in box.text() and "U+4DAE" not in box.text()
    box.accept()


def test_export_dialog_households_ledger_attendance(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot,
                                                    make_household: Callable[..., str], tmp_path: Path) -> None:
    make_household("导出户", members=2)
    dialog = _dialog(qtbot, ExportDialog(ctx, sync_tasks))
    assert dialog.cadre.count() == 1 and dialog.cadre.currentText().startswith("王伟")
    dialog.export(tmp_path / "农户")
    assert dialog.status.text() == f"已导出 1 户 2 人：{tmp_path / '农户.xlsx'}"
    dialog.set_kind("ledger")
    assert dialog.filtered.isVisibleTo(dialog) and not dialog.cadre.isVisibleTo(dialog)
    dialog.export(tmp_path / "台账.xlsx")
    assert "已导出村台账（1 户）" in dialog.status.text()
    dialog.set_kind("attendance")
    dialog.export(tmp_path / "考勤.xlsx")
    assert (tmp_path / "考勤.xlsx").exists()
    dialog.set_kind("archive")
    dialog.export(tmp_path / "档案.xlsx")
    assert dialog.status.text().startswith("已导出包扶纪实档案")


def test_the_data_menu_of_the_main_window(ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot,
                                          xlsx_file: Callable[..., Path]) -> None:
    window = MainWindow(ctx, sync_tasks)
    qtbot.addWidget(window, before_close_func=close_dialogs)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "数据(&D)"]
    menu = window.data_menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["导入农户（Excel/CSV）…", "导入项目库…", "导出为 Excel…", "部门名单比对…"]
    menu.import_action.trigger()
    dialog = menu.dialogs["import"]
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    menu.import_action.trigger()
    assert menu.dialogs["import"] is dialog  # one dialog, brought to the front
    assert window.households.model.total() == 0
    dialog.set_path(xlsx_file([household("6110021050000111", [person("菜单户", pid(111))])]))
    dialog.inspect()
    dialog.preview()
    dialog.apply()
    assert window.households.model.total() == 1  # the list was refreshed
    dialog.reject()
    assert "import" not in menu.dialogs
    menu.check_action.trigger()
    assert isinstance(menu.dialogs["check"], CrossCheckDialog)
    menu.export_action.trigger()
    export = menu.dialogs["export"]
    assert isinstance(export, ExportDialog) and export.filtered.isEnabled()


def test_an_excel_import_is_an_operation_with_one_announcement(
        ctx: AppContext, sync_tasks: SyncTaskManager, qtbot: QtBot, xlsx_file: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ops: list[object] = []
    monkeypatch.setattr(common_mod, "run_op", lambda *a, **k: (ops.append(a[2]), ops_mod.run_op(*a, **k))[1])
    path = xlsx_file([household("6110021050000091", [person("甲", pid(91))])])
    dialog = _dialog(qtbot, ImportDialog(ctx, sync_tasks))
    announced: list[Any] = []
    messages: list[str] = []
    dialog.hub.changed.connect(announced.append)
    dialog.hub.message.connect(messages.append)
    dialog.set_path(path)
    dialog.inspect()
    with qtbot.waitSignal(dialog.planned):
        dialog.preview()
    assert ops == []  # reading and checking write nothing
    with qtbot.waitSignal(dialog.imported):
        dialog.apply()
    assert len(ops) == 1 and [c.bulk for c in announced] == [True]
    assert messages == ["已导入：新增 1 户，更新 0 户"]
