"""Reading and writing targets and villages' yearly records (through ``ctx.writer``, with their permissions).

Both have natural ids: a target is one per (area, year, kind), a village's record one per (village, year),
so the district's import and a second entry of the same figure update the row instead of adding one.
A save writes only the fields that differ from the record as loaded, refusing (``StaleWrite``) a field
changed elsewhere since, as the register does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from fieldapp.domain import targets as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.money import MoneyError, yuan_to_fen
from fieldapp.domain.refdata import CodeList, RefData
from fieldapp.services.context import AppContext
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Target, VillageYear
from fieldapp.store.writer import ChangeWriter, Stamp, stamps_of

_T, _V, _A = Target.__table__, VillageYear.__table__, Area.__table__
VILLAGE_EDIT = "village.edit"
TARGETS_EDIT = "targets.edit"
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class TargetRecord:
    id: str
    area_id: str
    year: int
    kind: str
    value: int


@dataclass(frozen=True)
class VillageYearRecord:
    """A village's record for a year; ``stamps`` are the clocks of its fields as read (empty: not stored yet)."""

    village_id: str
    year: int
    poor_village: bool = False
    out_year: int | None = None  # 摘帽年份
    rural_population: int | None = None
    official_incidence: Decimal | None = None  # percent
    collective_income: int | None = None  # fen
    indicators: Mapping[str, bool] = field(default_factory=dict)
    note: str = ""
    stamps: Mapping[str, Stamp] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        return village_year_id(self.village_id, self.year)

    @property
    def stored(self) -> bool:
        return bool(self.stamps)


def target_id(area_id: str, year: int, kind: str) -> str:
    return natural_id("target", area_id, year, kind)


def village_year_id(village_id: str, year: int) -> str:
    return natural_id("village_year", village_id, year)


# -------------------------------------------------------------------------------- reads


CHUNK = 500  # ids per IN (…): SQLite's and PostgreSQL's parameter limits are far above it


def _chunks(ids: Iterable[str] | None) -> list[list[str] | None]:
    if ids is None:
        return [None]
    found = list(ids)
    return [found[start:start + CHUNK] for start in range(0, len(found), CHUNK)]


def _years(year: int | Iterable[int] | None) -> list[int] | None:
    return None if year is None else [year] if isinstance(year, int) else list(year)


def read_targets(conn: Connection, area_ids: Iterable[str] | None = None,
                 year: int | Iterable[int] | None = None) -> list[TargetRecord]:
    """The targets of these areas (all: None) and year or years (every year: None), read in ``conn`` (one
    snapshot with the caller's other reads), by year, area and kind."""
    years = _years(year)
    found = []
    for chunk in _chunks(area_ids):
        stmt = select(_T.c.id, _T.c.area_id, _T.c.year, _T.c.kind, _T.c.value).where(_T.c.deleted.is_(False))
        if chunk is not None:
            stmt = stmt.where(_T.c.area_id.in_(chunk))
        if years is not None:
            stmt = stmt.where(_T.c.year.in_(years))
        found += [TargetRecord(r.id, r.area_id, int(r.year), r.kind, int(r.value)) for r in conn.execute(stmt)]
    return sorted(found, key=lambda t: (t.year, t.area_id, t.kind))


def targets_of(db: Database, area_ids: Iterable[str] | None = None,
               year: int | Iterable[int] | None = None) -> list[TargetRecord]:
    """The targets of these areas (all areas: None) and year (every year: None), by year, area and kind."""
    with db.read() as conn:
        return read_targets(conn, area_ids, year)


def _record(row: Any, ref: RefData) -> VillageYearRecord:
    """A stored row (a mapping of its columns) as a record."""
    official = row["official_incidence"]
    try:
        incidence = rules.parse_percent(str(official)) if official is not None else None
    except ValueError:
        incidence = None  # unreadable text received from elsewhere: shown as not recorded, kept as stored
    return VillageYearRecord(
        village_id=str(row["village_id"]), year=int(row["year"]),
        poor_village=bool(row["poor_village"]), out_year=row["out_year"],
        rural_population=row["rural_population"], official_incidence=incidence,
        collective_income=row["collective_income"],
        indicators=rules.indicators_of(str(row["indicators"] or "{}"), ref["village_indicator"]),
        note=str(row["note"] or ""), stamps=stamps_of(row))


