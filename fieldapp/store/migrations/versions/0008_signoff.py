"""signoff: per-person signing keys (signing_key) and sign-offs (signoff).

Both are synced: a person's public key travels to the district and every laptop so anyone can
check a signature; a sign-off carries the snapshot it signed. No private key is stored here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
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
    op.create_table('signing_key',
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.BigInteger(), nullable=False),
        sa.Column('retired_at', sa.BigInteger(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signing_key'))
    )
    with op.batch_alter_table('signing_key', schema=None) as batch_op:
        batch_op.create_index('ix_signing_key_person', ['person_id'], unique=False)
    op.create_table('signoff',
        sa.Column('subject', sa.String(length=24), nullable=False),
        sa.Column('subject_id', sa.String(length=36), nullable=False),
        sa.Column('period', sa.String(length=16), server_default='', nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('role', sa.String(length=24), nullable=False),
        sa.Column('key_id', sa.String(length=36), nullable=False),
        sa.Column('signed_at', sa.BigInteger(), nullable=False),
        sa.Column('snapshot', sa.Text(), nullable=False),
        sa.Column('snapshot_hash', sa.String(length=64), nullable=False),
        sa.Column('signature', sa.String(length=128), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signoff'))
    )
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.create_index('ix_signoff_subject', ['subject', 'subject_id', 'signed_at'], unique=False)
        batch_op.create_index('ix_signoff_code', ['code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.drop_index('ix_signoff_code')
        batch_op.drop_index('ix_signoff_subject')
    op.drop_table('signoff')
    with op.batch_alter_table('signing_key', schema=None) as batch_op:
        batch_op.drop_index('ix_signing_key_person')
    op.drop_table('signing_key')
