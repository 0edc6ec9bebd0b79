"""Child process for bench_startup / bench_rss: start a window, report when it shows data.

    python -m bench._window_start app|bare [--exercise]

Prints one JSON line: seconds from BENCH_T0 (the parent's clock at spawn) until the
window is shown with rows in its table, and the process RSS (VmRSS/VmHWM, kB).
``app`` runs FieldApp exactly as ``fieldapp`` does (font, translator, context, main
window); ``bare`` is a plain PySide6 QMainWindow with a QTableView of 200×9 strings.
``--exercise`` (app only) then scrolls five pages, runs searches and opens an editor;
``--print-preview N`` then generates N door cards on the 打印 page, as its 生成并预览 does
(on the task manager's thread), opens the preview and turns through it. An encrypted
register is opened with the vault key a login as the demo's team leader unwraps.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _rss() -> dict[str, int]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":")
                out[key] = int(value.split()[0])
    return out


def bare() -> tuple[object, object]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    model = QStandardItemModel(0, 9)
    for r in range(200):
        model.appendRow([QStandardItem(f"r{r}c{c}") for c in range(9)])
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1200, 760)
    window.show()
    return app, window


def app_window() -> tuple[object, object]:
    from PySide6.QtWidgets import QApplication

    from fieldapp import paths
    from fieldapp.gui import i18n
    from fieldapp.gui.app import configure_application, create_main_window, open_app_context

    app = QApplication(sys.argv)
    configure_application(app)
    data = paths.resolve()
    from fieldapp.store.db import looks_encrypted

    if looks_encrypted(data.database):  # as after a login: the register opened with the unwrapped vault key
        from bench.bench_crypt import vault_key
        from fieldapp.services.context import open_context

        ctx, problem = open_context(data, key=vault_key(data.home)), None
    else:
        ctx, problem = open_app_context(data)
    if ctx is None:
        raise SystemExit(f"cannot open: {problem}")
    i18n.install(ctx.settings["language"])
    window = create_main_window(ctx)
    window.show_page("households")  # the measured figure: the household list on screen
    window.show()
    return app, window


def exercise(window: object) -> None:
    from PySide6.QtWidgets import QApplication

    page = window.households  # type: ignore[attr-defined]
    model = page.table.model()
    for _ in range(5):
        model.fetchMore(model.index(-1, -1).parent())
        QApplication.processEvents()
    for text in ("张", "zs", "611002", "李"):
        page.search.setText(text)
        page.flush_search()
        QApplication.processEvents()
    page.search.setText("")
    page.flush_search()
    dialog = page.open_household(model.household_id(0))
    QApplication.processEvents()
    if dialog is not None:
        dialog.close()


def print_preview(window: object, cards: int) -> dict[str, int]:
    """Door cards for ``cards`` households generated on the 打印 page and previewed; returns pages and peak RSS."""
    from PySide6.QtWidgets import QApplication

    from fieldapp.gui.printing.jobs import CardsRequest

    window.show_page("print")  # type: ignore[attr-defined]
    page = window.printing  # type: ignore[attr-defined]
    with page.ctx.db.read() as conn:  # the first households in print order (a village's groups, 户编号)
        ids = tuple(conn.exec_driver_sql("SELECT household_id FROM household_list ORDER BY village_id, group_no, "
                                         "hh_no, household_id LIMIT ?", (cards,)).scalars())
    job = page._start(CardsRequest(title="门牌", ids=ids))
    while page.preview is None:
        QApplication.processEvents()
        if job.error is not None or job.was_cancelled:
            raise SystemExit(f"print job failed: {job.error}")
        time.sleep(0.02)
    preview = page.preview
    during = _rss()["VmHWM"]
    for number in range(1, preview.page_count + 1, max(1, preview.page_count // 25)):  # turn through it
        preview.go_to(number)
        QApplication.processEvents()
    preview.go_to(preview.page_count)
    QApplication.processEvents()
    return {"pages": preview.page_count, "cards": len(ids), "HWM_at_preview": during}


def main() -> None:
    t0 = float(os.environ["BENCH_T0"])
    kind = sys.argv[1]
    _app, window = bare() if kind == "bare" else app_window()  # _app keeps the QApplication alive
    from PySide6.QtWidgets import QApplication, QTableView

    while True:  # until the window is exposed and its table has painted rows
        QApplication.processEvents()
        view = window.households.table if kind == "app" else window.findChild(QTableView)  # type: ignore[attr-defined]
        if window.isVisible() and view is not None and view.model().rowCount() > 0:  # type: ignore[attr-defined]
            QApplication.processEvents()
            break
    shown = time.time() - t0
    if "--exercise" in sys.argv:
        exercise(window)
    extra: dict[str, int] = {}
    if "--print-preview" in sys.argv:
        extra = print_preview(window, int(sys.argv[sys.argv.index("--print-preview") + 1]))
    print(json.dumps({"kind": kind, "seconds": shown, **_rss(), **extra}), flush=True)
    os._exit(0)  # skip teardown: we measure start-up, not shutdown


if __name__ == "__main__":
    main()
