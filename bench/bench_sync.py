"""Sync benchmarks (issue 5), ratios against raw sqlite3 on the same machine, in one run.

- merge: 100,000 single-field changes (a real sealed package) into the 100,000-household register,
  vs a hand-written sqlite3 LWW-guarded upsert of the same cells (limit: ours ≥ 0.5× its speed), and
  the same package merged change by change (``bulk=False``, the merge before plain updates went to SQL);
- build: a package of 10 changed households in a 1,000 vs a 100,000-household register (≈ equal);
- no-op: a package when the peer lacks nothing, 1,000 vs 100,000 households (O(1));
- size: bytes per single-field change after compression (limit 40);
- capture: a one-field local write through the writer vs the same UPDATE without change capture
  (limit 1.5×);
- memory: tracemalloc peak while merging the 100,000-change package (limit 10× the package size);
- soak: ``--soak N`` runs the convergence property test with N examples (``--only soak --soak N``: that alone).

    python -m bench.bench_sync [--changes 100000] [--households 100000] [--only merge|build|capture|soak]
                               [--soak 0] [--one-core]

``--one-core`` runs it all again in a process pinned to CPU 0 (``taskset -c 0``). The registers are the
plain copies of the demo's (``bench/out/home-N-plain``, see :mod:`bench.bench_crypt`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.bench_crypt import plain_home
from bench.common import add_one_core_flag, best_and_median, one_core_prefix, report
from fieldapp.domain.hlc import HybridClock
from fieldapp.services import identity as identity_mod
from fieldapp.store import guard
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import Household
from fieldapp.store.writer import Actor, ChangeWriter, WriteTxn
from fieldapp.sync import body, package, service, state
from fieldapp.sync.district import public_identity, register_peer

ROOT = Path(__file__).resolve().parents[1]


def _copy(households: int, tmp: Path, name: str) -> Path:
    """A copy of the demo register, plain (its ``db export-plain`` copy): the raw sqlite3 baselines read the
    same file, and the figures are the merge's and the writer's own work (encryption has its bench)."""
    folder = tmp / name
    folder.mkdir()
    shutil.copyfile(plain_home(households) / "register.sqlite3", folder / "register.sqlite3")
    return folder / "register.sqlite3"


def _sender_changes(db_path: Path, sender: str, n: int) -> list[body.Change]:
    con = sqlite3.connect(db_path)
    rows = con.execute("SELECT id, row_hlc, row_device, field_clocks FROM household LIMIT ?", (n,)).fetchall()
    con.close()
    base = (int(time.time() * 1000) << 16)
    out = []
    for i, (hid, row_hlc, row_device, clocks) in enumerate(rows):
        prev = [row_hlc, row_device] if '"phone"' not in clocks else _clock(clocks)
        out.append(body.Change(sender, i + 1, base + i, "household", hid, hid, "update",
                               {"phone": f"139{i:08d}"}, {"phone": prev}, None, "bench"))
    return out


def sealed(sender: Any, receiver: Any, changes: list[body.Change]) -> tuple[bytes, int]:
    """The changes as one package from ``sender`` to ``receiver`` (a first sync: no base), and their count."""
    raw, count = body.encode(changes)
    header = package.new_header(schema=SCHEMA_VERSION, base={}, top={sender.device_id: count},
                                held={sender.device_id: count}, scope=None, counts={"changes": count})
    return package.seal(sender, package.PeerKeys(receiver.device_id, receiver.public_signing(),
                                                 receiver.public_agreement()), header, raw), count


def _clock(clocks: str) -> list[object]:
    return list(json.loads(clocks)["phone"])


def _peak(path: Path, receiver: Any, data: bytes, bulk: bool) -> int:
    """tracemalloc's peak while merging ``data`` into the register at ``path``."""
    db = Database.open(path)
    rep = service.Replica(db, receiver, None, HybridClock())
    tracemalloc.start()
    service.import_package(rep, data, bulk=bulk)
    _cur, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    db.close()
    return top


