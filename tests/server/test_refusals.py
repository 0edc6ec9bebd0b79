"""Refusals over HTTP, each with its reason and the server's data unchanged: revoked and unknown devices,
out-of-scope writes, replayed, stale and tampered requests, a dropped upload, oversize and malformed bodies."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from fieldapp.services import identity as identity_mod
from fieldapp.services import syncing
from fieldapp.sync import service
from fieldapp.sync.http_client import ENROL_PATH, SYNC_PATH, sign_request
from tests.server.conftest import Backend, Laptop, ServerProcess
from tests.server.util import add_household, count, post_signed, server_dump


@dataclass
class World:
    server: ServerProcess
    a: Laptop  # enrolled for 东村 only, with households in both villages before enrolling
    east: str
    west: str

    def dump(self) -> str:
        return server_dump(self.server.home, self.server.db_url)

    def package(self) -> tuple[bytes, identity_mod.DeviceIdentity]:
        """A's next package for the server (after a new household in 东村), and A's identity."""
        with self.a.ctx() as c:
            add_household(c, self.east, "新来户")
            built = service.build_package(syncing.replica_of(c), c.settings["server_device_id"])
            assert c.identity is not None
            return built.data, c.identity


@pytest.fixture
def world(server: ServerProcess, laptop: Callable[[str], Laptop]) -> World:
    a = laptop("a")
    east, west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
        add_household(c, west, "王西村")
    a.ok("enrol", server.url, server.code("王伟", [east]))
    # The server holds 西村 from elsewhere in real life; here A's first sync is refused for it (out of scope).
    a.ok("sync", "now")
    return World(server, a, east, west)


def test_revoked_device_is_refused_and_nothing_changes(world: World) -> None:
    status, _out, err = world.server.admin("revoke", "no-such-device")
    assert status == 1 and "找不到设备" in err
    with world.a.ctx() as c:
        device_id = c.identity.device_id if c.identity else ""
    status, out, err = world.server.admin("revoke", device_id[:8], "--reason", "笔记本丢失")
    assert status == 0 and "已吊销" in out, err
    assert count(world.server.home, world.server.db_url, "SELECT count(*) FROM sync_peer WHERE device_id = :d",
                 d=device_id) == 0  # no longer a peer: it holds back no tombstone purge
    before = world.dump()
    data, ident = world.package()
    resp = post_signed(world.server.url, ident, data)
    assert resp.status_code == 403 and resp.json()["reason"] == "revoked"
    code, _out, err = world.a.run("sync", "now")
    assert code == 1 and "吊销" in err
    assert world.dump() == before
    _s, audit, _e = world.server.admin("audit", "--json")
    assert {(a["action"], a["outcome"], a["reason"]) for a in json.loads(audit)} >= {
        ("revoke", "ok", None), ("sync", "refused", "revoked")}


def test_unknown_device_is_refused(world: World, tmp_path: Path) -> None:
    stranger = identity_mod.create(tmp_path / "stranger")
    before = world.dump()
    resp = post_signed(world.server.url, stranger, b"FAPK anything")
    assert resp.status_code == 401 and resp.json()["reason"] == "unknown-device"
    assert httpx.post(world.server.url + SYNC_PATH, content=b"x").json()["reason"] == "missing-auth"
    assert world.dump() == before


def test_out_of_scope_changes_are_refused_reported_and_not_applied(world: World) -> None:
    west_before = count(world.server.home, world.server.db_url, "SELECT count(*) FROM household WHERE village_id = :v",
                        v=world.west)
    assert west_before == 0  # A's first sync was already refused for 西村
    with world.a.ctx() as c:
        add_household(c, world.west, "越界户")
        add_household(c, world.east, "本村户")
    out = world.a.ok("sync", "now")
    assert "服务器拒绝" in out and "超出" in out
    assert count(world.server.home, world.server.db_url, "SELECT count(*) FROM household WHERE village_id = :v",
                 v=world.west) == 0
    assert count(world.server.home, world.server.db_url, "SELECT count(*) FROM household WHERE village_id = :v",
                 v=world.east) == 2
    _s, quarantine, _e = world.server.admin("quarantine", "--json")
    refused = [q for q in json.loads(quarantine) if q["status"] == "refused"]
    assert refused and all(("district-owned" if q["tbl"] in ("area", "threshold") else "out of scope") in q["reason"]
                           for q in refused)


def test_district_wide_tables_are_written_by_the_district_only(world: World) -> None:
    """A village laptop's new village, threshold and cadre rows and its edits of them are refused, reported back
    and listed on the admin page; the areas and cadre its enrolment grants were taken from it once."""
    from fieldapp.domain.ids import natural_id
    from fieldapp.store.models import Area, Cadre, Threshold

    server = world.server
    # Its first sync brought the granted village (by id), its town and district, and the enrolled cadre.
    assert count(server.home, server.db_url, "SELECT count(*) FROM area WHERE id = :v", v=world.east) == 1
    assert count(server.home, server.db_url, "SELECT count(*) FROM area WHERE level IN ('town', 'district')") == 2
    assert count(server.home, server.db_url, "SELECT count(*) FROM area WHERE id = :v", v=world.west) == 0
    assert count(server.home, server.db_url, "SELECT count(*) FROM cadre WHERE name = '王伟'") == 1
    with world.a.ctx() as c:
        assert c.identity is not None
        laptop_device = c.identity.device_id
    assert count(server.home, server.db_url, "SELECT count(*) FROM threshold WHERE row_device = :d",
                 d=laptop_device) == 0  # the laptop's seeded copies were skipped, never taken as its writes
    with world.a.ctx() as c:
        town = c.db.scalar("SELECT id FROM area WHERE level = 'town'")
        cadre = c.settings["cadre_id"]
        line = c.db.scalar("SELECT id FROM threshold WHERE kind = 'poverty_line' ORDER BY year DESC LIMIT 1")
        with c.writer.transaction() as txn:
            txn.put(Area, natural_id("area", "南村"), {"level": "village", "name": "南村", "parent_id": town})
            txn.update(Area, world.east, {"name": "东村（改）"})
            txn.update(Threshold, str(line), {"amount": 1})
            txn.put(Cadre, natural_id("cadre", "冒名"), {"name": "冒名干部", "role": "leader"})
            txn.update(Cadre, str(cadre), {"role": "admin"})
    tables = "SELECT (SELECT count(*) FROM area) * 10000 + (SELECT count(*) FROM cadre) * 100 + " \
             "(SELECT count(*) FROM threshold)"
    before = count(server.home, server.db_url, tables)
    out = world.a.ok("sync", "now")
    assert "服务器拒绝" in out and "由区县统一维护" in out
    assert count(server.home, server.db_url, tables) == before  # nothing of it applied
    assert count(server.home, server.db_url, "SELECT count(*) FROM area WHERE name = '南村'") == 0
    assert count(server.home, server.db_url, "SELECT count(*) FROM area WHERE name = '东村'") == 1
    assert count(server.home, server.db_url, "SELECT count(*) FROM cadre WHERE name = '冒名干部'") == 0
    assert count(server.home, server.db_url, "SELECT count(*) FROM cadre WHERE role = 'admin'") == 0
    _s, quarantine, _e = server.admin("quarantine", "--json")
    district = [q for q in json.loads(quarantine) if q["status"] == "refused" and "district-owned" in q["reason"]]
    assert {q["tbl"] for q in district} == {"area", "threshold", "cadre"}
    assert {q["row_id"] for q in district} >= {natural_id("area", "南村"), world.east, str(line),
                                               natural_id("cadre", "冒名"), str(cadre)}
    page = httpx.get(server.url + "/admin").text
    assert "由区县统一维护" in page and "已拒绝（无权写入）" in page


def test_an_enrolled_laptop_is_told_before_editing_a_district_owned_threshold(world: World) -> None:
    """Thresholds are the district's: an enrolled laptop's ``thresholds set`` says so and saves nothing,
    instead of the edit being refused at the next sync."""
    with world.a.ctx() as c:
        before = c.db.scalar("SELECT count(*) FROM change_log")
    code, out, err = world.a.run("thresholds", "set", "--kind", "poverty_line", "--year", "2025", "--area",
                                 "611002", "--amount", "1", "--source", "本村")
    assert code == 1 and "由区县统一维护" in err + out and "没有保存" in err + out
    with world.a.ctx() as c:
        assert c.db.scalar("SELECT count(*) FROM change_log") == before
    # The district edits it on the server; the laptop gets the new value with its next sync.
    status, out, err = world.server.admin("thresholds-set", "--kind", "poverty_line", "--year", "2025", "--area",
                                          "611002", "--amount", "4321", "--source", "区县文件")
    assert status == 0, err
    world.a.ok("sync", "now")
    with world.a.ctx() as c:
        assert c.db.scalar("SELECT amount FROM threshold WHERE kind = 'poverty_line' AND year = 2025 "
                           "AND area_code = '611002' AND price_basis = 'current'") == 432100


def test_a_fresh_laptops_first_sync_refuses_none_of_its_shipped_thresholds(
        server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    """The server holds the shipped thresholds (same natural ids) as every laptop's setup seeds them: the
    laptop's identical copies are skipped, and the admin page shows no refusal after its first sync."""
    a = laptop("fresh")
    east, west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
        shipped = c.db.scalar("SELECT count(*) FROM threshold")
    assert shipped and count(server.home, server.db_url, "SELECT count(*) FROM threshold") == shipped
    a.ok("enrol", server.url, server.code("王伟", [east, west]))
    out = a.ok("sync", "now")
    assert "服务器拒绝" not in out
    _s, quarantine, _e = server.admin("quarantine", "--json")
    assert [q for q in json.loads(quarantine) if q["status"] == "refused"] == []
    assert "已拒绝（无权写入）" not in httpx.get(server.url + "/admin").text
    assert count(server.home, server.db_url, "SELECT count(*) FROM threshold") == shipped
    assert count(server.home, server.db_url, "SELECT count(*) FROM household") == 1


