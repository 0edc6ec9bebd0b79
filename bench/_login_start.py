"""Child process for bench_startup / bench_login: start a window, report when it is on screen.

    python -m bench._login_start login|bare|signin

Run by path (``python bench/_login_start.py …``) it imports nothing from ``bench``, so the parent can point
``PYTHONPATH`` at another checkout of ``fieldapp`` (the "before" figures of the same run).

Prints one JSON line: seconds from BENCH_T0 (the parent's clock at spawn) until the window has
painted its first frame (``seconds``), and until it is exposed after a processEvents() call
(``exposed``), and the process's CPU time then (``cpu``). ``login`` starts FieldApp as ``fieldapp`` does with
accounts on the laptop
(:mod:`fieldapp.launch` → :func:`fieldapp.gui.first.show`: account names, the main font, translator, login
window; the shell and the rest after its first paint; older versions: :func:`fieldapp.gui.app.run`'s steps,
the shell first); before the people services exist it lists one fixed name. ``bare`` is a plain PySide6 QWidget
(with a ``painted`` signal like the login window's).

``signin`` starts as ``login`` does, waits for the login's first paint and (unless ``BENCH_SUBMIT=at-paint``)
for the background preloading to finish, as it does while a person types the password; then it submits
``BENCH_PASSWORD`` (the demo's) and reports the seconds from the submission until the main window shows the
household list (农户) with its first page of rows painted (``seconds``), and until the main window's home
screen has been shown (``window``). ``typed`` is how long the preloading took after the first paint.
"""

from __future__ import annotations

import json
import os
import sys
import time


def bare() -> object:
    from PySide6.QtCore import QTimer, Signal
    from PySide6.QtWidgets import QApplication, QWidget

    class Window(QWidget):
        """A bare QWidget that says when it has been painted, as the login window does (``painted``)."""

        painted = Signal()

        def paintEvent(self, event: object) -> None:
            super().paintEvent(event)  # type: ignore[arg-type]
            QTimer.singleShot(0, self.painted.emit)

    app = QApplication(sys.argv)
    window = Window()
    window.resize(420, 260)
    window.show()
    return app, window


def login() -> object:
    """(app, login window, shell-or-started): FieldApp's start with accounts, as ``fieldapp`` runs it."""
    import importlib.util

    import fieldapp.launch  # noqa: F401  (the entry module, as `fieldapp` imports it: before PySide6)
    from fieldapp import paths

    data = paths.resolve()
    if importlib.util.find_spec("fieldapp.gui.first") is not None:  # the login drawn before the shell exists
        from fieldapp.gui import first

        started = first.show(data)
        if started is None:
            raise SystemExit(f"no account in {data.home}: give --home a data folder with accounts")
        return started.app, started.login, started
    from PySide6.QtWidgets import QApplication

    from fieldapp.gui import app as app_mod  # older versions: the shell shows the login

    app = QApplication(sys.argv)
    api = app_mod.people_api(data)
    if api is None or not api.login_names():
        from fieldapp.gui.people.shell import PeopleApi

        def refuse(*_args: object) -> bool:
            return False

        api = PeopleApi(login_names=lambda: ["王队长"], authenticate=refuse, verify=refuse, open_for=refuse,
                        change_password=refuse, allows=refuse, accounts=refuse)
    app_mod.prepare_application(app)  # as fieldapp.gui.app.run does before the login window
    shell = app_mod.start_signed_in(app, data, api)
    return app, shell.login, shell


def shell_of(made: object) -> object:
    """The shell (older versions: the object itself; now: made after the first paint, ``Started.shell``)."""
    return made.shell if hasattr(made, "finish") else made  # type: ignore[attr-defined]


def signin() -> None:
    """Log in once the login window is up; print the seconds from the submission to the list shown."""
    from PySide6.QtWidgets import QApplication

    t0 = float(os.environ["BENCH_T0"])
    _app, login_window, made = login()  # type: ignore[misc]
    painted: list[float] = []
    login_window.painted.connect(lambda: painted.append(time.time()))
    while not painted or shell_of(made) is None or shell_of(made).preloader is None:  # type: ignore[attr-defined]
        QApplication.processEvents()
    shell = shell_of(made)
    if os.environ.get("BENCH_SUBMIT", "typed") != "at-paint":
        shell.preloader.join(300)  # the person types while the register and the main window load
        while not getattr(shell, "ready", True):  # and its last part on the GUI thread (older versions: none)
            QApplication.processEvents()
    typed = time.time() - painted[0]
    windows: list[object] = []
    shown: list[float] = []

    def entered(window: object) -> None:
        shown.append(time.time())
        windows.append(window)
        window.show_page("households")  # type: ignore[attr-defined]  # the person opens 农户

    shell.entered.connect(entered)
    form = login_window.form
    form.password.setText(os.environ.get("BENCH_PASSWORD", "demo1234"))
    start = time.time()
    form.submit()
    if not windows:
        raise SystemExit(f"the login failed: {form.message.text() if hasattr(form, 'message') else '?'}")
    window = windows[0]
    view = window.households.table  # type: ignore[attr-defined]
    while True:  # until the window is exposed and its table has painted rows (as bench._window_start)
        QApplication.processEvents()
        if window.isVisible() and view.isVisible() and view.model().rowCount() > 0:  # type: ignore[attr-defined]
            QApplication.processEvents()
            break
    end = time.time()
    print(json.dumps({"kind": "signin", "seconds": end - start, "window": shown[0] - start, "typed": typed,
                      "login": painted[0] - t0}), flush=True)
    os._exit(0)


def main() -> None:
    t0 = float(os.environ["BENCH_T0"])
    kind = sys.argv[1]
    if kind == "signin":
        signin()
    made = bare() if kind == "bare" else login()
    window = made[1]  # type: ignore[index]
    from PySide6.QtWidgets import QApplication

    shown: list[float] = []
    exposed: list[float] = []
    # the first frame is on screen once the window has painted (its ``painted`` signal: the turn of the event
    # loop after the paint); what the login does after that (fonts, the Tab filter, preloading) is not counted.
    # ``exposed`` is the older, coarser figure: the first processEvents() after which the window is exposed
    # (whatever else that call ran, the login's after-paint work included, is counted).
    cpu: list[float] = []  # the process's CPU time at that moment (less sensitive to other jobs than the clock)
    window.painted.connect(lambda: (shown.append(time.time()), cpu.append(time.process_time())))  # type: ignore[attr-defined]
    while not shown or not exposed:
        QApplication.processEvents()
        handle = window.windowHandle()  # type: ignore[attr-defined]
        if not exposed and window.isVisible() and handle is not None and handle.isExposed():  # type: ignore[attr-defined]
            exposed.append(time.time())
    print(json.dumps({"kind": kind, "seconds": shown[0] - t0, "exposed": exposed[0] - t0, "cpu": cpu[0]}), flush=True)
    os._exit(0)  # we measure start-up, not shutdown (nor the preloading still under way)


if __name__ == "__main__":
    main()
