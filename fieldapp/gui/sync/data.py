"""What the 同步 page shows, read in one go on the database thread (no widgets here).

:func:`load_snapshot` gathers :func:`fieldapp.sync.review.status`, the open conflicts and
quarantined changes, the peers with their scopes, and the names the page needs to show
them to a person: the 户主 of each household involved, the members, villages and cadres
that values refer to, and who (the user name in the change log) made each side of a
conflict. The table models then only format.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from fieldapp.gui.household_editor.labels import REFERENCES
from fieldapp.services import lookups, syncing
from fieldapp.sync import review, state

log = logging.getLogger("fieldapp.gui.sync")

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class PeerRow:
    device_id: str
    name: str
    scope: list[str] | None  # village ids; None = the whole district
    pending: int
    last_sent: str | None
    last_received: str | None


@dataclass
class SyncSnapshot:
    """Everything the page shows; values are still codes and JSON (formatted by the models)."""

    device_id: str
    held: int  # changes this replica holds (all origins)
    peers: list[PeerRow]
    default_peer: str | None  # the district (or the first peer): where "导出到U盘" goes by default
    conflicts: list[dict[str, Any]]  # open sync_conflict rows (clock flags included)
    quarantine: list[dict[str, Any]]  # open sync_quarantine rows, ``change`` decoded
    heads: dict[str, str] = field(default_factory=dict)  # household id → 户主 name
    names: dict[str, str] = field(default_factory=dict)  # village / cadre / member id → name
    users: dict[tuple[str, str, str, int], str] = field(default_factory=dict)  # (tbl, row, origin, hlc) → user
    #: this laptop's changes the district lacks: the figure of the workbench and the status bar
    unsynced: int = 0


    @property
    def open_conflicts(self) -> int:
        return sum(1 for c in self.conflicts if c["kind"] != "clock")

    @property
    def clock_flags(self) -> int:
        return sum(1 for c in self.conflicts if c["kind"] == "clock")

    def peer_name(self, device_id: str) -> str | None:
        return next((p.name for p in self.peers if p.device_id == device_id), None)


def load_snapshot(ctx: Any) -> SyncSnapshot:
    """Read the page's data (call on the database thread)."""
    rep = syncing.replica_of(ctx)
    status = review.status(rep)
    conflicts = review.conflicts(rep)
    quarantine = review.quarantined(rep)
    for q in quarantine:
        q["change"] = json.loads(q["change"] or "{}")
    scopes = {p.device_id: p.scope for p in lookups.peers(ctx.db)}
    peers = [PeerRow(p.device_id, p.name, scopes.get(p.device_id), p.pending, p.last_sent, p.last_received)
             for p in status.peers]
    server = str(ctx.settings["server_device_id"] or "") or None
    chosen = state.default_peer(peers, server)
    snap = SyncSnapshot(rep.device_id, sum(status.held.values()), peers,
                        chosen.device_id if chosen else None, conflicts, quarantine,
                        unsynced=lookups.unsynced_count(ctx.db, rep.device_id, server))
    _lookup_names(ctx.db, snap)
    return snap


def _wanted(snap: SyncSnapshot) -> tuple[set[str], set[str]]:
    """The households (for their 户主) and the villages, cadres and members to name."""
    households: set[str] = set()
    refs: set[str] = set()
    for p in snap.peers:
        refs.update(p.scope or ())
    for c in snap.conflicts:
        if c["household_id"]:
            households.add(c["household_id"])
        if c["tbl"] == "member":
            refs.add(c["row_id"])
        for key in ("winner_value", "loser_value"):
            refs.update(_referenced(c["tbl"], c["field"], c[key]))
    for q in snap.quarantine:
        change = q["change"]
        values = change.get("fields") or {}
        hid = change.get("household_id") or values.get("household_id")
        if hid:
            households.add(str(hid))
        households.update(UUID_RE.findall(q["reason"] or ""))
        if q["tbl"] == "member":
            refs.add(q["row_id"])
        refs.update(str(v) for k, v in values.items() if (q["tbl"], k) in REFERENCES and v)
    return households, refs


def _lookup_names(db: Any, snap: SyncSnapshot) -> None:
    households, refs = _wanted(snap)
    rows: dict[str, set[str]] = {}
    for c in snap.conflicts:
        if c["kind"] != "clock":
            rows.setdefault(c["tbl"], set()).add(c["row_id"])
    found = lookups.review_names(db, households, refs, rows)
    snap.heads.update(found.heads)
    snap.names.update(found.names)
    snap.users.update(found.users)


def _referenced(tbl: str, name: str, raw: str | None) -> list[str]:
    """Ids of villages, cadres or members a conflict value refers to."""
    value = decode(raw)
    if isinstance(value, dict):
        return [str(v) for k, v in value.items() if (tbl, k) in REFERENCES and v]
    return [str(value)] if (tbl, name) in REFERENCES and value else []


def decode(raw: str | None) -> Any:
    """A JSON value of the sync tables (None stays None; text that is not JSON is returned as is)."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw
