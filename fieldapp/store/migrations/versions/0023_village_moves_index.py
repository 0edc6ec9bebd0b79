"""A partial index of the household updates that move a household: a scoped reply's exit markers.

A reply to a device scoped to some villages tells it which of their households moved away (a
scope-exit marker): it looks, per batch of origins above what the device holds, for household
updates naming ``village_id``. Without an index that read every household update of those origins
(0.75 s a batch of 100 origins at 1,000,000 households, most of an idle sync). The index holds only
those rows (a move is rare), keyed by ``(origin, origin_seq)`` like the query's ranges; appending any
other change costs nothing here. Its predicate is repeated literally by the query
(``fieldapp.store.models.VILLAGE_MOVES``), as SQLite and PostgreSQL require to use a partial index.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 08:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# Frozen here (a migration does not follow later edits of the model).
_MOVES = "tbl = 'household' AND op <> 'insert' AND fields LIKE '%\"village_id\"%'"


def upgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_village_moves', ['origin', 'origin_seq'], unique=False,
                              sqlite_where=sa.text(_MOVES), postgresql_where=sa.text(_MOVES))


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_village_moves')
