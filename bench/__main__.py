"""Run benchmark modules one after the other: ``python -m bench [--one-core] all | NAME…``.

NAME is a module of this package (``bench_search`` or ``search``); ``all`` is every
``bench_*`` module with its default arguments (slow: the large registers are built once).
With ``--one-core`` this process is pinned to CPU 0 and every module it starts inherits that.

    python -m bench --one-core all
    python -m bench --one-core search rss crypt
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.common import ONE_CORE


def modules(names: list[str]) -> list[str]:
    every = sorted(p.stem for p in Path(__file__).resolve().parent.glob("bench_*.py"))
    if names == ["all"]:
        return every
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in names]
    unknown = [n for n in wanted if n not in every]
    if unknown:
        raise SystemExit(f"unknown bench module(s): {', '.join(unknown)}; one of: all, {', '.join(every)}")
    return wanted


def main() -> None:
    names = sys.argv[1:]
    if not names or names[0] in ("-h", "--help"):
        raise SystemExit(__doc__)
    failed = []
    for name in modules(names):
        print(f"== {name}{' (one core)' if ONE_CORE else ''}", flush=True)
        if subprocess.run([sys.executable, "-m", f"bench.{name}"], check=False).returncode != 0:
            failed.append(name)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