def test_replayed_and_stale_requests_are_refused(world: World) -> None:
    data, ident = world.package()
    headers = sign_request(ident, "POST", SYNC_PATH, data)
    first = httpx.post(world.server.url + SYNC_PATH, content=data, headers=headers)
    assert first.status_code == 200
    before = world.dump()
    again = httpx.post(world.server.url + SYNC_PATH, content=data, headers=headers)
    assert again.status_code == 401 and again.json()["reason"] == "replay"
    stale = post_signed(world.server.url, ident, data, now=time.time() - 3600)
    assert stale.status_code == 401 and stale.json()["reason"] == "stale-timestamp"
    assert abs(stale.json()["server_time"] - time.time()) < 60
    assert world.dump() == before


def test_a_laptop_with_a_wrong_clock_corrects_it_and_syncs(world: World) -> None:
    with world.a.ctx() as c:
        add_household(c, world.east, "钟表户")
        with syncing.client(c, clock=lambda: time.time() + 7200) as client:  # two hours fast
            outcome = client.sync_now()
        assert outcome.server["applied"] > 0 and abs(client.offset + 7200) < 60


def test_tampered_bodies_are_refused_and_nothing_changes(world: World) -> None:
    before = world.dump()
    data, ident = world.package()
    headers = sign_request(ident, "POST", SYNC_PATH, data)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    resp = httpx.post(world.server.url + SYNC_PATH, content=bytes(flipped), headers=headers)
    assert resp.status_code == 401 and resp.json()["reason"] == "bad-signature"
    cut = httpx.post(world.server.url + SYNC_PATH, content=data[:-100], headers=sign_request(
        ident, "POST", SYNC_PATH, data))
    assert cut.status_code == 401 and cut.json()["reason"] == "bad-signature"
    # Signed by the device over the tampered bytes: the package's own signature catches it.
    resp = post_signed(world.server.url, ident, bytes(flipped))
    assert resp.status_code == 400 and resp.json()["reason"] == "signature"
    garbage = post_signed(world.server.url, ident, b"not a package at all" * 10)
    assert garbage.status_code == 400 and garbage.json()["reason"] == "format"
    assert world.dump() == before


