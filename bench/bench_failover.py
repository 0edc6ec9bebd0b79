"""Failover drill: bench_server_load's devices against two server processes on one PostgreSQL, with faults.

The bench starts its own throwaway PostgreSQL cluster (:mod:`bench.pgcluster`; the machine's server is
never touched) and two ``fieldapp-server serve`` processes on one database of it, with the same
identity (two instances behind nginx). ``--devices`` laptops (bench_server_load's replicas and
packages, built once) sync in three rounds, the devices split between the two processes; each device
keeps its one server address and, as the laptop's client does, tries again after "offline" or
"unavailable" (5xx), here after 0.25 s doubling to 4 s instead of the scheduler's 30 s … 30 min:

1. every device uploads its package; once a quarter of them have their reply, server A is killed
   (``kill -9``) and restarted on the same port a second later;
2. every device fetches the others' changes; once a quarter have their reply, the PostgreSQL cluster
   is stopped at once (``pg_ctl stop -m immediate``: every backend killed, as in a crash), left down
   two seconds and started again (crash recovery);
3. every device syncs once more, without faults.

Checked at the end: devices finished, changes sent (acknowledged uploads), kills, restarts, retries,
lost = 0 (per device, its changes on the server's change log and in the vector of every device of its
village), duplicated = 0 (change-log rows per (origin, origin_seq) on the server), converged (each
village's household rows, fields and field clocks, equal on the server and on every device of it).
``--no-faults`` runs the same load without them; ``--baseline`` runs it without, then with them, and prints
the ratio of the round times.

    python -m bench.bench_failover [--devices 200] [--changes 500] [--no-faults | --baseline]
                                   [--pg-merge-mode lock|serializable]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from bench import pgcluster
from bench.bench_server_load import build_cache, seed_server
from bench.common import OUT
from bench.server_fleet import ServerProc, add_fleet_arguments, fleet_environment, open_devices, server_read
from fieldapp.services import identity as identity_mod
from fieldapp.store.models import Household
from fieldapp.sync import service, state
from fieldapp.sync.http_client import Offline, Prepared, ServerRefused, SyncClient

_HOUSEHOLD: Table = Household.__table__  # type: ignore[assignment]


@dataclass
class Device:
    n: int
    village: str
    device_id: str
    rep: service.Replica
    url: str  # the one server address this laptop knows
    upload: Prepared | None  # the first round's package (built once, cached)
    sent: int = 0  # own changes the server acknowledged
    retries: int = 0
    answers_5xx: dict[int, int] = field(default_factory=dict)
    error: str | None = None


@dataclass
class DrillResult:
    devices: int
    finished: int
    changes_sent: int
    kills: int
    pg_restarts: int
    retries: int
    answers_5xx: dict[int, int]
    server_500s: int  # '" 500' lines in the servers' logs
    tracebacks: int  # tracebacks in the servers' logs
    lost: int
    duplicated: int
    diverged: list[str]
    round_s: list[float]
    errors: list[str]

    @property
    def converged(self) -> bool:
        return not self.diverged

    @property
    def ok(self) -> bool:
        return (self.finished == self.devices and self.lost == 0 and self.duplicated == 0 and self.converged
                and not self.errors)

    def lines(self) -> list[str]:
        codes = ", ".join(f"{k}×{v}" for k, v in sorted(self.answers_5xx.items())) or "none"
        return [
            f"devices finished: {self.finished} of {self.devices}",
            f"changes sent: {self.changes_sent:,}",
            f"kills (kill -9 of a server process): {self.kills}; PostgreSQL restarts: {self.pg_restarts}",
            f"retries by the devices: {self.retries} (5xx answers among them: {codes}); "
            f"500s in the servers' logs: {self.server_500s}, tracebacks: {self.tracebacks}",
            "rounds: " + ", ".join(f"{s:.1f} s" for s in self.round_s),
            f"lost = {self.lost}",
            f"duplicated = {self.duplicated}",
            f"converged = {'yes' if self.converged else 'NO: ' + '; '.join(self.diverged[:5])}",
            *(f"ERROR {e}" for e in self.errors[:10]),
        ]


def sync_until_done(dev: Device, server_id: str, prepared: Prepared | None, deadline: float) -> None:
    """One sync of the device, tried again after offline/unavailable/5xx as the laptop's client does."""
    delay = 0.25
    while True:
        try:
            with SyncClient(dev.rep, dev.url, server_id, timeout=900) as client:
                upload = prepared or client.prepare()
                reply = client.exchange(upload)
                client.apply(reply, upload)
            dev.sent += upload.changes
            return
        except Offline as exc:  # no connection, dropped, or 502/503/504
            if exc.status:
                dev.answers_5xx[exc.status] = dev.answers_5xx.get(exc.status, 0) + 1
        except ServerRefused as exc:
            if exc.status is None or exc.status < 500:
                raise
            dev.answers_5xx[exc.status] = dev.answers_5xx.get(exc.status, 0) + 1
        dev.retries += 1
        if time.monotonic() > deadline:
            raise TimeoutError(f"device {dev.n} still failing at the deadline")
        time.sleep(delay)
        delay = min(delay * 2, 4.0)


