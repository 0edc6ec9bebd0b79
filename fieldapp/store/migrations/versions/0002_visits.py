"""visits: visit records, cadres on a visit, measures and photos on a visit, follow-ups,
check-ins, and household_list.last_visit.

The new column starts NULL everywhere, which is right: a revision-0001 register has no visits.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:58:04.345564
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('photo',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('mime', sa.String(length=32), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('bytes', sa.Integer(), nullable=False),
        sa.Column('taken_on', sa.Date(), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_photo')),
        sa.UniqueConstraint('sha256', name=op.f('uq_photo_sha256'))
    )
    op.create_table('checkin',
        sa.Column('cadre_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['cadre_id'], ['cadre.id'], name=op.f('fk_checkin_cadre_id_cadre')),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_checkin_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin'))
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_cadre', ['cadre_id', 'date'], unique=False)

    op.create_table('visit',
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('type', sa.String(length=4), nullable=False),
        sa.Column('title', sa.String(length=100), nullable=True),
        sa.Column('found', sa.Text(), nullable=True),
        sa.Column('done', sa.Text(), nullable=True),
        sa.Column('created_by', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['created_by'], ['cadre.id'], name=op.f('fk_visit_created_by_cadre')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_visit_household_id_household')),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_visit_village_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_household', ['household_id', 'date', 'id'], unique=False)
        batch_op.create_index('ix_visit_village', ['village_id', 'date', 'id'], unique=False)

    op.create_table('follow_up',
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_follow_up_visit_id_visit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_household', ['household_id', 'due_date'], unique=False)
        batch_op.create_index('ix_follow_up_open', ['done_on', 'due_date'], unique=False)
        batch_op.create_index('ix_follow_up_visit', ['visit_id'], unique=False)

    op.create_table('visit_cadre',
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('cadre_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['cadre_id'], ['cadre.id'], name=op.f('fk_visit_cadre_cadre_id_cadre')),
        sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_cadre_visit_id_visit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_cadre'))
    )
    with op.batch_alter_table('visit_cadre', schema=None) as batch_op:
        batch_op.create_index('ix_visit_cadre_cadre', ['cadre_id', 'date', 'visit_id'], unique=False)
        batch_op.create_index('ix_visit_cadre_visit', ['visit_id'], unique=False)

    op.create_table('visit_photo',
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('photo_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_visit_photo_photo_id_photo')),
        sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_photo_visit_id_visit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_photo'))
    )
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.create_index('ix_visit_photo_photo', ['photo_id'], unique=False)
        batch_op.create_index('ix_visit_photo_visit', ['visit_id'], unique=False)

    op.create_table('visit_measure',
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('measure_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
        sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_visit_measure_measure_id_measure')),
        sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_measure_visit_id_visit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_measure'))
    )
    with op.batch_alter_table('visit_measure', schema=None) as batch_op:
        batch_op.create_index('ix_visit_measure_measure', ['measure_id'], unique=False)
        batch_op.create_index('ix_visit_measure_visit', ['visit_id'], unique=False)

    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_visit', sa.Date(), nullable=True))
        batch_op.create_index('ix_hl_last_visit', ['last_visit', 'household_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.drop_index('ix_hl_last_visit')
        batch_op.drop_column('last_visit')

    with op.batch_alter_table('visit_measure', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_measure_visit')
        batch_op.drop_index('ix_visit_measure_measure')

    op.drop_table('visit_measure')
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_photo_visit')
        batch_op.drop_index('ix_visit_photo_photo')

    op.drop_table('visit_photo')
    with op.batch_alter_table('visit_cadre', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_cadre_visit')
        batch_op.drop_index('ix_visit_cadre_cadre')

    op.drop_table('visit_cadre')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_visit')
        batch_op.drop_index('ix_follow_up_open')
        batch_op.drop_index('ix_follow_up_household')

    op.drop_table('follow_up')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_village')
        batch_op.drop_index('ix_visit_household')

    op.drop_table('visit')
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_cadre')

    op.drop_table('checkin')
    op.drop_table('photo')
