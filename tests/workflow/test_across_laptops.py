"""A whole identification and a whole exit across a village laptop, a township reviewer's laptop and a district
approver's laptop, all syncing with the real district server over HTTP, through the real ``fieldapp`` commands.

The identification: the village applies, deliberates (a recorded meeting), verifies and posts the first 公示;
the township reviews and posts the second; an objection received at the village during it reaches the
reviewer's laptop by sync and blocks their pass until they handle it; the district approves and announces.
The exit: the team leader proposes (the exit gate), the village deliberates, verifies, the household agrees,
the 公示 runs; the township checks; the district sends it back (退回) to the township, which checks again;
the district approves and announces. Every laptop ends with the same derived state and the district server
verifies the signatures printed and given."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.services.signoff import keys
from fieldapp.services.workflow import service
from fieldapp.store.models import Person
from tests.helpers.people import PASSWORD, logged_in
from tests.printing import pdftools
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count
from tests.workflow.conftest import DAY, T0, set_economy, write_image

pytest_plugins = ["tests.server.conftest"]
HOUR = 3_600_000
LEADER, COMMITTEE, TOWNSHIP, DISTRICT = "王伟", "孙主任", "乡审", "区审"


class Clock:
    """The decisions' clock: days pass between the steps (a 公示 runs its 7 days)."""

    def __init__(self) -> None:
        self.ms = T0

    def __call__(self) -> int:
        return self.ms

    def day(self) -> str:
        return dt.datetime.fromtimestamp(self.ms / 1000).date().isoformat()

    def later(self, days: int = 0, hours: int = 0) -> None:
        self.ms += days * DAY + hours * HOUR


@dataclass
class District:
    """The three laptops on one server; ``as_`` picks whose password the next commands use."""

    server: ServerProcess
    village: Laptop
    township: Laptop
    district: Laptop
    villages: list[str]
    monkeypatch: pytest.MonkeyPatch

    def as_(self, who: str) -> None:
        self.monkeypatch.setenv("FIELDAPP_USER", who)
        self.monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)

    def sync(self, laptop: Laptop, who: str) -> None:
        self.as_(who)
        assert "同步完成" in laptop.ok("sync", "now")


def _district(server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch,
              make_households: Callable[[Laptop, str], None]) -> District:
    """A village laptop (its households made by ``make_households`` before any account exists), the township
    reviewer's and the district approver's laptops, each enrolled with the server and synced once."""
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    village = laptop("village")
    east, west = village.setup()
    make_households(village, east)
    d = District(server, village, laptop("township"), laptop("district"), [east, west], monkeypatch)
    village.ok("enrol", server.url, server.code(LEADER, [east, west], "--role", "leader"), "--name", "村里的笔记本")
    d.as_(LEADER)
    village.ok("people", "add", COMMITTEE, "--role", "committee")
    for machine, who, role in ((d.township, TOWNSHIP, "township"), (d.district, DISTRICT, "district")):
        machine.ok("enrol", server.url, server.code(who, [east, west], "--role", role), "--name", f"{who}的笔记本")
    return d


def _notice(laptop: Laptop, kind: str, step: str, day: str) -> str:
    """The notice of the households at ``step`` printed (signed, with its QR code) and posted on ``day``;
    returns the verification code printed on it."""
    pdf = laptop.home / f"notice-{kind}-{step}.pdf"
    issued = laptop.ok("print", "notice", "--workflow", kind, "--step", step, "--start", day,
                       "--contact", "村委会 王主任 0914-2345678", "--out", str(pdf))
    laptop.ok("workflow", "notice", "post", issued.split("workflow notice post ")[1].split()[0], "--on", day)
    found = re.search(r"验证码：([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z])", "".join(pdftools.text(pdf).split()))
    assert found is not None
    return found.group(1)


def _signed_code(out: str) -> str:
    return next(line.split("验证码 ")[1].strip() for line in out.splitlines() if "验证码 " in line)


def _meeting(laptop: Laptop, village: str, day: str, hid: str) -> str:
    return laptop.ok("workflow", "deliberation", "add", "--village", village, "--date", day, "--present", "25",
                     "--for", "22", "--against", "1", "--households", hid).split("--meeting ")[1].strip()


