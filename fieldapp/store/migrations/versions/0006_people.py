"""people: the registry of people (person) and the audit log of logins and account changes (audit_event).

Both are synced tables: the district's registry of people travels to the laptops, the laptops'
audit events to the district. No password or key is stored in the register.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 19:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
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
    op.create_table('person',
        sa.Column('name', sa.String(length=32), nullable=False),
        sa.Column('cadre_id', sa.String(length=36), nullable=True),
        sa.Column('roles', sa.Text(), server_default='[]', nullable=False),
        sa.Column('village_ids', sa.Text(), server_default='[]', nullable=False),
        sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    op.create_table('audit_event',
        sa.Column('at', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('person_id', sa.String(length=36), nullable=True),
        sa.Column('login_name', sa.String(length=64), nullable=True),
        sa.Column('detail', sa.Text(), server_default='{}', nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_at', ['at'], unique=False)
    # an enrolment code names the role of the person it enrols, not only the cadre
    with op.batch_alter_table('server_enrol_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=24), server_default='member', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('server_enrol_code', schema=None) as batch_op:
        batch_op.drop_column('role')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_at')
    op.drop_table('audit_event')
    op.drop_table('person')
