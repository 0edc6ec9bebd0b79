"""Access to shipped data files through importlib.resources (works from source and frozen)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

PACKAGE = "fieldapp_resources"


def root() -> Traversable:
    """The root of the shipped resources."""
    return resources.files(PACKAGE)


def read_bytes(*parts: str) -> bytes:
    node = root()
    for part in parts:
        node = node / part
    return node.read_bytes()


def read_text(*parts: str) -> str:
    return read_bytes(*parts).decode("utf-8")


@contextlib.contextmanager
def as_path(*parts: str) -> Iterator[Path]:
    """A real file path for libraries that need one (Qt font loading, reportlab)."""
    node = root()
    for part in parts:
        node = node / part
    with resources.as_file(node) as path:
        yield path
