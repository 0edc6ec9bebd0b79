"""What encryption at rest costs: the same work on a plain and on an SQLCipher register.

Six kinds of figure, each as the ratio encrypted / plain (target ≤ 1.3×), measured turn about so a busy
machine slows both alike; each is the median of the runs, on the clock and in the process's CPU time (other
jobs on a shared machine stretch the clock more than the CPU time):
- one-field save (the record loaded, one field edited, ``register.save_record``: the editor's round);
- a search keystroke (the household list model's query, name / pinyin / ID prefixes);
- a household's history page (the change-log rows alone, and in words as the 变更记录 tab shows them) and
  its visits page (the 走访 tab); a cadre's workbench (its lists, 50 rows each);
- door cards for N households (``render_cards``: reads the register, draws the PDF).

The encrypted register is the cached demo (``bench/out/home-N``: the demo makes its accounts, and its
first login encrypts the register), opened with the vault key a login as the demo's team leader
unwraps; the plain one is its ``db export-plain`` copy (``bench/out/home-N-plain``), so both hold the
same rows. Default sizes are small (a quick check); ``--full`` runs the issue's sizes
(100,000 households, 1,000 cards), which takes a long time and a quiet machine.

A keystroke takes a fraction of a millisecond, so each is run ``--repeat`` × 11 times (pages × 11, saves × 3,
cards × 1).

``--before DIR`` runs the same measurements with the code of another checkout (its ``fieldapp`` and resources
imported ahead of this one's, in a child process) and with this checkout's, turn about ``--rounds`` times, on
the same two registers, and prints both side by side (the figures of each version: its range over the rounds).

    python -m bench.bench_crypt [--full] [--households N] [--cards N] [--repeat N] [--before DIR [--rounds N]]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import ONE_CORE, OUT, demo_home, report
from fieldapp import paths
from fieldapp.services import identity as identity_mod
from fieldapp.services import register
from fieldapp.services.context import AppContext, open_context
from fieldapp.store import crypt

LIMIT = 1.3
ROOT = Path(__file__).resolve().parent.parent  # this checkout
SMALL = {"households": 300, "cards": 50, "repeat": 5}
FULL = {"households": 100_000, "cards": 1000, "repeat": 7}


def vault_key(home: Path) -> bytes:
    """The demo laptop's vault key, through a login as the demo's team leader (as the app opens it)."""
    from fieldapp.services.people.auth import login
    from fieldapp.services.people.demo import DEMO_PASSWORD
    from fieldapp.services.people.keystore import names

    return login(paths.DataPaths(home=home), names(home)[0], DEMO_PASSWORD).vault_key


def plain_home(households: int) -> Path:
    """A plain copy of the demo's encrypted register (``db export-plain``), with a plain device identity of
    its own (built once): the same rows, no encryption."""
    encrypted = demo_home(households)
    home = OUT / f"home-{households}-plain"
    marker = home / ".complete"
    if not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        shutil.copyfile(encrypted / "settings.json", home / "settings.json")
        start = time.perf_counter()
        ctx = open_context(paths.DataPaths(home=encrypted), key=vault_key(encrypted))
        try:
            crypt.export_plain(ctx.db, home / "register.sqlite3")
        finally:
            ctx.close()
        identity_mod.create(home / "device")  # plain keys: the plain context needs no vault key
        print(f"exported a plain copy of the {households}-household register in {time.perf_counter() - start:.1f} s",
              flush=True)
        marker.touch()
    return home


def turn_about(fns: list[Callable[[], object]], repeat: int) -> list[tuple[float, float]]:
    """(median clock time, median CPU time) of each function, run ``repeat`` times turn about."""
    clock: list[list[float]] = [[] for _ in fns]
    cpu: list[list[float]] = [[] for _ in fns]
    for fn in fns:
        fn()  # warm-up
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            cpu[i].append(time.process_time() - start_cpu)
            clock[i].append(time.perf_counter() - start)
    return [(statistics.median(c), statistics.median(p)) for c, p in zip(clock, cpu, strict=True)]


def compare(name: str, fns: list[Callable[[], object]], repeat: int, results: list[dict[str, Any]]) -> bool:
    """Encrypted (``fns[0]``) against plain (``fns[1]``): the clock's ratio decides, the CPU time's is printed."""
    (ours, ours_cpu), (base, base_cpu) = turn_about(fns, repeat)
    ok = report(name, ours, base, LIMIT)
    print(f"    CPU time: {ours_cpu * 1000:.3f} / {base_cpu * 1000:.3f} ms, ratio {ours_cpu / base_cpu:.2f}; "
          f"encryption adds {(ours - base) * 1e6:+.0f} µs", flush=True)
    results.append({"name": name, "ours": ours, "base": base, "ours_cpu": ours_cpu, "base_cpu": base_cpu})
    return ok


def saver(ctx: AppContext) -> Callable[[], None]:
    with ctx.db.read() as conn:  # the same demo household in both registers
        hid = conn.exec_driver_sql("SELECT id FROM household WHERE deleted = 0 ORDER BY id LIMIT 1").scalar_one()
    flip = [0]

    def save_one_field() -> None:  # the editor's round: the record read, one field changed, saved
        original = register.load_record(ctx.db, hid)
        edited = copy.deepcopy(original)
        flip[0] += 1
        edited.household["address"] = f"桃园村{flip[0]}号"
        register.save_record(ctx.writer, ctx.ref, edited, original)

    return save_one_field


def pages_of(ctx: AppContext, household_id: str, cadre_id: str) -> list[Callable[[], object]]:
    """A household's first page of history as the editor's 变更记录 tab reads it (the change-log page put in
    words), the change-log page alone, its first page of visits (the 走访 tab), and a cadre's workbench."""
    from fieldapp.services import browse, demo, history, workbench
    from fieldapp.store import queries

    def history_tab() -> object:
        return history.read_household_history(ctx.db, ctx.ref, household_id, limit=200)

    def history_page() -> object:
        with ctx.db.read() as conn:
            return queries.history_page(conn, household_id, limit=200)

    def visits_page() -> object:
        return browse.visits_of_household(ctx.db, household_id, after=None, limit=50)

    def workbench_lists() -> object:
        return workbench.load_workbench(ctx, today=demo.reference_date(), limit=50, cadre_id=cadre_id)

    return [history_tab, history_page, visits_page, workbench_lists]


