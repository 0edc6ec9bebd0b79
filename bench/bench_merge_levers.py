"""Where a merge's time goes: the shipped merge against variants of it, and the raw LWW upsert, in one run.

``--one-core`` (:mod:`bench.common`) pins the process, and so every run's child process, to CPU 0.
Each variant merges the same sealed package (``--changes`` one-field household updates) into its own copy
of the demo register (``bench/out/home-N-plain``), in a child process of its own, so that its peak RSS is
its own too. The variants take turns, ``--rounds`` times; every figure is a median, and the ratios are
against the raw sqlite3 upsert measured in the same rounds:

- ``merge``: as shipped (page cache 64 MB under a 64 MB soft heap limit, batches of 500);
- ``window's 16 MB heap``: SQLite's soft heap limit as the main window sets it (``WINDOW_SQLITE_HEAP``);
- ``cache 8 MB`` / ``cache 256 MB``: the merge's connections given that page cache (and twice that heap);
- ``batches of 2000``: the body decoded into larger batches;
- ``no household index`` / ``no random indexes``: the merge into a copy without ``ix_change_log_household``
  (and ``ix_change_log_row_hlc``): what cheaper indexes could win at most (their readers need them);
- ``before`` (with ``--before DIR``, a checkout of the code before, with the same two symlinks as a
  worktree): the merge as shipped, by that checkout's code, in the same rounds.

Then, in this process on one copy, rolled back each time: appending the same change-log rows with raw
sqlite3 in arrival order, and sorted by ``row_id`` with their ``seq`` given in arrival order (each batch
walks the index once, in key order), in arrival order without the two random-keyed indexes, and into a table
of change_log's columns with no index at all (the bound of an "inbox" folded into change_log later).

    python -m bench.bench_merge_levers [--households 20000] [--changes 20000] [--rounds 3] [--one-core]
                                       [--only merge] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_crypt import plain_home
from bench.common import ONE_CORE

ROOT = Path(__file__).resolve().parents[1]
RANDOM_INDEXES = ("ix_change_log_household", "ix_change_log_row_hlc")
VARIANTS: dict[str, dict[str, object]] = {
    "merge": {},
    "window's 16 MB heap": {"cache_mb": 64, "heap_mb": 16},
    "cache 8 MB": {"cache_mb": 8},
    "cache 256 MB": {"cache_mb": 256},
    "batches of 2000": {"batch": 2000},
    "no household index": {"drop": RANDOM_INDEXES[:1]},
    "no random indexes": {"drop": RANDOM_INDEXES},
}


def setup(tmp: Path, households: int, changes: int) -> None:
    """The register copy every run starts from (the sender registered) and the sealed package."""
    from bench.bench_sync import _sender_changes, sealed
    from fieldapp.services import identity as identity_mod
    from fieldapp.store.db import Database
    from fieldapp.sync.district import public_identity, register_peer

    base = tmp / "base.sqlite3"
    shutil.copyfile(plain_home(households) / "register.sqlite3", base)
    receiver, sender = identity_mod.create(tmp / "receiver"), identity_mod.create(tmp / "sender")
    db = Database.open(base)
    register_peer(db, public_identity(sender, "sender"))
    db.close()  # checkpointed: the copy holds the registered peer
    found = _sender_changes(base, sender.device_id, changes)
    data, count = sealed(sender, receiver, found)
    upserts = [(ch.fields["phone"], ch.hlc, ch.origin, ch.row_id, ch.hlc) for ch in found]
    (tmp / "package.pickle").write_bytes(pickle.dumps((data, upserts, count)))


def _fresh_copy(tmp: Path, name: str) -> Path:
    path = tmp / name
    shutil.copyfile(tmp / "base.sqlite3", path)
    return path


def child(tmp: Path, variant: str) -> str:
    """One run in this (child) process: 'wall cpu maxrss_kb'."""
    data, upserts, count = pickle.loads((tmp / "package.pickle").read_bytes())
    if variant == "raw":  # the baseline: the same cells, LWW-guarded on a per-field clock, one transaction
        con = sqlite3.connect(_fresh_copy(tmp, "raw.sqlite3"))
        start, cpu = time.perf_counter(), time.process_time()
        con.execute("BEGIN")
        con.executemany(
            "UPDATE household SET phone = ?, field_clocks = json_set(field_clocks, '$.phone', json_array(?, ?)) "
            "WHERE id = ? AND coalesce(json_extract(field_clocks, '$.phone[0]'), row_hlc) < ?", upserts)
        con.execute("COMMIT")
        took = time.perf_counter() - start, time.process_time() - cpu
        con.close()
        return f"{took[0]} {took[1]} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}"
    from sqlalchemy import event

    from fieldapp.domain.hlc import HybridClock
    from fieldapp.services import identity as identity_mod
    from fieldapp.store.db import Database
    from fieldapp.sync import body, service

    spec = VARIANTS[variant]
    path = _fresh_copy(tmp, "merge.sqlite3")
    if spec.get("drop"):
        con = sqlite3.connect(path)
        for name in spec["drop"]:  # type: ignore[attr-defined]
            con.execute(f"DROP INDEX {name}")
        con.commit()
        con.close()
    if spec.get("batch"):
        body.decode.__defaults__ = (int(spec["batch"]),)  # type: ignore[call-overload]
    db = Database.open(path)
    if spec.get("cache_mb"):
        mb = int(spec["cache_mb"])  # type: ignore[call-overload]
        heap = int(spec.get("heap_mb", 2 * mb))  # type: ignore[call-overload]

        def cache(conn: sqlite3.Connection, _record: object) -> None:
            conn.execute(f"PRAGMA cache_size = -{mb * 1024}")
            conn.execute(f"PRAGMA soft_heap_limit = {heap << 20}")
        event.listen(db.engine, "connect", cache)
        db.engine.dispose()  # the pooled connections are made again, with the listener
    receiver = identity_mod.load(tmp / "receiver")
    assert receiver is not None
    rep = service.Replica(db, receiver, None, HybridClock())
    start, cpu = time.perf_counter(), time.process_time()
    result = service.import_package(rep, data)
    took = time.perf_counter() - start, time.process_time() - cpu
    assert result.stats.applied == count and result.stats.bulk == count, result.stats
    db.close()
    return f"{took[0]} {took[1]} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}"


def log_append(tmp: Path, changes: int, rounds: int) -> None:
    """The change-log rows of a merge appended with raw sqlite3, arrival order vs index-key order."""
    con = sqlite3.connect(_fresh_copy(tmp, "append.sqlite3"), isolation_level=None)
    con.execute("PRAGMA cache_size = -65536")  # as the app's connections
    ids = [r[0] for r in con.execute("SELECT id FROM household LIMIT ?", (changes,))]
    cols = "origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, user_name, " \
           "chain_prev, chain_hash"
    rows = [("bench-origin", i + 1, (1 << 50) + i, "household", h, h, "update", f'{{"phone":"139{i:08d}"}}',
             '{"phone":[1,"d"]}', None, "bench", bytes(32), bytes(32)) for i, h in enumerate(ids)]

    def arrival() -> None:
        for s in range(0, len(rows), 500):
            con.executemany(f"INSERT INTO change_log ({cols}) VALUES ({','.join('?' * 13)})", rows[s:s + 500])

    def by_key() -> None:
        top = con.execute("SELECT max(seq) FROM change_log").fetchone()[0]
        for s in range(0, len(rows), 500):
            chunk = sorted(((top + s + j + 1, *r) for j, r in enumerate(rows[s:s + 500])), key=lambda r: r[5])
            con.executemany(f"INSERT INTO change_log (seq, {cols}) VALUES ({','.join('?' * 14)})", chunk)

    def inbox() -> None:  # the same rows into a table with no index at all (an "inbox" folded in later)
        for s in range(0, len(rows), 500):
            con.executemany(f"INSERT INTO bench_inbox ({cols}) VALUES ({','.join('?' * 13)})", rows[s:s + 500])

    found: dict[str, list[tuple[float, float]]] = {}
    for _ in range(rounds):
        for name, fn in (("arrival order", arrival), ("index-key order", by_key),
                         ("arrival order, no random-keyed indexes", arrival), ("an unindexed inbox table", inbox)):
            con.execute("BEGIN IMMEDIATE")
            if "no random" in name:  # dropped inside the transaction: the rollback brings them back
                for index in RANDOM_INDEXES:
                    con.execute(f"DROP INDEX {index}")
            if "inbox" in name:  # made inside the transaction, as change_log's columns; the rollback removes it
                con.execute("CREATE TABLE bench_inbox AS SELECT * FROM change_log WHERE 0")
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            found.setdefault(name, []).append((time.perf_counter() - start, time.process_time() - cpu))
            con.execute("ROLLBACK")
    con.close()
    for name, runs in found.items():
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"change-log append, {changes} rows in batches of 500, {name}: {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"({cpu / changes * 1e6:.1f} µs a row)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--changes", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append", choices=list(VARIANTS), help="run only these variants")
    parser.add_argument("--before", type=Path, help="a checkout of the code before: its merge runs as 'before'")
    parser.add_argument("--no-append", action="store_true", help="skip the change-log append part")
    parser.add_argument("--append-only", action="store_true", help="only the change-log append part")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(child(Path(args.dir), args.child), flush=True)
        return 0
    only = args.only
    where = "one core" if ONE_CORE else f"{len(os.sched_getaffinity(0))} cores"  # children inherit the pinning
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        setup(tmp, args.households, args.changes)
        runs: dict[str, list[tuple[float, float, int]]] = {}
        for _ in range(0 if args.append_only else args.rounds):
            for variant in ("raw", *(["before"] if args.before else []), *(only or VARIANTS)):
                code = args.before.resolve() if variant == "before" else ROOT
                env = {**os.environ, "PYTHONPATH": f"{code}:{code / '.respath'}"}
                out = subprocess.run([sys.executable, "-m", "bench.bench_merge_levers", "--child",
                                      "merge" if variant == "before" else variant, "--dir", str(tmp)],
                                     cwd=code, env=env, check=True, capture_output=True, text=True).stdout.split()
                runs.setdefault(variant, []).append((float(out[0]), float(out[1]), int(out[2])))
        if args.append_only:
            log_append(tmp, args.changes, args.rounds)
            return 0
        med = {v: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
                   statistics.median(r[2] for r in rs)) for v, rs in runs.items()}
        raw_wall, raw_cpu, _ = med["raw"]
        print(f"merge levers, {args.changes} one-field changes, {args.households} households, {where}, "
              f"medians of {args.rounds} interleaved rounds", flush=True)
        for variant, (wall, cpu, rss) in med.items():
            print(f"{variant:20s} {wall:6.2f} s wall {cpu:6.2f} s CPU  peak RSS {rss / 1024:5.0f} MB  "
                  f"speed vs raw {raw_wall / wall:.2f}× (CPU {raw_cpu / cpu:.2f}×)", flush=True)
        if not args.no_append:
            log_append(tmp, args.changes, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
