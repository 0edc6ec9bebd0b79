"""The dry run of a household import: what would be created, updated, left unchanged or rejected.

:func:`inspect_file` finds the sheet, its header row and a proposed column mapping (the GUI
shows it for correction). :func:`build_plan` streams the file once (:mod:`.fragments`), then
decides household by household in batches (:mod:`.households`): set look-ups against the
register, a few queries per 500 households, never one per row. Households are matched by
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
from fieldapp.services.excel.fragments import Cancelled, Grouped, ImportCancelled, Progress, group_rows
from fieldapp.services.excel.layout import CHECK, HOUSEHOLD_LAYOUT, IGNORE, Layout, missing_required
from fieldapp.services.excel.read import MAX_BYTES, SpreadsheetError, open_table
from fieldapp.store.models import ChangeLog

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
    op_count: int = 0
    applied: Any = None  # the ApplyResult once written (a cancel that came too late can tell)

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
        if self.ops is None:
            raise RuntimeError("the plan is closed")
        self.ops.seek(0)
        for _ in range(self.op_count):
            yield pickle.load(self.ops)  # a fresh unpickler each time: the pickler's memo is cleared per op

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
    """Read ``path`` and decide every household (nothing is written). Raises SpreadsheetError, ImportCancelled."""
    options = options or ImportOptions()
    layout = HOUSEHOLD_LAYOUT
    mark = _register_mark(ctx)
    with open_table(path, layout, sheet=options.sheet, max_bytes=options.max_bytes) as table:
        mapping = check_mapping(options.mapping if options.mapping is not None else table.guess, table.headers)
        grouped = group_rows(table, layout, mapping, ctx.ref, progress=progress, cancelled=cancelled)
        info = (table.path, table.sheet, table.header_row, list(table.headers))
    try:
        notes = _notes(grouped, table.headers, mapping, layout, sheet=info[1], header_row=info[2])
        plan = Plan(*info, mapping=mapping, entries=[], notes=notes, rejected_rows={}, register_mark=mark,
                    ops=tempfile.TemporaryFile(prefix="fieldapp-plan-"))  # noqa: SIM115  (owned by the Plan)
        try:
            _decide_all(ctx, grouped, plan, options, progress=progress, cancelled=cancelled)
        except BaseException:
            plan.close()
            raise
    finally:
        grouped.close()
    log.info("import plan of %s: %s", Path(path).name, plan.summary())
    return plan


def _decide_all(ctx: AppContext, grouped: Grouped, plan: Plan, options: ImportOptions, *,
                progress: Progress | None, cancelled: Cancelled | None) -> None:
    assert plan.ops is not None
    pickler = pickle.Pickler(plan.ops, protocol=pickle.HIGHEST_PROTOCOL)
    keys = list(grouped.index)
    context = decide.Context.load(ctx, options.default_village, options.today or dt.date.today(),
                                  check_income=CHECK in {HOUSEHOLD_LAYOUT.by_key[k].level
                                                         for k in plan.mapping.values() if k})
    with ctx.db.read() as conn:  # the register moving on after this is refused by apply_plan (register_mark)
        numbers = decide.register_numbers(conn, {k for k in keys if not k.startswith("?")})
    for start in range(0, len(keys), BATCH):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        groups = [decide.merge_runs(grouped.load(k), grouped.late.get(k, [])) for k in keys[start:start + BATCH]]
        with ctx.db.read() as conn:
            register = decide.RegisterSlice.load(conn, groups, context.check_income, numbers)
        for group in groups:
            d = decide.decide(group, register, context)
            plan.entries.append(Entry(d.status, group.rows, group.hh_no, d.head, d.message, d.people))
            if d.status == "rejected":
                plan.rejected_rows.update(decide.row_reasons(group.rows, d.problems))
            if d.op is not None:
                pickler.dump((len(plan.entries) - 1, *d.op))
                pickler.clear_memo()
                plan.op_count += 1
        if progress is not None:
            progress(min(len(keys), start + BATCH), len(keys), "核对")
    plan.ops.flush()
    if context.unknown_cadres:
        names = "、".join(sorted(context.unknown_cadres)[:10])
        plan.notes.append(f"包扶责任人 {names} 不在本机干部名单中（或重名），这些户未关联包扶责任人")


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
