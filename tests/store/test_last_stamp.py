"""The writer's clock starts above the change log's greatest stamp (not above the far-future ones), found
through the (user_id, hlc) index on SQLite: the same answer as a plain max(hlc) over the whole log."""

from __future__ import annotations

from sqlalchemy import insert

from fieldapp.services.context import AppContext
from fieldapp.store import guard
from fieldapp.store.models import ChangeLog
from fieldapp.store.writer import _last_stamp

LOG = ChangeLog.__table__


def _row(seq: int, user: str | None, hlc: int) -> dict[str, object]:
    return {"origin": "dev-1", "origin_seq": seq, "hlc": hlc, "tbl": "household", "row_id": f"r{seq}",
            "household_id": None, "op": "update", "fields": "{}", "prev": "{}", "user_id": user, "user_name": None}


def test_the_last_stamp_through_the_author_index_is_the_plain_maximum(ctx: AppContext) -> None:
    with ctx.db.read() as conn:
        base = _last_stamp(conn, 2**62, sqlite=True)  # the set-up's own changes
    assert base > 0
    stamps = [(None, 500), ("p-1", 900), ("p-1", 300), ("p-2", 1_200), ("p-3", 50), (None, 1_500),
              ("p-2", 9_000_000)]  # the last one far in the future of most ceilings below
    with ctx.db.transaction() as conn, guard.write_path():
        conn.execute(insert(LOG), [_row(1000 + i, user, base + hlc) for i, (user, hlc) in enumerate(stamps)])
    with ctx.db.read() as conn:
        for ceiling in (-10, 0, 60, 400, 1_000, 1_300, 1_600, 10**7):
            fast, plain = (_last_stamp(conn, base + ceiling, sqlite=True),
                           _last_stamp(conn, base + ceiling, sqlite=False))
            assert fast == plain, ceiling
        assert _last_stamp(conn, base + 1_300, sqlite=True) == base + 1_200
        assert _last_stamp(conn, base + 1_600, sqlite=True) == base + 1_500
        assert _last_stamp(conn, base + 10**7, sqlite=True) == base + 9_000_000
