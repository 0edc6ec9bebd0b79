"""挂图作战: a village's yearly record (贫困村, 摘帽 year, official incidence, collective income,
village-exit indicators) and the annual targets of the district, towns and villages, both synced.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 01:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
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
    op.create_table('village_year',
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('poor_village', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('out_year', sa.Integer(), nullable=True),
        sa.Column('official_incidence', sa.String(length=8), nullable=True),
        sa.Column('collective_income', sa.BigInteger(), nullable=True),
        sa.Column('indicators', sa.Text(), server_default='{}', nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_village_year_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_village_year'))
    )
    with op.batch_alter_table('village_year', schema=None) as batch_op:
        batch_op.create_index('ix_village_year_village', ['village_id', 'year'], unique=False)
    op.create_table('target',
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_target_area_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_target'))
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index('ix_target_area', ['area_id', 'year'], unique=False)


def downgrade() -> None:
    for table, index in (('target', 'ix_target_area'), ('village_year', 'ix_village_year_village')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(table)
