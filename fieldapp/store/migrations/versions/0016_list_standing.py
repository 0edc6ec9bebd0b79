"""The household list shows where a household stands, derived from its workflows.

``household_list`` (the local projection, not synced) gains ``exit_year``, ``status_source`` (workflow |
imported), ``wf_kind``/``wf_step``/``wf_conflict`` (the open workflow and its current step) and an index for
filtering by workflow and step; its ``exit_status`` becomes the derived status. Every row is filled here
from the workflows and their decisions (read with plain SQL; the state is derived by the pure rules of
``fieldapp.domain.workflow``). The household's own ``exit_status``/``exit_year`` are left as they are:
they are the imported values.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 02:00:00.000000
"""

import json
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

from fieldapp.domain import workflow as rules

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.add_column(sa.Column('exit_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status_source', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('wf_kind', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('wf_step', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('wf_conflict', sa.Boolean(), server_default='0', nullable=False))
        batch_op.create_index('ix_hl_workflow', ['wf_kind', 'household_id'], unique=False)
    _fill()


def _fill() -> None:
    conn = op.get_bind()
    defs = rules.definitions()
    decisions: dict[str, list[rules.Decision]] = {}
    for s in conn.execute(sa.text("SELECT * FROM workflow_step WHERE deleted = :no"), {"no": False}):
        try:
            settles = tuple(str(x) for x in json.loads(s.settles)) if s.settles else ()
        except (ValueError, TypeError):
            settles = ()
        decisions.setdefault(s.workflow_id, []).append(rules.Decision(
            s.id, s.step, s.decision, s.reason or "", s.prev_id or "", s.person_id, s.person_name, s.role,
            int(s.decided_at), s.signoff_id, bool(s.override), s.decided_as or "", settles,
            getattr(s, "meeting_id", None)))
    flows: dict[str, list[SimpleNamespace]] = {}
    for w in conn.execute(sa.text("SELECT * FROM workflow WHERE deleted = :no ORDER BY started_at, id"),
                          {"no": False}):
        definition = defs.workflows.get(w.kind)
        if definition is None:
            continue
        state = rules.derive(definition, int(w.started_at), decisions.get(w.id, ()), origin=w.origin)
        flows.setdefault(w.household_id, []).append(SimpleNamespace(
            kind=w.kind, origin=w.origin, imported_value=w.imported_value, definition=definition, state=state))
    listed = sa.table('household_list', *(sa.column(c) for c in (
        'household_id', 'exit_status', 'exit_year', 'status_source', 'wf_kind', 'wf_step', 'wf_conflict')))
    updates = []
    for h in conn.execute(sa.text("SELECT h.id, h.exit_status, h.exit_year FROM household h "
                                  "JOIN household_list l ON l.household_id = h.id")):
        s = rules.standing(flows.get(h.id, []), h.exit_status, h.exit_year)
        updates.append({"hid": h.id, "exit_status": s.exit_status, "exit_year": s.exit_year,
                        "status_source": s.source or None, "wf_kind": s.kind, "wf_step": s.step,
                        "wf_conflict": s.conflict})
    if updates:
        conn.execute(listed.update().where(listed.c.household_id == sa.bindparam("hid")), updates)


def downgrade() -> None:
    with op.batch_alter_table('household_list', schema=None) as batch_op:
        batch_op.drop_index('ix_hl_workflow')
        batch_op.drop_column('wf_conflict')
        batch_op.drop_column('wf_step')
        batch_op.drop_column('wf_kind')
        batch_op.drop_column('status_source')
        batch_op.drop_column('exit_year')
    op.execute("UPDATE household_list SET exit_status = "
               "(SELECT exit_status FROM household WHERE household.id = household_list.household_id)")
