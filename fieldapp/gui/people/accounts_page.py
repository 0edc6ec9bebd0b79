"""账号管理: the accounts of this laptop — list, add, reset a password, roles and villages.

Shown only to holders of ``accounts.manage``; the service checks the permission again on every call
(the GUI only hides). The page talks to an :class:`AccountsBackend` (:class:`ServiceAccounts` is the
one over :mod:`fieldapp.services.people.accounts`); reads run on the database worker and each write
is an operation (:func:`~fieldapp.gui.ops.run_op`), announced on the change hub.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.ops import ChangeHub, run_op
from fieldapp.gui.people.login import message_label
from fieldapp.gui.people.passwords import new_password_problem, password_field
from fieldapp.gui.tasks import TaskControl, TaskManager
from fieldapp.services.changes import Changes


@dataclass(frozen=True)
class AccountRow:
    name: str
    cadre_id: str = ""
    roles: tuple[str, ...] = ()
    village_ids: tuple[str, ...] = ()
    active: bool = True


def account_row(item: Any) -> AccountRow:
    """An :class:`AccountRow` from what ``list_accounts`` gives (a record with these attributes, or a dict)."""
    get: Callable[[str, Any], Any] = item.get if isinstance(item, Mapping) else \
        (lambda key, default: getattr(item, key, default))
    return AccountRow(name=str(get("name", "")), cadre_id=str(get("cadre_id", "") or ""),
                      roles=tuple(get("roles", ()) or ()), village_ids=tuple(get("village_ids", ()) or ()),
                      active=bool(get("active", True)))


class AccountsBackend(Protocol):
    def list(self) -> list[AccountRow]: ...
    def create(self, name: str, cadre_id: str, roles: Sequence[str], village_ids: Sequence[str],
               password: str) -> object: ...
    def reset(self, name: str, password: str) -> object: ...
    def set_roles(self, name: str, roles: Sequence[str], village_ids: Sequence[str]) -> object: ...


class ServiceAccounts:
    """:class:`AccountsBackend` over ``fieldapp.services.people.accounts`` for the signed-in context."""

    def __init__(self, ctx: Any) -> None:
        from fieldapp.services.people import accounts  # type: ignore[import-not-found, unused-ignore]

        self.ctx = ctx
        self.accounts = accounts

    def list(self) -> list[AccountRow]:
        return [account_row(a) for a in self.accounts.list_accounts(self.ctx)]

    def create(self, name: str, cadre_id: str, roles: Sequence[str], village_ids: Sequence[str],
               password: str) -> object:
        return self.accounts.create_account(self.ctx, name, cadre_id, list(roles), list(village_ids), password)

    def reset(self, name: str, password: str) -> object:
        return self.accounts.reset_password(self.ctx, name, password)

    def set_roles(self, name: str, roles: Sequence[str], village_ids: Sequence[str]) -> object:
        return self.accounts.set_roles(self.ctx, name, list(roles), list(village_ids))


def changes_of(result: object) -> Changes:
    """What an account write changed: the service's own :class:`Changes`, else "the register changed"."""
    return result if isinstance(result, Changes) else Changes(reference=True)


class Choices:
    """The codes and names the account dialogs offer: roles, villages, cadres ((code, label) pairs)."""

    def __init__(self, roles: Sequence[tuple[str, str]], villages: Sequence[tuple[str, str]],
                 cadres: Sequence[tuple[str, str]]) -> None:
        self.roles, self.villages, self.cadres = list(roles), list(villages), list(cadres)

    def label(self, pairs: Sequence[tuple[str, str]], codes: Sequence[str]) -> str:
        names = dict(pairs)
        return "、".join(names.get(c, c) for c in codes) or "—"


