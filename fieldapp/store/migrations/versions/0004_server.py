"""server: the district server's tables: enrolment codes, devices, audit log, request nonces.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 08:00:00.000000
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('server_audit',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('device_id', sa.String(length=36), nullable=True),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('outcome', sa.String(length=12), nullable=False),
        sa.Column('reason', sa.String(length=32), nullable=True),
        sa.Column('transport', sa.String(length=8), nullable=True),
        sa.Column('remote', sa.String(length=64), nullable=True),
        sa.Column('package_id', sa.String(length=36), nullable=True),
        sa.Column('detail', sa.Text(), server_default='{}', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_server_audit'))
    )
    with op.batch_alter_table('server_audit', schema=None) as batch_op:
        batch_op.create_index('ix_server_audit_device', ['device_id', 'id'], unique=False)

    op.create_table('server_device',
        sa.Column('device_id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('cadre', sa.String(length=64), nullable=False),
        sa.Column('signing_key', sa.String(length=64), nullable=False),
        sa.Column('agreement_key', sa.String(length=64), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('enrolled_at', sa.String(length=32), nullable=False),
        sa.Column('revoked_at', sa.String(length=32), nullable=True),
        sa.Column('revoke_reason', sa.Text(), nullable=True),
        sa.Column('last_sync', sa.String(length=32), nullable=True),
        sa.Column('last_transport', sa.String(length=8), nullable=True),
        sa.Column('syncs', sa.Integer(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('device_id', name=op.f('pk_server_device'))
    )
    op.create_table('server_enrol_code',
        sa.Column('code_hash', sa.String(length=64), nullable=False),
        sa.Column('cadre', sa.String(length=64), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('expires_at', sa.String(length=32), nullable=False),
        sa.Column('used_at', sa.String(length=32), nullable=True),
        sa.Column('used_by', sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_server_enrol_code'))
    )
    op.create_table('server_nonce',
        sa.Column('device_id', sa.String(length=36), nullable=False),
        sa.Column('nonce', sa.String(length=64), nullable=False),
        sa.Column('ts', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('device_id', 'nonce', name=op.f('pk_server_nonce'))
    )
    with op.batch_alter_table('server_nonce', schema=None) as batch_op:
        batch_op.create_index('ix_server_nonce_ts', ['ts'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('server_nonce', schema=None) as batch_op:
        batch_op.drop_index('ix_server_nonce_ts')

    op.drop_table('server_nonce')
    op.drop_table('server_enrol_code')
    op.drop_table('server_device')
    with op.batch_alter_table('server_audit', schema=None) as batch_op:
        batch_op.drop_index('ix_server_audit_device')

    op.drop_table('server_audit')
