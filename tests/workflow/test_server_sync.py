"""An identification across a village laptop, a township reviewer's laptop and the district server, through
the real ``fieldapp`` commands and HTTP sync: the village decides its steps, the reviewer finds the household
in their queue, decides and sends a 公示 back; the village sees it; the district verifies the signatures."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from fieldapp.services.workflow import service
from tests.helpers.people import PASSWORD
from tests.printing import pdftools
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count
from tests.workflow.conftest import DAY, T0

pytest_plugins = ["tests.server.conftest"]
HOUR = 3_600_000


class Clock:
    def __init__(self) -> None:
        self.ms = T0

    def __call__(self) -> int:
        return self.ms


def _as(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    monkeypatch.setenv("FIELDAPP_USER", who)
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)


def _day(clock: Clock) -> str:
    return dt.datetime.fromtimestamp(clock.ms / 1000).date().isoformat()


def _issue_and_post_the_notice(village: Laptop, day: str) -> str:
    """The 第一次公示 printed from the households at step 04 and posted; returns the code printed on it."""
    notice_pdf = village.home.parent / "notice.pdf"
    issued = village.ok("print", "notice", "--workflow", "identification", "--step", "04", "--start", day,
                        "--contact", "村委会 王主任", "--out", str(notice_pdf))
    notice_id = issued.split("workflow notice post ")[1].split()[0]
    village.ok("workflow", "notice", "post", notice_id, "--on", day)
    found = re.search(r"验证码：([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z])", "".join(pdftools.text(notice_pdf).split()))
    assert found is not None
    return found.group(1)


def test_an_identification_across_the_village_the_township_and_the_district(
        server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(service, "now_ms", clock)
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    village = laptop("village")
    east, west = village.setup()
    with village.ctx() as c:
        hid = add_household(c, east, "东户甲", cadre_id=c.settings["cadre_id"])
    village.ok("enrol", server.url, server.code("王伟", [east, west], "--role", "leader"), "--name", "村里的笔记本")
    _as(monkeypatch, "王伟")
    village.ok("people", "add", "孙主任", "--role", "committee")
    village.ok("workflow", "start", "identification", hid)
    village.ok("workflow", "decide", hid, "01", "pass")
    _as(monkeypatch, "孙主任")
    meeting = village.ok("workflow", "deliberation", "add", "--village", east, "--date", _day(clock), "--present", "21",
                         "--for", "19", "--against", "1", "--households", hid).split("--meeting ")[1].strip()
    signed = village.ok("workflow", "decide", hid, "02", "pass", "--reason", "代表 21 人，赞成 19 票",
                        "--meeting", meeting)
    code = next(line.split("验证码 ")[1].strip() for line in signed.splitlines() if "验证码 " in line)
    _as(monkeypatch, "王伟")
    village.ok("workflow", "decide", hid, "03", "pass")
    notice_code = _issue_and_post_the_notice(village, _day(clock))
    clock.ms += 8 * DAY
    village.ok("workflow", "decide", hid, "04", "pass")
    rc, _out, err = village.run("workflow", "decide", hid, "05", "pass")
    assert rc == 1 and "workflow.decide.township" in err
    assert "同步完成" in village.ok("sync", "now")

    reviewer = laptop("reviewer")
    reviewer.ok("enrol", server.url, server.code("乡审", [east, west], "--role", "township"), "--name", "乡审笔记本")
    _as(monkeypatch, "乡审")
    reviewer.ok("sync", "now")
    assert "05 乡镇审核" in reviewer.ok("workflow", "queue")
    clock.ms += HOUR
    assert "验证码" in reviewer.ok("workflow", "decide", hid, "05", "pass")
    clock.ms += 3 * DAY  # an objection upheld during the second 公示: sent back before its end
    reviewer.ok("workflow", "decide", hid, "06", "return", "--reason", "公示期间有群众反映收入不实")
    reviewer.ok("sync", "now")

    _as(monkeypatch, "王伟")
    village.ok("sync", "now")
    shown = village.ok("workflow", "show", hid)
    assert "05 乡镇审核：通过，乡审（乡镇审核），已签字" in shown
    assert "06 第二次公示：退回，乡审（乡镇审核），理由：公示期间有群众反映收入不实" in shown
    assert "当前步骤 05 乡镇审核" in shown
    assert count(server.home, server.db_url, "SELECT count(*) FROM workflow_step WHERE household_id = :h", h=hid) == 6
    assert count(server.home, server.db_url, "SELECT count(*) FROM signoff WHERE subject = 'workflow_step'") == 5
    status, out, err = server.admin("verify", code)
    assert status == 0, err
    assert "孙主任（村两委）" in out and "02 村民代表大会民主评议 通过" in out
    # the 公示 travelled as ordinary changes and its printed code checks at the district
    assert count(server.home, server.db_url, "SELECT count(*) FROM notice WHERE posted_on IS NOT NULL") == 1
    assert count(server.home, server.db_url, "SELECT count(*) FROM deliberation_household") == 1
    status, out, err = server.admin("verify", notice_code)
    assert status == 0, err
    assert "公示公告" in out and "04 第一次公示" in out and "王伟" in out and "一致" in out
