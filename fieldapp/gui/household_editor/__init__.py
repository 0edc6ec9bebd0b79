"""The household editor (农户档案): one dialog with a tab per part of the 八个搞清楚 record.

Use ``HouseholdEditor(ctx, household_id, village_id=None, parent=None)``; it emits
``saved(household_id)`` after a successful save. The dialog's module is imported when the name is first
used (the household list imports this package's ``labels`` while the main window opens; the editor itself
waits for the first household opened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldapp.gui.household_editor.dialog import HouseholdEditor

__all__ = ["HouseholdEditor"]


def __getattr__(name: str) -> Any:
    if name == "HouseholdEditor":
        from fieldapp.gui.household_editor.dialog import HouseholdEditor

        return HouseholdEditor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