def bench_merge(tmp: Path, n: int, households: int = 100_000) -> tuple[bool, int]:
    target = _copy(households, tmp, "merge")
    baseline_path = tmp / "baseline.sqlite3"
    shutil.copyfile(target, baseline_path)
    receiver = identity_mod.create(tmp / "recv-device")
    sender = identity_mod.create(tmp / "send-device")
    db = Database.open(target)
    register_peer(db, public_identity(sender, "sender"))
    changes = _sender_changes(target, sender.device_id, n)
    data, count = sealed(sender, receiver, changes)
    per_change = len(data) / count
    print(f"size: {len(data)} bytes for {count} single-field changes = {per_change:.1f} bytes/change "
          f"(limit 40) {'OK' if per_change <= 40 else 'OVER'}", flush=True)
    db.close()  # checkpointed: the copy holds the registered peer
    memory_copy, careful_copy = tmp / "memory.sqlite3", tmp / "careful.sqlite3"
    shutil.copyfile(target, memory_copy)
    shutil.copyfile(target, careful_copy)

    def merge(path: Path, bulk: bool) -> tuple[float, float]:
        db = Database.open(path)
        rep = service.Replica(db, receiver, None, HybridClock())
        start, cpu = time.perf_counter(), time.process_time()
        result = service.import_package(rep, data, bulk=bulk)
        took = time.perf_counter() - start, time.process_time() - cpu
        assert result.stats.applied == count, result.summary()
        assert result.stats.bulk == (count if bulk else 0), result.stats
        db.close()
        return took

    # Peak memory on another copy (tracemalloc slows Python down, so not in the timed runs); first, so that
    # the timed runs find the reference data, caches and the package's pages as warm as each other.
    careful_memory = tmp / "careful-memory.sqlite3"
    shutil.copyfile(memory_copy, careful_memory)
    peak, peak_before = _peak(memory_copy, receiver, data, True), _peak(careful_memory, receiver, data, False)
    ours, ours_cpu = merge(target, bulk=True)
    # Before: the same package, every change decided one by one in Python (``bulk=False``: the merge as it was).
    before, before_cpu = merge(careful_copy, bulk=False)
    # The baseline: the same cells, LWW-guarded on a per-field clock, raw sqlite3, one transaction.
    con = sqlite3.connect(baseline_path)
    params = [(ch.fields["phone"], ch.hlc, ch.origin, ch.row_id, ch.hlc) for ch in changes]
    start, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN")
    con.executemany(
        "UPDATE household SET phone = ?, field_clocks = json_set(field_clocks, '$.phone', json_array(?, ?)) "
        "WHERE id = ? AND coalesce(json_extract(field_clocks, '$.phone[0]'), row_hlc) < ?", params)
    con.execute("COMMIT")
    baseline, baseline_cpu = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    print(f"merge: {count} changes in {ours:.2f} s ({count / ours:,.0f}/s); "
          f"raw sqlite3 LWW upsert {baseline:.2f} s; our speed = {baseline / ours:.2f}× the baseline "
          f"(limit ≥ 0.5) {'OK' if baseline / ours >= 0.5 else 'UNDER'}", flush=True)
    print(f"merge before (every change one by one, bulk=False): {before:.2f} s = {baseline / before:.2f}× the "
          f"baseline; the bulk path takes {ours / before:.2f}× its time", flush=True)
    print(f"merge on CPU time (this process, all threads): ours {ours_cpu:.2f} s, before {before_cpu:.2f} s, "
          f"raw {baseline_cpu:.2f} s: ours {baseline_cpu / ours_cpu:.2f}×, before {baseline_cpu / before_cpu:.2f}× "
          "the baseline", flush=True)
    print(f"memory before (bulk=False): peak {peak_before / 1e6:.1f} MB = {peak_before / len(data):.1f}×", flush=True)
    print(f"memory: peak {peak / 1e6:.1f} MB while merging a {len(data) / 1e6:.2f} MB package = "
          f"{peak / len(data):.1f}× (limit 10×) {'OK' if peak <= 10 * len(data) else 'OVER'}", flush=True)
    return baseline / ours >= 0.5 and per_change <= 40 and peak <= 10 * len(data), count


def _build_setup(tmp: Path, households: int) -> tuple[service.Replica, str, ChangeWriter]:
    path = _copy(households, tmp, f"build-{households}")
    db = Database.open(path)
    me = identity_mod.create(tmp / f"dev-{households}")
    peer = identity_mod.create(tmp / f"peer-{households}")
    register_peer(db, public_identity(peer, "peer"))
    writer = ChangeWriter(db, Actor(me.device_id))
    rep = service.Replica(db, me, None, writer.clock)
    # The peer already holds everything so far (as if it had synced).
    with db.transaction() as conn:
        held = state.holdings(conn, me.device_id) | {d: s for d, s in state.holdings(conn, "-").items()}
        state.note_received(conn, peer.device_id, held)
    return rep, peer.device_id, writer


