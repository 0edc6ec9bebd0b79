"""The application context: data paths, settings, reference data, database, identity, writer.

Both front ends (GUI and CLI) open one :class:`AppContext` and pass it to services.

With a vault key (``open_context(data, key=...)``; the login's ``Session.vault_key``) the data folder is
encrypted at rest: the register (SQLCipher; a plain one is converted on first start), the photos and
the device's private keys, each under its own key derived from the vault key. Without one, only a plain
data folder opens (an encrypted register raises :class:`fieldapp.store.db.LockedRegisterError`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from fieldapp import logsetup, paths
from fieldapp.domain import refdata
from fieldapp.services import identity as identity_mod
from fieldapp.services import photos as photos_mod
from fieldapp.settings import Settings
from fieldapp.store import chain, crypt, filemodes
from fieldapp.store.db import Database
from fieldapp.store.writer import Actor, ChangeWriter

if TYPE_CHECKING:
    from fieldapp.services.people.session import Session

log = logging.getLogger("fieldapp.services")


class NotSetUpError(RuntimeError):
    """The laptop has not been through first-start setup (no device identity yet)."""


@dataclass
class AppContext:
    paths: paths.DataPaths
    settings: Settings
    ref: refdata.RefData
    db: Database
    identity: identity_mod.DeviceIdentity | None = None
    vault_key: bytes | None = field(default=None, repr=False)
    #: the signed-in account (``services.people.auth.open_for``); None: the program itself (setup, demo, self-test)
    session: Session | None = None
    _writer: ChangeWriter | None = field(default=None, repr=False)
    _cadre_names: dict[str, str | None] = field(default_factory=dict, repr=False)

    @property
    def is_set_up(self) -> bool:
        return self.identity is not None and bool(self.settings["village_ids"])

    @property
    def cadre_name(self) -> str | None:
        """The name of :attr:`cadre_id`: the signed-in account's cadre (the set-up cadre with no session)."""
        cadre_id = self.cadre_id
        if not cadre_id:
            return None
        if cadre_id not in self._cadre_names:  # read once per cadre: the status bar and forms ask often
            name = self.db.scalar("SELECT name FROM cadre WHERE id = :id", id=cadre_id)
            self._cadre_names[cadre_id] = str(name) if name is not None else None
        return self._cadre_names[cadre_id]

    @cached_property
    def photos(self) -> photos_mod.PhotoFolder:
        """The photo files of this data folder (encrypted on disk when the context has a vault key)."""
        return photos_mod.PhotoFolder.for_home(self.paths.home, self.vault_key)

    @property
    def writer(self) -> ChangeWriter:
        if self.identity is None:
            raise NotSetUpError("本机尚未完成首次设置：请先启动 FieldApp 完成设置向导，或运行 fieldapp demo")
        if self._writer is None:
            if self.db.chain_key is None:  # an identity created since the context opened (first start)
                self.db.chain_key = self.identity.signing_key
            s = self.session
            if s is not None:
                actor = Actor(self.identity.device_id, s.person_id, s.name, roles=tuple(s.roles),
                              village_ids=tuple(s.village_ids), cadre_id=s.cadre_id)
            else:
                actor = Actor(self.identity.device_id, self.settings["cadre_id"] or None, self.cadre_name)
            self._writer = ChangeWriter(self.db, actor)
        return self._writer

    @property
    def cadre_id(self) -> str | None:
        """The signed-in person's cadre (the laptop's set-up cadre when nobody is signed in)."""
        if self.session is not None:
            return self.session.cadre_id
        return self.settings["cadre_id"] or None

    def require(self, permission: str) -> None:
        """Raise ``PermissionDenied`` unless the signed-in account holds ``permission`` (the program itself does)."""
        if self.session is None:
            return
        from fieldapp.domain import people

        people.permission_table(self.ref).require(self.session.roles, permission, self.session.name)

    def allows(self, permission: str) -> bool:
        if self.session is None:
            return True
        from fieldapp.domain import people

        return people.permission_table(self.ref).allows(self.session.roles, permission)

    def reset_writer(self) -> None:
        """After the signed-in account changes."""
        self._writer = None
        self._cadre_names.clear()

    def close(self) -> None:
        self.db.close()


def attach_device_key(db: Database, ident: identity_mod.DeviceIdentity) -> None:
    """Let every commit of this device's changes sign the new chain head (and sign the upgraded log once)."""
    db.chain_key = ident.signing_key
    with db.transaction() as conn:
        chain.adopt_after_upgrade(conn, ident.device_id, ident.signing_key)


def open_context(data: paths.DataPaths, key: bytes | None = None) -> AppContext:
    """Open the data folder (made private: :mod:`fieldapp.filemodes`): logging, settings, reference data,
    database (migrated), identity.

    ``key``: the 32-byte vault key. Given it, the register is opened (or created, or converted from plain)
    encrypted, plain photos are sealed and plain device keys are wrapped, once each.
    """
    filemodes.private_dir(data.home)
    logsetup.configure(data.logs)
    filemodes.secure_tree(data.home)  # one a 0755/0644 FieldApp (or a copy) left behind: tightened, and logged
    settings = Settings.load(data.settings)
    ref = refdata.configure(data.refdata_overrides)
    db = Database.open(data.database, key=None if key is None else crypt.register_key(key))
    try:
        ident = identity_mod.load(data.identity, key)
        if ident is not None:
            attach_device_key(db, ident)
        ctx = AppContext(paths=data, settings=settings, ref=ref, db=db, identity=ident, vault_key=key)
        if key is not None:
            ctx.photos.seal_plain_files()
    except BaseException:
        db.close()
        raise
    return ctx
