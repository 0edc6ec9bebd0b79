"""Alembic environment: uses the connection handed over by fieldapp.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from fieldapp.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use (autogenerate during development)
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrate.db"
        with create_engine(url).connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
