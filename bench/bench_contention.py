"""Contention on PostgreSQL: 20 laptops edit the same fields of 3 households, through two server processes
and a concurrent USB desk (``fieldapp-server ingest``), round after round.

Each trial: a fresh database on the bench's own throwaway PostgreSQL cluster (:mod:`bench.pgcluster`), two
``fieldapp-server serve`` processes on it, 20 laptop replicas of one village holding the same 3
households. Each of ``--rounds`` rounds: every laptop edits ``phone`` and ``address`` of all 3 households
(its own value, its own clock); the 6 USB laptops write their packages onto a stick and a
``fieldapp-server ingest`` process applies them; once the desk has merged its first package the 14
network laptops sync at once (alternating between the two processes); the USB laptops import their
replies. Counted, as in the experiment of the issue that asked for it:

- wrong winners: a field whose value or clock on the server after the round is not that of the
  highest clock any laptop wrote in the round;
- rank regressions: a field whose clock on the server went down from one round to the next;
- HTTP 500 answers (to the laptops, and in the servers' logs), failed ingests (exit code, refusals);
- after the last round every laptop syncs once more: laptops whose fields or clocks still differ from
  the server's (diverged after quiescence).

    python -m bench.bench_contention [--trials 3] [--rounds 4] [--pg-merge-mode lock|serializable]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import pgcluster
from bench.bench_failover import ServerProc
from bench.bench_server_load import ROOT, _device_template, village_id
from bench.common import OUT
from fieldapp.domain.ids import natural_id
from fieldapp.server import registry
from fieldapp.server.storage import open_server, open_server_db
from fieldapp.services import identity as identity_mod
from fieldapp.services.context import attach_device_key
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import district, service
from fieldapp.sync.http_client import Offline, ServerRefused, SyncClient

LAPTOPS, USB, HOUSEHOLDS = 20, 6, 3
FIELDS = ("phone", "address")


@dataclass
class Laptop:
    n: int
    rep: service.Replica
    usb: bool
    url: str
    answers_500: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def writer(self) -> ChangeWriter:
        return ChangeWriter(self.rep.db, Actor(self.rep.device_id, None, f"干部{self.n}"))


@dataclass
class Tally:
    bursts: int = 0
    wrong_winners: int = 0  # fields
    wrong_bursts: int = 0
    rank_regressions: int = 0
    answers_500: int = 0
    server_500s: int = 0
    failed_ingests: int = 0
    diverged: int = 0  # laptops differing from the server after the final sync
    overlapped: int = 0  # bursts whose network syncs started while the desk was still merging
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("bursts", "wrong_winners", "wrong_bursts", "rank_regressions", "answers_500", "server_500s",
                     "failed_ingests", "diverged", "overlapped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors


def _fields(db: Database, homes: list[str]) -> dict[tuple[str, str], tuple[Any, list[Any]]]:
    """(household, field) → (value, clock) as ``db`` holds them."""
    out = {}
    with db.read() as conn:
        for hid in homes:
            row = conn.exec_driver_sql("SELECT phone, address, field_clocks, row_hlc, row_device FROM household "
                                       "WHERE id = ?", (hid,)).one()
            clocks = row[2] if isinstance(row[2], dict) else json.loads(row[2] or "{}")
            for i, name in enumerate(FIELDS):  # a field never edited since the insert has the row's clock
                out[(hid, name)] = (str(row[i]), list(clocks.get(name) or [row[3], row[4]]))
    return out


def _sync(lap: Laptop, server_id: str) -> None:
    for _ in range(20):  # offline/unavailable: again, as the client does (compressed)
        try:
            with SyncClient(lap.rep, lap.url, server_id, timeout=300) as client:
                client.sync_now()
            return
        except Offline:
            time.sleep(0.5)
        except ServerRefused as exc:
            if exc.status == 500:
                lap.answers_500 += 1
                time.sleep(0.5)
                continue
            lap.errors.append(f"laptop {lap.n}: {exc.reason}: {exc}")
            return
    lap.errors.append(f"laptop {lap.n}: gave up")


def _ingest(home: Path, db_url: str, stick: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "fieldapp.server.main", "--home", str(home), "--db", db_url,
                             "ingest", str(stick)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _merged(server_db: Database) -> int:
    return int(server_db.scalar("SELECT count(*) FROM sync_seen") or 0)  # type: ignore[call-overload]


@dataclass
class Trial:
    """One trial's district: the server's database, its two processes, the laptops, the 3 households."""

    run: Path
    number: int
    db_url: str
    server_id: str
    homes: list[str]
    servers: list[ServerProc]
    laptops: list[Laptop]
    server_db: Database
    tally: Tally = field(default_factory=Tally)
    previous: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # the server's clocks last round


def setup(cluster: pgcluster.Cluster, run: Path, number: int) -> Trial:
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    db_url = cluster.database(f"fieldapp_contention_{number}")
    home_a, home_b = run / "server-a", run / "server-b"
    server = open_server(db_url, home_a, log_to_file=False)
    writer = ChangeWriter(server.db, Actor(server.device_id, None, "区县"))
    village = village_id(0)
    with writer.transaction() as txn:
        town = txn.insert(Area, {"id": natural_id("area", "bench-town"), "level": "town", "name": "镇"})
        txn.insert(Area, {"id": village, "level": "village", "name": "村00", "parent_id": town,
                          "code": "611002100000"})
        homes = [txn.insert(Household, {"village_id": village, "group_no": 1, "hh_no": f"61100210000{h}",
                                        "attribute": "01", "exit_status": "0", "phone": "13900000000"})
                 for h in range(HOUSEHOLDS)]
    idents = [identity_mod.create(run / "laptops" / f"{n:02d}" / "device") for n in range(LAPTOPS)]
    with server.db.transaction() as conn:
        for n, ident in enumerate(idents):
            code, _ = registry.create_code(conn, f"干部{n}", [village], 24)
            registry.redeem(conn, code, district.public_identity(ident, f"笔记本{n}"))
    template = _device_template(run, server)
    server_id = server.device_id
    server.close()
    shutil.copytree(home_a, home_b, ignore=shutil.ignore_patterns("logs", "process.log"))
    servers = [ServerProc(home_a, db_url), ServerProc(home_b, db_url)]
    for s in servers:
        s.launch()
    laptops = []
    for n, ident in enumerate(idents):
        path = run / "laptops" / f"{n:02d}" / "register.sqlite3"
        shutil.copyfile(template, path)
        db = Database.open(path)
        attach_device_key(db, ident)
        laptops.append(Laptop(n, service.Replica(db, ident, [village]), n < USB, servers[n % 2].url))
    for s in servers:
        s.ready()
    return Trial(run, number, db_url, server_id, homes, servers, laptops, open_server_db(db_url, home_a))


def edit_all(t: Trial, r: int, stick: Path) -> dict[tuple[str, str], tuple[list[Any], str]]:
    """Every laptop edits the fields of every household; the highest clock written per field, with its value."""
    written: dict[tuple[str, str], tuple[list[Any], str]] = {}
    for lap in t.laptops:
        with lap.writer.transaction() as txn:
            for h, hid in enumerate(t.homes):
                txn.update(Household, hid, {"phone": f"13{r:01d}{lap.n:02d}{h:06d}"[:11],
                                            "address": f"第{r + 1}轮 笔记本{lap.n}"})
        for key, (value, clock) in _fields(lap.rep.db, t.homes).items():
            if key not in written or clock > written[key][0]:
                written[key] = (clock, value)
        if lap.usb:
            service.export_to(lap.rep, t.server_id, stick)
    return written


def burst(t: Trial, r: int) -> None:
    """One round: edits, the desk's ingest and the network laptops' syncs at once, then the counts."""
    stick = t.run / f"stick-{r}"
    stick.mkdir()
    written = edit_all(t, r, stick)
    before = _merged(t.server_db)
    desk = _ingest(t.servers[0].home, t.db_url, stick)
    deadline = time.monotonic() + 120
    while _merged(t.server_db) == before and desk.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the network burst starts once the desk is merging
    t.tally.overlapped += desk.poll() is None
    threads = [threading.Thread(target=_sync, args=(lap, t.server_id)) for lap in t.laptops if not lap.usb]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    _out, err = desk.communicate(timeout=600)
    if desk.returncode != 0 or "已拒绝" in err:
        t.tally.failed_ingests += 1
        t.tally.errors.append(f"trial {t.number} round {r + 1}: ingest exit {desk.returncode}: {err[-300:]}")
    for lap in t.laptops:
        if lap.usb:
            for reply in service.addressed_to_me(lap.rep, stick):
                service.import_file(lap.rep, reply)
    wrong = 0
    for key, (value, clock) in _fields(t.server_db, t.homes).items():
        best_clock, best_value = written[key]
        wrong += clock != best_clock or value != best_value
        if key in t.previous and clock < t.previous[key]:
            t.tally.rank_regressions += 1
        t.previous[key] = clock
    t.tally.bursts += 1
    t.tally.wrong_winners += wrong
    t.tally.wrong_bursts += wrong > 0


def trial(cluster: pgcluster.Cluster, run: Path, number: int, rounds: int, log: Any = print) -> Tally:
    t = setup(cluster, run, number)
    try:
        for r in range(rounds):
            burst(t, r)
            log(f"  trial {number} round {r + 1}: wrong winners so far {t.tally.wrong_winners}, "
                f"failed ingests {t.tally.failed_ingests}")
        for _ in range(2):  # quiescence: every laptop syncs twice more (the USB ones over the network now)
            for lap in t.laptops:
                _sync(lap, t.server_id)
        final = _fields(t.server_db, t.homes)
        t.tally.diverged = sum(_fields(lap.rep.db, t.homes) != final for lap in t.laptops)
    finally:
        t.server_db.close()
        for s in t.servers:
            s.stop()
        for lap in t.laptops:
            lap.rep.db.close()
    t.tally.answers_500 = sum(lap.answers_500 for lap in t.laptops)
    t.tally.errors += [e for lap in t.laptops for e in lap.errors]
    t.tally.server_500s = sum(s.log().count('" 500') for s in t.servers)
    return t.tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--pg-merge-mode", choices=["lock", "serializable"], default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.pg_merge_mode:
        os.environ[service.MERGE_MODE_ENV] = args.pg_merge_mode  # the server and desk processes inherit it
    if pgcluster.binaries() is None:
        print("PostgreSQL binaries (initdb) not found: install postgresql", file=sys.stderr)
        return 2
    print(f"contention: {LAPTOPS} laptops ({USB} by USB) × {HOUSEHOLDS} households × {len(FIELDS)} fields, "
          f"two server processes and a concurrent ingest, {args.trials} trials × {args.rounds} rounds", flush=True)
    total = Tally()
    cluster = pgcluster.create("fieldapp-contention-")
    try:
        for n in range(args.trials):
            total.add(trial(cluster, OUT / "contention-run", n, args.rounds,
                            log=lambda text: print(text, flush=True)))
    finally:
        cluster.remove()
    print(f"bursts {total.bursts}: wrong winners {total.wrong_winners} fields in {total.wrong_bursts} bursts; "
          f"rank regressions {total.rank_regressions}; HTTP 500 {total.answers_500} (servers' logs "
          f"{total.server_500s}); failed ingests {total.failed_ingests}; laptops diverged after quiescence "
          f"{total.diverged}; network burst started while the desk was merging in {total.overlapped} of "
          f"{total.bursts} bursts", flush=True)
    for err in total.errors[:10]:
        print("  ERROR", err, flush=True)
    bad = (total.wrong_winners or total.rank_regressions or total.answers_500 or total.server_500s
           or total.failed_ingests or total.diverged or total.errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
