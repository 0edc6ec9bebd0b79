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

Every figure is the median of ``--runs`` fresh processes, the kinds taken in turn (each round in the opposite
order to the one before, so no kind always follows the same one). The first window is also given as the median
of each round's own ratio (the login against the bare window started next to it: a slow spell of the machine
slows both), on the clock and in CPU time. ``--before DIR`` measures another checkout of FieldApp (DIR holds
its ``fieldapp`` package) in the same run, side by side. ``BENCH_ONE_CORE=1`` repeats everything pinned to one
core (``taskset -c 0``) after the run on all cores; ``--one-core`` (taken by :mod:`bench.common`) pins the
whole run instead, so it measures one core only. ``--first-window`` measures the first window alone (21 runs
unless ``--runs``): enough rounds to resolve a few milliseconds on a loaded machine.

    python -m bench.bench_startup [--households 100000] [--runs 7] [--before DIR] [--one-core] [--at-paint]
    BENCH_ONE_CORE=1 python -m bench.bench_startup --first-window [--home DIR] [--runs 21] [--before DIR]
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

from bench.common import ONE_CORE, add_one_core_flag, compile_sources, demo_home, one_core_prefix, report

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
            at_paint: bool = False, first_window: bool = False) -> dict[str, list[dict[str, float]]]:
    """Every kind ``runs`` times, in turn; returns the children's reports by kind, in the order of the rounds."""
    kinds: list[tuple[str, str, str, Path | None, dict[str, str]]] = [
        ("bare widget", "_login_start.py", "bare", None, {})]
    if not first_window:
        kinds.append(("bare table window", "_window_start.py", "bare", None, {}))
    for name, code in versions.items():
        kinds.append((f"{name}: login window", "_login_start.py", "login", code, {}))
        if first_window:
            continue
        kinds.append((f"{name}: login to list", "_login_start.py", "signin", code, {}))
        if at_paint:
            kinds.append((f"{name}: login to list, submitted at first paint", "_login_start.py", "signin", code,
                          {"BENCH_SUBMIT": "at-paint"}))
    for _label, script, kind, code, env in kinds:  # warm the OS file cache, as a laptop that ran it before
        spawn(script, kind, home, prefix=prefix, code=code, extra_env=env)
    found: dict[str, list[dict[str, float]]] = {label: [] for label, *_rest in kinds}
    for round_no in range(runs):
        # every other round backwards: the bare window comes first in one round and last in the next
        for label, script, kind, code, env in (kinds if round_no % 2 == 0 else kinds[::-1]):
            found[label].append(spawn(script, kind, home, prefix=prefix, code=code, extra_env=env))
    return found


def paired_ratio(found: dict[str, list[dict[str, float]]], label: str, key: str) -> float:
    """The median over the rounds of each round's own ratio, ``label`` against the bare widget of that round."""
    return statistics.median(ours[key] / bare[key] for ours, bare in zip(found[label], found["bare widget"],
                                                                          strict=True))


def summarize(found: dict[str, list[dict[str, float]]], versions: Sequence[str], title: str) -> None:
    def median(label: str, key: str = "seconds") -> float:
        return statistics.median(r[key] for r in found[label])

    print(f"\n== {title}")
    for label, rows in found.items():
        times = ", ".join(f"{r['seconds']:.3f}" for r in rows)
        print(f"{label} (s): {times}")
        if "cpu" in rows[0]:
            cpu = ", ".join(f"{r['cpu']:.3f}" for r in rows)
            print(f"{label} (CPU s): {cpu}")
    bare_widget = median("bare widget")
    for name in versions:
        label = f"{name}: login window"
        report(f"[{name}] first window: login painted vs bare QWidget (median)", median(label), bare_widget,
               FIRST_WINDOW_LIMIT)
        report(f"[{name}]   the same in CPU time (median)", median(label, "cpu"), median("bare widget", "cpu"),
               FIRST_WINDOW_LIMIT)
        print(f"    [{name}] median of the rounds' own ratios: clock {paired_ratio(found, label, 'seconds'):.2f}, "
              f"CPU time {paired_ratio(found, label, 'cpu'):.2f} ({len(found[label])} rounds)")
        label = f"{name}: login to list"
        if label not in found:
            continue
        bare_table = median("bare table window")
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
    parser.add_argument("--households", type=int, help="100,000 (300 with --first-window: its size does not matter)")
    parser.add_argument("--runs", type=int, help="rounds (default 7; 21 with --first-window)")
    parser.add_argument("--home", type=Path, help="data folder with accounts (default: the cached demo register)")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another checkout (DIR/fieldapp) to measure side by side, e.g. from `git archive`")
    parser.add_argument("--at-paint", action="store_true", help="also submit the password at the first paint")
    parser.add_argument("--first-window", action="store_true",
                        help="the first window alone (the login against the bare QWidget), no login to the list")
    add_one_core_flag(parser)
    args = parser.parse_args(argv)
    runs = args.runs or (21 if args.first_window else 7)
    households = args.households or (300 if args.first_window else 100_000)
    home = args.home or demo_home(households)
    versions: dict[str, Path | None] = {"after": None}
    if args.before is not None:
        versions = {"before": args.before.resolve(), "after": None}
    compile_sources(BENCH.parent, *([args.before.resolve()] if args.before else []))
    load = os.getloadavg()
    print(f"register: {home} ({households} households unless --home); runs: {runs}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {os.cpu_count()} CPUs")
    found = measure(home, runs, versions, at_paint=args.at_paint, first_window=args.first_window)
    # ``--one-core`` on the command line pins this process itself (bench.common) and so every child: one section
    summarize(found, list(versions), "pinned to one core (this process and its children)" if ONE_CORE else "all cores")
    if args.one_core:
        found = measure(home, runs, versions, prefix=one_core_prefix(), at_paint=args.at_paint,
                        first_window=args.first_window)
        summarize(found, list(versions), "pinned to one core (taskset -c 0)")
    load = os.getloadavg()
    print(f"\nload average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
