"""Shared benchmark helpers: cached demo registers of a given size, timing, reporting.

Registers are built once with ``fieldapp demo`` into ``bench/out/home-<N>`` (git-ignored)
and reused; delete the folder to rebuild.

Every bench module takes ``--one-core``: importing this module honours it (see
:func:`pinned_one_core`), so the figures are those of a laptop with one slow core.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ONE_CORE_FLAG = "--one-core"


def pinned_one_core(argv: list[str] | None = None) -> bool:
    """Pin this process to CPU 0 (as ``taskset -c 0`` would) if ``--one-core`` is in ``argv``.

    The flag is removed from ``argv`` (default ``sys.argv``) so each module's own argument parser
    never sees it. Every thread already running is pinned too, and whatever this process starts
    afterwards (threads, the child processes of the start-up and memory benches) inherits the
    affinity. Returns whether the process runs on one core (also when a parent pinned it).
    """
    args = sys.argv if argv is None else argv
    if ONE_CORE_FLAG in args:
        while ONE_CORE_FLAG in args:
            args.remove(ONE_CORE_FLAG)
        for tid in os.listdir("/proc/self/task"):
            os.sched_setaffinity(int(tid), {0})
    return len(os.sched_getaffinity(0)) == 1


ONE_CORE = pinned_one_core()


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
    tag = "[one core] " if ONE_CORE else ""
    print(f"{tag}{name}: ours {ours * 1000 if unit == 's' else ours:.2f}{'ms' if unit == 's' else unit}, "
          f"baseline {baseline * 1000 if unit == 's' else baseline:.2f}{'ms' if unit == 's' else unit}, "
          f"ratio {ratio:.2f} (limit {limit}) {'OK' if ok else 'OVER'}", flush=True)
    return ok
