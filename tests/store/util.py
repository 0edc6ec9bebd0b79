"""Helpers shared by the store tests: statement recording and small read-backs."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event

from fieldapp.store.db import Database
from fieldapp.store.writer import Actor

DEVICE = "0190a0a0-0000-7000-8000-00000000000a"
ACTOR = Actor(DEVICE, "user-1", "王伟")


class StatementLog:
    """Every SQL statement the engine sends while active (a before_cursor_execute listener)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[tuple[str, Any]] = []

    def _record(self, _conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        self.statements.append((statement, parameters))

    def __enter__(self) -> StatementLog:
        event.listen(self.db.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._record)

    def writes(self) -> list[str]:
        return [s for s, _ in self.statements if s.lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]


def count(db: Database, table: str, where: str = "1=1", **params: object) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {table} WHERE {where}", **params) or 0)


def log_rows(db: Database, **where: object) -> list[dict[str, Any]]:
    clause = " AND ".join(f"{k} = :{k}" for k in where) or "1=1"
    with db.read() as conn:
        rows = conn.exec_driver_sql(f"SELECT * FROM change_log WHERE {clause} ORDER BY seq",
                                    where).mappings().all()
    result = []
    for r in rows:
        d = dict(r)
        d["fields"] = json.loads(d["fields"])
        d["prev"] = json.loads(d["prev"])
        result.append(d)
    return result


def row(db: Database, table: str, row_id: str) -> dict[str, Any]:
    with db.read() as conn:
        found = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).mappings().first()
    assert found is not None, f"{table} {row_id} missing"
    return dict(found)
