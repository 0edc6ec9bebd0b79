"""The workbench (工作台) on a large register: within 2× the cost of its own SQL run raw.

Builds (once) ``bench/out/workbench-<N>``: ``fieldapp demo --households N``, which now
comes with a year of visits (about 10 per household: ~1M visits for 100,000 households);
``--extra-visits M`` adds M more, spread over the households, with the writer's
``insert_many`` (cached as ``workbench-<N>-plus<M>``).

Then, for the signed-in cadre (the demo's team leader):

- ours: what the page computes on the database thread
  (:func:`fieldapp.gui.visits.workbench_page.compute_board`: ``load_workbench`` plus the
  monitoring lines), and the page's whole refresh (computing and filling the tree);
- baseline: the very SQL statements ``compute_board`` ran (recorded with their parameters),
  replayed with the plain ``sqlite3`` module and every row fetched.

It prints both, their ratio (limit 2), and any statement whose plan scans a big table.

    python -m bench.bench_workbench [--households 100000] [--extra-visits 0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event, select

from bench.common import OUT, best_and_median, report
from fieldapp import paths
from fieldapp.domain.ids import natural_id
from fieldapp.services.context import AppContext, open_context
from fieldapp.store.models import HouseholdListRow, Visit, VisitCadre

BIG = ("visit", "visit_cadre", "follow_up", "household", "household_list", "member", "indicator", "income_year",
       "change_log", "checkin", "measure")


def _build(households: int) -> Path:
    home = OUT / f"workbench-{households}"
    if not (home / ".complete").exists():
        if home.exists():
            shutil.rmtree(home)
        home.mkdir(parents=True)
        print(f"building a {households}-household demo register with visits in {home} (once)…", flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--households", str(households)], check=True,
                       env={**os.environ, "FIELDAPP_HOME": str(home)})
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
        (home / ".complete").touch()
    return home


def _add_visits(home: Path, count: int) -> None:
    """``count`` more visits, round-robin over the households, by their paired cadre (batches of 20,000)."""
    ctx = open_context(paths.DataPaths(home=home))
    lst = HouseholdListRow.__table__
    try:
        with ctx.db.read() as conn:
            homes = conn.execute(select(lst.c.household_id, lst.c.village_id, lst.c.cadre_id)
                                 .order_by(lst.c.household_id)).all()
        today = dt.date.today()
        done = 0
        while done < count:
            visits, links = [], []
            for i in range(done, min(count, done + 20_000)):
                hid, village, cadre = homes[i % len(homes)]
                day = today - dt.timedelta(days=400 + i % 3000)  # older than the demo's year
                visit_id = natural_id("bench_extra_visit", i)
                visits.append({"id": visit_id, "household_id": hid, "village_id": village, "date": day,
                               "type": "01", "found": "走访", "created_by": cadre})
                if cadre:
                    links.append({"id": natural_id("visit_cadre", visit_id, cadre), "visit_id": visit_id,
                                  "cadre_id": cadre, "household_id": hid, "date": day})
            with ctx.writer.transaction() as txn:
                txn.insert_many(Visit, visits)
                txn.insert_many(VisitCadre, links)
            done += len(visits)
            print(f"\r  {done}/{count} extra visits", end="", flush=True)
        print()
    finally:
        ctx.close()


def bench_home(households: int, extra: int) -> Path:
    base = _build(households)
    if not extra:
        return base
    home = OUT / f"workbench-{households}-plus{extra}"
    if not (home / ".complete").exists():
        if home.exists():
            shutil.rmtree(home)
        shutil.copytree(base, home)
        print(f"adding {extra} visits in {home} (once)…", flush=True)
        _add_visits(home, extra)
        (home / ".complete").touch()
    return home


class Recorder:
    """The statements an engine runs, with their parameters."""

    def __init__(self, ctx: AppContext) -> None:
        self.engine = ctx.db.engine
        self.statements: list[tuple[str, Any]] = []

    def _record(self, _conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        self.statements.append((statement, parameters))

    def __enter__(self) -> Recorder:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--extra-visits", type=int, default=0)
    args = parser.parse_args()
    home = bench_home(args.households, args.extra_visits)

    from PySide6.QtWidgets import QApplication

    from fieldapp.gui.tasks import SyncTaskManager
    from fieldapp.gui.visits.workbench_page import WorkbenchPage, compute_board

    app = QApplication.instance() or QApplication([])
    ctx = open_context(paths.DataPaths(home=home))
    try:
        counts = {t: int(ctx.db.scalar(f"SELECT count(*) FROM {t}") or 0)
                  for t in ("household", "visit", "follow_up", "checkin", "change_log")}
        print("register: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
        board = compute_board(ctx)
        wb = board.workbench
        print(f"workbench of {ctx.cadre_name}: {len(wb.my_households.items)} households, "
              f"{len(wb.not_visited.items)} not visited in {wb.not_visited_days} days, "
              f"{len(wb.follow_ups.items)} follow-ups due, {len(wb.unmet_indicators.items)} unmet indicators, "
              f"{len(wb.below_line.items)} below the line, {wb.unsynced} unsynced changes")
        with Recorder(ctx) as recorder:
            compute_board(ctx)
        statements = [(s, p) for s, p in recorder.statements if s.lstrip().upper().startswith("SELECT")]
        print(f"{len(statements)} SQL statements")

        raw = sqlite3.connect(ctx.paths.database, isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")

        def replay() -> None:  # in one read transaction, as the app reads a snapshot
            raw.execute("BEGIN")
            for statement, parameters in statements:
                raw.execute(statement, parameters).fetchall()
            raw.execute("COMMIT")

        scan = re.compile(r"^SCAN (?:\w+ AS )?(" + "|".join(BIG) + r")\b")
        scans = []
        for statement, parameters in statements:
            for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters):
                if scan.match(str(row[-1])):
                    scans.append(f"{row[-1]}  <-  {' '.join(statement.split())[:140]}")
        print("full scans of big tables: " + ("none" if not scans else "\n  " + "\n  ".join(scans)))

        # best of many runs: the least disturbed by other processes (medians printed for reference)
        ours, ours_median = best_and_median(lambda: compute_board(ctx), repeat=31, warmup=3)
        baseline, baseline_median = best_and_median(replay, repeat=31, warmup=3)
        page = WorkbenchPage(ctx, SyncTaskManager())
        gui, gui_median = best_and_median(page.refresh, repeat=31, warmup=3)
        app.processEvents()
        print(f"medians: computed {ours_median * 1000:.2f} ms, page refresh {gui_median * 1000:.2f} ms, "
              f"raw SQL {baseline_median * 1000:.2f} ms")
        ok = report("workbench computed (load_workbench + lines) vs its SQL run raw", ours, baseline, 2.0)
        report("workbench page refresh (computed + tree filled) vs its SQL run raw", gui, baseline, 2.0)
        raw.close()
        sys.exit(0 if ok else 1)
    finally:
        ctx.close()


if __name__ == "__main__":
    main()
