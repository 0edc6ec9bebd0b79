"""Fixtures for the build tests: the artefacts of ``scripts/build_release.py`` (``make dist``).

The installer tests use what the release build left in ``dist/`` (listed in
``dist/release.json``). They skip, with the reason shown by ``-ra``, when there is no build,
when it was made from other sources than the working tree (``FIELDAPP_TEST_STALE_DIST=1``
accepts it anyway, e.g. while others edit the tree), or when a tool is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "dist" / "release.json"


@cache
def build_release() -> ModuleType:
    """scripts/build_release.py as a module (for its source key)."""
    spec = importlib.util.spec_from_file_location("build_release", ROOT / "scripts" / "build_release.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Release:
    version: str
    bundle: Path
    deb: Path | None
    nsis: Path | None
    manifest: dict[str, Any]

    @property
    def exe(self) -> Path:
        return self.bundle / "fieldapp"


@pytest.fixture(scope="session")
def release() -> Release:
    if not MANIFEST.is_file():
        pytest.skip("no release build in dist/: run `make dist` (scripts/build_release.py) first")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    current = build_release().source_key()
    if manifest.get("key") != current and not os.environ.get("FIELDAPP_TEST_STALE_DIST"):
        pytest.skip(f"dist/ was built from other sources (key {manifest.get('key')}, now {current}): run `make dist`")
    bundle = ROOT / manifest["bundle"]
    if not (bundle / "fieldapp").is_file():
        pytest.skip(f"the frozen build {bundle} is missing: run `make dist`")
    deb = ROOT / manifest["deb"] if manifest.get("deb") else None
    nsis = ROOT / manifest["nsis"] if manifest.get("nsis") else None
    return Release(manifest["version"], bundle, deb, nsis, manifest)


def frozen_env(**extra: str) -> dict[str, str]:
    """The environment for a frozen program: headless, no data-folder override unless given."""
    env = {k: v for k, v in os.environ.items() if k not in ("FIELDAPP_HOME", "PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(cmd: list[str | Path], *, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=timeout, check=False)
    if check:
        assert result.returncode == 0, f"{cmd} → {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not found (apt-get install {package})")
    return path
