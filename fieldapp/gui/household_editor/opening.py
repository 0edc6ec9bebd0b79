"""Opening a household's editor from a page that lists households (the workbench, the 挂图作战 drill-down).

One editor per household: the hub's registry raises an editor already open instead of making a second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fieldapp.gui.errors import show_error
from fieldapp.gui.ops import ChangeHub
from fieldapp.gui.tasks import TaskManager
from fieldapp.services.context import AppContext


def open_editor(page: QWidget, ctx: AppContext, tasks: TaskManager, hub: ChangeHub, household_id: str, *,
                on_closed: Callable[[], None] | None = None) -> QWidget | None:
    """The household's editor, made (window-modal to ``page``, deleted on close) or raised; None when it could
    not be opened (the error is shown). ``on_closed`` runs when a made editor is gone."""
    def make() -> QWidget | None:
        from fieldapp.gui.household_editor import HouseholdEditor

        try:
            editor = HouseholdEditor(ctx, household_id, parent=page, tasks=tasks, hub=hub)
        except Exception as exc:
            show_error(page, exc)
            return None
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_closed is not None:
            editor.destroyed.connect(on_closed)
        editor.open()
        return editor

    return hub.editors.open("household", household_id, make)
