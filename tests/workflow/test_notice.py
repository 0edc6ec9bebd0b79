"""评议 meetings, 公示 made from a workflow step, objections: through the services and the real CLI, with the
notice's PDF read back (masked IDs, the period, the verification code that checks at the district)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain import notice as notice_rules
from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.printing.workflow_notice import render_workflow_notice
from fieldapp.services.signoff import service as signoff
from fieldapp.services.signoff import verify
from fieldapp.services.workflow import deliberation, notices, objections, service, store
from tests.workflow.conftest import DAY, T0, TEAM, hold_meeting, post_notice

HOUR = 3_600_000
CONTACT = "村委会办公室 王主任 13912345678"


def _to_notice(team: dict[str, AppContext], hids: list[str]) -> int:
    """Start identifications and pass 01–03 for the households, the 评议 in one meeting; returns the time
    step 04 (第一次公示) became current for all of them."""
    t = T0
    for hid in hids:
        service.start(team["member"], hid, "identification", at_ms=t)
    t += HOUR
    for hid in hids:
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=t)
    t += HOUR
    meeting = hold_meeting(team["committee"], hids, t)
    for hid in hids:
        service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting[-8:], at_ms=t)
    t += HOUR
    for hid in hids:
        service.decide(team["leader"], hid, "03", rules.PASS, at_ms=t)
    return t


def _pdf_text(path: Path) -> str:
    """The PDF's text without spaces and line breaks (a long line wraps anywhere)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def test_one_meeting_deliberates_several_households_and_each_decision_names_it(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hids = [make_household(n) for n in ("周长富", "刘桂兰", "王秀英")]
    outsider = make_household("另村户", village=1)
    with pytest.raises(notice_rules.NoticeError, match="多于到会代表"):
        hold_meeting(team["committee"], hids, T0, present=10, votes_for=9, votes_against=2)
    with pytest.raises(LookupError, match="不属于召开评议会议的村"):
        hold_meeting(team["committee"], [hids[0], outsider], T0)
    with pytest.raises(Exception, match=r"deliberation\.record"):
        hold_meeting(team["member"], hids, T0)
    for hid in hids:
        service.start(team["member"], hid, "identification", at_ms=T0)
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    with pytest.raises(notice_rules.NoticeError, match=r"须注明评议会议（--meeting"):
        service.decide(team["committee"], hids[0], "02", rules.PASS, at_ms=T0 + 2 * HOUR)
    other = hold_meeting(team["committee"], [hids[0]], T0 + 2 * HOUR)
    with pytest.raises(notice_rules.NoticeError, match="没有评议该户"):
        service.decide(team["committee"], hids[1], "02", rules.PASS, meeting_id=other, at_ms=T0 + 2 * HOUR)
    later = hold_meeting(team["committee"], hids, T0 + 3 * DAY)
    with pytest.raises(notice_rules.NoticeError, match="晚于本决定的日期"):
        service.decide(team["committee"], hids[1], "02", rules.PASS, meeting_id=later, at_ms=T0 + 2 * HOUR)
    meeting = hold_meeting(team["committee"], hids, T0 + 2 * HOUR)
    for hid in hids:
        made = service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
        assert made.decision.meeting_id == meeting
        assert signoff.problems(ctx.db, made.signature) == []
        assert f'"meeting_id":"{meeting}"' in made.signature.snapshot  # the signature covers the meeting
    shown = deliberation.get(ctx, meeting[-8:])
    assert sorted(h.household_id for h in shown.households) == sorted(hids)
    assert (shown.present_count, shown.votes_for, shown.votes_against) == (21, 19, 1)
    with pytest.raises(rules.WorkflowError, match="不是评议步骤"):
        service.decide(team["leader"], hids[0], "03", rules.PASS, meeting_id=meeting, at_ms=T0 + 3 * HOUR)


