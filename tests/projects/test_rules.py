"""The pure rules of a project's money and status: every consistency rule refuses with its message, all
problems are listed together, and the status moves only as the machine allows."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import projects as rules
from fieldapp.domain.projects import Disbursement, Figures

CHANNELS = ["superior", "local_finance", "financial", "social"]
LABELS = {"superior": "上级", "local_finance": "本级财政", "financial": "金融", "social": "社会"}
D = dt.date
WAN = 1_000_000  # 1万元 in fen


def _ok() -> Figures:
    """A consistent project: 60万 budget (50万 上级 + 10万 本级), 55万 approved, two households, 30万 paid."""
    return Figures(budget_total=60 * WAN, budget={"superior": 50 * WAN, "local_finance": 10 * WAN},
                   approved=55 * WAN, approved_on=D(2026, 3, 1),
                   beneficiaries={"h1": 2 * WAN, "h2": 3 * WAN},
                   disbursements=(Disbursement(D(2026, 4, 1), 25 * WAN, "superior"),
                                  Disbursement(D(2026, 5, 1), 5 * WAN, "local_finance")),
                   planned_start=D(2026, 3, 10), planned_end=D(2026, 9, 30),
                   actual_start=D(2026, 3, 15), actual_end=D(2026, 9, 20))


def _codes(f: Figures) -> list[str]:
    return [p.code for p in rules.problems(f, CHANNELS, LABELS)]


def _messages(f: Figures) -> list[str]:
    return [p.message for p in rules.problems(f, CHANNELS, LABELS)]


def test_a_consistent_project_has_no_problem() -> None:
    assert rules.problems(_ok(), CHANNELS, LABELS) == []
    rules.check(_ok(), CHANNELS)


def test_the_channels_must_add_up_to_the_total_budget() -> None:
    f = Figures(budget_total=60 * WAN, budget={"superior": 50 * WAN, "local_finance": 9 * WAN})
    assert _messages(f) == ["各资金渠道预算合计 590,000.00元，与总预算 600,000.00元 不相等（相差 10,000.00元）"]


def test_an_unknown_channel_and_negative_amounts_are_named() -> None:
    f = Figures(budget_total=-1, budget={"lottery": -1})
    assert _messages(f) == ["总预算不能为负数（-0.01元）",
                            "资金渠道“lottery”不存在（可用：superior、local_finance、financial、social）",
                            "资金渠道“lottery”的预算不能为负数（-0.01元）"]


def test_the_approved_amount_may_not_exceed_the_budget() -> None:
    f = Figures(budget_total=60 * WAN, approved=60 * WAN + 1)
    assert _messages(f) == ["批复金额 600,000.01元 超过总预算 600,000.00元"]
    assert _codes(Figures(budget_total=60 * WAN, approved=60 * WAN)) == []  # equal is fine


def test_a_channel_is_disbursed_at_most_its_budget() -> None:
    f = Figures(budget_total=60 * WAN, budget={"superior": 50 * WAN, "local_finance": 10 * WAN}, approved=60 * WAN,
                disbursements=(Disbursement(D(2026, 4, 1), 8 * WAN, "local_finance"),
                               Disbursement(D(2026, 4, 2), 3 * WAN, "local_finance"),
                               Disbursement(D(2026, 4, 3), 1 * WAN, "social")))
    assert _messages(f) == [
        "资金渠道“本级财政”已拨付 110,000.00元，超过该渠道预算 100,000.00元（超出 10,000.00元）",
        "资金渠道“社会”已拨付 10,000.00元，超过该渠道预算 0.00元（超出 10,000.00元）"]


def test_everything_disbursed_is_at_most_the_approved_amount() -> None:
    f = Figures(budget_total=60 * WAN, budget={"superior": 60 * WAN}, approved=40 * WAN,
                disbursements=(Disbursement(D(2026, 4, 1), 30 * WAN, "superior"),
                               Disbursement(D(2026, 5, 1), 10 * WAN + 1, "superior")))
    assert _messages(f) == ["累计拨付 400,000.01元，超过批复金额 400,000.00元（超出 0.01元）"]


def test_nothing_is_disbursed_before_approval() -> None:
    f = Figures(budget_total=10 * WAN, budget={"superior": 10 * WAN},
                disbursements=(Disbursement(D(2026, 4, 1), WAN, "superior"),))
    assert _codes(f) == ["disbursed_unapproved"]
    early = Figures(budget_total=10 * WAN, budget={"superior": 10 * WAN}, approved=10 * WAN, approved_on=D(2026, 4, 2),
                    disbursements=(Disbursement(D(2026, 4, 1), WAN, "superior"),
                                   Disbursement(D(2026, 4, 3), 0, "superior")))
    assert _messages(early) == ["2026-04-01 的拨付早于项目批复日期 2026-04-02",
                                "2026-04-03 的拨付金额应大于零（0.00元）"]


def test_the_beneficiaries_add_up_to_at_most_the_approved_amount() -> None:
    """'Add up' means at most: a project may also pay for what no single household receives."""
    f = Figures(budget_total=10 * WAN, approved=5 * WAN, beneficiaries={"h1": 3 * WAN, "h2": 2 * WAN})
    assert _codes(f) == []  # exactly the approved amount
    over = Figures(budget_total=10 * WAN, approved=5 * WAN, beneficiaries={"h1": 3 * WAN, "h2": 2 * WAN + 100})
    assert _messages(over) == ["受益户计划金额合计 50,001.00元，超过批复金额 50,000.00元（超出 1.00元）"]
    before = Figures(budget_total=4 * WAN, beneficiaries={"h1": 3 * WAN, "h2": 2 * WAN})
    assert _messages(before) == ["受益户计划金额合计 50,000.00元，超过总预算 40,000.00元（超出 10,000.00元）"]
    assert _codes(Figures(budget_total=WAN, beneficiaries={"h1": -1})) == ["beneficiary_negative"]


def test_the_dates_are_ordered() -> None:
    f = Figures(budget_total=0, planned_start=D(2026, 5, 1), planned_end=D(2026, 4, 1), approved=0,
                approved_on=D(2026, 6, 1), actual_start=D(2026, 5, 20), actual_end=D(2026, 5, 10))
    assert _messages(f) == ["计划完工日期 2026-04-01 早于计划开工日期 2026-05-01",
                            "实际完工日期 2026-05-10 早于实际开工日期 2026-05-20",
                            "实际开工日期 2026-05-20 早于批复日期 2026-06-01"]
    assert _codes(Figures(budget_total=0, actual_end=D(2026, 1, 1))) == ["actual_dates"]


def test_every_problem_is_listed_at_once() -> None:
    f = Figures(budget_total=10 * WAN, budget={"superior": 9 * WAN}, approved=11 * WAN,
                beneficiaries={"h1": 12 * WAN},
                disbursements=(Disbursement(D(2026, 1, 1), 10 * WAN, "superior"),))
    with pytest.raises(rules.InconsistentProject) as refused:
        rules.check(f, CHANNELS, LABELS)
    assert [p.code for p in refused.value.problems] == [
        "budget_sum", "approved_over_budget", "disbursed_over_channel", "beneficiaries_over_approved"]
    assert str(refused.value).startswith("项目数据不一致，未保存：各资金渠道预算合计")


@pytest.mark.parametrize(("current", "target"), [
    ("planned", "approved"), ("approved", "planned"), ("approved", "in_progress"), ("in_progress", "completed"),
    ("completed", "in_progress"), ("completed", "accepted")])
def test_the_allowed_moves(current: str, target: str) -> None:
    assert target in rules.TRANSITIONS[current]


@pytest.mark.parametrize(("current", "target"), [
    ("planned", "in_progress"), ("planned", "completed"), ("planned", "accepted"), ("approved", "completed"),
    ("in_progress", "planned"), ("in_progress", "accepted"), ("accepted", "in_progress"), ("accepted", "planned")])
def test_moves_the_machine_refuses_are_named(current: str, target: str) -> None:
    found = rules.transition_problems(current, target, _ok(), via_acceptance=True)
    assert [p.code for p in found] == ["transition"]
    assert f"不能从“{rules.status_word(current)}”改为“{rules.status_word(target)}”" in found[0].message


def test_what_each_move_needs() -> None:
    bare = Figures(budget_total=WAN)
    assert [p.code for p in rules.transition_problems("planned", "approved", bare)] == ["approval_missing"]
    assert [p.code for p in rules.transition_problems("approved", "in_progress", bare)] == ["start_missing"]
    assert [p.code for p in rules.transition_problems("in_progress", "completed", bare)] == ["end_missing"]
    assert [p.code for p in rules.transition_problems("completed", "accepted", bare)] == ["accept_by_acceptance"]
    assert rules.transition_problems("completed", "accepted", bare, via_acceptance=True) == []
    assert [p.code for p in rules.transition_problems("approved", "planned", _ok())] == ["withdraw_disbursed"]
    assert [p.code for p in rules.transition_problems("planned", "begun", bare)] == ["status_unknown"]


def test_who_may_make_each_move() -> None:
    assert rules.move_permission("planned", "approved") == "project.approve"
    assert rules.move_permission("approved", "planned") == "project.approve"
    assert rules.move_permission("approved", "in_progress") == "project.edit"
    assert rules.move_permission("in_progress", "completed") == "project.edit"
    assert rules.move_permission("completed", "accepted") == "project.accept"


def test_progress_updates() -> None:
    assert rules.progress_problems(40, D(2026, 5, 1), "in_progress", [(D(2026, 4, 1), 30)]) == []
    assert [p.code for p in rules.progress_problems(101, D(2026, 5, 1), "in_progress")] == ["percent"]
    assert [p.code for p in rules.progress_problems(20, D(2026, 5, 1), "planned")] == ["progress_status"]
    back = rules.progress_problems(20, D(2026, 5, 1), "in_progress", [(D(2026, 4, 1), 30)])
    assert [p.message for p in back] == ["进度 20% 低于此前已报的 30%"]
