"""District server load (issue 6): many devices syncing at once over real HTTP on loopback.

- load: ``--devices`` (200) simulated laptops, each on its own connection (a thread with its own
  ``SyncClient``/httpx client), each uploading a real package of ``--changes`` (500) changes built
  from its own replica, and applying the reply — all released at once against a
  ``fieldapp-server`` process. Then a second round (empty uploads) so every device receives its
  village's changes from the others. Checks: zero errors; no change lost, counted on the server
  (per origin: change_log rows and the holdings vector) and on every device (the vector entry of
  each device of its village, and its village's households).
- merge-rate ratio: changes merged per second by the loaded server (from the release to the last
  reply received) over issue 5's single-process rate, measured in the same run by importing the
  same packages with ``service.import_package`` into a fresh server database.
- idle: an idle ``sync now`` at ``--idle-sizes`` (1,000 and 100,000 households): SQL statements
  on the server (must be equal) and the median request time.

    python -m bench.bench_server_load [--devices 200] [--changes 500] [--db URL] [--idle-sizes 1000,100000]
                                      [--pg-merge-mode lock|serializable]

Device replicas and their packages are built once into ``bench/out/server-load-<D>x<C>/`` (cached);
``--db URL`` runs the server on another database (PostgreSQL once the backend lands).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.common import OUT
from bench.pgcluster import free_port
from bench.server_fleet import ServerProc, add_fleet_arguments, fleet_environment, open_devices, server_read
from fieldapp.domain.ids import natural_id
from fieldapp.server import registry
from fieldapp.server.storage import Server, open_server, open_server_db
from fieldapp.services import identity as identity_mod
from fieldapp.services.context import attach_device_key
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import district, service, state
from fieldapp.sync.http_client import Prepared, SyncClient

VILLAGES = 50


def village_id(i: int) -> str:
    return natural_id("area", "bench-village", i)


def seed_server(db_url: str, home: Path, devices: list[dict[str, Any]]) -> Server:
    """The district's areas (fixed ids) and every device enrolled with its village (in-process)."""
    server = open_server(db_url, home, log_to_file=False)
    writer = ChangeWriter(server.db, Actor(server.device_id, None, "区县"))
    with writer.transaction() as txn:
        top = txn.insert(Area, {"id": natural_id("area", "bench-district"), "level": "district", "name": "区"})
        town = txn.insert(Area, {"id": natural_id("area", "bench-town"), "level": "town", "name": "镇",
                                 "parent_id": top})
        txn.insert_many(Area, [{"id": village_id(v), "level": "village", "name": f"村{v:02d}", "parent_id": town,
                                "code": f"6110021{v:05d}"} for v in range(VILLAGES)])
    with server.db.transaction() as conn:
        for dev in devices:
            code, _ = registry.create_code(conn, f"干部{dev['n']}", [dev["village"]], 24)
            registry.redeem(conn, code, dev["public"])
    return server


def _device_template(cache: Path, server: Server) -> Path:
    """A laptop register holding the district's areas (from a real package), copied for every device."""
    ident = identity_mod.create(cache / "template-device")
    with server.db.transaction() as conn:
        state.add_peer(conn, ident.device_id, "template", ident.public_signing(), ident.public_agreement())
    data = service.build_package(server.rep, ident.device_id).data
    path = cache / "template.sqlite3"
    db = Database.open(path)
    district.register_peer(db, district.public_identity(server.identity, "区县服务器"), scope=None)
    service.import_package(service.Replica(db, ident, None), data)
    db.close()
    return path


