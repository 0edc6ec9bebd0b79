"""Cold start to the login window on screen, against a bare PySide6 QWidget (ratio; target 1.3×).

Both start as fresh processes, alternately, several times; the figure is the median time from spawn
to the window's first frame painted (see :mod:`bench._login_start`). Before it shows, the login loads
only Qt, the settings, the translator, the main font and the account names; the rest of the set-up
follows its first paint, and the register, SQLAlchemy and the main window load on a background
thread while the person types.

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


def spawn(kind: str, home: str) -> tuple[float, float]:
    env = {**os.environ, "FIELDAPP_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "BENCH_T0": repr(time.time())}
    out = subprocess.run([sys.executable, "-m", "bench._login_start", kind], env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return float(found["seconds"]), float(found["exposed"])


def compile_sources() -> None:
    """Byte-compile FieldApp (and this harness) first, as an installed FieldApp is: pip and the frozen build
    ship bytecode, while a checkout run with PYTHONDONTWRITEBYTECODE (as on the build machines) would
    otherwise recompile every module on every start and measure the compiler, not the start."""
    import compileall
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for folder in ("fieldapp", "bench"):
        compileall.compile_dir(root / folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", help="data folder (default: an empty temporary one)")
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-login-") as tmp:
        home = args.home or tmp
        spawn("login", home)  # warm the OS file cache for both
        spawn("bare", home)
        login_times, bare_times = [], []
        for _ in range(args.runs):
            login_times.append(spawn("login", home))
            bare_times.append(spawn("bare", home))
    print(f"runs: {args.runs}")
    print(f"login runs (s): {', '.join(f'{t:.3f}' for t, _e in login_times)}")
    print(f"bare  runs (s): {', '.join(f'{t:.3f}' for t, _e in bare_times)}")
    report("cold start to login window painted (median)", statistics.median(t for t, _e in login_times),
           statistics.median(t for t, _e in bare_times), 1.3)
    report("  the same, to the first processEvents() after which it is exposed",
           statistics.median(e for _t, e in login_times), statistics.median(e for _t, e in bare_times), 1.3)


if __name__ == "__main__":
    main()
