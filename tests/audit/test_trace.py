"""责任倒查: a household's identification, each value's author, a field's whole history; a person's entries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services import register
from fieldapp.services.audit import trace
from fieldapp.services.context import AppContext
from fieldapp.services.printing.trace import render_household_trace
from fieldapp.services.setup import villages
from fieldapp.services.signoff import service as signoffs
from fieldapp.services.spotcheck import checklist, draw, rectify
from tests.helpers.people import as_role, cli_user
from tests.printing import pdftools


def _change(c: AppContext, hid: str, **values: object) -> None:
    original = register.load_record(c.db, hid)
    record = register.load_record(c.db, hid)
    record.household.update(values)
    register.save_record(c.writer, c.ref, record, original)


def test_who_identified_and_who_entered_each_value(ctx: AppContext, make_household: Callable[..., str]) -> None:
    clerk = as_role(ctx, "member", name="李填报", cadre_id=ctx.settings["cadre_id"])
    checker = as_role(ctx, "leader", name="王核实", cadre_id=ctx.settings["cadre_id"])
    try:
        hid = make_household("赵金山", identified_on=dt.date(2016, 4, 1))
        _change(clerk, hid, phone="13800000000", address="一组")
        _change(checker, hid, phone="13900000000")
        t = trace.household_trace(ctx.db, ctx.ref, hid)
        phone = trace.household_trace(ctx.db, ctx.ref, hid, field_label="联系电话")
        with pytest.raises(LookupError, match="没有名为"):
            trace.household_trace(ctx.db, ctx.ref, hid, field_label="不存在的字段")
    finally:
        clerk.close()
        checker.close()
    assert t.title.endswith("赵金山") and t.identified_on == "2016-04-01"
    assert t.identified_by == "王伟" and t.identified_at  # the laptop's cadre created it
    by_field = {(v.target, v.field): v for v in t.values}
    assert by_field[("户", "联系电话")].entered_by == "王核实" and by_field[("户", "联系电话")].times_set == 2
    assert by_field[("户", "联系电话")].value == "13900000000"
    assert by_field[("户", "详细地址")].entered_by == "李填报" and by_field[("户", "详细地址")].times_set == 1
    assert [(ln.new, ln.user) for ln in phone.field_history] == [("13800000000", "李填报"), ("13900000000", "王核实")]
    ids = [v.value for v in t.values if v.field == "证件号码"]
    assert ids and all("*" in v for v in ids)  # masked unless asked


def test_a_person_report_covers_what_they_entered_in_the_period(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    clerk = as_role(ctx, "member", name="李填报", cadre_id=ctx.settings["cadre_id"])
    try:
        first, second = make_household("赵金山"), make_household("钱多多")
        _change(clerk, first, phone="13800000000")
        _change(clerk, second, address="二组")
        _change(clerk, second, address="三组")
        person = clerk.session.person_id
    finally:
        clerk.close()
    today = dt.date.today()
    assert trace.resolve_person(ctx.db, "李填报") == person
    report = trace.person_trace(ctx.db, ctx.ref, person, today, today)
    before = trace.person_trace(ctx.db, ctx.ref, person, today - dt.timedelta(days=9), today - dt.timedelta(days=1))
    assert [(ln.field, ln.new) for ln in report.entered] == [("联系电话", "13800000000"), ("详细地址", "二组"),
                                                               ("详细地址", "三组")]
    assert report.households == 2 and report.name == "李填报" and "队员" in report.roles
    assert before.entered == () and before.households == 0


def test_the_cli_prints_and_writes_both_reports(ctx: AppContext, make_household: Callable[..., str],
                                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    clerk = as_role(ctx, "member", name="李填报", cadre_id=ctx.settings["cadre_id"])
    try:
        hid = make_household("赵金山")
        _change(clerk, hid, phone="13800000000")
    finally:
        clerk.close()
    hh_no = ctx.db.scalar("SELECT hh_no FROM household WHERE id = :i", i=hid)
    cli_user(monkeypatch, "李填报")
    assert main(["audit", "trace", hh_no, "--field", "联系电话"]) == 0
    out = capsys.readouterr().out
    assert "赵金山" in out and "联系电话\t → 13800000000\t李填报" in out
    pdf = tmp_path / "trace.pdf"
    assert main(["audit", "trace", hh_no, "--out", str(pdf)]) == 0
    text = pdftools.text(pdf)
    assert "责任倒查表" in text and "李填报" in text and "13800000000" in text
    assert not re.search(r"\d{17}[\dX]", text)  # ID numbers masked
    today = dt.date.today().isoformat()
    pdf2 = tmp_path / "person.pdf"
    assert main(["audit", "person", "李填报", "--from", today, "--to", today, "--out", str(pdf2)]) == 0
    assert "个人填报与核查情况" in pdftools.text(pdf2)
    assert main(["audit", "person", "无此人", "--from", today, "--to", today]) == 1
    assert "没有人员" in capsys.readouterr().err


def test_the_trace_shows_who_signed_who_checked_what_was_found_and_who_corrected_it(
        ctx: AppContext, make_household: Callable[..., str], signed_in: Callable[..., AppContext],
        tmp_path: Path) -> None:
    hid = make_household("赵金山")
    clerk = signed_in("member", name="李填报", cadre_id=ctx.settings["cadre_id"])
    leader = signed_in("leader", name="王队长", cadre_id=ctx.settings["cadre_id"])
    reviewer = signed_in("township", name="乡审")
    _change(clerk, hid, address="一组12号")
    signoffs.sign_household(leader, hid)
    result = draw.draw_sample(reviewer, level="village", area_id=villages(ctx)[0][0], percent=100, seed="s")
    place_item = next(i for i in checklist.draw_items(reviewer.db, result.draw_id, hid) if i.kind == "eight.1")
    assert place_item.entered_by_name == "李填报"  # 谁填报谁负责: the address was hers
    checklist.mark_item(reviewer, place_item.id, "incorrect", note="门牌号不对")
    [rect] = rectify.rectifications(ctx.db, household_id=hid)
    _change(clerk, hid, address="一组21号")  # the correction: the sign-off no longer matches
    rectify.report_done(clerk, rect.id, "已核实改为21号")
    rectify.confirm(reviewer, rect.id)

    t = trace.household_trace(ctx.db, ctx.ref, hid)
    signed, checked, fixed = t.sections
    assert [(r[1], r[4]) for r in signed.rows] == [("王队长（队长/第一书记）", "签字后已修改")]
    assert ("不正确", "乡审", "门牌号不对") in {(r[3], r[4], r[5]) for r in checked.rows}
    assert [(r[0], r[5]) for r in fixed.rows] == [("门牌号不对", "已确认")] and "已核实改为21号" in fixed.rows[0][3]

    today = dt.date.today()
    report = trace.person_trace(ctx.db, ctx.ref, clerk.session.person_id, today, today)
    _signed, findings, own_fixes = report.sections
    assert "不正确 1 项" in findings.title and findings.rows[0][5] == "门牌号不对"
    assert [r[3] for r in own_fixes.rows] == ["已确认"]
    leader_report = trace.person_trace(ctx.db, ctx.ref, leader.session.person_id, today, today)
    assert [r[3] for r in leader_report.sections[0].rows] == ["签字后已修改"]

    ctx_pdf = tmp_path / "trace.pdf"
    render_household_trace(ctx, hid, ctx_pdf)
    text = pdftools.text(ctx_pdf).replace("\n", "")
    for expected in ("签字背书", "王队长", "抽查核实", "门牌号不对", "整改", "已核实改为21号", "已确认"):
        assert expected in text, expected
