"""Cold start to the main window showing the household list, against a bare PySide6 window.

Both are started as fresh processes, alternately, several times; the figure is the
median time from spawn to "window shown with rows". The register has 100,000
households (≈350,000 members) unless ``--households`` says otherwise. Limit: 2×.

    python -m bench.bench_startup [--households 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from bench.common import demo_home, report


def spawn(kind: str, home: str, *extra: str) -> dict[str, float]:
    env = {**os.environ, "FIELDAPP_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "BENCH_T0": repr(time.time())}
    env["BENCH_T0"] = repr(time.time())
    out = subprocess.run([sys.executable, "-m", "bench._window_start", kind, *extra], env=env, check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    home = str(demo_home(args.households))
    spawn("app", home)  # warm the OS file cache for both, as a laptop that has run it before would be
    spawn("bare", home)
    app_times, bare_times = [], []
    for _ in range(args.runs):
        app_times.append(spawn("app", home)["seconds"])
        bare_times.append(spawn("bare", home)["seconds"])
    print(f"register: {args.households} households; runs: {args.runs}")
    print(f"app  runs (s): {', '.join(f'{t:.3f}' for t in app_times)}")
    print(f"bare runs (s): {', '.join(f'{t:.3f}' for t in bare_times)}")
    report("cold start to list shown (median)", statistics.median(app_times), statistics.median(bare_times), 2.0)


if __name__ == "__main__":
    main()
