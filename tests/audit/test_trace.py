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
        with ctx.db.read() as conn:
            t = trace.household_trace(conn, ctx.ref, hid)
            phone = trace.household_trace(conn, ctx.ref, hid, field_label="联系电话")
            with pytest.raises(LookupError, match="没有名为"):
                trace.household_trace(conn, ctx.ref, hid, field_label="不存在的字段")
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
    with ctx.db.read() as conn:
        assert trace.resolve_person(conn, "李填报") == person
        report = trace.person_trace(conn, ctx.ref, person, today, today)
        before = trace.person_trace(conn, ctx.ref, person, today - dt.timedelta(days=9), today - dt.timedelta(days=1))
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
