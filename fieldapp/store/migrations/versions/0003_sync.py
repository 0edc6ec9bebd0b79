"""sync: local tables for sync packages: peers, holdings vector, seen packages,
conflicts, quarantine, pending unknown fields, scope-exit markers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 06:30:50.343860
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_conflict',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('tbl', sa.String(length=32), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('winner_value', sa.Text(), nullable=True),
        sa.Column('winner_hlc', sa.BigInteger(), nullable=False),
        sa.Column('winner_device', sa.String(length=36), nullable=False),
        sa.Column('loser_value', sa.Text(), nullable=True),
        sa.Column('loser_hlc', sa.BigInteger(), nullable=False),
        sa.Column('loser_device', sa.String(length=36), nullable=False),
        sa.Column('detected_at', sa.String(length=32), nullable=False),
        sa.Column('resolved', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_row', ['tbl', 'row_id', 'field'], unique=False)

    op.create_table('sync_peer',
        sa.Column('device_id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('signing_key', sa.String(length=64), nullable=False),
        sa.Column('agreement_key', sa.String(length=64), nullable=False),
        sa.Column('scope', sa.Text(), nullable=True),
        sa.Column('known', sa.Text(), nullable=False),
        sa.Column('last_sent', sa.String(length=32), nullable=True),
        sa.Column('last_received', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('device_id', name=op.f('pk_sync_peer'))
    )
    op.create_table('sync_pending',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('origin_seq', sa.BigInteger(), nullable=False),
        sa.Column('tbl', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('value', sa.Text(), nullable=True),
        sa.Column('hlc', sa.BigInteger(), nullable=False),
        sa.Column('device', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_pending'))
    )
    op.create_table('sync_quarantine',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('origin_seq', sa.BigInteger(), nullable=False),
        sa.Column('tbl', sa.String(length=32), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('change', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('received_at', sa.String(length=32), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_quarantine'))
    )
    op.create_table('sync_scope_exit',
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=True),
        sa.Column('hlc', sa.BigInteger(), nullable=False),
        sa.Column('received_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('household_id', name=op.f('pk_sync_scope_exit'))
    )
    op.create_table('sync_seen',
        sa.Column('package_id', sa.String(length=36), nullable=False),
        sa.Column('sender', sa.String(length=36), nullable=False),
        sa.Column('applied_at', sa.String(length=32), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('package_id', name=op.f('pk_sync_seen'))
    )
    op.create_table('sync_vector',
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('origin', name=op.f('pk_sync_vector'))
    )


def downgrade() -> None:
    op.drop_table('sync_vector')
    op.drop_table('sync_seen')
    op.drop_table('sync_scope_exit')
    op.drop_table('sync_quarantine')
    op.drop_table('sync_pending')
    op.drop_table('sync_peer')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_row')

    op.drop_table('sync_conflict')
