"""Attachments of workflow decisions and 评议 meetings: photos (content-addressed ``photo`` rows) of the
minutes or of the signed 脱贫确认书, with a kind code and a caption, both synced.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 02:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
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


def _attachment_columns() -> list[sa.Column]:
    return [
        sa.Column('photo_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('caption', sa.Text(), server_default='', nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('step_attachment',
        sa.Column('step_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        *_attachment_columns(),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['step_id'], ['workflow_step.id'], name=op.f('fk_step_attachment_step_id_workflow_step')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_step_attachment_household_id_household')),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_step_attachment_photo_id_photo')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_step_attachment'))
    )
    with op.batch_alter_table('step_attachment', schema=None) as batch_op:
        batch_op.create_index('ix_step_attachment_step', ['step_id'], unique=False)
        batch_op.create_index('ix_step_attachment_household', ['household_id'], unique=False)
    op.create_table('deliberation_attachment',
        sa.Column('deliberation_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        *_attachment_columns(),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['deliberation_id'], ['deliberation.id'],
                                name=op.f('fk_deliberation_attachment_deliberation_id_deliberation')),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_deliberation_attachment_village_id_area')),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_deliberation_attachment_photo_id_photo')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_deliberation_attachment'))
    )
    with op.batch_alter_table('deliberation_attachment', schema=None) as batch_op:
        batch_op.create_index('ix_deliberation_attachment_meeting', ['deliberation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('deliberation_attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_deliberation_attachment_meeting')
    op.drop_table('deliberation_attachment')
    with op.batch_alter_table('step_attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_step_attachment_household')
        batch_op.drop_index('ix_step_attachment_step')
    op.drop_table('step_attachment')
