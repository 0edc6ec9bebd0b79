"""Fixtures of the login / lock / accounts GUI tests: a small real account store over a dict of passwords.

:class:`Accounts` is not a mock of the people services: it is a tiny implementation of the same calls
(names → passwords, failure counting with a wait after five, sessions with roles), so the widgets are
driven through the behaviour they rely on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fieldapp.gui.people.accounts_page import AccountRow
from fieldapp.gui.people.lock import throttle_seconds
from fieldapp.gui.people.shell import PeopleApi
from fieldapp.services.context import AppContext, open_context
from tests.helpers.dialogs import BoxAnswerer, boxes  # noqa: F401  (the `boxes` fixture)
from tests.helpers.qt import mark_gui_folder, sync_tasks, tasks  # noqa: F401  (fixtures)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_gui_folder(items, Path(__file__).parent)


class Refused(Exception):
    def __init__(self, reason: str, wait_seconds: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class Session:
    name: str
    roles: tuple[str, ...]
    village_ids: tuple[str, ...] = ()
    person_id: str = ""
    cadre_id: str | None = None


@dataclass
class Accounts:
    """Accounts of a laptop in a dict: name → password, roles, villages; failures counted per name."""

    passwords: dict[str, str]
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    villages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    events: list[tuple[str, str]] = field(default_factory=list)

    def names(self) -> list[str]:
        return sorted(self.passwords)

    def authenticate(self, name: str, password: str) -> Session:
        if name not in self.passwords:
            raise Refused("unknown_user")
        wait = throttle_seconds(self.failures.get(name, 0))
        if wait:
            raise Refused("throttled", wait)
        if self.passwords[name] != password:
            self.failures[name] = self.failures.get(name, 0) + 1
            raise Refused("wrong_password")
        self.failures.pop(name, None)
        return Session(name, self.roles.get(name, ("member",)), self.villages.get(name, ()), person_id=name)

    def verify(self, name: str, password: str) -> bool:
        try:
            self.authenticate(name, password)
        except Refused:
            return False
        return True

    def change_password(self, name: str, old: str, new: str) -> None:
        if self.passwords.get(name) != old:
            raise Refused("wrong_password")
        self.passwords[name] = new

    # the account-management backend
    def list(self) -> list[AccountRow]:
        return [AccountRow(n, "", self.roles.get(n, ("member",)), self.villages.get(n, ())) for n in self.names()]

    def create(self, name: str, cadre_id: str, roles: Sequence[str], village_ids: Sequence[str],
               password: str) -> None:
        if name in self.passwords:
            raise ValueError(f"账号“{name}”已存在")
        self.passwords[name] = password
        self.roles[name] = tuple(roles)
        self.villages[name] = tuple(village_ids)

    def reset(self, name: str, password: str) -> None:
        self.passwords[name] = password

    def set_roles(self, name: str, roles: Sequence[str], village_ids: Sequence[str]) -> None:
        self.roles[name] = tuple(roles)
        self.villages[name] = tuple(village_ids)


def allows(roles: Sequence[str], permission: str) -> bool:
    return permission != "accounts.manage" or bool({"admin", "leader"} & set(roles))


@pytest.fixture
def accounts() -> Accounts:
    return Accounts({"王队长": "right-pass", "李队员": "member-pass"},
                    roles={"王队长": ("leader", "admin"), "李队员": ("member",)})


@pytest.fixture
def api(accounts: Accounts, ctx: AppContext) -> Iterator[PeopleApi]:
    """The people calls over ``accounts``; ``open_for`` opens the test's data folder afresh for each person."""
    opened: list[AppContext] = []

    def open_for(session: Session) -> AppContext:
        fresh = open_context(ctx.paths)
        opened.append(fresh)
        return fresh

    def audit(_ctx: Any, session: Session, kind: str) -> None:
        accounts.events.append((session.name, kind))

    yield PeopleApi(login_names=accounts.names, authenticate=accounts.authenticate, verify=accounts.verify,
                    open_for=open_for, change_password=accounts.change_password, allows=allows,
                    accounts=lambda _ctx: accounts, audit=audit)
    for opened_ctx in opened:
        opened_ctx.close()
