"""Disclosure notices (资金公示): a notice of a project or of a village's year (plan, 项目公示, 项目完成公告,
到户补助公示) is a row of ``notice`` with a disclosure kind, the project it is about (``project_id``), the year
(``year``) and the figures it states, read from the project ledger and signed (``figures``, canonical JSON).
An objection to such a notice concerns the notice, not a household's workflow: ``objection.household_id``
and ``objection.workflow_id`` become nullable (every workflow objection keeps both).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 04:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('project_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('figures', sa.Text(), nullable=True))
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.alter_column('household_id', existing_type=sa.String(length=36), nullable=True)
        batch_op.alter_column('workflow_id', existing_type=sa.String(length=36), nullable=True)
        batch_op.create_index('ix_objection_notice', ['notice_id'], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM objection WHERE workflow_id IS NULL")
    op.execute("DELETE FROM notice WHERE figures IS NOT NULL")
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.drop_index('ix_objection_notice')
        batch_op.alter_column('workflow_id', existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column('household_id', existing_type=sa.String(length=36), nullable=False)
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_column('figures')
        batch_op.drop_column('year')
        batch_op.drop_column('project_id')
