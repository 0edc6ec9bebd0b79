"""Tests of fieldapp.domain: pure rules, no Qt and no database."""
