"""What the Sync page and ``fieldapp sync status`` show, and the reviewer's actions.

- :func:`status`: pending changes per peer, last exchanges, open conflicts and quarantine.
- :func:`resolve_conflict`: choose the winner or the loser's value. Either choice is a new
  local change through the writer, so it syncs (and beats both values everywhere);
  replicas that receive it mark their copy of the conflict resolved.
- :func:`discard_quarantined` / :func:`release_quarantined`: a reviewer's decision on a change
  that broke a rule; releasing re-checks the rule, then writes its values as a new local change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select

from fieldapp.domain.errors import ValidationError
from fieldapp.store import codec
from fieldapp.store.models import SYNCED_MODELS, SyncConflict, SyncQuarantine
from fieldapp.store.writer import ChangeWriter, RowNotFound
from fieldapp.sync import state
from fieldapp.sync.body import Change
from fieldapp.sync.merge import Merger
from fieldapp.sync.service import Replica

_CONFLICT: Table = SyncConflict.__table__  # type: ignore[assignment]
_QUARANTINE: Table = SyncQuarantine.__table__  # type: ignore[assignment]
MODELS = {m.__tablename__: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class PeerStatus:
    device_id: str
    name: str
    pending: int  # changes we hold that it does not, as far as we know
    last_sent: str | None
    last_received: str | None


@dataclass(frozen=True)
class Status:
    device_id: str
    held: dict[str, int]
    peers: list[PeerStatus]
    open_conflicts: int
    open_quarantine: int


def status(rep: Replica) -> Status:
    with rep.db.read() as conn:
        held = state.holdings(conn, rep.device_id)
        peers = [
            PeerStatus(p.device_id, p.name, sum(max(0, s - int(p.known.get(o, 0))) for o, s in held.items()),
                       p.last_sent, p.last_received)
            for p in state.peers(conn)
        ]
        conflicts = conn.execute(select(func.count()).select_from(_CONFLICT)
                                 .where(_CONFLICT.c.resolved.is_(False), _CONFLICT.c.kind != "clock")).scalar()
        quarantine = conn.execute(select(func.count()).select_from(_QUARANTINE)
                                  .where(_QUARANTINE.c.status == "open")).scalar()
    return Status(rep.device_id, held, peers, int(conflicts or 0), int(quarantine or 0))


def conflicts(rep: Replica, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    query = select(_CONFLICT).order_by(_CONFLICT.c.id)
    if not include_resolved:
        query = query.where(_CONFLICT.c.resolved.is_(False))
    with rep.db.read() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def quarantined(rep: Replica, *, status_: str = "open") -> list[dict[str, Any]]:
    with rep.db.read() as conn:
        return [dict(r) for r in conn.execute(
            select(_QUARANTINE).where(_QUARANTINE.c.status == status_).order_by(_QUARANTINE.c.id)).mappings()]


def resolve_conflict(rep: Replica, writer: ChangeWriter, conflict_id: int, choose: str) -> None:
    """``choose`` is ``"winner"`` (keep what LWW kept) or ``"loser"`` (write the other value).

    Either way the choice is a new change that syncs: keeping the winner records its value again
    with a new stamp, so the other replicas, which listed the same conflict, settle it too.
    """
    if choose not in ("winner", "loser"):
        raise ValueError(choose)
    with rep.db.read() as conn:
        c = conn.execute(select(_CONFLICT).where(_CONFLICT.c.id == conflict_id)).mappings().first()
    if c is None:
        raise KeyError(conflict_id)
    if c["kind"] in ("field", "delete"):
        model = MODELS[c["tbl"]]
        table = model.__table__  # type: ignore[attr-defined]
        with writer.transaction() as txn:
            txn.resolving = True
            try:
                if choose == "winner":
                    txn.reassert(model, c["row_id"], ["deleted"] if c["kind"] == "delete" else [c["field"]])
                elif c["kind"] == "delete":
                    lost = json.loads(c["loser_value"]) or {}
                    names = c["field"].split(",")
                    values = {n: codec.from_json(table, n, lost.get(n)) for n in names if isinstance(lost, dict)}
                    txn.put(model, c["row_id"], values)
                else:
                    txn.update(model, c["row_id"], {c["field"]: codec.from_json(table, c["field"],
                                                                                json.loads(c["loser_value"]))})
            except RowNotFound:
                if choose == "loser":
                    raise
                # keeping a delete whose tombstone is already purged: nothing left to confirm
    with rep.db.transaction() as conn:
        state.update_local(conn, "sync_conflict", {"resolved": True}, {"id": conflict_id})


def discard_quarantined(rep: Replica, qid: int) -> None:
    with rep.db.transaction() as conn:
        state.update_local(conn, "sync_quarantine", {"status": "discarded"}, {"id": qid})


class StillBreaksRule(ValidationError):
    """A quarantined change cannot be released: the rule it broke still fails."""

    def __init__(self, reason: str) -> None:
        super().__init__({"放行": reason})
        self.reason = reason


def release_quarantined(rep: Replica, writer: ChangeWriter, qid: int) -> None:
    """Apply a quarantined change's values as a new local change, once the reviewer fixed the cause.

    The rule is checked again first; while it still fails (the resident ID is still another
    household's, the parent record is still missing) :class:`StillBreaksRule` names the reason.
    """
    with rep.db.read() as conn:
        q = conn.execute(select(_QUARANTINE).where(_QUARANTINE.c.id == qid)).mappings().first()
    if q is None:
        raise KeyError(qid)
    change = json.loads(q["change"])
    assert rep.clock is not None
    with rep.db.read() as conn:
        reason = Merger(conn, rep.clock, {}).check(Change(
            q["origin"], int(q["origin_seq"]), int(change["hlc"]), q["tbl"], q["row_id"],
            change.get("household_id"), change["op"], change["fields"], change.get("prev") or {}))
    if reason:
        raise StillBreaksRule(f"仍不能放行：{reason}。请先在本机改正，再放行")
    model = MODELS[q["tbl"]]
    table = model.__table__  # type: ignore[attr-defined]
    known = codec.columns(table)
    values = {k: codec.from_json(table, k, v) for k, v in change["fields"].items() if k in known and k != "deleted"}
    with writer.transaction() as txn:
        if change["op"] == "delete":
            txn.delete(model, q["row_id"])
        else:
            txn.put(model, q["row_id"], values)
    with rep.db.transaction() as conn:
        state.update_local(conn, "sync_quarantine", {"status": "released"}, {"id": qid})
