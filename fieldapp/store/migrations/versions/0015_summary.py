"""汇总上报: a village's weekly or monthly summary (the figures computed at generation, the team leader's
narrative and the sign-off), synced upward and rolled up per town and district.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 02:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    ]


def upgrade() -> None:
    op.create_table('summary',
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('period', sa.String(length=8), nullable=False),
        sa.Column('figures', sa.Text(), server_default='{}', nullable=False),
        sa.Column('narrative', sa.Text(), server_default='', nullable=False),
        sa.Column('generated_at', sa.BigInteger(), nullable=False),
        sa.Column('author', sa.String(length=36), nullable=True),
        sa.Column('author_name', sa.String(length=32), nullable=True),
        sa.Column('signoff_id', sa.String(length=36), nullable=True),
        sa.Column('signed_at', sa.BigInteger(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_summary_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_summary'))
    )
    with op.batch_alter_table('summary', schema=None) as batch_op:
        batch_op.create_index('ix_summary_period', ['kind', 'period', 'village_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('summary', schema=None) as batch_op:
        batch_op.drop_index('ix_summary_period')
    op.drop_table('summary')
