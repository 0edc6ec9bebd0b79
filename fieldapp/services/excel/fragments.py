"""First pass of an import: stream the rows, clean the cells, group them into households.

Rows belong to the household of their 户编号; a row with a blank 户编号 but member data
belongs to the household above it (a merged cell, or the national export's habit of
writing household columns on the first row only). Household columns may repeat on every
row: a later row that disagrees with an earlier one is a problem of that row. Blank rows,
repeated header rows and rows without household or member data (合计, 制表人…) are skipped
and counted.

Each run of consecutive rows of a household is handed on as it ends (``done``), so the plan
decides households while the file is read; a household whose rows are not consecutive has
several runs. The runs also go to a spill file, so memory holds only the indexes (户编号 →
runs, ID number → first household), never the workbook: a household reached again after it
was decided (a later run of it, or a duplicate ID number found further down; ``reached``) is
decided again from its runs read back.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import operator
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from fieldapp.domain.refdata import RefData
from fieldapp.services.excel.clean import CellProblem, make_cleaner
from fieldapp.services.excel.layout import IGNORE, MEMBER, Field, Layout
from fieldapp.services.excel.read import Table

log = logging.getLogger("fieldapp.excel")

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Problem = tuple[int, str]  # (row, message)


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(slots=True)
class Run:
    """Consecutive rows of one household, cleaned."""

    key: str  # the 户编号, or "?<row>" for a row that has none
    hh_no: str | None
    rows: list[int] = field(default_factory=list)
    household: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)  # household field → row it came from
    members: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    last_raw: tuple[Any, ...] | None = None
    first_raw: dict[str, Any] = field(default_factory=dict)  # household field → the cell it was taken from

    def state(self) -> tuple[Any, ...]:
        return self.key, self.hh_no, self.rows, self.household, self.sources, self.members, self.problems


@dataclass
class Grouped:
    """What the first pass found: the spill file, its index, the counts and the duplicates."""

    spill: IO[bytes]
    index: dict[str, list[int]]  # key → offsets of its runs, in order of first appearance
    late: dict[str, list[Problem]]  # key → problems found after its run was written (duplicate IDs)
    rows: int = 0
    blank: int = 0
    headers: int = 0
    non_data: int = 0
    split: dict[str, None] = field(default_factory=dict)  # keys whose rows are not consecutive

    def load(self, key: str) -> list[tuple[Any, ...]]:
        """The runs of ``key`` as :meth:`Run.state` gave them, read back from the spill file (once the pass is over)."""
        self.spill.flush()
        runs = []
        for offset in self.index[key]:
            self.spill.seek(offset)
            runs.append(pickle.load(self.spill))
        return runs

    def close(self) -> None:
        self.spill.close()


class _Grouper:
    """The state of one pass: the run being filled, the spill file and its indexes."""

    def __init__(self, table: Table, layout: Layout, mapping: dict[int, str | None], ref: RefData, *,
                 done: Callable[[Run], None], reached: Callable[[str], None], late: dict[str, list[Problem]]) -> None:
        self.layout = layout
        self.done = done
        self.reached = reached
        self.hh_col = next(c for c, k in mapping.items() if k == "hh_no")
        cols = [(c, layout.by_key[k]) for c, k in sorted(mapping.items()) if k is not None and k != "hh_no"]
        # (column, key, label, cleaner, its results by text: see _memo)
        self.member_cols: list[tuple[int, str, str, Callable[[Any], Any], dict[Any, Any]]] = [
            (c, f.key, f.label, make_cleaner(f, ref), {}) for c, f in cols if f.level == MEMBER]
        self.household_cols = [(c, f, _memo(make_cleaner(f, ref))) for c, f in cols
                               if f.level not in (MEMBER, IGNORE)]
        self.hh_idx = tuple(c for c, _f, _cl in self.household_cols)
        self.household_raw = _picker(self.hh_idx)
        self.clean_hh_no = make_cleaner(layout.by_key["hh_no"], ref)
        self.header_cells = [(c, table.headers[c]) for c in (self.hh_col, *(m[0] for m in self.member_cols[:2]))
                             if c < len(table.headers) and table.headers[c]]
        spill = tempfile.TemporaryFile(prefix="fieldapp-import-")  # noqa: SIM115  (owned by Grouped)
        self.grouped = Grouped(spill=spill, index={}, late=late)
        # ID number (as an int: half the memory of the text) → row where first seen; the household of a
        # row is found among the runs' first rows (ascending), so 350,000 IDs cost ~100 bytes each.
        self.first_ids: dict[int, int] = {}
        self.run_starts: list[int] = []
        self.run_keys: list[str] = []
        self.current: Run | None = None
        self.pickler = pickle.Pickler(spill, protocol=pickle.HIGHEST_PROTOCOL)

    def flush(self) -> None:
        run, grouped = self.current, self.grouped
        if run is None:
            return
        offsets = grouped.index.setdefault(run.key, [])
        again = bool(offsets)
        if again:
            grouped.split.setdefault(run.key, None)
        offsets.append(grouped.spill.tell())
        self.pickler.dump(run.state())
        self.pickler.clear_memo()
        self.current = None
        if again:
            self.reached(run.key)
        self.done(run)

    def skipped(self, values: tuple[Any, ...]) -> bool:
        """Blank rows and header rows (repeated further down, or a second header row under the first)."""
        g = self.grouped
        if values.count(None) == len(values):
            g.blank += 1
            return True
        for c, h in self.header_cells:
            value = values[c]
            if type(value) is str and value.strip() == h:
                g.headers += 1
                return True
        if g.rows <= 3 and self.layout.is_header_like(values):
            g.headers += 1
            return True
        return False

    def member(self, number: int, values: tuple[Any, ...], problems: list[Problem]) -> dict[str, Any]:
        member: dict[str, Any] = {}
        for c, key, label, clean, cache in self.member_cols:  # _memo, inlined: this runs for every cell
            value = values[c]
            if value is None:
                continue
            kept = type(value) is str or (type(value) is float and value != 0)  # see _memo
            cleaned = cache.get(value, _MISSING) if kept else _MISSING
            if cleaned is _MISSING:
                try:
                    cleaned = clean(value)
                except CellProblem as exc:
                    cleaned = exc
                if kept and len(cache) < MEMO_SIZE:
                    cache[value] = cleaned
            if type(cleaned) is CellProblem:
                problems.append((number, f"{label}{cleaned}"))
            elif cleaned is not None:
                member[key] = cleaned
        return member

    def row(self, number: int, values: tuple[Any, ...]) -> None:
        self.grouped.rows += 1
        if self.skipped(values):
            return
        problems: list[Problem] = []
        member = self.member(number, values, problems)
        key = _key(values[self.hh_col], number, self.clean_hh_no, problems)
        if key is None:  # no 户编号: the household above (merged cell), or not household data at all
            if not member and not problems:
                self.grouped.non_data += 1
                return
            if self.current is not None:
                key = self.current.key
            else:
                key = f"?{number}"
                problems.append((number, "缺少户编号"))
        if self.current is None or self.current.key != key:
            self.flush()
            self.current = Run(key, key if key[0] != "?" else None)
            self.run_starts.append(number)
            self.run_keys.append(key)
        run = self.current
        run.rows.append(number)
        run.problems.extend(problems)
        household_raw = self.household_raw(values)
        if household_raw != run.last_raw:
            _merge_household(run, number, values, self.household_cols, household_raw)
        if member:
            run.members.append((number, member))
            if "id_no" in member:
                self.check_duplicate(run, number, member["id_no"])

    def check_duplicate(self, run: Run, number: int, id_no: str) -> None:
        """The same ID number in two households of the file: a problem of both."""
        other_row = self.first_ids.setdefault(_compact(id_no), number)
        other_key = self.run_keys[bisect.bisect_right(self.run_starts, other_row) - 1]
        if other_key != run.key:
            where = f"户编号 {other_key}" if other_key[0] != "?" else "另一行"
            run.problems.append((number, f"证件号码 {id_no} 也出现在第{other_row}行（{where}）：同一人不能在两户"))
            self.grouped.late.setdefault(other_key, []).append(
                (other_row, f"证件号码 {id_no} 也出现在第{number}行（户编号 {run.key}）：同一人不能在两户"))
            self.reached(other_key)


MEMO_SIZE = 4096  # distinct texts remembered per column: code lists, villages, causes (names and IDs overflow)


def _memo(clean: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``clean`` remembering its result (or its refusal) for each distinct text of a column.

    Most columns hold a few values on every row (性别, 文化程度, 是); cleaning the same text
    350,000 times was the larger part of reading a big file. Only ``str`` and ``float`` cells are
    remembered (``1 == 1.0 == True`` would mix up numbers and booleans as keys; a text never equals a
    number), not ``0.0``, which equals ``-0.0`` but is written otherwise in a message, and only the first
    :data:`MEMO_SIZE` distinct ones, so a column of names or ID numbers costs no memory.
    """
    cache: dict[Any, Any] = {}  # str or float → cleaned value or CellProblem

    def cleaned(value: Any) -> Any:
        if type(value) is not str and (type(value) is not float or value == 0):
            return clean(value)
        found = cache.get(value, _MISSING)
        if found is _MISSING:
            try:
                found = clean(value)
            except CellProblem as exc:
                found = exc
            if len(cache) < MEMO_SIZE:
                cache[value] = found
        if type(found) is CellProblem:
            raise CellProblem(*found.args)
        return found

    return cleaned