def test_a_notice_shorter_than_the_minimum_is_refused_naming_it(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("陈立新")
    t = _to_notice(team, [hid])
    start = rules.day_of(t)
    with pytest.raises(notice_rules.NoticeError, match="公示期 2 天太短：公示期不得少于 7 天"):
        notices.issue(team["leader"], "identification", "04", start=start, days=2, contact=CONTACT)
    with pytest.raises(rules.WorkflowError, match="不是公示或公告步骤"):
        notices.issue(team["leader"], "identification", "03", start=start, days=7, contact=CONTACT)
    with pytest.raises(notice_rules.NoticeError, match="没有处于"):
        notices.issue(team["leader"], "exit", "04", start=start, days=7, contact=CONTACT)
    with pytest.raises(Exception, match=r"notice\.issue"):
        notices.issue(team["member"], "identification", "04", start=start, days=7, contact=CONTACT)
    assert ctx.db.scalar("SELECT count(*) FROM notice") == 0


def test_a_notice_from_the_households_at_the_step_is_signed_posted_and_verifies(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    at_step = [make_household(n) for n in ("赵建国", "钱玉兰")]
    behind = make_household("孙志强")  # started but still at 01: not on the notice
    t = _to_notice(team, at_step)
    service.start(team["member"], behind, "identification", at_ms=t)
    start = rules.day_of(t) + dt.timedelta(days=1)
    made = notices.issue(team["leader"], "identification", "04", start=start, days=7, contact=CONTACT, at_ms=t)
    assert set(made.household_ids) == set(at_step) and behind not in made.household_ids
    assert (made.period_start, made.period_end, made.days) == (start, start + dt.timedelta(days=6), 7)
    out = render_workflow_notice(ctx, made, tmp_path / "notice.pdf")
    text = _pdf_text(out)
    assert "精准识别（纳入）名单第一次公示" in text
    assert f"{start.year}年{start.month}月{start.day}日至" in text and "（共7天）" in text
    assert "王主任13912345678" in text
    assert "赵建国" in text and "钱玉兰" in text and "孙志强" not in text
    assert not re.search(r"\d{17}", text)  # never a full ID number
    ids = [ctx.db.scalar("SELECT id_no FROM member WHERE household_id = :h AND relation = '01'", h=h) for h in at_step]
    assert all(i and i[:4] + "**********" + i[-4:] in text for i in ids)
    code = re.search(r"验证码：([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z])", text).group(1)
    record = signoff.latest(ctx.db, "notice", made.id)
    assert record is not None and record.code == code and record.person_name == TEAM["leader"]
    report = verify.check_code(ctx.db, code)
    assert len(report) == 1 and report[0].valid and report[0].matches is True
    assert "精准识别（纳入） 04 第一次公示" in report[0].subject and "2 户" in report[0].subject
    with pytest.raises(notice_rules.NoticeError, match=f"已签发的公示 {made.id[-8:]}.*--id"):
        notices.issue(team["leader"], "identification", "04", start=start, days=7, contact=CONTACT, at_ms=t + HOUR)
    with pytest.raises(notice_rules.NoticeError, match="晚于公示开始日"):
        notices.post(team["leader"], made.id, start + dt.timedelta(days=1))
    posted = notices.post(team["leader"], made.id[-8:], start)
    assert posted.posted_on == start and posted.posted_by_name == TEAM["leader"]
    with pytest.raises(notice_rules.NoticeError, match="已于"):
        notices.post(team["leader"], made.id, start)
    assert verify.check_code(ctx.db, code)[0].matches is True  # posting is not what was signed
    with ctx.writer.transaction() as txn:  # a changed period after signing shows at the district
        from fieldapp.store.models import Notice

        txn.update(Notice, made.id, {"period_end": start + dt.timedelta(days=3)})
    assert verify.check_code(ctx.db, code)[0].matches is False


def test_an_objection_blocks_the_pass_until_it_is_handled(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid, quiet = make_household("李德胜"), make_household("吴桂芳")
    t = _to_notice(team, [hid, quiet])
    start = rules.day_of(t)
    with pytest.raises(notice_rules.NoticeError, match="尚无公示"):
        objections.add(team["member"], hid, from_whom="村民甲", content="x", received_on=start)
    made = notices.issue(team["leader"], "identification", "04", start=start, days=7, contact=CONTACT, at_ms=t)
    notices.post(team["leader"], made.id, start)
    with pytest.raises(notice_rules.NoticeError, match="不在公示期"):
        objections.add(team["member"], hid, from_whom="村民甲", content="x", received_on=start + dt.timedelta(days=9))
    raised = objections.add(team["member"], hid, from_whom="村民 张某", content="该户有一辆小轿车，收入不实",
                            received_on=start + dt.timedelta(days=2))
    assert raised.notice_id == made.id and raised.step == "04" and not raised.handled
    end = t + 7 * DAY + HOUR
    with pytest.raises(notice_rules.NoticeError, match="异议尚未办结") as blocked:
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=end)
    assert raised.id[-8:] in str(blocked.value) and "张某" in str(blocked.value)
    assert service.decide(team["leader"], quiet, "04", rules.PASS, at_ms=end).workflow.current.code == "05"
    with pytest.raises(Exception, match=r"objection\.handle"):
        objections.handle(team["member"], raised.id, result="dismissed", handling="核实", handled_on=start)
    with pytest.raises(notice_rules.NoticeError, match="办理情况"):
        objections.handle(team["leader"], raised.id, result="dismissed", handling=" ", handled_on=start)
    done = objections.handle(team["leader"], raised.id[-8:], result=notice_rules.DISMISSED,
                             handling="入户核实：车辆为其子所有，已分户", handled_on=start + dt.timedelta(days=4))
    assert done.handled and done.handled_by_name == TEAM["leader"]
    with pytest.raises(notice_rules.NoticeError, match="已于"):
        objections.handle(team["leader"], raised.id, result="upheld", handling="再次", handled_on=start)
    assert objections.unhandled(ctx.db, raised.workflow_id) == []
    passed = service.decide(team["leader"], hid, "04", rules.PASS, at_ms=end)
    assert passed.workflow.current.code == "05"
    assert [o.result for o in objections.listed(ctx.db, hid)] == ["dismissed"]


def test_an_upheld_objection_sends_the_step_back_and_the_announcement_is_made_the_same_way(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("郑春花")
    t = _to_notice(team, [hid])
    start = rules.day_of(t)
    notices.issue(team["leader"], "identification", "04", start=start, days=7, contact=CONTACT, at_ms=t)
    raised = objections.add(team["committee"], hid, from_whom="匿名", content="人口数不实", received_on=start)
    objections.handle(team["committee"], raised.id, result=notice_rules.UPHELD, handling="户籍核对：少报一人",
                      handled_on=start + dt.timedelta(days=1))
    back = service.decide(team["leader"], hid, "04", rules.RETURN, "异议成立：人口数须更正", at_ms=t + 2 * DAY)
    assert back.workflow.current.code == "03"
    # run through to the announcement: the district issues the 公告 from the households at 08
    t += 2 * DAY + HOUR
    service.decide(team["leader"], hid, "03", rules.PASS, at_ms=t)
    defs = rules.definitions()
    for step in defs.get("identification").steps[3:7]:
        if step.notice:  # reached anew after the 退回: a new notice, posted, its period over
            post_notice(team[step.role], hid, t)
        t += step.min_days * DAY + HOUR
        service.decide(team[step.role], hid, step.code, rules.PASS, at_ms=t)
    view = store.open_workflow(ctx.db, hid, defs)
    assert view.current.code == "08" and view.current.announcement
    made = notices.issue(team["district"], "identification", "08", start=rules.day_of(t), days=7, contact=CONTACT)
    text = _pdf_text(render_workflow_notice(ctx, made, tmp_path / "announcement.pdf"))
    assert "名单公告" in text and "现予以公告" in text and "公告期内，如有异议" in text
    assert "人民政府" in text and "郑春花" in text
    assert "验证码" in text and not re.search(r"\d{17}", text)


def test_a_notice_step_passes_only_on_a_posted_notice_whose_period_is_over(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("冯海燕")
    t = _to_notice(team, [hid])
    end = t + 10 * DAY
    with pytest.raises(notice_rules.NoticeError, match="“第一次公示”尚未签发该户的公示"):
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=end)
    start = rules.day_of(t) + dt.timedelta(days=2)
    made = notices.issue(team["leader"], "identification", "04", start=start, days=9, contact=CONTACT, at_ms=t)
    with pytest.raises(notice_rules.NoticeError, match=f"公示 {made.id[-8:]}.*尚未记录张贴日期"):
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=end)
    notices.post(team["leader"], made.id, start)
    last = start + dt.timedelta(days=8)
    with pytest.raises(notice_rules.NoticeError, match=f"公示期 {last.isoformat()} 才结束") as early:
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=end)  # the period's last day
    assert (last + dt.timedelta(days=1)).isoformat() in str(early.value)
    assert len(store.open_workflow(ctx.db, hid, rules.definitions()).state.history) == 3  # nothing written
    # a fail or a 退回 needs no notice; after a 退回 the old notice no longer counts
    back = service.decide(team["leader"], hid, "04", rules.RETURN, "核实材料不全", at_ms=end)
    assert back.workflow.current.code == "03"
    again = service.decide(team["leader"], hid, "03", rules.PASS, at_ms=end + HOUR).workflow.state.since
    with pytest.raises(notice_rules.NoticeError, match="尚未签发该户的公示"):
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=again + 9 * DAY)
    assert notices.notice_of(ctx, "identification", "04", hid, again) is None
    post_notice(team["leader"], hid, again)
    passed = service.decide(team["leader"], hid, "04", rules.PASS, at_ms=again + 7 * DAY + HOUR)
    assert passed.workflow.current.code == "05"


