"""The exit gate: the latest income year against that year's exit standard, and the indicators.

The standard is the ``exit_standard`` threshold of the year for the laptop's district (its province, then
national, as :func:`fieldapp.services.thresholds.threshold_for` looks up); the indicators are every code of
the ``indicator`` list (两不愁三保障), each of which must be recorded as met. :func:`exit_gates` judges many
households with a few statements (their incomes, member counts and indicators read in chunks; one threshold
look-up per year), so the exit-candidate proposal does not read household by household.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, select

from fieldapp.domain import refdata
from fieldapp.domain import workflow as rules
from fieldapp.domain.income import net_income, per_person
from fieldapp.services import thresholds
from fieldapp.services.context import AppContext
from fieldapp.store.models import IncomeYear, Indicator, Member

EXIT_STANDARD = "exit_standard"
_I: Table = IncomeYear.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_N: Table = Indicator.__table__  # type: ignore[assignment]
_CHUNK = 500


def exit_gate_of(ctx: AppContext, household_id: str, year: int | None = None) -> rules.Gate:
    """Judge ``household_id`` against the exit standard of ``year`` (default: its latest income year)."""
    return exit_gates(ctx, [household_id], year)[household_id]


def exit_gates(ctx: AppContext, household_ids: Sequence[str], year: int | None = None) -> dict[str, rules.Gate]:
    """Judge each household (of ``year``, or its latest income year); three statements per 500 households."""
    incomes: dict[str, dict[int, dict[str, Any]]] = {}
    members: dict[str, int] = {}
    met: dict[str, dict[str, bool | None]] = {}
    ids = list(household_ids)
    with ctx.db.read() as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            for r in conn.execute(select(_I).where(_I.c.household_id.in_(chunk), _I.c.deleted.is_(False))).mappings():
                incomes.setdefault(r["household_id"], {})[int(r["year"])] = dict(r)
            for hid, count in conn.execute(select(_M.c.household_id, func.count())
                                           .where(_M.c.household_id.in_(chunk), _M.c.deleted.is_(False))
                                           .group_by(_M.c.household_id)):
                members[hid] = int(count)
            for r in conn.execute(select(_N.c.household_id, _N.c.code, _N.c.met)
                                  .where(_N.c.household_id.in_(chunk), _N.c.deleted.is_(False))):
                met.setdefault(r.household_id, {})[str(r.code)] = r.met
    ref = ctx.ref or refdata.default()
    labels = {c.code: c.text() for c in ref["indicator"].codes}
    district = str(ctx.settings["district_code"] or "")
    standards: dict[int, int | None] = {}

    def standard(y: int) -> int | None:
        if y not in standards:
            found = thresholds.threshold_for(ctx.db, EXIT_STANDARD, y, district)
            standards[y] = found.amount if found else None
        return standards[y]

    judged: dict[str, rules.Gate] = {}
    for hid in ids:
        years = incomes.get(hid, {})
        wanted = year if year is not None else (max(years) if years else None)
        income = years.get(wanted) if wanted is not None else None
        persons = (income.get("persons") or members.get(hid, 0)) if income else None
        per = per_person(net_income(income), persons) if income else None
        judged[hid] = rules.exit_gate(wanted if income is not None else None, per,
                                      standard(wanted) if wanted is not None else None, met.get(hid, {}), labels)
    return judged
