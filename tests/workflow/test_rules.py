"""The pure rules: definitions from reference data, the state derived from chained decisions, the exit gate."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from fieldapp import resources
from fieldapp.domain import people, refdata
from fieldapp.domain import workflow as rules

DAY = 86_400_000
T0 = int(dt.datetime(2026, 3, 2, 9, 0).timestamp() * 1000)


def _raw() -> dict:
    return json.loads(resources.read_text("refdata", "workflows.json"))


def _d(id_: str, step: str, decision: str, prev: str, at: int, *, who: str = "甲") -> rules.Decision:
    return rules.Decision(id_, step, decision, "理由" if decision != rules.PASS else "", prev, "p-" + who, who,
                          "leader", at)


def test_shipped_definitions_keep_the_code_lists_codes_and_every_role_has_its_permission() -> None:
    defs = rules.definitions()
    assert set(defs.workflows) == {"identification", "exit", "return", "monitoring", "risk_elimination"}
    ref = refdata.default()
    ident = [s.code for s in defs.get("identification").steps]
    assert ident == [c.code for c in ref["identification_step"].codes]
    exit_codes = {c.code for c in ref["exit_step"].codes}
    assert {s.code for s in defs.get("exit").steps} <= exit_codes
    assert defs.get("exit").steps[0].gate == "exit"
    assert defs.get("monitoring").needs == ("category", "risk_type")
    assert defs.notice_minimum_days == 7
    table = people.permission_table()
    for d in defs.workflows.values():
        for s in d.steps:
            assert table.allows([s.role], s.permission), (d.kind, s.code)
            assert not s.notice or s.min_days >= 7
            assert set(s.label) == set(refdata.LANGUAGES)
    # only the step's role decides a review step: a team leader may not decide for the township
    assert not table.allows(["leader", "admin", "committee", "member"], rules.decide_permission("township"))


def test_a_notice_shorter_than_the_minimum_is_refused_when_the_file_is_read() -> None:
    raw = _raw()
    short = copy.deepcopy(raw)
    notice = next(s for s in short["workflows"][0]["steps"] if s["notice"])
    notice["min_days"] = 2
    with pytest.raises(refdata.RefDataError, match="公示期不得少于 7 天"):
        rules.parse_definitions(short)
    longer_minimum = copy.deepcopy(raw)
    longer_minimum["notice_minimum_days"] = 10
    with pytest.raises(refdata.RefDataError, match="只有 7 天"):
        rules.parse_definitions(longer_minimum)
    bad_role = copy.deepcopy(raw)
    bad_role["workflows"][0]["steps"][0]["role"] = "admin"
    with pytest.raises(refdata.RefDataError, match="角色 admin"):
        rules.parse_definitions(bad_role)


def test_state_follows_the_chain_pass_return_fail_and_keeps_the_history() -> None:
    ident = rules.definitions().get("identification")
    assert rules.derive(ident, T0, []).status == rules.OPEN
    chain = [_d("a", "01", rules.PASS, "", T0 + 1), _d("b", "02", rules.PASS, "a", T0 + 2),
             _d("c", "03", rules.RETURN, "b", T0 + 3), _d("d", "02", rules.PASS, "c", T0 + 4)]
    state = rules.derive(ident, T0, reversed(chain))  # order of rows does not matter
    assert state.status == rules.OPEN and ident.steps[state.position].code == "03"
    assert [d.id for d in state.history] == ["a", "b", "c", "d"] and state.head_id == "d" and state.since == T0 + 4
    failed = rules.derive(ident, T0, [*chain, _d("e", "03", rules.FAIL, "d", T0 + 5)])
    assert failed.status == rules.FAILED and not failed.is_open
    done = [_d(f"s{i}", s.code, rules.PASS, f"s{i - 1}" if i else "", T0 + i) for i, s in enumerate(ident.steps)]
    assert rules.derive(ident, T0, done).status == rules.COMPLETED


def test_two_decisions_following_the_same_one_are_a_conflict_not_a_winner() -> None:
    ident = rules.definitions().get("identification")
    rows = [_d("a", "01", rules.PASS, "", T0), _d("b1", "02", rules.PASS, "a", T0 + 5, who="甲"),
            _d("b2", "02", rules.RETURN, "a", T0 + 9, who="乙")]
    state = rules.derive(ident, T0, rows)
    assert state.status == rules.CONFLICT and state.is_open
    assert {d.id for d in state.conflicts} == {"b1", "b2"} and [d.id for d in state.history] == ["a"]
    assert "2 个互相冲突的决定" in state.problems[-1] and "甲" in state.problems[-1] and "乙" in state.problems[-1]
    with pytest.raises(rules.WorkflowError, match="处理冲突（--settle"):
        rules.check_decision(ident, state, "02", rules.PASS, reason="", now_ms=T0 + 10)


def test_checks_order_reason_first_step_and_the_notice_period() -> None:
    ident = rules.definitions().get("identification")
    rows = [_d("a", "01", rules.PASS, "", T0), _d("b", "02", rules.PASS, "a", T0), _d("c", "03", rules.PASS, "b", T0)]
    state = rules.derive(ident, T0, rows)
    with pytest.raises(rules.WorkflowError, match="当前步骤是“第一次公示”"):
        rules.check_decision(ident, state, "05", rules.PASS, reason="", now_ms=T0 + 30 * DAY)
    with pytest.raises(rules.WorkflowError, match="没有步骤 99"):
        rules.check_decision(ident, state, "99", rules.PASS, reason="", now_ms=T0)
    with pytest.raises(rules.WorkflowError, match="退回须写明原因"):
        rules.check_decision(ident, state, "04", rules.RETURN, reason=" ", now_ms=T0 + 30 * DAY)
    with pytest.raises(rules.TooEarly, match="2026-03-09 起才能决定") as early:
        rules.check_decision(ident, state, "04", rules.PASS, reason="", now_ms=T0 + 6 * DAY)
    assert early.value.earliest == dt.date(2026, 3, 9)
    # an objection upheld sends the notice back before its end
    assert rules.check_decision(ident, state, "04", rules.RETURN, reason="异议成立", now_ms=T0 + DAY).code == "04"
    assert rules.check_decision(ident, state, "04", rules.PASS, reason="", now_ms=T0 + 7 * DAY).notice
    first = rules.derive(ident, T0, [])
    with pytest.raises(rules.WorkflowError, match="第一步没有可退回的上一步"):
        rules.check_decision(ident, first, "01", rules.RETURN, reason="x", now_ms=T0)


def test_the_exit_gate_names_the_income_and_each_indicator_that_fails() -> None:
    labels = {"food": "不愁吃", "housing_safety": "住房安全有保障"}
    ok = rules.exit_gate(2018, 400_000, 353_500, {"food": True, "housing_safety": True}, labels)
    assert ok.passed and ok.snapshot()["problems"] == []
    low = rules.exit_gate(2018, 353_500, 353_500, {"food": True, "housing_safety": False}, labels)
    assert not low.passed and low.unmet == ("housing_safety",)
    assert low.problems == ("2018 年人均纯收入 3535.00 元未高于当年退出标准 3535.00 元",
                            "两不愁三保障指标“住房安全有保障”未达到")
    unknown = rules.exit_gate(2024, 900_000, None, {"food": True}, labels)
    assert unknown.problems == ("参考数据中没有 2024 年本地的退出标准（exit_standard）",
                                "两不愁三保障指标“住房安全有保障”未填写")
    assert rules.exit_gate(None, None, None, {}, {}).problems == ("没有收入记录，无法判断人均纯收入是否高于退出标准",)


def test_a_decision_that_names_every_conflicting_one_settles_the_fork_and_keeps_them() -> None:
    ident = rules.definitions().get("identification")
    a = _d("a", "01", rules.PASS, "", T0)
    b1, b2 = _d("b1", "02", rules.PASS, "a", T0 + 5, who="甲"), _d("b2", "02", rules.RETURN, "a", T0 + 9, who="乙")
    partial = rules.Decision("s0", "02", rules.PASS, "核实", "a", "p-丙", "丙", "committee", T0 + 20, settles=("b1",))
    assert rules.derive(ident, T0, [a, b1, b2, partial]).status == rules.CONFLICT  # b2 not settled
    with pytest.raises(rules.WorkflowError, match="处理冲突须写明理由"):
        rules.check_decision(ident, rules.derive(ident, T0, [a, b1, b2]), "02", rules.PASS, reason=" ",
                             now_ms=T0 + 30, settle=True)
    settle = rules.Decision("s1", "02", rules.RETURN, "会议记录不全", "a", "p-丙", "丙", "committee", T0 + 30,
                            settles=("b1", "b2"))
    state = rules.derive(ident, T0, [a, b1, b2, settle])
    assert state.status == rules.OPEN and ident.steps[state.position].code == "01"  # returned, as settled
    assert [d.id for d in state.history] == ["a", "s1"] and {d.id for d in state.superseded} == {"b1", "b2"}
    with pytest.raises(rules.WorkflowError, match="没有冲突的决定"):
        rules.check_decision(ident, state, "01", rules.PASS, reason="x", now_ms=T0 + 40, settle=True)


def test_exited_follows_the_last_finished_identification_exit_or_return_then_the_typed_value() -> None:
    assert rules.has_exited([], "1") and rules.has_exited([], "4") and not rules.has_exited([], "3")
    assert not rules.has_exited([], None)
    assert rules.has_exited([("identification", None), ("exit", None)], "0")  # the workflow, not the typed value
    assert not rules.has_exited([("exit", None), ("return", None)], "1")
    assert rules.has_exited([("exit", None), ("monitoring", None), ("risk_elimination", None)], None)
    assert not rules.has_exited([("exit", "3")], "1") and rules.has_exited([("exit", "4")], None)  # imported
