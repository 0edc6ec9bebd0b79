"""The household register service: load and save one whole household record (一户一档).

A save validates everything first (domain rules plus the register-wide rule that a
resident ID may belong to one person only), then writes the differences through
the one write path in a single transaction: all of it, or nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from fieldapp.domain import register as rules
from fieldapp.domain import resident_id
from fieldapp.domain import workflow as workflow_rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.refdata import RefData
from fieldapp.store.db import Database
from fieldapp.store.models import SYNC_COLUMNS, Household, HouseholdListRow, IncomeYear, Indicator, Measure, Member
from fieldapp.store.writer import ChangeWriter, StaleField, Stamp, WriteTxn, stamps_of

log = logging.getLogger("fieldapp.services.register")

Row = dict[str, Any]


def _t(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


@dataclass
class HouseholdRecord:
    """A household with its members, incomes (per year), indicators and measures."""

    household: Row
    members: list[Row] = field(default_factory=list)
    incomes: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    #: the field stamps as loaded, by row id (see :func:`save_record`: a save is checked against them)
    stamps: dict[str, dict[str, Stamp]] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str | None:
        return self.household.get("id")

    def rows_of(self, table: str) -> list[Row]:
        """The rows of one table of the record (``household`` gives the one household row)."""
        return {"household": [self.household], "member": self.members, "income_year": self.incomes,
                "indicator": self.indicators, "measure": self.measures}.get(table, [])


def _plain(row: Any, stamps: dict[str, dict[str, Stamp]]) -> Row:
    """A row without its sync columns; its field stamps go to ``stamps``."""
    stamps[row["id"]] = stamps_of(row)
    return {k: v for k, v in row.items() if k not in SYNC_COLUMNS or k == "id"}


def _rows(conn: Connection, model: Any, household_id: str, order: Any,
          stamps: dict[str, dict[str, Stamp]]) -> list[Row]:
    table = _t(model)
    result = conn.execute(
        select(table).where(table.c.household_id == household_id, table.c.deleted.is_(False)).order_by(*order)
    )
    return [_plain(r, stamps) for r in result.mappings()]


def load_record(db: Database, household_id: str) -> HouseholdRecord:
    """The live record of one household, with the stamps of every field (raises LookupError)."""
    h = _t(Household)
    stamps: dict[str, dict[str, Stamp]] = {}
    with db.read() as conn:
        row = conn.execute(select(h).where(h.c.id == household_id, h.c.deleted.is_(False))).mappings().first()
        if row is None:
            raise LookupError(f"户 {household_id} 不存在或已删除")
        m, i, ind, me = _t(Member), _t(IncomeYear), _t(Indicator), _t(Measure)
        return HouseholdRecord(
            household=_plain(row, stamps),
            members=_rows(conn, Member, household_id, (m.c.relation, m.c.birth_date, m.c.id), stamps),
            incomes=_rows(conn, IncomeYear, household_id, (i.c.year,), stamps),
            indicators=_rows(conn, Indicator, household_id, (ind.c.code,), stamps),
            measures=_rows(conn, Measure, household_id, (me.c.date, me.c.id), stamps),
            stamps=stamps,
        )


def _blank_to_none(row: Row) -> Row:
    """Empty or whitespace-only text is stored as NULL, never as ''."""
    return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in row.items()}


def _normalize_member(m: Row) -> Row:
    m = _blank_to_none(m)
    if m.get("name"):
        m["name"] = m["name"].strip()
    if m.get("id_no"):
        m["id_no"] = resident_id.normalize(m["id_no"])
        try:
            number = resident_id.validate(m["id_no"])
        except resident_id.ResidentIdError:
            return m
        m.setdefault("birth_date", None)
        m["birth_date"] = m["birth_date"] or resident_id.birth_date(number)
        m["gender"] = m.get("gender") or resident_id.gender_code(number)
    return m


def validate_record(record: HouseholdRecord, ref: RefData, today: dt.date | None = None) -> dict[str, str]:
    problems = rules.record_problems(record.household, record.members, ref, today)
    years: set[int | None] = set()
    for i, row in enumerate(record.incomes):
        problems.update({f"income[{i}].{k}": v for k, v in rules.income_problems(row, today).items()})
        if row.get("year") in years:
            problems[f"income[{i}].year"] = "同一年度只能有一行收入"
        years.add(row.get("year"))
    for i, row in enumerate(record.indicators):
        problems.update({f"indicator[{i}].{k}": v for k, v in rules.indicator_problems(row, ref, today).items()})
    for i, row in enumerate(record.measures):
        problems.update({f"measure[{i}].{k}": v for k, v in rules.measure_problems(row, ref, today).items()})
    return problems


def duplicate_id_problems(conn: Connection, household_id: str | None, members: list[Row]) -> dict[str, str]:
    """A resident ID already held by a member of another household is refused, naming that household."""
    numbers = {m["id_no"]: i for i, m in enumerate(members) if m.get("id_no")}
    if not numbers:
        return {}
    m, hl = _t(Member), _t(HouseholdListRow)
    query = (
        select(m.c.id_no, m.c.name, m.c.household_id, hl.c.hh_no, hl.c.head_name)
        .join(hl, hl.c.household_id == m.c.household_id, isouter=True)
        .where(m.c.id_no.in_(list(numbers)), m.c.deleted.is_(False))
    )
    if household_id:
        query = query.where(m.c.household_id != household_id)
    problems = {}
    for other in conn.execute(query):
        label = f"户编号 {other.hh_no or '—'}（户主 {other.head_name or '—'}）"
        problems[f"member[{numbers[other.id_no]}].id_no"] = f"该证件号码已登记在{label}的成员 {other.name} 名下"
    return problems


def _edited(values: Row, before: Row) -> Row:
    """The fields of ``values`` that differ from what the editor loaded (``before``)."""
    return {k: v for k, v in values.items() if k not in before or before[k] != v}


def _sync_children(txn: WriteTxn, model: Any, household_id: str, before: list[Row], after: list[Row], *,
                   stamps: dict[str, dict[str, Stamp]]) -> None:
    old = {r["id"]: r for r in before if r.get("id")}
    kept: set[str] = set()
    for row in after:
        values = {k: v for k, v in row.items() if k not in SYNC_COLUMNS}
        values["household_id"] = household_id
        row_id = row.get("id")
        if row_id and row_id in old:
            kept.add(row_id)
            txn.update(model, row_id, _edited(values, old[row_id]), expect=stamps.get(row_id))
        else:
            row["id"] = txn.insert(model, values)
    for row_id in old.keys() - kept:
        txn.delete(model, row_id, expect=stamps.get(row_id))


def _sync_keyed(txn: WriteTxn, model: Any, household_id: str, *, key: str, before: list[Row], after: list[Row],
                stamps: dict[str, dict[str, Stamp]]) -> None:
    """Rows whose id derives from (household, key) — income years, indicator codes."""
    tag = _t(model).name
    old = {r["id"]: r for r in before}
    wanted = set()
    for row in after:
        row_id = natural_id(tag, household_id, row[key])
        wanted.add(row_id)
        values = {k: v for k, v in row.items() if k not in SYNC_COLUMNS}
        values["household_id"] = household_id
        if row_id in old:
            txn.update(model, row_id, _edited(values, old[row_id]), expect=stamps.get(row_id))
        else:
            txn.put(model, row_id, values)
        row["id"] = row_id
    for row in before:
        if row["id"] not in wanted:
            txn.delete(model, row["id"], expect=stamps.get(row["id"]))


def save_record(writer: ChangeWriter, ref: RefData, record: HouseholdRecord,
                original: HouseholdRecord | None = None, today: dt.date | None = None) -> str:
    """Validate and write ``record``; ``original`` is what was loaded (None for a new household).

    Only the fields that differ from ``original`` are written, so a field changed elsewhere meanwhile
    (another window, a sync merge, an import) that this editor did not touch is kept. A field this save
    changes that was changed elsewhere since ``original.stamps`` refuses the save with
    :class:`~fieldapp.store.writer.StaleWrite` (nothing written); see :func:`rebase`.
    Raises :class:`ValidationError` (nothing written) when anything is invalid, and when an edit changes
    ``exit_status`` or ``exit_year``: the workflows decide those (a new household may carry them: an import).
    """
    record.household = _blank_to_none(record.household)
    record.members = [_normalize_member(m) for m in record.members]
    record.measures = [_blank_to_none(m) for m in record.measures]
    record.indicators = [_blank_to_none(i) for i in record.indicators]
    problems = validate_record(record, ref, today)
    if original is not None:  # a new household may bring its (imported) status; an edit never changes it
        problems.update({f"household.{k}": v for k, v in
                         workflow_rules.typed_change_problems(record.household, original.household).items()})
    if problems:
        raise ValidationError(problems)
    with writer.transaction() as txn:
        problems = duplicate_id_problems(txn.conn, record.id, record.members)
        if problems:
            raise ValidationError(problems)
        values = {k: v for k, v in record.household.items() if k not in SYNC_COLUMNS}
        if original is None:
            household_id = txn.insert(Household, values)
            record.household["id"] = household_id
        else:
            household_id = str(original.id)
            txn.update(Household, household_id, _edited(values, original.household),
                       expect=original.stamps.get(household_id))
        before = original or HouseholdRecord(household={})
        stamps = before.stamps
        _sync_children(txn, Member, household_id, before.members, record.members, stamps=stamps)
        _sync_children(txn, Measure, household_id, before.measures, record.measures, stamps=stamps)
        _sync_keyed(txn, IncomeYear, household_id, key="year", before=before.incomes, after=record.incomes,
                    stamps=stamps)
        _sync_keyed(txn, Indicator, household_id, key="code", before=before.indicators, after=record.indicators,
                    stamps=stamps)
    return household_id


def rebase(original: HouseholdRecord, record: HouseholdRecord, stale: list[StaleField],
           keep_mine: set[tuple[str, str, str]]) -> tuple[HouseholdRecord, HouseholdRecord]:
    """After a refused stale save: the (original, record) pair to save again, as the person chose.

    For each stale field the original takes the value and stamp now in the register; the record keeps
    the person's value where ``(table, row_id, field)`` is in ``keep_mine`` (it then overwrites, having
    been seen), else takes the register's value (nothing of theirs is overwritten). New objects.
    A row the person deleted that changed elsewhere (``deleting``) is deleted again only if every
    such field was chosen as "mine"; else it comes back, with the register's values.
    """
    base, mine = copy.deepcopy(original), copy.deepcopy(record)
    for f in stale:
        for row in base.rows_of(f.table):
            if row.get("id") == f.row_id:
                row[f.field] = f.theirs
                base.stamps.setdefault(f.row_id, {})[f.field] = f.stamp
    for f in stale:
        if f.deleting:
            kept = mine.rows_of(f.table)
            if (f.table, f.row_id, f.field) not in keep_mine and not any(r.get("id") == f.row_id for r in kept):
                kept.extend(copy.deepcopy(r) for r in base.rows_of(f.table) if r.get("id") == f.row_id)
            continue
        if (f.table, f.row_id, f.field) not in keep_mine:
            for row in mine.rows_of(f.table):
                if row.get("id") == f.row_id:
                    row[f.field] = f.theirs
    return base, mine


def delete_household(writer: ChangeWriter, household_id: str) -> None:
    """Tombstone a household and everything under it (it stays in the change log and history)."""
    writer.actor.may("household", "delete")  # before its members: the refusal names what deleting needs
    record = load_record(writer.db, household_id)
    with writer.transaction() as txn:
        for model, rows in ((Measure, record.measures), (IncomeYear, record.incomes),
                            (Indicator, record.indicators), (Member, record.members)):
            for row in rows:
                txn.delete(model, row["id"])
        txn.delete(Household, household_id)
