"""A register at schema 18 opens at 20: its workflow notice and objection keep every value, the notice gains an
empty project, year and figures, and an objection may then name no household and no workflow (a disclosure's)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database
from fieldapp.store.models import Objection
from fieldapp.store.writer import Actor, ChangeWriter

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16


def test_notices_and_objections_keep_their_values_and_take_a_disclosure_objection(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database(path)
    migrate.upgrade(db, "0018")
    db.close()
    conn = sqlite3.connect(path)
    rows = [
        "INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('v1', 'village', '东村', ?, ?)",
        "INSERT INTO household (id, village_id, row_hlc, row_device) VALUES ('h1', 'v1', ?, ?)",
        "INSERT INTO workflow (id, household_id, kind, started_at, started_by, row_hlc, row_device)"
        " VALUES ('w1', 'h1', 'identification', 1, 'p1', ?, ?)",
        "INSERT INTO notice (id, village_id, kind, step, households, period_start, period_end, contact, issued_by,"
        " issued_by_name, issued_at, row_hlc, row_device) VALUES ('n1', 'v1', 'identification', '04', '[\"h1\"]',"
        " '2026-03-02', '2026-03-08', '村委会', 'p1', '王队长', 1, ?, ?)",
        "INSERT INTO objection (id, household_id, workflow_id, notice_id, step, received_on, from_whom, content,"
        " row_hlc, row_device) VALUES ('o1', 'h1', 'w1', 'n1', '04', '2026-03-03', '村民甲', '不符合', ?, ?)",
    ]
    for sql in rows:
        conn.execute(sql, (HLC, DEVICE))
    conn.commit()
    conn.close()
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION >= 20
        with db.read() as c:
            notice = c.exec_driver_sql("SELECT kind, step, households, contact, project_id, year, figures"
                                       " FROM notice WHERE id = 'n1'").first()
            objection = c.exec_driver_sql("SELECT household_id, workflow_id, notice_id, content FROM objection"
                                          " WHERE id = 'o1'").first()
        assert tuple(notice) == ("identification", "04", '["h1"]', "村委会", None, None, None)  # type: ignore[arg-type]
        assert tuple(objection) == ("h1", "w1", "n1", "不符合")  # type: ignore[arg-type]
        with ChangeWriter(db, Actor(DEVICE)).transaction() as txn:
            made = txn.insert(Objection, {"household_id": None, "workflow_id": None, "notice_id": "n1", "step": "",
                                          "received_on": dt.date(2026, 3, 4),
                                          "from_whom": "村民乙", "content": "金额不对"})
        assert db.scalar("SELECT coalesce(household_id, '-') || coalesce(workflow_id, '-') FROM objection"
                         " WHERE id = :o", o=made) == "--"
    finally:
        db.close()
