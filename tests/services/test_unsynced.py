"""未同步修改: this laptop's changes the district does not hold yet, which a sync brings to zero."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp import paths
from fieldapp.services import syncing, workbench
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.demo import ensure_demo_district
from fieldapp.sync import service
from fieldapp.sync.district import public_identity, register_peer


def _unsynced(ctx: AppContext) -> int:
    assert ctx.identity is not None
    with ctx.db.read() as conn:
        return workbench.unsynced_changes(conn, ctx.identity.device_id)


def test_unsynced_changes_fall_to_zero_after_an_exchange_with_the_district(
        ctx: AppContext, make_household: Callable[..., str], tmp_path: Path) -> None:
    make_household("李大山")
    mine = _unsynced(ctx)
    assert mine > 0  # no district yet: every change made here counts
    district = ensure_demo_district(ctx.db, ctx.paths.home)
    assert _unsynced(ctx) == mine  # a district that has received nothing holds none of them
    dctx = open_context(paths.DataPaths(ctx.paths.home / "demo-district"))
    try:
        assert ctx.identity is not None
        register_peer(dctx.db, public_identity(ctx.identity, "laptop"), scope=list(ctx.settings["village_ids"]))
        stick = tmp_path / "stick"
        service.import_file(syncing.replica_of(dctx), service.export_to(syncing.replica_of(ctx), district.device_id,
                                                                         stick))
        assert _unsynced(ctx) == mine  # sent, but not yet acknowledged
        service.import_file(syncing.replica_of(ctx), service.export_to(syncing.replica_of(dctx), ctx.identity.device_id,
                                                                       stick))
        assert _unsynced(ctx) == 0
        make_household("张小河")
        assert 0 < _unsynced(ctx) < mine + 100
    finally:
        dctx.close()
