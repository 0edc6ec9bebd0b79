"""Saving one edited field: the number of SQL statements must not depend on the register size.

Counts the statements that ``register.save_record`` (what the editor's Save does)
and ``WriteTxn.update`` run for a one-field edit on a 1,000- and a 100,000-household
register, and times them against a raw sqlite3 UPDATE of the same cell.

    python -m bench.bench_save [--small 1000] [--large 100000]
"""

from __future__ import annotations

import argparse
import copy
import sqlite3

from sqlalchemy import event, text

from bench.common import best_and_median, demo_home
from fieldapp import paths
from fieldapp.services import register
from fieldapp.services.context import open_context
from fieldapp.store.models import Member


def measure(households: int) -> tuple[int, int, float, float]:
    home = demo_home(households)
    ctx = open_context(paths.DataPaths(home=home))
    try:
        with ctx.db.read() as conn:
            hid = conn.execute(text("SELECT household_id FROM household_list ORDER BY household_id LIMIT 1 OFFSET :o"),
                               {"o": households // 2}).scalar_one()
        statements: list[str] = []

        def count(_c: object, _cur: object, statement: str, *_a: object) -> None:
            statements.append(statement)

        original = register.load_record(ctx.db, hid)
        flip = [0]

        def save_one_field() -> None:
            edited = copy.deepcopy(original)
            flip[0] += 1
            edited.household["address"] = f"桃园村{flip[0]}号"
            register.save_record(ctx.writer, ctx.ref, edited, original)
            original.household["address"] = edited.household["address"]

        def update_one_field() -> None:
            flip[0] += 1
            with ctx.writer.transaction() as txn:
                txn.update(Member, original.members[0]["id"], {"employer": f"单位{flip[0]}"})

        event.listen(ctx.db.engine, "before_cursor_execute", count)
        save_one_field()
        save_count = len(statements)
        statements.clear()
        update_one_field()
        update_count = len(statements)
        event.remove(ctx.db.engine, "before_cursor_execute", count)
        _, save_time = best_and_median(save_one_field, repeat=15)
        _, update_time = best_and_median(update_one_field, repeat=15)
        return save_count, update_count, save_time, update_time
    finally:
        ctx.close()


def raw_update(households: int) -> float:
    db = demo_home(households) / "register.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    hid = conn.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()[0]
    flip = [0]

    def update() -> None:
        flip[0] += 1
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE member SET employer = ? WHERE id = ?", (f"raw{flip[0]}", hid))
        conn.execute("COMMIT")

    try:
        return best_and_median(update, repeat=15)[1]
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100_000)
    args = parser.parse_args()
    rows = {}
    for n in (args.small, args.large):
        rows[n] = measure(n)
        save_n, update_n, save_t, update_t = rows[n]
        print(f"{n:>7} households: save_record {save_n} statements ({save_t * 1000:.2f} ms), "
              f"writer.update {update_n} statements ({update_t * 1000:.2f} ms)")
    same = rows[args.small][:2] == rows[args.large][:2]
    print(f"statement count independent of register size: {'YES' if same else 'NO'}")
    raw = raw_update(args.large)
    update_t = rows[args.large][3]
    print(f"one-field update with change capture vs raw sqlite3 UPDATE: {update_t * 1000:.2f} ms vs "
          f"{raw * 1000:.2f} ms, ratio {update_t / raw:.2f}")


if __name__ == "__main__":
    main()
