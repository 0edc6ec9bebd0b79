"""A register at schema 10 opens at 11: every typed exit_status is kept as it was and recorded as imported
workflow state (provenance "imported"), the same row on every replica; shown as such."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import natural_id
from fieldapp.services.workflow import store
from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16
TYPED = {"h0": "0", "h1": "1", "h3": "3", "h4": "4", "hx": None, "hd": "1"}


def _write_as_version_10(path: Path) -> None:
    db = Database(path)
    migrate.upgrade(db, "0010")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('v1', 'village', '东村', ?, ?)",
                 (HLC, DEVICE))
    for hid, status in TYPED.items():
        conn.execute("INSERT INTO household (id, village_id, hh_no, main_cause, exit_status, deleted, row_hlc,"
                     " row_device) VALUES (?, 'v1', ?, '01', ?, ?, ?, ?)",
                     (hid, f"6110020000{hid}", status, hid == "hd", HLC, DEVICE))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10
    conn.close()


def test_typed_exit_status_becomes_imported_workflow_state_without_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    _write_as_version_10(path)
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION >= 11
        with db.read() as conn:
            rows = {r.household_id: r for r in conn.exec_driver_sql(
                "SELECT id, household_id, kind, origin, imported_value, started_at, row_hlc FROM workflow")}
            typed = dict(conn.exec_driver_sql("SELECT id, exit_status FROM household").all())
        assert typed == TYPED  # the household's own values are untouched
        assert set(rows) == {"h0", "h1", "h3", "h4"}  # none for an empty value or a deleted household
        assert {h: (r.kind, r.origin, r.imported_value) for h, r in rows.items()} == {
            "h0": ("identification", "imported", "0"), "h1": ("exit", "imported", "1"),
            "h3": ("return", "imported", "3"), "h4": ("exit", "imported", "4")}
        assert all(r.id == natural_id("workflow", h, "imported") and r.row_hlc == 0 for h, r in rows.items())
        assert rows["h1"].started_at == 1_700_000_000_000  # when the typed value was last written, as near as known
        view = store.workflows_of(db, "h1", rules.definitions())[0]
        assert view.state.status == rules.IMPORTED and view.imported_value == "1" and not view.state.is_open
        assert store.open_workflow(db, "h1", rules.definitions()) is None
    finally:
        db.close()
