"""Disclosure notices (资金公示) through the services, with the PDF read back: every amount comes from the
project ledger to the fen, the period is at least the setting, IDs are masked, the signature and the ledger
check say when a notice no longer holds, posting and objections are recorded and handled."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain import disclosure as rules
from fieldapp.domain.resident_id import mask
from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import service as disclosure
from fieldapp.services.printing.disclosure import render_disclosure
from fieldapp.services.projects import records
from fieldapp.services.projects import service as projects
from fieldapp.services.signoff import service as signoff
from fieldapp.services.signoff import verify
from fieldapp.services.workflow import objections
from fieldapp.store import guard
from tests.projects.conftest import WAN, World, draft

D = dt.date
CONTACT = "村委会办公室 王主任 13912345678"
START = D(2026, 3, 2)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}.{fen % 100:02d}"


def _head_id(ctx: AppContext, household_id: str) -> str:
    return str(ctx.db.scalar("SELECT id_no FROM member WHERE household_id = :h AND relation = '01'", h=household_id))


@pytest.fixture
def leader(signed_in: Callable[..., AppContext]) -> AppContext:
    """The team leader who issues the notices (notice.issue, a signing key)."""
    return signed_in("leader", name="王队长")


@pytest.fixture
def with_households(ctx: AppContext, world: World, approved_project: str) -> str:
    projects.set_beneficiary(ctx, approved_project, world.a, 300_050)  # 3,000.50 元
    projects.set_beneficiary(ctx, approved_project, world.b, 200_025)
    return approved_project


def test_a_project_notice_states_the_ledger_to_the_fen_and_prints_it(
        ctx: AppContext, leader: AppContext, world: World, with_households: str, tmp_path: Path) -> None:
    pid = with_households
    made = disclosure.issue(leader, "project", project_id=pid, start=START, days=10, contact=CONTACT)
    v = records.get(ctx.db, pid)
    f = made.figures
    assert (made.kind, made.village_id, made.project_id, made.days) == ("project", world.east, pid, 10)
    assert f["budget"] == v.budget == {"superior": 50 * WAN, "local_finance": 10 * WAN}
    assert f["budget_total"] == v.budget_total and f["approved"] == v.approved_amount == 55 * WAN
    assert {x["household_id"]: x["amount"] for x in f["beneficiaries"]} == {b.household_id: b.amount
                                                                            for b in v.beneficiaries}
    assert f["beneficiary_total"] == 500_075 == sum(b.amount for b in v.beneficiaries)
    assert {x["id_masked"] for x in f["beneficiaries"]} == {mask(_head_id(ctx, world.a)), mask(_head_id(ctx, world.b))}
    assert disclosure.standing(ctx, made).holds
    text = _pdf_text(render_disclosure(ctx, made, tmp_path / "project.pdf"))
    for amount in (f["budget_total"], *f["budget"].values(), f["approved"], 300_050, 200_025, 500_075):
        assert _yuan(amount) in text
    assert "2026年3月2日至2026年3月11日（共10天）" in text and "王主任13912345678" in text
    assert mask(_head_id(ctx, world.a)) in text and _head_id(ctx, world.a) not in text
    assert not re.search(r"\d{17}", text) and "公示已过时" not in text
    code = re.search(r"验证码：([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z])", text).group(1)  # type: ignore[union-attr]
    report = verify.check_code(ctx.db, code)
    assert len(report) == 1 and report[0].valid and report[0].matches is True
    assert "资金公示 项目公示 东村 核桃园提质增效" in report[0].subject


def test_a_period_shorter_than_the_setting_is_refused(
        ctx: AppContext, leader: AppContext, with_households: str) -> None:
    assert disclosure.minimum_days(ctx) == 10
    with pytest.raises(rules.DisclosureError, match=r"不得少于 10 天.*disclosure_minimum_days"):
        disclosure.issue(leader, "project", project_id=with_households, start=START, days=9, contact=CONTACT)
    with pytest.raises(rules.DisclosureError, match="异议受理"):
        disclosure.issue(leader, "project", project_id=with_households, start=START, days=10, contact=" ")
    assert ctx.db.scalar("SELECT count(*) FROM notice") == 0


def test_the_plan_totals_its_projects_by_channel(
        ctx: AppContext, leader: AppContext, world: World, with_households: str,
                                                 tmp_path: Path) -> None:
    second = projects.create(ctx, draft(world.east, name="村组道路硬化", type="infrastructure", industry=None,
                                        budget={"superior": 30 * WAN + 1, "social": 12_345},
                                        planned_start=D(2026, 5, 1)))
    projects.create(ctx, draft(world.east, name="下一年的项目", planned_start=D(2027, 3, 1), planned_end=None))
    projects.create(ctx, draft(world.west, name="西村的项目"))
    made = disclosure.issue(leader, "plan", village_id=world.east, year=2026, start=START, days=12, contact=CONTACT)
    views = [records.get(ctx.db, p) for p in (with_households, second)]
    f = made.figures
    assert sorted(p["name"] for p in f["projects"]) == ["村组道路硬化", "核桃园提质增效"]
    assert f["budget"] == {"local_finance": 10 * WAN, "social": 12_345, "superior": 80 * WAN + 1}
    assert f["budget_total"] == sum(v.budget_total for v in views) == 90 * WAN + 12_346
    assert f["approved_total"] == 55 * WAN
    text = _pdf_text(render_disclosure(ctx, made, tmp_path / "plan.pdf"))
    assert "东村2026年度扶贫资金使用计划公示" in text
    for amount in (f["budget_total"], *f["budget"].values(), 30 * WAN + 12_346):
        assert _yuan(amount) in text
    with pytest.raises(rules.DisclosureError, match="没有 2025 年的项目"):
        disclosure.issue(leader, "plan", village_id=world.east, year=2025, start=START, days=10, contact=CONTACT)


def test_the_completion_notice_states_what_was_disbursed_and_the_acceptance(
        ctx: AppContext, leader: AppContext, with_households: str, signed_in: Callable[..., AppContext],
        tmp_path: Path) -> None:
    pid = with_households
    with pytest.raises(rules.DisclosureError, match="验收合格后才能发布"):
        disclosure.issue(leader, "completion", project_id=pid, start=START, days=10, contact=CONTACT)
    projects.change_status(ctx, pid, "in_progress", actual_start=D(2026, 3, 15))
    projects.disburse(ctx, pid, day=D(2026, 4, 1), amount=30 * WAN + 1, channel="superior", payee="镇财政所",
                      voucher_no="记-1")
    projects.disburse(ctx, pid, day=D(2026, 6, 1), amount=9 * WAN + 99, channel="local_finance", payee="合作社",
                      voucher_no="记-2")
    projects.change_status(ctx, pid, "completed", actual_end=D(2026, 9, 20))
    projects.accept(signed_in("township", name="乡镇验收员"), pid, day=D(2026, 9, 25), members=["赵镇长", "村监委刘"],
                    findings="同意验收", passed=True)
    with pytest.raises(rules.DisclosureError, match="项目公示在开工前发布"):
        disclosure.issue(leader, "project", project_id=pid, start=START, days=10, contact=CONTACT)
    made = disclosure.issue(leader, "completion", project_id=pid, start=D(2026, 10, 1), days=10, contact=CONTACT)
    v = records.get(ctx.db, pid)
    by_channel: dict[str, int] = {}
    for d in v.disbursements:
        by_channel[d.channel] = by_channel.get(d.channel, 0) + d.amount
    assert made.figures["disbursed"] == by_channel == {"superior": 30 * WAN + 1, "local_finance": 9 * WAN + 99}
    assert made.figures["disbursed_total"] == v.disbursed == 39 * WAN + 100
    assert made.figures["acceptance"]["date"] == "2026-09-25" and made.figures["acceptance"]["passed"] is True
    text = _pdf_text(render_disclosure(ctx, made, tmp_path / "completion.pdf"))
    for amount in (30 * WAN + 1, 9 * WAN + 99, 39 * WAN + 100, 55 * WAN):
        assert _yuan(amount) in text
    assert "2026年9月25日经赵镇长、村监委刘验收合格" in text and "镇财政所" not in text  # no payee on a public print


def test_the_subsidy_notice_lists_each_household_with_a_masked_id(
        ctx: AppContext, leader: AppContext, world: World, with_households: str, tmp_path: Path) -> None:
    other = projects.create(ctx, draft(world.east, name="光伏到户", type="industry", budget={"superior": 10 * WAN}))
    projects.set_beneficiary(ctx, other, world.a, 123_456)
    made = disclosure.issue(leader, "subsidy", village_id=world.east, year=2026, start=START, days=10, contact=CONTACT)
    f = made.figures
    assert f["household_totals"] == {world.a: 300_050 + 123_456, world.b: 200_025}
    assert f["total"] == 300_050 + 123_456 + 200_025 and f["households"] == 2
    assert set(made.household_ids) == {world.a, world.b}
    assert "id_no" not in json.dumps(f) and _head_id(ctx, world.a) not in json.dumps(f)
    text = _pdf_text(render_disclosure(ctx, made, tmp_path / "subsidy.pdf"))
    for who in (world.a, world.b):
        assert mask(_head_id(ctx, who)) in text and _head_id(ctx, who) not in text
    for amount in (300_050, 123_456, 200_025, f["total"]):
        assert _yuan(amount) in text
    one = disclosure.issue(leader, "subsidy", project_id=other, start=START, days=10, contact=CONTACT)
    assert one.figures["total"] == 123_456 and one.village_id == world.east


def test_a_changed_ledger_makes_the_notice_out_of_date_and_a_changed_figure_breaks_the_signature(
        ctx: AppContext, leader: AppContext, world: World, with_households: str, tmp_path: Path) -> None:
    made = disclosure.issue(leader, "project", project_id=with_households, start=START, days=10, contact=CONTACT)
    projects.set_beneficiary(ctx, with_households, world.b, 200_026)  # one fen more
    now = disclosure.get(ctx, made.id[-8:])
    assert now.figures == made.figures  # the notice is never changed
    state = disclosure.standing(ctx, now)
    assert state.signature == signoff.VALID and state.out_of_date and not state.holds
    assert any("2,000.25元" in line and "2,000.26元" in line and "李二河" in line for line in state.differences)
    text = _pdf_text(render_disclosure(ctx, now, tmp_path / "stale.pdf"))
    assert "公示已过时" in text and _yuan(200_025) in text and _yuan(200_026) not in text

    stated = dict(made.figures, approved=made.figures["approved"] + 1)  # a figure rewritten behind the app's back
    with guard.raw_writes_allowed(), ctx.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE notice SET figures = ? WHERE id = ?",
                             (json.dumps(stated, ensure_ascii=False), made.id))
    broken = disclosure.standing(ctx, disclosure.get(ctx, made.id))
    assert broken.signature == signoff.CHANGED and "与签字不符" in broken.text()
    record = signoff.latest(ctx.db, "disclosure", made.id)
    assert record is not None and verify.check_code(ctx.db, record.code)[0].matches is False


def test_posting_and_objections_are_recorded_and_handled(
        ctx: AppContext, leader: AppContext, world: World, with_households: str) -> None:
    made = disclosure.issue(leader, "project", project_id=with_households, start=START, days=10, contact=CONTACT)
    with pytest.raises(rules.DisclosureError, match="尚未记录张贴"):
        disclosure.object_to(leader, made.id, from_whom="村民甲", content="金额不对", received_on=START)
    with pytest.raises(Exception, match="晚于公示开始日"):
        disclosure.post(leader, made.id, START + dt.timedelta(days=1))
    posted = disclosure.post(leader, made.id[-8:], START)
    assert posted.posted_on == START and posted.status(START) == "running"
    assert disclosure.standing(ctx, posted).holds  # posting is not what was signed
    with pytest.raises(rules.DisclosureError, match="不在公示期"):
        disclosure.object_to(leader, made.id, from_whom="村民甲", content="金额不对",
                             received_on=START + dt.timedelta(10))
    with pytest.raises(rules.DisclosureError, match="不在这份公示上"):
        disclosure.object_to(leader, made.id, from_whom="村民甲", content="x", received_on=START,
                             household_id=world.c_west)
    raised = disclosure.object_to(leader, made.id, from_whom="村民甲", content="张大山家补助偏高",
                                  received_on=START + dt.timedelta(days=2), household_id=world.a)
    assert (raised.notice_id, raised.workflow_id, raised.household_id) == (made.id, None, world.a)
    assert [o.id for o in disclosure.objections_of(ctx, made.id, open_only=True)] == [raised.id]
    assert objections.listed(ctx.db) == []  # the workflow's objections are not these
    done = disclosure.handle(leader, raised.id[-8:], result="dismissed", handling="核实：按标准补助",
                             handled_on=START + dt.timedelta(days=4))
    assert done.result == "dismissed" and disclosure.objections_of(ctx, made.id, open_only=True) == []


def test_disclosure_notices_stay_out_of_the_workflow_notices(
        ctx: AppContext, leader: AppContext, with_households: str) -> None:
    from fieldapp.services.workflow import notices

    disclosure.issue(leader, "project", project_id=with_households, start=START, days=10, contact=CONTACT)
    assert notices.listed(ctx) == [] and len(disclosure.listed(ctx)) == 1