def read_village_years(conn: Connection, ref: RefData, village_ids: Iterable[str] | None = None,
                       year: int | Iterable[int] | None = None) -> list[VillageYearRecord]:
    """The stored yearly records of these villages (all: None) and year or years (every year: None), read in
    ``conn``, by year and village."""
    years = _years(year)
    found = []
    for chunk in _chunks(village_ids):
        stmt = select(_V).where(_V.c.deleted.is_(False))
        if chunk is not None:
            stmt = stmt.where(_V.c.village_id.in_(chunk))
        if years is not None:
            stmt = stmt.where(_V.c.year.in_(years))
        found += [_record(r, ref) for r in conn.execute(stmt).mappings()]
    return sorted(found, key=lambda v: (v.year, v.village_id))


def village_years(db: Database, ref: RefData, village_ids: Iterable[str] | None = None,
                  year: int | Iterable[int] | None = None) -> list[VillageYearRecord]:
    """The stored yearly records of these villages (all: None) and year (every year: None)."""
    with db.read() as conn:
        return read_village_years(conn, ref, village_ids, year)


def village_year(db: Database, ref: RefData, village_id: str, year: int) -> VillageYearRecord:
    """The village's record for the year; an empty one (not stored yet) when there is none."""
    with db.read() as conn:
        row = conn.execute(select(_V).where(_V.c.id == village_year_id(village_id, year),
                                            _V.c.deleted.is_(False))).mappings().first()
    if row is None:
        return VillageYearRecord(village_id, year,
                                 indicators=rules.indicators_of("{}", ref["village_indicator"]))
    return _record(row, ref)


# -------------------------------------------------------------------------------- writes


def _area_level(ctx: AppContext, area_id: str) -> str | None:
    with ctx.db.read() as conn:
        return conn.execute(select(_A.c.level).where(_A.c.id == area_id, _A.c.deleted.is_(False))).scalar()


def _year_problem(year: object) -> str | None:
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        return f"年份应在{MIN_YEAR}到{MAX_YEAR}之间"
    return None


