"""The login names of a data folder, read before anything else is loaded (the login window's list).

The keystore file (:mod:`.keystore`) is JSON with one entry per account; listing the names needs
neither its records nor cryptography, so the first window does not wait for them. A file this
cannot read gives None, and the caller asks the keystore itself, which names the problem.
"""

from __future__ import annotations

import json
from pathlib import Path


def keystore_path(home: Path) -> Path:
    return home / "keys" / "keystore.json"


def login_names(home: Path) -> list[str] | None:
    """The accounts' names in the keystore's order ([] without a keystore; None if it is unreadable)."""
    path = keystore_path(home)
    try:
        raw = json.loads(path.read_text("utf-8"))
        return [str(a["name"]) for a in raw["accounts"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError):
        return None
