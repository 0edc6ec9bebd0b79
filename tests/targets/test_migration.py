"""A register at schema 13 opens at 17: the village's records keep every value and gain an empty rural population."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.domain.refdata import RefData
from fieldapp.services.targets import records
from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION, Database

DEVICE = "0190a0a0-0000-7000-8000-0000000000bb"
HLC = 1_700_000_000_000 << 16


def test_village_years_gain_a_rural_population(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    db = Database(path)
    migrate.upgrade(db, "0013")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (id, level, name, row_hlc, row_device) VALUES ('v1', 'village', '东村', ?, ?)",
                 (HLC, DEVICE))
    conn.execute("INSERT INTO village_year (id, village_id, year, poor_village, official_incidence,"
                 " collective_income, indicators, row_hlc, row_device)"
                 " VALUES (?, 'v1', 2024, 1, '2.35', 5000000, '{\"road\":true}', ?, ?)",
                 (records.village_year_id("v1", 2024), HLC, DEVICE))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 13
    conn.close()
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION >= 17
        found = records.village_year(db, RefData(), "v1", 2024)
        assert (found.poor_village, str(found.official_incidence), found.collective_income) == (True, "2.35", 5_000_000)
        assert found.indicators["road"] and not found.indicators["water"]
        assert found.rural_population is None
    finally:
        db.close()
