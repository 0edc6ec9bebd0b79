"""The spot-check GUI (抽查): the reviewer's page and its dialogs; rectifications also show on the workbench.

- :mod:`.page` — draw, check each sampled household's items from the keyboard, confirm rectifications;
- :mod:`.models` — the table models (draws, items, rectifications), checked with qtmodeltester;
- :mod:`.dialogs` — a new draw; a note (a finding with a photo, a rectification report, a reason).
"""