def run_round(devices: list[Device], server_id: str, uploads: list[Prepared | None],
              fault: Callable[[], None] | None, deadline: float) -> float:
    """Every device at once; ``fault`` runs once a quarter of them have applied their reply."""
    done = threading.Semaphore(0)
    trigger = max(1, len(devices) // 4)

    def one(dev: Device, upload: Prepared | None) -> None:
        try:
            if dev.error is None:
                sync_until_done(dev, server_id, upload, deadline)
        except BaseException as exc:  # every failure is counted and reported
            dev.error = f"device {dev.n}: {type(exc).__name__}: {exc}"
        finally:
            done.release()

    start = time.perf_counter()
    threads = [threading.Thread(target=one, args=(d, u), daemon=True) for d, u in zip(devices, uploads, strict=True)]
    for t in threads:
        t.start()
    if fault is not None:
        for _ in range(trigger):
            done.acquire()
        fault()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def _normal(row: Any) -> tuple[Any, ...]:
    """A household row comparable across SQLite and PostgreSQL (JSON by value, the rest as text)."""
    out = []
    for key, value in row._mapping.items():
        text = json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, dict | list) else value
        out.append((key, None if text is None else str(text)))
    return tuple(out)


def _village_rows(conn: Any, village: str) -> list[tuple[Any, ...]]:
    rows = conn.execute(select(_HOUSEHOLD).where(_HOUSEHOLD.c.village_id == village).order_by(_HOUSEHOLD.c.id))
    return [_normal(r) for r in rows]


def check(db_url: str, home: Path, devices: list[Device], changes: int) -> tuple[int, int, list[str]]:
    """(lost, duplicated, diverged): the server's change log and content against every device's."""
    lost = duplicated = 0
    diverged: list[str] = []
    with server_read(db_url, home) as (conn, held):
        for dev in devices:
            rows, distinct = conn.exec_driver_sql(
                "SELECT count(*), count(DISTINCT origin_seq) FROM change_log WHERE origin = ? "
                "AND origin_seq BETWEEN 1 AND ?", (dev.device_id, changes)).one()
            lost += changes - int(distinct)
            duplicated += int(rows) - int(distinct)
            if held.get(dev.device_id) != changes:
                diverged.append(f"server's vector holds {held.get(dev.device_id)} of device {dev.n}")
        duplicated += int(conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT origin, origin_seq FROM change_log GROUP BY origin, origin_seq "
            "HAVING count(*) > 1) AS twice").scalar() or 0)
        villages = sorted({d.village for d in devices})
        on_server = {v: _village_rows(conn, v) for v in villages}
    by_village: dict[str, list[Device]] = {}
    for dev in devices:
        by_village.setdefault(dev.village, []).append(dev)
    for dev in devices:
        with dev.rep.db.read() as conn:
            vec = state.holdings(conn, dev.device_id)
            mine = _village_rows(conn, dev.village)
        lacking = sum(max(0, changes - vec.get(m.device_id, 0)) for m in by_village[dev.village])
        if lacking:
            lost += lacking
            diverged.append(f"device {dev.n} lacks {lacking} changes of its village's devices")
        if mine != on_server[dev.village]:
            differ = sum(a != b for a, b in zip(mine, on_server[dev.village], strict=False))
            diverged.append(f"device {dev.n}: {len(mine)} households vs the server's "
                            f"{len(on_server[dev.village])}, {differ} rows differ")
    return lost, duplicated, diverged


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[pgcluster.Cluster]:
    cluster = pgcluster.create("fieldapp-failover-")
    try:
        yield cluster
    finally:
        cluster.remove()


