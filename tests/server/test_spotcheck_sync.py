"""A whole spot check across a village laptop, a township reviewer's laptop and the district server.

Everything runs through the real front end (``fieldapp`` commands, logged in as each account) and
real HTTP sync: the reviewer draws and checks offline, the finding becomes a rectification on the
cadre's laptop and workbench, the cadre reports it done, the reviewer confirms it, and the district
holds the whole record and the same summary.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from fieldapp import paths
from fieldapp.server.storage import open_server_db
from fieldapp.services import workbench
from fieldapp.services.people.auth import login, open_for
from fieldapp.services.spotcheck import summary
from tests.helpers.people import PASSWORD
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count


def _as(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    monkeypatch.setenv("FIELDAPP_USER", who)
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)


def _laptops(server: ServerProcess, laptop: Callable[[str], Laptop],
             monkeypatch: pytest.MonkeyPatch) -> tuple[Laptop, Laptop, list[str]]:
    """The village laptop (王伟's, ten households in 东村) and the township reviewer's, both enrolled and synced."""
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    village = laptop("village")
    east, west = village.setup()
    with village.ctx() as c:
        cadre = c.settings["cadre_id"]
        homes = [add_household(c, east, f"东户{i}", cadre_id=cadre) for i in range(10)]
        add_household(c, west, "西户", cadre_id=cadre)
    assert "王伟" in village.ok("enrol", server.url, server.code("王伟", [east, west]), "--name", "村里的笔记本")
    _as(monkeypatch, "王伟")
    assert "同步完成" in village.ok("sync", "now")

    reviewer = laptop("reviewer")
    code = server.code("乡审", [east, west], "--role", "township")
    assert "乡审（township）" in reviewer.ok("enrol", server.url, code, "--name", "乡审笔记本")
    _as(monkeypatch, "乡审")
    reviewer.ok("sync", "now")
    return village, reviewer, homes


def _draw_and_check(server: ServerProcess, reviewer: Laptop, homes: list[str]) -> tuple[str, int]:
    """The reviewer draws 20% of 东村 and checks the first household: one item wrong. (rectification, items)"""

    # the draw: below the township's minimum is refused; the same seed draws the same sample
    code, _, err = reviewer.run("spotcheck", "draw", "--village", "东村", "--percent", "15", "--seed", "s1")
    assert code == 1 and "低于乡镇的最低比例 20%" in err
    out = reviewer.ok("spotcheck", "draw", "--village", "东村", "--percent", "20", "--seed", "s1")
    draw_id = re.search(r"抽样 (\S+)", out).group(1)  # type: ignore[union-attr]
    assert "种子：s1" in out and "抽样框：10 户" in out and "抽中 2 户" in out
    sample = re.findall(r"^\d+\t(\S+)\t", out, flags=re.M)
    assert len(sample) == 2 and set(sample) <= set(homes)
    verified = reviewer.ok("spotcheck", "redraw", draw_id)
    assert "复核通过" in verified and all(h in verified for h in sample)

    # the checklist: one item wrong, the others right
    items = [line.split("\t") for line in reviewer.ok("spotcheck", "show", draw_id).splitlines()]
    assert items[2][3] == "三、致贫原因" and items[2][1] == sample[0][:8]
    marked = reviewer.ok("spotcheck", "mark", items[2][0], "incorrect", "--note", "主要致贫原因应为因病")
    rect_id = re.search(r"整改任务 (\S+)：责任人 王伟", marked).group(1)  # type: ignore[union-attr]
    for line in items[:2] + items[3:8]:
        reviewer.ok("spotcheck", "mark", line[0], "correct")
    reviewer.ok("sync", "now")
    assert count(server.home, server.db_url, "SELECT count(*) FROM spotcheck_draw") == 1
    assert count(server.home, server.db_url, "SELECT count(*) FROM spotcheck_item") == len(items)
    assert count(server.home, server.db_url, "SELECT count(*) FROM rectification") == 1
    return rect_id, len(items)


def test_a_spot_check_from_draw_to_confirmed_rectification(server: ServerProcess, laptop: Callable[[str], Laptop],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    village, reviewer, homes = _laptops(server, laptop, monkeypatch)
    rect_id, _ = _draw_and_check(server, reviewer, homes)

    # the cadre's laptop: the rectification on the list and the workbench; only the reviewer confirms
    _as(monkeypatch, "王伟")
    village.ok("sync", "now")
    listed = village.ok("spotcheck", "rectifications")
    assert rect_id in listed and "待整改" in listed and "主要致贫原因应为因病" in listed
    data = paths.DataPaths(village.home)
    c = open_for(data, login(data, "王伟", PASSWORD))
    try:
        assert [r.id for r in workbench.load_workbench(c).rectifications.items] == [rect_id]
    finally:
        c.close()
    code, _, err = village.run("spotcheck", "confirm", rect_id)
    assert code == 1 and "下达并确认整改" in err
    assert "等待审核员确认" in village.ok("spotcheck", "done", rect_id, "--note", "已入户核实并改为因病")
    village.ok("sync", "now")

    _as(monkeypatch, "乡审")
    reviewer.ok("sync", "now")
    assert "按期" in reviewer.ok("spotcheck", "confirm", rect_id)
    reviewer.ok("sync", "now")
    _as(monkeypatch, "王伟")
    village.ok("sync", "now")
    assert "没有整改任务" in village.ok("spotcheck", "rectifications")
    assert "已确认" in village.ok("spotcheck", "rectifications", "--all")

    # the district holds the same record and summary as the reviewer
    db = open_server_db(server.db_url, server.home)
    try:
        assert db.scalar("SELECT count(*) FROM rectification_report") == 1
        assert db.scalar("SELECT count(*) FROM rectification WHERE confirmed_at IS NOT NULL") == 1
        total = summary.summary(db, today=dt.date.today()).total
    finally:
        db.close()
    assert (total.checked, total.incorrect, total.rectifications, total.closed, total.closed_on_time) == (8, 1, 1, 1, 1)
    _as(monkeypatch, "乡审")
    lines = reviewer.ok("spotcheck", "summary").splitlines()
    assert "东村\t8\t1\t12.5%\t1\t1\t1\t0" in lines and "王伟\t8\t1\t12.5%\t1\t1\t1\t0" in lines
