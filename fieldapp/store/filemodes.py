"""Data folders readable by their owner only: folders 0700, files 0600 (POSIX).

The register holds every name, ID number and bank account of a village; on a computer several
people use, another local account must not be able to read it. Every data folder (the laptop's
and the district server's) is made private when it is opened: :func:`secure_tree` creates it
0700 and tightens whatever inside it is looser than 0700/0600, logging what it changed. Files
made while the program runs are created private where they are made (the register and so its
``-wal``/``-shm``, backups, logs, keys, settings, photos). The owner's umask does not matter.

On Windows the data folder lives in the user's profile, whose ACL already excludes other users;
``chmod`` there only toggles the read-only flag, so nothing is done. A file system without
permissions (FAT32 stick in portable mode) refuses ``chmod``: that is logged, not fatal.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("fieldapp.files")

DIR_MODE = 0o700
FILE_MODE = 0o600
ENABLED = os.name == "posix"


def _chmod(path: Path, mode: int) -> bool:
    """Set ``mode`` if the current one grants more; True when it was changed."""
    try:
        current = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False
    if current & ~mode == 0:
        return False
    try:
        os.chmod(path, current & mode)
    except OSError as exc:  # a file system without permissions (FAT32), or not ours
        log.warning("cannot make %s private: %s", path, exc)
        return False
    return True


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as a private folder; tighten it if it exists."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if ENABLED:
        _chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Tighten one file this program just wrote (a backup, a log, a copied override)."""
    if ENABLED:
        _chmod(Path(path), FILE_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file 0600 if none exists, so that what fills it (SQLite) keeps that mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def secure_tree(root: Path) -> list[Path]:
    """Make ``root`` a private folder and tighten everything under it; returns what was changed (logged)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if not ENABLED:
        return []
    changed: list[Path] = [root] if _chmod(root, DIR_MODE) else []
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        for name in dirs:
            if _chmod(base / name, DIR_MODE):
                changed.append(base / name)
        for name in files:
            path = base / name
            if not path.is_symlink() and _chmod(path, FILE_MODE):
                changed.append(path)
    if changed:
        shown = ", ".join(str(p.relative_to(root)) or "." for p in changed[:10])
        log.warning("data folder %s: made %d files and folders readable by their owner only (%s%s)", root,
                    len(changed), shown, "…" if len(changed) > 10 else "")
    return changed
