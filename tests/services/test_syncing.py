"""The laptop's sync set-up: the replica, client and pinning are built from the app context, outside sync."""

from __future__ import annotations

import hashlib

import pytest

from fieldapp.services import syncing
from fieldapp.services.context import AppContext, NotSetUpError
from fieldapp.services.photos import PhotoFolder
from fieldapp.sync.http_client import NotEnrolled, SyncError


def test_a_laptop_without_identity_has_no_replica(bare_ctx: AppContext) -> None:
    with pytest.raises(NotSetUpError, match="首次设置"):
        syncing.replica_of(bare_ctx)


def test_the_replica_carries_the_identity_scope_and_photo_folder(ctx: AppContext) -> None:
    rep = syncing.replica_of(ctx)
    assert rep.db is ctx.db and rep.identity is ctx.identity and rep.device_id == ctx.identity.device_id  # type: ignore[union-attr]
    assert rep.scope == list(ctx.settings["village_ids"])
    assert rep.photos == PhotoFolder(ctx.paths.home / "photos")
    ctx.settings["village_ids"] = []
    assert syncing.replica_of(ctx).scope is None  # no villages: the whole district


def test_a_client_needs_an_enrolment_and_pinning_refuses_another_server(ctx: AppContext) -> None:
    with pytest.raises(NotEnrolled):
        syncing.client(ctx)
    ctx.settings["server_device_id"] = "0190aaaa-0000-7000-8000-000000000001"
    with pytest.raises(SyncError) as info:
        syncing.check_pinned(ctx, "0190bbbb-0000-7000-8000-000000000002", "key")
    assert info.value.reason == "other-server"
    syncing.check_pinned(ctx, "0190bbbb-0000-7000-8000-000000000002", "key", replace=True)


def test_the_photo_folder_keeps_only_files_that_match_their_name(ctx: AppContext) -> None:
    folder = PhotoFolder(ctx.paths.home / "photos")
    data = b"not really a jpeg"
    sha = hashlib.sha256(data).hexdigest()
    assert folder.read(sha) is None
    assert not folder.store(sha, data + b"!")  # does not hash to its name: refused
    assert folder.read(sha) is None
    assert folder.store(sha, data) and folder.read(sha) == data
