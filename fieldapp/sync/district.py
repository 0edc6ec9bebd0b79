"""District identities and peer registration.

A peer is registered from its public identity (:func:`public_identity` of the other side).
The demo's simulated district is made by :func:`fieldapp.services.demo.ensure_demo_district`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from fieldapp.domain.ids import short_id
from fieldapp.store.db import Database
from fieldapp.sync import state
from fieldapp.sync.ports import Identity

log = logging.getLogger("fieldapp.sync.district")

DEMO_DISTRICT_NAME = "演示区县（模拟）"


def public_identity(identity: Identity, name: str = "") -> dict[str, Any]:
    """What a peer needs to know about us (``fieldapp sync whoami``)."""
    return {"device_id": identity.device_id, "name": name, "signing": identity.public_signing(),
            "agreement": identity.public_agreement()}


def register_peer(db: Database, public: dict[str, Any], *, name: str | None = None,
                  scope: list[str] | None = None) -> None:
    with db.transaction() as conn:
        state.add_peer(conn, str(public["device_id"]), name or str(public.get("name") or short_id(public["device_id"])),
                       str(public["signing"]), str(public["agreement"]), scope=scope)


def load_public(text: str) -> dict[str, Any]:
    """A peer's public identity from JSON text or a file path holding it."""
    path = Path(text)
    data = json.loads(path.read_text(encoding="utf-8") if path.is_file() else text)
    for key in ("device_id", "signing", "agreement"):
        if key not in data:
            raise ValueError(f"同步对象身份缺少 {key}")
    return dict(data)
