"""Audit: the tamper-evident change log (``chain``: checking every device's hash chain held here)."""
