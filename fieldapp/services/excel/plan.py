"""The dry run of a household import: what would be created, updated, left unchanged or rejected.

:func:`inspect_file` finds the sheet, its header row and a proposed column mapping (the GUI
shows it for correction). :func:`build_plan` streams the file once (:mod:`.fragments`) and
decides the households while it reads, in batches of those whose rows have ended
(:mod:`.households`): set look-ups against the register, a few queries per 500 households,
never one per row. A household reached again further down the file (more of its rows, or an
ID number it shares with a later household) is decided again once the file is read. Households are matched by
户编号, members by ID number (or, without one, by name within the household), so the same
file imported twice changes nothing. A household with any problem is rejected whole, with
the row and the reason of each problem; nothing of it is written.

The :class:`Plan` keeps the writes it would make in a spill file (memory stays bounded) and
remembers the register's last change, so :func:`fieldapp.services.excel.apply.apply_plan`
refuses a plan the register has moved on from.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select

from fieldapp.services.context import AppContext
from fieldapp.services.excel import households as decide
from fieldapp.services.excel.fragments import Cancelled, Grouped, ImportCancelled, Problem, Progress, Run, group_rows
from fieldapp.services.excel.layout import CHECK, HOUSEHOLD_LAYOUT, IGNORE, Layout, missing_required
from fieldapp.services.excel.read import MAX_BYTES, SpreadsheetError, open_table
from fieldapp.store.models import ChangeLog
from fieldapp.sync import gcpause

log = logging.getLogger("fieldapp.excel")

STATUSES = ("create", "update", "unchanged", "rejected")
STATUS_LABELS = {"create": "新增", "update": "更新", "unchanged": "无变化", "rejected": "拒绝"}
BATCH = 500

__all__ = ["STATUSES", "STATUS_LABELS", "Entry", "ImportCancelled", "ImportOptions", "Plan", "SourceInfo",
           "build_plan", "column_letter", "inspect_file"]


def column_letter(index: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(slots=True)
class Entry:
    """One household of the file (or one unusable row) and what the import does with it."""

    status: str
    rows: list[int]
    hh_no: str | None
    head: str | None
    message: str
    people: int = 0

    def rows_text(self) -> str:
        """``5–8、12``."""
        parts: list[str] = []
        rows = sorted(self.rows)
        start = prev = rows[0] if rows else 0
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            parts.append(str(start) if start == prev else f"{start}–{prev}")
            if r is not None:
                start = prev = r
        return "、".join(parts)


@dataclass
class ImportOptions:
    mapping: dict[int, str | None] | None = None  # column index → field key; None: as guessed
    sheet: str | None = None
    default_village: str | None = None  # village id for new households when the file names none
    max_bytes: int = MAX_BYTES
    today: dt.date | None = None


@dataclass
class SourceInfo:
    """What :func:`inspect_file` found: sheet, header row and the proposed mapping."""

    path: Path
    kind: str
    sheet: str
    sheets: list[str]
    encoding: str | None
    header_row: int
    headers: list[str]
    mapping: dict[int, str | None]
    samples: dict[int, list[Any]]

    def unmapped(self) -> list[str]:
        return [f"{column_letter(c)}列“{self.headers[c]}”" for c, k in self.mapping.items()
                if k is None and c < len(self.headers) and self.headers[c]]


@dataclass
class Plan:
    """The dry-run result. Close it (or use ``with``) to delete its spill file."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str | None]
    entries: list[Entry]
    notes: list[str]
    rejected_rows: dict[int, str]
    register_mark: int
    ops: IO[bytes] | None = field(default=None, repr=False)
    op_count: int = 0  # writes to make (households)
    applied: Any = None  # the ApplyResult once written (a cancel that came too late can tell)
    # The ops file: the ops of the pass first, in the order of the entries; then those of households decided
    # again after it (entry index, offset), which replace their first op (void: those entries' first ops).
    first_ops: int = field(default=0, repr=False)
    void: set[int] = field(default_factory=set, repr=False)
    later: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def counts(self) -> dict[str, int]:
        found = Counter(e.status for e in self.entries)
        return {s: found.get(s, 0) for s in STATUSES}

    def people(self, status: str) -> int:
        return sum(e.people for e in self.entries if e.status == status)

    def summary(self) -> str:
        c = self.counts()
        text = (f"新增 {c['create']} 户（{self.people('create')} 人），更新 {c['update']} 户，"
                f"无变化 {c['unchanged']} 户，拒绝 {c['rejected']} 户")
        if self.rejected_rows:
            text += f"（{len(self.rejected_rows)} 行）"
        return text

    @property
    def has_writes(self) -> bool:
        return self.op_count > 0

    def iter_ops(self) -> Iterator[tuple[Any, ...]]:
        """Each write to make, ``(entry index, kind, …)``, in the order of the entries."""
        ops = self.ops
        if ops is None:
            raise RuntimeError("the plan is closed")
        ops.seek(0)
        later = sorted(self.later)
        taken = 0
        for _ in range(self.first_ops):
            op = pickle.load(ops)  # a fresh unpickler each time: the pickler's memo is cleared per op
            while taken < len(later) and later[taken][0] < op[0]:
                yield self._op_at(later[taken][1])
                taken += 1
            if op[0] not in self.void:
                yield op
        for _index, offset in later[taken:]:
            yield self._op_at(offset)

    def _op_at(self, offset: int) -> tuple[Any, ...]:
        assert self.ops is not None
        back = self.ops.tell()
        self.ops.seek(offset)
        op: tuple[Any, ...] = pickle.load(self.ops)
        self.ops.seek(back)
        return op

    def close(self) -> None:
        if self.ops is not None:
            self.ops.close()
            self.ops = None

    def __enter__(self) -> Plan:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def inspect_file(path: Path | str, *, sheet: str | None = None, max_bytes: int = MAX_BYTES,
                 layout: Layout = HOUSEHOLD_LAYOUT) -> SourceInfo:
    """Identify the file and its header; raises :class:`SpreadsheetError` for what cannot be imported."""
    with open_table(path, layout, sheet=sheet, max_bytes=max_bytes) as table:
        return SourceInfo(table.path, table.kind, table.sheet, table.sheets, table.encoding, table.header_row,
                          table.headers, dict(table.guess), table.samples)


