"""The login's start-up figures: the same run as :mod:`bench.bench_startup` (both targets at once).

The first window (the login painted, against a bare QWidget; target 1.3×) and from the login to the household
list (against a bare window's start; target 2×). ``--home DIR`` measures another data folder with accounts
(e.g. a 30-household demo); see :mod:`bench.bench_startup` for the options.

    python -m bench.bench_login [--runs 7] [--home DIR] [--before DIR] [--one-core]
"""

from __future__ import annotations

from bench.bench_startup import main

if __name__ == "__main__":
    main()