def _verified(server: ServerProcess, code: str, *shown: str) -> None:
    """The district server checks a printed or given code: the signature holds and names what was signed."""
    status, out, err = server.admin("verify", code)
    assert status == 0, err + out
    assert "签名有效" in out and all(s in out for s in shown), out


def _identification_in_the_village(d: District, clock: Clock, hid: str) -> tuple[str, str]:
    """Application, 评议 (a recorded meeting), verification and the first 公示, then synced; returns the codes of
    the 评议 decision and of the notice."""
    village = d.village
    d.as_(LEADER)
    village.ok("workflow", "start", "identification", hid)
    village.ok("workflow", "decide", hid, "01", "pass", "--reason", "户主提交书面申请")
    d.as_(COMMITTEE)
    meeting = _meeting(village, d.villages[0], clock.day(), hid)
    deliberated = _signed_code(village.ok("workflow", "decide", hid, "02", "pass", "--meeting", meeting))
    d.as_(LEADER)
    village.ok("workflow", "decide", hid, "03", "pass")
    first_notice = _notice(village, "identification", "04", clock.day())
    clock.later(days=8)
    village.ok("workflow", "decide", hid, "04", "pass", "--reason", "公示期满，无异议")
    d.sync(village, LEADER)
    return deliberated, first_notice


def _objection_across_laptops(d: District, clock: Clock, hid: str) -> None:
    """The township reviews and posts the second 公示; the village records an objection received during it;
    after syncing, the objection blocks the reviewer's pass on their laptop until they handle it there."""
    village, township = d.village, d.township
    d.sync(township, TOWNSHIP)
    assert "05 乡镇审核" in township.ok("workflow", "queue")
    clock.later(hours=2)
    township.ok("workflow", "decide", hid, "05", "pass", "--reason", "材料齐全")
    second_day = clock.day()
    _notice(township, "identification", "06", second_day)
    d.sync(township, TOWNSHIP)

    d.sync(village, LEADER)
    received = (dt.date.fromisoformat(second_day) + dt.timedelta(days=3)).isoformat()
    added = village.ok("workflow", "objection", "add", hid, "--from", "村民 李某", "--content", "该户有小轿车一辆",
                       "--received", received)
    objection = added.split("标识 ")[1].split("；")[0]
    d.sync(village, LEADER)

    d.sync(township, TOWNSHIP)
    clock.later(days=8)
    rc, _out, err = township.run("workflow", "decide", hid, "06", "pass")
    assert rc == 1 and "异议尚未办结" in err and "该户有小轿车一辆" in err
    township.ok("workflow", "objection", "handle", objection, "--result", "dismissed",
                "--handling", "入户核实：车辆为其兄所有，登记在其兄名下", "--on", clock.day())
    township.ok("workflow", "decide", hid, "06", "pass", "--reason", "异议经核实不成立，公示期满")
    d.sync(township, TOWNSHIP)


