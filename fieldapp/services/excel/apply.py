"""Writing an import plan: one transaction through the one write path.

Every insert and update goes through :class:`fieldapp.store.writer.WriteTxn`, so the import
is in ``change_log`` (it syncs, and shows in each household's history under the signed-in
cadre) and the household list is rebuilt for the households it touched, all in the same
transaction: the whole plan is written, or nothing (an error or a cancel rolls it back).
New households are inserted in batches (``insert_many``); updates write only the fields
that differ. A plan the register has moved on from since the dry run is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.excel.fragments import ImportCancelled
from fieldapp.services.excel.households import HOUSEHOLD_COLUMNS, MEMBER_COLUMNS
from fieldapp.services.excel.plan import Plan
from fieldapp.store.models import ChangeLog, Household, Member
from fieldapp.store.writer import WriteTxn
from fieldapp.sync import gcpause

log = logging.getLogger("fieldapp.excel")

BATCH_HOUSEHOLDS = 500
BATCH_MEMBERS = 2000


class PlanOutdated(RuntimeError):
    """The register changed after the dry run; the plan must be made again."""


@dataclass(frozen=True)
class ApplyResult:
    created: int
    updated: int
    members_created: int
    members_updated: int

    def summary(self) -> str:
        return (f"已导入：新增 {self.created} 户 {self.members_created} 人，更新 {self.updated} 户"
                f"（其中成员 {self.members_updated} 人有修改）")


class _Batches:
    """New households and members waiting to be inserted (households first: foreign keys)."""

    def __init__(self, txn: WriteTxn) -> None:
        self.txn = txn
        self.households: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.blank_household = dict.fromkeys(HOUSEHOLD_COLUMNS)
        self.blank_member = dict.fromkeys(MEMBER_COLUMNS)

    def household(self, values: dict[str, Any]) -> str:
        household_id = new_id()
        self.households.append({**self.blank_household, **values, "id": household_id})
        return household_id

    def member(self, household_id: str, values: dict[str, Any]) -> None:
        self.members.append({**self.blank_member, **values, "household_id": household_id})

    def flush(self, force: bool = False) -> None:
        if force or len(self.households) >= BATCH_HOUSEHOLDS or len(self.members) >= BATCH_MEMBERS:
            if self.households:
                self.txn.insert_many(Household, self.households)
                self.households = []
            if self.members:
                self.txn.insert_many(Member, self.members)
                self.members = []


def _apply_op(txn: WriteTxn, batches: _Batches, op: tuple[Any, ...]) -> tuple[int, int, int, int]:
    """One household's writes; returns (created, updated, members created, members updated)."""
    _index, kind, *rest = op
    if kind == "create":
        values, members = rest
        household_id = batches.household(values)
        for m in members:
            batches.member(household_id, m)
        return 1, 0, len(members), 0
    household_id, changes, member_changes, new_members = rest
    if changes:
        txn.update(Household, household_id, changes)
    for member_id, member_values in member_changes:
        txn.update(Member, member_id, member_values)
    for m in new_members:
        batches.member(household_id, m)
    return 0, 1, len(new_members), len(member_changes)


def apply_plan(ctx: AppContext, plan: Plan, *, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ApplyResult:
    """Write ``plan`` (see the module docstring). Raises PlanOutdated, ImportCancelled (nothing written).

    The cyclic collector is paused meanwhile, as for the dry run (:func:`~fieldapp.services.excel.plan.build_plan`),
    and what became cyclic garbage is collected every 200 households.
    """
    with gcpause.paused():
        return _apply_plan(ctx, plan, progress, cancelled)


def _apply_plan(ctx: AppContext, plan: Plan, progress: Callable[[int, int, str], None] | None,
                cancelled: Callable[[], bool] | None) -> ApplyResult:
    created = updated = members_created = members_updated = 0
    total = plan.op_count
    with ctx.writer.transaction() as txn:
        mark = int(txn.conn.execute(select(func.coalesce(func.max(ChangeLog.__table__.c.seq), 0))).scalar() or 0)
        if mark != plan.register_mark:
            raise PlanOutdated("预览之后登记册又有了修改（本机或同步），请重新预览后再导入")
        batches = _Batches(txn)
        for done, op in enumerate(plan.iter_ops(), start=1):
            counts = _apply_op(txn, batches, op)
            created += counts[0]
            updated += counts[1]
            members_created += counts[2]
            members_updated += counts[3]
            batches.flush()
            if done % 200 == 0:
                gcpause.collect_young()  # the updates' statements
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                if progress is not None:
                    progress(done, total, "写入")
        batches.flush(force=True)
        if progress is not None:
            progress(total, total, "更新户列表")
        if cancelled is not None and cancelled():
            raise ImportCancelled
    result = plan.applied = ApplyResult(created, updated, members_created, members_updated)
    log.info("import applied from %s: %s", plan.path.name, result.summary())
    return result
