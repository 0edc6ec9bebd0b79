"""``fieldapp workflow`` on a demo laptop, as the demo's accounts: a full identification and a full exit,
the queue of each reviewer, the refusals in words (permission, first allowed day, exit standard)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.domain import workflow as rules
from fieldapp.services.workflow import service
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, cli_user, logged_in
from tests.workflow.conftest import DAY, T0, set_economy, write_image

ACCOUNTS = {"leader": DEMO_LEADER, "member": "李秀红", "committee": "惠志兵", "township": "乡镇审核员",
            "district": "区县审批员"}


class Clock:
    """The decisions' clock, moved on by the test (a 公示 takes days)."""

    def __init__(self) -> None:
        self.ms = T0

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def laptop(data_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    assert main(["demo", "--households", "4"]) == 0
    clock = Clock()
    monkeypatch.setattr(service, "now_ms", clock)
    yield clock


def _as(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    cli_user(monkeypatch, ACCOUNTS[role], DEMO_PASSWORD)


def _households(exit_status: str) -> list[str]:
    """The demo's households with this typed 脱贫状态 (1: 已脱贫, 3: 返贫)."""
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        with ctx.db.read() as conn:
            return [r[0] for r in conn.exec_driver_sql(
                "SELECT hh_no FROM household WHERE deleted = 0 AND exit_status = ? ORDER BY hh_no", (exit_status,))]
    finally:
        ctx.close()


def _meeting(capsys: pytest.CaptureFixture[str], clock: Clock, hh: str) -> str:
    """A 评议 meeting of the household's village deliberating it, recorded by the signed-in account."""
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        village = ctx.db.scalar("SELECT village_id FROM household WHERE hh_no = :h", h=hh)
    finally:
        ctx.close()
    capsys.readouterr()
    day = rules.day_of(clock.ms).isoformat()
    assert main(["workflow", "deliberation", "add", "--village", village, "--date", day, "--present", "15",
                 "--for", "14", "--against", "1", "--households", hh, "--summary", "举手表决"]) == 0
    return capsys.readouterr().out.split("--meeting ")[1].strip()


def _notice(capsys: pytest.CaptureFixture[str], clock: Clock, kind: str, step: rules.Step, out: Path) -> None:
    """Issue (and print) the notice of the households at a 公示 step, from today on the decisions' clock, and
    record its posting that day: its period then ends before the step's minimum days have passed."""
    capsys.readouterr()
    day = rules.day_of(clock.ms).isoformat()
    assert main(["print", "notice", "--workflow", kind, "--step", step.code, "--start", day,
                 "--contact", "村委会 13900000000", "--out", str(out)]) == 0, capsys.readouterr().err
    notice_id = capsys.readouterr().out.split("公示标识 ")[1].split("；")[0]
    assert main(["workflow", "notice", "post", notice_id[-8:], "--on", day]) == 0
    assert "已记录张贴" in capsys.readouterr().out


def _decide_all(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], clock: Clock, hh: str,
                steps: tuple[rules.Step, ...], *, kind: str, folder: Path) -> None:
    for step in steps:
        if step.notice:  # a 公示 passes once its notice was posted and its period is over
            _as(monkeypatch, step.role)
            _notice(capsys, clock, kind, step, folder / f"{kind}-{step.code}.pdf")
        clock.ms += step.min_days * DAY + 3_600_000
        _as(monkeypatch, step.role)
        meeting = ["--meeting", _meeting(capsys, clock, hh)] if step.deliberation else []
        assert main(["workflow", "queue"]) == 0
        assert hh in capsys.readouterr().out  # waiting for this role
        attach: list[str] = []
        if step.attachment:  # 户认可: refused without the photo of the signed 脱贫确认书
            assert main(["workflow", "decide", hh, step.code, "pass"]) == 1
            assert "须附上脱贫确认书（户认可）的照片" in capsys.readouterr().err
            photo = write_image(paths.resolve().home / "scans" / f"{hh}.jpg")
            attach = ["--attach", f"{photo}:confirmation", "--caption", "户主签字的脱贫确认书"]
        assert main(["workflow", "decide", hh, step.code, "pass", *meeting, *attach]) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert f"已通过：{step.code}" in out
        assert ("验证码" in out) == step.signature
        if step.signature:
            assert f"签字人 {ACCOUNTS[step.role]}" in out


def test_a_full_identification_and_a_full_exit_on_the_command_line(
        laptop: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hh, other = _households("1")[0], _households("3")[0]  # an exited household cannot exit again
    defs = rules.definitions()
    _as(monkeypatch, "member")
    assert main(["workflow", "start", "identification", hh]) == 0
    assert "当前步骤：01 农户申请" in capsys.readouterr().out
    _decide_all(monkeypatch, capsys, laptop, hh, defs.get("identification").steps, kind="identification",
                folder=tmp_path)
    assert main(["workflow", "show", hh]) == 0
    out = capsys.readouterr().out
    assert "精准识别（纳入）" in out and "已完成" in out and out.count("已签字，验证码") == 7
    assert "脱贫状态（由流程得出）：未脱贫" in out  # identified: the typed 已脱贫 no longer decides
    assert "惠志兵（村两委）" in out and "乡镇审核员（乡镇审核）" in out and "区县审批员（区县审批）" in out

    # the exit of the other household: it meets the standard once its 2018 income and indicators say so
    assert main(["workflow", "candidates"]) == 0
    out = capsys.readouterr().out  # the identified household's income is above the demo's exit standard
    assert other not in out and hh in out and "退出标准 4000.00 元" in out
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        from fieldapp.services.printing.common import resolve_household

        set_economy(ctx, resolve_household(ctx, other), year=2018, wage_yuan=20_000)
    finally:
        ctx.close()
    _as(monkeypatch, "leader")
    assert main(["workflow", "candidates"]) == 0
    out = capsys.readouterr().out
    assert other in out and "2018 年人均纯收入" in out and "退出标准 3535.00 元" in out
    assert main(["workflow", "start", "exit", other]) == 0
    capsys.readouterr()
    _decide_all(monkeypatch, capsys, laptop, other, defs.get("exit").steps, kind="exit", folder=tmp_path)
    assert main(["workflow", "show", other]) == 0
    out = capsys.readouterr().out
    assert "退出（脱贫）" in out and "已完成" in out and "越过退出标准" not in out
    assert "脱贫状态（由流程得出）：已脱贫" in out
    assert "附件：脱贫确认书（户认可）“户主签字的脱贫确认书”，640×480，校验值" in out
    _as(monkeypatch, "district")
    assert main(["workflow", "queue"]) == 0
    assert "没有等待本人决定的农户" in capsys.readouterr().out


def test_refusals_name_the_permission_the_day_and_the_failing_indicator(
        laptop: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    hh, exited = _households("3")[0], _households("1")[0]
    _as(monkeypatch, "leader")
    assert main(["workflow", "show", exited]) == 0
    assert "脱贫状态：已脱贫(享受政策)（导入的状态，不是逐级决定产生的）" in capsys.readouterr().out  # the demo's value
    assert main(["workflow", "start", "exit", exited]) == 1
    assert "该户已脱贫，不能再发起退出" in capsys.readouterr().err
    assert main(["workflow", "start", "return", hh]) == 1
    assert "该户未脱贫，不能发起返贫" in capsys.readouterr().err
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        from fieldapp.services.printing.common import resolve_household

        set_economy(ctx, resolve_household(ctx, hh), year=2018, wage_yuan=20_000, unmet=("water_quality",))
    finally:
        ctx.close()
    assert main(["workflow", "start", "exit", hh]) == 0
    assert main(["workflow", "decide", hh, "10", "pass"]) == 1
    err = capsys.readouterr().err
    assert "不符合退出标准" in err and "饮水安全：水质" in err and "未达到" in err and "--override" in err
    assert main(["workflow", "decide", hh, "10", "pass", "--override", "--reason", "已通自来水，待复测"]) == 0
    out = capsys.readouterr().out
    assert "已越过退出标准" in out and "验证码" in out
    _as(monkeypatch, "township")
    assert main(["workflow", "decide", hh, "01", "pass"]) == 1
    assert "workflow.decide.committee" in capsys.readouterr().err
    _as(monkeypatch, "committee")
    assert main(["workflow", "decide", hh, "01", "pass"]) == 1
    assert "须注明评议会议（--meeting" in capsys.readouterr().err
    assert main(["workflow", "decide", hh, "01", "pass", "--meeting", _meeting(capsys, laptop, hh)]) == 0
    _as(monkeypatch, "leader")
    assert main(["workflow", "decide", hh, "02", "pass"]) == 0
    _as(monkeypatch, "member")
    photo = write_image(paths.resolve().home / "scans" / "确认书.png", fmt="PNG")
    assert main(["workflow", "decide", hh, "03", "pass", "--attach", f"{photo}:confirmation"]) == 0
    _as(monkeypatch, "leader")
    assert main(["workflow", "decide", hh, "04", "pass"]) == 1
    first = (dt.datetime.fromtimestamp(laptop.ms / 1000).date() + dt.timedelta(days=7)).isoformat()
    assert f"{first} 起才能决定" in capsys.readouterr().err
    assert main(["workflow", "decide", hh, "04", "return"]) == 1
    assert "退回须写明原因" in capsys.readouterr().err
    assert main(["workflow", "decide", hh, "04", "return", "--reason", "户认可书未签名"]) == 0
    assert main(["workflow", "show", hh]) == 0
    out = capsys.readouterr().out
    assert "越过退出标准" in out and "已通自来水，待复测" in out and "退回，张建华" in out and "户认可书未签名" in out
    assert "[03 户认可（脱贫确认书）]" in out


def test_a_notice_printed_from_the_step_posted_objected_to_and_handled_on_the_command_line(
        laptop: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hh = _households("1")[0]
    _as(monkeypatch, "member")
    assert main(["workflow", "start", "identification", hh]) == 0
    _decide_all(monkeypatch, capsys, laptop, hh, rules.definitions().get("identification").steps[:3],
                kind="identification", folder=tmp_path)
    day = rules.day_of(laptop.ms)
    _as(monkeypatch, "leader")
    out = tmp_path / "notice.pdf"
    common = ["print", "notice", "--workflow", "identification", "--step", "04", "--start", day.isoformat(),
              "--contact", "村委会 王主任", "--out", str(out)]
    assert main([*common, "--days", "3"]) == 1
    assert "公示期 3 天太短：公示期不得少于 7 天" in capsys.readouterr().err and not out.exists()
    assert main(common) == 0
    printed = capsys.readouterr().out
    assert "1 户" in printed and "共 7 天" in printed and out.exists()
    notice = printed.split("workflow notice post ")[1].split()[0]
    assert main(common) == 1
    assert f"重新打印请用 --id {notice[-8:]}" in capsys.readouterr().err
    again = tmp_path / "again.pdf"
    assert main(["print", "notice", "--id", notice[-8:], "--out", str(again)]) == 0 and again.exists()
    assert "重新打印公示（1 户" in (reprinted := capsys.readouterr().out) and "workflow notice post" in reprinted
    assert main(["workflow", "queue"]) == 0
    assert "公示未张贴，不能通过" in capsys.readouterr().out  # no first day before the notice is posted
    laptop.ms += 8 * DAY
    assert main(["workflow", "decide", hh, "04", "pass"]) == 1  # the period as printed, but never posted
    assert f"公示 {notice[-8:]}" in (err := capsys.readouterr().err) and "尚未记录张贴日期" in err
    assert main(["workflow", "notice", "post", notice, "--on", day.isoformat()]) == 0
    capsys.readouterr()
    assert main(["print", "notice", "--id", notice[-8:], "--out", str(again)]) == 0
    assert f"已于 {day.isoformat()} 张贴" in (reprinted := capsys.readouterr().out) and "notice post" not in reprinted
    assert main(["workflow", "queue"]) == 0
    assert f"{(day + dt.timedelta(days=7)).isoformat()} 起可决定" in capsys.readouterr().out
    assert main(["workflow", "notice", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"{day.isoformat()} 张贴" in listed and "公示期已满" in listed  # the decisions' clock is months ago
    _as(monkeypatch, "member")
    assert main(["workflow", "objection", "add", hh, "--from", "村民 张某", "--content", "家里新盖了楼房",
                 "--received", (day + dt.timedelta(days=2)).isoformat()]) == 0
    objection = capsys.readouterr().out.split("标识 ")[1].split("；")[0]
    _as(monkeypatch, "leader")
    assert main(["workflow", "decide", hh, "04", "pass"]) == 1
    err = capsys.readouterr().err
    assert "1 条异议尚未办结" in err and objection[-8:] in err and "家里新盖了楼房" in err
    assert main(["workflow", "objection", "list", "--open"]) == 0
    assert objection in capsys.readouterr().out
    assert main(["workflow", "objection", "handle", objection, "--result", "dismissed",
                 "--handling", "入户核实：楼房为其兄所有"]) == 0
    assert "异议不成立" in capsys.readouterr().out
    assert main(["workflow", "decide", hh, "04", "pass"]) == 0
    assert main(["workflow", "show", hh]) == 0
    shown = capsys.readouterr().out
    assert "评议会议" in shown and f"异议 {objection[-8:]}" in shown
    assert "异议不成立（入户核实：楼房为其兄所有）" in shown


def test_monitoring_candidates_on_the_command_line(laptop: Clock, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    hh = _households("3")[0]
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        from fieldapp.services.printing.common import resolve_household

        hid = resolve_household(ctx, hh)
        set_economy(ctx, hid, year=2020, wage_yuan=1000)  # far below the 2020 line of 6000 元 a head
        persons = ctx.db.scalar("SELECT count(*) FROM member WHERE household_id = :h AND deleted = 0", h=hid)
    finally:
        ctx.close()
    _as(monkeypatch, "leader")
    capsys.readouterr()
    assert main(["workflow", "candidates", "--monitoring"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith(hh))
    assert f"2020 年人均纯收入 {1000 / persons:.2f} 元（监测线 6000.00 元）" in line
    assert "fieldapp workflow start monitoring" in out
    assert main(["workflow", "start", "monitoring", hh, "--category", "02", "--risk-type", "01"]) == 0
    capsys.readouterr()
    assert main(["workflow", "candidates", "--monitoring"]) == 0
    assert hh not in capsys.readouterr().out  # a workflow is running: no longer proposed


def test_several_households_decided_at_once_under_one_signature_on_the_command_line(
        laptop: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    found = _households("1")  # exited households, returning to poverty: the return workflow
    assert len(found) >= 3, found
    first, second, third = found[:3]
    returning = rules.definitions().get("return").steps
    assert [s.code for s in returning[:5]] == ["01", "02", "03", "04", "05"]
    for hh in (first, second, third):
        _as(monkeypatch, "member")
        assert main(["workflow", "start", "return", hh]) == 0
    for hh in (first, second):  # through 公示: 05 乡镇审核 waits
        _decide_all(monkeypatch, capsys, laptop, hh, returning[:4], kind="return", folder=tmp_path)
    laptop.ms += 3_600_000
    _as(monkeypatch, "township")
    # all or nothing: the third household is still at 01, so nobody is decided, and it is named
    assert main(["workflow", "decide", first, second, third, "05", "pass", "--reason", "材料齐全"]) == 1
    err = capsys.readouterr().err
    assert "批量决定未执行（3 户均未写入）" in err and third in err and "当前步骤是“农户申请或排查发现”" in err
    assert first not in err.split("——")[1]
    notes = tmp_path / "会议记录.txt"
    notes.write_text("不是图片", encoding="utf-8")
    assert main(["workflow", "decide", first, second, "05", "pass", "--attach", f"{notes}:minutes"]) == 1
    assert "附件“会议记录.txt”不是 JPEG 或 PNG 图片" in capsys.readouterr().err
    assert main(["workflow", "decide", first, second, "05", "pass", "--override"]) == 1
    assert "--override 只用于逐户决定" in capsys.readouterr().err
    minutes = write_image(tmp_path / "审核记录.jpg")
    assert main(["workflow", "decide", first, second, "05", "pass", "--reason", "材料齐全",
                 "--attach", f"{minutes}:minutes", "--caption", "乡镇审核会议记录"]) == 0
    out = capsys.readouterr().out
    assert "已通过 2 户：05 乡镇审核（理由：材料齐全）" in out and out.count("当前步骤 07 县审批") == 2
    assert "一个签字覆盖全部 2 户的决定：签字人 乡镇审核员（乡镇审核）" in out
    code = out.split("验证码 ")[1].split()[0]
    for hh in (first, second):
        assert main(["workflow", "show", hh]) == 0
        shown = capsys.readouterr().out
        assert ("05 乡镇审核：通过，乡镇审核员（乡镇审核），理由：材料齐全，"
                f"已签字（批量决定，一个签字覆盖 2 户），验证码 {code}") in shown
        assert "附件：会议记录“乡镇审核会议记录”" in shown
    assert main(["workflow", "show", third]) == 0
    assert "乡镇审核员" not in capsys.readouterr().out


def test_the_household_list_filters_by_workflow_and_step(
        laptop: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    hh = _households("3")[0]
    _as(monkeypatch, "member")
    assert main(["workflow", "start", "identification", hh]) == 0
    _decide_all(monkeypatch, capsys, laptop, hh, rules.definitions().get("identification").steps[:1],
                kind="identification", folder=Path(tempfile.mkdtemp()))
    capsys.readouterr()
    assert main(["household", "list", "--workflow", "identification", "--step", "02"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "共 1 户"
    line = out.splitlines()[0]
    assert line.startswith(hh) and "精准识别（纳入） · 村民代表大会民主评议" in line and "返贫（导入）" in line
    assert main(["household", "list", "--workflow", "identification", "--step", "03"]) == 0
    assert capsys.readouterr().out.strip() == "共 0 户"
    assert main(["household", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "共 4 户"
    assert main(["household", "list", "--step", "02"]) == 1
    assert "须与 --workflow 一起使用" in capsys.readouterr().err
    assert main(["household", "list", "--workflow", "exit", "--step", "99"]) == 1
    assert "没有步骤 99" in capsys.readouterr().err
