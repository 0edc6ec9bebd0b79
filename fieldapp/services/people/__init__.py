"""People: accounts (keystore slots), the login service, account management and the audit log.

- :mod:`.keystore`: the wrapped vault key per account, failure counters, pending audit events;
- :mod:`.session`: :class:`~.session.Session`, the signed-in account;
- :mod:`.auth`: :func:`~.auth.sign_in`, :func:`~.auth.login`, :func:`~.auth.open_for`;
- :mod:`.accounts`: create, change/reset passwords, set roles, list;
- :mod:`.audit`: the audit log (``audit_event``) of logins, failures, locks and account changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.services.context import AppContext


def require(ctx: AppContext, permission: str) -> None:
    """Raise ``PermissionDenied`` (naming the permission) unless the signed-in account holds ``permission``."""
    ctx.require(permission)
