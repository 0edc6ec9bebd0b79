"""``fieldapp.store.limits``: a limit written into the SQL on SQLite and PostgreSQL, SQLAlchemy's compiled cache
kept, bad limits refused, outside page sizes clamped."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Dialect, Integer, MetaData, Table, create_engine, event, select
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from fieldapp.store import limits

_T = Table("t", MetaData(), Column("id", Integer, primary_key=True))


@pytest.mark.parametrize("dialect", [SQLiteDialect_pysqlite, PGDialect_psycopg], ids=["sqlite", "postgresql"])
def test_the_limit_is_in_the_sql(dialect: type[Dialect]) -> None:
    assert "LIMIT 51" in str(select(_T.c.id).order_by(_T.c.id).limit(limits.fixed(51)).compile(dialect=dialect()))
    sub = select(_T.c.id).limit(limits.fixed(3)).scalar_subquery()
    assert "LIMIT 3" in str(select(sub).compile(dialect=dialect()))


def test_each_limit_is_one_cached_statement_with_its_own_rows(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    sent: list[tuple[str, object]] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, params, _ctx, _many: sent.append((sql, params)))
    _T.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(_T.insert(), [{"id": i} for i in range(1, 11)])
        runs = []
        for n in (3, 3, 5):
            result = conn.execute(select(_T.c.id).order_by(_T.c.id).limit(limits.fixed(n)))
            runs.append((len(result.all()), str(result.context.cache_hit)))
    assert [r[0] for r in runs] == [3, 3, 5]
    assert runs[1][1].endswith("CACHE_HIT")  # the same limit again: SQLAlchemy's compiled statement reused
    assert all("LIMIT ?" not in sql and "LIMIT" in sql for sql, _ in sent[-3:])
    engine.dispose()


@pytest.mark.parametrize("bad", [-1, 2.0, "5", True, None])
def test_a_limit_that_is_not_a_whole_number_is_refused(bad: object) -> None:
    with pytest.raises((TypeError, ValueError), match="limit"):
        limits.fixed(bad)  # type: ignore[arg-type]


def test_a_page_size_from_outside_is_clamped() -> None:
    assert [limits.clamp(n) for n in (-5, 0, 1, 200, limits.MAX_PAGE, 10 ** 9)] == \
        [1, 1, 1, 200, limits.MAX_PAGE, limits.MAX_PAGE]
    assert limits.clamp(500, most=100) == 100