def test_an_identification_with_an_objection_across_the_village_the_township_and_the_district(
        server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(service, "now_ms", clock)
    made: dict[str, str] = {}

    def households(village: Laptop, east: str) -> None:
        with village.ctx() as c:
            made["hid"] = add_household(c, east, "东户甲", cadre_id=c.settings["cadre_id"])

    d = _district(server, laptop, monkeypatch, households)
    hid, district = made["hid"], d.district
    deliberated, first_notice = _identification_in_the_village(d, clock, hid)
    _objection_across_laptops(d, clock, hid)

    # the district approves and announces
    d.sync(district, DISTRICT)
    assert "07 县审批" in district.ok("workflow", "queue")
    clock.later(hours=3)
    approved = _signed_code(district.ok("workflow", "decide", hid, "07", "pass", "--reason", "同意纳入"))
    announcement = _notice(district, "identification", "08", clock.day())
    district.ok("workflow", "decide", hid, "08", "pass", "--reason", "公告并建档立卡")
    d.sync(district, DISTRICT)

    # every laptop derives the same finished state, the objection and its handling with it
    for machine, who in ((d.village, LEADER), (d.township, TOWNSHIP), (district, DISTRICT)):
        d.sync(machine, who)
        shown = machine.ok("workflow", "show", hid)
        assert "已完成" in shown, (who, shown)
        assert "06 第二次公示：通过，乡审（乡镇审核）" in shown and "08 公告并建档立卡：通过，区审（区县审批）" in shown
        assert "异议不成立（入户核实：车辆为其兄所有" in shown
    assert count(server.home, server.db_url, "SELECT count(*) FROM workflow_step WHERE household_id = :h", h=hid) == 8
    assert count(server.home, server.db_url, "SELECT count(*) FROM objection WHERE result = 'dismissed'") == 1
    assert count(server.home, server.db_url, "SELECT count(*) FROM notice WHERE posted_on IS NOT NULL") == 3
    _verified(server, deliberated, "孙主任（村两委）", "02 村民代表大会民主评议 通过")
    _verified(server, first_notice, "04 第一次公示", "一致")
    # what the reviewers signed on their own laptops verifies at the district: their keys reached it
    _verified(server, approved, "区审（区县审批）", "07 县审批 通过")
    _verified(server, announcement, "08 公告")


def _exit_in_the_village(d: District, clock: Clock, hid: str, poor: str) -> tuple[str, str]:
    """The exit gate (refusing the household below the standard), 评议, verification, the household's consent
    and the 公示, then synced; returns the codes of the proposal and of the notice."""
    village = d.village
    d.as_(LEADER)
    candidates = village.ok("workflow", "candidates")
    assert "东户乙" in candidates and "东户丙" not in candidates
    village.ok("workflow", "start", "exit", poor)
    rc, _out, err = village.run("workflow", "decide", poor, "10", "pass")
    assert rc == 1 and "未高于当年退出标准" in err  # the gate: 2500元 a person is not above 3535元
    village.ok("workflow", "decide", poor, "10", "fail", "--reason", "收入未达标，暂不退出")
    village.ok("workflow", "start", "exit", hid)
    proposed = _signed_code(village.ok("workflow", "decide", hid, "10", "pass"))
    d.as_(COMMITTEE)
    meeting = _meeting(village, d.villages[0], clock.day(), hid)
    village.ok("workflow", "decide", hid, "01", "pass", "--meeting", meeting)
    d.as_(LEADER)
    village.ok("workflow", "decide", hid, "02", "pass", "--reason", "入户核实收入")
    scan = write_image(Path(tempfile.mkdtemp(prefix="scans-")) / "确认书.jpg")
    village.ok("workflow", "decide", hid, "03", "pass", "--reason", "户主签字认可脱贫确认书",
               "--attach", f"{scan}:confirmation")
    notice_code = _notice(village, "exit", "04", clock.day())
    clock.later(days=8)
    village.ok("workflow", "decide", hid, "04", "pass", "--reason", "公示期满，无异议")
    d.sync(village, LEADER)
    return proposed, notice_code


def _sent_back_and_checked_again(d: District, clock: Clock, hid: str) -> None:
    """The township checks; the district sends it back (退回) with a reason; after syncing the household is in
    the township reviewer's queue again with the 退回 in its history, and the reviewer checks it again."""
    township, district = d.township, d.district
    d.sync(township, TOWNSHIP)
    assert "11 乡镇核查" in township.ok("workflow", "queue")
    clock.later(hours=2)
    township.ok("workflow", "decide", hid, "11", "pass", "--reason", "入户核查属实")
    d.sync(township, TOWNSHIP)
    d.sync(district, DISTRICT)
    assert "12 区县审定" in district.ok("workflow", "queue")
    clock.later(days=1)
    rc, _out, err = district.run("workflow", "decide", hid, "12", "return")
    assert rc == 1 and "须写明原因" in err
    district.ok("workflow", "decide", hid, "12", "return", "--reason", "务工收入缺少用工单位证明")
    assert "12 区县审定" not in district.ok("workflow", "queue")
    d.sync(district, DISTRICT)
    d.sync(township, TOWNSHIP)
    assert "11 乡镇核查" in township.ok("workflow", "queue")
    assert "12 区县审定：退回，区审（区县审批），理由：务工收入缺少用工单位证明" in township.ok("workflow", "show", hid)
    clock.later(days=2)
    township.ok("workflow", "decide", hid, "11", "pass", "--reason", "已补充用工单位出具的收入证明")
    d.sync(township, TOWNSHIP)


def test_an_exit_sent_back_by_the_district_across_the_village_the_township_and_the_district(
        server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    monkeypatch.setattr(service, "now_ms", clock)
    made: dict[str, str] = {}

    def households(village: Laptop, east: str) -> None:
        with village.ctx() as c:
            made["hid"] = add_household(c, east, "东户乙", cadre_id=c.settings["cadre_id"])
            made["poor"] = add_household(c, east, "东户丙", cadre_id=c.settings["cadre_id"])
            # 2018's exit standard for 611002 ships with the reference data (3535元)
            set_economy(c, made["hid"], year=2018, wage_yuan=16_000)
            set_economy(c, made["poor"], year=2018, wage_yuan=5_000)

    d = _district(server, laptop, monkeypatch, households)
    hid, village, district = made["hid"], d.village, d.district
    proposed, notice_code = _exit_in_the_village(d, clock, hid, made["poor"])
    _sent_back_and_checked_again(d, clock, hid)

    # the district approves, announces, and the household has exited on every laptop
    d.sync(district, DISTRICT)
    clock.later(hours=4)
    approved = _signed_code(district.ok("workflow", "decide", hid, "12", "pass", "--reason", "材料齐全，同意退出"))
    _notice(district, "exit", "05", clock.day())
    district.ok("workflow", "decide", hid, "05", "pass")
    d.sync(district, DISTRICT)
    for machine, who in ((village, LEADER), (d.township, TOWNSHIP), (district, DISTRICT)):
        d.sync(machine, who)
        shown = machine.ok("workflow", "show", hid)
        assert "已完成" in shown and "12 区县审定：退回" in shown and "11 乡镇核查：通过" in shown, (who, shown)
    d.as_(LEADER)
    rc, _out, err = village.run("workflow", "start", "exit", hid)
    assert rc == 1 and "已脱贫" in err  # derived from the completed exit
    assert "东户乙" not in village.ok("workflow", "candidates")
    assert count(server.home, server.db_url, "SELECT count(*) FROM workflow_step WHERE household_id = :h", h=hid) == 10
    _verified(server, proposed, "10 对象确定 通过", "王伟（队长")
    _verified(server, notice_code, "04 公示", "一致")
    _verified(server, approved, "区审（区县审批）", "12 区县审定 通过")


def test_a_reviewer_s_key_reaches_the_district(server: ServerProcess, laptop: Callable[[str], Laptop],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The reviewers' accounts are the ones their enrolment codes name: the district takes each person, with
    the code's role, and their key from their own laptop; a village laptop that makes itself a township
    reviewer, or registers a key for the real one, is refused."""
    d = _district(server, laptop, monkeypatch, lambda _village, _east: None)
    d.sync(d.village, LEADER)
    d.sync(d.township, TOWNSHIP)
    d.sync(d.district, DISTRICT)
    for who, role in ((TOWNSHIP, "township"), (DISTRICT, "district")):
        assert count(server.home, server.db_url, "SELECT count(*) FROM signing_key k JOIN person p "
                     "ON p.id = k.person_id WHERE p.name = :n AND p.roles = :r", n=who, r=f'["{role}"]') == 1

    d.sync(d.village, LEADER)  # the village laptop now knows the reviewers
    c = logged_in(paths.DataPaths(d.village.home), LEADER)  # a doctored village laptop writes directly
    with c.writer.transaction() as txn:
        fake = txn.insert(Person, {"name": "假乡审", "roles": '["township"]', "village_ids": json.dumps(d.villages),
                                   "active": True})
        keys.register(txn, fake, keys.new_secret()[1])
        reviewer = txn.conn.exec_driver_sql("SELECT id FROM person WHERE name = ?", (TOWNSHIP,)).scalar()
        keys.register(txn, str(reviewer), keys.new_secret()[1])
    c.close()
    d.as_(LEADER)
    out = d.village.ok("sync", "now")
    assert "由区县统一维护" in out and "reviewer's key from another device" in out, out
    assert count(server.home, server.db_url, "SELECT count(*) FROM person WHERE name = '假乡审'") == 0
    assert count(server.home, server.db_url, "SELECT count(*) FROM signing_key k JOIN person p "
                 "ON p.id = k.person_id WHERE p.name = :n", n=TOWNSHIP) == 1