def build_cache(devices: int, changes: int, out: Path = OUT) -> Path:
    cache = out / f"server-load-{devices}x{changes}"
    if (cache / ".complete").exists():
        return cache
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    print(f"building {devices} device replicas with {changes} changes each in {cache} (once)…", flush=True)
    start = time.perf_counter()
    server_home = cache / "server-home"
    idents = [identity_mod.create(cache / "devices" / f"{n:04d}" / "device") for n in range(devices)]
    meta = [{"n": n, "village": village_id(n % VILLAGES), "public": district.public_identity(i, f"笔记本{n}")}
            for n, i in enumerate(idents)]
    server = seed_server(str(cache / "template-server.sqlite3"), server_home, meta)
    template = _device_template(cache, server)
    inserts = changes // 2
    for n, ident in enumerate(idents):
        folder = cache / "devices" / f"{n:04d}"
        shutil.copyfile(template, folder / "register.sqlite3")
        db = Database.open(folder / "register.sqlite3")
        attach_device_key(db, ident)  # each commit signs the chain head: the server refuses unsigned changes
        writer = ChangeWriter(db, Actor(ident.device_id, None, f"干部{n}"))
        with writer.transaction() as txn:
            ids = txn.insert_many(Household, [{"village_id": meta[n]["village"], "group_no": 1 + i % 5,
                                               "hh_no": f"{n:04d}{i:06d}", "attribute": "01", "exit_status": "0"}
                                              for i in range(inserts)])
            for i in range(changes - inserts):
                txn.update(Household, ids[i % inserts], {"phone": f"139{n:04d}{i:04d}"})
        rep = service.Replica(db, ident, [meta[n]["village"]])
        (folder / "upload.fapk").write_bytes(service.build_package(rep, server.device_id).data)
        db.close()
    server.close()
    (cache / "devices.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (cache / ".complete").touch()
    print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    return cache


def baseline_rate(cache: Path, run: Path, meta: list[dict[str, Any]]) -> float:
    """Issue 5's single-process merge rate: the same packages imported in-process, one after another."""
    home = run / "baseline-home"
    shutil.copytree(cache / "server-home" / "device", home / "device")
    server = seed_server(str(run / "baseline.sqlite3"), home, meta)
    try:
        packages = [(cache / "devices" / f"{d['n']:04d}" / "upload.fapk").read_bytes() for d in meta]
        start = time.perf_counter()
        applied = 0
        for dev, data in zip(meta, packages, strict=True):
            applied += service.import_package(server.rep, data, allowed_villages=[dev["village"]]).stats.applied
        took = time.perf_counter() - start
        start = time.perf_counter()
        sent = sum(service.build_package(server.rep, d["public"]["device_id"]).header["counts"]["changes"]
                   for d in meta)
        replies = time.perf_counter() - start
    finally:
        server.close()
    print(f"in-process merge (issue 5): {applied} changes in {took:.2f} s = {applied / took:,.0f} changes/s; "
          f"building every device's reply afterwards (issue 5's build_package, {sent} changes in all): "
          f"{replies:.2f} s", flush=True)
    return applied / took


def load_round(url: str, server_id: str, devices: list[dict[str, Any]],
               uploads: list[Prepared | None]) -> dict[str, Any]:
    """Every device at once: upload (cached package, or a fresh one when None), receive, apply."""
    barrier = threading.Barrier(len(devices) + 1)
    received: list[float] = [0.0] * len(devices)
    errors: list[str] = []
    outcomes: list[Any] = [None] * len(devices)

    def one(i: int) -> None:
        dev = devices[i]
        try:
            with SyncClient(dev["rep"], url, server_id, timeout=900) as client:
                prepared = uploads[i] or client.prepare()
                barrier.wait()
                reply = client.exchange(prepared)
                received[i] = time.perf_counter()
                outcomes[i] = client.apply(reply, prepared)
        except BaseException as exc:  # every failure is counted and reported
            errors.append(f"device {i}: {type(exc).__name__}: {exc}")
            if barrier.n_waiting and not barrier.broken:
                barrier.abort()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(devices))]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    done = time.perf_counter()
    last_reply = max(received) - start if all(received) else float("nan")
    return {"errors": errors, "last_reply_s": last_reply, "total_s": done - start, "outcomes": outcomes}


