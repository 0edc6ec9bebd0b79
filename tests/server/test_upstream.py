"""Three levels with real server processes: laptop → district server → city server, and back down.

A laptop syncs with its district (a real uvicorn process on SQLite); the district enrols with the city (a
real process on SQLite, and on PostgreSQL where FIELDAPP_TEST_PG is set) as a child server for one of its
two villages, and syncs upward with ``fieldapp-server upstream sync``. A household field edited on the
laptop reaches the city with its value and clock; a target set at the city reaches the laptop through the
district; the other village's rows are refused at the city and recorded; a revoked child is refused; a
round cut off (the city down, or the reply lost after the city applied the upload) is resumed by the next
one, with nothing applied twice.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from fieldapp.server import upstream
from fieldapp.server.storage import open_server
from fieldapp.sync.http_client import SyncClient
from tests.server.conftest import Backend, Laptop, ServerProcess
from tests.server.test_dashboard_browser import CHROMIUM, chromium
from tests.server.util import add_household, count, edit_household


@dataclass
class World:
    city: ServerProcess
    district: ServerProcess
    laptop: Laptop
    east: str
    west: str
    home_east: str  # a household of 东村 (in the district's scope at the city)
    home_west: str  # a household of 西村 (outside it)
    device: str  # the laptop's device id


@pytest.fixture
def world(tmp_path: Path, server_backend: Backend, laptop: Callable[[str], Laptop]) -> Iterator[World]:
    city = ServerProcess(tmp_path / "city", server_backend.url(tmp_path / "city"),
                         extra=("--name", "商洛市服务器")).start()
    district = ServerProcess(tmp_path / "district", str(tmp_path / "district.sqlite3")).start()
    try:
        a = laptop("a")
        east, west = a.setup()
        with a.ctx() as c:
            assert c.identity is not None
            device = c.identity.device_id
            home_east = add_household(c, east, "李大山")
            home_west = add_household(c, west, "王西村")
        a.ok("enrol", district.url, district.code("王伟", [east, west]), "--name", "王伟的笔记本")
        assert "同步完成" in a.ok("sync", "now")
        # The city knows nothing of the district yet: the child server's code names its village by id.
        status, out, err = city.admin("enrol-code", "--server", "--villages", east, "--name", "商州区服务器")
        assert status == 0, err
        code = out.splitlines()[0].strip()
        status, out, err = district.admin("upstream", "enrol", city.url, code)
        assert status == 0, err
        assert "已加入上级服务器" in out and "指纹" in out
        yield World(city, district, a, east, west, home_east, home_west, device)
    finally:
        district.stop()
        city.stop()


def _up(world: World) -> str:
    status, out, err = world.district.admin("upstream", "sync")
    assert status == 0, err + out
    return out


def _row(server: ServerProcess, sql: str, **params: str) -> tuple[object, ...] | None:
    from fieldapp.server.storage import open_server_db

    db = open_server_db(server.db_url, server.home)
    try:
        with db.read() as conn:
            found = conn.exec_driver_sql(sql, tuple(params.values())).first()
        return tuple(found) if found is not None else None
    finally:
        db.close()


def test_three_levels_up_and_down_resumed_and_revoked(world: World) -> None:
    """One story (the servers start once): up and down, then a cut round resumed, then a revoked child."""
    _up_and_down(world)
    _cut_round_resumes_and_revoked_child_is_refused(world)


def _up_and_down(world: World) -> None:
    city, district, a = world.city, world.district, world.laptop
    out = _up(world)
    assert "上行同步完成" in out and "上级拒绝" in out  # 西村 is not the district's at the city
    assert count(city.home, city.db_url, "SELECT count(*) FROM household") == 1
    assert count(city.home, city.db_url, "SELECT count(*) FROM household WHERE id = :h", h=world.home_east) == 1
    assert count(city.home, city.db_url, "SELECT count(*) FROM household WHERE id = :h", h=world.home_west) == 0
    refused = count(city.home, city.db_url, "SELECT count(*) FROM sync_quarantine WHERE status = 'refused' "
                                            "AND (row_id = :h OR row_id = :v)", h=world.home_west, v=world.west)
    assert refused >= 2  # the household and its village: recorded, not applied
    # the area tree above the district's village came with it: a code by area name works now
    status, out, err = city.admin("enrol-code", "--server", "--scope", "北宽坪镇")
    assert status == 0 and "1 个村" in out, err

    # up: a household field edited on the laptop reaches the city with its clock
    with a.ctx() as c:
        edit_household(c, world.home_east, phone="13800000042")
    assert "同步完成" in a.ok("sync", "now")
    _up(world)
    sql = "SELECT phone, field_clocks FROM household WHERE id = ?"
    at_city, at_district = _row(city, sql, h=world.home_east), _row(district, sql, h=world.home_east)
    assert at_city is not None and at_district is not None
    assert at_city[0] == "13800000042"
    clocks = json.loads(str(at_city[1]))
    assert clocks["phone"] == json.loads(str(at_district[1]))["phone"] and clocks["phone"][1] == world.device
    logged = _row(city, "SELECT origin FROM change_log WHERE row_id = ? AND fields LIKE ?",
                  h=world.home_east, f="%13800000042%")
    assert logged == (world.device,)  # relayed with its origin (and chain) kept

    # down: a target set at the city reaches the laptop through the district
    status, out, err = city.admin("target-set", "--area", "东村", "--year", "2026", "--kind", "households_exit",
                                  "--value", "7")
    assert status == 0, err
    _up(world)
    target = "SELECT value FROM target WHERE area_id = ? AND year = 2026 AND kind = 'households_exit'"
    assert _row(district, target, a=world.east) == (7,)
    assert "同步完成" in a.ok("sync", "now")
    with a.ctx() as c:
        assert c.db.scalar("SELECT value FROM target WHERE area_id = :a", a=world.east) == 7  # type: ignore[call-overload]

    # the district writes a target outside its scope: refused at the city, recorded
    status, _out, err = district.admin("target-set", "--area", "西村", "--year", "2026", "--kind", "households_exit",
                                       "--value", "9")
    assert status == 0, err
    assert "上级拒绝 1 条" in _up(world)
    assert _row(city, "SELECT count(*) FROM target WHERE area_id = ?", a=world.west) == (0,)

    status, out, _err = district.admin("upstream", "status")
    assert status == 0, out
    assert city.url in out and "东村" in out and "待上传的修改：0 条" in out and "上次同步成功" in out
    # the parent sees its child
    status, out, _err = city.admin("devices", "--json")
    child = next(d for d in json.loads(out) if d["name"] == "商州区服务器")
    assert child["last_sync"] and child["kind"] == "server"
    page = httpx.get(city.url + "/admin", timeout=120).text
    assert "<h1>商洛市服务器</h1>" in page  # serve --name: the city's own name on its pages
    section = page[page.index('<h2 id="children">下级服务器</h2>'):page.index('<h2 id="devices">')]
    assert "商州区服务器" in section and "正常" in section and "被拒绝的修改" in section
    # listed in its own section only: the device table and the summary's count are the laptops' (none here)
    laptops = page[page.index('<h2 id="devices">'):page.index('<h2 id="villages">')]
    assert "商州区服务器" not in laptops and "（无）</td>" in laptops and '<a href="#devices">设备 0</a>' in page
    assert "下级服务器 1 台，均在一周内同步过" in httpx.get(city.url + "/dashboard", timeout=120).text
    shots = os.environ.get("FIELDAPP_SCREENSHOTS")
    if shots and CHROMIUM:  # for looking at the city's page; the DOM is checked above
        for name in ("admin", "dashboard"):
            chromium(Path(shots), f"--screenshot={Path(shots) / f'city-{name}.png'}", "--window-size=1366,700",
                     "--virtual-time-budget=5000", f"{city.url}/{name}")


def _cut_round_resumes_and_revoked_child_is_refused(world: World) -> None:
    city, district, a = world.city, world.district, world.laptop
    with a.ctx() as c:
        edit_household(c, world.home_east, phone="13800000001")
    a.ok("sync", "now")

    # the reply is lost after the city applied the upload: the next round sends again, nothing doubles
    server = open_server(district.db_url, district.home, log_to_file=False)
    try:
        state = upstream.load(server.home)
        assert state is not None
        with SyncClient(upstream.replica(server, state), state.url, state.parent_id) as client:
            prepared = client.prepare()
            assert prepared.changes >= 1
            client.exchange(prepared)  # the city commits; the district never applies the reply
    finally:
        server.close()
    # the city is down: nothing changes, the status says why, exit code 3
    city.stop()
    with a.ctx() as c:
        edit_household(c, world.home_east, address="东村二组")
    a.ok("sync", "now")
    status, _out, err = district.admin("upstream", "sync")
    assert status == 3 and "无法连接" in err
    status, out, _err = district.admin("upstream", "status")
    assert status == 3 and "上次错误" in out and "待上传的修改：0 条" not in out
    city.start()
    _up(world)
    row = _row(city, "SELECT phone, address FROM household WHERE id = ?", h=world.home_east)
    assert row == ("13800000001", "东村二组")
    doubles = _row(city, "SELECT count(*) - count(DISTINCT origin_seq) FROM change_log WHERE origin = ?",
                   o=world.device)
    assert doubles == (0,)
    assert "上传 0 条修改，收到 0 条" in _up(world)  # converged: an idle round moves nothing

    # on a schedule: the district started with --upstream-every sends the next edit by itself
    district.stop()
    district.extra = ("--upstream-every", "0.05")
    district.start()
    with a.ctx() as c:
        edit_household(c, world.home_east, phone="13800000077")
    a.ok("sync", "now")
    deadline = time.monotonic() + 90
    while _row(city, "SELECT phone FROM household WHERE id = ?", h=world.home_east) != ("13800000077",):
        assert time.monotonic() < deadline, f"the scheduled round did not run:\n{district.log()[-3000:]}"
        time.sleep(0.5)
    assert "每 0.05 分钟向上同步一次" in district.log()
    district.stop()  # the rest runs the CLI alone (a scheduled round would hold the round lock)

    # revoked at the city: refused, recorded in the status
    status, _out, err = city.admin("revoke", "商州区服务器", "--reason", "测试")
    assert status == 0, err
    status, _out, err = district.admin("upstream", "sync")
    assert status == 1 and "吊销" in err
    status, out, _err = district.admin("upstream", "status")
    assert status == 3 and "吊销" in out