def _checks(parent: QWidget, title: str, pairs: Sequence[tuple[str, str]], chosen: Sequence[str],
            name: str) -> tuple[QGroupBox, dict[str, QCheckBox]]:
    box = QGroupBox(title, parent)
    box.setObjectName(name)
    layout = QGridLayout(box)
    checks = {}
    for i, (code, label) in enumerate(pairs):
        check = QCheckBox(label, box)
        check.setChecked(code in chosen)
        layout.addWidget(check, i // 3, i % 3)  # three a row: six roles stay readable at any label length
        checks[code] = check
    return box, checks


class AccountDialog(QDialog):
    """添加账号 (``account`` None: name, cadre, roles, villages, password) or 角色和村 (roles, villages)."""

    def __init__(self, choices: Choices, account: AccountRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.adding = account is None
        name = account.name if account is not None else ""
        self.setWindowTitle(self.tr("添加账号") if self.adding else self.tr("角色和村：{0}").format(name))
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.cadre = QComboBox(self)
        for cadre_id, cadre_name in choices.cadres:
            self.cadre.addItem(cadre_name, cadre_id)
        self.password = password_field(self, "password")
        self.again = password_field(self, "again")
        if self.adding:
            form.addRow(self.tr("账号(&N)："), self.name)
            form.addRow(self.tr("干部(&C)："), self.cadre)
        else:
            form.addRow(self.tr("账号："), QLabel(name, self))
            self.name.setText(name)
            self.name.hide()
            self.cadre.hide()
        roles, villages = (account.roles, account.village_ids) if account else (("member",), ())
        role_box, self.role_checks = _checks(self, self.tr("角色"), choices.roles, roles, "roles")
        village_box, self.village_checks = _checks(self, self.tr("村"), choices.villages, villages, "villages")
        if self.adding:
            form.addRow(self.tr("密码(&P)："), self.password)
            form.addRow(self.tr("再输一遍(&A)："), self.again)
        else:
            self.password.hide()
            self.again.hide()
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(role_box)
        layout.addWidget(village_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        #: set by the page: runs the write; the dialog closes when it succeeds
        self.on_submit: Callable[[AccountDialog], None] | None = None

    def roles(self) -> list[str]:
        return [code for code, check in self.role_checks.items() if check.isChecked()]

    def village_ids(self) -> list[str]:
        return [code for code, check in self.village_checks.items() if check.isChecked()]

    def problem(self) -> str:
        if self.adding and not self.name.text().strip():
            return self.tr("请填写账号。")
        if self.adding and self.cadre.currentData() is None:
            return self.tr("请选择干部。")
        if not self.roles():
            return self.tr("请至少选择一个角色。")
        if self.adding:
            return new_password_problem(self.password.text(), self.again.text())
        return ""

    def check(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.message.clear()
        if self.on_submit is not None:
            self.on_submit(self)
        else:
            self.accept()


class ResetPasswordDialog(QDialog):
    """重置密码: a new password (twice) for someone who forgot theirs."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("重置密码：{0}").format(name))
        self.name = name
        intro = QLabel(self.tr("为“{0}”设置新密码，并当面告诉本人。本人登录后可自行修改。").format(name), self)
        intro.setWordWrap(True)
        self.password = password_field(self, "password")
        self.again = password_field(self, "again")
        self.message = message_label(self, wrap=False)
        form = QFormLayout()
        form.addRow(self.tr("新密码(&N)："), self.password)
        form.addRow(self.tr("再输一遍(&A)："), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("重置"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.on_submit: Callable[[ResetPasswordDialog], None] | None = None

    def check(self) -> None:
        problem = new_password_problem(self.password.text(), self.again.text())
        if problem:
            self.message.setText(problem)
            return
        if self.on_submit is not None:
            self.on_submit(self)
        else:
            self.accept()


class AccountsPage(QWidget):
    """账号管理: the table of accounts and the three acts on them."""

    COLUMNS = 5

    def __init__(self, backend: AccountsBackend, choices: Choices, tasks: TaskManager, hub: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.choices = choices
        self.tasks = tasks
        self.hub = hub
        self.rows: list[AccountRow] = []
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("账号"), self.tr("干部"), self.tr("角色"), self.tr("村"),
                                              self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the villages: the longest text
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("国") * 5)
        self.table.doubleClicked.connect(lambda _index: self.edit_roles())
        self.add_button = QPushButton(self.tr("添加账号(&N)…"), self)
        self.add_button.clicked.connect(self.add_account)
        self.reset_button = QPushButton(self.tr("重置密码(&R)…"), self)
        self.reset_button.clicked.connect(self.reset_password)
        self.roles_button = QPushButton(self.tr("角色和村(&O)…"), self)
        self.roles_button.clicked.connect(self.edit_roles)
        heading = QLabel(self.tr("本机账号。密码只保存在本机，不会同步；角色和村由区县人员名册同步。"), self)
        heading.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.roles_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.dialog: QDialog | None = None
        hub.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if getattr(changes, "people", False) or changes.reference or changes.sync:
            self.refresh()

    def refresh(self) -> None:
        backend = self.backend

        def read(_control: TaskControl) -> list[AccountRow]:
            return backend.list()

        self.tasks.run_db(read, on_done=self._show)

    def _show(self, rows: list[AccountRow]) -> None:
        selected = self.selected()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        cadres = dict(self.choices.cadres)
        for r, row in enumerate(self.rows):
            values = (row.name, cadres.get(row.cadre_id, row.cadre_id or "—"),
                      self.choices.label(self.choices.roles, row.roles),
                      self.choices.label(self.choices.villages, row.village_ids),
                      self.tr("启用") if row.active else self.tr("停用"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        names = [row.name for row in self.rows]
        self.table.selectRow(names.index(selected.name) if selected and selected.name in names else 0)

    def selected(self) -> AccountRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _write(self, dialog: QDialog, write: Callable[[], object], message: str) -> None:
        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValueError) and hasattr(dialog, "message"):
                dialog.message.setText(str(exc))  # e.g. a name taken: shown in place, the dialog stays open
                return True
            return False

        run_op(self.tasks, self.hub, write, changes=changes_of, parent=dialog, message=message,
               on_done=lambda _result: dialog.accept(), on_error=failed)

    def add_account(self) -> AccountDialog:
        dialog = AccountDialog(self.choices, None, self)
        backend = self.backend

        def submit(d: AccountDialog) -> None:
            name, cadre, roles, villages, password = (d.name.text().strip(), d.cadre.currentData(), d.roles(),
                                                      d.village_ids(), d.password.text())
            self._write(d, lambda: backend.create(name, cadre, roles, villages, password),
                        self.tr("已添加账号“{0}”").format(name))

        return self._open(dialog, submit)

    def edit_roles(self) -> AccountDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = AccountDialog(self.choices, account, self)
        backend = self.backend

        def submit(d: AccountDialog) -> None:
            roles, villages = d.roles(), d.village_ids()
            self._write(d, lambda: backend.set_roles(account.name, roles, villages),
                        self.tr("已修改“{0}”的角色和村").format(account.name))

        return self._open(dialog, submit)

    def reset_password(self) -> ResetPasswordDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = ResetPasswordDialog(account.name, self)
        backend = self.backend

        def submit(d: ResetPasswordDialog) -> None:
            password = d.password.text()
            self._write(d, lambda: backend.reset(account.name, password),
                        self.tr("已重置“{0}”的密码").format(account.name))

        return self._open(dialog, submit)

    def _open(self, dialog: Any, submit: Callable[[Any], None]) -> Any:
        dialog.on_submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog
