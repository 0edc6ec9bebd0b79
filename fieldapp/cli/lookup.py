"""Finding a named record from what a person typed on the command line: its id, the id's head or tail (the
lists print the tail: time-ordered ids made together share their head), or its full name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select


def record_id(ctx: Any, table: Table, text: str, *, noun: str, measure: str, listing: str) -> str:
    """The one live row of ``table`` that ``text`` names; LookupError naming the problem otherwise.
    ``noun`` (项目), ``measure`` (个) and ``listing`` (the command that lists them) word the messages."""
    c = table.c
    text = text.strip()
    low = text.lower()
    with ctx.db.read() as conn:
        rows = conn.execute(select(c.id).where(c.deleted.is_(False), (c.id == text) | (c.name == text)
                                               | c.id.startswith(low) | c.id.endswith(low))).all()
    ids = sorted({r.id for r in rows})
    if len(ids) == 1:
        return str(ids[0])
    if not ids:
        raise LookupError(f"没有{noun}“{text}”（写{noun}编号或完整名称；{listing} 列出全部）")
    raise LookupError(f"有 {len(ids)} {measure}{noun}符合“{text}”：请写更多位{noun}编号")
