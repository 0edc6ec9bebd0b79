"""Shared benchmark helpers: cached demo registers of a given size, timing, reporting.

Registers are built once with ``fieldapp demo`` into ``bench/out/home-<N>`` (git-ignored)
and reused; delete the folder to rebuild.

One slow core: :func:`pinned_one_core` is the command prefix (``taskset -c 0``) a benchmark puts before the
processes it measures when run with ``--one-core`` (:func:`add_one_core_flag`) or ``BENCH_ONE_CORE=1``; a
village laptop is closer to that than to a many-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def demo_home(households: int, seed: int = 1) -> Path:
    """A data folder holding a demo register of ``households`` households (built once)."""
    home = OUT / f"home-{households}"
    marker = home / ".complete"
    if not marker.exists():
        if home.exists():
            import shutil

            shutil.rmtree(home)
        home.mkdir(parents=True)
        print(f"building a {households}-household demo register in {home} (once)…", flush=True)
        start = time.perf_counter()
        env = {**os.environ, "FIELDAPP_HOME": str(home)}
        subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--households", str(households),
                        "--seed", str(seed)], check=True, env=env)
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
        marker.touch()
    return home


def pinned_one_core() -> list[str]:
    """The command prefix that runs a process on CPU 0 alone (``taskset -c 0``); SystemExit without taskset."""
    taskset = shutil.which("taskset")
    if taskset is None:
        raise SystemExit("--one-core needs taskset (util-linux)")
    return [taskset, "-c", "0"]


def add_one_core_flag(parser: argparse.ArgumentParser) -> None:
    """``--one-core``: measure pinned to one core as well (also ``BENCH_ONE_CORE=1``)."""
    parser.add_argument("--one-core", action="store_true", default=os.environ.get("BENCH_ONE_CORE") == "1",
                        help="also run every measured process pinned to one core (taskset -c 0) and report that")


def best_and_median(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> tuple[float, float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def report(name: str, ours: float, baseline: float, limit: float, unit: str = "s") -> bool:
    ratio = ours / baseline if baseline else float("inf")
    ok = ratio <= limit
    print(f"{name}: ours {ours * 1000 if unit == 's' else ours:.2f}{'ms' if unit == 's' else unit}, "
          f"baseline {baseline * 1000 if unit == 's' else baseline:.2f}{'ms' if unit == 's' else unit}, "
          f"ratio {ratio:.2f} (limit {limit}) {'OK' if ok else 'OVER'}", flush=True)
    return ok
