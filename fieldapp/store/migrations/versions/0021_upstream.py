"""Servers as children of a server: an enrolment code and an enrolled device are of a kind, ``device`` (a
laptop) or ``server`` (a district server enrolled with its city, a city with its province), with the area
whose villages the code granted (``area_id``; None: granted village by village).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 07:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('server_enrol_code', 'server_device'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('kind', sa.String(length=8), server_default='device', nullable=False))
            batch_op.add_column(sa.Column('area_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    for table in ('server_device', 'server_enrol_code'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('area_id')
            batch_op.drop_column('kind')
