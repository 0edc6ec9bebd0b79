"""The keyboard in one place: Tab that leaves text boxes and tables, and the main window's shortcuts.

- :func:`install` puts an application-wide filter in place that, as each widget is polished (before it
  is first shown), makes Tab in multi-line text boxes move the focus instead of typing a tab
  character, and makes Tab in tables and lists leave the view instead of walking cell by cell (the
  arrow keys move between cells). Nothing has to be set per widget.
- :func:`add_main_actions` gives the main window its menu entries with shortcuts that work wherever the
  focus is in the window (the navigation list included): 查找, 新建农户, 记录走访 and one per page.
  Editors keep Ctrl+S (the platform's Save key) for saving; :func:`with_key` writes such a key on the
  button it presses (editors have no menus, so the button is where a person can see it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QMenu, QPlainTextEdit, QTextEdit, QWidget

# 记录走访 has no standard key; Ctrl+Shift+N sits next to Ctrl+N (新建农户)
NEW_VISIT = "Ctrl+Shift+N"


def with_key(caption: str, key: QKeySequence.StandardKey | str) -> str:
    """``caption`` with the key that presses the same button after it, as a menu shows it: 保存(&S)  Ctrl+S."""
    sequence = QKeySequence(key)
    return f"{caption}  {sequence.toString(QKeySequence.SequenceFormat.NativeText)}"


def tab_leaves(widget: QObject) -> None:
    """Make Tab leave ``widget`` if it is a text box or an item view (else do nothing)."""
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setTabChangesFocus(True)
    elif isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)


def tab_leaves_all(root: QWidget) -> None:
    """:func:`tab_leaves` for ``root`` and everything in it (widgets that exist already)."""
    tab_leaves(root)
    for child in root.findChildren(QWidget):
        tab_leaves(child)


class _TabFilter(QObject):
    """Application event filter: applies :func:`tab_leaves` to each widget as it is polished."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            tab_leaves(watched)
        return False


_installed: dict[str, _TabFilter] = {}  # "filter" → the one installed (its parent is the application)


def install() -> None:
    """Install the Tab filter on the running application (once; later calls do nothing)."""
    app = QApplication.instance()
    current = _installed.get("filter")
    if app is None or (current is not None and current.parent() is app):
        return
    _installed["filter"] = _TabFilter(app)
    app.installEventFilter(_installed["filter"])
    for widget in QApplication.allWidgets():  # built before the filter existed
        tab_leaves(widget)


def _action(window: QMainWindow, text: str, keys: QKeySequence, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # active while the window has focus anywhere, also with the menu bar hidden
    return action


def add_main_actions(window: QMainWindow, *, file_menu: QMenu, before: QAction, menu_before: QAction,
                     pages: list[tuple[str, str]],
                     show_page: Callable[[str], None], find: Callable[[], None], new_household: Callable[[], object],
                     new_visit: Callable[[], object]) -> dict[str, QAction]:
    """Add 新建农户 and 记录走访 to ``file_menu`` (above ``before``) and a 转到 menu (before the menu of
    ``menu_before``) with 查找 and a Ctrl+digit per page of ``pages`` (key, title). Returns the actions by
    name (``page:<key>`` per page)."""
    translate = QCoreApplication.translate
    actions: dict[str, QAction] = {
        "new_household": _action(window, translate("keys", "新建农户(&N)…"),
                                 QKeySequence(QKeySequence.StandardKey.New), new_household),
        "new_visit": _action(window, translate("keys", "记录走访(&V)…"), QKeySequence(NEW_VISIT), new_visit),
    }
    file_menu.insertAction(before, actions["new_household"])
    file_menu.insertAction(before, actions["new_visit"])
    file_menu.insertSeparator(before)

    go = QMenu(translate("keys", "转到(&G)"), window)
    actions["find"] = _action(window, translate("keys", "查找农户(&F)"), QKeySequence(QKeySequence.StandardKey.Find),
                              find)
    go.addAction(actions["find"])
    go.addSeparator()
    for number, (key, title) in enumerate(pages[:9], start=1):
        action = _action(window, title, QKeySequence(f"Ctrl+{number}"), functools.partial(show_page, key))
        go.addAction(action)
        actions[f"page:{key}"] = action
    window.menuBar().insertMenu(menu_before, go)
    return actions
