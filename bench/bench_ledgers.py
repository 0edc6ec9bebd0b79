"""Project ledgers: a village's ledgers cost what the village holds, not what the database holds.

Two registers of the same villages' projects (each village: 5 projects, 3 budget channels, 4 disbursements,
10 beneficiaries): a small one of 10 villages and a large one of ``--villages`` (a district server's copy).
The figure printed is one village's project ledger, fund ledger and integrated-fund view read from the large
register against the same from the small one (the limit: 2×, the cost must not grow with the database), and
against a bare baseline reading the village's rows with plain SQL. Statements per ledger are printed as well.

    python -m bench.bench_ledgers [--villages 1000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from bench.common import best_and_median, report
from fieldapp.domain.hlc import HybridClock
from fieldapp.domain.ids import natural_id
from fieldapp.services.projects import ledgers
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Area,
    Household,
    Project,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
)
from fieldapp.store.writer import Actor, ChangeWriter

CHANNELS = ("superior", "local_finance", "social")


def build(path: Path, villages: int) -> tuple[Database, str]:
    """A register of ``villages`` villages (ten to a town) with their projects; returns it and a village id."""
    db = Database.open(path)
    writer = ChangeWriter(db, Actor("bench-device", None, "bench"), HybridClock())
    rows: dict[type, list[dict[str, object]]] = {m: [] for m in (Area, Household, Project, ProjectBudget,
                                                                 ProjectBeneficiary, ProjectDisbursement)}
    district = natural_id("area", "district")
    rows[Area].append({"id": district, "level": "district", "name": "区", "code": "611002"})
    for v in range(villages):
        town = natural_id("area", f"town{v // 10}")
        if v % 10 == 0:
            rows[Area].append({"id": town, "level": "town", "name": f"镇{v // 10}", "parent_id": district})
        village = natural_id("area", f"village{v}")
        rows[Area].append({"id": village, "level": "village", "name": f"村{v}", "parent_id": town})
        homes = [natural_id("household", f"{v}-{h}") for h in range(10)]
        rows[Household] += [{"id": h, "village_id": village, "hh_no": f"{v:06d}{n:04d}", "group_no": 1}
                            for n, h in enumerate(homes)]
        for p in range(5):
            pid = natural_id("project", f"{v}-{p}")
            rows[Project].append({"id": pid, "village_id": village, "town_id": town, "name": f"项目{v}-{p}",
                                  "type": "industry", "unit": "镇", "budget_total": 3_000_000, "status": "approved",
                                  "approved_amount": 3_000_000, "approved_on": dt.date(2026, 3, 1)})
            rows[ProjectBudget] += [{"id": natural_id("project_budget", pid, c), "project_id": pid,
                                     "village_id": village, "channel": c, "amount": 1_000_000} for c in CHANNELS]
            rows[ProjectDisbursement] += [{"project_id": pid, "village_id": village, "date": dt.date(2026, 4, 1 + d),
                                           "amount": 100_000, "channel": CHANNELS[d % 3], "payee": "镇财政所",
                                           "voucher_no": f"记-{v}-{p}-{d}"} for d in range(4)]
            rows[ProjectBeneficiary] += [{"id": natural_id("project_beneficiary", pid, h), "project_id": pid,
                                          "household_id": h, "amount": 10_000} for h in homes[p * 2:p * 2 + 2]]
    with writer.transaction() as txn:
        for model, found in rows.items():
            keys = {k for r in found for k in r}  # one shape per batch
            txn.insert_many(model, [{k: r.get(k) for k in keys} for r in found])
    return db, natural_id("area", "village3")


def bare(db: Database, village: str) -> None:
    """The baseline: the village's projects and their budget, disbursement and beneficiary rows, plain SQL."""
    with db.read() as conn:
        sql = conn.exec_driver_sql
        ids = [r[0] for r in sql("SELECT id FROM project WHERE village_id = ? AND NOT deleted", (village,))]
        marks = ",".join("?" * len(ids))
        for table in ("project_budget", "project_disbursement", "project_beneficiary"):
            list(sql(f"SELECT * FROM {table} WHERE project_id IN ({marks})", tuple(ids)))


def read_all(db: Database, village: str) -> None:
    ledgers.project_ledger(db, village)
    ledgers.fund_ledger(db, village, 2026)
    ledgers.integrated_funds(db, village)


def statements(db: Database, village: str) -> int:
    seen: list[str] = []

    def count(*_args: object) -> None:
        seen.append("x")

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        read_all(db, village)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--villages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, village = build(Path(tmp) / "small.sqlite3", 10)
        start = time.perf_counter()
        large, _ = build(Path(tmp) / "large.sqlite3", args.villages)
        print(f"built a register of {args.villages} villages in {time.perf_counter() - start:.1f} s", flush=True)
        _, t_small = best_and_median(lambda: read_all(small, village), args.repeat)
        _, t_large = best_and_median(lambda: read_all(large, village), args.repeat)
        _, t_bare = best_and_median(lambda: bare(large, village), args.repeat)
        print(f"statements per village's three ledgers: {statements(small, village)} (10 villages), "
              f"{statements(large, village)} ({args.villages} villages)")
        report(f"a village's ledgers, {args.villages} villages vs 10", t_large, t_small, 2.0)
        report("a village's ledgers vs plain SQL of its rows", t_large, t_bare, 20.0)
        small.close()
        large.close()


if __name__ == "__main__":
    main()
