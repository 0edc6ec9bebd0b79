"""Application bootstrap, main window, error reporting."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from fieldapp import paths
from fieldapp.domain.errors import ValidationError
from fieldapp.gui import app as app_mod
from fieldapp.gui import errors, geometry, i18n
from fieldapp.gui.household_list import HouseholdListPage
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services.changes import Changes
from fieldapp.services.context import AppContext
from fieldapp.store.db import StoreEnvironmentError

pytestmark = pytest.mark.gui


@pytest.fixture
def window(ctx: AppContext, qtbot: Any, tasks: TaskManager) -> Iterator[MainWindow]:
    w = app_mod.create_main_window(ctx, tasks)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w


@pytest.fixture
def restore_language() -> Iterator[None]:
    yield
    i18n.install("zh-Hans")


def unsynced_in_db(ctx: AppContext) -> int:
    assert ctx.identity is not None
    conn = sqlite3.connect(ctx.paths.database)
    try:
        return int(conn.execute("SELECT count(*) FROM change_log WHERE origin = ?",
                                (ctx.identity.device_id,)).fetchone()[0])
    finally:
        conn.close()


# -- main window ------------------------------------------------------------------------------------


def test_main_window_shows_the_list_with_rows(ctx: AppContext, make_household: Callable[..., str],
                                              qtbot: Any) -> None:
    for name in ("张三明", "李四", "王五"):
        make_household(name)
    w = app_mod.create_main_window(ctx, SyncTaskManager())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.windowTitle() == "东村、西村"  # Qt adds " — 驻村帮扶工作台" (the display name)
    screen = geometry.available(w)  # 1200×760 by default, cut to fit the screen with a title bar
    assert w.height() == min(760, screen.height() - geometry.TITLE_BAR)
    assert w.width() == max(min(1200, screen.width()), w.minimumSizeHint().width())
    assert w.current_page_key() == "workbench"  # the home screen (issue 3)
    w.show_page("households")
    page = w.page("households")
    assert isinstance(page, HouseholdListPage) and page.isVisible()
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "共 3 户"
    assert w.nav.item(1).text() == "农户"


def test_status_bar_shows_cadre_villages_and_unsynced(ctx: AppContext, window: MainWindow, qtbot: Any,
                                                      make_household: Callable[..., str]) -> None:
    qtbot.waitUntil(lambda: window.unsynced is not None)
    before = window.unsynced
    assert before == unsynced_in_db(ctx) and before > 0  # the setup's own writes
    assert window.unsynced_label.text() == f"未同步修改 {before} 条"
    assert window.cadre_label.text() == "包扶干部：王伟"
    assert window.village_label.text() == "村：东村、西村"
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert window.unsynced_label.text() in labels

    make_household("张三明", members=2)  # household + 2 members: 3 changes
    with qtbot.waitSignal(window.unsynced_changed, timeout=5000) as blocker:
        window.refresh_unsynced()
    assert blocker.args == [before + 3]
    assert window.unsynced_label.text() == f"未同步修改 {before + 3} 条"


def test_unsynced_count_ignores_other_devices(ctx: AppContext, qtbot: Any) -> None:
    assert ctx.identity is not None
    expected = unsynced_in_db(ctx)
    conn = sqlite3.connect(ctx.paths.database)
    with conn:  # a change that arrived from another laptop (raw: change_log is a local table)
        conn.execute("INSERT INTO change_log (origin, origin_seq, hlc, tbl, row_id, op, fields, prev) "
                     "VALUES ('other-device', 1, 1, 'area', 'x', 'insert', '{}', '{}')")
    conn.close()
    w = MainWindow(ctx, SyncTaskManager())
    qtbot.addWidget(w)
    assert w.unsynced == expected


def test_saving_a_household_updates_the_unsynced_count(ctx: AppContext, make_household: Callable[..., str],
                                                       qtbot: Any) -> None:
    w = MainWindow(ctx, SyncTaskManager())
    qtbot.addWidget(w)
    before = w.unsynced
    assert before is not None
    hid = make_household("张三明", members=1)  # household + 1 member: 2 changes
    with qtbot.waitSignal(w.unsynced_changed) as blocker:
        w.hub.announce(Changes.of_households([hid]))  # what an editor's save announces
    assert blocker.args == [before + 2]


def test_add_page_is_one_call(window: MainWindow, qtbot: Any) -> None:
    other = QWidget()
    before = window.nav.count()
    index = window.add_page("extra", "其他", other)
    assert index == before and window.nav.count() == before + 1 and window.nav.item(index).text() == "其他"
    window.nav.setCurrentRow(index)
    assert window.stack.currentWidget() is other
    assert window.current_page_key() == "extra"
    window.show_page("households")
    assert window.nav.currentRow() == window.stack.indexOf(window.page("households"))
    with pytest.raises(ValueError):
        window.add_page("extra", "其他", QWidget())


def test_about_names_version_paths_and_device(ctx: AppContext, window: MainWindow, qtbot: Any) -> None:
    from fieldapp import __version__

    assert ctx.identity is not None
    text = window.about_text()
    for part in (__version__, str(ctx.paths.home), str(ctx.paths.database), ctx.identity.device_id):
        assert part in text
    box = window.show_about()
    qtbot.waitExposed(box)
    assert ctx.identity.device_id in box.text()
    box.close()


def test_menus(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "数据(&D)", "转到(&G)", "设置(&S)", "帮助(&H)"]
    assert [window.language_actions[c].text() for c in ("zh-Hans", "zh-Hant", "en")] == \
        ["简体中文", "繁體中文", "English"]
    assert window.language_actions["zh-Hans"].isChecked()


def test_language_choice_is_saved_and_explained(ctx: AppContext, window: MainWindow, qtbot: Any,
                                                restore_language: None) -> None:
    with qtbot.waitSignal(window.hub.changed):  # saved as an operation on the database worker
        window.language_actions["en"].trigger()
    saved = json.loads(ctx.paths.settings.read_text(encoding="utf-8"))
    assert saved["language"] == "en"
    assert i18n.ref_language() == "en"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "restart" in boxes[0].text()  # in the new language, and honest: applies after a restart
    boxes[0].close()
    assert window.set_language("en") is None  # unchanged: nothing to say


def test_the_language_is_saved_as_an_operation_with_one_announcement(
        ctx: AppContext, window: MainWindow, qtbot: Any, restore_language: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    gui_thread = threading.get_ident()
    saved_on: list[int] = []
    save = ctx.settings.save
    monkeypatch.setattr(ctx.settings, "save", lambda: (saved_on.append(threading.get_ident()), save())[1])
    announced: list[object] = []
    window.hub.changed.connect(announced.append)
    with qtbot.waitSignal(window.hub.changed):
        window.set_language("zh-Hant")
    assert len(saved_on) == 1 and saved_on[0] != gui_thread  # on the database worker, not the GUI thread
    assert [c.settings for c in announced] == [True]
    assert json.loads(ctx.paths.settings.read_text(encoding="utf-8"))["language"] == "zh-Hant"
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    for box in window.findChildren(QMessageBox):
        box.close()


def test_closing_the_window_stops_its_own_threads(ctx: AppContext, qtbot: Any) -> None:
    w = MainWindow(ctx)  # makes and owns a real TaskManager
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.unsynced is not None)
    w.close()
    assert w.tasks.is_shut_down


# -- opening the data folder ---------------------------------------------------------------------------


def test_newer_schema_is_reported_without_traceback(data_home: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = paths.resolve()
    data.home.mkdir(parents=True)
    conn = sqlite3.connect(data.database)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("CREATE TABLE future (x)")
    conn.commit()
    conn.close()

    ctx, report = app_mod.open_app_context(data)
    assert ctx is None and report is not None
    assert report.kind == errors.ENVIRONMENT
    assert "更新版本" in report.text and str(data.database) in report.text
    assert "Traceback" not in report.text
    box = app_mod.report_box(report)
    assert box.text() == report.text
    box.deleteLater()
    conn = sqlite3.connect(data.database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99  # left untouched
    conn.close()
    assert all(r.exc_info is None for r in caplog.records)  # the environment's fault: no traceback logged


def test_broken_identity_is_an_environment_error(data_home: Path) -> None:
    data = paths.resolve()
    data.identity.mkdir(parents=True)
    (data.identity / "identity.json").write_text(json.dumps({"device_id": "x"}), encoding="utf-8")
    ctx, report = app_mod.open_app_context(data)
    assert ctx is None and report is not None
    assert report.kind == errors.ENVIRONMENT
    assert "设备身份" in report.text


def test_unexpected_failure_is_logged_with_traceback(data_home: Path) -> None:
    data = paths.resolve()
    data.home.mkdir(parents=True)
    conn = sqlite3.connect(data.database)  # some other program's SQLite file, schema version 0
    conn.execute("CREATE TABLE area (something_else TEXT)")
    conn.commit()
    conn.close()

    ctx, report = app_mod.open_app_context(data)
    assert ctx is None and report is not None
    assert report.is_bug and report.title == "程序错误"
    log_file = errors.current_log_path()  # the process's log file (the first data folder opened)
    assert log_file is not None
    assert str(log_file) in report.text
    assert "Traceback" not in report.text
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_open_ok(data_home: Path) -> None:
    ctx, report = app_mod.open_app_context(paths.resolve())
    assert report is None and ctx is not None
    assert not ctx.is_set_up  # a fresh folder: the wizard comes first
    ctx.close()


# -- errors --------------------------------------------------------------------------------------------


def test_error_kinds(tmp_path: Path, qtbot: Any) -> None:
    env = errors.describe(StoreEnvironmentError("磁盘已满，无法写入数据库：/media/usb/register.sqlite3"))
    assert env.kind == errors.ENVIRONMENT and env.text.startswith("磁盘已满")

    invalid = errors.describe(ValidationError({"household.main_cause": "主要致贫原因为必填",
                                               "member[0].name": "姓名为必填"}))
    assert invalid.kind == errors.VALIDATION
    assert "主要致贫原因为必填" in invalid.text and "姓名为必填" in invalid.text
    assert invalid.text.count("\n•") == 2

    bug = errors.describe(ZeroDivisionError("division by zero"), tmp_path / "fieldapp.log")
    assert bug.is_bug and bug.text == f"程序错误，详情见日志 {tmp_path / 'fieldapp.log'}"


def test_show_error_logs_bugs_with_traceback(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        {}["missing"]  # a real exception with a real traceback
    except KeyError as exc:
        caught = exc
    with caplog.at_level(logging.INFO, logger="fieldapp.gui"):
        box = errors.show_error(parent, caught)
    assert box.isVisible() and box.windowTitle() == "程序错误"
    record = next(r for r in caplog.records if r.name == "fieldapp.gui")
    assert record.exc_info is not None and record.exc_info[1] is caught
    box.close()

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="fieldapp.gui"):
        box = errors.show_error(parent, StoreEnvironmentError("数据库被另一个程序占用"))
    assert box.text() == "数据库被另一个程序占用"
    assert all(r.exc_info is None for r in caplog.records)
    box.close()


def test_excepthook_logs_and_shows_one_dialog(tmp_path: Path, qtbot: Any,
                                              caplog: pytest.LogCaptureFixture) -> None:
    hook = app_mod.ExceptHook(tmp_path / "fieldapp.log")
    try:
        raise RuntimeError("出错了")
    except RuntimeError as exc:
        info = (type(exc), exc, exc.__traceback__)
    with caplog.at_level(logging.ERROR, logger="fieldapp.gui"):
        hook(*info)
        first = hook.box
        hook(*info)  # a second error while the first dialog is open: no second dialog
    assert first is not None and first.isVisible() and hook.box is first
    assert str(tmp_path / "fieldapp.log") in first.text()
    assert sum(1 for r in caplog.records if r.exc_info and r.exc_info[1] is info[1]) == 2
    first.close()
    assert isinstance(QApplication.instance(), QApplication)