def bench_build(tmp: Path) -> bool:
    setups = {n: _build_setup(tmp, n) for n in (1_000, 100_000)}
    noop = {}
    for n, (rep, peer, _w) in setups.items():
        noop[n] = best_and_median(lambda rep=rep, peer=peer: service.build_package(rep, peer), repeat=9)[1]
    ok = report("no-op package, 100k vs 1k register", noop[100_000], noop[1_000], 3.0)
    built = {}
    for n, (rep, peer, writer) in setups.items():
        with rep.db.read() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM household LIMIT 10")]
        with writer.transaction() as txn:
            for i, hid in enumerate(ids):
                txn.update(Household, hid, {"phone": f"1370000{i:04d}", "note": "bench"})
        built[n] = best_and_median(lambda rep=rep, peer=peer: service.build_package(rep, peer), repeat=9)[1]
    ok &= report("package of 10 changed households, 100k vs 1k register", built[100_000], built[1_000], 1.5)
    for rep, _p, _w in setups.values():
        rep.db.close()
    return ok


class _NoCapture(WriteTxn):
    """The writer's own write without change capture: no change_log row, no sequence number."""

    def _log(self, table: Any, row_id: str, household_id: str | None, op: str, *,
             fields: dict[str, Any], prev: dict[str, Any], hlc: int) -> None:
        if household_id is not None:
            self.touched_households.add(household_id)


def bench_capture(tmp: Path, households: int = 100_000) -> bool:
    path = _copy(households, tmp, "capture")
    db = Database.open(path)
    writer = ChangeWriter(db, Actor("bench-device"))
    with db.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM household LIMIT 400")]
    table = Household.__table__
    counter = iter(range(10**9))

    def captured() -> None:
        with writer.transaction() as txn:
            txn.update(Household, ids[next(counter) % len(ids)], {"phone": f"1{next(counter):010d}"})

    def uncaptured() -> None:
        with db.transaction() as conn, guard.write_path():
            txn = _NoCapture(conn, writer.actor, writer.clock)
            txn.update(Household, ids[next(counter) % len(ids)], {"phone": f"1{next(counter):010d}"})
            txn.finish()

    def raw_update() -> None:
        hid = ids[next(counter) % len(ids)]
        with db.transaction() as conn, guard.write_path():
            conn.execute(table.update().where(table.c.id == hid).values(phone=f"1{next(counter):010d}"))

    ours = best_and_median(captured, repeat=300)[1]
    base = best_and_median(uncaptured, repeat=300)[1]
    raw = best_and_median(raw_update, repeat=300)[1]
    db.close()
    print(f"(for scale: a bare one-column UPDATE transaction takes {raw * 1000:.2f} ms)", flush=True)
    return report("one-field write through the writer, with vs without change capture", ours, base, 1.5)


def soak(examples: int) -> bool:
    env = {**os.environ, "FIELDAPP_SYNC_EXAMPLES": str(examples), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/sync/test_convergence.py"], cwd=ROOT, env=env, check=False)
    print(f"soak: {examples} examples in {time.perf_counter() - start:.0f} s: "
          f"{'OK' if done.returncode == 0 else 'FAILED'}", flush=True)
    return done.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--households", type=int, default=100_000, help="register size for merge and capture")
    parser.add_argument("--only", choices=("merge", "build", "capture", "soak"), action="append",
                        help="run only these parts (repeatable; default: all but the soak)")
    parser.add_argument("--soak", type=int, default=0, help="examples for the convergence soak (0: skip)")
    add_one_core_flag(parser)
    args = parser.parse_args()
    parts = set(args.only or ("merge", "build", "capture"))
    if "soak" in parts and not args.soak:
        parser.error("--only soak needs --soak N (the number of examples)")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if "merge" in parts:
            ok &= bench_merge(Path(tmp), args.changes, args.households)[0]
        if "build" in parts:
            ok &= bench_build(Path(tmp))
        if "capture" in parts:
            ok &= bench_capture(Path(tmp), args.households)
    if args.soak:
        ok &= soak(args.soak)
    if args.one_core:  # the same again, the whole process on CPU 0
        print("--- pinned to one core (taskset -c 0) ---", flush=True)
        argv = [a for a in sys.argv[1:] if a != "--one-core"]
        env = {**os.environ, "BENCH_ONE_CORE": "0"}
        ok &= subprocess.run([*one_core_prefix(), sys.executable, "-m", "bench.bench_sync", *argv], cwd=ROOT,
                             env=env, check=False).returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
