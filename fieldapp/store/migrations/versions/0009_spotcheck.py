"""spotcheck: spot-check draws, their checklist items, rectification tasks and the cadres' reports.

All four are synced tables: a reviewer's laptop draws and checks offline, the district holds every
draw and finding, and a cadre's laptop receives the rectifications of its villages' households.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
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
    op.create_table('spotcheck_draw',
        sa.Column('level', sa.String(length=8), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('percent', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=24), nullable=False),
        sa.Column('strata', sa.String(length=16), server_default='', nullable=False),
        sa.Column('seed', sa.String(length=64), nullable=False),
        sa.Column('frame_hash', sa.String(length=64), nullable=False),
        sa.Column('frame', sa.Text(), nullable=False),
        sa.Column('sample', sa.Text(), nullable=False),
        sa.Column('drawn_by', sa.String(length=36), nullable=True),
        sa.Column('drawn_by_name', sa.String(length=32), nullable=True),
        sa.Column('drawn_at', sa.BigInteger(), nullable=False),
        sa.Column('due_days', sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_spotcheck_draw'))
    )
    op.create_table('spotcheck_item',
        sa.Column('draw_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('ref_id', sa.String(length=36), nullable=True),
        sa.Column('shown', sa.Text(), nullable=False),
        sa.Column('sources', sa.Text(), nullable=False),
        sa.Column('entered_by', sa.String(length=36), nullable=True),
        sa.Column('entered_by_name', sa.String(length=32), nullable=True),
        sa.Column('cadre_id', sa.String(length=36), nullable=True),
        sa.Column('result', sa.String(length=12), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('photo_id', sa.String(length=36), nullable=True),
        sa.Column('checked_by', sa.String(length=36), nullable=True),
        sa.Column('checked_by_name', sa.String(length=32), nullable=True),
        sa.Column('checked_at', sa.BigInteger(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['draw_id'], ['spotcheck_draw.id'],
                                name=op.f('fk_spotcheck_item_draw_id_spotcheck_draw')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_spotcheck_item_household_id_household')),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_spotcheck_item_photo_id_photo')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_spotcheck_item'))
    )
    with op.batch_alter_table('spotcheck_item', schema=None) as batch_op:
        batch_op.create_index('ix_spotcheck_item_draw', ['draw_id', 'household_id', 'position'], unique=False)
        batch_op.create_index('ix_spotcheck_item_household', ['household_id'], unique=False)
    op.create_table('rectification',
        sa.Column('item_id', sa.String(length=36), nullable=False),
        sa.Column('draw_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('cadre_id', sa.String(length=36), nullable=True),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('finding', sa.Text(), nullable=True),
        sa.Column('opened_by', sa.String(length=36), nullable=True),
        sa.Column('opened_by_name', sa.String(length=32), nullable=True),
        sa.Column('round', sa.Integer(), server_default='1', nullable=False),
        sa.Column('reopen_note', sa.Text(), nullable=True),
        sa.Column('confirmed_at', sa.BigInteger(), nullable=True),
        sa.Column('confirmed_by', sa.String(length=36), nullable=True),
        sa.Column('confirmed_by_name', sa.String(length=32), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['item_id'], ['spotcheck_item.id'],
                                name=op.f('fk_rectification_item_id_spotcheck_item')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_rectification_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification'))
    )
    with op.batch_alter_table('rectification', schema=None) as batch_op:
        batch_op.create_index('ix_rectification_cadre', ['cadre_id', 'due_date'], unique=False)
        batch_op.create_index('ix_rectification_household', ['household_id'], unique=False)
    op.create_table('rectification_report',
        sa.Column('rectification_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('cadre_id', sa.String(length=36), nullable=True),
        sa.Column('round', sa.Integer(), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('reported_by', sa.String(length=36), nullable=True),
        sa.Column('reported_by_name', sa.String(length=32), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['rectification_id'], ['rectification.id'],
                                name=op.f('fk_rectification_report_rectification_id_rectification')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_rectification_report_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_report'))
    )
    with op.batch_alter_table('rectification_report', schema=None) as batch_op:
        batch_op.create_index('ix_rectification_report_rect', ['rectification_id', 'round'], unique=False)


def downgrade() -> None:
    op.drop_table('rectification_report')
    op.drop_table('rectification')
    op.drop_table('spotcheck_item')
    op.drop_table('spotcheck_draw')
