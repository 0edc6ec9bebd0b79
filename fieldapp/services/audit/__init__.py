"""The audit capability: the tamper-evident change log and tracing responsibility back (责任倒查)."""