def verify(db_url: str, home: Path, devices: list[dict[str, Any]], changes: int) -> list[str]:
    problems = []
    with server_read(db_url, home) as (conn, held):
        for dev in devices:
            logged = conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE origin = ?",
                                          (dev["id"],)).scalar()
            if held.get(dev["id"]) != changes or logged != changes:
                problems.append(f"server holds {held.get(dev['id'])} / logged {logged} of device {dev['n']}")
    by_village: dict[str, list[dict[str, Any]]] = {}
    for dev in devices:
        by_village.setdefault(dev["village"], []).append(dev)
    for dev in devices:
        mates = by_village[dev["village"]]
        with dev["rep"].db.read() as conn:
            vec = state.holdings(conn, dev["id"])
            homes = conn.exec_driver_sql("SELECT count(*) FROM household WHERE village_id = ?",
                                         (dev["village"],)).scalar()
        missing = [m["n"] for m in mates if vec.get(m["id"]) != changes]
        if missing or homes != len(mates) * (changes // 2):
            problems.append(f"device {dev['n']}: lacks devices {missing}, {homes} households in its village")
    return problems


def server_timing(db_url: str, home: Path, devices: int) -> list[tuple[float, float]]:
    """Per round: the server's summed merge time (serialised) and reply-building time, from its audit log."""
    db = open_server_db(db_url, home)
    try:
        with db.read() as conn:
            rows = [json.loads(r[0]) for r in conn.exec_driver_sql(
                "SELECT detail FROM server_audit WHERE action = 'sync' AND outcome = 'ok' ORDER BY id")]
    finally:
        db.close()
    rounds = [rows[i:i + devices] for i in range(0, len(rows), devices)]
    return [(sum(r["merge_ms"] for r in chunk) / 1000, sum(r["reply_ms"] for r in chunk) / 1000) for chunk in rounds]


def bench_load(devices_n: int, changes: int, db_url: str | None) -> bool:
    cache = build_cache(devices_n, changes)
    meta = json.loads((cache / "devices.json").read_text(encoding="utf-8"))
    run = OUT / "server-load-run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    rate_in_process = baseline_rate(cache, run, meta)
    home = run / "server-home"
    shutil.copytree(cache / "server-home" / "device", home / "device")
    url_db = db_url or str(run / "server.sqlite3")
    seed_server(url_db, home, meta).close()
    opened = open_devices(cache, run, meta)
    devices = [o.meta | {"rep": o.rep, "id": o.ident.device_id} for o in opened]
    uploads: list[Prepared | None] = [Prepared((o.folder / "upload.fapk").read_bytes(), changes) for o in opened]
    proc = ServerProc(home, url_db).start()
    server_id = identity_mod.load(home / "device").device_id  # type: ignore[union-attr]
    try:
        first = load_round(proc.url, server_id, devices, uploads)
        second = load_round(proc.url, server_id, devices, [None] * len(devices))
    finally:
        proc.stop()
    total = devices_n * changes
    rate = total / first["last_reply_s"]
    print(f"load: {devices_n} devices × {changes} changes at once: all replies in {first['last_reply_s']:.2f} s, "
          f"applied by the devices in {first['total_s']:.2f} s; errors {len(first['errors'])}", flush=True)
    print(f"second round (everyone fetches the others' changes): {second['total_s']:.2f} s; "
          f"errors {len(second['errors'])}", flush=True)
    print(f"server merge rate under load: {rate:,.0f} changes/s = {rate / rate_in_process:.2f}× issue 5's "
          f"in-process rate ({rate_in_process:,.0f}/s)", flush=True)
    for n, (merge, reply) in enumerate(server_timing(url_db, home, devices_n), 1):
        print(f"  round {n} on the server: merging {merge:.2f} s (one at a time), building replies {reply:.2f} s "
              f"(summed over requests)", flush=True)
    for err in (first["errors"] + second["errors"])[:10]:
        print("  ERROR", err, flush=True)
    problems = verify(url_db, home, devices, changes)
    for dev in devices:
        dev["rep"].db.close()
    for p in problems[:10]:
        print("  LOST", p, flush=True)
    ok = not first["errors"] and not second["errors"] and not problems
    print(f"no change lost: {'OK' if not problems else f'{len(problems)} problems'}; zero errors: "
          f"{'OK' if not (first['errors'] or second['errors']) else 'FAILED'}", flush=True)
    return ok


@contextlib.contextmanager
def serving(server: Server) -> Iterator[str]:
    """The server in-process (uvicorn in a thread, real HTTP on loopback), so its statements can be counted."""
    import uvicorn

    from fieldapp.server.app import create_app

    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(server), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join()


def _fill(server: Server, households: int) -> str:
    writer = ChangeWriter(server.db, Actor(server.device_id, None, "区县"))
    with writer.transaction() as txn:
        village = txn.insert(Area, {"level": "village", "name": "东村", "code": "611002100001"})
        for start in range(0, households, 10_000):
            txn.insert_many(Household, [{"village_id": village, "group_no": 1 + i % 5, "hh_no": f"{i:010d}",
                                         "attribute": "01", "exit_status": "0"}
                                        for i in range(start, min(households, start + 10_000))])
    return village


def _record(seen: list[str], _conn: object, _cursor: object, statement: str, *_args: object) -> None:
    seen.append(statement)


def _count_steps(ticks: list[int], dbapi: Any, *_args: object) -> None:
    """Count SQLite VM instructions (in hundreds) on a checked-out connection: work, not time."""
    def tick() -> int:
        ticks[0] += 1
        return 0

    dbapi.set_progress_handler(tick, 100)


def bench_idle(sizes: list[int]) -> bool:
    results = {}
    for size in sizes:
        run = OUT / f"server-idle-{size}"
        shutil.rmtree(run, ignore_errors=True)
        server = open_server(str(run / "server.sqlite3"), run / "server-home", log_to_file=False)
        village = _fill(server, size)
        ident = identity_mod.create(run / "laptop" / "device")
        db = Database.open(run / "laptop" / "register.sqlite3")
        with server.db.transaction() as conn:
            code, _ = registry.create_code(conn, "王伟", [village], 1)
            registry.redeem(conn, code, district.public_identity(ident, "laptop"))
        district.register_peer(db, district.public_identity(server.identity), scope=None)
        rep = service.Replica(db, ident, [village])
        with serving(server) as url, SyncClient(rep, url, server.device_id) as client:
            client.sync_now()
            client.sync_now()
            times = []
            for _ in range(15):
                start = time.perf_counter()
                client.sync_now()
                times.append(time.perf_counter() - start)
            seen: list[str] = []
            ticks = [0]
            record = functools.partial(_record, seen)
            counting = functools.partial(_count_steps, ticks)
            event.listen(server.db.engine, "before_cursor_execute", record)
            event.listen(server.db.engine, "checkout", counting)
            client.sync_now()
            event.remove(server.db.engine, "before_cursor_execute", record)
            event.remove(server.db.engine, "checkout", counting)
        results[size] = (len(seen), statistics.median(times), ticks[0] * 100)
        db.close()
        server.close()
    (small, t_small, w_small), (big, t_big, w_big) = results[sizes[0]], results[sizes[-1]]
    print(f"idle sync: {small} vs {big} server SQL statements at {sizes[0]:,} vs {sizes[-1]:,} households "
          f"({'equal' if small == big else 'DIFFERENT'}); SQLite VM steps {w_small:,} vs {w_big:,}; "
          f"median request {t_small * 1000:.1f} vs {t_big * 1000:.1f} ms, ratio {t_big / t_small:.2f}", flush=True)
    return small == big and w_big <= w_small * 1.25 + 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_fleet_arguments(parser)
    parser.add_argument("--db", metavar="URL", help="server database URL (default: a SQLite file)")
    parser.add_argument("--idle-sizes", default="1000,100000", help="households for the idle check ('' to skip)")
    args = parser.parse_args()
    fleet_environment(args)
    ok = bench_load(args.devices, args.changes, args.db)
    if args.idle_sizes:
        ok = bench_idle([int(s) for s in args.idle_sizes.split(",")]) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
