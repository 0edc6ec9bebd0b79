"""The audit capability: the tamper-evident change log (``chain``: checking every device's hash chain held
here) and tracing responsibility back (``trace``: 责任倒查 of a household or a person)."""
