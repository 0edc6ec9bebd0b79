"""Logging: one named logger per subsystem (fieldapp.store, fieldapp.gui, …), one file per data folder.

Bugs are logged with a traceback to ``<data folder>/logs/fieldapp.log``.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
from pathlib import Path

from fieldapp.store import filemodes


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by their owner only (they name households), the rotated ones too."""

    def _open(self) -> io.TextIOWrapper:
        filemodes.create_private_file(Path(self.baseFilename))
        return super()._open()


def current_file() -> Path | None:
    """The log file :func:`configure` set up in this process (the first data folder's), if any."""
    for handler in logging.getLogger("fieldapp").handlers:
        if getattr(handler, "_fieldapp", False) and hasattr(handler, "baseFilename"):
            return Path(handler.baseFilename)
    return None


def configure(log_dir: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger("fieldapp")
    root.setLevel(level)
    if log_dir is None or any(getattr(h, "_fieldapp", False) for h in root.handlers):
        return
    try:
        filemodes.private_dir(log_dir)
        handler = _PrivateFileHandler(log_dir / "fieldapp.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        logging.getLogger("fieldapp").warning("cannot write log file in %s: %s", log_dir, exc)
        return
    handler._fieldapp = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
