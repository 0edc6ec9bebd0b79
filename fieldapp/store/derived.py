"""The household list projection (``household_list``): derived, local, never synced.

One row per live household with what the list shows, searches and sorts on:
head name and its pinyin keys, member count, latest per-person income, date of
the latest live visit (``last_visit``, for the workbench), and where the household
stands (:func:`fieldapp.domain.workflow.standing`): the exit status and year derived
from its workflows (``exit_status``, ``exit_year``; the household's own values, which are
imported ones, only without a finished workflow; ``status_source`` says which) and its
open workflow and current step (``wf_kind``, ``wf_step``, ``wf_conflict``). Rebuilt by
the write path and by sync merges for exactly the households touched, including by a
workflow or a decision (written here or received): upserted in batches, so only the
indexes of the columns that changed are rewritten.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, func, select
from sqlalchemy.dialects import postgresql, sqlite

from fieldapp.domain import income as income_rules
from fieldapp.domain import workflow as flow_rules
from fieldapp.domain.search import full_pinyin, initials
from fieldapp.store import flows, limits
from fieldapp.store.models import Household, HouseholdListRow, IncomeYear, Member, Visit

HEAD_RELATION = "01"  # 与户主关系: 户主

_H: Table = Household.__table__  # type: ignore[assignment]
_M: Table = Member.__table__  # type: ignore[assignment]
_I: Table = IncomeYear.__table__  # type: ignore[assignment]
_L: Table = HouseholdListRow.__table__  # type: ignore[assignment]
_V: Table = Visit.__table__  # type: ignore[assignment]

_BATCH = 500

# The synced fields the projection reads, per table (None: every field). Sync merges refresh a
# household only when a change touches one of these (or inserts a row).
LIST_INPUTS: dict[str, frozenset[str] | None] = {
    "household": frozenset({"village_id", "group_no", "hh_no", "attribute", "exit_status", "exit_year",
                            "main_cause", "cadre_id", "deleted"}),
    "member": frozenset({"household_id", "name", "id_no", "relation", "deleted"}),
    "income_year": None,
    "visit": frozenset({"household_id", "date", "deleted"}),
    "workflow": None,
    "workflow_step": None,
}


def refresh_households(conn: Connection, household_ids: Sequence[str]) -> None:
    for start in range(0, len(household_ids), _BATCH):
        _refresh_batch(conn, list(household_ids[start:start + _BATCH]))


def _refresh_batch(conn: Connection, ids: list[str]) -> None:
    # Latest live visit: walks ix_visit_household (household_id, date, id) backwards and stops at the
    # first live row, so its cost does not grow with the number of visits the household has.
    last_visit = (
        select(_V.c.date).where(_V.c.household_id == _H.c.id, _V.c.deleted.is_(False))
        .order_by(_V.c.date.desc()).limit(limits.fixed(1)).scalar_subquery()
    )
    households = conn.execute(
        select(_H.c.id, _H.c.village_id, _H.c.group_no, _H.c.hh_no, _H.c.attribute, _H.c.exit_status,
               _H.c.exit_year, _H.c.main_cause, _H.c.cadre_id, last_visit.label("last_visit"))
        .where(_H.c.id.in_(ids), _H.c.deleted.is_(False))
    ).all()
    members: dict[str, list[Any]] = {}
    for m in conn.execute(
        select(_M.c.household_id, _M.c.name, _M.c.id_no, _M.c.relation)
        .where(_M.c.household_id.in_(ids), _M.c.deleted.is_(False))
    ):
        members.setdefault(m.household_id, []).append(m)
    latest = (
        select(_I.c.household_id, func.max(_I.c.year).label("year"))
        .where(_I.c.household_id.in_(ids), _I.c.deleted.is_(False))
        .group_by(_I.c.household_id)
        .subquery()
    )
    incomes = {
        r.household_id: dict(r)
        for r in conn.execute(
            select(_I).join(latest, and_(_I.c.household_id == latest.c.household_id, _I.c.year == latest.c.year))
        ).mappings()
    }
    # the workflows as the process's reference data defines them (the steps a state is derived on)
    workflows = flows.views_by_household(conn, flow_rules.definitions(), [h.id for h in households])
    rows = []
    for h in households:
        stands = flow_rules.standing(workflows.get(h.id, ()), h.exit_status, h.exit_year)
        people = members.get(h.id, [])
        head = next((m for m in people if m.relation == HEAD_RELATION), None)
        name = head.name if head else None
        inc = incomes.get(h.id)
        per_person = None
        if inc is not None:
            persons = inc["persons"] or len(people)
            per_person = income_rules.per_person(income_rules.net_income(inc), persons)
        rows.append({
            "household_id": h.id, "village_id": h.village_id, "group_no": h.group_no, "hh_no": h.hh_no,
            "head_name": name, "head_initials": initials(name) if name else None,
            "head_pinyin": full_pinyin(name) if name else None, "head_id_no": head.id_no if head else None,
            "member_count": len(people), "attribute": h.attribute, "exit_status": stands.exit_status,
            "exit_year": stands.exit_year, "status_source": stands.source or None, "wf_kind": stands.kind,
            "wf_step": stands.step, "wf_conflict": stands.conflict, "main_cause": h.main_cause, "cadre_id": h.cadre_id,
            "income_year": inc["year"] if inc is not None else None, "per_person_income": per_person,
            "last_visit": h.last_visit,
        })
    live = {r["household_id"] for r in rows}
    gone = [h for h in ids if h not in live]
    if gone:  # deleted (or never live): no list row
        conn.execute(_L.delete().where(_L.c.household_id.in_(gone)))
    if rows:  # an upsert: an unchanged column's index entries stay as they are (delete + insert rewrote all 13)
        conn.execute(_upsert(conn.dialect.name), rows)


@functools.cache
def _upsert(dialect: str) -> Any:
    """``INSERT … ON CONFLICT (household_id) DO UPDATE`` of every column (SQLite and PostgreSQL)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(_L)
    return stmt.on_conflict_do_update(index_elements=[_L.c.household_id],
                                      set_={c.name: stmt.excluded[c.name] for c in _L.columns
                                            if c.name != "household_id"})


def standings(conn: Connection, household_ids: Sequence[str]) -> dict[str, flow_rules.Standing]:
    """Where each listed household stands, as the projection holds it (derived from its workflows)."""
    found: dict[str, flow_rules.Standing] = {}
    ids = list(household_ids)
    for start in range(0, len(ids), _BATCH):
        for r in conn.execute(select(_L.c.household_id, _L.c.exit_status, _L.c.exit_year, _L.c.status_source,
                                     _L.c.wf_kind, _L.c.wf_step, _L.c.wf_conflict)
                              .where(_L.c.household_id.in_(ids[start:start + _BATCH]))):
            found[r.household_id] = flow_rules.Standing(r.exit_status, r.exit_year, r.status_source or "",
                                                        r.wf_kind, r.wf_step, bool(r.wf_conflict))
    return found