def drill(devices_n: int, changes: int, run: Path, *, faults: bool = True, cache_dir: Path = OUT,
          deadline_s: float = 1800.0, log: Callable[[str], None] = print) -> DrillResult:
    """Run the drill on a throwaway cluster in ``run`` (emptied first); the figures as a :class:`DrillResult`."""
    cache = build_cache(devices_n, changes, cache_dir)
    meta = json.loads((cache / "devices.json").read_text(encoding="utf-8"))
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    with throwaway_cluster() as cluster:
        db_url = cluster.database("fieldapp_failover")
        homes = [run / "server-a", run / "server-b"]
        for home in homes:
            shutil.copytree(cache / "server-home" / "device", home / "device")
        seed_server(db_url, homes[0], meta).close()
        servers = [ServerProc(home, db_url) for home in homes]
        devices: list[Device] = []
        try:
            for s in servers:  # both at once: a start costs seconds of imports on a loaded machine
                s.launch()
            for s in servers:
                s.ready()
            for opened in open_devices(cache, run, meta):
                n = opened.meta["n"]
                devices.append(Device(n, opened.meta["village"], opened.ident.device_id, opened.rep,
                                      servers[n % 2].url,
                                      Prepared((opened.folder / "upload.fapk").read_bytes(), changes)))
            server_id = identity_mod.load(homes[0] / "device").device_id  # type: ignore[union-attr]
            kills = restarts = 0

            def kill_a() -> None:
                nonlocal kills
                log(f"  kill -9 server A (pid {servers[0].proc.pid if servers[0].proc else '?'})")
                servers[0].kill()
                kills += 1
                time.sleep(1.0)
                servers[0].start()
                log("  server A restarted")

            def restart_pg() -> None:
                nonlocal restarts
                log("  PostgreSQL: immediate stop, 2 s down, start")
                cluster.restart(2.0)
                restarts += 1
                log("  PostgreSQL back")

            deadline = time.monotonic() + deadline_s
            round_s = [
                run_round(devices, server_id, [d.upload for d in devices], kill_a if faults else None, deadline),
                run_round(devices, server_id, [None] * len(devices), restart_pg if faults else None, deadline),
                run_round(devices, server_id, [None] * len(devices), None, deadline),
            ]
            for n, took in enumerate(round_s, 1):
                log(f"  round {n}: {took:.1f} s")
        finally:
            for s in servers:
                s.stop()
        logs = "".join(s.log() for s in servers)
        lost, duplicated, diverged = check(db_url, homes[0], devices, changes)
        for dev in devices:
            dev.rep.db.close()
    answers: dict[int, int] = {}
    for dev in devices:
        for code, k in dev.answers_5xx.items():
            answers[code] = answers.get(code, 0) + k
    return DrillResult(
        devices=devices_n, finished=sum(d.error is None for d in devices),
        changes_sent=sum(d.sent for d in devices), kills=kills, pg_restarts=restarts,
        retries=sum(d.retries for d in devices), answers_5xx=answers,
        server_500s=logs.count('" 500'), tracebacks=logs.count("Traceback"),
        lost=lost, duplicated=duplicated, diverged=diverged, round_s=round_s,
        errors=[d.error for d in devices if d.error])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_fleet_arguments(parser)
    parser.add_argument("--no-faults", action="store_true", help="the same load without kill and restart")
    parser.add_argument("--baseline", action="store_true", help="run without faults first, then with them")
    args = parser.parse_args()
    fleet_environment(args)
    if pgcluster.binaries() is None:
        print("PostgreSQL binaries (initdb) not found: install postgresql", file=sys.stderr)
        return 2
    runs = [False, True] if args.baseline else [not args.no_faults]
    results = []
    for faults in runs:
        print(f"failover drill: {args.devices} devices × {args.changes} changes, two server processes on a "
              f"throwaway PostgreSQL, {'with' if faults else 'without'} faults", flush=True)
        run = OUT / f"failover-run-{args.devices}x{args.changes}-{args.pg_merge_mode or 'default'}"
        result = drill(args.devices, args.changes, run, faults=faults,
                       log=lambda text: print(text, flush=True))
        for line in result.lines():
            print("  " + line, flush=True)
        results.append(result)
    if len(results) == 2:
        base, hit = (sum(r.round_s) for r in results)
        print(f"with faults vs without: {hit:.1f} s vs {base:.1f} s = {hit / base:.2f}×", flush=True)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
