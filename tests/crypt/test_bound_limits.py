"""No page, list or lookup on an encrypted register makes SQLite prepare its statement again on every run.

The SQLite that ``sqlcipher3`` bundles (3.51) prepares a statement again whenever a value is bound to its
``LIMIT ?`` (``fieldapp.store.limits``). Which statements SQLite prepares is seen through two callbacks of the
driver connection: the authorizer, which SQLite calls only while it compiles a statement (the first time, or
again), and the statement trace, called as each statement starts. The second run of the same read must show
statements (the trace) and no compiling (the authorizer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from fieldapp import paths
from fieldapp.services import browse, demo, history, visits, workbench
from fieldapp.services.assets import records as asset_records
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.projects import browse as project_browse
from fieldapp.services.workbench import Scope
from fieldapp.store import queries
from fieldapp.store.db import is_plain_file
from fieldapp.store.queries import HouseholdQuery

VAULT = bytes(range(7, 39))
#: what the driver's ``commit()``/``rollback()`` prepare anew each time, outside any statement cache
_DRIVER_OWN = {"COMMIT", "ROLLBACK"}


class Prepares:
    """The statements SQLite compiles on the connections of ``engine`` (its pool emptied first, so that each
    connection is hooked as it opens)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.hooked: list[Any] = []
        self.prepared: list[str] = []  # statements that started right after being compiled
        self.started: list[str] = []
        self._compiling = 0
        engine.dispose()
        event.listen(engine, "connect", self._connect)

    def _connect(self, dbapi_connection: Any, _record: Any) -> None:
        self.hooked.append(dbapi_connection)
        dbapi_connection.set_authorizer(self._authorize)
        dbapi_connection.set_trace_callback(self._trace)

    def _authorize(self, *_args: Any) -> int:
        self._compiling += 1
        return 0  # SQLITE_OK

    def _trace(self, sql: str) -> None:
        self.started.append(sql)
        if self._compiling and sql not in _DRIVER_OWN:
            self.prepared.append(sql)
        self._compiling = 0

    def second_run(self, read: Callable[[], object]) -> tuple[list[str], list[str]]:
        """(statements run, statements compiled) on a run of ``read`` after it ran once on every connection the
        pool hands out (the pool is first in, first out: runs until one opens no new connection)."""
        for _ in range(10):
            opened = len(self.hooked)
            read()
            if len(self.hooked) == opened:
                break
        self.prepared.clear()
        self.started.clear()
        read()
        return list(self.started), list(self.prepared)

    def close(self) -> None:
        event.remove(self.engine, "connect", self._connect)
        self.engine.dispose()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    home: Path = tmp_path_factory.mktemp("limits") / "home"
    context = open_context(paths.DataPaths(home=home), key=VAULT)
    try:
        demo.build_demo(context, households=12, seed=3)
        assert context.db.path is not None and not is_plain_file(context.db.path)  # a real SQLCipher file
        yield context
    finally:
        context.close()


@pytest.fixture
def prepares(ctx: AppContext) -> Iterator[Prepares]:
    found = Prepares(ctx.db.engine)
    yield found
    found.close()


def _some(ctx: AppContext, sql: str) -> Any:
    with ctx.db.read() as conn:
        value = conn.exec_driver_sql(sql).scalar()
    assert value is not None, sql
    return value


def test_the_check_sees_a_bound_limit_prepared_again(ctx: AppContext, prepares: Prepares) -> None:
    """The check itself: on this SQLite a bound ``LIMIT ?`` is compiled again on every run (if a later sqlcipher3
    stops doing that, this fails and the limits could be bound again)."""
    def bound() -> None:
        with ctx.db.read() as conn:
            conn.exec_driver_sql("SELECT id FROM household ORDER BY id LIMIT ?", (3,)).all()

    def written() -> None:
        with ctx.db.read() as conn:
            conn.exec_driver_sql("SELECT id FROM household ORDER BY id LIMIT 3").all()

    assert [s for s in prepares.second_run(bound)[1] if "LIMIT" in s]
    started, prepared = prepares.second_run(written)
    assert [s for s in started if "LIMIT 3" in s] and not prepared


