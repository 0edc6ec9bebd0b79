"""The Excel dialogs: import households, export to .xlsx, cross-check department lists.

They live in the main window's 数据 menu (:mod:`.menu`); all work runs through the TaskManager.
"""
