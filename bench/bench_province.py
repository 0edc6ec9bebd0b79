"""Province scale (issue 20): a district server on PostgreSQL holding up to 1,000,000 households.

For each size (1,000, 100,000 and ``--households``), a generated register (:mod:`bench.province_data`:
200 households a village with 3 members on average, one village laptop per village as the origin of
its changes, 20 villages a town) is served by a real ``fieldapp-server`` process over HTTP. Two
devices are enrolled: a village laptop (village 0) and a town laptop (the 20 villages of town 0).
Per size:

- first sync: a new device receiving its scope (from an empty register);
- idle sync: ``sync now`` with nothing to exchange — median request time against the server process,
  and the server's SQL statements for one such sync (counted in-process, same database);
- 500-change reply: 500 edits in village 0 written on the server, then the device's upload of
  nothing answered with those 500 changes — median request time and the server's own reply-building
  time (its audit log), the device applies the last reply (all 500 must apply);
- baseline: a raw ``SELECT`` of the same 500 change-log rows by (origin, origin_seq), same run;
- ``EXPLAIN (ANALYZE)`` of the reply queries (the scoped change-log read) at the largest size:
  a sequential scan of ``change_log`` is reported.

    python -m bench.bench_province [--households 1000000] [--db postgresql://postgres@127.0.0.1:5432/province_bench]

Each size has its own database, ``<db>_<size>`` (``province_bench_1000000`` …), generated once and
reused (a marker table); ``--fresh`` regenerates. Each run measures a copy (``<db>_<size>_run``, created
from it as a template and dropped after), so reruns start from the same register. Only databases named
``province…`` are created or dropped.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import and_, event, exists, or_, select
from sqlalchemy.dialects import postgresql

from bench import province_data as data
from bench.bench_server_load import serving, start_server
from bench.common import OUT
from fieldapp.server import registry
from fieldapp.server.storage import Server, open_server
from fieldapp.services import identity as identity_mod
from fieldapp.store.db import Database
from fieldapp.store.models import CheckIn, Household, Visit
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import district, outbox, package, service, state
from fieldapp.sync.http_client import SyncClient

IDLE_RUNS = 15
RUNS = {"idle": IDLE_RUNS, "reply": 7}  # --runs N sets both
DEVICES = ["village", "town"]  # --devices village: the town laptop left out
REPLY_CHANGES = 500


def say(text: str) -> None:
    print(text, flush=True)


def prepare(url: str, size: int, home: Path, fresh: bool) -> None:
    """The generated register of ``size`` households in ``url`` (cached)."""
    if not fresh and (home / "device").exists():
        data.ensure_database(url, fresh=False)
        if data.is_built(url, size):
            return
    say(f"generating {size:,} households in {url.rsplit('/', 1)[1]} (once)…")
    start = time.perf_counter()
    data.ensure_database(url, fresh=True)
    shutil.rmtree(home, ignore_errors=True)
    villages = max(1, size // data.PER_VILLAGE)
    tpl = data.compile_template(data.build_template(home.parent))
    server = open_server(url, home, log_to_file=False)
    try:
        data.write_areas(server, villages)
        with server.db.read() as conn:
            now_hlc = int(conn.exec_driver_sql("SELECT min(hlc) FROM change_log").scalar() or 0)
    finally:
        server.close()
    counts = data.fill(url, tpl, villages, now_hlc, say)
    data.mark_built(url, size, counts)
    say(f"  {villages:,} villages, {counts['household']:,} households, {counts['member']:,} members, "
        f"{counts['change_log']:,} change-log rows in {time.perf_counter() - start:.0f} s")


@contextlib.contextmanager
def counted(server: Server) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(server.db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(server.db.engine, "before_cursor_execute", record)


def enrol(server: Server, folder: Path, name: str, scope: list[str]) -> service.Replica:
    shutil.rmtree(folder, ignore_errors=True)
    ident = identity_mod.create(folder / "device")
    db = Database.open(folder / "register.sqlite3")
    with server.db.transaction() as conn:
        code, _ = registry.create_code(conn, name, scope, 1)
        registry.redeem(conn, code, district.public_identity(ident, name))
    district.register_peer(db, district.public_identity(server.identity), scope=None)
    return service.Replica(db, ident, scope)


def write_changes(server: Server, village: str, n: int) -> None:
    """``n`` edits of the village's households, written on the server (they go to its devices)."""
    with server.db.read() as conn:
        homes = [r[0] for r in conn.execute(select(Household.id).where(Household.village_id == village)
                                            .order_by(Household.id))]
    stamp = time.time_ns()
    with ChangeWriter(server.db, Actor(server.device_id, None, "区县")).transaction() as txn:
        for i in range(n):
            txn.update(Household, homes[i % len(homes)],
                       {("phone", "address", "note")[i % 3]: f"{stamp % 10**6:06d}-{i:04d}"})


