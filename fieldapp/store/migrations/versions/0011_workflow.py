"""workflows (动态管理): ``workflow`` and its append-only decisions ``workflow_step``, both synced.

Existing typed ``exit_status`` values are recorded as imported workflow state: one ``workflow`` row per
household with ``origin = 'imported'`` and the typed code in ``imported_value`` (the household's own
``exit_status`` is left as it is). The row's id is natural (``natural_id('workflow', household, 'imported')``),
so every replica that migrates makes the same row; its stamps are zero, older than any change, so a later
change from a replica wins over it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 23:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.domain.ids import natural_id
from fieldapp.domain.hlc import physical_ms

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# exit_status code → the workflow whose completion it records (others, and 1/4, count as exit)
IMPORTED_KIND = {"0": "identification", "3": "return"}
MIGRATION_DEVICE = "00000000-0000-0000-0000-000000000000"


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('row_hlc', sa.BigInteger(), nullable=False),
        sa.Column('row_device', sa.String(length=36), nullable=False),
        sa.Column('field_clocks', sa.Text(), server_default='{}', nullable=False),
    ]


def upgrade() -> None:
    op.create_table('workflow',
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('category', sa.String(length=4), nullable=True),
        sa.Column('risk_type', sa.String(length=4), nullable=True),
        sa.Column('started_by', sa.String(length=36), nullable=True),
        sa.Column('started_by_name', sa.String(length=32), nullable=True),
        sa.Column('started_at', sa.BigInteger(), nullable=False),
        sa.Column('origin', sa.String(length=12), server_default='app', nullable=False),
        sa.Column('imported_value', sa.String(length=4), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_workflow_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow'))
    )
    with op.batch_alter_table('workflow', schema=None) as batch_op:
        batch_op.create_index('ix_workflow_household', ['household_id', 'started_at'], unique=False)
    op.create_table('workflow_step',
        sa.Column('workflow_id', sa.String(length=36), nullable=False),
        sa.Column('household_id', sa.String(length=36), nullable=False),
        sa.Column('step', sa.String(length=8), nullable=False),
        sa.Column('prev_id', sa.String(length=36), server_default='', nullable=False),
        sa.Column('decision', sa.String(length=8), nullable=False),
        sa.Column('reason', sa.Text(), server_default='', nullable=False),
        sa.Column('override', sa.Boolean(), server_default='0', nullable=False),
        sa.Column('gate', sa.Text(), nullable=True),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('person_name', sa.String(length=32), nullable=False),
        sa.Column('role', sa.String(length=24), nullable=False),
        sa.Column('decided_as', sa.String(length=24), nullable=False),
        sa.Column('decided_at', sa.BigInteger(), nullable=False),
        sa.Column('signoff_id', sa.String(length=36), nullable=True),
        sa.Column('settles', sa.Text(), server_default='', nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['workflow_id'], ['workflow.id'], name=op.f('fk_workflow_step_workflow_id_workflow')),
        sa.ForeignKeyConstraint(['household_id'], ['household.id'],
                                name=op.f('fk_workflow_step_household_id_household')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workflow_step'))
    )
    with op.batch_alter_table('workflow_step', schema=None) as batch_op:
        batch_op.create_index('ix_workflow_step_workflow', ['workflow_id', 'decided_at'], unique=False)
        batch_op.create_index('ix_workflow_step_household', ['household_id'], unique=False)
    _import_exit_status()


def _import_exit_status() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, exit_status, row_hlc FROM household "
                                "WHERE deleted = :no AND exit_status IS NOT NULL AND exit_status <> ''"),
                        {"no": False}).all()
    wf = sa.table('workflow', *(sa.column(c) for c in (
        'id', 'household_id', 'kind', 'started_at', 'origin', 'imported_value', 'deleted', 'row_hlc', 'row_device',
        'field_clocks')))
    values = [{"id": natural_id("workflow", r.id, "imported"), "household_id": r.id,
               "kind": IMPORTED_KIND.get(str(r.exit_status), "exit"), "started_at": physical_ms(int(r.row_hlc)),
               "origin": "imported", "imported_value": str(r.exit_status), "deleted": False, "row_hlc": 0,
               "row_device": MIGRATION_DEVICE, "field_clocks": "{}"} for r in rows]
    if values:
        conn.execute(wf.insert(), values)


def downgrade() -> None:
    with op.batch_alter_table('workflow_step', schema=None) as batch_op:
        batch_op.drop_index('ix_workflow_step_household')
        batch_op.drop_index('ix_workflow_step_workflow')
    op.drop_table('workflow_step')
    with op.batch_alter_table('workflow', schema=None) as batch_op:
        batch_op.drop_index('ix_workflow_household')
    op.drop_table('workflow')
