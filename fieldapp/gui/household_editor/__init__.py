"""The household editor (农户档案): one dialog with a tab per part of the 八个搞清楚 record.

Use ``HouseholdEditor(ctx, household_id, village_id=None, parent=None)``; it emits
``saved(household_id)`` after a successful save.
"""

from fieldapp.gui.household_editor.dialog import HouseholdEditor

__all__ = ["HouseholdEditor"]