def reply_queries(conn: Any, rep: service.Replica, vec: dict[str, int],
                  after: dict[str, int] | None) -> dict[str, Any]:
    """The statements :func:`outbox.lacking` runs for ``rep``'s first batch of origins (``after``: per
    origin; None = a device holding nothing), the one statement it ran before migration 0022, and its
    scope-exit statement (planned once without migration 0023's index: :func:`plans`)."""
    ranges = [(o, (after or {}).get(o, 0)) for o, top in vec.items() if top > (after or {}).get(o, 0)]
    ranges = ranges[:outbox._ORIGINS_PER_QUERY]
    log, hh, v, k = outbox._LOG, outbox._H, Visit.__table__, CheckIn.__table__
    villages = sorted(rep.scope or [])
    above = or_(*(and_(log.c.origin == o, log.c.origin_seq > a) for o, a in ranges))
    before = or_(
        and_(log.c.household_id.is_not(None), hh.c.village_id.in_(villages)),
        and_(log.c.household_id.is_(None), log.c.tbl.not_in(["visit", "checkin"])),
        and_(log.c.household_id.is_(None), log.c.tbl == "visit",
             exists().where(v.c.id == log.c.row_id, v.c.village_id.in_(villages))),
        and_(log.c.household_id.is_(None), log.c.tbl == "checkin",
             exists().where(k.c.id == log.c.row_id, k.c.village_id.in_(villages))))
    joined = log.outerjoin(hh, hh.c.id == log.c.household_id)
    return {
        "one statement (before 0022)": select(log).select_from(joined).where(above, before),
        "households' changes": select(log).select_from(log.join(hh, hh.c.id == log.c.household_id)).where(
            above, hh.c.village_id.in_(villages)),
        "changes of no household": select(log).where(above, log.c.household_id.is_(None),
                                                     outbox._unhoused(villages)),
        "scope exits (before 0023)": outbox.exits_query(above, villages),
        "scope exits": outbox.exits_query(above, villages),
    }


def explain(url: str, statement: Any, *, without: str | None = None) -> list[str]:
    """The plan of ``statement``; ``without``: an index dropped for it in a transaction rolled back (the
    plan before the migration that made the index, on the same database)."""
    sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    with psycopg.connect(url) as conn:
        try:
            if without:
                conn.execute(f"DROP INDEX {without}")
            # Parameters given (none), so psycopg turns the compiler's doubled "%%" back into "%": the
            # statement then reads as the server sends it (a partial index's LIKE matches it literally).
            return [r[0] for r in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, ())]
        finally:
            conn.rollback()  # the dropped index is back (leaving the block would commit)


def raw_select(url: str, origin: str, after: int) -> float:
    times = []
    with psycopg.connect(url) as conn:
        for _ in range(RUNS["idle"]):
            start = time.perf_counter()
            rows = conn.execute("SELECT * FROM change_log WHERE origin = %s AND origin_seq > %s",
                                (origin, after)).fetchall()
            times.append(time.perf_counter() - start)
    assert len(rows) == REPLY_CHANGES, len(rows)
    return statistics.median(times)


