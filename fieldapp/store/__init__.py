"""The local store: SQLAlchemy models, Alembic migrations, the database handle and the one write path."""
