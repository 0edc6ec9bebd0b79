"""Saving one edited field: the number of SQL statements must not depend on the register size.

Counts the statements that ``register.save_record`` (what the editor's Save does)
and ``WriteTxn.update`` run for a one-field edit on a 1,000- and a 100,000-household
register, and times them (the write overhead of change capture is issue 5's benchmark).

    python -m bench.bench_save [--small 1000] [--large 100000]
"""

from __future__ import annotations

import argparse
import copy
import datetime
import time

from sqlalchemy import event

from bench.common import best_and_median, demo_home
from fieldapp import paths
from fieldapp.services import register
from fieldapp.services.context import open_context
from fieldapp.store.models import Member


def _probe_household(ctx: object) -> register.HouseholdRecord:
    from fieldapp.domain.resident_id import check_digit
    from fieldapp.services.setup import villages

    stamp = time.time_ns() % 10**6  # a fresh, unused resident ID for each run
    first17 = f"110101{1950 + stamp % 50}0101{stamp % 1000:03d}"
    members = [{"name": "测试户主", "relation": "01", "id_no": first17 + check_digit(first17)}]
    return register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "group_no": 1, "main_cause": "01"},  # type: ignore[arg-type]
        members=members, incomes=[{"year": 2025, "wage": 300000}],
        indicators=[{"code": "food", "met": True, "checked_on": datetime.date(2025, 6, 1)}],
        measures=[{"type": "industry", "content": "测试措施"}],
    )


def measure(households: int) -> tuple[int, int, float, float]:
    home = demo_home(households)
    ctx = open_context(paths.DataPaths(home=home))
    try:
        # The same household shape in every register: the statement count may depend on the
        # record's parts (members, incomes…), never on the register's size.
        hid = register.save_record(ctx.writer, ctx.ref, _probe_household(ctx))
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


if __name__ == "__main__":
    main()
