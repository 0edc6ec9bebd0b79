"""评议 meetings, 公示/公告 notices made from workflow steps, and objections, all synced; a deliberation
step's decision names its meeting (``workflow_step.meeting_id``).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 23:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
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
    with op.batch_alter_table('workflow_step', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_id', sa.String(length=36), nullable=True))
    op.create_table('deliberation',
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('present_count', sa.Integer(), nullable=False),
        sa.Column('present_names', sa.Text(), server_default='', nullable=False),
        sa.Column('votes_for', sa.Integer(), nullable=False),
        sa.Column('votes_against', sa.Integer(), nullable=False),
        sa.Column('summary', sa.Text(), server_default='', nullable=False),
        sa.Column('recorded_by', sa.String(length=36), nullable=True),
        sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_deliberation_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_deliberation'))
    )
    with op.batch_alter_table('deliberation', schema=None) as batch_op:
        batch_op.create_index('ix_deliberation_village', ['village_id', 'held_on'], unique=False)
    op.create_table('deliberation_household',
        sa.Column('deliberation_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('votes_for', sa.Integer(), nullable=True),
        sa.Column('votes_against', sa.Integer(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['deliberation_id'], ['deliberation.id'],
                                name=op.f('fk_deliberation_household_deliberation_id_deliberation')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_deliberation_household_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_deliberation_household'))
    )
    with op.batch_alter_table('deliberation_household', schema=None) as batch_op:
        batch_op.create_index('ix_deliberation_household_household', ['household_id'], unique=False)
    op.create_table('notice',
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('step', sa.String(length=8), nullable=False),
        sa.Column('households', sa.Text(), nullable=False),
        sa.Column('period_start', sa.Date(), nullable=False),
        sa.Column('period_end', sa.Date(), nullable=False),
        sa.Column('contact', sa.Text(), nullable=False),
        sa.Column('issued_by', sa.String(length=36), nullable=False),
        sa.Column('issued_by_name', sa.String(length=32), nullable=False),
        sa.Column('issued_at', sa.BigInteger(), nullable=False),
        sa.Column('signoff_id', sa.String(length=36), nullable=True),
        sa.Column('posted_on', sa.Date(), nullable=True),
        sa.Column('posted_by_name', sa.String(length=32), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_notice_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notice'))
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index('ix_notice_village', ['village_id', 'period_start'], unique=False)
    op.create_table('objection',
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('workflow_id', sa.String(length=36), nullable=False),
        sa.Column('notice_id', sa.String(length=36), nullable=True),
        sa.Column('step', sa.String(length=8), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('from_whom', sa.String(length=64), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
        sa.Column('handling', sa.Text(), nullable=True),
        sa.Column('result', sa.String(length=12), nullable=True),
        sa.Column('handled_on', sa.Date(), nullable=True),
        sa.Column('handled_by_name', sa.String(length=32), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_objection_household_id_household')),
        sa.ForeignKeyConstraint(['workflow_id'], ['workflow.id'], name=op.f('fk_objection_workflow_id_workflow')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_objection'))
    )
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.create_index('ix_objection_household', ['household_id'], unique=False)


def downgrade() -> None:
    for table, index in (('objection', 'ix_objection_household'), ('notice', 'ix_notice_village'),
                         ('deliberation_household', 'ix_deliberation_household_household'),
                         ('deliberation', 'ix_deliberation_village')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(table)
    with op.batch_alter_table('workflow_step', schema=None) as batch_op:
        batch_op.drop_column('meeting_id')
