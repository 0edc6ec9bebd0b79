"""change_log chain: each origin's entries become a hash chain (chain_prev, chain_hash).

Existing entries are chained per origin in origin_seq order (fieldapp.domain.audit.entry_hash).
Nobody's key is at hand while migrating, so the heads are not signed here: the marker
``chain_adopt`` in local_state asks the program to sign this device's head once, at the next
open with the device key (fieldapp.store.chain.adopt_after_upgrade).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.domain.audit import GENESIS, entry_hash

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_PAGE = 5000
_COLUMNS = "seq, origin, origin_seq, hlc, tbl, row_id, household_id, op, fields, prev, user_id, user_name"


def upgrade() -> None:
    op.add_column('change_log', sa.Column('chain_prev', sa.LargeBinary(length=32), nullable=True))
    op.add_column('change_log', sa.Column('chain_hash', sa.LargeBinary(length=32), nullable=True))
    conn = op.get_bind()
    origins = [r[0] for r in conn.execute(sa.text("SELECT DISTINCT origin FROM change_log"))]
    for origin in origins:
        previous, after = GENESIS, -1
        while True:  # a page at a time, along the (origin, origin_seq) unique index
            rows = conn.execute(sa.text(
                f"SELECT {_COLUMNS} FROM change_log WHERE origin = :o AND origin_seq > :a "
                f"ORDER BY origin_seq LIMIT {_PAGE}"), {"o": origin, "a": after}).all()
            if not rows:
                break
            updates = []
            for r in rows:
                digest = entry_hash(tuple(r[1:]), previous)
                updates.append({"p": previous, "h": digest, "s": r[0]})
                previous, after = digest, r[2]
            conn.execute(sa.text("UPDATE change_log SET chain_prev = :p, chain_hash = :h WHERE seq = :s"), updates)
    if origins:
        conn.execute(sa.text("INSERT INTO local_state (key, value) VALUES ('chain_adopt', '1')"))


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM local_state WHERE key = 'chain_adopt' OR key LIKE 'chain_head:%'"))
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_column('chain_hash')
        batch_op.drop_column('chain_prev')
