"""Child process for bench_login: start a window, report when it is on screen.

    python -m bench._login_start login|bare

Prints one JSON line: seconds from BENCH_T0 (the parent's clock at spawn) until the window is
exposed. ``login`` starts FieldApp as ``fieldapp`` does with accounts on the laptop
(:mod:`fieldapp.launch` → :func:`fieldapp.gui.app.start_signed_in`: font, translator, login window,
background preloading); before the people services exist it lists one fixed name. ``bare`` is a
plain PySide6 QWidget.
"""

from __future__ import annotations

import json
import os
import sys
import time


def bare() -> object:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv)
    window = QWidget()
    window.resize(420, 260)
    window.show()
    return app, window


def login() -> object:
    from PySide6.QtWidgets import QApplication

    import fieldapp.launch  # noqa: F401  (the entry module, as `fieldapp` imports it)
    from fieldapp import paths
    from fieldapp.gui import app as app_mod
    from fieldapp.gui.people.shell import PeopleApi

    app = QApplication(sys.argv)
    app_mod.configure_application(app)
    data = paths.resolve()
    api = app_mod.people_api(data)
    if api is None or not api.login_names():

        def refuse(*_args: object) -> bool:
            return False

        api = PeopleApi(login_names=lambda: ["王队长"], authenticate=refuse, verify=refuse, open_for=refuse,
                        change_password=refuse, allows=refuse, accounts=refuse)
    from fieldapp.gui.tasks import TaskManager

    shell = app_mod.start_signed_in(app, data, api, TaskManager())
    return app, shell.login, shell


def main() -> None:
    t0 = float(os.environ["BENCH_T0"])
    kind = sys.argv[1]
    made = bare() if kind == "bare" else login()
    window = made[1]  # type: ignore[index]
    from PySide6.QtWidgets import QApplication

    while True:
        QApplication.processEvents()
        handle = window.windowHandle()  # type: ignore[attr-defined]
        if window.isVisible() and handle is not None and handle.isExposed():  # type: ignore[attr-defined]
            QApplication.processEvents()
            break
    print(json.dumps({"kind": kind, "seconds": time.time() - t0}), flush=True)
    os._exit(0)  # we measure start-up, not shutdown (nor the preloading still under way)


if __name__ == "__main__":
    main()
