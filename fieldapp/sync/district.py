"""District identities and peer registration.

A fresh laptop needs a peer to export to. :func:`ensure_demo_district` creates a simulated
district identity inside the data folder (``demo-district/``) and registers it as a peer
with the whole district as scope, so ``fieldapp demo`` can export to USB at once. The same
folder can be opened as the district's own data folder to ingest the laptop's packages.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from fieldapp.domain.ids import short_id
from fieldapp.services import identity as identity_mod
from fieldapp.store.db import Database
from fieldapp.sync import state

log = logging.getLogger("fieldapp.sync.district")

DEMO_DISTRICT_NAME = "演示区县（模拟）"


def public_identity(identity: identity_mod.DeviceIdentity, name: str = "") -> dict[str, Any]:
    """What a peer needs to know about us (``fieldapp sync whoami``)."""
    return {"device_id": identity.device_id, "name": name, "signing": identity.public_signing(),
            "agreement": identity.public_agreement()}


def register_peer(db: Database, public: dict[str, Any], *, name: str | None = None,
                  scope: list[str] | None = None) -> None:
    with db.transaction() as conn:
        state.add_peer(conn, str(public["device_id"]), name or str(public.get("name") or short_id(public["device_id"])),
                       str(public["signing"]), str(public["agreement"]), scope=scope)


def ensure_demo_district(db: Database, home: Path) -> identity_mod.DeviceIdentity:
    """Create (once) the demo district identity under ``home/demo-district`` and register it as a peer."""
    folder = home / "demo-district" / "device"
    district = identity_mod.load(folder) or identity_mod.create(folder)
    register_peer(db, public_identity(district, DEMO_DISTRICT_NAME), scope=None)
    log.info("demo district peer registered: %s", district.device_id)
    return district


def load_public(text: str) -> dict[str, Any]:
    """A peer's public identity from JSON text or a file path holding it."""
    path = Path(text)
    data = json.loads(path.read_text(encoding="utf-8") if path.is_file() else text)
    for key in ("device_id", "signing", "agreement"):
        if key not in data:
            raise ValueError(f"同步对象身份缺少 {key}")
    return dict(data)
