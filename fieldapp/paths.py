"""Where FieldApp keeps its data.

Order of precedence: ``--db PATH`` (the database file only), ``FIELDAPP_HOME`` (the
whole data folder, for tests and portable use), portable mode (a ``portable.txt``
marker or ``--portable``: data beside the executable), then the platform's
user-data folder (platformdirs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "FieldApp"
ENV_HOME = "FIELDAPP_HOME"
PORTABLE_MARKER = "portable.txt"


def program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).is_file()


class DataPaths(NamedTuple):
    """The files of one data folder.

    A typed named tuple, not a dataclass: this module is on the first window's path, and ``dataclasses``
    (with ``copy``) is ~5 ms of imports that nothing else there needs."""

    home: Path
    db_override: Path | None = None

    @property
    def database(self) -> Path:
        return self.db_override or self.home / "register.sqlite3"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    @property
    def identity(self) -> Path:
        return self.home / "device"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def refdata_overrides(self) -> Path:
        return self.home / "refdata"


def resolve(db: str | os.PathLike[str] | None = None, *, portable: bool = False) -> DataPaths:
    env = os.environ.get(ENV_HOME)
    if env:
        home = Path(env).expanduser()
    elif portable or is_portable():
        home = program_dir() / "FieldAppData"
    else:
        import platformdirs  # only where the home is not given: the first window may be up sooner

        home = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return DataPaths(home=home.resolve(), db_override=Path(db).expanduser().resolve() if db else None)
