"""Start-up, both targets in one run: the first window (the login), and from the login to the household list.

- **The first window**: spawn → the login window's first frame painted, against a bare PySide6 QWidget
  (spawn → first frame). Target 1.3×. Also the process's CPU time at that frame, against the bare one's (other
  jobs on the machine stretch the clock far more than the CPU time).
- **After login**: the password submitted → the main window showing the household list (农户) with its first
  page of rows painted, on a register of ``--households`` households (100,000 by default; the demo's, SQLCipher-
  encrypted, with its accounts), against a bare PySide6 window's start (a QMainWindow with a QTableView of
  200×9 strings, spawn → rows shown). Target 2×. The password is submitted once the preloading that runs while
  a person types has finished (``typed``: how long that took after the login's first paint); with
  ``--at-paint`` also the worst case, submitted at the login's first paint (nothing preloaded yet).

Every figure is the median of ``--runs`` fresh processes, the kinds taken in turn. ``--before DIR`` measures
another checkout of FieldApp (DIR holds its ``fieldapp`` package) in the same run, side by side;
``--one-core`` repeats everything pinned to one core (``taskset -c 0``).

    python -m bench.bench_startup [--households 100000] [--runs 7] [--before DIR] [--one-core] [--at-paint]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import add_one_core_flag, compile_sources, demo_home, one_core_prefix, report

BENCH = Path(__file__).resolve().parent

FIRST_WINDOW_LIMIT = 1.3
AFTER_LOGIN_LIMIT = 2.0


def spawn(script: str, kind: str, home: Path, *, prefix: Sequence[str] = (), code: Path | None = None,
          extra_env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``bench/<script> kind`` as a fresh process (``code``: the checkout whose ``fieldapp`` it imports)."""
    env = {**os.environ, "FIELDAPP_HOME": str(home),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), **(extra_env or {})}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    env["BENCH_T0"] = repr(time.time())
    out = subprocess.run([*prefix, sys.executable, str(BENCH / script), kind], env=env, check=True,
                         capture_output=True, text=True, timeout=600).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def measure(home: Path, runs: int, versions: dict[str, Path | None], *, prefix: Sequence[str] = (),
            at_paint: bool = False) -> dict[str, list[dict[str, float]]]:
    """Every kind ``runs`` times, in turn; returns the children's reports by kind."""
    kinds: list[tuple[str, str, str, Path | None, dict[str, str]]] = [
        ("bare widget", "_login_start.py", "bare", None, {}),
        ("bare table window", "_window_start.py", "bare", None, {})]
    for name, code in versions.items():
        kinds.append((f"{name}: login window", "_login_start.py", "login", code, {}))
        kinds.append((f"{name}: login to list", "_login_start.py", "signin", code, {}))
        if at_paint:
            kinds.append((f"{name}: login to list, submitted at first paint", "_login_start.py", "signin", code,
                          {"BENCH_SUBMIT": "at-paint"}))
    for _label, script, kind, code, env in kinds:  # warm the OS file cache, as a laptop that ran it before
        spawn(script, kind, home, prefix=prefix, code=code, extra_env=env)
    found: dict[str, list[dict[str, float]]] = {label: [] for label, *_rest in kinds}
    for _ in range(runs):
        for label, script, kind, code, env in kinds:
            found[label].append(spawn(script, kind, home, prefix=prefix, code=code, extra_env=env))
    return found


def summarize(found: dict[str, list[dict[str, float]]], versions: Sequence[str], title: str) -> None:
    def median(label: str, key: str = "seconds") -> float:
        return statistics.median(r[key] for r in found[label])

    print(f"\n== {title}")
    for label, rows in found.items():
        times = ", ".join(f"{r['seconds']:.3f}" for r in rows)
        print(f"{label} (s): {times}")
    bare_widget, bare_table = median("bare widget"), median("bare table window")
    for name in versions:
        report(f"[{name}] first window: login painted vs bare QWidget (median)", median(f"{name}: login window"),
               bare_widget, FIRST_WINDOW_LIMIT)
        report(f"[{name}]   the same in CPU time (median)", median(f"{name}: login window", "cpu"),
               median("bare widget", "cpu"), FIRST_WINDOW_LIMIT)
        label = f"{name}: login to list"
        report(f"[{name}] after login: submitted -> list shown vs bare window start (median)", median(label),
               bare_table, AFTER_LOGIN_LIMIT)
        print(f"    [{name}] of which to the main window shown: {median(label, 'window') * 1000:.0f} ms; "
              f"preloading after the login's first paint took {median(label, 'typed') * 1000:.0f} ms")
        worst = f"{name}: login to list, submitted at first paint"
        if worst in found:
            report(f"[{name}]   the same, submitted at the login's first paint (nothing preloaded)", median(worst),
                   bare_table, AFTER_LOGIN_LIMIT)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", type=Path, help="data folder with accounts (default: the cached demo register)")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another checkout (DIR/fieldapp) to measure side by side, e.g. from `git archive`")
    parser.add_argument("--at-paint", action="store_true", help="also submit the password at the first paint")
    add_one_core_flag(parser)
    args = parser.parse_args(argv)
    home = args.home or demo_home(args.households)
    versions: dict[str, Path | None] = {"after": None}
    if args.before is not None:
        versions = {"before": args.before.resolve(), "after": None}
    compile_sources(BENCH.parent, *([args.before.resolve()] if args.before else []))
    load = os.getloadavg()
    print(f"register: {home} ({args.households} households unless --home); runs: {args.runs}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {os.cpu_count()} CPUs")
    found = measure(home, args.runs, versions, at_paint=args.at_paint)
    summarize(found, list(versions), "all cores")
    if args.one_core:
        found = measure(home, args.runs, versions, prefix=one_core_prefix(), at_paint=args.at_paint)
        summarize(found, list(versions), "pinned to one core (taskset -c 0)")
    load = os.getloadavg()
    print(f"\nload average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