def check_mapping(mapping: dict[int, str | None], headers: list[str], layout: Layout = HOUSEHOLD_LAYOUT,
                  ) -> dict[int, str | None]:
    """The mapping if usable: known fields, each on one column, the required ones present."""
    seen: dict[str, int] = {}
    for col, key in sorted(mapping.items()):
        if key is None:
            continue
        if key not in layout.by_key:
            raise SpreadsheetError(f"{column_letter(col)}列指定的字段“{key}”不存在")
        if key in seen and layout.by_key[key].level != IGNORE:
            raise SpreadsheetError(f"“{layout.by_key[key].label}”同时指定给了{column_letter(seen[key])}列和"
                                   f"{column_letter(col)}列；每个字段只能对应一列")
        seen[key] = col
    missing = missing_required(layout, mapping)
    if missing:
        names = "、".join(f.label for f in missing)
        raise SpreadsheetError(f"缺少必需的列：{names}。请检查表头，或在导入时指定哪一列是{names}")
    return {c: k for c, k in mapping.items() if k is not None and c < max(len(headers), 1)}


def _register_mark(ctx: AppContext) -> int:
    c = ChangeLog.__table__
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.coalesce(func.max(c.c.seq), 0))).scalar() or 0)


def build_plan(ctx: AppContext, path: Path | str, options: ImportOptions | None = None, *,
               progress: Progress | None = None, cancelled: Cancelled | None = None) -> Plan:
    """Read ``path`` and decide every household (nothing is written). Raises SpreadsheetError, ImportCancelled.

    The cyclic collector is paused meanwhile (:func:`fieldapp.sync.gcpause.paused`): the rows, runs and
    entries in flight made it run a collection every few hundred rows, and now and then a full one over the
    whole process (≈ 9 % of a dry run). What the plan drops is freed by reference counting as it goes, but
    for the register queries' statements (cycles holding their ``IN`` lists), collected after each batch.
    """
    with gcpause.paused():
        return _build_plan(ctx, path, options, progress, cancelled)


def _build_plan(ctx: AppContext, path: Path | str, options: ImportOptions | None, progress: Progress | None,
                cancelled: Cancelled | None) -> Plan:
    options = options or ImportOptions()
    layout = HOUSEHOLD_LAYOUT
    mark = _register_mark(ctx)
    with open_table(path, layout, sheet=options.sheet, max_bytes=options.max_bytes) as table:
        mapping = check_mapping(options.mapping if options.mapping is not None else table.guess, table.headers)
        plan = Plan(table.path, table.sheet, table.header_row, list(table.headers), mapping=mapping, entries=[],
                    notes=[], rejected_rows={}, register_mark=mark,
                    ops=tempfile.TemporaryFile(prefix="fieldapp-plan-"))  # noqa: SIM115  (owned by the Plan)
        try:
            decider = _Decider(ctx, plan, options, cancelled)
            grouped = group_rows(table, layout, mapping, ctx.ref, done=decider.add, reached=decider.reached,
                                 late=decider.late, progress=progress, cancelled=cancelled)
            try:
                decider.finish(grouped, progress)
            finally:
                grouped.close()
        except BaseException:
            plan.close()
            raise
    plan.notes[:0] = _notes(grouped, plan.headers, mapping, layout, sheet=plan.sheet, header_row=plan.header_row)
    log.info("import plan of %s: %s", Path(path).name, plan.summary())
    return plan


