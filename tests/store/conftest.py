"""Fixtures of the store tests: a fresh register file and a change writer on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household
from fieldapp.store.writer import ChangeWriter
from tests.store.util import ACTOR


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "register.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def writer(db: Database) -> ChangeWriter:
    return ChangeWriter(db, ACTOR)


@pytest.fixture
def village(writer: ChangeWriter) -> str:
    with writer.transaction() as txn:
        return txn.insert(Area, {"level": "village", "name": "东村"})


@pytest.fixture
def household(writer: ChangeWriter, village: str) -> str:
    with writer.transaction() as txn:
        return txn.insert(Household, {"village_id": village, "group_no": 2, "hh_no": "611002000001",
                                      "main_cause": "01", "exit_status": "0"})
