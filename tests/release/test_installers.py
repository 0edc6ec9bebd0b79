"""The frozen build and the installers, as a district IT officer uses them (artefacts of ``make dist``).

- the frozen ``fieldapp`` passes its self-test headless, reports its version, runs portable from a
  "USB stick" and migrates an older register with the migrations shipped inside the bundle;
- the .deb installs with ``dpkg -i``, the installed self-test passes, a newer package upgrades it
  keeping the data, and ``dpkg -r`` removes every file of the program (the register stays);
- the NSIS script compiles with Debian's makensis.

Skipped, with the reason, without a release build (``make dist``), without root (dpkg -i) or
without the tools (dpkg-deb, makensis).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fieldapp.store import migrate
from fieldapp.store.db import SCHEMA_VERSION
from tests.release import registers
from tests.release.conftest import ROOT, Release, build_release, frozen_env, require_tool, run

pytestmark = pytest.mark.slow

STEPS = 5


def _households(path: Path) -> int:
    conn = registers.connect(path)  # the demo's register is encrypted: opened with the demo account's key
    try:
        return int(conn.execute("SELECT count(*) FROM household").fetchone()[0])
    finally:
        conn.close()


# -- the frozen folder ------------------------------------------------------------------------------

def test_frozen_self_test_passes_headless(release: Release, tmp_path: Path) -> None:
    result = run([release.exe, "--self-test"], env=frozen_env(), cwd=tmp_path, timeout=300)
    assert f"FieldApp {release.version}（打包版" in result.stdout
    assert result.stdout.count("…… 通过") == STEPS and f"自检通过：{STEPS} 项全部通过" in result.stdout
    assert "字体 WenQuanYi Micro Hei" in result.stdout and "翻译 en「" in result.stdout


def test_frozen_build_prints_120_door_cards_drawn_by_a_child_process(release: Release, tmp_path: Path) -> None:
    """The desktop app's print jobs draw in a child process: in the frozen build that child is the executable
    started again, which must do the drawing (multiprocessing.freeze_support in the entry point), not start
    FieldApp a second time."""
    result = run([release.exe, "--self-test", "--self-test-cards", "120"], env=frozen_env(), cwd=tmp_path,
                 timeout=900)
    assert f"[{STEPS + 1}/{STEPS + 1}] 批量打印 120 张门牌（子进程） …… 通过" in result.stdout, result.stdout
    assert "120 张门牌由子进程绘制，120 页" in result.stdout and f"自检通过：{STEPS + 1} 项全部通过" in result.stdout


def test_frozen_version(release: Release) -> None:
    assert run([release.exe, "--version"], env=frozen_env()).stdout.strip() == f"FieldApp {release.version}"


def test_frozen_server_is_built_when_its_source_exists(release: Release) -> None:
    server = release.bundle / "fieldapp-server"
    if not (ROOT / "fieldapp" / "server" / "main.py").is_file():
        pytest.skip("fieldapp/server/main.py does not exist yet")
    assert server.is_file() and release.manifest["server"] is True
    assert run([server, "--help"], env=frozen_env()).returncode == 0


def _stick_copy(release: Release, stick: Path) -> Path:
    """The bundle copied to a "USB stick" (hard links: fast, and a copy as far as the program can tell)."""
    build_release()._link_tree(release.bundle, stick)
    return stick / "fieldapp"


def test_portable_mode_keeps_the_data_beside_the_program(release: Release, tmp_path: Path) -> None:
    exe = _stick_copy(release, tmp_path / "stick" / "FieldApp")
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    env = frozen_env(HOME=str(home), XDG_DATA_HOME=str(xdg))
    beside = exe.parent / "FieldAppData"

    (exe.parent / "portable.txt").write_text("", encoding="utf-8")  # the marker file
    run([exe, "demo", "--households", "3"], env=env, cwd=tmp_path)
    assert _households(beside / "register.sqlite3") == 3
    assert (beside / "device" / "identity.json").is_file() and not xdg.exists() and not home.exists()

    (exe.parent / "portable.txt").unlink()
    shutil.rmtree(beside)
    run([exe, "--portable", "demo", "--households", "2"], env=env, cwd=tmp_path)  # the option
    assert _households(beside / "register.sqlite3") == 2 and not xdg.exists()

    run([exe, "demo", "--households", "1"], env=env, cwd=tmp_path)  # neither: the user's data folder
    assert _households(xdg / "FieldApp" / "register.sqlite3") == 1
    assert _households(beside / "register.sqlite3") == 2


def test_frozen_app_migrates_an_older_register_and_backs_it_up(release: Release, tmp_path: Path) -> None:
    if SCHEMA_VERSION < 2:
        pytest.skip("there is no previous schema version yet")
    source = registers.demo_register(tmp_path / "demo")
    path = tmp_path / "old" / "register.sqlite3"
    path.parent.mkdir()
    before = registers.previous_version_register(path, migrate.previous_revision(), source)
    result = run([release.exe, "--db", path, "demo", "--if-missing"], env=frozen_env(FIELDAPP_HOME=str(tmp_path / "h")),
                 cwd=tmp_path)
    assert "已有农户" in result.stdout
    assert registers.user_version(path) == SCHEMA_VERSION
    after = registers.project(path, before)
    assert {t: after[t]["rows"] for t in before if t != "alembic_version"} == {
        t: before[t]["rows"] for t in before if t != "alembic_version"}
    assert registers.dump(path.with_name(f"register.sqlite3.v{migrate.previous_revision()}.bak")) == before


# -- the .deb -------------------------------------------------------------------------------------

def _dpkg_installed(package: str = "fieldapp") -> bool:
    status = run(["dpkg-query", "-W", "-f=${Status}", package], check=False).stdout
    return "installed" in status and "not-installed" not in status and "config-files" not in status


def test_deb_metadata(release: Release) -> None:
    require_tool("dpkg-deb", "dpkg")
    if release.deb is None:
        pytest.skip("the release build made no .deb (--skip-deb)")
    fields = run(["dpkg-deb", "--field", release.deb, "Package", "Version", "Architecture", "Depends"]).stdout
    assert "Package: fieldapp" in fields and f"Version: {release.version}" in fields
    assert "libc6 (>= 2." in fields
    listing = run(["dpkg-deb", "--contents", release.deb]).stdout
    assert "./opt/fieldapp/_internal/fieldapp/store/migrations/env.py" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/fieldapp.svg" in listing
    assert "QtWebEngine" not in listing and "Qt6Quick" not in listing


def test_deb_installs_runs_upgrades_and_is_removed_cleanly(release: Release, tmp_path: Path) -> None:
    require_tool("dpkg", "dpkg")
    if release.deb is None:
        pytest.skip("the release build made no .deb (--skip-deb)")
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root (CI runs as root)")
    if _dpkg_installed() or Path("/opt/fieldapp").exists():
        pytest.skip("FieldApp is already installed on this machine: not touching it")
    home = tmp_path / "home"
    try:
        run(["dpkg", "-i", release.deb], timeout=600)
        assert Path("/usr/bin/fieldapp").resolve() == Path("/opt/fieldapp/fieldapp")
        desktop = Path("/usr/share/applications/fieldapp.desktop").read_text(encoding="utf-8")
        assert "Name[zh_CN]=驻村帮扶工作台" in desktop and "Icon=fieldapp" in desktop
        assert Path("/usr/share/icons/hicolor/256x256/apps/fieldapp.png").is_file()
        assert run(["fieldapp", "--version"], env=frozen_env()).stdout.strip() == f"FieldApp {release.version}"
        selftest = run(["/opt/fieldapp/fieldapp", "--self-test"], env=frozen_env(), cwd=tmp_path)
        assert "程序目录 /opt/fieldapp" in selftest.stdout and f"自检通过：{STEPS} 项全部通过" in selftest.stdout

        # a user's register, then a newer package over it
        run(["/usr/bin/fieldapp", "demo", "--households", "3"], env=frozen_env(FIELDAPP_HOME=str(home)), cwd=tmp_path)
        before = registers.dump(home / "register.sqlite3")
        newer = f"{release.version}+upgrade1"
        deb2 = run(["bash", ROOT / "installer/linux/build_deb.sh", release.bundle, newer, tmp_path / "deb2"],
                   env=dict(os.environ, DEB_COMPRESS="none"), timeout=600).stdout.strip().splitlines()[-1]
        run(["dpkg", "-i", deb2], timeout=600)
        assert run(["dpkg-query", "-W", "-f=${Version}", "fieldapp"]).stdout == newer
        run(["fieldapp", "demo", "--if-missing"], env=frozen_env(FIELDAPP_HOME=str(home)), cwd=tmp_path)
        assert registers.dump(home / "register.sqlite3") == before  # the upgrade kept the data untouched

        # what the program may leave at run time (byte-code caches) goes with it too
        stray = Path("/opt/fieldapp/_internal/fieldapp/store/migrations/versions/__pycache__/stray.pyc")
        stray.parent.mkdir(exist_ok=True)
        stray.write_bytes(b"")
        owned = run(["dpkg", "-L", "fieldapp"]).stdout.splitlines()
        run(["dpkg", "-r", "fieldapp"], timeout=600)
        assert not Path("/opt/fieldapp").exists()
        left = [p for p in owned if p.startswith("/opt/fieldapp") or (Path(p).is_file() or Path(p).is_symlink())]
        assert [p for p in left if os.path.lexists(p)] == []
        assert not os.path.lexists("/usr/bin/fieldapp")
        assert registers.dump(home / "register.sqlite3") == before  # users' data is never removed
        run(["dpkg", "--purge", "fieldapp"], timeout=600)
        assert not _dpkg_installed()
    finally:
        run(["dpkg", "--purge", "fieldapp"], check=False, timeout=600)


# -- NSIS -----------------------------------------------------------------------------------------

def test_nsis_check_made_a_windows_installer(release: Release) -> None:
    if release.nsis is None:
        pytest.skip("the release build skipped the NSIS check (--skip-nsis)")
    data = release.nsis.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data


def _placeholder(folder: Path) -> Path:
    (folder / "_internal").mkdir(parents=True)
    for name in ("fieldapp.exe", "fieldapp-gui.exe", "fieldapp-server.exe"):
        (folder / name).write_text("placeholder", encoding="utf-8")
    (folder / "_internal" / "占位.txt").write_text("placeholder", encoding="utf-8")
    return folder


def test_nsis_script_compiles_and_a_broken_payload_is_caught(tmp_path: Path) -> None:
    makensis = require_tool("makensis", "nsis")
    script = ROOT / "installer" / "windows" / "fieldapp.nsi"
    payload = _placeholder(tmp_path / "payload")
    out = tmp_path / "FieldApp-9.8.7-setup.exe"  # (a bare "setup.exe" is refused: Windows shims it)
    run([makensis, "-V2", "-WX", "-DVERSION=9.8.7", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}", script])
    assert out.read_bytes()[:2] == b"MZ" and out.stat().st_size > 50_000
    missing = run([makensis, "-V2", "-WX", "-DVERSION=9.8.7", f"-DPAYLOAD={tmp_path / 'nothing'}",
                   f"-DOUTFILE={tmp_path / 'bad.exe'}", script], check=False)
    assert missing.returncode != 0 and not (tmp_path / "bad.exe").exists()
    text = script.read_text(encoding="utf-8-sig")
    for needed in ('RequestExecutionLevel user', '!insertmacro MUI_LANGUAGE "SimpChinese"', "$LOCALAPPDATA",
                   "$SMPROGRAMS", "WriteUninstaller", 'Section "Uninstall"'):
        assert needed in text