class _Decider:
    """Households decided while the file is read, in batches of those whose runs have ended.

    A household is decided once its first run has ended and :data:`BATCH` households are waiting (a later
    run of a household still waiting joins it). One reached again after it was decided is decided again
    from its runs in the spill file once the file is read; its entry keeps its place and its new op
    replaces the first.
    """

    def __init__(self, ctx: AppContext, plan: Plan, options: ImportOptions, cancelled: Cancelled | None) -> None:
        assert plan.ops is not None
        self.ctx, self.plan, self.cancelled = ctx, plan, cancelled
        self.pickler = pickle.Pickler(plan.ops, protocol=pickle.HIGHEST_PROTOCOL)
        self.context = decide.Context.load(ctx, options.default_village, options.today or dt.date.today(),
                                           check_income=CHECK in {HOUSEHOLD_LAYOUT.by_key[k].level
                                                                  for k in plan.mapping.values() if k})
        self.waiting: dict[str, list[tuple[Any, ...]]] = {}  # key → its runs' states, in order of first run
        self.decided: dict[str, int] = {}  # key → its entry's index
        self.again: set[str] = set()  # decided keys reached again
        self.late: dict[str, list[Problem]] = {}  # key → problems found after its run ended (Grouped.late)

    def add(self, run: Run) -> None:
        runs = self.waiting.get(run.key)
        if runs is not None:
            runs.append(run.state())
        elif run.key not in self.decided:
            self.waiting[run.key] = [run.state()]
            if len(self.waiting) >= BATCH:
                self._decide_waiting()
        # else: decided already, and marked to be decided again (reached)

    def reached(self, key: str) -> None:
        if key in self.decided:
            self.again.add(key)

    def _decide_waiting(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled
        waiting, self.waiting = self.waiting, {}
        groups = [decide.merge_runs(runs, self.late.get(key, [])) for key, runs in waiting.items()]
        self._decide(groups, [None] * len(groups))

    def _decide(self, groups: list[decide.Group], indexes: list[int | None]) -> None:
        """Decide ``groups``: new entries (index None), or again those at ``indexes``."""
        plan = self.plan
        assert plan.ops is not None
        with self.ctx.db.read() as conn:  # the register moving on after this is refused by apply_plan (register_mark)
            register = decide.RegisterSlice.load(conn, groups, self.context.check_income)
        for group, again in zip(groups, indexes, strict=True):
            d = decide.decide(group, register, self.context)
            entry = Entry(d.status, group.rows, group.hh_no, d.head, d.message, d.people)
            if again is None:
                index = len(plan.entries)
                plan.entries.append(entry)
                self.decided[group.key] = index
            else:
                index = again
                first = plan.entries[index]
                if first.status == "rejected":
                    for row in first.rows:
                        plan.rejected_rows.pop(row, None)
                if first.status in ("create", "update"):
                    plan.void.add(index)
                    plan.op_count -= 1
                plan.entries[index] = entry
            if d.status == "rejected":
                plan.rejected_rows.update(decide.row_reasons(group.rows, d.problems))
            if d.op is not None:
                if again is None:
                    plan.first_ops += 1
                else:
                    plan.later.append((index, plan.ops.tell()))
                self.pickler.dump((index, *d.op))
                self.pickler.clear_memo()
                plan.op_count += 1
        gcpause.collect_young()

    def finish(self, grouped: Grouped, progress: Progress | None) -> None:
        """The households still waiting, then those reached again after they were decided."""
        if self.waiting:
            self._decide_waiting()
        again = sorted(self.again, key=self.decided.__getitem__)
        for start in range(0, len(again), BATCH):
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled
            keys = again[start:start + BATCH]
            self._decide([decide.merge_runs(grouped.load(k), grouped.late.get(k, [])) for k in keys],
                         [self.decided[k] for k in keys])
            if progress is not None:
                progress(min(len(again), start + BATCH), len(again), "核对")
        assert self.plan.ops is not None
        self.plan.ops.flush()
        if self.context.unknown_cadres:
            names = "、".join(sorted(self.context.unknown_cadres)[:10])
            self.plan.notes.append(f"包扶责任人 {names} 不在本机干部名单中（或重名），这些户未关联包扶责任人")


def _notes(grouped: Grouped, headers: list[str], mapping: dict[int, str | None], layout: Layout, *, sheet: str,
           header_row: int) -> list[str]:
    notes = [f"工作表“{sheet}”，表头在第{header_row}行，数据 {grouped.rows} 行"]
    skipped = [(grouped.blank, "空行"), (grouped.headers, "重复的表头行"),
               (grouped.non_data, "没有户编号和成员信息的行（如合计行）")]
    for count, what in skipped:
        if count:
            notes.append(f"跳过{what} {count} 行")
    ignored = [f"{column_letter(c)}列“{h}”" for c, h in enumerate(headers)
               if h and (mapping.get(c) is None or layout.by_key[str(mapping[c])].level == IGNORE)]
    if ignored:
        notes.append(f"以下列不导入：{'、'.join(ignored[:20])}{'等' if len(ignored) > 20 else ''}")
    if any(k and layout.by_key[k].level == CHECK for k in mapping.values()):
        notes.append("“人均纯收入”由本机按收入明细计算，表中的数值不导入，只用于核对已有农户")
    if grouped.split:
        shown = "、".join(list(grouped.split)[:10])
        notes.append(f"户编号 {shown} 的行不连续，已按户编号合并为一户")
    return notes
