"""An index on ``household.hh_no``: an import finds the register's households by 户编号 through it.

An import matches each household of its file by 户编号. Without an index that meant reading every
household of the register, once per import (and, earlier, once per batch of 500): the cost of a
small file grew with the register. The index holds deleted households too (the import asks for the
live ones); a household's number rarely changes, so its writes cost one more index entry on insert.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 12:00:00.000000
"""

from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index('ix_household_hh_no', ['hh_no'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_hh_no')
