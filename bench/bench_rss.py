"""Memory of the running app on a large register: RSS must stay at or under 300 MB.

Starts FieldApp on the register, shows the list, scrolls five pages, runs searches
and opens a household editor, then reports VmRSS and the peak (VmHWM). A second run does
the same and then a print preview of ``--cards`` door cards (the 打印 page's 生成并预览,
turned through to the last page), and reports RSS and the peak after it.

    python -m bench.bench_rss [--households 100000] [--cards 1000] [--one-core]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from bench.common import demo_home

LIMIT_MB = 300


def spawn(kind: str, home: str, *extra: str) -> dict[str, float]:
    env = {**os.environ, "FIELDAPP_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "BENCH_T0": repr(time.time())}
    out = subprocess.run([sys.executable, "-m", "bench._window_start", kind, *extra], env=env, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=1000)
    args = parser.parse_args()
    home = str(demo_home(args.households))
    print(f"register: {args.households} households")
    app = spawn("app", home, "--exercise")
    rss, peak = app["VmRSS"] / 1024, app["VmHWM"] / 1024
    print(f"app after exercise: RSS {rss:.0f} MB, peak {peak:.0f} MB (limit {LIMIT_MB} MB) "
          f"{'OK' if peak <= LIMIT_MB else 'OVER'}", flush=True)
    printed = spawn("app", home, "--exercise", "--print-preview", str(args.cards))
    rss, peak = printed["VmRSS"] / 1024, printed["VmHWM"] / 1024
    print(f"app after a {printed['cards']}-card print preview ({printed['pages']} pages, turned through): "
          f"RSS {rss:.0f} MB, peak {peak:.0f} MB (peak when the preview opened {printed['HWM_at_preview'] / 1024:.0f}"
          f" MB; limit {LIMIT_MB} MB) {'OK' if rss <= LIMIT_MB else 'OVER'}", flush=True)
    bare = spawn("bare", home)
    print(f"bare PySide6 window for reference: RSS {bare['VmRSS'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