def village_year_problems(record: VillageYearRecord, ref: RefData, level: str | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if level != "village":
        problems["village_id"] = "不是本机已知的村" if level is None else "村级年度情况只能填写给村"
    if (p := _year_problem(record.year)) is not None:
        problems["year"] = p
    if record.out_year is not None:
        if (p := _year_problem(record.out_year)) is not None:
            problems["out_year"] = p
        elif not record.poor_village:
            problems["out_year"] = "只有贫困村才有摘帽年份"
    if record.rural_population is not None and not 0 < record.rural_population <= 10_000_000:
        problems["rural_population"] = "农村人口应为正整数"
    if record.collective_income is not None and record.collective_income < 0:
        problems["collective_income"] = "村集体经济收入不能为负数"
    listed = ref["village_indicator"]
    unknown = [c for c in record.indicators if c not in listed]
    if unknown:
        problems["indicators"] = f"参考数据 village_indicator 中没有：{'、'.join(unknown)}"
    if len(record.note) > 2000:
        problems["note"] = "备注不超过2000字"
    return problems


def _stored_values(record: VillageYearRecord) -> dict[str, object]:
    return {
        "village_id": record.village_id, "year": record.year, "poor_village": record.poor_village,
        "out_year": record.out_year if record.poor_village else None, "rural_population": record.rural_population,
        "official_incidence": rules.percent_text(record.official_incidence) or None,
        "collective_income": record.collective_income,
        "indicators": json.dumps({k: bool(v) for k, v in sorted(record.indicators.items())}, ensure_ascii=False,
                                 separators=(",", ":")),
        "note": record.note.strip(),
    }


def save_village_year(ctx: AppContext, record: VillageYearRecord,
                      original: VillageYearRecord | None = None) -> VillageYearRecord:
    """Save the village's record (``village.edit``); only fields that differ from ``original`` (as loaded)
    are written, and one changed elsewhere since refuses the save (``StaleWrite``). Returns it as stored."""
    ctx.require(VILLAGE_EDIT)
    problems = village_year_problems(record, ctx.ref, _area_level(ctx, record.village_id))
    if problems:
        raise ValidationError(problems)
    values = _stored_values(record)
    row_id = record.id
    before = _stored_values(original) if original is not None else None
    changed = values if before is None else {k: v for k, v in values.items() if before.get(k) != v}
    with ctx.writer.transaction() as txn:
        exists = txn.conn.execute(select(_V.c.id).where(_V.c.id == row_id, _V.c.deleted.is_(False))).first() \
            is not None
        if not exists or (original is None and changed):
            txn.put(VillageYear, row_id, values)
        elif changed:
            # a field loaded empty (no record yet) that someone has since stored has moved from the stamp (0, "")
            assert original is not None
            txn.update(VillageYear, row_id, changed, expect={k: original.stamps.get(k, (0, "")) for k in changed})
    return village_year(ctx.db, ctx.ref, record.village_id, record.year)


def parse_yuan(text: str | None, name: str = "collective_income") -> int | None:
    """Yuan typed (e.g. "5万", "50000", "52,000.50") as fen; empty: None. Raises ValidationError."""
    if text is None or not str(text).strip():
        return None
    cleaned = str(text).strip().replace(",", "").replace("，", "").removesuffix("元")
    factor = 1
    if cleaned.endswith("万"):
        cleaned, factor = cleaned[:-1], 10_000
    try:
        amount = Decimal(cleaned) * factor
        if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
            raise MoneyError("最多到分（两位小数）")
        fen = yuan_to_fen(str(amount))
    except (MoneyError, ArithmeticError, ValueError) as exc:
        raise ValidationError({name: f"金额格式不对：{text}（{exc}）"}) from None
    if fen is not None and fen < 0:
        raise ValidationError({name: f"金额不能为负数：{text}"})
    return fen


def target_problems(ctx: AppContext, area_id: str, year: int, kind: str,
                    value: object) -> tuple[int | None, dict[str, str]]:
    return check_target(ctx.db, ctx.ref, area_id, year, kind, value=value)


def check_target(db: Database, ref: RefData, area_id: str, year: int, kind: str, *,
                 value: object) -> tuple[int | None, dict[str, str]]:
    """A target's value as stored and the problems of its fields (empty: none)."""
    problems: dict[str, str] = {}
    with db.read() as conn:
        level = conn.execute(select(_A.c.level).where(_A.c.id == area_id, _A.c.deleted.is_(False))).scalar()
    if level is None:
        problems["area_id"] = f"不是本机已知的区域：{area_id}"
    if (p := _year_problem(year)) is not None:
        problems["year"] = p
    if (p := rules.kind_problem(kind, kinds(ref), ref["industry"])) is not None:
        problems["kind"] = p
    number, why = rules.target_value_problem(value)
    if why:
        problems["value"] = why
    return number, problems


def kinds(ref: RefData) -> CodeList:
    found = ref["target_kind"]
    rules.check_kinds(found)
    return found


def set_target(ctx: AppContext, area_id: str, year: int, kind: str, value: object) -> TargetRecord:
    """Set one target (``targets.edit``: the district's); the same area, year and kind again updates it."""
    ctx.require(TARGETS_EDIT)
    return write_target(ctx.writer, ctx.ref, area_id, year, kind, value=value)


def write_target(writer: ChangeWriter, ref: RefData, area_id: str, year: int, kind: str, *,
                 value: object) -> TargetRecord:
    """Check and write one target with ``writer`` (a server's own writer: ``fieldapp-server target-set``)."""
    number, problems = check_target(writer.db, ref, area_id, year, kind, value=value)
    if problems:
        raise ValidationError(problems)
    assert number is not None
    row_id = target_id(area_id, year, kind)
    with writer.transaction() as txn:
        txn.put(Target, row_id, {"area_id": area_id, "year": year, "kind": kind, "value": number})
    return TargetRecord(row_id, area_id, year, kind, number)


def delete_target(ctx: AppContext, row_id: str) -> None:
    ctx.require(TARGETS_EDIT)
    with ctx.writer.transaction() as txn:
        txn.delete(Target, row_id)


def may_edit_village(ctx: AppContext) -> bool:
    return ctx.allows(VILLAGE_EDIT)


def may_edit_targets(ctx: AppContext) -> bool:
    return ctx.allows(TARGETS_EDIT)


def with_indicators(record: VillageYearRecord, met: Sequence[str] = (), unmet: Sequence[str] = ()) -> VillageYearRecord:
    """The record with these indicators set met / not met (the others as they were)."""
    indicators = dict(record.indicators)
    indicators.update({c: True for c in met})
    indicators.update({c: False for c in unmet})
    return replace(record, indicators=indicators)

