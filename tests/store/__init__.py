"""Tests of fieldapp.store and the non-GUI services, on real SQLite files."""
