"""A household's history page and a person's changes (责任倒查) against reading the same change-log rows.

The baseline is the page's own change-log rows read with plain SQL (the same index, the same limit); ours is
the store's page: each row's old values, its chain hash checked and its successor's link. ``--before DIR`` runs
an earlier checkout's ``fieldapp`` in child processes turn about with this one, on the same register.

    python -m bench.bench_history [--households 300] [--before DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import best_and_median, pinned_one_core

ONE_CORE = pinned_one_core()


def _cpu_ms(fn: Callable[[], object]) -> float:
    return best_and_median(fn, repeat=15, clock=time.process_time)[1] * 1000


def measure(home: Path) -> dict[str, dict[str, float]]:
    """CPU ms, statements and rows of each read, ours and the plain SQL's, on the register in ``home``."""
    from sqlalchemy import event

    from fieldapp.store import queries
    from fieldapp.store.db import Database

    db = Database.open(next(home.rglob("register.sqlite3")))
    with db.read() as c:
        household = c.exec_driver_sql("SELECT household_id FROM change_log WHERE household_id IS NOT NULL "
                                      "GROUP BY household_id ORDER BY count(*) DESC LIMIT 1").scalar()
        user = c.exec_driver_sql("SELECT user_id FROM change_log WHERE user_id IS NOT NULL "
                                 "GROUP BY user_id ORDER BY count(*) DESC LIMIT 1").scalar()
        ids = queries.household_rows(c, household)
    marks = ",".join("?" * len(ids))
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def read(fn: Callable[[Any], object]) -> Callable[[], object]:
        def run() -> object:
            with db.read() as c:
                return fn(c)
        return run

    reads = {
        "history page (200 change-log rows)": (
            read(lambda c: queries.history_page(c, household, limit=200)),
            read(lambda c: c.exec_driver_sql(f"SELECT * FROM change_log WHERE row_id IN ({marks}) "
                                             "ORDER BY hlc DESC, seq DESC LIMIT 200", tuple(ids)).all())),
        "a person's 500 changes": (
            read(lambda c: queries.person_changes(c, user, 0, 2**62, limit=500)),
            read(lambda c: c.exec_driver_sql("SELECT * FROM change_log WHERE user_id = ? AND hlc >= 0 "
                                             "ORDER BY hlc, seq LIMIT 500", (user,)).all())),
    }
    out = {}
    for name, (ours, plain) in reads.items():
        statements.clear()
        rows = ours()
        count = len(statements)
        out[name] = {"ours": _cpu_ms(ours), "plain": _cpu_ms(plain), "statements": count,
                     "rows": len({e.seq for e in rows})}  # type: ignore[attr-defined]
    db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=300)
    parser.add_argument("--before", type=Path, metavar="DIR", help="a checkout of the earlier code, run turn about")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        import fieldapp

        print(json.dumps({"code": str(Path(fieldapp.__file__).resolve().parents[1]), **measure(args.child)}))
        return
    from bench.bench_crypt import plain_home  # the demo register exported plain: the reads, not the cipher

    home = plain_home(args.households)
    here = Path(__file__).resolve().parents[1]
    codes = [("after", here)] if args.before is None else [("before", args.before.resolve()), ("after", here)]
    results: dict[str, list[dict[str, dict[str, float]]]] = {label: [] for label, _ in codes}
    for _ in range(args.rounds):
        for label, code in codes:
            env = dict(os.environ)
            with tempfile.TemporaryDirectory() as shim:  # the checkout's resources as the package the app reads
                (Path(shim) / "fieldapp_resources").symlink_to(code / "resources")
                env["PYTHONPATH"] = os.pathsep.join([str(code), shim, str(here)])
                # run as a script (not -m from this checkout's folder), so that the checkout's fieldapp comes first
                done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(home)], env=env,
                                      cwd=code, capture_output=True, text=True, check=True)
            found = json.loads(done.stdout.strip().splitlines()[-1])
            if Path(found.pop("code")) != code:
                raise SystemExit(f"the {label} run imported another checkout's fieldapp")
            results[label].append(found)
    core = "one core" if ONE_CORE else f"{os.cpu_count()} cores"
    print(f"History reads, {args.households} households, {args.rounds} rounds, {core} (CPU ms, medians):")
    for name in results["after"][0]:
        for label, _ in codes:
            runs = [r[name] for r in results[label]]
            ours = statistics.median(r["ours"] for r in runs)
            plain = statistics.median(r["plain"] for r in runs)
            print(f"  {label:6} {name}: {runs[0]['rows']:.0f} rows, {runs[0]['statements']:.0f} statements, "
                  f"{ours:.1f} ms against plain SQL's {plain:.2f} ms: {ours / plain:.1f}×")


if __name__ == "__main__":
    main()
