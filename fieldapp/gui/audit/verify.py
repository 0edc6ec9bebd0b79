"""The tamper check as a menu action: runs :func:`fieldapp.services.audit.chain.verify` on the database
thread and shows the result (every break: device, entry number, what differs) in a message box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from fieldapp.gui.tasks import TaskManager
from fieldapp.services.audit import chain
from fieldapp.services.context import AppContext


def report_text(report: chain.ChainReport) -> tuple[bool, str]:
    """(ok, text) of a check: a summary line per device, then each break."""
    lines = []
    for o in report.origins:
        if o.own:
            who = QCoreApplication.translate("AuditVerify", "本机")
        else:
            who = QCoreApplication.translate("AuditVerify", "设备 {0}").format(o.origin[:8])
        if o.breaks:
            state = QCoreApplication.translate("AuditVerify", "断裂 {0} 处").format(len(o.breaks))
        else:
            state = QCoreApplication.translate("AuditVerify", "完好")
        lines.append(QCoreApplication.translate("AuditVerify", "{0}：{1} 条记录，{2}").format(who, o.entries, state))
    summary = "\n".join(lines)
    if report.ok:
        head = QCoreApplication.translate("AuditVerify", "修改记录链完好：共校验 {0} 条。").format(report.entries)
        return True, head + "\n\n" + summary
    shown = "\n".join(b.describe() for b in report.breaks[:20])
    if len(report.breaks) > 20:
        shown += "\n" + QCoreApplication.translate("AuditVerify", "……另有 {0} 处").format(len(report.breaks) - 20)
    head = QCoreApplication.translate(
        "AuditVerify", "修改记录链断裂：记录在程序之外被改动过，下列记录的作者和内容不可信。")
    return False, head + "\n\n" + shown + "\n\n" + summary


def install(window: QMainWindow, menu: QMenu, ctx: AppContext, tasks: TaskManager) -> QAction:
    """Add the action to ``menu`` (shown to an account that may verify: every role)."""
    action = QAction(QCoreApplication.translate("AuditVerify", "校验修改记录（防篡改）…"), window)
    action.setObjectName("audit_verify")
    action.setVisible(ctx.allows("audit.verify"))

    def show(report: chain.ChainReport) -> None:
        ok, text = report_text(report)
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                          QCoreApplication.translate("AuditVerify", "校验修改记录"), text,
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("audit_verify_result")
        box.open()
        window.audit_result = box  # type: ignore[attr-defined]  # kept alive (and reachable for tests)

    def run() -> None:
        ident = ctx.identity
        tasks.run_db(lambda _control: chain.verify(ctx.db, ident.device_id if ident else None,
                                                   ident.public_signing() if ident else None), show)

    action.triggered.connect(run)
    menu.addAction(action)
    return action
