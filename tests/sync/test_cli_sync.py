"""``fieldapp sync …`` end to end: a laptop and a district data folder exchange through a "USB stick"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.services.context import AppContext, open_context
from fieldapp.services.demo import ensure_demo_district
from fieldapp.sync.district import DEMO_DISTRICT_NAME
from fieldapp.sync.package import read_header


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_laptop_and_district_exchange_through_a_stick(ctx: AppContext, make_household: Callable[..., str],
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    hid = make_household("李大山")
    laptop_home = ctx.paths.home
    district_home = tmp_path / "district"
    stick = tmp_path / "stick"

    monkeypatch.setenv(paths.ENV_HOME, str(district_home))
    code, district_json, _ = _run(capsys, "sync", "whoami", "--create", "--name", "区县")
    assert code == 0
    monkeypatch.setenv(paths.ENV_HOME, str(laptop_home))
    assert _run(capsys, "sync", "peer-add", district_json.strip())[0] == 0
    code, laptop_json, _ = _run(capsys, "sync", "whoami", "--name", "笔记本")
    villages = ",".join(ctx.settings["village_ids"])
    monkeypatch.setenv(paths.ENV_HOME, str(district_home))
    assert _run(capsys, "sync", "peer-add", laptop_json.strip(), "--scope", villages)[0] == 0

    monkeypatch.setenv(paths.ENV_HOME, str(laptop_home))
    code, out, _ = _run(capsys, "sync", "export", "--to", str(stick))
    assert code == 0
    (outgoing,) = stick.glob("*.fapk")
    assert ":" not in outgoing.name and read_header(outgoing.read_bytes())["counts"]["changes"] > 5

    monkeypatch.setenv(paths.ENV_HOME, str(district_home))
    code, out, err = _run(capsys, "sync", "import", str(stick), "--reply-to", str(stick))
    assert code == 0, err
    assert "应用" in out and "回复" in out
    district = open_context(paths.resolve())
    try:
        assert district.db.scalar("SELECT count(*) FROM household WHERE id = :h", h=hid) == 1
        assert district.db.scalar("SELECT head_name FROM household_list WHERE household_id = :h", h=hid) == "李大山"
    finally:
        district.close()
    code, out, err = _run(capsys, "sync", "import", str(outgoing))  # the same package again
    assert code == 1 and "replay" in err

    monkeypatch.setenv(paths.ENV_HOME, str(laptop_home))
    code, out, err = _run(capsys, "sync", "import", str(stick))  # only the reply is addressed to the laptop
    assert code == 0, err
    assert out.count("应用") == 1
    code, out, _ = _run(capsys, "sync", "status")
    assert "区县" in out and "待发送 0 条" in out


def test_demo_district_lets_a_fresh_laptop_export_at_once(ctx: AppContext, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    district = ensure_demo_district(ctx.db, ctx.paths.home)
    code, out, err = _run(capsys, "sync", "export", "--to", str(tmp_path / "usb"))
    assert code == 0, err
    assert DEMO_DISTRICT_NAME in out
    (package,) = (tmp_path / "usb").glob("*.fapk")
    assert read_header(package.read_bytes())["recipient"] == district.device_id
