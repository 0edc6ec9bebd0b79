"""People: accounts (keystore slots), the login service, account management and the audit log.

- :mod:`.keystore`: the wrapped vault key per account, failure counters, pending audit events;
- :mod:`.auth`: :class:`~.auth.Session`, :func:`~.auth.login`, :func:`~.auth.open_for`;
- :mod:`.accounts`: create, change/reset passwords, set roles, list;
- :mod:`.audit`: the audit log (``audit_event``) of logins, failures, locks and account changes.
"""
