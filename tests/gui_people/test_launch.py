"""A bare start goes to the desktop app without importing the command-line machinery."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fieldapp.launch import gui_request


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, False)),
    (["--portable"], (None, True)),
    (["--db", "x.db"], ("x.db", False)),
    (["--db=x.db", "--portable"], ("x.db", True)),
    (["--db"], None),
    (["demo"], None),
    (["--self-test"], None),
    (["--version"], None),
    (["--db", "x.db", "people", "list"], None),
])
def test_only_a_bare_start_is_a_gui_request(argv: list[str], expected: tuple[str | None, bool] | None) -> None:
    assert gui_request(argv) == expected


def test_the_entry_module_is_light() -> None:
    code = "import sys, fieldapp.launch; print('fieldapp.cli.main' in sys.modules, 'sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]
