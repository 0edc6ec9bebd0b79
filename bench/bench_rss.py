"""Memory of the running app on a large register: RSS must stay at or under 300 MB.

Starts FieldApp on the register, shows the list, scrolls five pages, runs searches
and opens a household editor, then reports VmRSS and the peak (VmHWM). A second run does
the same and then a print preview of ``--cards`` door cards (the 打印 page's 生成并预览,
turned through to the last page), and reports RSS and the peak after it. ``--before DIR`` runs the same
for another checkout (DIR holds its ``fieldapp`` package, e.g. from ``git archive``) in the same run, side by side.

    python -m bench.bench_rss [--households 100000] [--cards 1000] [--before DIR] [--one-core]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import compile_sources, demo_home

BENCH = Path(__file__).resolve().parent
LIMIT_MB = 300


def spawn(kind: str, home: str, *extra: str, code: Path | None = None) -> dict[str, float]:
    """``bench/_window_start.py`` in a fresh process, run by path so that ``code`` (a checkout's folder holding
    ``fieldapp``; None: this one) is the FieldApp it imports; this harness's ``bench`` comes after it."""
    path = [str(code)] if code is not None else []
    path += [str(BENCH.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "FIELDAPP_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "BENCH_T0": repr(time.time()), "PYTHONPATH": os.pathsep.join(path)}
    out = subprocess.run([sys.executable, str(BENCH / "_window_start.py"), kind, *extra], env=env, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def measure(home: str, cards: int, name: str, code: Path | None) -> None:
    app = spawn("app", home, "--exercise", code=code)
    rss, peak = app["VmRSS"] / 1024, app["VmHWM"] / 1024
    print(f"[{name}] app after exercise: RSS {rss:.0f} MB, peak {peak:.0f} MB (limit {LIMIT_MB} MB) "
          f"{'OK' if peak <= LIMIT_MB else 'OVER'}", flush=True)
    printed = spawn("app", home, "--exercise", "--print-preview", str(cards), code=code)
    rss, peak = printed["VmRSS"] / 1024, printed["VmHWM"] / 1024
    print(f"[{name}] app after a {printed['cards']}-card print preview ({printed['pages']} pages, turned through): "
          f"RSS {rss:.0f} MB, peak {peak:.0f} MB (peak when the preview opened {printed['HWM_at_preview'] / 1024:.0f}"
          f" MB; limit {LIMIT_MB} MB) {'OK' if rss <= LIMIT_MB else 'OVER'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another checkout (DIR/fieldapp) to measure side by side, e.g. from `git archive`")
    args = parser.parse_args()
    home = str(demo_home(args.households))
    print(f"register: {args.households} households")
    versions: dict[str, Path | None] = {"after": None}
    if args.before is not None:
        versions = {"before": args.before.resolve(), "after": None}
    compile_sources(BENCH.parent, *([args.before.resolve()] if args.before else []))
    for name, code in versions.items():
        measure(home, args.cards, name, code)
    bare = spawn("bare", home)
    print(f"bare PySide6 window for reference: RSS {bare['VmRSS'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
