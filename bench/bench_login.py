"""Cold start to the login window on screen, against a bare PySide6 QWidget (ratio; target 1.3×).

Both start as fresh processes, alternately, several times; the figure is the median time from spawn
to "window exposed". The login loads only Qt, the settings and the account names before it shows;
the register, SQLAlchemy and the main window load on a background thread while the person types.

    python -m bench.bench_login [--runs 7]
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

from bench.common import report


def spawn(kind: str, home: str) -> float:
    env = {**os.environ, "FIELDAPP_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "BENCH_T0": repr(time.time())}
    out = subprocess.run([sys.executable, "-m", "bench._login_start", kind], env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout
    return float(json.loads(out.strip().splitlines()[-1])["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", help="data folder (default: an empty temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-login-") as tmp:
        home = args.home or tmp
        spawn("login", home)  # warm the OS file cache for both
        spawn("bare", home)
        login_times, bare_times = [], []
        for _ in range(args.runs):
            login_times.append(spawn("login", home))
            bare_times.append(spawn("bare", home))
    print(f"runs: {args.runs}")
    print(f"login runs (s): {', '.join(f'{t:.3f}' for t in login_times)}")
    print(f"bare  runs (s): {', '.join(f'{t:.3f}' for t in bare_times)}")
    report("cold start to login window shown (median)", statistics.median(login_times),
           statistics.median(bare_times), 1.3)


if __name__ == "__main__":
    main()
