"""initial register schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 05:20:53.429560
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("area",
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=True),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['area.id'], name=op.f('fk_area_parent_id_area')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area'))
    )
    op.create_table('cadre',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('unit', sa.String(length=128), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadre'))
    )
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('origin_seq', sa.BigInteger(), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('tbl', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('prev', sa.Text(), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('user_name', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sa.UniqueConstraint('origin', 'origin_seq', name=op.f('uq_change_log_origin'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_household', ['household_id', 'hlc'], unique=False)
        batch_op.create_index('ix_change_log_row', ['tbl', 'row_id'], unique=False)
        batch_op.create_index('ix_change_log_hlc', ['hlc'], unique=False)

    op.create_table('household_list',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('village_id', sa.String(length=36), nullable=False),
    sa.Column('group_no', sa.Integer(), nullable=True),
    sa.Column('hh_no', sa.String(length=32), nullable=True),
    sa.Column('head_name', sa.String(length=32), nullable=True),
    sa.Column('head_initials', sa.String(length=32), nullable=True),
    sa.Column('head_pinyin', sa.String(length=128), nullable=True),
    sa.Column('head_id_no', sa.String(length=18), nullable=True),
    sa.Column('member_count', sa.Integer(), nullable=False),
    sa.Column('attribute', sa.String(length=4), nullable=True),
    sa.Column('exit_status', sa.String(length=4), nullable=True),
    sa.Column('main_cause', sa.String(length=4), nullable=True),
    sa.Column('cadre_id', sa.String(length=36), nullable=True),
    sa.Column('income_year', sa.Integer(), nullable=True),
    sa.Column('per_person_income', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('household_id', name=op.f('pk_household_list'))
    )
    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.create_index('ix_hl_attribute', ['attribute', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_cadre', ['cadre_id', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_cause', ['main_cause', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_group', ['village_id', 'group_no', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_hh_no', ['hh_no', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_income', ['per_person_income', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_initials', ['head_initials', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_name', ['head_name', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_pinyin', ['head_pinyin', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_size', ['member_count', 'household_id'], unique=False)
        batch_op.create_index('ix_hl_status', ['exit_status', 'household_id'], unique=False)

    op.create_table('local_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_state'))
    )
    op.create_table('threshold',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('area_code', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('price_basis', sa.String(length=16), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_threshold'))
    )
    op.create_table('household',
    sa.Column('village_id', sa.String(length=36), nullable=False),
    sa.Column('group_no', sa.Integer(), nullable=True),
    sa.Column('hh_no', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('bank_name', sa.String(length=64), nullable=True),
    sa.Column('bank_account', sa.String(length=40), nullable=True),
    sa.Column('standard', sa.String(length=4), nullable=True),
    sa.Column('identified_on', sa.Date(), nullable=True),
    sa.Column('attribute', sa.String(length=4), nullable=True),
    sa.Column('exit_status', sa.String(length=4), nullable=True),
    sa.Column('exit_year', sa.Integer(), nullable=True),
    sa.Column('plate_kind', sa.String(length=16), nullable=True),
    sa.Column('main_cause', sa.String(length=4), nullable=True),
    sa.Column('cause2', sa.String(length=4), nullable=True),
    sa.Column('cause3', sa.String(length=4), nullable=True),
    sa.Column('exit_deadline', sa.Integer(), nullable=True),
    sa.Column('cadre_id', sa.String(length=36), nullable=True),
    sa.Column('fund_channel', sa.String(length=24), nullable=True),
    sa.Column('farmland_mu', sa.String(length=16), nullable=True),
    sa.Column('forest_mu', sa.String(length=16), nullable=True),
    sa.Column('grain_to_green_mu', sa.String(length=16), nullable=True),
    sa.Column('house_area', sa.String(length=16), nullable=True),
    sa.Column('danger_grade', sa.String(length=2), nullable=True),
    sa.Column('sanitary_toilet', sa.Boolean(), nullable=True),
    sa.Column('electricity', sa.Boolean(), nullable=True),
    sa.Column('broadcast_tv', sa.Boolean(), nullable=True),
    sa.Column('road_type', sa.String(length=4), nullable=True),
    sa.Column('road_distance_km', sa.String(length=16), nullable=True),
    sa.Column('fuel', sa.String(length=4), nullable=True),
    sa.Column('relocation_type', sa.String(length=4), nullable=True),
    sa.Column('relocation_site', sa.String(length=128), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['cadre_id'], ['cadre.id'], name=op.f('fk_household_cadre_id_cadre')),
    sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_household_village_id_area')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    op.create_table('income_year',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('persons', sa.Integer(), nullable=True),
    sa.Column('wage', sa.BigInteger(), nullable=True),
    sa.Column('production', sa.BigInteger(), nullable=True),
    sa.Column('production_cost', sa.BigInteger(), nullable=True),
    sa.Column('transfer_dibao', sa.BigInteger(), nullable=True),
    sa.Column('transfer_tekun', sa.BigInteger(), nullable=True),
    sa.Column('transfer_pension', sa.BigInteger(), nullable=True),
    sa.Column('transfer_family_planning', sa.BigInteger(), nullable=True),
    sa.Column('transfer_eco', sa.BigInteger(), nullable=True),
    sa.Column('transfer_other', sa.BigInteger(), nullable=True),
    sa.Column('property_dividend', sa.BigInteger(), nullable=True),
    sa.Column('property_other', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_income_year_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_income_year')),
    sa.UniqueConstraint('household_id', 'year', name=op.f('uq_income_year_household_id'))
    )
    op.create_table('indicator',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('met', sa.Boolean(), nullable=True),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('checked_by', sa.String(length=36), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['checked_by'], ['cadre.id'], name=op.f('fk_indicator_checked_by_cadre')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_indicator_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sa.UniqueConstraint('household_id', 'code', name=op.f('uq_indicator_household_id'))
    )
    op.create_table('member',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('id_no', sa.String(length=18), nullable=True),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('relation', sa.String(length=4), nullable=True),
    sa.Column('ethnicity', sa.String(length=16), nullable=True),
    sa.Column('education', sa.String(length=4), nullable=True),
    sa.Column('schooling', sa.String(length=4), nullable=True),
    sa.Column('health', sa.String(length=4), nullable=True),
    sa.Column('disability_grade', sa.String(length=2), nullable=True),
    sa.Column('disability_cert', sa.String(length=20), nullable=True),
    sa.Column('labour_skill', sa.String(length=4), nullable=True),
    sa.Column('work_status', sa.String(length=4), nullable=True),
    sa.Column('work_months', sa.Integer(), nullable=True),
    sa.Column('employer', sa.String(length=128), nullable=True),
    sa.Column('medical_insurance', sa.Boolean(), nullable=True),
    sa.Column('critical_illness_insurance', sa.Boolean(), nullable=True),
    sa.Column('pension_insurance', sa.Boolean(), nullable=True),
    sa.Column('dibao', sa.Boolean(), nullable=True),
    sa.Column('tekun', sa.Boolean(), nullable=True),
    sa.Column('military', sa.Boolean(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_member_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member'))
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_id_no'), ['id_no'], unique=False)

    op.create_table('measure',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('content', sa.String(length=500), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('fund_channel', sa.String(length=24), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('responsible_unit', sa.String(length=128), nullable=True),
    sa.Column('industry', sa.String(length=16), nullable=True),
    sa.Column('post', sa.String(length=16), nullable=True),
    sa.Column('member_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('row_hlc', sa.BigInteger(), nullable=False),
    sa.Column('row_device', sa.String(length=36), nullable=False),
    sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_measure_household_id_household')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_measure_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure'))
    )
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_household_id'), ['household_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_household_id'))

    op.drop_table('measure')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_id_no'))
        batch_op.drop_index(batch_op.f('ix_member_household_id'))

    op.drop_table('member')
    op.drop_table('indicator')
    op.drop_table('income_year')
    op.drop_table('household')
    op.drop_table('threshold')
    op.drop_table('local_state')
    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.drop_index('ix_hl_status')
        batch_op.drop_index('ix_hl_size')
        batch_op.drop_index('ix_hl_pinyin')
        batch_op.drop_index('ix_hl_name')
        batch_op.drop_index('ix_hl_initials')
        batch_op.drop_index('ix_hl_income')
        batch_op.drop_index('ix_hl_hh_no')
        batch_op.drop_index('ix_hl_group')
        batch_op.drop_index('ix_hl_cause')
        batch_op.drop_index('ix_hl_cadre')
        batch_op.drop_index('ix_hl_attribute')

    op.drop_table('household_list')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_row')
        batch_op.drop_index('ix_change_log_hlc')
        batch_op.drop_index('ix_change_log_household')

    op.drop_table('change_log')
    op.drop_table('cadre')
    op.drop_table('area')
