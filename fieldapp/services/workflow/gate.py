"""The exit gate of one household: the latest income year against that year's exit standard, and the indicators.

The standard is the ``exit_standard`` threshold of the year for the laptop's district (its province, then
national, as :func:`fieldapp.services.thresholds.threshold_for` looks up); the indicators are every code of
the ``indicator`` list (两不愁三保障), each of which must be recorded as met.
"""

from __future__ import annotations

from fieldapp.domain import refdata
from fieldapp.domain import workflow as rules
from fieldapp.domain.income import net_income, per_person
from fieldapp.services import register, thresholds
from fieldapp.services.context import AppContext

EXIT_STANDARD = "exit_standard"


def exit_gate_of(ctx: AppContext, household_id: str, year: int | None = None) -> rules.Gate:
    """Judge ``household_id`` against the exit standard of ``year`` (default: its latest income year)."""
    record = register.load_record(ctx.db, household_id)
    incomes = {int(r["year"]): r for r in record.incomes}
    if year is None and incomes:
        year = max(incomes)
    income = incomes.get(year) if year is not None else None
    persons = (income.get("persons") or len(record.members)) if income else None
    per = per_person(net_income(income), persons) if income else None
    found = thresholds.threshold_for(ctx.db, EXIT_STANDARD, year, str(ctx.settings["district_code"] or "")) \
        if year is not None else None
    ref = ctx.ref or refdata.default()
    labels = {c.code: c.text() for c in ref["indicator"].codes}
    met = {str(r["code"]): r.get("met") for r in record.indicators}
    return rules.exit_gate(year if income is not None else None, per, found.amount if found else None, met, labels)
