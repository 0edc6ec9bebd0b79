"""Photo files travel with their rows: a visit's photos reach the district through a package."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from fieldapp import paths
from fieldapp.services import photos, syncing
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.demo import ensure_demo_district
from fieldapp.services.visits import VisitDraft, save_visit
from fieldapp.sync import service
from fieldapp.sync.district import public_identity, register_peer


def test_a_visits_photo_files_reach_the_district_and_are_verified(
        ctx: AppContext, household: str, me: str, image_file: Callable[..., Path], tmp_path: Path) -> None:
    root = photos.photo_root(ctx.paths.home)
    photo = photos.import_photo(root, image_file("door.jpg", (1200, 900)))
    save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household, found="屋顶漏雨",
                               cadre_ids=[me], photos=[photo]), today=dt.date(2025, 3, 15))
    district = ensure_demo_district(ctx.db, ctx.paths.home)
    dctx = open_context(paths.DataPaths(ctx.paths.home / "demo-district"))
    try:
        assert ctx.identity is not None and dctx.identity is not None
        register_peer(dctx.db, public_identity(ctx.identity, "laptop"), scope=list(ctx.settings["village_ids"]))
        path = service.export_to(syncing.replica_of(ctx), district.device_id, tmp_path / "stick")
        result = service.import_file(syncing.replica_of(dctx), path)
        assert result.photos == 1
        droot = photos.photo_root(dctx.paths.home)
        received = photos.photo_path(droot, photo.sha256).read_bytes()
        assert hashlib.sha256(received).hexdigest() == photo.sha256
        assert received == photos.photo_path(root, photo.sha256).read_bytes()
        assert photos.thumb_path(droot, photo.sha256).is_file()
        assert dctx.db.scalar("SELECT sha256 FROM photo") == photo.sha256
        # A file that does not hash to its name is never stored.
        assert photos.store_received(droot, "0" * 64, received) is False
        assert not photos.photo_path(droot, "0" * 64).exists()
    finally:
        dctx.close()
