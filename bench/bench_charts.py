"""挂图作战: an A1 poster of the whole register (reading it, the four charts' figures, drawing, writing the PDF)
against a bare baseline that only reads the same rows with plain SQL and counts them (the demo register
is encrypted, so both go through the same SQLCipher connection, opened with a login's vault key).

A wall chart is printed weekly, so making one should take seconds: the figure printed is the poster's
time in seconds and its ratio to reading the rows it is made from. No asserts: figures only.

    python -m bench.bench_charts [--households 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from bench.common import best_and_median, demo_home, report
from fieldapp import paths
from fieldapp.domain import charts as ch
from fieldapp.services.charts import figures, posters
from fieldapp.services.context import AppContext, open_context

LIMIT_RATIO = 20.0  # drawing four posters is more than counting; the point is seconds, not milliseconds


def bare(ctx: AppContext) -> None:
    """The baseline: the rows the charts read, counted by village and type in Python."""
    with ctx.db.read() as conn:
        sql = conn.exec_driver_sql
        Counter((r[0], r[1]) for r in sql("SELECT village_id, attribute FROM household WHERE NOT deleted"))
        Counter(r[0] for r in sql("SELECT type FROM measure WHERE NOT deleted"))
        list(sql("SELECT workflow_id, decided_at FROM workflow_step WHERE NOT deleted"))


def vault_key(home: Path) -> bytes:
    """The demo laptop's vault key, through a login as the demo's team leader (as the app opens it)."""
    from fieldapp.services.people.auth import login
    from fieldapp.services.people.demo import DEMO_PASSWORD
    from fieldapp.services.people.keystore import names

    return login(paths.DataPaths(home=home), names(home)[0], DEMO_PASSWORD).vault_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    home = demo_home(args.households)
    ctx = open_context(paths.DataPaths(home=home), key=vault_key(home))
    district = next(s for s in figures.scopes(ctx.db) if s.level == ch.DISTRICT)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "wall.pdf"

        def ours() -> None:
            posters.write_poster(figures.all_charts(ctx.db, ctx.ref, district.area_id), ctx.ref, out, size="A1")

        best, median = best_and_median(ours, repeat=args.repeat)
        base, _ = best_and_median(lambda: bare(ctx), repeat=args.repeat)
        print(f"A1 poster of {args.households} households: best {best:.2f}s, median {median:.2f}s, "
              f"{out.stat().st_size // 1024} KB")
    report("A1 poster vs reading its rows", best, base, LIMIT_RATIO)
    ctx.close()


if __name__ == "__main__":
    main()
