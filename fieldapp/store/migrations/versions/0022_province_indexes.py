"""Indexes for a scoped reply at province scale: a new device's first reply reads its villages, not the log.

A reply to a device scoped to some villages takes the changes of their households and the changes
of no household (areas, cadres, …) above what the device holds. For a device that holds nothing yet,
"above" is the whole log: without these indexes each reply read every change of every origin
(a sequential scan, minutes at 1,000,000 households). Now:

- ``ix_household_village``: the villages' households;
- ``ix_change_log_household``: their changes, and (``household_id IS NULL``: the index holds NULLs in
  SQLite and PostgreSQL alike) the changes of no household. Household ids are time-ordered UUIDs, so
  a new household's changes land at the end of it; an edit of an old household is one more page write
  (the cost migration 0005 avoided on every change: a laptop's merge pays it once a household change).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 08:00:00.000000
"""

from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index('ix_household_village', ['village_id'], unique=False)
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_household', ['household_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_household')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_village')