_MISSING = object()


def _picker(columns: tuple[int, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """The values of ``columns`` of a row, as a tuple (itemgetter gives a bare value for one column)."""
    if len(columns) > 1:
        return operator.itemgetter(*columns)
    return lambda values: tuple(values[c] for c in columns)


def group_rows(table: Table, layout: Layout, mapping: dict[int, str | None], ref: RefData, *,
               done: Callable[[Run], None] = lambda _run: None, reached: Callable[[str], None] = lambda _key: None,
               late: dict[str, list[Problem]] | None = None, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Grouped:
    """Stream ``table``'s rows into runs of households (see the module docstring).

    ``done(run)`` is called as each run ends, in the order the runs began; ``reached(key)`` when a household
    whose run has ended is reached again: a later run of it, or a duplicate ID number found for it (in
    :attr:`Grouped.late`, which is ``late`` when given, so the caller sees it while the pass runs).
    """
    grouper = _Grouper(table, layout, mapping, ref, done=done, reached=reached, late={} if late is None else late)
    grouped = grouper.grouped
    try:
        for number, values in table.rows():
            grouper.row(number, values)
            if grouped.rows % 2000 == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                if progress is not None:
                    progress(grouped.rows, table.estimated_rows, "读取")
        grouper.flush()
        grouped.spill.flush()
    except BaseException:
        grouped.close()
        raise
    log.info("import pass 1: %d rows, %d households, %d blank, %d header rows, %d non-data rows", grouped.rows,
             len(grouped.index), grouped.blank, grouped.headers, grouped.non_data)
    return grouped


def _compact(id_no: str) -> int:
    """A valid 18-character ID number as an int (the check character 0–9 or X as 0–10)."""
    return int(id_no[:17]) * 11 + "0123456789X".index(id_no[17])


def _key(raw: Any, number: int, clean: Callable[[Any], Any], problems: list[Problem]) -> str | None:
    """The row's household key: its 户编号, "?<row>" when that is unusable, None when blank."""
    if raw is None:
        return None
    try:
        hh_no = clean(raw)
    except CellProblem as exc:
        problems.append((number, f"户编号{exc}"))
        return f"?{number}"
    return None if hh_no is None else str(hh_no)


def _merge_household(run: Run, number: int, values: tuple[Any, ...],
                     household_cols: list[tuple[int, Field, Callable[[Any], Any]]],
                     household_raw: tuple[Any, ...]) -> None:
    previous = run.last_raw
    run.last_raw = household_raw
    for i, (c, f, clean) in enumerate(household_cols):
        value = values[c]
        if value is None or (previous is not None and previous[i] == value):
            continue
        try:
            cleaned = clean(value)
        except CellProblem as exc:
            run.problems.append((number, f"{f.label}{exc}"))
            continue
        if cleaned is None:
            continue
        known = run.household.get(f.key)
        if known is None:
            run.household[f.key] = cleaned
            run.sources[f.key] = number
            run.first_raw[f.key] = value
        elif known != cleaned:
            run.problems.append((number, f"“{f.label}”与本户第{run.sources[f.key]}行不一致"
                                         f"（{_shown(run.first_raw.get(f.key))}／{_shown(value)}）"))


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


__all__ = ["Grouped", "ImportCancelled", "Run", "group_rows"]
