"""``fieldapp audit verify`` and the GUI's 防篡改校验: check every hash chain this register holds.

This device's own chain must be whole (every entry from the first), hash entry by entry, and end
at the head this device signed with its key. Other devices' chains are checked as far as they are
held here (a laptop holds only its villages' part of them): each entry must hash to its stored
hash, consecutive entries must link, and their signed head must match and, where this register
knows the device's key (a sync peer), verify. The result names each break: device, entry, what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.domain.audit import Break, Head
from fieldapp.store import chain
from fieldapp.store.db import Database
from fieldapp.sync import state
from fieldapp.sync.chaincheck import verify_head


@dataclass(frozen=True)
class OriginReport:
    origin: str
    own: bool
    entries: int
    first: int
    last: int
    head_seq: int | None  # the signed head's sequence number, None when there is none
    signature: bool | None  # True: verified; False: invalid; None: no key or no head here
    breaks: list[Break] = field(default_factory=list)


@dataclass(frozen=True)
class ChainReport:
    origins: list[OriginReport]

    @property
    def breaks(self) -> list[Break]:
        return [b for o in self.origins for b in o.breaks]

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def entries(self) -> int:
        return sum(o.entries for o in self.origins)


def verify(db: Database, device_id: str | None, public_signing: str | None = None) -> ChainReport:
    """Check every chain in ``db`` (one read snapshot). ``device_id``/``public_signing``: this device."""
    out = []
    with db.read() as conn:
        heads = chain.signed_heads(conn)
        for origin, first, last in chain.origins(conn):
            own = origin == device_id
            if own:
                key = public_signing
            else:
                peer = state.peer(conn, origin)
                key = peer.keys.signing_key if peer is not None else None
            head = heads.get(origin)
            checked: dict[str, bool | None] = {}

            def check(h: Head, key: str | None = key, checked: dict[str, bool | None] = checked) -> bool:
                checked["ok"] = verify_head(h, key)
                return checked["ok"] is not False

            breaks, count = chain.walk(conn, origin, complete=own, head=head, verify=check)
            out.append(OriginReport(origin, own, count, first, last, head.seq if head else None,
                                    checked.get("ok"), breaks))
    out.sort(key=lambda o: (not o.own, o.origin))
    return ChainReport(out)
