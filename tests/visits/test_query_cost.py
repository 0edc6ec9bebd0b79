"""Visit lists, the archive, attendance and the workbench run on indexes: cost follows the work, not the size.

Two measures: EXPLAIN QUERY PLAN of every SELECT a feature sends (no full scan of a
big table), and SQLite's own count of virtual-machine steps (a household with 500
visits pages with the same work as one with 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Connection

from fieldapp.domain.ids import natural_id
from fieldapp.services import attendance, workbench
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoffs
from fieldapp.services.visits import FollowUpDraft, VisitDraft
from fieldapp.store import derived
from fieldapp.store.models import Visit, VisitCadre
from tests.helpers.people import as_role
from tests.visits.conftest import BIG_TABLES, REGISTERED, PlanRecorder

TODAY = dt.date(2025, 3, 15)


def _bulk_visits(ctx: AppContext, household: str, cadre: str, count: int) -> None:
    """``count`` visits on consecutive days back from TODAY, written through the writer in one transaction."""
    village = ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=household)
    with ctx.writer.transaction() as txn:
        days = [TODAY - dt.timedelta(days=i) for i in range(count)]
        ids = txn.insert_many(Visit, [{"household_id": household, "village_id": village, "date": d, "type": "01",
                                       "found": f"第{i}次"} for i, d in enumerate(days)])
        txn.insert_many(VisitCadre, [{"id": natural_id("visit_cadre", v, cadre), "visit_id": v, "cadre_id": cadre,
                                      "household_id": household, "date": d} for v, d in zip(ids, days, strict=True)])


class Steps:
    """Counts SQLite VM instructions executed on a connection while active."""

    def __init__(self, conn: Connection) -> None:
        self.raw: Any = conn.connection.dbapi_connection
        self.count = 0

    def _tick(self) -> int:
        self.count += 1
        return 0

    def __enter__(self) -> Steps:
        self.raw.set_progress_handler(self._tick, 1)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.raw.set_progress_handler(None, 1)


@pytest.fixture
def two_households(ctx: AppContext, make_household: Callable[..., str], me: str) -> Iterator[tuple[str, str]]:
    few = make_household("少户", identified_on=REGISTERED, cadre_id=me)
    many = make_household("多户", identified_on=REGISTERED, cadre_id=me)
    _bulk_visits(ctx, few, me, 5)
    _bulk_visits(ctx, many, me, 500)
    yield few, many


def test_a_household_with_500_visits_pages_like_one_with_5(
        ctx: AppContext, two_households: tuple[str, str], me: str) -> None:
    few, many = two_households
    with ctx.db.read() as conn:
        with Steps(conn) as small:
            page_few = svc.household_visits_page(conn, few, limit=5)
        with Steps(conn) as big:
            page_many = svc.household_visits_page(conn, many, limit=5)
        deep_key = svc.household_visits_page(conn, many, limit=400)[-1].key
        with Steps(conn) as deep:
            page_deep = svc.household_visits_page(conn, many, before=deep_key, limit=5)
        with Steps(conn) as archive_first:
            svc.archive_page(conn, me, limit=5)
        archive_key = svc.archive_page(conn, me, limit=400)[-1].key
        with Steps(conn) as archive_deep:
            svc.archive_page(conn, me, after=archive_key, limit=5)
        with Steps(conn) as refresh_few:
            derived.refresh_households(conn, [few])
        with Steps(conn) as refresh_many:
            derived.refresh_households(conn, [many])
        conn.rollback()
    assert len(page_few) == len(page_many) == len(page_deep) == 5
    assert [v.date for v in page_many] == [TODAY - dt.timedelta(days=i) for i in range(5)]
    assert [v.date for v in page_deep] == [TODAY - dt.timedelta(days=i) for i in range(400, 405)]
    assert big.count < 1.5 * small.count and deep.count < 1.5 * small.count, (small.count, big.count, deep.count)
    assert refresh_many.count < 1.5 * refresh_few.count, (refresh_few.count, refresh_many.count)
    assert archive_deep.count < 1.5 * archive_first.count, (archive_first.count, archive_deep.count)


def test_household_pages_cover_every_visit_once_newest_first(
        ctx: AppContext, two_households: tuple[str, str]) -> None:
    _few, many = two_households
    seen = []
    before = None
    with ctx.db.read() as conn:
        while True:
            page = svc.household_visits_page(conn, many, before=before, limit=64)
            if not page:
                break
            seen += page
            before = page[-1].key
    assert len(seen) == len({v.id for v in seen}) == 500
    assert [v.key for v in seen] == sorted((v.key for v in seen), reverse=True)


def test_the_archive_filters_searches_and_pages(
        ctx: AppContext, two_households: tuple[str, str], me: str, make_cadre: Callable[..., str]) -> None:
    few, _many = two_households
    other = make_cadre("赵敏")
    svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 2, 3), type="03", household_id=few, found="指导种植天麻",
                                   cadre_ids=[other]), today=TODAY)
    with ctx.db.read() as conn:
        feb = svc.archive_page(conn, me, dt.date(2025, 2, 1), dt.date(2025, 2, 28), limit=1000)
        assert [v.date.day for v in feb] == list(range(1, 29))  # chronological, only 多户 visited in February
        assert {v.head_name for v in feb} == {"多户"}
        assert [v.found for v in svc.archive_page(conn, other, text="天麻")] == ["指导种植天麻"]
        assert svc.archive_page(conn, me, text="天麻") == []
        assert [v.found for v in svc.archive_page(conn, me, text="第12次")] == ["第12次"]
        assert svc.archive_page(conn, me, text="100%") == []  # LIKE wildcards are escaped
        assert len(svc.archive_page(conn, me, household_id=few, limit=1000)) == 5
        year = svc.archive_page(conn, me, dt.date(2024, 1, 1), dt.date(2024, 12, 31), limit=1000)
        assert len(year) == 366  # the visits reach back to 2023-11-02: all of (leap) 2024
        pages, after = [], None
        while page := svc.archive_page(conn, me, dt.date(2024, 1, 1), dt.date(2024, 12, 31), after=after, limit=100):
            pages += page
            after = page[-1].key
        assert [v.id for v in pages] == [v.id for v in year]


def test_no_feature_scans_a_big_table(ctx: AppContext, two_households: tuple[str, str], me: str) -> None:
    few, many = two_households
    visit = svc.save_visit(ctx, VisitDraft(date=TODAY, type="01", household_id=few, found="x",
                                           follow_ups=[FollowUpDraft("y", TODAY)]), today=TODAY)
    attendance.checkin(ctx, dt.date(2025, 3, 1), today=TODAY)
    leader = as_role(ctx, "leader", name="队长甲", cadre_id=me)
    try:
        signoffs.sign_household(leader, few)
    finally:
        leader.close()
    recorder = PlanRecorder(ctx.db)
    with recorder:
        workbench.load_workbench(ctx, today=TODAY)
        ctx.settings["cadre_id"] = ""
        workbench.load_workbench(ctx, today=TODAY)  # village scope
        ctx.settings["cadre_id"] = me
        svc.load_visit(ctx.db, visit)
        with ctx.db.read() as conn:
            page = svc.household_visits_page(conn, many, limit=20)
            svc.household_visits_page(conn, many, before=page[-1].key, limit=20)
            svc.archive_page(conn, me, dt.date(2025, 1, 1), dt.date(2025, 1, 31), household_id=many, text="第")
            svc.household_follow_ups(conn, few, include_done=True)
            attendance.compliance_table(conn, 2025, today=TODAY)
            attendance.leader_table(conn, 2025, today=TODAY)
            attendance.days_of_month(conn, me, attendance.Month(2025, 3))
            attendance.late_checkins(conn, cadre_ids=[me])
            attendance.month_close(conn, me, attendance.Month(2025, 3))
        svc.save_visit(ctx, svc.load_visit(ctx.db, visit), today=TODAY)
        signoffs.status(ctx.db, "household", few)  # a household's sign-off state: its own rows and names only
        signoffs.compare(ctx.db, signoffs.latest(ctx.db, "household", few))
    assert len(recorder.statements) > 20
    assert recorder.full_scans(BIG_TABLES) == []