def reply_ms(server: Server, device_id: str, last: int) -> float:
    with server.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT detail FROM server_audit WHERE action = 'sync' AND outcome = 'ok' AND device_id = %(d)s "
            "ORDER BY id DESC LIMIT %(n)s", {"d": device_id, "n": last}).all()
    return statistics.median(json.loads(r[0])["reply_ms"] for r in rows)


def idle(out: dict[str, Any], name: str, rep: service.Replica, server: Server, http_url: str) -> None:
    """First sync of a new device, then idle syncs: median time (server process), statements (in-process)."""
    with SyncClient(rep, http_url, server.device_id, timeout=3600) as client:
        start = time.perf_counter()
        first = client.sync_now()
        out[f"{name}_first_s"] = time.perf_counter() - start
        out[f"{name}_first_n"] = first.received.stats.applied if first.received else 0
        client.sync_now()
        times = []
        for _ in range(RUNS["idle"]):
            start = time.perf_counter()
            client.sync_now()
            times.append(time.perf_counter() - start)
        out[f"{name}_idle_s"] = statistics.median(times)
    with serving(server) as local, SyncClient(rep, local, server.device_id) as client, counted(server) as seen:
        client.sync_now()
    out[f"{name}_idle_sql"] = len(seen)


def reply(out: dict[str, Any], name: str, rep: service.Replica, server: Server, http_url: str) -> None:
    """The 500-change reply, asked for again and again (the device does not apply it), then applied once."""
    with SyncClient(rep, http_url, server.device_id, timeout=3600) as client:
        times = []
        for _ in range(RUNS["reply"]):
            prepared = client.prepare()
            start = time.perf_counter()
            answer = client.exchange(prepared)
            times.append(time.perf_counter() - start)
            got = package.read_header(answer.data)["counts"]["changes"]
            assert got == REPLY_CHANGES, f"{name}: reply holds {got} changes"
        out[f"{name}_reply_s"] = statistics.median(times)
        out[f"{name}_reply_server_ms"] = reply_ms(server, rep.device_id, RUNS["reply"])
    # the statements of one such reply, counted on the same server in-process
    with serving(server) as local, SyncClient(rep, local, server.device_id) as client:
        with counted(server) as seen:
            answer = client.exchange(prepared := client.prepare())
        out[f"{name}_reply_sql"] = len(seen)
        applied = client.apply(answer, prepared).received
        out[f"{name}_reply_applied"] = applied.stats.applied if applied else 0


def plans(out: dict[str, Any], url: str, server: Server, devices: dict[str, service.Replica], after: int, *,
          show: bool) -> None:
    """EXPLAIN (ANALYZE) of the reply queries: the 500-change replies, and a new village device's first."""
    with server.db.read() as conn:
        out["log_rows"] = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
        vec = state.holdings(conn, server.device_id)
        out["origins"] = len(vec)
        statements = {}
        for name, rep in devices.items():
            for part, statement in reply_queries(conn, rep, vec, {**vec, server.device_id: after}).items():
                statements[f"{name} 500-change reply, {part}"] = statement
        for part, statement in reply_queries(conn, devices["village"], vec, None).items():
            statements[f"village first sync (100 origins from 0), {part}"] = statement
    for title, statement in statements.items():
        lines = explain(url, statement, without="ix_change_log_village_moves" if "(before 0023)" in title else None)
        seq = any("Seq Scan on change_log" in line for line in lines)
        out.setdefault("plans", {})[title] = (seq, lines[-1])
        if show:
            say(f"EXPLAIN ANALYZE {title} at {out['size']:,}: {'SEQ SCAN of change_log' if seq else 'index only'}")
            for line in lines:
                say("    " + line)


