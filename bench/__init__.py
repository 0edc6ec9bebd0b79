"""Benchmarks: each prints its ratio against a plain baseline. Run with `python -m bench.<name>`."""
