"""Projects and their money (资金项目): a village's or town's project with its budget per fund channel, the
beneficiary households and their planned amounts, dated progress (with photos), disbursements and the signed
acceptance; a measure names the project it is a benefit of (measure.project_id).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 03:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
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


def _project_child(name: str, *columns: sa.Column, index: tuple[str, list[str]]) -> None:
    """A table of a project's rows: its project, the project's village (scope), ``columns``."""
    op.create_table(name,
        sa.Column('project_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        *columns,
        *_sync_columns(),
        sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f(f'fk_{name}_project_id_project')),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}'))
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(index[0], index[1], unique=False)


def upgrade() -> None:
    op.create_table('project',
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('town_id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('type', sa.String(length=24), nullable=False),
        sa.Column('industry', sa.String(length=16), nullable=True),
        sa.Column('unit', sa.String(length=128), nullable=False),
        sa.Column('planned_start', sa.Date(), nullable=True),
        sa.Column('planned_end', sa.Date(), nullable=True),
        sa.Column('actual_start', sa.Date(), nullable=True),
        sa.Column('actual_end', sa.Date(), nullable=True),
        sa.Column('budget_total', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('approved_amount', sa.BigInteger(), nullable=True),
        sa.Column('approved_on', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=16), server_default='planned', nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['village_id'], ['area.id'], name=op.f('fk_project_village_id_area')),
        sa.ForeignKeyConstraint(['town_id'], ['area.id'], name=op.f('fk_project_town_id_area')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index('ix_project_village', ['village_id'], unique=False)
        batch_op.create_index('ix_project_town', ['town_id'], unique=False)
    _project_child('project_budget',
                   sa.Column('channel', sa.String(length=24), nullable=False),
                   sa.Column('amount', sa.BigInteger(), nullable=False),
                   index=('ix_project_budget_project', ['project_id']))
    op.create_table('project_beneficiary',
        sa.Column('project_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_beneficiary_project_id_project')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_project_beneficiary_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_project_beneficiary'))
    )
    with op.batch_alter_table('project_beneficiary', schema=None) as batch_op:
        batch_op.create_index('ix_project_beneficiary_project', ['project_id'], unique=False)
        batch_op.create_index('ix_project_beneficiary_household', ['household_id'], unique=False)
    _project_child('project_progress',
                   sa.Column('date', sa.Date(), nullable=False),
                   sa.Column('percent', sa.Integer(), nullable=False),
                   sa.Column('note', sa.Text(), server_default='', nullable=False),
                   sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
                   index=('ix_project_progress_project', ['project_id', 'date']))
    op.create_table('project_progress_photo',
        sa.Column('progress_id', sa.String(length=36), nullable=False),
        sa.Column('photo_id', sa.String(length=36), nullable=False),
        sa.Column('village_id', sa.String(length=36), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['progress_id'], ['project_progress.id'],
                                name=op.f('fk_project_progress_photo_progress_id_project_progress')),
        sa.ForeignKeyConstraint(['photo_id'], ['photo.id'], name=op.f('fk_project_progress_photo_photo_id_photo')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_project_progress_photo'))
    )
    with op.batch_alter_table('project_progress_photo', schema=None) as batch_op:
        batch_op.create_index('ix_project_progress_photo_progress', ['progress_id'], unique=False)
    _project_child('project_disbursement',
                   sa.Column('date', sa.Date(), nullable=False),
                   sa.Column('amount', sa.BigInteger(), nullable=False),
                   sa.Column('channel', sa.String(length=24), nullable=False),
                   sa.Column('payee', sa.String(length=128), nullable=False),
                   sa.Column('voucher_no', sa.String(length=64), nullable=False),
                   sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
                   index=('ix_project_disbursement_project', ['project_id', 'date']))
    _project_child('project_acceptance',
                   sa.Column('date', sa.Date(), nullable=False),
                   sa.Column('members', sa.Text(), nullable=False),
                   sa.Column('findings', sa.Text(), nullable=False),
                   sa.Column('passed', sa.Boolean(), nullable=False),
                   sa.Column('recorded_by_name', sa.String(length=32), nullable=True),
                   sa.Column('signoff_id', sa.String(length=36), nullable=True),
                   index=('ix_project_acceptance_project', ['project_id']))
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('project_id', sa.String(length=36), nullable=True))
        batch_op.create_index('ix_measure_project_id', ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.drop_index('ix_measure_project_id')
        batch_op.drop_column('project_id')
    for name, index in (('project_acceptance', 'ix_project_acceptance_project'),
                        ('project_disbursement', 'ix_project_disbursement_project'),
                        ('project_progress_photo', 'ix_project_progress_photo_progress'),
                        ('project_progress', 'ix_project_progress_project'),
                        ('project_budget', 'ix_project_budget_project')):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(name)
    with op.batch_alter_table('project_beneficiary', schema=None) as batch_op:
        batch_op.drop_index('ix_project_beneficiary_household')
        batch_op.drop_index('ix_project_beneficiary_project')
    op.drop_table('project_beneficiary')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index('ix_project_town')
        batch_op.drop_index('ix_project_village')
    op.drop_table('project')
