"""The USB desk: laptops export to a stick, ``fieldapp-server ingest`` applies and writes replies,
the laptops import the replies, and they converge — with the same refusals as over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.services.demo import ensure_demo_district
from fieldapp.sync import district
from fieldapp.sync.package import read_header
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count, edit_household, server_dump, village_snapshot


def _pair(server: ServerProcess, laptop: Callable[[str], Laptop]) -> tuple[Laptop, Laptop, str, str]:
    a = laptop("a")
    east, west = a.setup()
    with a.ctx() as c:
        add_household(c, east, "李大山")
        add_household(c, east, "张小河")
    a.ok("enrol", server.url, server.code("王伟", [east, west]))  # enrolled at the office, then offline
    b = laptop("b")
    b.ok("enrol", server.url, server.code("赵敏", [east]))
    return a, b, east, west


def _recipients(stick: Path) -> list[str]:
    return [str(read_header(p.read_bytes())["recipient"]) for p in stick.glob("*.fapk")]


def _export(lap: Laptop, stick: Path) -> Path:
    server_id = lap.setting("server_device_id")
    out = lap.ok("sync", "export", "--to", str(stick), "--for", server_id)
    path = Path(out.strip().rsplit("：", 1)[1])
    assert path.parent == stick and ":" not in path.name
    return path


def test_two_laptops_converge_through_usb_ingest(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                 tmp_path: Path) -> None:
    a, b, east, _west = _pair(server, laptop)
    stick = tmp_path / "stick"
    with a.ctx() as ca:
        ensure_demo_district(ca.db, ca.paths.home)  # a second district peer: the server stays the default
    a.ok("sync", "export", "--to", str(stick))
    assert _recipients(stick) == [a.setting("server_device_id")]
    status, out, err = server.admin("ingest", str(stick))
    assert status == 0, err
    assert "应用" in out and "回复" in out
    b.ok("sync", "export", "--to", str(stick), "--for", b.setting("server_device_id"))
    assert server.admin("ingest", str(stick))[0] == 0  # A's package again: "before", not twice
    b.ok("sync", "import", str(stick))  # only what is addressed to B
    with a.ctx() as ca, b.ctx() as cb:
        assert village_snapshot(ca, east) == village_snapshot(cb, east) != {"household": [], "member": []}
        shared = village_snapshot(cb, east)["household"][0][0]
        edit_household(cb, shared, phone="13900000002")
        add_household(cb, east, "赵新户")
        edit_household(ca, shared, address="东村一组")
    for who in (a, b, a):
        _export(who, stick)
        status, out, err = server.admin("ingest", str(stick))
        assert status == 0, err
        who.ok("sync", "import", str(stick))
    with a.ctx() as ca, b.ctx() as cb:
        assert village_snapshot(ca, east) == village_snapshot(cb, east)
        assert len(village_snapshot(ca, east)["household"]) == 3
    with b.ctx() as cb:
        assert cb.identity is not None
        assert _recipients(stick).count(cb.identity.device_id) == 1  # earlier replies to B were superseded
    receipts = list(stick.glob("*receipt*.txt"))
    assert receipts and all(":" not in p.name for p in stick.iterdir())
    assert not list(stick.glob("*.part")) and not list(stick.glob(".*.tmp"))
    status, out, _ = server.admin("devices")
    assert "usb" in out


def test_ingest_refuses_revoked_unknown_and_out_of_scope(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                         tmp_path: Path) -> None:
    a, b, east, west = _pair(server, laptop)
    stick = tmp_path / "stick"
    with b.ctx() as cb:
        assert cb.identity is not None
        b_id = cb.identity.device_id
    # An unknown laptop that learnt the server's identity (its whoami) but never enrolled.
    stranger = laptop("stranger")
    stranger.setup()
    _status, whoami, _ = server.admin("whoami")
    with stranger.ctx() as cs:
        district.register_peer(cs.db, district.load_public(whoami.strip()), scope=None)
        server_id = district.load_public(whoami.strip())["device_id"]
        add_household(cs, cs.settings["village_ids"][0], "陌生户")
    stranger.ok("sync", "export", "--to", str(stick), "--for", server_id)
    _export(b, stick)
    assert server.admin("revoke", b_id)[0] == 0
    before = server_dump(server.home, server.db_url)
    status, out, err = server.admin("ingest", str(stick))
    assert status == 1
    assert "unknown-device" in err and "revoked" in err
    assert server_dump(server.home, server.db_url) == before
    assert b_id not in _recipients(stick), "a revoked device got a reply"
    # Out of scope: C is enrolled for 东村 only and writes into 西村 (it knows the village from the server).
    _export(a, stick)
    status, out, err = server.admin("ingest", str(stick))
    assert status == 1 and "unknown-device" in err  # the stranger's and B's packages are still on the stick
    c = laptop("c")
    c.ok("enrol", server.url, server.code("钱军", [east]))
    c.ok("sync", "now")  # the areas, 东村's households
    with c.ctx() as cc:
        add_household(cc, west, "越界户")
        add_household(cc, east, "本村户")
    _export(c, stick)
    status, out, _err = server.admin("ingest", str(stick))
    assert "拒绝" in out and "超出范围" in out
    assert count(server.home, server.db_url, "SELECT count(*) FROM household WHERE village_id = :v", v=west) == 0
    assert count(server.home, server.db_url, "SELECT count(*) FROM household WHERE village_id = :v", v=east) == 3
    with c.ctx() as cc:
        assert cc.identity is not None
        c_id = cc.identity.device_id
    receipts = [p.read_text(encoding="utf-8") for p in stick.glob("*receipt*.txt")]
    assert any(c_id in text and "out of scope" in text for text in receipts)
