"""The 同步 page: sync packages on USB, conflicts and quarantined changes.

- :mod:`.page` — :class:`~fieldapp.gui.sync.page.SyncPage`, the page of the main window.
- :mod:`.data` — the page's data, read on the database thread.
- :mod:`.models` — table models of peers, conflicts and quarantined changes.
- :mod:`.texts` — labels of records, fields and values; :mod:`.report` — what an import changed.
- :mod:`.jobs` — export and import off the GUI thread, USB drives and their errors.
- :mod:`.dialogs` — the "导出到U盘…" and "从U盘导入…" dialogs.
- :mod:`.net` — network sync with the district server, :mod:`.net_panel` — its
  controls on the page and in the status bar, :mod:`.enrol_dialog` — 加入区县服务器…,
  :mod:`.net_support` — plain helpers (the unsynced count, the shared client).
"""
