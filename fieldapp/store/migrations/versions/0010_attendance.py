"""attendance and trace-back: when a check-in was entered, leaders' confirmations of late check-ins, reopened months.

``checkin.entered_on`` is the day the check-in was written (NULL for check-ins from before this
revision: they were never marked). ``checkin_confirm`` records a team leader confirming somebody
else's late check-in; ``attendance_reopen`` a signed-off month reopened with a reason. Both synced.
New indexes find what one person wrote and signed, what a household has had signed, and the
spot-check findings on what one person entered.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 22:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
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
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_on', sa.Date(), nullable=True))
    op.create_table('checkin_confirm',
        sa.Column('checkin_id', sa.String(length=36), nullable=False),
        sa.Column('cadre_id', sa.String(length=36), nullable=False),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('at', sa.BigInteger(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_confirm'))
    )
    with op.batch_alter_table('checkin_confirm', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_confirm_checkin', ['checkin_id'], unique=False)
    op.create_table('attendance_reopen',
        sa.Column('cadre_id', sa.String(length=36), nullable=False),
        sa.Column('period', sa.String(length=7), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('at', sa.BigInteger(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_reopen'))
    )
    with op.batch_alter_table('attendance_reopen', schema=None) as batch_op:
        batch_op.create_index('ix_attendance_reopen_cadre', ['cadre_id', 'period'], unique=False)
    # tracing responsibility back: what one person wrote and signed, the findings on what they entered
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_user', ['user_id', 'hlc'], unique=False)
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.create_index('ix_signoff_household', ['household_id'], unique=False)
        batch_op.create_index('ix_signoff_person', ['person_id', 'signed_at'], unique=False)
    with op.batch_alter_table('spotcheck_item', schema=None) as batch_op:
        batch_op.create_index('ix_spotcheck_item_entered', ['entered_by', 'checked_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('spotcheck_item', schema=None) as batch_op:
        batch_op.drop_index('ix_spotcheck_item_entered')
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.drop_index('ix_signoff_person')
        batch_op.drop_index('ix_signoff_household')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_user')
    with op.batch_alter_table('attendance_reopen', schema=None) as batch_op:
        batch_op.drop_index('ix_attendance_reopen_cadre')
    op.drop_table('attendance_reopen')
    with op.batch_alter_table('checkin_confirm', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_confirm_checkin')
    op.drop_table('checkin_confirm')
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_column('entered_on')
