"""change_log indexes: one index by row (row_id, hlc) instead of three.

The merge of a sync package appends a change_log row per received change; every secondary
index keyed by something random (a household or a row id) turns that append into random
page writes over the whole index. ``ix_change_log_hlc`` was unused and
``ix_change_log_household`` is replaced by looking the household's rows up in
``ix_change_log_row_hlc`` (see fieldapp.store.queries.history_page), which also serves the
(row, stamp) lookups of a field's previous value. A small partial index lists the deletes, for
purging tombstones (fieldapp.sync.purge) without reading the whole log.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_household')
        batch_op.drop_index('ix_change_log_hlc')
        batch_op.drop_index('ix_change_log_row')
        batch_op.create_index('ix_change_log_row_hlc', ['row_id', 'hlc'], unique=False)
        batch_op.create_index('ix_change_log_deletes', ['seq'], unique=False,
                              sqlite_where=sa.text("op = 'delete'"), postgresql_where=sa.text("op = 'delete'"))


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_deletes')
        batch_op.drop_index('ix_change_log_row_hlc')
        batch_op.create_index('ix_change_log_row', ['tbl', 'row_id'], unique=False)
        batch_op.create_index('ix_change_log_hlc', ['hlc'], unique=False)
        batch_op.create_index('ix_change_log_household', ['household_id', 'hlc'], unique=False)
