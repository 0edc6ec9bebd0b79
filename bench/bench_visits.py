"""A household with 500 visits opens its 走访记录 tab as fast as one with 5 (the tab pages).

Builds (once) a register under ``bench/out/visits-<N>``: the demo village of N households
(with its year of visits), plus two new households, one given ``--many`` visits and one
given ``--few`` (through the writer's ``insert_many``, like the demo), and a third given one
page (50). Then times, for each, what opening the tab does — the first page of
:func:`fieldapp.services.visits.household_visits_page` shown in the tab's table model —
and prints the ratios, with the per-page query alone for reference. 500 against 50 visits
shows the same number of rows (ratio about 1: the cost does not grow with the visits a
household has); 500 against 5 also pays for the 45 more rows of the first page.

    python -m bench.bench_visits [--households 1000] [--many 500] [--few 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import OUT, best_and_median
from fieldapp import paths
from fieldapp.domain.ids import natural_id
from fieldapp.services import demo, register
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.visits import household_visits_page
from fieldapp.store.models import Visit, VisitCadre


def _add_household(ctx: AppContext, name: str, hh_no: str) -> str:
    village = ctx.settings["village_ids"][0]
    record = register.HouseholdRecord(
        household={"village_id": village, "hh_no": hh_no, "main_cause": "01", "attribute": "01",
                   "exit_status": "0", "standard": "01", "identified_on": dt.date(2014, 1, 1),
                   "cadre_id": ctx.settings["cadre_id"]},
        members=[{"name": name, "relation": "01"}])
    return register.save_record(ctx.writer, ctx.ref, record)


def _add_visits(ctx: AppContext, household_id: str, count: int) -> None:
    """``count`` visits, one every three days back from the demo's today (the demo's way: insert_many)."""
    village = ctx.settings["village_ids"][0]
    cadre = ctx.settings["cadre_id"]
    today = demo.reference_date()
    visits, links = [], []
    with ctx.writer.transaction() as txn:
        for i in range(count):
            day = today - dt.timedelta(days=3 * i)
            visit_id = natural_id("bench_visit", household_id, i)
            visits.append({"id": visit_id, "household_id": household_id, "village_id": village, "date": day,
                           "type": "01", "found": f"第{count - i}次走访，了解家庭情况。", "done": "宣讲政策。",
                           "created_by": cadre})
            links.append({"id": natural_id("visit_cadre", visit_id, cadre), "visit_id": visit_id,
                          "cadre_id": cadre, "household_id": household_id, "date": day})
        txn.insert_many(Visit, visits)
        txn.insert_many(VisitCadre, links)


PAGE = 50


def bench_home(households: int, many: int, few: int) -> tuple[Path, list[str]]:
    home = OUT / f"visits-{households}-{many}-{few}"
    marker = home / ".complete"
    if not marker.exists():
        if home.exists():
            shutil.rmtree(home)
        home.mkdir(parents=True)
        print(f"building the visits bench register in {home} (once)…", flush=True)
        start = time.perf_counter()
        ctx = open_context(paths.DataPaths(home=home))
        try:
            demo.build_demo(ctx, households=households)
            big = _add_household(ctx, "多访户", "999999999999001")
            small = _add_household(ctx, "少访户", "999999999999002")
            page = _add_household(ctx, "一页户", "999999999999003")
            _add_visits(ctx, big, many)
            _add_visits(ctx, small, few)
            _add_visits(ctx, page, PAGE)
        finally:
            ctx.close()
        (home / "households.txt").write_text(f"{big}\n{small}\n{page}\n", encoding="utf-8")
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
        marker.touch()
    return home, (home / "households.txt").read_text(encoding="utf-8").split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--many", type=int, default=500)
    parser.add_argument("--few", type=int, default=5)
    args = parser.parse_args()
    home, (big, small, page) = bench_home(args.households, args.many, args.few)

    from PySide6.QtWidgets import QApplication

    from fieldapp.gui.household_editor.visits_tab import VisitsTab

    app = QApplication.instance() or QApplication([])
    ctx = open_context(paths.DataPaths(home=home))
    try:
        visits = int(ctx.db.scalar("SELECT count(*) FROM visit") or 0)
        print(f"register: {args.households} demo households + 3, {visits} visits in all")
        results = {}
        for label, household_id in ((f"{args.many} visits", big), (f"{PAGE} visits", page),
                                    (f"{args.few} visits", small)):
            shown: list[int] = []

            def open_tab(hid: str = household_id, rows: list[int] = shown) -> None:
                tab = VisitsTab(ctx, hid)
                tab.ensure_loaded()
                rows.append(tab.model.rowCount())
                tab.deleteLater()

            def query(hid: str = household_id) -> None:
                with ctx.db.read() as conn:
                    household_visits_page(conn, hid, limit=51)

            best, median = best_and_median(open_tab, repeat=31, warmup=3)
            q_best, q_median = best_and_median(query, repeat=31, warmup=3)
            app.processEvents()
            results[label] = (best, q_best)  # the best of many runs: least disturbed by other processes
            print(f"{label:>11}: tab opens with {shown[-1]} rows in {best * 1000:.2f} ms (median {median * 1000:.2f}); "
                  f"first-page query {q_best * 1000:.2f} ms (median {q_median * 1000:.2f})")
        (many, many_q), (one_page, page_q), (few, few_q) = results.values()
        print(f"ratio {args.many} / {PAGE} visits (same rows shown): tab {many / one_page:.2f}, "
              f"query {many_q / page_q:.2f} (should be about 1)")
        print(f"ratio {args.many} / {args.few} visits: tab {many / few:.2f}, query {many_q / few_q:.2f}")
    finally:
        ctx.close()


if __name__ == "__main__":
    main()
