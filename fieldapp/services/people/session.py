"""The signed-in account: who is acting, in which roles and villages, with the keys the login unwrapped.

Its own module, so that the application context and the signing keys can name it without
importing the login service (which imports both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.services.people.keystore import SigningSecret


@dataclass(frozen=True)
class Session:
    """The signed-in account (frozen; the vault key is never printed)."""

    person_id: str
    name: str
    cadre_id: str | None
    roles: tuple[str, ...]
    village_ids: tuple[str, ...]
    vault_key: bytes = field(repr=False)
    #: the person's signing key, unwrapped from the keystore slot (None: the slot has none yet)
    signing: SigningSecret | None = field(default=None, repr=False, compare=False)