def test_the_queue_counts_a_notice_step_from_the_end_of_its_posted_notice(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp.services.workflow import queue

    hid = make_household("钱玉兰")
    t = _to_notice(team, [hid])

    def entry() -> queue.QueueEntry:
        return next(e for e in queue.waiting(team["leader"]) if e.household_id == hid)

    assert entry().earliest is None and entry().waiting == notices.NOT_ISSUED
    start = rules.day_of(t) + dt.timedelta(days=3)  # the notice starts later than the step: its end counts
    made = notices.issue(team["leader"], "identification", "04", start=start, days=9, contact=CONTACT, at_ms=t)
    assert entry().earliest is None and entry().waiting == notices.NOT_POSTED
    notices.post(team["leader"], made.id, start)
    first = made.period_end + dt.timedelta(days=1)
    assert entry().earliest == first and entry().waiting == "" and first > rules.earliest(entry().step, t)
    # the same day the decision is refused up to and allowed from
    view = store.open_workflow(ctx.db, hid, rules.definitions())
    step = view.current
    with pytest.raises(notice_rules.NoticeError, match=first.isoformat()):
        notices.require_posted_and_ended(ctx, view, step, rules.PASS,
                                         int(dt.datetime.combine(made.period_end, dt.time(12)).timestamp() * 1000))
    assert notices.require_posted_and_ended(
        ctx, view, step, rules.PASS, int(dt.datetime.combine(first, dt.time(9)).timestamp() * 1000)).id == made.id


def test_the_announcement_names_the_notices_among_the_steps_done(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp.services.printing.workflow_notice import notice_word, title_and_intro

    hid = make_household("陈桂香")
    t = _to_notice(team, [hid])
    defs = rules.definitions()
    for step in defs.get("identification").steps[3:7]:
        if step.notice:
            post_notice(team[step.role], hid, t)
        t += step.min_days * DAY + HOUR
        service.decide(team[step.role], hid, step.code, rules.PASS, at_ms=t)
    made = notices.issue(team["district"], "identification", "08", start=rules.day_of(t), days=7, contact=CONTACT)
    _title, intro = title_and_intro(ctx, made)
    assert "第一次公示" in intro and "第二次公示" in intro and "乡镇审核" in intro and "现予以公告" in intro
    assert notice_word(ctx, made) == "公告"


def test_a_monitoring_notice_gives_the_category_and_risk_type_not_the_cause(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("黄德福")
    t = T0
    service.start(team["leader"], hid, "monitoring", category="02", risk_type="03", at_ms=t)
    for step in rules.definitions().get("monitoring").steps[:3]:
        t += HOUR
        meeting = hold_meeting(team["committee"], [hid], t)[-8:] if step.deliberation else None
        service.decide(team[step.role], hid, step.code, rules.PASS, meeting_id=meeting, at_ms=t)
    made = notices.issue(team["leader"], "monitoring", "04", start=rules.day_of(t), days=7, contact=CONTACT, at_ms=t)
    text = _pdf_text(render_workflow_notice(ctx, made, tmp_path / "monitoring.pdf"))
    category = ctx.ref["monitoring_category"].label("02")
    risk = ctx.ref["risk_type"].label("03")
    assert f"监测对象类别：{category}" in text and f"风险类型：{risk}" in text
    assert ctx.ref["poverty_cause"].label("01") not in text


def test_the_notice_table_header_stays_on_one_line(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("林秀珍")
    t = _to_notice(team, [hid])
    made = notices.issue(team["leader"], "identification", "04", start=rules.day_of(t), days=7, contact=CONTACT,
                         at_ms=t)
    path = render_workflow_notice(ctx, made, tmp_path / "header.pdf")
    laid = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    header = next(line for line in laid.splitlines() if "户主姓名" in line)
    for word in ("家庭人口", "贫困户属性", "证件号码"):
        assert word in header, header
