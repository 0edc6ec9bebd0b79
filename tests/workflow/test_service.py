"""Workflows through the services with one account per role: every step decided by its role, signed where
the reference data says, refused with the permission's name for another role, refused before its period."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from fieldapp.domain import people
from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import queue, service, store
from tests.workflow.conftest import (
    DAY,
    T0,
    TEAM,
    consent_attachment,
    hold_meeting,
    post_notice,
    set_economy,
    write_image,
)

HOUR = 3_600_000


def _run_through(team: dict[str, AppContext], hid: str, steps: tuple[rules.Step, ...], t: int,
                 reasons: dict[str, str] | None = None) -> int:
    """Decide every step as passed by its role, each as soon as it may be (户认可 with a photo of the signed
    脱贫确认书); returns the time after."""
    for step in steps:
        if step.notice:  # a 公示 passes once its notice was posted and its period is over
            post_notice(team[step.role], hid, t)
        t += step.min_days * DAY + HOUR
        meeting = hold_meeting(team["committee"], [hid], t) if step.deliberation else None
        attach = consent_attachment(write_image(team["leader"].paths.home / "in" / f"{hid}.jpg")) \
            if step.attachment else []
        made = service.decide(team[step.role], hid, step.code, rules.PASS, (reasons or {}).get(step.code, ""),
                              meeting_id=meeting, at_ms=t, attach=attach)
        assert made.decision.person_name == TEAM[step.role] and made.decision.decided_as == step.role
        assert (made.signature is not None) == step.signature, step.code
        if made.signature is not None:
            assert made.signature.role == step.role and made.signature.subject == "workflow_step"
            assert signoff.problems(team["leader"].db, made.signature) == []
            signed = json.loads(made.signature.snapshot)["tables"]["workflow_step"][0]
            words = signoff.subject_text(team["leader"].db, made.signature)
            assert words.startswith("流程步骤 ") and f"{step.code} {step.text()} 通过" in words and "户编号" in words
            assert (signed["decision"], signed["person_name"], signed["step"]) == (
                rules.PASS, TEAM[step.role], step.code)
    return t


def test_a_full_identification_with_a_return_each_step_by_its_role(ctx: AppContext, team: dict[str, AppContext],
                                                                  make_household: Callable[..., str]) -> None:
    hid = make_household("周长富")
    view = service.start(team["member"], hid, "identification", at_ms=T0)
    steps = view.definition.steps
    assert view.current == steps[0] and view.state.status == rules.OPEN
    with pytest.raises(rules.WorkflowError, match="已有进行中的"):
        service.start(team["leader"], hid, "exit", at_ms=T0)
    t = _run_through(team, hid, steps[:5], T0)  # through 乡镇审核
    # 第二次公示 (06) returned by the township with its reason: back to 05, and the history keeps it
    t += 8 * DAY
    back = service.decide(team["township"], hid, "06", rules.RETURN, "公示期间收到异议，需重新审核", at_ms=t)
    assert back.workflow.current.code == "05" and back.decision.reason == "公示期间收到异议，需重新审核"
    t = _run_through(team, hid, steps[4:], t)
    final = store.workflows_of(ctx.db, hid, rules.definitions())[-1]
    assert final.state.status == rules.COMPLETED
    assert [d.step for d in final.state.history] == ["01", "02", "03", "04", "05", "06", "05", "06", "07", "08"]
    assert [d.decision for d in final.state.history].count(rules.RETURN) == 1
    assert store.open_workflow(ctx.db, hid, rules.definitions()) is None


def test_only_the_steps_role_decides_and_the_refusal_names_the_permission(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("刘桂兰")
    service.start(team["leader"], hid, "identification", at_ms=T0)
    service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    for role in ("leader", "member", "township", "district"):  # 民主评议 is the village committee's
        with pytest.raises(people.PermissionDenied, match=r"workflow\.decide\.committee") as refused:
            service.decide(team[role], hid, "02", rules.PASS, at_ms=T0 + 2 * HOUR)
        assert "民主评议" in str(refused.value)
    with pytest.raises(people.PermissionDenied, match=r"workflow\.start"):
        service.start(team["district"], make_household("另一户"), "identification")
    # the queue: the committee sees the household, the township does not yet
    assert [e.household_id for e in queue.waiting(team["committee"])] == [hid]
    assert queue.waiting(team["township"]) == []
    view = store.open_workflow(ctx.db, hid, rules.definitions())
    assert len(view.state.history) == 1  # nothing was written by the refusals


def test_a_notice_step_is_refused_before_its_period_with_the_first_allowed_day(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("王秀英")
    view = service.start(team["leader"], hid, "identification", at_ms=T0)
    t = _run_through(team, hid, view.definition.steps[:3], T0)  # 03 核实 passed at t: the 公示 starts
    with pytest.raises(rules.TooEarly) as early:
        service.decide(team["leader"], hid, "04", rules.PASS, at_ms=t + 6 * DAY)
    first = rules.day_of(t) + dt.timedelta(days=7)
    assert early.value.earliest == first and first.isoformat() in str(early.value)
    post_notice(team["leader"], hid, t)
    assert service.decide(team["leader"], hid, "04", rules.PASS, at_ms=t + 7 * DAY).workflow.current.code == "05"


def test_the_exit_gate_refuses_with_the_failing_figures_and_a_signed_override_stays_visible(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    poor = make_household("赵建国", members=2)
    set_economy(ctx, poor, year=2018, wage_yuan=6000, unmet=("housing_safety",))  # 3000 a head < 3535
    service.start(team["leader"], poor, "exit", at_ms=T0)
    with pytest.raises(service.GateRefused) as refused:
        service.decide(team["leader"], poor, "10", rules.PASS, at_ms=T0 + HOUR)
    text = str(refused.value)
    assert "2018 年人均纯收入 3000.00 元未高于当年退出标准 3535.00 元" in text and "住房安全有保障" in text
    with pytest.raises(rules.WorkflowError, match="越过退出标准须写明理由"):
        service.decide(team["leader"], poor, "10", rules.PASS, override=True, at_ms=T0 + HOUR)
    made = service.decide(team["leader"], poor, "10", rules.PASS, "危房已列入当年改造计划，收入按新岗位测算",
                          override=True, at_ms=T0 + HOUR)
    assert made.decision.override and made.signature is not None
    signed = json.loads(made.signature.snapshot)["tables"]["workflow_step"][0]
    assert signed["override"] is True and signed["reason"].startswith("危房已列入")
    assert json.loads(signed["gate"])["unmet"] == ["housing_safety"]
    assert signoff.problems(ctx.db, made.signature) == []
    shown = store.workflows_of(ctx.db, poor, rules.definitions())[-1]
    assert shown.state.history[0].override and shown.state.history[0].signoff_id == made.signature.id


def test_a_full_exit_for_a_household_above_the_standard(ctx: AppContext, team: dict[str, AppContext],
                                                         make_household: Callable[..., str]) -> None:
    hid = make_household("陈立新", members=2)
    set_economy(ctx, hid, year=2018, wage_yuan=9000)  # 4500 a head > 3535, every indicator met
    view = service.start(team["leader"], hid, "exit", at_ms=T0)
    assert [s.code for s in view.definition.steps] == ["10", "01", "02", "03", "04", "11", "12", "05"]
    _run_through(team, hid, view.definition.steps, T0)
    final = store.workflows_of(ctx.db, hid, rules.definitions())[-1]
    assert final.state.status == rules.COMPLETED and not any(d.override for d in final.state.history)
    gate = json.loads(next(iter(_rows(ctx, final.id, "10")))["gate"])
    assert gate == {"year": 2018, "per_person": 450000, "standard": 353500, "unmet": [], "problems": []}


def test_monitoring_needs_a_category_and_a_risk_type(ctx: AppContext, team: dict[str, AppContext],
                                                     make_household: Callable[..., str]) -> None:
    hid = make_household("黄小梅")
    with pytest.raises(rules.WorkflowError, match="监测对象类别"):
        service.start(team["leader"], hid, "monitoring", risk_type="01")
    with pytest.raises(rules.WorkflowError, match="风险类型代码 77 不存在"):
        service.start(team["leader"], hid, "monitoring", category="02", risk_type="77")
    view = service.start(team["leader"], hid, "monitoring", category="02", risk_type="01")
    assert (view.category, view.risk_type, view.current.code) == ("02", "01", "01")


def _rows(ctx: AppContext, workflow_id: str, step: str) -> list[dict[str, object]]:
    with ctx.db.read() as conn:
        return [dict(r) for r in conn.exec_driver_sql(
            "SELECT * FROM workflow_step WHERE workflow_id = ? AND step = ?", (workflow_id, step)).mappings()]


def test_decisions_are_never_changed_and_another_laptops_decision_needs_the_steps_role(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp.domain.ids import new_id
    from fieldapp.store.models import WorkflowStep
    from fieldapp.sync.body import Change
    from fieldapp.sync.merge import Merger

    hid = make_household("冯玉兰")
    view = service.start(team["leader"], hid, "identification", at_ms=T0)
    made = service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    with pytest.raises(people.PermissionDenied, match=r"workflow\.amend"), \
            team["leader"].writer.transaction() as txn:
        txn.update(WorkflowStep, made.decision.id, {"decision": rules.FAIL})
    leader_id = team["leader"].session.person_id
    forged = {"workflow_id": view.id, "household_id": hid, "step": "02", "prev_id": made.decision.id,
              "decision": "pass", "reason": "", "person_id": leader_id, "person_name": TEAM["leader"],
              "decided_at": T0 + 2 * HOUR}
    # a team leader's laptop claims the committee's 民主评议
    received = Change(origin="other-laptop", seq=1, hlc=ctx.writer.clock.now() + 1000, tbl="workflow_step",
                      row_id=new_id(), household_id=hid, op="insert",
                      fields={**forged, "role": "committee", "decided_as": "leader"}, prev={}, user_id=leader_id,
                      user_name=TEAM["leader"])
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {})
        merger.apply([received])
        stats = merger.finish()
    assert stats.refused == 1 and "workflow.decide.committee" in stats.refusals[0]["reason"]
    assert store.open_workflow(ctx.db, hid, rules.definitions()).current.code == "02"


def test_a_conflict_blocks_until_the_steps_role_settles_it_with_a_signed_reason(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli.main import main
    from fieldapp.store.models import WorkflowStep
    from tests.helpers.people import cli_user

    hid = make_household("蒋文华")
    view = service.start(team["leader"], hid, "identification", at_ms=T0)
    first = service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    meeting = hold_meeting(team["committee"], [hid], T0 + 2 * HOUR)
    mine = service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
    committee_id = team["committee"].session.person_id
    with ctx.writer.transaction() as txn:  # the same step decided on another laptop before they synced
        theirs = txn.insert(WorkflowStep, {
            "workflow_id": view.id, "household_id": hid, "step": "02", "prev_id": first.decision.id,
            "decision": rules.RETURN, "reason": "代表未过半数", "person_id": committee_id,
            "person_name": TEAM["committee"], "role": "committee", "decided_as": "committee",
            "decided_at": T0 + 3 * HOUR})
    conflict = store.open_workflow(ctx.db, hid, rules.definitions())
    assert conflict.state.status == rules.CONFLICT
    assert {d.id for d in conflict.state.conflicts} == {mine.decision.id, theirs}
    assert [e.conflict for e in queue.waiting(team["committee"])] == [True]
    cli_user(monkeypatch, TEAM["committee"])
    assert main(["workflow", "show", hid]) == 3
    out = capsys.readouterr().out
    assert "有冲突，待处理" in out and "2 个互相冲突的决定" in out and out.count("  冲突 ") == 2
    assert main(["workflow", "decide", hid, "02", "pass"]) == 1
    assert "--settle" in capsys.readouterr().err
    with pytest.raises(rules.WorkflowError, match="互相冲突"):
        service.decide(team["leader"], hid, "03", rules.PASS, at_ms=T0 + 4 * HOUR)
    with pytest.raises(people.PermissionDenied, match=r"workflow\.decide\.committee"):
        service.decide(team["leader"], hid, "02", rules.PASS, "看过会议记录", settle=True, at_ms=T0 + 4 * HOUR)
    settled = service.decide(team["committee"], hid, "02", rules.PASS, "复核会议记录：赞成过半", settle=True,
                             meeting_id=meeting, at_ms=T0 + 4 * HOUR)
    assert settled.signature is not None and set(settled.decision.settles) == {mine.decision.id, theirs}
    after = settled.workflow
    assert after.state.status == rules.OPEN and after.current.code == "03"
    assert {d.id for d in after.state.superseded} == {mine.decision.id, theirs}
    assert main(["workflow", "show", hid]) == 0
    assert capsys.readouterr().out.count("已由处理冲突的决定取代") == 2


def test_two_workflows_started_on_two_laptops_are_both_shown_and_one_is_named_to_decide(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp.store.models import Workflow

    hid = make_household("韩志强")
    mine = service.start(team["leader"], hid, "identification", at_ms=T0)
    with ctx.writer.transaction() as txn:  # the same household started on another laptop before they synced
        theirs = txn.insert(Workflow, {"household_id": hid, "kind": "identification", "started_at": T0 + 1,
                                       "origin": "app", "started_by_name": TEAM["member"]})
    with pytest.raises(rules.WorkflowError, match="2 个同时进行的流程") as refused:
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    assert mine.id in str(refused.value) and theirs in str(refused.value)
    ended = service.decide(team["member"], hid, "01", rules.FAIL, "重复发起", workflow_id=theirs[-8:],
                           at_ms=T0 + HOUR)
    assert ended.workflow.id == theirs and ended.workflow.state.status == rules.FAILED
    assert service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR).workflow.id == mine.id


def test_a_household_leaving_the_laptops_villages_takes_its_workflows_with_it(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp.store import removal

    hid = make_household("邓建军")
    service.start(team["leader"], hid, "identification", at_ms=T0)
    service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    with ctx.db.transaction() as conn:
        removal.evict_households(conn, [hid])
    counts = [ctx.db.scalar(f"SELECT count(*) FROM {t} WHERE household_id = :h", h=hid)
              for t in ("workflow", "workflow_step")]
    assert counts == [0, 0]


def test_a_district_adapts_the_steps_in_reference_data_but_cannot_shorten_a_notice(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    from fieldapp import resources
    from fieldapp.domain import refdata
    from tests.helpers.people import logged_in

    raw = json.loads(resources.read_text("refdata", "workflows.json"))
    notice = next(s for s in raw["workflows"][0]["steps"] if s["code"] == "04")
    notice["min_days"] = 10
    ctx.paths.refdata_overrides.mkdir(parents=True, exist_ok=True)
    override = ctx.paths.refdata_overrides / "workflows.json"
    override.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    hid = make_household("袁志明")
    leader = logged_in(ctx.paths, TEAM["leader"])  # opened after the override: reads it
    try:
        view = service.start(leader, hid, "identification", at_ms=T0)
        t = _run_through(team, hid, view.definition.steps[:3], T0)
        with pytest.raises(rules.TooEarly) as early:
            service.decide(leader, hid, "04", rules.PASS, at_ms=t + 8 * DAY)
        assert early.value.earliest == rules.day_of(t) + dt.timedelta(days=10)
        notice["min_days"] = 2
        override.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(refdata.RefDataError, match="公示期不得少于 7 天"):
            rules.definitions(refdata.RefData(ctx.paths.refdata_overrides))
    finally:
        leader.close()