def measure(size: dict[str, int]) -> tuple[bool, list[dict[str, Any]]]:
    """Every figure on the cached registers of ``size``: (all within the limit, the figures)."""
    plain_dir, enc_home = plain_home(size["households"]), demo_home(size["households"])

    from PySide6.QtWidgets import QApplication

    from fieldapp.gui.household_model import HouseholdTableModel
    from fieldapp.services.printing.cards import household_ids, render_cards
    from fieldapp.store.queries import HouseholdQuery

    app = QApplication.instance() or QApplication([])
    plain = open_context(paths.DataPaths(home=plain_dir))
    enc = open_context(paths.DataPaths(home=enc_home), key=vault_key(enc_home))
    results: list[dict[str, Any]] = []
    ok = True
    try:
        load = os.getloadavg()
        print(f"register: {size['households']} households; plain vs SQLCipher (medians of {size['repeat']} × 11, "
              f"× 3, × 1 runs); load average {load[0]:.1f}")
        ok &= compare("one-field save, encrypted vs plain", [saver(enc), saver(plain)], size["repeat"] * 3, results)

        models = [HouseholdTableModel(c, page_size=200) for c in (enc, plain)]
        with plain.db.read() as conn:
            name = conn.exec_driver_sql("SELECT head_name FROM household_list LIMIT 1 OFFSET 7").scalar_one()
            initials = conn.exec_driver_sql("SELECT head_initials FROM household_list LIMIT 1 OFFSET 7").scalar_one()
            id_no = conn.exec_driver_sql("SELECT id_no FROM member WHERE id_no IS NOT NULL LIMIT 1 OFFSET 9"
                                         ).scalar_one()
            # the household with the most visits (the same ids in both registers)
            busy = conn.exec_driver_sql("SELECT household_id FROM visit WHERE deleted = 0 AND household_id IS NOT "
                                        "NULL GROUP BY household_id ORDER BY count(*) DESC, household_id LIMIT 1"
                                        ).scalar_one()
            cadre = conn.exec_driver_sql("SELECT cadre_id FROM visit_cadre WHERE deleted = 0 GROUP BY cadre_id "
                                         "ORDER BY count(*) DESC, cadre_id LIMIT 1").scalar_one()
        for text in (name[:1], name, initials[:1], initials, id_no[:6], id_no[:10], id_no):
            ok &= compare(f"search keystroke {text!r:22}",
                          [lambda m=m, t=text: m.setQuery(HouseholdQuery(text=t)) for m in models], size["repeat"] * 11,
                          results)

        pages = [pages_of(c, busy, cadre) for c in (enc, plain)]
        for i, name in enumerate(("history tab, 200 changes in words", "history page, 200 change-log rows",
                                  "visits page, 50 visits", "workbench, a cadre's lists")):
            ok &= compare(name, [pages[0][i], pages[1][i]], size["repeat"] * 11, results)

        with tempfile.TemporaryDirectory() as tmp:
            ids = [household_ids(c)[: size["cards"]] for c in (enc, plain)]
            ok &= compare(f"{len(ids[0])} door cards, encrypted vs plain",
                          [lambda: render_cards(enc, ids[0], Path(tmp) / "enc.pdf"),
                           lambda: render_cards(plain, ids[1], Path(tmp) / "plain.pdf")], size["repeat"], results)
    finally:
        enc.close()
        plain.close()
        del app
    return ok, results


