"""People in the GUI: who is at the keyboard.

- :mod:`.login` — the first window (login name + password), light enough to show as fast as a bare
  Qt window (:mod:`fieldapp.gui.first` shows it before this package's shell is imported; the shell adopts
  it after its first paint); it starts the heavy imports in a background thread while the person types.
- :mod:`.lock` — the idle lock: an app-wide event filter, covers over every window and a password prompt.
- :mod:`.passwords` — the change-own-password dialog.
- :mod:`.accounts_page` — account management (list, add, reset a password, roles and villages).
- :mod:`.shell` — the signed-in application: login → main window, lock, switch account, the 账号 menu.

The widgets take the service calls (authenticate, verify, list, …) as constructor arguments, so they
are tested on their own; :mod:`fieldapp.gui.app` wires them to :mod:`fieldapp.services.people`.
This package imports only Qt and the standard library at module level (the login must stay light).
"""
