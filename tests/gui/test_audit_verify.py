"""帮助 → 校验修改记录（防篡改）: the tamper check from the main window, before and after an insider's edit."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.tasks import SyncTaskManager
from fieldapp.services.context import AppContext


def test_the_help_menu_checks_the_chain_and_names_the_forged_entry(
        ctx: AppContext, make_household: Callable[..., str], qtbot: Any) -> None:
    make_household("张三明", members=1)
    w = MainWindow(ctx, SyncTaskManager())
    qtbot.addWidget(w)
    assert w.audit_action.isVisible() or w.audit_action.text()
    w.audit_action.trigger()
    assert w.audit_result.icon() == w.audit_result.Icon.Information
    assert "修改记录链完好" in w.audit_result.text()
    w.audit_result.close()
    assert ctx.identity is not None
    conn = sqlite3.connect(ctx.paths.database)
    with conn:
        seq = conn.execute("SELECT max(origin_seq) FROM change_log WHERE origin = ? AND tbl = 'member'",
                           (ctx.identity.device_id,)).fetchone()[0]
        conn.execute("UPDATE change_log SET user_name = '别人' WHERE origin = ? AND origin_seq = ?",
                     (ctx.identity.device_id, seq))
    conn.close()
    w.audit_action.trigger()
    assert w.audit_result.icon() == w.audit_result.Icon.Warning
    assert f"第 {seq} 条：记录内容与其哈希不符" in w.audit_result.text()
