"""What encryption at rest costs: the same work on a plain and on an SQLCipher register.

Three figures, each as the ratio encrypted / plain (target ≤ 1.3×), measured turn about so a busy
machine slows both alike; each is the median of the runs, on the clock and in the process's CPU time (other
jobs on a shared machine stretch the clock more than the CPU time):
- one-field save (the record loaded, one field edited, ``register.save_record``: the editor's round);
- a search keystroke (the household list model's query, name / pinyin / ID prefixes);
- door cards for N households (``render_cards``: reads the register, draws the PDF).

The encrypted register is the cached demo (``bench/out/home-N``: the demo makes its accounts, and its
first login encrypts the register), opened with the vault key a login as the demo's team leader
unwraps; the plain one is its ``db export-plain`` copy (``bench/out/home-N-plain``), so both hold the
same rows. Default sizes are small (a quick check); ``--full`` runs the issue's sizes
(100,000 households, 1,000 cards), which takes a long time and a quiet machine.

A keystroke takes a fraction of a millisecond, so each is run ``--repeat`` × 11 times (saves × 3, cards × 1).

    python -m bench.bench_crypt [--full] [--households N] [--cards N] [--repeat N]
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import OUT, demo_home, report
from fieldapp import paths
from fieldapp.services import identity as identity_mod
from fieldapp.services import register
from fieldapp.services.context import AppContext, open_context
from fieldapp.store import crypt

LIMIT = 1.3
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


def compare(name: str, fns: list[Callable[[], object]], repeat: int) -> bool:
    """Encrypted (``fns[0]``) against plain (``fns[1]``): the clock's ratio decides, the CPU time's is printed."""
    (ours, ours_cpu), (base, base_cpu) = turn_about(fns, repeat)
    ok = report(name, ours, base, LIMIT)
    print(f"    CPU time: {ours_cpu * 1000:.3f} / {base_cpu * 1000:.3f} ms, ratio {ours_cpu / base_cpu:.2f}; "
          f"encryption adds {(ours - base) * 1e6:+.0f} µs", flush=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slow; a quiet machine only)")
    parser.add_argument("--households", type=int)
    parser.add_argument("--cards", type=int)
    parser.add_argument("--repeat", type=int)
    args = parser.parse_args()
    size = {**(FULL if args.full else SMALL), **{k: v for k, v in vars(args).items() if k in SMALL and v}}
    plain_dir, enc_home = plain_home(size["households"]), demo_home(size["households"])

    from PySide6.QtWidgets import QApplication

    from fieldapp.gui.household_model import HouseholdTableModel
    from fieldapp.services.printing.cards import household_ids, render_cards
    from fieldapp.store.queries import HouseholdQuery

    app = QApplication([])
    plain = open_context(paths.DataPaths(home=plain_dir))
    enc = open_context(paths.DataPaths(home=enc_home), key=vault_key(enc_home))
    ok = True
    try:
        load = os.getloadavg()
        print(f"register: {size['households']} households; plain vs SQLCipher (medians of {size['repeat']} × 11, "
              f"× 3, × 1 runs); load average {load[0]:.1f}")
        ok &= compare("one-field save, encrypted vs plain", [saver(enc), saver(plain)], size["repeat"] * 3)

        models = [HouseholdTableModel(c, page_size=200) for c in (enc, plain)]
        with plain.db.read() as conn:
            name = conn.exec_driver_sql("SELECT head_name FROM household_list LIMIT 1 OFFSET 7").scalar_one()
            initials = conn.exec_driver_sql("SELECT head_initials FROM household_list LIMIT 1 OFFSET 7").scalar_one()
            id_no = conn.exec_driver_sql("SELECT id_no FROM member WHERE id_no IS NOT NULL LIMIT 1 OFFSET 9"
                                         ).scalar_one()
        for text in (name[:1], name, initials[:1], initials, id_no[:6], id_no[:10], id_no):
            ok &= compare(f"search keystroke {text!r:22}",
                          [lambda m=m, t=text: m.setQuery(HouseholdQuery(text=t)) for m in models], size["repeat"] * 11)

        with tempfile.TemporaryDirectory() as tmp:
            ids = [household_ids(c)[: size["cards"]] for c in (enc, plain)]
            ok &= compare(f"{len(ids[0])} door cards, encrypted vs plain",
                          [lambda: render_cards(enc, ids[0], Path(tmp) / "enc.pdf"),
                           lambda: render_cards(plain, ids[1], Path(tmp) / "plain.pdf")], size["repeat"])
    finally:
        enc.close()
        plain.close()
        del app
    print(f"all within {LIMIT}x: {'YES' if ok else 'NO'}")


if __name__ == "__main__":
    main()
