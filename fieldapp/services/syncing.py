"""The laptop's sync set-up from its app context: the replica, the server client, enrolment.

:mod:`fieldapp.sync` works on a replica (database handle, device identity, scope, photo files)
and never sees the app context; this module builds that replica from the laptop's settings
and data folder, and keeps the enrolment's settings (``server_url``, ``server_device_id``,
``village_ids``) in step with the pinned server peer.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from fieldapp.services import identity as identity_mod
from fieldapp.services.context import AppContext, NotSetUpError
from fieldapp.sync import district
from fieldapp.sync.http_client import (
    SERVER_NAME,
    Enrolment,
    NotEnrolled,
    SyncClient,
    check_server_keys,
    normalise_url,
    request_enrolment,
    server_health,
)
from fieldapp.sync.service import Replica

log = logging.getLogger("fieldapp.services.syncing")


def replica_of(ctx: AppContext) -> Replica:
    """The laptop's replica (an empty village list means the district: everything)."""
    ctx.require("sync.run")
    if ctx.identity is None:
        raise NotSetUpError("本机尚未完成首次设置（没有设备身份），无法同步")
    villages = list(ctx.settings["village_ids"])
    return Replica(ctx.db, ctx.identity, villages or None, photos=ctx.photos)


def client(ctx: AppContext, **options: Any) -> SyncClient:
    """A client for the server this laptop enrolled with (raises :class:`NotEnrolled`)."""
    url, server_id = ctx.settings["server_url"], ctx.settings["server_device_id"]
    if not url or not server_id:
        raise NotEnrolled()
    return SyncClient(replica_of(ctx), url, server_id, **options)


def add_peer(ctx: AppContext, public: dict[str, Any], *, name: str | None = None,
             scope: list[str] | None = None) -> None:
    """Trust another device's keys as a sync peer of this laptop (a laptop setting: ``settings.edit``)."""
    ctx.require("settings.edit")
    district.register_peer(ctx.db, public, name=name, scope=scope)


def check_pinned(ctx: AppContext, server_id: str, signing: str, agreement: str | None = None, *,
                 replace: bool = False) -> None:
    """Refuse another server than the one enrolled with, or the same id with other keys (unless ``replace``)."""
    check_server_keys(ctx.db, ctx.settings["server_device_id"], server_id, signing, agreement, replace=replace)


def store_enrolment(ctx: AppContext, url: str, enrolment: Enrolment, *, replace: bool = False) -> None:
    """Pin the server's keys as this laptop's district peer and remember its address.

    A laptop already enrolled with another server (or the same id with other keys) is refused
    unless ``replace``. A laptop without villages takes the enrolment's villages.
    """
    server = enrolment.server
    check_pinned(ctx, str(server["device_id"]), str(server["signing"]), str(server["agreement"]), replace=replace)
    district.register_peer(ctx.db, server, name=str(server.get("name") or SERVER_NAME), scope=None)
    ctx.settings["server_url"] = normalise_url(url)
    ctx.settings["server_device_id"] = str(server["device_id"])
    if not ctx.settings["village_ids"]:
        ctx.settings["village_ids"] = list(enrolment.scope)
    ctx.settings.save()
    log.info("enrolled with server %s at %s, scope %s", server["device_id"], url, enrolment.scope)


def enrol(ctx: AppContext, url: str, code: str, *, name: str = "", replace: bool = False,
          http: httpx.Client | None = None, verify: bool | str = True, password: str = "") -> Enrolment:
    """Create the device identity if needed, enrol with the code, pin the server.

    The server's identity is checked against what is pinned before the code is spent. With
    ``password`` on a laptop without accounts, the first account is created: the cadre and the
    role the code names, the code's villages (:func:`first_account`).
    """
    ctx.require("settings.edit")
    health = server_health(url, http=http, verify=verify)
    check_pinned(ctx, str(health["server_id"]), str(health["signing"]), replace=replace)
    if ctx.identity is None:
        ctx.identity = identity_mod.create(ctx.paths.identity, key=ctx.vault_key)
    enrolment = request_enrolment(ctx.identity, url, code, name=name, http=http, verify=verify)
    store_enrolment(ctx, url, enrolment, replace=replace)
    if password:
        first_account(ctx, enrolment, password)
    return enrolment


def first_account(ctx: AppContext, enrolment: Enrolment, password: str) -> bool:
    """The laptop's first account from its enrolment: the named cadre, with the named role. False: has accounts."""
    from sqlalchemy import select

    from fieldapp.services.people.accounts import create_account
    from fieldapp.services.people.keystore import Keystore
    from fieldapp.store.models import Cadre

    if Keystore.load(ctx.paths.home).slots or not enrolment.cadre:
        return False
    table = Cadre.__table__
    with ctx.db.read() as conn:
        cadre_id = conn.execute(select(table.c.id).where(table.c.name == enrolment.cadre,
                                                         table.c.deleted.is_(False))).scalar()
    create_account(ctx, enrolment.cadre, cadre_id, [enrolment.role], list(enrolment.scope), password)
    return True
