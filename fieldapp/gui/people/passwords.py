"""修改密码 (one's own) and the new-password pair shared with account management.

``change(name, old, new)`` is the service call (``accounts.change_password(paths, …)``); it raises on a
wrong old password (an error with ``.reason``, as the login does) or a refused new one (``ValueError``
naming the problem), and the dialog shows either in place and stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.people.login import error_text, message_label

#: the shortest password accepted by the dialogs (the service may ask for more)
MIN_LENGTH = 8

ChangePassword = Callable[[str, str, str], object]


def password_field(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def new_password_problem(new: str, again: str) -> str:
    """Why the new password cannot be used ("" if it can)."""
    if len(new) < MIN_LENGTH:
        return QCoreApplication.translate("passwords", "新密码至少要 {0} 个字符。").format(MIN_LENGTH)
    if new != again:
        return QCoreApplication.translate("passwords", "两次输入的新密码不一致。")
    return ""


class ChangePasswordDialog(QDialog):
    """修改密码: the old password, the new one twice."""

    def __init__(self, name: str, change: ChangePassword, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改密码"))
        self.name = name
        self.change = change
        self.old = password_field(self, "old_password")
        self.new = password_field(self, "new_password")
        self.again = password_field(self, "again_password")
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("账号："), QLabel(name, self))
        form.addRow(self.tr("原密码(&O)："), self.old)
        form.addRow(self.tr("新密码(&N)："), self.new)
        form.addRow(self.tr("再输一遍(&A)："), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("修改"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance("国") * 26))

    def submit(self) -> None:
        problem = new_password_problem(self.new.text(), self.again.text())
        if problem:
            self.message.setText(problem)
            self.new.setFocus()
            return
        try:
            self.change(self.name, self.old.text(), self.new.text())
        except ValueError as exc:
            self.message.setText(str(exc))
            self.new.setFocus()
            return
        except Exception as exc:
            if getattr(exc, "reason", None) is None:
                raise
            self.message.setText(error_text(exc) if exc.reason != "wrong_password"  # type: ignore[attr-defined]
                                 else self.tr("原密码不正确。"))
            self.old.clear()
            self.old.setFocus()
            return
        self.accept()


class FirstAccountDialog(QDialog):
    """本机还没有账号: a laptop set up before accounts existed gets its first account (its cadre: team leader
    and administrator) before anyone can open it. ``create(name, password)`` makes it; errors show in place."""

    def __init__(self, name: str, create: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置第一个账号"))
        self.make_account = create
        intro = QLabel(self.tr("这台电脑还没有账号。请为本机的包扶干部设置登录密码：这个账号是本机的队长和管理员，"
                               "可以为队员添加账号。"), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(name, self)
        self.name.setObjectName("name")
        self.new = password_field(self, "new_password")
        self.again = password_field(self, "again_password")
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("账号(&N)："), self.name)
        form.addRow(self.tr("密码(&P)："), self.new)
        form.addRow(self.tr("再输一遍(&A)："), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance("国") * 30))

    def submit(self) -> None:
        name = self.name.text().strip()
        problem = new_password_problem(self.new.text(), self.again.text()) if name else self.tr("请填写账号。")
        if problem:
            self.message.setText(problem)
            return
        try:
            self.make_account(name, self.new.text())
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
