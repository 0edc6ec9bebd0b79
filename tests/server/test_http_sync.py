"""Two laptops enrol with a real server process and converge through it with ``fieldapp sync now``."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from fieldapp.services import syncing
from fieldapp.sync import review
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count, edit_household, village_snapshot


def _enrolled_pair(server: ServerProcess, laptop: Callable[[str], Laptop]) -> tuple[Laptop, Laptop, str, str]:
    """Laptop A (set up, two villages, households in both) and a fresh laptop B for 东村 only."""
    a = laptop("a")
    east, west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
        add_household(c, east, "张小河")
        add_household(c, west, "王西村")
    out = a.ok("enrol", server.url, server.code("王伟", [east, west]), "--name", "王伟的笔记本")
    assert "东村" not in out  # the server knew neither village before A's first sync: ids are shown
    assert "同步完成" in a.ok("sync", "now")
    b = laptop("b")
    out = b.ok("enrol", server.url, server.code("赵敏", ["东村"]), "--name", "赵敏的笔记本")  # by name, now known
    assert "东村" in out and "服务器指纹" in out
    assert b.setting("village_ids") == [east]  # a fresh laptop takes the granted villages
    out = b.ok("sync", "now")
    assert "同步完成" in out
    return a, b, east, west


def test_two_laptops_converge_through_the_server(server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    a, b, east, west = _enrolled_pair(server, laptop)
    with a.ctx() as ca, b.ctx() as cb:
        assert len(village_snapshot(cb, east)["household"]) == 2
        assert village_snapshot(cb, west)["household"] == []  # B holds only its village
        assert village_snapshot(ca, east) == village_snapshot(cb, east)
        shared = village_snapshot(ca, east)["household"][0][0]
        edit_household(ca, shared, phone="13800000001", note="甲写的")
        edit_household(cb, shared, address="东村三组", note="乙写的")  # note: a concurrent edit of one field
        add_household(cb, east, "赵新户")
        add_household(ca, west, "钱西户")
    for who in (a, b, a):
        assert "同步完成" in who.ok("sync", "now")
    with a.ctx() as ca, b.ctx() as cb:
        east_a, east_b = village_snapshot(ca, east), village_snapshot(cb, east)
        assert east_a == east_b, "the laptops did not converge"
        assert len(east_a["household"]) == 3
        row = next(r for r in east_a["household"] if r[0] == shared)
        assert "13800000001" in row and "东村三组" in row  # both edits of different fields survive
        assert len(village_snapshot(ca, west)["household"]) == 2 and village_snapshot(cb, west)["household"] == []
        conflicts = review.conflicts(syncing.replica_of(ca)) + review.conflicts(syncing.replica_of(cb))
        assert any(c["field"] == "note" for c in conflicts), "the concurrent edit of note was not surfaced"
    households = count(server.home, server.db_url, "SELECT count(*) FROM household")
    assert households == 5
    status, out, _ = server.admin("devices")
    assert status == 0 and "王伟的笔记本" in out and "赵敏的笔记本" in out and "http" in out
    status, out, _ = server.admin("villages")
    assert "东村" in out and "3 户" in out and "西村" in out and "2 户" in out


def test_idle_sync_sends_and_receives_nothing(server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:
    a, _b, _east, _west = _enrolled_pair(server, laptop)
    out = a.ok("sync", "now")
    out = a.ok("sync", "now")
    assert "上传 0 条修改，收到 0 条" in out
    _status, audit, _ = server.admin("audit", "--json", "--limit", "1")
    last = json.loads(audit)[0]
    assert last["action"] == "sync" and last["outcome"] == "ok" and last["detail"]["reply"] == 0


def test_admin_page_is_read_only_and_local_unless_token(server: ServerProcess,
                                                        laptop: Callable[[str], Laptop]) -> None:
    _enrolled_pair(server, laptop)
    page = httpx.get(server.url + "/admin")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for text in ("王伟的笔记本", "赵敏的笔记本", "各村数量", "东村", "隔离与拒绝的修改", "审计日志", "enrol", "sync"):
        assert text in page.text
    devices = httpx.get(server.url + "/admin/api/devices").json()
    assert {d["name"] for d in devices} == {"王伟的笔记本", "赵敏的笔记本"} and all(d["last_sync"] for d in devices)
    villages = {v["name"]: v for v in httpx.get(server.url + "/admin/api/villages").json()}
    assert villages["东村"]["households"] == 2 and villages["东村"]["devices"] == 2
    assert httpx.get(server.url + "/admin/api/audit").json()[0]["action"] == "sync"
    # Through a proxy (forwarding headers), the page wants the token.
    proxied = {"X-Forwarded-For": "203.0.113.9"}
    refused = httpx.get(server.url + "/admin", headers=proxied)
    assert refused.status_code == 401 and refused.json()["reason"] == "admin-only"
    assert "Basic" in refused.headers["www-authenticate"]
    _status, token, _ = server.admin("admin-token")
    token = token.strip()
    assert httpx.get(server.url + "/admin", headers=proxied, auth=("admin", token)).status_code == 200
    bearer = proxied | {"Authorization": f"Bearer {token}"}
    assert httpx.get(server.url + "/admin/api/devices", headers=bearer).status_code == 200
    assert httpx.get(server.url + "/admin", headers=proxied, auth=("admin", "wrong")).status_code == 401
    assert httpx.post(server.url + "/admin").status_code == 405  # read-only


@pytest.mark.parametrize("view", ["devices", "villages", "quarantine", "audit"])
def test_admin_cli_views_as_json(server: ServerProcess, view: str) -> None:
    status, out, err = server.admin(view, "--json")
    assert status == 0, err
    assert isinstance(json.loads(out), list)
