"""Assets made by accepted projects (扶贫资产): the asset (kind, value, location, ownership, manager, state), its
yearly income, the income's distribution to households and the signed changes (transfer, damage, disposal).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 04:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
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


def _fk(table: str, column: str, other: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{other}.id'], name=op.f(f'fk_{table}_{column}_{other}'))


def _indexes(table: str, *indexes: tuple[str, list[str]]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, columns in indexes:
            batch_op.create_index(name, columns, unique=False)


def upgrade() -> None:
    op.create_table('asset',
        sa.Column('project_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.Column('location', sa.String(length=128), server_default='', nullable=False),
        sa.Column('owner_household_id', sa.String(length=36), nullable=True),
        sa.Column('manager', sa.String(length=128), server_default='', nullable=False),
        sa.Column('state', sa.String(length=16), server_default='in_use', nullable=False),
        sa.Column('recorded_on', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        _fk('asset', 'project_id', 'project'),
        _fk('asset', 'owner_household_id', 'household'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_asset'))
    )
    _indexes('asset', ('ix_asset_village', ['village_id']), ('ix_asset_project', ['project_id']))
    op.create_table('asset_income',
        sa.Column('asset_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('income', sa.BigInteger(), nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        _fk('asset_income', 'asset_id', 'asset'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_income'))
    )
    _indexes('asset_income', ('ix_asset_income_asset', ['asset_id', 'year']))
    op.create_table('asset_distribution',
        sa.Column('income_id', sa.String(length=36), nullable=False),
        sa.Column('asset_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        _fk('asset_distribution', 'income_id', 'asset_income'),
        _fk('asset_distribution', 'asset_id', 'asset'),
        _fk('asset_distribution', 'household_id', 'household'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_distribution'))
    )
    _indexes('asset_distribution', ('ix_asset_distribution_income', ['income_id']),
             ('ix_asset_distribution_household', ['household_id']))
    op.create_table('asset_event',
        sa.Column('asset_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('owner_before', sa.String(length=36), nullable=True),
        sa.Column('owner_after', sa.String(length=36), nullable=True),
        sa.Column('manager_before', sa.String(length=128), server_default='', nullable=False),
        sa.Column('manager_after', sa.String(length=128), server_default='', nullable=False),
        sa.Column('state_before', sa.String(length=16), nullable=False),
        sa.Column('state_after', sa.String(length=16), nullable=False),
        sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
        sa.Column('signoff_id', sa.String(length=36), nullable=True),
        *_sync_columns(),
        _fk('asset_event', 'asset_id', 'asset'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_event'))
    )
    _indexes('asset_event', ('ix_asset_event_asset', ['asset_id', 'date']))


def downgrade() -> None:
    for name, indexes in (('asset_event', ['ix_asset_event_asset']),
                          ('asset_distribution', ['ix_asset_distribution_household', 'ix_asset_distribution_income']),
                          ('asset_income', ['ix_asset_income_asset']),
                          ('asset', ['ix_asset_project', 'ix_asset_village'])):
        with op.batch_alter_table(name, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(name)
