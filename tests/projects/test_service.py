"""Projects through the services: every refusal happens before saving (nothing stored), names each problem,
and the money stays consistent through approval, beneficiaries, disbursements, progress and the signed
acceptance (a change after signing shows); what a household received is totalled by year and channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain import projects as rules
from fieldapp.services.context import AppContext
from fieldapp.services.projects import received, records, service
from fieldapp.services.signoff import service as signoff
from fieldapp.store import guard
from fieldapp.store.models import Measure
from tests.projects.conftest import WAN, World, draft

D = dt.date


def _count(ctx: AppContext, table: str) -> int:
    return int(ctx.db.scalar(f"SELECT count(*) FROM {table}"))


def _jpeg(path: Path, color: tuple[int, int, int]) -> Path:
    from PIL import Image

    Image.new("RGB", (120, 90), color).save(path, "JPEG")
    return path


def test_a_project_is_created_with_its_budget_split(ctx: AppContext, world: World, project: str) -> None:
    v = records.get(ctx.db, project)
    assert (v.name, v.village_id, v.town_id, v.status, v.budget_total) == (
        "核桃园提质增效", world.east, world.town, "planned", 60 * WAN)
    assert v.budget == {"superior": 50 * WAN, "local_finance": 10 * WAN}
    assert v.area_name == "东村" and not v.is_town_project
    assert [line.name for line in records.list_projects(ctx.db, [world.east])] == ["核桃园提质增效"]
    assert records.list_projects(ctx.db, [world.west]) == []
    assert len(records.list_projects(ctx.db, [world.town])) == 1  # a town lists its villages' projects


def test_a_budget_that_does_not_add_up_is_refused_before_saving(ctx: AppContext, world: World) -> None:
    with pytest.raises(rules.InconsistentProject) as refused:
        service.create(ctx, draft(world.east, budget_total=61 * WAN, planned_end=D(2026, 3, 1)))
    assert [p.message for p in refused.value.problems] == [
        "各资金渠道预算合计 600,000.00元，与总预算 610,000.00元 不相等（相差 10,000.00元）",
        "计划完工日期 2026-03-01 早于计划开工日期 2026-03-10"]
    assert _count(ctx, "project") == _count(ctx, "project_budget") == 0
    with pytest.raises(rules.ProjectError, match="项目类型“road”不存在"):
        service.create(ctx, draft(world.east, type="road"))
    with pytest.raises(rules.ProjectError, match="请填写实施单位"):
        service.create(ctx, draft(world.east, unit=" "))
    assert _count(ctx, "project") == 0


def test_approval_and_its_checks(ctx: AppContext, project: str) -> None:
    with pytest.raises(rules.InconsistentProject) as refused:
        service.approve(ctx, project, 61 * WAN, D(2026, 3, 1))
    assert [p.message for p in refused.value.problems] == ["批复金额 610,000.00元 超过总预算 600,000.00元"]
    assert records.get(ctx.db, project).status == "planned"
    service.approve(ctx, project, 55 * WAN, D(2026, 3, 1))
    v = records.get(ctx.db, project)
    assert (v.status, v.approved_amount, v.approved_on) == ("approved", 55 * WAN, D(2026, 3, 1))
    with pytest.raises(rules.InconsistentProject, match="不能从“已批复”改为“已批复”"):
        service.approve(ctx, project, 50 * WAN, D(2026, 3, 2))


def test_beneficiaries_add_up_to_at_most_the_approved_amount(ctx: AppContext, world: World,
                                                             approved_project: str) -> None:
    service.set_beneficiary(ctx, approved_project, world.a, 30 * WAN)
    service.set_beneficiary(ctx, approved_project, world.b, 25 * WAN)  # 55万: exactly the approved amount
    with pytest.raises(rules.InconsistentProject) as refused:
        service.set_beneficiary(ctx, approved_project, world.b, 25 * WAN + 1)
    assert [p.message for p in refused.value.problems] == [
        "受益户计划金额合计 550,000.01元，超过批复金额 550,000.00元（超出 0.01元）"]
    assert {b.household_id: b.amount for b in records.get(ctx.db, approved_project).beneficiaries} == {
        world.a: 30 * WAN, world.b: 25 * WAN}
    with pytest.raises(rules.ProjectError, match="不属于项目所在的村"):
        service.set_beneficiary(ctx, approved_project, world.c_west, WAN)
    service.remove_beneficiary(ctx, approved_project, world.b)
    assert [b.household_id for b in records.get(ctx.db, approved_project).beneficiaries] == [world.a]


def test_disbursements_stay_within_the_channel_and_the_approved_amount(ctx: AppContext, approved_project: str) -> None:
    pid = approved_project
    service.disburse(ctx, pid, day=D(2026, 4, 1), amount=40 * WAN, channel="superior", payee="镇财政所",
                     voucher_no="记-001")
    with pytest.raises(rules.InconsistentProject) as refused:
        service.disburse(ctx, pid, day=D(2026, 4, 2), amount=11 * WAN, channel="superior", payee="镇财政所",
                         voucher_no="记-002")
    assert [p.message for p in refused.value.problems] == [
        "资金渠道“上级”已拨付 510,000.00元，超过该渠道预算 500,000.00元（超出 10,000.00元）"]
    service.disburse(ctx, pid, day=D(2026, 4, 3), amount=10 * WAN, channel="local_finance", payee="合作社",
                     voucher_no="记-003")
    with pytest.raises(rules.InconsistentProject) as refused:  # 50万 paid of 55万 approved; 6万 more is too much
        service.disburse(ctx, pid, day=D(2026, 4, 4), amount=6 * WAN, channel="superior", payee="镇财政所",
                         voucher_no="记-004")
    assert [p.code for p in refused.value.problems] == ["disbursed_over_approved"]  # 上级 46万 ≤ 50万 itself
    assert "累计拨付 560,000.00元，超过批复金额 550,000.00元（超出 10,000.00元）" in str(refused.value)
    with pytest.raises(rules.InconsistentProject, match="早于项目批复日期"):
        service.disburse(ctx, pid, day=D(2026, 2, 1), amount=WAN, channel="superior", payee="镇财政所",
                         voucher_no="记-005")
    with pytest.raises(rules.ProjectError, match="凭证号 记-001 已登记过"):
        service.disburse(ctx, pid, day=D(2026, 4, 5), amount=WAN, channel="superior", payee="镇财政所",
                         voucher_no="记-001")
    with pytest.raises(rules.ProjectError, match="请填写凭证号"):
        service.disburse(ctx, pid, day=D(2026, 4, 5), amount=WAN, channel="superior", payee="镇财政所", voucher_no="")
    v = records.get(ctx.db, pid)
    assert v.disbursed == 50 * WAN and [d.voucher_no for d in v.disbursements] == ["记-001", "记-003"]
    # the budget cannot shrink below what was paid on a channel
    with pytest.raises(rules.InconsistentProject, match="超过该渠道预算"):
        service.set_budget(ctx, pid, {"superior": 50 * WAN, "local_finance": 5 * WAN, "social": 5 * WAN})
    # withdrawing the approval of a project with money paid is refused
    with pytest.raises(rules.InconsistentProject, match=r"已拨付 500,000\.00元，不能撤回批复"):
        service.change_status(ctx, pid, "planned")


def test_a_project_is_not_disbursed_before_approval(ctx: AppContext, project: str) -> None:
    with pytest.raises(rules.InconsistentProject) as refused:
        service.disburse(ctx, project, day=D(2026, 4, 1), amount=WAN, channel="superior", payee="镇财政所",
                         voucher_no="记-1")
    assert [p.code for p in refused.value.problems] == ["disbursed_unapproved"]
    assert _count(ctx, "project_disbursement") == 0


def test_the_course_of_a_project_to_its_signed_acceptance(
        ctx: AppContext, world: World, approved_project: str, signed_in: Callable[..., AppContext],
        tmp_path: Path) -> None:
    pid = approved_project
    service.set_beneficiary(ctx, pid, world.a, 2 * WAN)
    with pytest.raises(rules.InconsistentProject, match="开始实施须填写实际开工日期"):
        service.change_status(ctx, pid, "in_progress")
    with pytest.raises(rules.InconsistentProject, match="只有实施中或已完工的项目才能报进度"):
        service.record_progress(ctx, pid, D(2026, 3, 20), 10)
    service.change_status(ctx, pid, "in_progress", actual_start=D(2026, 3, 15))
    photo = _jpeg(tmp_path / "site.jpg", (120, 160, 90))
    service.record_progress(ctx, pid, D(2026, 5, 1), 40, note="栽植完成", photos=[photo, photo])
    with pytest.raises(rules.InconsistentProject, match="进度 30% 低于此前已报的 40%"):
        service.record_progress(ctx, pid, D(2026, 6, 1), 30)
    (tmp_path / "notes.txt").write_text("not a photo")
    with pytest.raises(ValueError, match="不是 JPEG 或 PNG 图片"):
        service.record_progress(ctx, pid, D(2026, 6, 1), 60, photos=[tmp_path / "notes.txt"])
    assert _count(ctx, "project_progress") == 1
    service.change_status(ctx, pid, "completed", actual_end=D(2026, 9, 20))
    v = records.get(ctx.db, pid)
    assert (v.status, v.percent, len(v.progress[0].photo_ids)) == ("completed", 40, 1)

    township = signed_in("township", name="乡镇验收员")
    with pytest.raises(rules.InconsistentProject) as refused:
        service.accept(township, pid, day=D(2026, 9, 1), members=[" "], findings="", passed=True)
    assert [p.code for p in refused.value.problems] == ["accept_members", "accept_findings", "accept_date"]
    failed = service.accept(township, pid, day=D(2026, 9, 25), members=["赵镇长", "村监委刘"],
                            findings="部分苗木未成活，须补植", passed=False)
    assert records.get(ctx.db, pid).status == "completed"
    service.change_status(ctx, pid, "in_progress")  # back to work after a failed acceptance
    service.change_status(ctx, pid, "completed", actual_end=D(2026, 10, 5))
    passed = service.accept(township, pid, day=D(2026, 10, 8), members=["赵镇长", "村监委刘", "张大山"],
                            findings="补植完成，成活率95%，同意验收", passed=True)
    v = records.get(ctx.db, pid)
    assert v.status == "accepted" and [a.passed for a in v.acceptances] == [False, True]
    assert v.acceptances[1].members == ("赵镇长", "村监委刘", "张大山") and v.acceptances[1].signoff_id == passed.id
    state = signoff.status(ctx.db, "project_acceptance", v.acceptances[1].id)
    assert state.state == signoff.VALID and state.signoff is not None and state.signoff.person_name == "乡镇验收员"
    assert signoff.status(ctx.db, "project_acceptance", v.acceptances[0].id).signoff.code == failed.code  # type: ignore[union-attr]
    assert "项目验收 核桃园提质增效 2026-10-08" in signoff.subject_text(ctx.db, state.signoff)  # type: ignore[arg-type]
    with pytest.raises(rules.ProjectError, match="已验收，不能再修改"):
        service.edit(ctx, pid, {"name": "别的名字"})

    # the findings rewritten behind the app's back: the signature says the acceptance changed since signed
    with guard.raw_writes_allowed(), ctx.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE project_acceptance SET findings = '验收合格' WHERE id = ?",
                             (v.acceptances[1].id,))
        conn.exec_driver_sql("UPDATE project_beneficiary SET amount = 3000000 WHERE project_id = ?", (pid,))
    changed = signoff.status(ctx.db, "project_acceptance", v.acceptances[1].id)
    assert changed.state == signoff.CHANGED
    assert {(d.table, d.field) for d in changed.differences} == {("project_acceptance", "findings"),
                                                                  ("project_beneficiary", "amount")}


def test_a_town_project_belongs_to_the_town_and_takes_households_of_its_villages(
        ctx: AppContext, world: World) -> None:
    pid = service.create(ctx, draft(world.town, name="镇污水处理站", type="infrastructure", industry=None,
                                    budget={"superior": 80 * WAN}))
    v = records.get(ctx.db, pid)
    assert v.is_town_project and v.village_id == v.town_id == world.town and v.area_name == "北宽坪镇"
    service.set_beneficiary(ctx, pid, world.a, WAN)
    service.set_beneficiary(ctx, pid, world.c_west, WAN)
    assert len(records.get(ctx.db, pid).beneficiaries) == 2
    district = ctx.db.scalar("SELECT id FROM area WHERE level = 'district'")
    with pytest.raises(rules.ProjectError, match="只能属于一个村或一个乡镇"):
        service.create(ctx, draft(district))


def test_what_a_household_received_by_project_channel_and_year(ctx: AppContext, world: World,
                                                               approved_project: str) -> None:
    service.set_beneficiary(ctx, approved_project, world.a, 5 * WAN)
    rows = [  # (date, amount in fen, channel, project?)
        (D(2025, 6, 1), 300_000, "superior", False),      # 2025: 上级 3000.00
        (D(2025, 9, 1), 150_050, "local_finance", False),  # 2025: 本级 1500.50
        (D(2026, 4, 1), 2_000_000, "superior", True),     # 2026: 上级 20000.00 from the project
        (D(2026, 5, 1), 1_000_000, "superior", True),     # 2026: 上级 10000.00 from the project
        (D(2026, 7, 1), 80_000, "social", False),         # 2026: 社会 800.00
        (D(2026, 8, 1), 12_345, None, False),              # 2026: no channel 123.45
        (None, 5_000, "social", False),                    # undated: 社会 50.00
    ]
    ids = []
    with ctx.writer.transaction() as txn:
        for day, amount, channel, _of_project in rows:
            ids.append(txn.insert(Measure, {"household_id": world.a, "type": "industry", "content": "核桃苗",
                                            "amount": amount, "fund_channel": channel, "date": day}))
        txn.insert(Measure, {"household_id": world.a, "type": "motivation", "content": "宣讲", "amount": None})
        txn.insert(Measure, {"household_id": world.b, "type": "industry", "content": "别户", "amount": 99_999,
                             "fund_channel": "superior", "date": D(2026, 1, 1)})
    for measure_id, row in zip(ids, rows, strict=True):
        if row[3]:
            service.link_measure(ctx, measure_id, approved_project)
    with pytest.raises(rules.ProjectError, match="资金渠道“social”不在项目"):
        service.link_measure(ctx, ids[4], approved_project)
    lines = received.received(ctx.db, world.a)
    assert [(r.date, r.amount, r.channel, r.project_name) for r in lines] == [
        (d, a, c, "核桃园提质增效" if p else None) for d, a, c, p in rows]
    totals = received.totals_by_year(ctx.db, world.a)
    assert [(t.year, t.by_channel, t.total) for t in totals] == [
        (2025, {"superior": 300_000, "local_finance": 150_050}, 450_050),
        (2026, {"superior": 3_000_000, "social": 80_000, None: 12_345}, 3_092_345),
        (None, {"social": 5_000}, 5_000)]
