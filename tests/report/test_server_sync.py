"""A full week's summary from a village laptop to the district server, through the real ``fieldapp`` commands
and HTTP sync: the team leader generates, signs and prints it; the server holds it, verifies its code and
rolls it up per town and district with the other village flagged missing; a township laptop sees the same."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import httpx
import pytest

from fieldapp.domain import report as rules
from fieldapp.store.models import CheckIn, Visit, VisitCadre
from tests.helpers.people import PASSWORD
from tests.printing import pdftools
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household

pytest_plugins = ["tests.server.conftest"]


def _as(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    monkeypatch.setenv("FIELDAPP_USER", who)
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)


def test_a_weeks_summary_goes_up_and_is_rolled_up_with_a_missing_village_flagged(
        server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    week = rules.previous(rules.WEEKLY, dt.date.today())  # the last whole week: it can be reported today
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    village = laptop("village")
    east, west = village.setup()
    with village.ctx() as c:
        me = c.settings["cadre_id"]
        homes = [add_household(c, east, f"东户{n}", cadre_id=me) for n in "甲乙丙"]
        with c.writer.transaction() as txn:  # every day of the week in 东村: 3 visits, 4 check-ins
            for n, day in enumerate(week.first + dt.timedelta(days=i) for i in range(7)):
                if n < 3:
                    vid = txn.insert(Visit, {"village_id": east, "household_id": homes[n], "date": day,
                                             "type": "01", "found": "了解收入", "done": "讲解政策"})
                    txn.insert(VisitCadre, {"visit_id": vid, "cadre_id": me, "household_id": homes[n], "date": day})
                else:
                    txn.insert(CheckIn, {"cadre_id": me, "village_id": east, "date": day, "entered_on": day})
    village.ok("enrol", server.url, server.code("王伟", [east, west], "--role", "leader"), "--name", "东村笔记本")
    _as(monkeypatch, "王伟")
    pdf = village.home.parent / "weekly.pdf"
    shown = village.ok("report", "weekly", "--village", "东村", "--period", week.text, "--narrative",
                       "本周走访 3 户，在村 7 天。", "--sign", "--out", str(pdf))
    assert "入户走访（户次）：3" in shown and "在村天数 王伟：7" in shown and "已签字上报" in shown
    printed = "".join(pdftools.text(pdf).split())
    assert "东村周汇总" in printed and "本周走访3户，在村7天。" in printed
    code = re.search(r"验证码：([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z])", printed)
    assert code is not None
    assert "同步完成" in village.ok("sync", "now")

    # the district: the summary arrived by ordinary sync, its printed code checks, the roll-up flags 西村
    status, out, err = server.admin("verify", code.group(1))
    assert status == 0, err
    assert "周汇总或月更新" in out and "东村 周汇总" in out and "一致" in out
    got = httpx.get(f"{server.url}/admin/api/reports", params={"period": week.text}, timeout=10).json()
    states = {v["village"]: (v["state"], v["flagged"]) for v in got["villages"]}
    assert states["西村"] == ("missing", True)
    assert states["东村"][0] in ("on_time", "late")  # late only when this runs after the due Monday
    by_level = {t["level"]: t for t in got["totals"]}
    assert by_level["town"]["name"] == "北宽坪镇" and by_level["district"]["name"] == "商州区"
    for t in by_level.values():
        assert (t["villages"], t["reported"], t["missing"], t["visits"], t["households_visited"],
                t["cadre_days"]) == (2, 1, 1, 3, 3, 7)
    page = httpx.get(f"{server.url}/admin/reports", params={"period": week.text}, timeout=10).text
    assert "汇总上报" in page and "西村" in page and "未上报" in page and "<script" not in page
    assert "汇总上报" in httpx.get(f"{server.url}/admin", timeout=10).text
    bad = httpx.get(f"{server.url}/admin/reports", params={"period": "2026-W77"}, timeout=10)
    assert bad.status_code == 200 and "没有第 77 周" in bad.text

    # a township laptop of both villages sees the villages' summaries and the same roll-up
    township = laptop("township")
    township.ok("enrol", server.url, server.code("乡审", [east, west], "--role", "township"), "--name", "乡镇笔记本")
    _as(monkeypatch, "乡审")
    township.ok("sync", "now")
    rc, out, err = township.run("report", "rollup", "weekly", "--period", week.text, "--out",
                                str(township.home.parent / "rollup.pdf"))
    assert rc == 3, err  # a village flagged
    assert "西村：※ 未上报" in out and "北宽坪镇：1/2 村已签字上报" in out and "走访 3 户次" in out
    rolled = "".join(pdftools.text(township.home.parent / "rollup.pdf").split())
    assert "周汇总汇总情况" in rolled and "西村" in rolled
