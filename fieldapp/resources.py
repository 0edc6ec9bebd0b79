"""Access to shipped data files through importlib.resources (works from source and frozen).

The resources are a folder on disk in every way FieldApp is installed (source, wheel, PyInstaller);
:func:`folder` finds it through the import system alone, so that the first window's font and
translation are read without importing ``importlib.resources`` (and with it ``zipfile``) before the
window is up. Anything else goes through :func:`root`.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

PACKAGE = "fieldapp_resources"


def root() -> Traversable:
    """The root of the shipped resources."""
    from importlib import resources

    return resources.files(PACKAGE)


@functools.cache
def folder() -> Path | None:
    """The resources' folder on disk, or None when they are not plain files (a zipped install).

    Looked up once per process: the search walks ``sys.path`` (a dozen stat calls), and every code list,
    font and icon read goes through here (a login reads nine code lists before the household list shows)."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    found = Path(locations[0]) if locations else None
    return found if found is not None and found.is_dir() else None


def read_bytes(*parts: str) -> bytes:
    base = folder()
    if base is not None:
        return base.joinpath(*parts).read_bytes()
    node = root()
    for part in parts:
        node = node / part
    return node.read_bytes()


def read_text(*parts: str) -> str:
    return read_bytes(*parts).decode("utf-8")


@contextlib.contextmanager
def as_path(*parts: str) -> Iterator[Path]:
    """A real file path for libraries that need one (Qt font loading, reportlab)."""
    base = folder()
    if base is not None:
        yield base.joinpath(*parts)
        return
    from importlib import resources

    node = root()
    for part in parts:
        node = node / part
    with resources.as_file(node) as path:
        yield path
