"""Screenshot every window and dialog of FieldApp on the demo village, at a small laptop's screen.

Run under a virtual X server the size of what a 1366×768 laptop leaves usable:
    xvfb-run -s '-screen 0 1366x700x24' .venv/bin/python scripts/screenshots.py OUT_DIR [--households N]
Each window is shown as the app shows it (its remembered or default geometry, fitted to the screen),
then saved as OUT_DIR/<name>.png, and a line per window says whether it fits the screen.
The demo folder is opened as a cadre opens it: through a login (the demo's team leader, password demo1234),
so the register is the encrypted one and the login window, 账号 page, lock and password dialogs are shown too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

LOGIN = ("张建华", "demo1234")  # the demo's team leader and administrator, its documented password


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--households", type=int, default=60, help="demo households (0: set up, no data)")
    parser.add_argument("--language", default="zh-Hans")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="fieldapp-shots-"))
    env = dict(os.environ, FIELDAPP_HOME=str(home))
    if args.households:
        subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--households", str(args.households)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
    os.environ["FIELDAPP_HOME"] = str(home)

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fieldapp import paths
    from fieldapp.gui import i18n
    from fieldapp.gui.app import configure_application, people_api
    from fieldapp.gui.screens import cut_off, top_levels
    from fieldapp.gui.tasks import SyncTaskManager
    from fieldapp.services.context import open_context

    app = QApplication(sys.argv)
    configure_application(app)
    data = paths.resolve()
    if not args.households:  # as just after the first-start wizard: every list empty, the first account made
        from fieldapp.services.setup import SetupInfo, run_setup

        plain = open_context(data)
        run_setup(plain, SetupInfo(district="商州区", town="北宽坪镇", villages=["桃园村"], cadre_name=LOGIN[0],
                                   cadre_unit="区国土资源局", cadre_phone="13912345678", district_code="611002",
                                   password=LOGIN[1]))
        plain.close()
    api = people_api(data)
    assert api is not None
    session = api.authenticate(*LOGIN)
    ctx = api.open_for(session)
    i18n.install(args.language)
    tasks = SyncTaskManager()
    screen = app.primaryScreen().availableGeometry()
    print(f"screen {screen.width()}×{screen.height()}")
    bad = 0
    for name, widget in top_levels(ctx, tasks, api, session):
        widget.show()
        QTest.qWait(300)  # delayed work such as the door-plate previews
        frame = widget.frameGeometry()
        problems = cut_off(widget, screen)
        bad += bool(problems)
        widget.grab().save(str(args.out / f"{name}.png"))
        print(f"{name:32} {frame.width()}×{frame.height()} at {frame.x()},{frame.y()}"
              f"  min {widget.minimumSizeHint().width()}×{widget.minimumSizeHint().height()}"
              f"  {'ok' if not problems else 'DOES NOT FIT: ' + '; '.join(problems)}")
    tasks.shutdown()
    ctx.close()
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