def _raw_upload_then_drop(url: str, headers: dict[str, str], body: bytes) -> None:
    host, port = url.removeprefix("http://").split(":")
    lines = [f"POST {SYNC_PATH} HTTP/1.1", f"Host: {host}", "Content-Type: application/octet-stream",
             f"Content-Length: {len(body)}", *[f"{k}: {v}" for k, v in headers.items()]]
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body[: len(body) // 2])
        time.sleep(0.2)
    # the socket is closed mid-body


def test_a_dropped_upload_applies_nothing_and_the_retry_completes(world: World) -> None:
    before = world.dump()
    data, ident = world.package()
    _raw_upload_then_drop(world.server.url, sign_request(ident, "POST", SYNC_PATH, data), data)
    assert httpx.get(world.server.url + "/api/v1/health").status_code == 200  # the server carries on
    assert world.dump() == before
    out = world.a.ok("sync", "now")
    assert "同步完成" in out
    assert count(world.server.home, world.server.db_url, "SELECT count(*) FROM household WHERE village_id = :v",
                 v=world.east) == 2


def test_a_retry_after_the_server_committed_gets_a_fresh_reply(world: World) -> None:
    data, ident = world.package()
    first = post_signed(world.server.url, ident, data)  # the laptop never saw this answer
    assert first.status_code == 200 and json.loads(first.headers["X-FieldApp-Import"])["applied"] > 0
    before = world.dump()
    second = post_signed(world.server.url, ident, data)  # same package, new request
    assert second.status_code == 200
    result = json.loads(second.headers["X-FieldApp-Import"])
    assert result["replay"] is True and result["applied"] == 0
    with world.a.ctx() as c:
        service.import_package(syncing.replica_of(c), second.content)  # a valid reply from the pinned server
    assert "上传 0 条修改" in world.a.ok("sync", "now")
    assert world.dump() != before  # only the exchange bookkeeping (last sync) moved


def test_enrolment_refusals(world: World, tmp_path: Path) -> None:
    server = world.server
    code = server.code("孙丽", ["东村"])
    fresh = identity_mod.create(tmp_path / "fresh")
    body = {"code": code, "device": {"device_id": fresh.device_id, "name": "x", "signing": fresh.public_signing(),
                                     "agreement": fresh.public_agreement()}}

    def enrol(payload: dict[str, object], ident: identity_mod.DeviceIdentity = fresh) -> httpx.Response:
        raw = json.dumps(payload).encode()
        return httpx.post(server.url + ENROL_PATH, content=raw, headers=sign_request(ident, "POST", ENROL_PATH, raw)
                          | {"Content-Type": "application/json"})

    assert enrol(body | {"code": "AAAA-BBBB-CCCC-DDDD"}).json()["reason"] == "bad-code"
    other = identity_mod.create(tmp_path / "other")
    assert enrol(body, other).json()["reason"] == "malformed-auth"  # signed by another device
    ok = enrol(body)
    assert ok.status_code == 200 and ok.json()["scope"] == [world.east] and ok.json()["villages"][0]["name"] == "东村"
    used = enrol(body)
    assert used.status_code == 403 and used.json()["reason"] == "code-used"
    bad = httpx.post(server.url + ENROL_PATH, content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad.status_code == 422
    short_key = enrol(body | {"device": body["device"] | {"signing": "AAAA"}})  # type: ignore[operator]
    assert short_key.status_code == 422


def test_oversize_bodies_get_413(tmp_path: Path, server_backend: Backend) -> None:
    small = ServerProcess(tmp_path / "small", server_backend.url(tmp_path), max_body_mb=1).start()
    try:
        big = b"x" * (2 * 1024 * 1024)
        declared = httpx.post(small.url + SYNC_PATH, content=big)
        assert declared.status_code == 413 and declared.json()["reason"] == "too-large"

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(big), 65536):
                yield big[start:start + 65536]

        streamed = httpx.post(small.url + SYNC_PATH, content=chunks())  # no Content-Length: counted while read
        assert streamed.status_code == 413
        assert httpx.post(small.url + ENROL_PATH, content=b"{" * 300_000,
                          headers={"Content-Type": "application/json"}).status_code == 413
    finally:
        small.stop()
