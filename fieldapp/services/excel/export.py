"""Households and members to .xlsx in the import layout: one row per member, household columns on each.

Codes are written as their Simplified Chinese labels, yes/no as 是/否, dates as dates, ID
numbers and 户编号 as text (never as numbers, which Excel would round). Importing the file
back changes nothing: every value reads back as what the register holds. 人均纯收入 is the
register's computed figure (the import only compares it). Bank data is not exported.

A household without a 户编号 cannot be matched on re-import; such households go to a second
sheet, 缺户编号的农户, which the import does not read. The workbook streams out through
:mod:`fieldapp.services.xlsx` (formula injection neutralised, written atomically).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from fieldapp.domain import register as rules
from fieldapp.services import setup, xlsx
from fieldapp.services.context import AppContext
from fieldapp.services.excel.fragments import ImportCancelled
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT, Field
from fieldapp.store.models import Cadre, Household, HouseholdListRow, Member

log = logging.getLogger("fieldapp.excel")

_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_C: Table = Cadre.__table__  # type: ignore[assignment]
PAGE = 500
MAIN_SHEET, NO_NUMBER_SHEET = "农户成员", "缺户编号的农户"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    households: int
    members: int
    without_number: int

    def summary(self) -> str:
        text = f"已导出 {self.households} 户 {self.members} 人：{self.path}"
        if self.without_number:
            text += f"；另有 {self.without_number} 户没有户编号，放在工作表“{NO_NUMBER_SHEET}”中（再次导入时不读取）"
        return text


class _Rows:
    """Builds the cells of one member row (or of a household without members)."""

    def __init__(self, ctx: AppContext, conn: Any) -> None:
        self.fields: list[Field] = HOUSEHOLD_LAYOUT.export_fields()
        self.ref = ctx.ref
        self.villages = dict(setup.villages(ctx))
        self.cadres = {r.id: r.name for r in conn.execute(select(_C.c.id, _C.c.name))}
        self.codes = {**rules.HOUSEHOLD_CODES, **rules.MEMBER_CODES}

    def cell(self, f: Field, h: dict[str, Any], m: dict[str, Any] | None, income: int | None) -> Any:  # noqa: PLR0911
        key = f.key
        if key == "village":
            return self.villages.get(h["village_id"], "")
        if key == "other_causes":
            return "、".join(self.ref["poverty_cause"].label(c) for c in (h["cause2"], h["cause3"]) if c) or None
        if key == "cadre":
            return self.cadres.get(h["cadre_id"] or "")
        if key == "per_person_income":
            return None if income is None else income / 100
        source = m if f.level == "member" else h
        if source is None:
            return None
        value = source.get(key)
        if value is None:
            return None
        if key in self.codes:
            return self.ref[self.codes[key]].label(str(value))
        if isinstance(value, bool):
            return "是" if value else "否"
        return value

    def household(self, h: dict[str, Any], members: list[dict[str, Any]], income: int | None) -> Iterator[list[Any]]:
        for m in members or [None]:  # type: ignore[list-item]
            yield [self.cell(f, h, m, income) for f in self.fields]


def _household_ids(conn: Any, with_number: bool, villages: list[str]) -> list[str]:
    order = {vid: i for i, vid in enumerate(villages)}
    where = [_H.c.deleted.is_(False), _H.c.hh_no.is_not(None) if with_number else _H.c.hh_no.is_(None)]
    found = conn.execute(select(_H.c.id, _H.c.village_id, _H.c.hh_no).where(*where)).all()
    found.sort(key=lambda r: (order.get(r.village_id, len(order)), r.hh_no or "", r.id))
    return [r.id for r in found]


def export_households(ctx: AppContext, path: Path | str, *, progress: Callable[[int, int, str], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write every live household of this laptop to ``path`` (see the module docstring)."""
    counts = {"households": 0, "members": 0}
    villages = [vid for vid, _name in setup.villages(ctx)]
    with ctx.db.read() as conn:
        rows = _Rows(ctx, conn)
        numbered = _household_ids(conn, True, villages)
        unnumbered = _household_ids(conn, False, villages)
        total = len(numbered) + len(unnumbered)

        def stream(ids: list[str]) -> Iterator[list[Any]]:
            for start in range(0, len(ids), PAGE):
                if cancelled is not None and cancelled():
                    raise ImportCancelled
                chunk = ids[start:start + PAGE]
                households = {r["id"]: dict(r) for r in conn.execute(select(_H).where(_H.c.id.in_(chunk))).mappings()}
                members: dict[str, list[dict[str, Any]]] = {}
                for r in conn.execute(select(_M).where(_M.c.household_id.in_(chunk), _M.c.deleted.is_(False))
                                      .order_by(_M.c.relation, _M.c.birth_date, _M.c.id)).mappings():
                    members.setdefault(r["household_id"], []).append(dict(r))
                incomes: dict[str, int | None] = {}
                for r in conn.execute(select(_L.c.household_id, _L.c.per_person_income, _L.c.exit_status,
                                             _L.c.exit_year).where(_L.c.household_id.in_(chunk))):
                    incomes[r.household_id] = r.per_person_income
                    # the status and year the workflows decided (so re-importing the file changes nothing)
                    households[r.household_id].update(exit_status=r.exit_status, exit_year=r.exit_year)
                for hid in chunk:
                    people = members.get(hid, [])
                    counts["households"] += 1
                    counts["members"] += len(people)
                    yield from rows.household(households[hid], people, incomes.get(hid))
                if progress is not None:
                    progress(counts["households"], total, "导出")

        headers = [f.label for f in rows.fields]
        widths = [{"hh_no": 20, "id_no": 21, "name": 10, "birth_date": 12, "identified_on": 12}.get(f.key, max(
            8, min(22, 2 * len(f.label) + 2))) for f in rows.fields]
        sheets = [xlsx.Sheet(MAIN_SHEET, headers, stream(numbered), widths=widths)]
        if unnumbered:
            sheets.append(xlsx.Sheet(NO_NUMBER_SHEET, headers, stream(unnumbered), widths=widths))
        target = xlsx.write_workbook(Path(path), sheets)
    result = ExportResult(target, counts["households"], counts["members"], len(unnumbered))
    log.info("households exported on %s: %s", dt.date.today().isoformat(), result.summary())
    return result
