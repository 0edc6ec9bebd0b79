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
    parser.add_argument("--workflows-only", action="store_true",
                        help="only the 动态管理 shots (the 审核 page, households' workflows)")
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
    for name, widget in ([] if args.workflows_only else top_levels(ctx, tasks, api, session)):
        widget.show()
        QTest.qWait(300)  # delayed work such as the door-plate previews
        frame = widget.frameGeometry()
        problems = cut_off(widget, screen)
        bad += bool(problems)
        widget.grab().save(str(args.out / f"{name}.png"))
        print(f"{name:32} {frame.width()}×{frame.height()} at {frame.x()},{frame.y()}"
              f"  min {widget.minimumSizeHint().width()}×{widget.minimumSizeHint().height()}"
              f"  {'ok' if not problems else 'DOES NOT FIT: ' + '; '.join(problems)}")
    ctx.close()
    if args.households:
        bad += _workflow_shots(api, tasks, args.out, screen)
    tasks.shutdown()
    return 1 if bad else 0


REVIEWER = ("乡镇审核员", "demo1234")  # the demo's township reviewer


def _workflow_shots(api, tasks, out: Path, screen) -> int:
    """动态管理 on the demo's workflows: the 审核 page as the township reviewer (their queue), the 动态管理 view of
    the household whose exit the demo completed (a 退回 in its history), and of the one at 公示 with an objection."""
    from PySide6.QtTest import QTest

    from fieldapp.domain import workflow as rules
    from fieldapp.gui.main_window import MainWindow
    from fieldapp.gui.screens import cut_off
    from fieldapp.gui.workflow.panel import WorkflowDialog
    from fieldapp.services.workflow import objections, store

    session = api.authenticate(*REVIEWER)
    ctx = api.open_for(session)
    shots = []
    window = MainWindow(ctx, tasks)
    window.show_page("review")
    shots.append(("workflow-review-township", window))
    defs = rules.definitions(ctx.ref)
    with ctx.db.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT household_id FROM workflow ORDER BY household_id")]
    done = next((h for h in ids if any(v.state.status == rules.COMPLETED
                                       for v in store.workflows_of(ctx.db, h, defs))), None)
    objected = next((o.household_id for o in objections.listed(ctx.db, open_only=True)), None)
    for name, household_id in (("workflow-household-exited", done), ("workflow-household-objection", objected)):
        if household_id is not None:
            shots.append((name, WorkflowDialog(ctx, household_id, tasks=tasks)))
    bad = 0
    for name, widget in shots:
        widget.show()
        QTest.qWait(500)  # the page loads its queue on the task manager
        problems = cut_off(widget, screen)
        bad += bool(problems)
        widget.grab().save(str(out / f"{name}.png"))
        frame = widget.frameGeometry()
        verdict = "ok" if not problems else "DOES NOT FIT: " + "; ".join(problems)
        print(f"{name:32} {frame.width()}×{frame.height()}  {verdict}")
        widget.close()
    ctx.close()
    return bad


if __name__ == "__main__":
    raise SystemExit(main())
