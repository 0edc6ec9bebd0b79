"""The signed-in application: login → the main window for that person; lock; switch account; the 账号 menu.

:class:`PeopleApi` is what the shell needs from the people services, as plain callables (the real one
is made in :func:`fieldapp.gui.app.people_api`; tests pass small real implementations). Switching
account first settles every open editor through its own unsaved-edits prompt (save / discard / keep
editing — "keep" cancels the switch), then asks for the other person's password, opens the context
for them and builds a new main window on it (every page holds its context and actor, so the window is
rebuilt rather than patched), and closes the old window and context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from fieldapp.gui.people.login import LoginWindow, Preloader, SwitchAccountDialog, show_centred

# The login window is built from this module before anything else shows: the Qt namespace, QAction and
# QKeySequence (tens of milliseconds of enum classes) are imported where the signed-in window needs them.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

    from fieldapp.gui.people.lock import ScreenLock

log = logging.getLogger("fieldapp.gui.shell")

#: the permission that shows 账号管理
MANAGE = "accounts.manage"
#: the permission that shows 自动锁定 (a laptop setting)
SETTINGS = "settings.edit"


@dataclass(frozen=True)
class PeopleApi:
    """The people services as the GUI calls them (sessions have ``.name`` and ``.roles``)."""

    login_names: Callable[[], list[str]]
    authenticate: Callable[[str, str], Any]  # name, password → session (raises an error with .reason)
    verify: Callable[[str, str], bool]  # name, password → right or not (the idle lock)
    open_for: Callable[[Any], Any]  # session → AppContext for that person
    change_password: Callable[[str, str, str], object]  # name, old, new
    allows: Callable[[Sequence[str], str], bool]  # roles, permission
    accounts: Callable[[Any], Any]  # ctx → AccountsBackend
    #: ctx, session, "lock" / "unlock" / "unlock_failed" / "logout" (switching account)
    audit: Callable[[Any, Any, str], None] | None = None


def unsaved_editors(window: QWidget) -> list[QDialog]:
    """The open editors under ``window`` (dialogs with ``is_dirty``), dirty or not."""
    return [d for d in window.findChildren(QDialog) if d.isVisible() and callable(getattr(d, "is_dirty", None))]


def settle_editors(window: QWidget, wait: Callable[[], None]) -> bool:
    """Close every open editor, asking about unsaved edits through the editor's own prompt.

    Returns False when one is still open (the person chose to keep editing, or a save failed).
    ``wait()`` lets the saves the person asked for finish (their results close the editors).
    """
    for editor in unsaved_editors(window):
        if editor.is_dirty():  # type: ignore[attr-defined]
            editor.raise_()
            editor.activateWindow()
            editor.reject()  # the editor's prompt: save / discard / keep editing
            if editor.isVisible() and editor.is_dirty():  # type: ignore[attr-defined]
                wait()
                QApplication.processEvents()
        else:
            editor.reject()
    return not unsaved_editors(window)


class Shell(QObject):
    """Owns the login window, the current main window, its context, session and idle lock."""

    #: a main window was shown for a person (the window)
    entered = Signal(object)

    def __init__(self, api: PeopleApi, make_window: Callable[[Any], QMainWindow], tasks: Any,
                 idle_minutes: Callable[[Any], float] | None = None) -> None:
        super().__init__()
        self.api = api
        self.make_window = make_window
        self.tasks = tasks
        self.idle_minutes = idle_minutes or (lambda ctx: float(ctx.settings["idle_lock_minutes"]))
        self.login: LoginWindow | None = None
        self.window: QMainWindow | None = None
        self.ctx: Any = None
        self.session: Any = None
        self.lock: ScreenLock | None = None
        #: the signed-in account manages accounts (the 账号 page is listed; built when first shown)
        self.manages_accounts = False
        self.account_label: QLabel | None = None
        self.dialog: QDialog | None = None
        #: loads the main window's modules while the person types (started once the login is on screen)
        self.preloader: Preloader | None = None
        #: the preloading has finished and its GUI-thread part too (:func:`fieldapp.gui.app._warm_qt`)
        self.ready = False

    # -- login -----------------------------------------------------------------------------------

    def show_login(self, hint: str = "", password: str = "") -> LoginWindow:
        login = LoginWindow(self.api.login_names(), self.api.authenticate, hint=hint, password=password)
        self.adopt_login(login)
        show_centred(login)
        return login

    def adopt_login(self, login: LoginWindow) -> None:
        """Take ``login`` as this shell's login window (shown already, before the shell existed: the first
        window, :mod:`fieldapp.gui.first`): its password is checked by the people services from now on."""
        self.login = login
        login.form.authenticate = self.api.authenticate
        login.logged_in.connect(self.enter)

    def enter(self, session: Any) -> QMainWindow:
        """Open the context for ``session`` and show its main window (replacing the one shown, if any)."""
        ctx = self.api.open_for(session)
        old_window, old_ctx, old_lock = self.window, self.ctx, self.lock
        if old_ctx is not None and self.api.audit is not None:
            self.api.audit(old_ctx, self.session, "logout")  # the person who leaves the laptop to another
        self.ctx, self.session = ctx, session
        window = self.window = self.make_window(ctx)
        self._install(window)
        window.show()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        if old_window is not None:
            if old_lock is not None:
                old_lock.stop()
            old_window.close()
            old_window.deleteLater()
            self.tasks.wait(10_000)  # nothing may still run on the old context when it closes
            if old_ctx is not None and old_ctx is not ctx:
                old_ctx.close()
        log.info("signed in as %s", getattr(session, "name", "?"))
        self.entered.emit(window)
        return window

    def adopt(self, ctx: Any, session: Any, window: QMainWindow) -> None:
        """Take ``window``, already built on ``ctx`` (opened for ``session``), as the signed-in window without
        showing it (the screenshots): the 账号 menu and page, the account label, the idle lock."""
        self.ctx, self.session, self.window = ctx, session, window
        self._install(window)

    def _install(self, window: QMainWindow) -> None:
        from fieldapp.gui.people.lock import IdleWatcher, ScreenLock

        watcher = IdleWatcher(self.idle_minutes(self.ctx), window)
        ctx, session, audit = self.ctx, self.session, self.api.audit
        self.lock = ScreenLock(window, session.name, self.api.verify, watcher,
                               on_event=(lambda kind: audit(ctx, session, kind)) if audit else None)
        self.account_label = QLabel(self.tr("账号：{0}").format(session.name), window)
        self.account_label.setObjectName("account_label")
        self.account_label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().insertPermanentWidget(0, self.account_label)
        self.manages_accounts = bool(self.api.allows(tuple(session.roles), MANAGE))
        if self.manages_accounts:
            window.add_page("accounts", self.tr("账号"), lambda: self._accounts_page(window))  # type: ignore[attr-defined]
        install_account_menu(window, self)

    @property
    def accounts_page(self) -> QWidget | None:
        """The 账号 page of the signed-in window (built now if it was not yet); None for other accounts."""
        if self.window is None or not self.manages_accounts:
            return None
        return self.window.page("accounts")  # type: ignore[attr-defined]

    def _accounts_page(self, window: QMainWindow) -> QWidget:
        from fieldapp.gui.people.accounts_page import AccountsPage, Choices
        from fieldapp.services import setup

        ctx = window.ctx  # type: ignore[attr-defined]  # the window's, whenever the page is first shown
        ref = ctx.ref
        lang = _ref_language()
        if "role" in ref.names():
            roles = [(c.code, c.text(lang)) for c in ref["role"].codes]
        else:  # the role list not shipped yet: the codes themselves
            roles = [(c, c) for c in ("member", "leader", "committee", "township", "district", "admin")]
        choices = Choices(roles, setup.villages(ctx), setup.cadres(ctx))
        return AccountsPage(self.api.accounts(ctx), choices, self.tasks, window.hub, window)  # type: ignore[attr-defined]

    # -- acts from the menu ----------------------------------------------------------------------

    def lock_now(self) -> None:
        if self.lock is not None:
            self.lock.lock()

    def switch_account(self) -> SwitchAccountDialog | None:
        """Settle open editors, then ask who signs in; None when the person kept editing."""
        window = self.window
        if window is None:
            return None
        if not settle_editors(window, lambda: self.tasks.wait(10_000)):
            return None
        dialog = SwitchAccountDialog(self.api.login_names(), self.api.authenticate,
                                     current=getattr(self.session, "name", ""), parent=window)
        _delete_on_close(dialog)
        dialog.accepted.connect(lambda: self.enter(dialog.session))
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_password(self) -> QDialog | None:
        from fieldapp.gui.people.passwords import ChangePasswordDialog

        if self.window is None:
            return None
        dialog = ChangePasswordDialog(self.session.name, self.api.change_password, self.window)
        _delete_on_close(dialog)
        window = self.window
        dialog.accepted.connect(lambda: window.show_message(self.tr("密码已修改")))  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()
        return dialog

    def idle_settings(self) -> QDialog | None:
        """自动锁定…: change ``idle_lock_minutes``; it applies at once."""
        from fieldapp.gui.people.lock import IdleLockDialog

        if self.window is None or self.ctx is None:
            return None
        dialog = IdleLockDialog(int(self.ctx.settings["idle_lock_minutes"]), self.window)
        _delete_on_close(dialog)
        dialog.accepted.connect(lambda: self.set_idle_minutes(dialog.minutes.value()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_idle_minutes(self, minutes: int) -> None:
        from fieldapp.gui.errors import show_error

        self.ctx.settings["idle_lock_minutes"] = minutes
        try:
            self.ctx.settings.save()
        except OSError as exc:
            show_error(self.window, exc)
            return
        if self.lock is not None and self.lock.watcher is not None:
            self.lock.watcher.set_minutes(minutes)

    def show_accounts(self) -> None:
        if self.window is not None and self.manages_accounts:
            self.window.show_page("accounts")  # type: ignore[attr-defined]


def _delete_on_close(dialog: QDialog) -> None:
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def _ref_language() -> str:
    from fieldapp.gui import i18n

    return i18n.ref_language()


def install_account_menu(window: QMainWindow, shell: Shell) -> QMenu:
    """账号(&A): 锁定 Ctrl+L, 切换账号 Ctrl+Shift+L, 修改密码 Ctrl+Shift+P, 账号管理 Ctrl+Shift+M (if allowed).

    Placed before 帮助; the actions are window-wide (they work from any page)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu

    menu = QMenu(QApplication.translate("account_menu", "账号(&A)"), window)
    menu.setObjectName("account_menu")

    def add(text: str, shortcut: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        window.addAction(action)
        return action

    add(QApplication.translate("account_menu", "锁定(&L)"), "Ctrl+L", shell.lock_now, "lock_action")
    add(QApplication.translate("account_menu", "切换账号(&S)…"), "Ctrl+Shift+L", shell.switch_account,
        "switch_action")
    add(QApplication.translate("account_menu", "修改密码(&P)…"), "Ctrl+Shift+P", shell.change_password,
        "password_action")
    if shell.manages_accounts:
        add(QApplication.translate("account_menu", "账号管理(&M)"), "Ctrl+Shift+M", shell.show_accounts,
            "accounts_action")
    menu.addSeparator()
    if shell.api.allows(tuple(shell.session.roles), SETTINGS):
        idle = QAction(QApplication.translate("account_menu", "自动锁定(&T)…"), window)
        idle.setObjectName("idle_action")
        idle.triggered.connect(lambda _checked=False: shell.idle_settings())
        menu.addAction(idle)
    actions = window.menuBar().actions()
    if actions:
        window.menuBar().insertMenu(actions[-1], menu)  # before 帮助
    else:
        window.menuBar().addMenu(menu)
    return menu