def _range(values: list[float], fmt: str) -> str:
    lo, hi = min(values), max(values)
    return format(lo, fmt) if format(lo, fmt) == format(hi, fmt) else f"{lo:{fmt}}–{hi:{fmt}}"


def _side_by_side(runs: dict[str, list[list[dict[str, Any]]]]) -> None:
    """One line per figure: each version's clock ratio, CPU ratio and µs added, as ranges over its rounds."""
    print("\n| figure | " + " | ".join(f"{v}: clock (CPU) ratio, µs added" for v in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for i, first in enumerate(next(iter(runs.values()))[0]):
        cells = []
        for rounds in runs.values():
            figures = [r[i] for r in rounds]
            clock = [f["ours"] / f["base"] for f in figures]
            cpu = [f["ours_cpu"] / f["base_cpu"] for f in figures]
            added = [(f["ours"] - f["base"]) * 1e6 for f in figures]
            cells.append(f"{_range(clock, '.2f')} ({_range(cpu, '.2f')}), {_range(added, '+.0f')} µs")
        print(f"| {first['name'].strip()} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slow; a quiet machine only)")
    parser.add_argument("--households", type=int)
    parser.add_argument("--cards", type=int)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--before", type=Path, metavar="DIR", help="a checkout of the earlier code, run turn about")
    parser.add_argument("--rounds", type=int, default=2, help="with --before: rounds of before, after (default 2)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = {**(FULL if args.full else SMALL), **{k: v for k, v in vars(args).items() if k in SMALL and v}}
    if args.before is None:
        ok, results = measure(size)
        if args.child:
            import fieldapp

            print(json.dumps({"code": str(Path(fieldapp.__file__).resolve().parent.parent), "results": results}))
            return
        print(f"all within {LIMIT}x: {'YES' if ok else 'NO'}")
        return
    plain_home(size["households"])  # built once, before any round
    before = args.before.resolve()
    runs: dict[str, list[list[dict[str, Any]]]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as earlier:
        # the earlier checkout's fieldapp and resources alone, ahead of this checkout on the child's path
        (Path(earlier) / "fieldapp").symlink_to(before / "fieldapp")
        (Path(earlier) / "fieldapp_resources").symlink_to(before / "resources")
        for n in range(args.rounds):
            for label, path in (("before", earlier), ("after", None)):
                print(f"--- round {n + 1}, {label}", flush=True)
                env = dict(os.environ)
                if path is not None:  # run in that folder: `python -m` puts the working folder first on the path
                    env["PYTHONPATH"] = os.pathsep.join(filter(None, [path, str(ROOT), env.get("PYTHONPATH")]))
                command = [sys.executable, "-m", "bench.bench_crypt", "--child",
                           *(["--one-core"] if ONE_CORE else []), *(f"--{k}={v}" for k, v in size.items())]
                out = subprocess.run(command, env=env, cwd=path or ROOT, check=True, capture_output=True,
                                     text=True).stdout
                *lines, last = out.rstrip("\n").split("\n")
                print("\n".join(lines), flush=True)
                done = json.loads(last)
                if (Path(done["code"]) == before) != (path is not None):
                    raise SystemExit(f"the {label} round ran the code in {done['code']}")
                runs[label].append(done["results"])
    _side_by_side(runs)


if __name__ == "__main__":
    main()
