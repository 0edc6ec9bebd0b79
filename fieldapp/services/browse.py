"""Paged reads behind the front ends' lists: households, a household's history, visits.

Each call is one read snapshot and returns plain records; the Qt models page through
these and never see a connection. The SQL itself lives in :mod:`fieldapp.store.queries`
and :mod:`fieldapp.services.visits`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select

from fieldapp.services import visits
from fieldapp.store import queries
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Cadre, IncomeYear, Indicator, Measure, Member
from fieldapp.store.queries import SORT_COLUMNS, HistoryEntry, HouseholdQuery

__all__ = [
    "SORT_COLUMNS",
    "HistoryEntry",
    "HistoryPage",
    "HistoryPart",
    "HouseholdPage",
    "HouseholdQuery",
    "distinct_groups",
    "find_households",
    "history_page",
    "household_page",
    "visits_of_cadre",
    "visits_of_household",
]

VisitKey = tuple[dt.date, str]


@dataclass(frozen=True)
class HouseholdPage:
    """List rows (dicts of the ``household_list`` projection) and the names of the cadres they name."""

    rows: list[dict[str, Any]]
    cadre_names: dict[str, str]
    total: int | None = None  # set on the first page only
    total_exact: bool = True


def household_page(db: Database, query: HouseholdQuery, *, after: tuple[Any, str] | None = None, limit: int = 200,
                   known_cadres: Iterable[str] = (), count_cap: int | None = None) -> HouseholdPage:
    """One page of the household list; with ``count_cap`` also the (capped) number of matches.

    Cadre names are read only for the cadres on this page not in ``known_cadres``: a district
    register has thousands.
    """
    known = set(known_cadres)
    with db.read() as conn:
        total, exact = queries.count_households_capped(conn, query, count_cap) if count_cap is not None \
            else (None, True)
        rows = queries.household_page(conn, query, after=after, limit=limit)
        missing = sorted({r["cadre_id"] for r in rows if r["cadre_id"] and r["cadre_id"] not in known})
        c: Table = Cadre.__table__  # type: ignore[assignment]
        names = {r.id: r.name for r in conn.execute(select(c.c.id, c.c.name).where(c.c.id.in_(missing)))} \
            if missing else {}
    return HouseholdPage(rows, names, total, exact)


def sort_key(row: dict[str, Any], query: HouseholdQuery) -> tuple[Any, str]:
    return queries.sort_key(row, query)


def find_households(db: Database, text: str, limit: int) -> list[dict[str, Any]]:
    """Households matching what was typed (name, pinyin, 户编号, ID number…), as list rows."""
    with db.read() as conn:
        return queries.household_page(conn, HouseholdQuery(text=text), limit=limit)


def distinct_groups(db: Database, village_id: str | None = None) -> list[int]:
    with db.read() as conn:
        return queries.distinct_groups(conn, village_id)


@dataclass(frozen=True)
class HistoryPart:
    """What a change was made to: the table and what names the row (member name, year, code, type)."""

    table: str
    value: Any


@dataclass(frozen=True)
class HistoryPage:
    """One page of a household's change history with what its rows and values refer to."""

    entries: list[HistoryEntry]
    parts: dict[str, HistoryPart]  # row id → part (members, income years, indicators, measures)
    names: dict[str, str]  # id → name of the villages, cadres and members that values refer to


_PARTS: dict[str, tuple[Any, str]] = {"member": (Member, "name"), "income_year": (IncomeYear, "year"),
                                      "indicator": (Indicator, "code"), "measure": (Measure, "type")}
# Fields whose values are ids of other rows, and the table that names them.
REFERENCE_TABLES: dict[str, Any] = {"village_id": Area, "cadre_id": Cadre, "checked_by": Cadre, "member_id": Member}


def history_page(db: Database, household_id: str, *, before_hlc: int | None, limit: int,
                 shown: Callable[[HistoryEntry], bool] = lambda _e: True,
                 references: Iterable[tuple[str, str]] = ()) -> HistoryPage:
    """A page of a household's changes, newest first (:func:`fieldapp.store.queries.history_page`), in one
    snapshot with the parts the ``shown`` entries changed and the names their values refer to.

    ``references`` lists the (table, field) pairs whose values are ids (village, cadre, member).
    """
    refs = set(references)
    with db.read() as conn:
        entries = queries.history_page(conn, household_id, before_hlc=before_hlc, limit=limit)
        wanted: dict[str, set[str]] = {}
        ids: dict[Any, set[str]] = {}
        for e in filter(shown, entries):
            wanted.setdefault(e.tbl, set()).add(e.row_id)
            if (e.tbl, e.field) in refs and e.field in REFERENCE_TABLES:
                ids.setdefault(REFERENCE_TABLES[e.field], set()).update(str(v) for v in (e.old, e.new) if v)
        parts: dict[str, HistoryPart] = {}
        for table_name, row_ids in wanted.items():
            if table_name not in _PARTS:
                continue
            model, column = _PARTS[table_name]
            t: Table = model.__table__
            for r in conn.execute(select(t.c.id, t.c[column]).where(t.c.id.in_(sorted(row_ids)))):
                parts[r[0]] = HistoryPart(table_name, r[1])
        names: dict[str, str] = {}
        for model, wanted_ids in ids.items():
            t = model.__table__
            names.update({r.id: r.name for r in conn.execute(
                select(t.c.id, t.c.name).where(t.c.id.in_(sorted(wanted_ids))))})
    return HistoryPage(entries, parts, names)


def visits_of_household(db: Database, household_id: str, *, after: VisitKey | None,
                        limit: int) -> list[visits.VisitSummary]:
    with db.read() as conn:
        return visits.household_visits_page(conn, household_id, before=after, limit=limit)


def visits_of_cadre(db: Database, cadre_id: str, start: dt.date | None, end: dt.date | None, *,
                    household_id: str | None, text: str | None, after: VisitKey | None,
                    limit: int) -> list[visits.VisitSummary]:
    """The cadre's 包扶纪实档案 page (see :func:`fieldapp.services.visits.archive_page`)."""
    with db.read() as conn:
        return visits.archive_page(conn, cadre_id, start, end, household_id=household_id, text=text, after=after,
                                   limit=limit)
