"""Enrolment: one-time codes (hashed, expiring, single use), both sides pin the other's keys."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from fieldapp.server import registry
from fieldapp.server.storage import open_server_db
from fieldapp.services import identity as identity_mod
from fieldapp.sync import district, state
from fieldapp.sync.http_client import ENROL_PATH, sign_request
from tests.server.conftest import Backend, Laptop, ServerProcess


def test_a_fresh_laptop_enrols_and_pins_the_server(server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    village = "01900000-0000-7000-8000-000000000001"
    code = server.code("王伟", [village], "--ttl-hours", "2")
    lap = laptop("fresh")
    assert not (lap.home / "device").exists()
    out = lap.ok("enrol", server.url + "/", code.lower().replace("-", " "), "--name", "新笔记本")  # forgiving input
    assert "服务器指纹" in out
    _status, whoami, _ = server.admin("whoami")
    public = json.loads(whoami)
    with lap.ctx() as ctx:
        assert ctx.identity is not None
        assert ctx.settings["server_url"] == server.url and ctx.settings["server_device_id"] == public["device_id"]
        assert ctx.settings["village_ids"] == [village]
        with ctx.db.read() as conn:
            peer = state.peer(conn, public["device_id"])
        assert peer is not None and peer.scope is None
        assert (peer.signing_key, peer.agreement_key) == (public["signing"], public["agreement"])
        device_id = ctx.identity.device_id
        laptop_keys = (ctx.identity.public_signing(), ctx.identity.public_agreement())
    db = open_server_db(server.db_url, server.home)
    try:
        with db.read() as conn:
            device = registry.device(conn, device_id)
            peer = state.peer(conn, device_id)
            codes = conn.exec_driver_sql("SELECT code_hash, used_by FROM server_enrol_code").all()
    finally:
        db.close()
    assert device is not None and device.scope == [village] and device.cadre == "王伟" and device.name == "新笔记本"
    assert peer is not None and peer.scope == [village] and (peer.signing_key, peer.agreement_key) == laptop_keys
    assert codes == [(registry.hash_code(code), device_id)]  # only the hash is stored
    code_again, _err = lap.run("enrol", server.url, code)[0], None
    assert code_again == 1  # single use


def test_pinned_keys_cannot_be_swapped(server: ServerProcess, laptop: Callable[[str], Laptop],
                                       tmp_path: Path) -> None:
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    server_id = lap.setting("server_device_id")
    # Someone poses as the server (same id, other keys): the laptop refuses the enrolment answer.
    impostor = identity_mod.create(tmp_path / "impostor", device_id=server_id)
    with lap.ctx() as ctx:
        district.register_peer(ctx.db, district.public_identity(impostor), scope=None)  # as if pinned wrongly
    code, _out, err = lap.run("enrol", server.url, server.code("王伟", [east]))
    assert code == 1 and "密钥" in err
    # A second device claiming an enrolled device's id with other keys is refused by the server.
    with lap.ctx() as ctx:
        assert ctx.identity is not None
        twin = identity_mod.create(tmp_path / "twin", device_id=ctx.identity.device_id)
    body = json.dumps({"code": server.code("李四", [east]), "device": district.public_identity(twin)}).encode()
    resp = httpx.post(server.url + ENROL_PATH, content=body, headers=sign_request(twin, "POST", ENROL_PATH, body)
                      | {"Content-Type": "application/json"})
    assert resp.status_code == 409 and resp.json()["reason"] == "device-exists"


def test_enrolling_with_another_server_needs_replace(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                    tmp_path: Path, server_backend: Backend) -> None:
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    other = ServerProcess(tmp_path / "other-home", server_backend.url(tmp_path / "other")).start()
    try:
        code = other.code("王伟", [east])
        status, _out, err = lap.run("enrol", other.url, code)
        assert status == 1 and "另一台区县服务器" in err
        lap.ok("enrol", other.url, code, "--replace")
        assert lap.setting("server_url") == other.url
    finally:
        other.stop()


def test_expired_codes_and_revoked_devices_are_refused(server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    village = "01900000-0000-7000-8000-000000000002"
    db = open_server_db(server.db_url, server.home)
    try:
        with db.transaction() as conn:
            old, _expires = registry.create_code(conn, "王伟", [village], 1,
                                                 now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2))
    finally:
        db.close()
    lap = laptop("a")
    status, _out, err = lap.run("enrol", server.url, old)
    assert status == 1 and "过期" in err
    lap.ok("enrol", server.url, server.code("王伟", [village]))
    with lap.ctx() as ctx:
        assert ctx.identity is not None
        device_id = ctx.identity.device_id
    assert server.admin("revoke", device_id)[0] == 0
    status, _out, err = lap.run("enrol", server.url, server.code("王伟", [village]))
    assert status == 1 and "吊销" in err
    status, out, _ = server.admin("devices")
    assert "已吊销" in out


def test_enrol_code_needs_known_or_valid_villages(server: ServerProcess) -> None:
    status, _out, err = server.admin("enrol-code", "--cadre", "王伟", "--villages", "不存在的村")
    assert status == 1 and "找不到村" in err
    status, _out, err = server.admin("enrol-code", "--cadre", "王伟", "--villages", ",")
    assert status == 1 and "至少" in err
    status, _out, err = server.admin("enrol-code", "--cadre", "王伟", "--villages",
                                     "01900000-0000-7000-8000-000000000003", "--ttl-hours", "0")
    assert status == 1 and "有效期" in err


@pytest.mark.parametrize("years", [73, -30])
def test_enrolment_under_a_wrong_clock_corrects_itself(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                      monkeypatch: pytest.MonkeyPatch, years: int) -> None:
    """The laptop believes it is 2099 (or 1996): enrolment learns the server's time, as sync does."""
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + years * 365 * 86400)
    lap = laptop("skewed")
    east, _west = lap.setup()
    out = lap.ok("enrol", server.url, server.code("王伟", [east]))
    assert "服务器指纹" in out
    assert lap.setting("server_url") == server.url
    lap.ok("sync", "now")
