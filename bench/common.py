"""Shared benchmark helpers: cached demo registers of a given size, timing, reporting.

Registers are built once with ``fieldapp demo`` into ``bench/out/home-<N>`` (git-ignored)
and reused; delete the folder to rebuild.

Every bench module takes ``--one-core``: importing this module honours it (see
:func:`pinned_one_core`), so the figures are those of a laptop with one slow core.
Within one run: :func:`one_core_prefix` is the command prefix (``taskset -c 0``) a benchmark puts before the
processes it measures as well, with ``BENCH_ONE_CORE=1`` (:func:`add_one_core_flag`), for both figures side by side; a
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


def one_core_prefix() -> list[str]:
    """The command prefix that runs a process on CPU 0 alone (``taskset -c 0``); SystemExit without taskset."""
    taskset = shutil.which("taskset")
    if taskset is None:
        raise SystemExit("--one-core needs taskset (util-linux)")
    return [taskset, "-c", "0"]


def add_one_core_flag(parser: argparse.ArgumentParser) -> None:
    """``--one-core``: measure pinned to one core as well (also ``BENCH_ONE_CORE=1``)."""
    parser.add_argument("--one-core", action="store_true", default=os.environ.get("BENCH_ONE_CORE") == "1",
                        help="also run every measured process pinned to one core (taskset -c 0) and report that")


def compile_sources(*roots: Path) -> None:
    """Byte-compile FieldApp (and this harness) first, as an installed FieldApp is: pip and the frozen build
    ship bytecode, while a checkout run with PYTHONDONTWRITEBYTECODE (as on the build machines) would
    otherwise recompile every module on every start and measure the compiler, not the start."""
    import compileall

    for root in roots or (Path(__file__).resolve().parents[1],):
        for folder in ("fieldapp", "bench"):
            if (root / folder).is_dir():
                compileall.compile_dir(root / folder, quiet=1)


def best_and_median(fn: Callable[[], object], repeat: int = 7, warmup: int = 1,
                    clock: Callable[[], float] = time.perf_counter) -> tuple[float, float]:
    """Best and median seconds of ``repeat`` runs after ``warmup`` (``clock=time.process_time``: CPU seconds)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times), statistics.median(times)


def report(name: str, ours: float, baseline: float, limit: float, unit: str = "s") -> bool:
    ratio = ours / baseline if baseline else float("inf")
    ok = ratio <= limit
    tag = "[one core] " if ONE_CORE else ""
    print(f"{tag}{name}: ours {ours * 1000 if unit == 's' else ours:.2f}{'ms' if unit == 's' else unit}, "
          f"baseline {baseline * 1000 if unit == 's' else baseline:.2f}{'ms' if unit == 's' else unit}, "
          f"ratio {ratio:.2f} (limit {limit}) {'OK' if ok else 'OVER'}", flush=True)
    return ok
