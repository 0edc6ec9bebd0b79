"""Typed settings registry with versioned upgrades (after Picard's options/config_upgrade).

Every setting is declared once in :data:`REGISTRY` with its type and default.
The file is JSON in the data folder and carries ``_version``; :data:`UPGRADES`
migrate older files step by step. Unknown keys are kept (a newer app wrote them).
"""

from __future__ import annotations

import copy
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("fieldapp.settings")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "zh-Hans", "UI language: zh-Hans, zh-Hant or en"),
        Setting("district_name", str, "", "区县 served by this laptop"),
        Setting("district_code", str, "", "区县 division code (6 digits), used for thresholds"),
        Setting("town_name", str, "", "乡镇 served by this laptop"),
        Setting("village_ids", list, [], "ids of the villages (area rows) on this laptop"),
        Setting("cadre_id", str, "", "the signed-in cadre (cadre row id)"),
        Setting("page_size", int, 200, "rows fetched per page in lists"),
        Setting("not_visited_days", int, 30, "workbench: households not visited in this many days"),
        Setting("plate_fields", list, [], "door-plate fields shown (district setting; empty = default set)"),
        Setting("plate_paper", str, "A4-landscape", "door-plate paper: A4-landscape, A3-landscape or A4-2up"),
        Setting("plate_title", str, "精准扶贫信息公示牌", "door-plate title (district setting)"),
        Setting("plate_colour_safety_net", str, "#1F5C99", "door-plate colour of 兜底户 (hex #RRGGBB)"),
        Setting("plate_colour_development", str, "#2E7D32", "door-plate colour of 脱贫户 (hex #RRGGBB)"),
        # network sync with the district server; new keys with defaults need no upgrade step
        Setting("server_url", str, "", "district server address (https://…), set by `fieldapp enrol`"),
        Setting("server_device_id", str, "", "the district server's device id (its keys are pinned as a peer)"),
        Setting("auto_sync", bool, True, "sync automatically whenever the server is reachable"),
        Setting("auto_sync_minutes", int, 15, "while online: minutes between automatic syncs"),
        Setting("window_geometry", dict, {}, "window and dialog places: key → [x, y, w, h, maximised]"),
        Setting("server_ca", str, "", "CA certificate file for a self-signed server certificate (empty: system CAs)"),
        Setting("idle_lock_minutes", int, 15, "lock the app after this many minutes without input (0: never)"),
        Setting("village_map", str, "",
                "挂图作战: village boundary file (GeoJSON); empty: village_map.geojson in the data folder"),
        Setting("late_checkin_days", int, 3,
                "a check-in entered more than this many days after its date needs the team leader's confirmation"),
        Setting("report_weekly_due_days", int, 1,
                "a weekly summary is due this many days after its Sunday (1: the Monday); later is 迟报"),
        Setting("report_monthly_due_day", int, 5, "a monthly summary is due by this day of the next month"),
    )
}

# UPGRADES[n] turns a version-n dict into a version-(n+1) dict.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SettingsError(ValueError):
    pass


def _type_ok(value: Any, expected: type) -> bool:
    """isinstance, except that a bool is not accepted where an int is expected."""
    if isinstance(value, bool) and expected is not bool:
        return False
    return isinstance(value, expected)


class Settings:
    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = values or {}
        # The version written back on save: a file from a newer FieldApp keeps its newer
        # version, so that app does not re-run upgrades on it after we saved.
        self._version = SETTINGS_VERSION

    @classmethod
    def load(cls, path: Path) -> Settings:
        if not path.exists():
            return cls(path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
            version = int(raw.pop("_version", 0))
        except (OSError, ValueError, TypeError) as exc:
            broken = path.with_suffix(".broken.json")
            log.error("settings file %s unreadable (%s); moved to %s, using defaults", path, exc, broken)
            os.replace(path, broken)
            return cls(path)
        loaded_version = version
        if version > SETTINGS_VERSION:
            log.warning("settings written by a newer FieldApp (version %s); unknown keys kept", version)
        while version < SETTINGS_VERSION:
            upgrade = UPGRADES.get(version)
            if upgrade is not None:
                raw = upgrade(raw)
            version += 1
        settings = cls(path, raw)
        settings._version = max(loaded_version, SETTINGS_VERSION)
        return settings

    def __getitem__(self, key: str) -> Any:
        spec = REGISTRY[key]
        value = self._values.get(key, spec.default)
        if not _type_ok(value, spec.type):
            value = spec.default
        # never hand out the registry's default list itself: a caller mutating it would change every default
        return copy.deepcopy(value) if value is spec.default else value

    def __setitem__(self, key: str, value: Any) -> None:
        spec = REGISTRY.get(key)
        if spec is None:
            raise SettingsError(f"unknown setting {key!r}")
        if not _type_ok(value, spec.type):
            raise SettingsError(f"setting {key!r} must be {spec.type.__name__}, not {type(value).__name__}")
        self._values[key] = value

    def save(self) -> None:
        """Atomic write: temp file, fsync, rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"_version": self._version, **self._values}, ensure_ascii=False, indent=2)
        import tempfile  # only when saving: the login window reads the settings before it shows

        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
