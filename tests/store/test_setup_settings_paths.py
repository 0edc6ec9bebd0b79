"""First-start setup, device identity, the app context, settings and data paths."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.money import yuan_to_fen
from fieldapp.services import identity
from fieldapp.services.context import AppContext, NotSetUpError, open_context
from fieldapp.services.setup import SetupInfo, cadres, run_setup, seed_thresholds, villages
from fieldapp.settings import REGISTRY, SETTINGS_VERSION, Settings, SettingsError
from tests.store.util import count

GOOD = SetupInfo(district="商州区", town="北宽坪镇", villages=["东村", " 西村 ", ""], cadre_name=" 王伟 ",
                 cadre_unit="区国土资源局", cadre_phone="0914-1234567", district_code="611002")


# ------------------------------------------------------------------ setup


def test_setup_refuses_bad_input_with_field_keys(bare_ctx: AppContext) -> None:
    bad = SetupInfo(district=" ", town="", villages=["东村", "东村 "], cadre_name="", cadre_phone="123",
                    district_code="61100")
    with pytest.raises(ValidationError) as info:
        run_setup(bare_ctx, bad)
    assert set(info.value.problems) == {"district", "town", "villages", "cadre_name", "cadre_phone", "district_code"}
    assert info.value.problems["villages"] == "村名重复"
    assert not bare_ctx.paths.identity.exists()  # nothing was created
    assert count(bare_ctx.db, "area") == 0 and count(bare_ctx.db, "change_log") == 0
    assert not bare_ctx.is_set_up
    with pytest.raises(ValidationError) as info:
        run_setup(bare_ctx, SetupInfo(district="a", town="b", villages=[" "], cadre_name="c"))
    assert info.value.problems == {"villages": "请至少填写一个村"}


def test_setup_creates_identity_areas_cadre_thresholds_and_settings(bare_ctx: AppContext) -> None:
    ctx = bare_ctx
    assert not ctx.is_set_up
    with pytest.raises(NotSetUpError, match="首次设置"):
        ctx.writer  # noqa: B018
    run_setup(ctx, GOOD)
    assert ctx.is_set_up
    folder = ctx.paths.identity
    for name in ("signing.pem", "agreement.pem"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert json.loads((folder / "identity.json").read_text())["device_id"] == ctx.identity.device_id  # type: ignore[union-attr]
    assert [name for _, name in villages(ctx)] == ["东村", "西村"]
    assert cadres(ctx) == [(ctx.settings["cadre_id"], "王伟")]
    assert ctx.cadre_name == "王伟"
    assert ctx.writer.actor.user_name == "王伟" and ctx.writer.actor.device_id == ctx.identity.device_id  # type: ignore[union-attr]
    levels = dict(ctx.db.engine.connect().exec_driver_sql("SELECT name, level FROM area").all())
    assert levels == {"商州区": "district", "北宽坪镇": "town", "东村": "village", "西村": "village"}
    assert count(ctx.db, "threshold") == len(ctx.ref.thresholds)
    assert ctx.db.scalar("SELECT amount FROM threshold WHERE kind = 'poverty_line' AND year = 2016 "
                         "AND area_code = '000000'") == 295200
    saved = json.loads(ctx.paths.settings.read_text(encoding="utf-8"))
    assert saved["_version"] == SETTINGS_VERSION
    assert saved["district_code"] == "611002" and saved["town_name"] == "北宽坪镇"
    assert saved["village_ids"] == [v for v, _ in villages(ctx)]
    # every row written by the setup is in the change log, under the new device
    assert count(ctx.db, "change_log") == count(ctx.db, "area") + count(ctx.db, "cadre") + count(ctx.db, "threshold")
    assert count(ctx.db, "change_log", "origin != :d", d=ctx.identity.device_id) == 0  # type: ignore[union-attr]


def test_thresholds_are_seeded_once(ctx: AppContext) -> None:
    logs = count(ctx.db, "change_log")
    with ctx.writer.transaction() as txn:
        assert seed_thresholds(ctx, txn) == 0
    assert count(ctx.db, "change_log") == logs
    expected = {yuan_to_fen(t.amount_yuan) for t in ctx.ref.thresholds}
    assert {r[0] for r in ctx.db.engine.connect().exec_driver_sql("SELECT amount FROM threshold")} == expected


def test_context_reopens_set_up(ctx: AppContext) -> None:
    device = ctx.identity.device_id  # type: ignore[union-attr]
    cadre = ctx.settings["cadre_id"]
    ctx.close()
    again = open_context(paths.resolve())
    try:
        assert again.is_set_up
        assert again.identity is not None and again.identity.device_id == device
        assert again.settings["cadre_id"] == cadre
        assert again.cadre_name == "王伟"
    finally:
        again.close()


# ------------------------------------------------------------------ identity


def test_identity_round_trip_and_refusals(tmp_path: Path) -> None:
    folder = tmp_path / "device"
    assert identity.load(folder) is None
    made = identity.create(folder, device_id="dev-1")
    loaded = identity.load(folder)
    assert loaded is not None
    assert (loaded.device_id, loaded.public_signing(), loaded.public_agreement()) == (
        "dev-1", made.public_signing(), made.public_agreement())
    with pytest.raises(identity.IdentityError, match="已存在"):
        identity.create(folder)


@pytest.mark.parametrize("damage", ["no_key", "bad_pem", "no_device_id", "not_json", "list"])
def test_damaged_identity_is_an_identity_error(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "device"
    identity.create(folder)
    meta = folder / "identity.json"
    if damage == "no_key":
        (folder / "agreement.pem").unlink()
    elif damage == "bad_pem":
        (folder / "signing.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----\n")
    elif damage == "no_device_id":
        meta.write_text(json.dumps({"signing": "x"}))
    elif damage == "not_json":
        meta.write_text("{")
    else:
        meta.write_text("[1]")
    with pytest.raises(identity.IdentityError):
        identity.load(folder)


def test_swapped_keys_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "device"
    identity.create(folder)
    signing = (folder / "signing.pem").read_bytes()
    (folder / "signing.pem").write_bytes((folder / "agreement.pem").read_bytes())
    (folder / "agreement.pem").write_bytes(signing)
    with pytest.raises(identity.IdentityError, match="类型"):
        identity.load(folder)


# ------------------------------------------------------------------ settings


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    for key, spec in REGISTRY.items():
        assert settings[key] == spec.default
    assert not (tmp_path / "settings.json").exists()


def test_save_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.json"
    settings = Settings.load(path)
    settings["language"] = "zh-Hant"
    settings["page_size"] = 50
    settings["village_ids"] = ["a", "b"]
    settings["district_name"] = "商州区"
    settings.save()
    again = Settings.load(path)
    assert (again["language"], again["page_size"], again["village_ids"], again["district_name"]) == (
        "zh-Hant", 50, ["a", "b"], "商州区")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["_version"] == SETTINGS_VERSION and "商州区" in path.read_text(encoding="utf-8")  # readable UTF-8
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


def test_unknown_key_and_wrong_type_are_refused(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    with pytest.raises(SettingsError, match="unknown setting"):
        settings["colour"] = "red"
    for key, value in (("page_size", "200"), ("page_size", 1.5), ("page_size", True), ("village_ids", "a"),
                       ("language", 3), ("plate_fields", None)):
        with pytest.raises(SettingsError, match="must be"):
            settings[key] = value
    assert settings["page_size"] == 200
    with pytest.raises(KeyError):
        settings["colour"]


def test_wrong_types_in_the_file_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"_version": 1, "page_size": "many", "not_visited_days": True, "language": "en"}))
    settings = Settings.load(path)
    assert (settings["page_size"], settings["not_visited_days"], settings["language"]) == (200, 30, "en")


@pytest.mark.parametrize("content", ["{broken", "[1, 2]", '"text"', '{"_version": "abc"}', '{"_version": [1]}'])
def test_corrupt_file_is_moved_aside_and_defaults_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings = Settings.load(path)
    assert settings["page_size"] == 200
    broken = tmp_path / "settings.broken.json"
    assert broken.read_text(encoding="utf-8") == content
    assert not path.exists()
    settings.save()
    assert Settings.load(path)["page_size"] == 200


def test_newer_file_keeps_unknown_keys_and_its_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    newer = SETTINGS_VERSION + 3
    path.write_text(json.dumps({"_version": newer, "page_size": 77, "future_key": {"x": 1}}), encoding="utf-8")
    settings = Settings.load(path)
    assert settings["page_size"] == 77
    settings["language"] = "en"
    settings.save()
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["future_key"] == {"x": 1}
    assert raw["_version"] == newer  # not downgraded: the newer app must not re-run its upgrades
    assert raw["language"] == "en"


def test_older_file_is_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp import settings as settings_mod

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"pageSize": 25}), encoding="utf-8")  # version 0: no _version
    monkeypatch.setitem(settings_mod.UPGRADES, 0, lambda raw: {"page_size": raw.pop("pageSize"), **raw})
    settings = Settings.load(path)
    assert settings["page_size"] == 25
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"_version": SETTINGS_VERSION, "page_size": 25}


def test_list_defaults_are_not_shared(tmp_path: Path) -> None:
    first = Settings.load(tmp_path / "a.json")
    first["village_ids"].append("leak")
    first["plate_fields"].append("leak")
    assert Settings.load(tmp_path / "b.json")["village_ids"] == []
    assert first["plate_fields"] == []
    assert REGISTRY["village_ids"].default == []


# ------------------------------------------------------------------ paths


def test_fieldapp_home_is_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    data = paths.resolve()
    assert data.home == (tmp_path / "home").resolve()
    assert data.database == data.home / "register.sqlite3"
    assert data.settings == data.home / "settings.json"
    assert data.identity == data.home / "device"
    assert data.logs == data.home / "logs"
    assert data.refdata_overrides == data.home / "refdata"


def test_db_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    data = paths.resolve("elsewhere/other.sqlite3")
    assert data.database == (tmp_path / "elsewhere" / "other.sqlite3").resolve()
    assert data.home == (tmp_path / "home").resolve()  # only the database moves
    assert data.settings == data.home / "settings.json"


def test_db_override_opens_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    ctx = open_context(paths.resolve(tmp_path / "usb" / "village.sqlite3"))
    try:
        assert ctx.db.path == (tmp_path / "usb" / "village.sqlite3").resolve()
        assert ctx.db.path.is_file()
        assert not (tmp_path / "home" / "register.sqlite3").exists()
    finally:
        ctx.close()


def test_without_fieldapp_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    assert paths.resolve(portable=True).home == (paths.program_dir() / "FieldAppData").resolve()
    if not paths.is_portable():
        home = paths.resolve().home
        assert home.name == paths.APP_NAME
        assert home != (paths.program_dir() / "FieldAppData").resolve()
