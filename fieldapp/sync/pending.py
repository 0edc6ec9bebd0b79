"""Values received for tables or fields this version did not know: applied once it does.

A newer FieldApp may send fields (or whole tables) that this one has no column for. They
are kept in ``sync_pending`` with their LWW rank; after this replica's schema is upgraded,
the next import (or :func:`apply_pending`) writes each value whose column now exists, if its
rank beats the field's current stamp, and drops it from the table.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import Connection

from fieldapp.store import codec
from fieldapp.store.writer import apply_remote
from fieldapp.sync.merge import TABLES, data_columns

log = logging.getLogger("fieldapp.sync.pending")


def apply_pending(conn: Connection) -> int:
    """Apply the pending values this schema now has columns for; returns how many were written."""
    rows = conn.exec_driver_sql(
        "SELECT id, tbl, row_id, field, value, hlc, device FROM sync_pending ORDER BY id").all()
    written = 0
    done: list[tuple[int]] = []
    for pid, tbl, row_id, name, value, hlc, device in rows:
        if tbl not in TABLES or name not in data_columns(tbl):
            continue
        current = conn.exec_driver_sql(
            f"SELECT row_hlc, row_device, field_clocks FROM {tbl} WHERE id = ?", (row_id,)).first()
        if current is None:
            continue  # its record has not arrived yet
        clocks = json.loads(current[2] or "{}")
        rank = [int(hlc), device]
        if rank > (clocks.get(name) or [int(current[0]), current[1]]):
            clocks[name] = rank
            apply_remote(conn, inserts={}, log_rows=[], updates={(tbl, (name, "field_clocks")): [
                (json.loads(value) if value is not None else None, codec.dumps(clocks), row_id)]})
            written += 1
        done.append((pid,))
    if done:
        conn.exec_driver_sql("DELETE FROM sync_pending WHERE id = ?", done)  # a local table
        log.info("pending values applied after upgrade: %d of %d", written, len(done))
    return written
