"""The administrator's page answers their questions, over a real server process with five laptops: one revoked,
one writing outside its villages, two editing the same field of one household, one silent for ten days.

- devices: told apart by name and the tail of their ids, times in the server's zone (Asia/Shanghai), the silent
  one flagged and sortable, 待发给它 0 for a laptop that has just synced (not every change the server holds);
- villages: the last sync and the days behind;
- conflicts: both values, the household's 户编号 and head, both devices (``/admin/api/conflicts``, paged);
- quarantine: grouped with totals, paged, waiting for review first, 户编号 and record kinds in words;
- audit log in words; the JSON API's ``limit``, ``offset`` and filters; ``/`` in Chinese.

The page is also rendered by Chromium (its DOM, and a 1366×700 screenshot kept in ``FIELDAPP_SCREENSHOTS``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.server.conftest import Laptop, ServerProcess, free_port
from tests.server.test_dashboard_browser import CHROMIUM, chromium
from tests.server.util import add_household, edit_household

SILENT_DAYS = 10


@dataclass
class Admin:
    server: ServerProcess
    names: dict[str, str]  # laptop label -> its device id
    hh_no: str  # the household both conflicting laptops edited
    head: str


def _device_id(lap: Laptop) -> str:
    with lap.ctx() as c:
        assert c.identity is not None
        return c.identity.device_id


@pytest.fixture
def admin(tmp_path: Path, laptop: Callable[[str], Laptop]) -> Iterator[Admin]:
    server = ServerProcess(tmp_path / "server-home", str(tmp_path / "server.sqlite3"), port=free_port()).start()
    try:
        a = laptop("a")  # the village cadre: both villages
        east, west = a.setup()
        with a.ctx() as c:
            shared = add_household(c, east, "李大山", hh_no="611002900001")
            add_household(c, east, "张小河")
            add_household(c, west, "王西村")
        a.ok("enrol", server.url, server.code("王伟", [east, west]), "--name", "王伟的笔记本")
        a.ok("sync", "now")
        made: dict[str, Laptop] = {"a": a}
        for key, cadre in (("b", "赵敏"), ("c", "钱进"), ("e", "孙丽")):
            made[key] = laptop(key)
            made[key].ok("enrol", server.url, server.code(cadre, ["东村"]), "--name", f"{cadre}的笔记本")
            made[key].ok("sync", "now")
        # Out of scope: set up with both villages and households in both, enrolled for 东村 only.
        d = made["d"] = laptop("d")
        d_east, d_west = d.setup()
        with d.ctx() as c:
            add_household(c, d_west, "越界户")
            add_household(c, d_east, "周本村")
        d.ok("enrol", server.url, server.code("周强", [d_east]), "--name", "周强的笔记本")
        assert "服务器拒绝" in d.ok("sync", "now")
        # Two laptops edit one field of one household: a conflict on the server.
        for key, note in (("b", "赵敏写的"), ("c", "钱进写的")):
            with made[key].ctx() as c:
                edit_household(c, shared, note=note)
        made["b"].ok("sync", "now")
        made["c"].ok("sync", "now")
        ids = {key: _device_id(lap) for key, lap in made.items()}
        status, _out, err = server.admin("revoke", ids["e"], "--reason", "笔记本丢失")
        assert status == 0, err
        a.ok("sync", "now")  # A: just synced, after everybody else
    except BaseException:
        server.stop()
        raise
    server.stop()
    # Ten days of silence for B, and a backlog of quarantined changes: written into the stopped server's database
    # as the merge writes them (several thousand refused, a few waiting for review).
    with sqlite3.connect(tmp_path / "server.sqlite3") as db:
        db.execute(f"UPDATE server_device SET last_sync = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-{SILENT_DAYS} days')"
                   " WHERE device_id = ?", (ids["b"],))
        refused = db.execute("SELECT origin, tbl, row_id, change, reason, received_at FROM sync_quarantine "
                             "WHERE status = 'refused' AND tbl = 'household'").fetchone()
        assert refused is not None
        db.executemany("INSERT INTO sync_quarantine (origin, origin_seq, tbl, row_id, change, reason, received_at, "
                       "status) VALUES (?, ?, ?, ?, ?, ?, ?, 'refused')",
                       [(refused[0], 10_000 + i, *refused[1:]) for i in range(120)])
        missing = "记录不存在：收到修改但没有该记录的创建（record missing）"
        db.executemany("INSERT INTO sync_quarantine (origin, origin_seq, tbl, row_id, change, reason, received_at, "
                       "status) VALUES (?, ?, 'household', ?, ?, ?, ?, 'open')",
                       [(ids["d"], 20_000 + i, shared, '{"op": "update", "fields": {"note": "x"}}', missing,
                         refused[5]) for i in range(7)])
    again = ServerProcess(server.home, server.db_url, port=free_port()).start()
    yield Admin(again, ids, "611002900001", "李大山")
    again.stop()


def _get(admin: Admin, path: str, **params: object) -> httpx.Response:
    resp = httpx.get(admin.server.url + path, params={k: str(v) for k, v in params.items()}, timeout=60)
    assert resp.status_code == 200, resp.text
    return resp


def test_devices_are_told_apart_flagged_when_silent_and_counted_within_their_villages(admin: Admin) -> None:
    ids = admin.names
    devices = {d["device_id"]: d for d in _get(admin, "/admin/api/devices").json()}
    assert len(devices) == 5
    assert len({d["id_tail"] for d in devices.values()}) == 5  # the tails differ, the heads need not
    assert all(d["id_tail"] == d["device_id"][-8:] for d in devices.values())
    a, b, e = devices[ids["a"]], devices[ids["b"]], devices[ids["e"]]
    assert a["not_yet_sent"] == 0 and not a["stale"]  # just synced: nothing waits for it
    assert devices[ids["c"]]["not_yet_sent"] == 0  # 西村's changes are never for it
    assert b["stale"] and b["days_since_sync"] == SILENT_DAYS and b["not_yet_sent"] >= 1  # C's edit waits
    assert e["revoked_at"] and not e["stale"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", a["last_sync_local"])  # local time, no Z
    oldest = _get(admin, "/admin/api/devices", sort="last_sync").json()
    assert oldest[0]["device_id"] == ids["b"]  # the longest silent first
    assert [d["device_id"] for d in _get(admin, "/admin/api/devices", state="stale").json()] == [ids["b"]]
    paged = _get(admin, "/admin/api/devices", limit=2, offset=1)
    assert len(paged.json()) == 2 and paged.headers["x-total-count"] == "5"
    assert paged.headers["x-next-offset"] == "3"
    villages = [v for v in _get(admin, "/admin/api/villages").json() if v["households"]]
    assert villages and all(v["lag_days"] == 0 and not v["lagging"] and v["last_edit"] for v in villages)


def test_conflicts_are_listed_with_both_values(admin: Admin) -> None:
    ids = admin.names
    conflicts = _get(admin, "/admin/api/conflicts")
    rows = conflicts.json()
    assert conflicts.headers["x-total-count"] == str(len(rows)) and rows
    note = next(c for c in rows if c["field"] == "note")
    assert (note["hh_no"], note["head_name"], note["field_label"], note["table"]) == (admin.hh_no, admin.head,
                                                                                      "备注", "户")
    assert {note["winner"], note["loser"]} == {"赵敏写的", "钱进写的"}
    assert {note["winner_device"], note["loser_device"]} == {ids["b"], ids["c"]}
    assert "赵敏的笔记本" in note["winner_who"] + note["loser_who"]
    assert _get(admin, "/admin/api/conflicts", device=ids["a"][-8:]).json() == []
    assert _get(admin, "/admin/api/conflicts", device=ids["b"][-8:]).json()


def test_quarantine_is_grouped_paged_and_waiting_first(admin: Admin) -> None:
    quarantine = _get(admin, "/admin/api/quarantine", limit=10)
    rows = quarantine.json()
    total = int(quarantine.headers["x-total-count"])
    assert total >= 127 and len(rows) == 10 and quarantine.headers["x-next-offset"] == "10"
    assert [r["status"] for r in rows[:7]] == ["open"] * 7 and rows[7]["status"] == "refused"  # review first
    assert rows[0]["hh_no"] == admin.hh_no and rows[0]["head_name"] == admin.head and rows[0]["table"] == "户"
    assert rows[7]["hh_no"] and "out of scope" not in rows[7]["reason_text"] and "超出" in rows[7]["reason_text"]
    assert all(not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", r["reason_text"]) for r in rows)
    second = _get(admin, "/admin/api/quarantine", limit=10, offset=10).json()
    assert {r["id"] for r in second}.isdisjoint(r["id"] for r in rows)
    assert len(_get(admin, "/admin/api/quarantine", status="open", limit=1000).json()) == 7
    groups = _get(admin, "/admin/api/quarantine/groups").json()
    assert groups[0]["status"] == "open" and groups[0]["count"] == 7 and groups[0]["reason_group"] == "记录不存在"
    assert sum(g["count"] for g in groups) == total


def test_audit_in_words_api_filters_and_the_root_page(admin: Admin) -> None:
    ids = admin.names
    audit = _get(admin, "/admin/api/audit", limit=3)
    assert len(audit.json()) == 3 and int(audit.headers["x-total-count"]) > 3
    revoked = _get(admin, "/admin/api/audit", action="revoke").json()
    assert [(r["action_text"], r["outcome_text"]) for r in revoked] == [("吊销设备", "成功")]
    assert "原因 笔记本丢失" in revoked[0]["detail_text"]
    synced = _get(admin, "/admin/api/audit", action="sync", device=ids["a"][-8:]).json()
    assert synced and all(r["device_id"] == ids["a"] for r in synced) and "回复" in synced[0]["detail_text"]
    bad = httpx.get(admin.server.url + "/admin/api/audit", params={"limit": "0"})
    assert bad.status_code == 422 and "limit" in bad.json()["message"]
    assert httpx.get(admin.server.url + "/admin/api/audit", params={"colour": "red"}).status_code == 422
    home = httpx.get(admin.server.url + "/")
    assert home.status_code == 200 and 'href="/admin"' in home.text and 'href="/dashboard"' in home.text
    assert '<html lang="zh-Hans">' in home.text


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/bootstrap.sh installs it)")
def test_the_admin_page_in_chromium(tmp_path: Path, admin: Admin) -> None:
    page = f"{admin.server.url}/admin"
    dom = chromium(tmp_path, "--dump-dom", "--virtual-time-budget=5000", page).stdout
    assert "<title>管理 · " in dom and '"reason"' not in dom
    for text in ("超过一周未同步（10 天）", "已吊销", "时间为 Asia/Shanghai（北京时间）", "赵敏写的", "钱进写的",
                 admin.hh_no, "第 1–50 条，共 ", "待审", "记录不存在", "吊销设备", "网络同步", "成功"):
        assert text in dom, text
    for tail in (admin.names[k][-8:] for k in "abcde"):
        assert f"<td>{tail}</td>" in dom
    assert not re.search(r"\d\d:\d\d:\d\dZ", dom)  # no UTC stamps shown
    assert ">sync<" not in dom and ">ok<" not in dom and ">refused<" not in dom
    # The device table's first row after sorting by last sync is the silent laptop.
    devices = dom[dom.index('id="devices"'):dom.index('id="villages"')]
    assert devices.index("赵敏的笔记本") < devices.index("王伟的笔记本")
    newest = chromium(tmp_path, "--dump-dom", "--virtual-time-budget=5000", page + "?sort=last_sync&desc=1").stdout
    devices = newest[newest.index('id="devices"'):newest.index('id="villages"')]
    assert devices.index("王伟的笔记本") < devices.index("赵敏的笔记本")
    second = chromium(tmp_path, "--dump-dom", "--virtual-time-budget=5000", page + "?q_offset=50").stdout
    assert "第 51–100 条，共 " in second

    shots = Path(os.environ.get("FIELDAPP_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for name, url, height in (("admin.png", page, 700), ("admin-full.png", page, 3000),
                              ("home.png", f"{admin.server.url}/", 700)):
        shot = shots / name
        chromium(tmp_path, f"--screenshot={shot}", f"--window-size=1366,{height}", "--virtual-time-budget=5000",
                 url)
        assert Image.open(shot).size == (1366, height)
