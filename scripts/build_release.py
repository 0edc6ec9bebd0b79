"""Release build: PyInstaller folder → headless smoke test → .deb → NSIS check, each step timed.

    python scripts/build_release.py [--no-cache] [--skip-deb] [--skip-nsis] [--deb-level N]
    make dist                        # the same, after setting up .venv with PyInstaller

Artefacts in ``dist/``:
- ``fieldapp/``: the one-folder bundle (``fieldapp``, ``fieldapp-server`` and ``_internal/``);
- ``fieldapp_VERSION_ARCH.deb``: the Debian / 统信UOS / 麒麟 package (installer/linux/build_deb.sh);
- ``FieldApp-VERSION-setup-placeholder.exe``: installer/windows/fieldapp.nsi compiled by Debian's
  makensis over a placeholder payload (proves the script valid; the real Windows installer is made on
  Windows, see README);
- ``release.json``: what was built, from which sources, sizes and step timings (tests/release reads it).

Caching: the bundle is stored under ``~/.cache/fieldapp-build/<key>/`` (``FIELDAPP_BUILD_CACHE``
overrides), where the key hashes the sources (fieldapp/, resources/, build/, setup.py, pyproject.toml),
the Python version and every installed distribution's version. When the key matches, PyInstaller is
skipped and the cached folder is linked into dist/; the .deb is cached the same way (plus
installer/linux/ and the compression level). ``--no-cache`` rebuilds everything.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "fieldapp"
MANIFEST = DIST / "release.json"
SPEC = ROOT / "build" / "fieldapp.spec"
SERVER_SOURCE = ROOT / "fieldapp" / "server" / "main.py"
NSIS_SCRIPT = ROOT / "installer" / "windows" / "fieldapp.nsi"
DEB_SCRIPT = ROOT / "installer" / "linux" / "build_deb.sh"
SOURCE_DIRS = ("fieldapp", "resources", "build")
SOURCE_FILES = ("setup.py", "pyproject.toml")
# Never in the bundle: the Qt modules FieldApp does not use (build/fieldapp.spec excludes them).
FORBIDDEN = re.compile(r"QtWebEngine|Qt6WebEngine|Qt6Quick|Qt6Qml|Qt63D|Qt6Multimedia|QtQuick|QtQml|tkinter")
KEEP_CACHE_ENTRIES = 3


T = TypeVar("T")


class BuildError(RuntimeError):
    pass


# -- cache key ------------------------------------------------------------------------------------

def _source_files() -> Iterator[Path]:
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT)
            if not path.is_file() or "__pycache__" in rel.parts or path.suffix == ".pyc":
                continue
            if rel.parts[:2] == ("build", "work"):
                continue
            yield path
    for name in SOURCE_FILES:
        yield ROOT / name


def source_key() -> str:
    """Hash of everything that goes into the bundle: sources, Python, installed distributions."""
    digest = hashlib.sha256()
    for path in _source_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"{sys.version}|{platform.machine()}|{sys.platform}".encode())
    dists = sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
                    if d.metadata["Name"]})
    digest.update("\n".join(dists).encode())
    return digest.hexdigest()[:24]


def cache_root() -> Path:
    env = os.environ.get("FIELDAPP_BUILD_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "fieldapp-build"


def _link_tree(src: Path, dst: Path) -> None:
    """Copy a tree as hard links when possible (instant, no extra space), else as a plain copy."""
    if dst.exists():
        shutil.rmtree(dst)

    def link_or_copy(s: str, d: str) -> object:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)
        return d

    shutil.copytree(src, dst, symlinks=True, copy_function=link_or_copy)


def _prune_cache(root: Path, keep: str) -> None:
    entries = sorted((p for p in root.iterdir() if p.is_dir() and p.name != keep), key=lambda p: p.stat().st_mtime)
    for old in entries[: max(0, len(entries) - (KEEP_CACHE_ENTRIES - 1))]:
        shutil.rmtree(old, ignore_errors=True)


# -- steps ----------------------------------------------------------------------------------------

def run(cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 1800,
        capture: bool = False) -> subprocess.CompletedProcess[str]:
    shown = " ".join(str(c) for c in cmd)
    print(f"  $ {shown}", flush=True)
    result = subprocess.run(cmd, cwd=ROOT, env=env, timeout=timeout, text=True, check=False,
                            stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None)
    if result.returncode != 0:
        if capture:
            print(result.stdout)
        raise BuildError(f"command failed ({result.returncode}): {shown}")
    return result


def step_build(key: str, use_cache: bool) -> bool:
    """The PyInstaller folder in dist/fieldapp; returns True on a cache hit."""
    cached = cache_root() / key / "fieldapp"
    if use_cache and (cached.parent / "complete").is_file():
        _link_tree(cached, BUNDLE)
        print(f"  cache hit: sources unchanged (key {key}); PyInstaller skipped, bundle taken from {cached}")
        return True
    print(f"  cache miss (key {key}): running PyInstaller")
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "work"), str(SPEC)])
    if use_cache:
        cached.parent.mkdir(parents=True, exist_ok=True)
        _link_tree(BUNDLE, cached)
        (cached.parent / "complete").write_text(key, encoding="utf-8")
        _prune_cache(cache_root(), key)
        print(f"  bundle cached in {cached}")
    return False


def bundle_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def frozen_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FIELDAPP_HOME", "PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def step_smoke(version: str, max_mb: int) -> dict[str, int]:
    exe = BUNDLE / ("fieldapp.exe" if sys.platform == "win32" else "fieldapp")
    if not exe.is_file():
        raise BuildError(f"no executable {exe}")
    size = bundle_bytes(BUNDLE)
    print(f"  bundle size: {size / 1e6:.1f} MB in {sum(1 for _ in BUNDLE.rglob('*'))} files")
    if size > max_mb * 1e6:
        raise BuildError(f"bundle is {size / 1e6:.0f} MB, over the {max_mb} MB budget: check build/fieldapp.spec")
    forbidden = [str(p.relative_to(BUNDLE)) for p in BUNDLE.rglob("*") if FORBIDDEN.search(p.name)]
    if forbidden:
        raise BuildError(f"unused Qt modules in the bundle: {forbidden[:5]}")
    out = run([str(exe), "--version"], env=frozen_env(), timeout=120, capture=True).stdout.strip()
    if out != f"FieldApp {version}":
        raise BuildError(f"frozen --version printed {out!r}, expected 'FieldApp {version}'")
    print(f"  {out}")
    run([str(exe), "--self-test"], env=frozen_env(), timeout=600)
    return {"bundle_bytes": size, "server": smoke_server()}


def smoke_server() -> bool:
    exe = BUNDLE / ("fieldapp-server.exe" if sys.platform == "win32" else "fieldapp-server")
    if not exe.is_file():
        if SERVER_SOURCE.is_file():
            raise BuildError(f"{SERVER_SOURCE.relative_to(ROOT)} exists but the bundle has no fieldapp-server")
        print(f"  fieldapp-server: not built ({SERVER_SOURCE.relative_to(ROOT)} does not exist yet); skipped")
        return False
    run([str(exe), "--help"], env=frozen_env(), timeout=120, capture=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="fieldapp-server-smoke-") as home:
        env = frozen_env() | {"FIELDAPP_HOME": home}
        cmd = [str(exe), "--host", "127.0.0.1", "--port", str(port)]
        print(f"  $ {' '.join(cmd)}  (FIELDAPP_HOME={home})", flush=True)
        proc = subprocess.Popen(cmd, cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            status = _wait_for_http(f"http://127.0.0.1:{port}/openapi.json", proc, timeout=60)
        finally:
            proc.terminate()
            try:
                output, _ = proc.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                output, _ = proc.communicate()
        if status is None:
            print(output)
            raise BuildError("the frozen fieldapp-server did not answer HTTP on loopback within 60 s")
    print(f"  fieldapp-server answered HTTP {status} on 127.0.0.1:{port}")
    return True


def _wait_for_http(url: str, proc: subprocess.Popen[str], timeout: float) -> int | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:  # any HTTP answer means the server runs
            return int(exc.code)
        except OSError:
            time.sleep(0.3)
    return None


def step_deb(key: str, version: str, level: int, use_cache: bool) -> Path:
    if not shutil.which("dpkg-deb"):
        raise BuildError("dpkg-deb not found (Debian-based systems only; use --skip-deb elsewhere)")
    digest = hashlib.sha256(f"{key}|{version}|{level}".encode())
    for path in sorted((ROOT / "installer" / "linux").iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    for icon in ("fieldapp.png", "fieldapp.svg"):
        digest.update((ROOT / "resources" / "icons" / icon).read_bytes())
    cached_dir = cache_root() / key / f"deb-{digest.hexdigest()[:16]}"
    for old in DIST.glob("fieldapp_*.deb"):
        old.unlink()
    hits = sorted(cached_dir.glob("*.deb")) if use_cache else []
    if hits:
        target = DIST / hits[0].name
        _link_tree_file(hits[0], target)
        print(f"  cache hit: {target.name} taken from {cached_dir}")
    else:
        env = dict(os.environ, DEB_COMPRESS="xz", DEB_LEVEL=str(level))
        target = Path(run(["bash", str(DEB_SCRIPT), str(BUNDLE), version, str(DIST)], env=env,
                          capture=True).stdout.strip().splitlines()[-1])
        if use_cache:
            cached_dir.mkdir(parents=True, exist_ok=True)
            _link_tree_file(target, cached_dir / target.name)
    listing = run(["dpkg-deb", "--contents", str(target)], capture=True).stdout
    for needed in ("./opt/fieldapp/fieldapp", "./usr/bin/fieldapp", "./usr/share/applications/fieldapp.desktop",
                   "./usr/share/icons/hicolor/256x256/apps/fieldapp.png"):
        if needed not in listing:
            raise BuildError(f"{target.name} lacks {needed}")
    print(f"  {target.name}: {target.stat().st_size / 1e6:.1f} MB")
    return target


def _link_tree_file(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def step_nsis(version: str) -> Path:
    makensis = shutil.which("makensis")
    if not makensis:
        raise BuildError("makensis not found: apt-get install nsis (or use --skip-nsis)")
    payload = DIST / "nsis-placeholder"
    if payload.exists():
        shutil.rmtree(payload)
    (payload / "_internal").mkdir(parents=True)
    for name in ("fieldapp.exe", "fieldapp-gui.exe", "fieldapp-server.exe"):
        (payload / name).write_text(f"placeholder for {name}: the Windows build comes from PyInstaller on Windows\n",
                                    encoding="utf-8")
    (payload / "_internal" / "placeholder.txt").write_text("placeholder\n", encoding="utf-8")
    out = DIST / f"FieldApp-{version}-setup-placeholder.exe"
    out.unlink(missing_ok=True)
    run([makensis, "-V2", "-WX", f"-DVERSION={version}", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}",
         str(NSIS_SCRIPT)])
    if not out.is_file() or out.read_bytes()[:2] != b"MZ":
        raise BuildError(f"makensis did not write a Windows program: {out}")
    print(f"  {out.name}: {out.stat().st_size // 1024} KB (placeholder payload)")
    return out


# -- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-cache", action="store_true", help="rebuild everything, ignoring the cache")
    parser.add_argument("--skip-deb", action="store_true", help="do not build the .deb")
    parser.add_argument("--skip-nsis", action="store_true", help="do not compile the NSIS script")
    parser.add_argument("--deb-level", type=int, default=1, choices=range(10),
                        help="xz level of the .deb (default 1: fast; 6 is ~8%% smaller and takes ~2 min more)")
    # 300: about 215 MB of program and Qt plus 39 MB of fallback fonts for rare characters (resources/fonts)
    parser.add_argument("--max-bundle-mb", type=int, default=300, help="fail when the bundle is larger")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from fieldapp import __version__ as version

    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise SystemExit(f"version {version!r} is not X.Y.Z (needed by the installers)")
    DIST.mkdir(exist_ok=True)
    MANIFEST.unlink(missing_ok=True)
    timings: dict[str, float] = {}
    manifest: dict[str, object] = {"version": version}
    started = time.perf_counter()

    def step(name: str, func: Callable[[], T]) -> T:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            return func()
        finally:
            timings[name] = round(time.perf_counter() - t0, 1)
            print(f"== {name}: {timings[name]:.1f} s", flush=True)

    try:
        key = step("source key", source_key)
        manifest["key"] = key
        manifest["cache_hit"] = step("PyInstaller build", lambda: step_build(key, not args.no_cache))
        smoke = step("smoke test (frozen --self-test)", lambda: step_smoke(version, args.max_bundle_mb))
        manifest.update(smoke)
        manifest["bundle"] = str(BUNDLE.relative_to(ROOT))
        if not args.skip_deb:
            deb = step(".deb (installer/linux)", lambda: step_deb(key, version, args.deb_level, not args.no_cache))
            manifest["deb"] = str(deb.relative_to(ROOT))
        if not args.skip_nsis:
            exe = step("NSIS compile check (installer/windows)", lambda: step_nsis(version))
            manifest["nsis"] = str(exe.relative_to(ROOT))
    except (BuildError, subprocess.TimeoutExpired) as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    manifest["timings"] = timings
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\nstep timings:")
    for name, seconds in timings.items():
        print(f"  {name:<40} {seconds:>7.1f} s")
    print(f"  {'total':<40} {time.perf_counter() - started:>7.1f} s")
    print(f"bundle {smoke['bundle_bytes'] / 1e6:.1f} MB; artefacts in {DIST.relative_to(ROOT)}/; "
          f"manifest {MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
