"""Paged reads behind the front ends' lists: households, a household's history, visits.

Each call is one read snapshot and returns plain records; the Qt models page through
these and never see a connection. The SQL itself lives in :mod:`fieldapp.store.queries`
and :mod:`fieldapp.services.visits`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fieldapp.services import visits
from fieldapp.store import limits, queries
from fieldapp.store.db import Database
from fieldapp.store.queries import SORT_COLUMNS, HistoryEntry, HouseholdQuery

__all__ = [
    "SORT_COLUMNS",
    "HistoryEntry",
    "HouseholdPage",
    "HouseholdQuery",
    "distinct_groups",
    "find_households",
    "household_page",
    "page_size",
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


def page_size(setting: int | None, default: int = 200) -> int:
    """The rows a list reads per page from the ``page_size`` setting (or ``default`` when unset), within
    1…:data:`fieldapp.store.limits.MAX_PAGE`: each page size is a statement of its own (limits are written into
    the SQL), and a page of a million rows would hold the window for seconds."""
    return limits.clamp(int(setting or default))


def household_page(db: Database, query: HouseholdQuery, *, after: tuple[Any, str] | None = None, limit: int = 200,
                   known_cadres: Iterable[str] = (), count_cap: int | None = None) -> HouseholdPage:
    """One page of the household list; with ``count_cap`` also the (capped) number of matches.

    Cadre names are read only for the cadres on this page not in ``known_cadres``: a district
    register has thousands.
    """
    known = set(known_cadres)
    with db.read() as conn:
        rows, total, exact = queries.search_page(conn, query, after=after, limit=limit, count_cap=count_cap)
        missing = sorted({r["cadre_id"] for r in rows if r["cadre_id"] and r["cadre_id"] not in known})
        names = queries.cadre_names(conn, missing)
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
