"""A village's rural population in its yearly record (village_year.rural_population): the denominator of
the 贫困发生率 computed from the register, which holds only the poor households and so cannot count it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 01:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('village_year', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rural_population', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('village_year', schema=None) as batch_op:
        batch_op.drop_column('rural_population')
