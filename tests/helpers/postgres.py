"""Throwaway PostgreSQL databases for tests (the district server's production backend).

The server is found at ``FIELDAPP_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``;
``.ci/run`` sets it with ``scripts/ensure_postgres.sh``, which starts a throwaway server when the
machine has none). Each test gets fresh databases created on that server and dropped afterwards.
Without a reachable server the test is skipped with the reason shown in pytest's summary (``-ra``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def admin_url() -> str:
    """The test server's URL; empty when ``make test`` found none (the tests then skip)."""
    return os.environ.get("FIELDAPP_TEST_PG", DEFAULT_URL)


class Databases:
    """Creates databases on the test server and drops them all at :meth:`close`."""

    def __init__(self) -> None:
        base = admin_url()
        if not base:
            pytest.skip("no PostgreSQL server: scripts/ensure_postgres.sh found none and could not start one")
        self.base = base
        self.engine: Engine = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1),
                                            isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as exc:  # no server here: skip visibly, never fail
            self.engine.dispose()
            first = str(exc).splitlines()[0] if str(exc) else ""
            pytest.skip(f"PostgreSQL not reachable at {make_url(base).render_as_string(hide_password=True)}: "
                        f"{type(exc).__name__}: {first}")
        self.names: list[str] = []

    def new(self) -> str:
        """The URL of a new, empty database."""
        name = f"fieldapp_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return make_url(self.base).set(database=name).render_as_string(hide_password=False)

    def new_migrated(self) -> str:
        """The URL of a new database already at the current schema (a copy of a template database migrated
        once per process: see :func:`tests.helpers.templates.pg_template`)."""
        from tests.helpers.templates import pg_template

        template = pg_template(self.base)
        name = f"fieldapp_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.names.append(name)
        return make_url(self.base).set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        with self.engine.connect() as conn:
            for name in self.names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.engine.dispose()


@pytest.fixture
def postgres_databases() -> Iterator[Databases]:
    dbs = Databases()
    yield dbs
    dbs.close()


@pytest.fixture
def postgres_url(postgres_databases: Databases) -> str:
    """The URL of a new, empty PostgreSQL database (dropped after the test)."""
    return postgres_databases.new()