def measure(url: str, size: int, home: Path, show_plans: bool) -> dict[str, Any]:
    run = home.parent / "run"
    shutil.rmtree(run, ignore_errors=True)
    server = open_server(url, home, log_to_file=False)
    proc, http_url = start_server(home, url)
    out: dict[str, Any] = {"size": size}
    try:
        town = [data.village_id(v) for v in range(min(data.VILLAGES_PER_TOWN, max(1, size // data.PER_VILLAGE)))]
        devices = {"village": enrol(server, run / "village", "村干部", [data.village_id(0)])}
        if "town" in DEVICES:
            devices["town"] = enrol(server, run / "town", "镇干部", town)
        for name, rep in devices.items():
            idle(out, name, rep, server, http_url)
        with server.db.read() as conn:
            after = state.own_seq(conn, server.device_id)
        write_changes(server, data.village_id(0), REPLY_CHANGES)
        for name, rep in devices.items():
            reply(out, name, rep, server, http_url)
        out["raw_500_s"] = raw_select(url, server.device_id, after)
        plans(out, url, server, devices, after, show=show_plans)
        for rep in devices.values():
            rep.db.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        server.close()
    return out


def report(results: list[dict[str, Any]]) -> None:
    base = results[0]
    for r in results:
        say(f"{r['size']:>9,} households: {r['log_rows']:,} change-log rows, {r['origins']:,} origins in the vector")
        for name in [n for n in DEVICES if f"{n}_first_s" in r]:
            say(f"  {name}: first sync {r[f'{name}_first_n']:,} changes in {r[f'{name}_first_s']:.2f} s "
                f"(×{r[f'{name}_first_s'] / base[f'{name}_first_s']:.2f} of {base['size']:,}); "
                f"idle sync {r[f'{name}_idle_sql']} SQL statements (vs {base[f'{name}_idle_sql']}), "
                f"median {r[f'{name}_idle_s'] * 1000:.1f} ms (×{r[f'{name}_idle_s'] / base[f'{name}_idle_s']:.2f})")
            say(f"    500-change reply: {r[f'{name}_reply_sql']} SQL statements, median request "
                f"{r[f'{name}_reply_s'] * 1000:.1f} ms (×{r[f'{name}_reply_s'] / base[f'{name}_reply_s']:.2f} of "
                f"{base['size']:,}; ×{r[f'{name}_reply_s'] / r['raw_500_s']:.1f} a raw SELECT of the 500 rows, "
                f"{r['raw_500_s'] * 1000:.2f} ms); built on the server in {r[f'{name}_reply_server_ms']:.1f} ms; "
                f"applied by the device: {r[f'{name}_reply_applied']}")
        for title, (seq, last) in r.get("plans", {}).items():
            say(f"  plan {title}: {'SEQ SCAN of change_log' if seq else 'indexes only'} ({last.strip()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--db", default="postgresql://postgres@127.0.0.1:5432/province_bench",
                        help="PostgreSQL URL; each size gets its own database <name>_<size>")
    parser.add_argument("--sizes", default="1000,100000", help="smaller sizes measured first (the baseline)")
    parser.add_argument("--fresh", action="store_true", help="regenerate the registers")
    parser.add_argument("--runs", type=int, help=f"idle syncs and replies timed per device (default {IDLE_RUNS}, 7)")
    parser.add_argument("--devices", default="village,town", help="village,town or village")
    args = parser.parse_args()
    if args.runs:
        RUNS.update(idle=args.runs, reply=args.runs)
    DEVICES[:] = args.devices.split(",")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s} | {args.households})
    results = []
    for size in sizes:
        url = f"{args.db}_{size}"
        home = OUT / f"province-{size}" / "server-home"
        prepare(url, size, home, args.fresh)
        data.copy_database(url, url + "_run")  # every run starts from the generated register
        data.catch_up(url + "_run")
        try:
            results.append(measure(url + "_run", size, home, show_plans=size == sizes[-1]))
        finally:
            data.drop_database(url + "_run")
        report(results[-1:])
    say("---")
    report(results)
    ok = all(r[f"{n}_reply_applied"] == REPLY_CHANGES for r in results for n in DEVICES)
    ok = ok and len({r["village_idle_sql"] for r in results}) == 1
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