def _reads(ctx: AppContext) -> dict[str, Callable[[], object]]:
    """Every read with a limit that runs on a page, a keystroke, a refresh or a lookup."""
    household = _some(ctx, "SELECT household_id FROM visit WHERE deleted = 0 AND household_id IS NOT NULL "
                           "GROUP BY household_id "
                           "ORDER BY count(*) DESC LIMIT 1")
    cadre = _some(ctx, "SELECT cadre_id FROM visit_cadre WHERE deleted = 0 GROUP BY cadre_id "
                       "ORDER BY count(*) DESC LIMIT 1")
    name = _some(ctx, "SELECT head_name FROM household_list ORDER BY household_id LIMIT 1")
    user = _some(ctx, "SELECT user_id FROM change_log ORDER BY seq DESC LIMIT 1")
    villages = tuple(str(v) for v in ctx.settings["village_ids"])
    today = demo.reference_date()
    lines = {int(_some(ctx, "SELECT max(income_year) FROM household_list")): 10_000_000}

    def on_conn(fn: Callable[[Any], object]) -> Callable[[], object]:
        def read() -> object:
            with ctx.db.read() as conn:
                return fn(conn)
        return read

    return {
        "keystroke": lambda: browse.household_page(ctx.db, HouseholdQuery(text=name[:1]), limit=201, count_cap=1000),
        "history page": lambda: history.read_household_history(ctx.db, ctx.ref, household, limit=200),
        "history, next page": on_conn(lambda c: queries.history_page(c, household, before_hlc=2**62, before_seq=2**40,
                                                                     limit=200)),
        "a person's changes": on_conn(lambda c: queries.person_changes(c, user, 0, 2**62, limit=500)),
        "visits page": lambda: browse.visits_of_household(ctx.db, household, after=None, limit=50),
        "visits, next page": lambda: browse.visits_of_household(ctx.db, household, after=(today, "~"), limit=50),
        "archive page": lambda: browse.visits_of_cadre(ctx.db, cadre, None, None, household_id=None, text=None,
                                                       after=None, limit=100),
        "follow-ups": on_conn(lambda c: visits.household_follow_ups(c, household)),
        "workbench, cadre": on_conn(lambda c: (
            workbench.my_households(c, cadre), workbench.not_visited(c, Scope(cadre_id=cadre), today),
            workbench.follow_ups_due(c, Scope(cadre_id=cadre), today),
            workbench.unmet_indicators(c, Scope(cadre_id=cadre)),
            workbench.below_line(c, Scope(cadre_id=cadre), lines))),
        "workbench, villages": on_conn(lambda c: (
            workbench.not_visited(c, Scope(None, villages), today),
            workbench.follow_ups_due(c, Scope(None, villages), today),
            workbench.unmet_indicators(c, Scope(None, villages)),
            workbench.below_line(c, Scope(None, villages), lines))),
        "projects page": lambda: project_browse.project_page(ctx.db, project_browse.ProjectQuery(), limit=201),
        "asset ledger page": lambda: asset_records.ledger(ctx.db, offset=0, limit=200),
        "asset ledger, next page": lambda: asset_records.ledger(ctx.db, offset=200, limit=200),
    }


def test_no_read_binds_its_limit(ctx: AppContext, prepares: Prepares) -> None:
    compiled_again: dict[str, list[str]] = {}
    for name, read in _reads(ctx).items():
        started, prepared = prepares.second_run(read)
        assert started, f"{name}: no statement ran on a hooked connection"
        if prepared:
            compiled_again[name] = prepared
    assert not compiled_again, "\n".join(f"{k}: {v}" for k, v in compiled_again.items())


def test_the_reads_run_limited_statements(ctx: AppContext, prepares: Prepares) -> None:
    """The reads above do reach their limits in SQL (written in, as ``LIMIT n``)."""
    limited = [name for name, read in _reads(ctx).items()
               if any(" LIMIT " in s.replace("\n", " ") for s in prepares.second_run(read)[0])]
    assert len(limited) == len(_reads(ctx))
