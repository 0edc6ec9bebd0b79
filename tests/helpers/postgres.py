"""A throwaway PostgreSQL database per test (the district server's production backend).

The server is found at ``FIELDAPP_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``;
``.ci/run`` sets it, starting a throwaway server when the machine has none). Each test gets a
fresh database created on that server and dropped afterwards. Without a reachable server the
test is skipped with the reason shown in pytest's summary (``-ra``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def admin_url() -> str:
    return os.environ.get("FIELDAPP_TEST_PG", DEFAULT_URL)


def _engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT",
                         connect_args={"connect_timeout": 3})


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (dropped after the test)."""
    base = admin_url()
    try:
        admin = _engine(base)
        with admin.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:  # no server here: skip visibly, never fail
        pytest.skip(f"PostgreSQL not reachable at {make_url(base).render_as_string(hide_password=True)}: "
                    f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    name = f"fieldapp_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
