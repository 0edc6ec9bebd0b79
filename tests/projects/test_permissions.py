"""Who may do what with a project, per role: the services refuse naming the permission, the write path
refuses the same writes made directly, and nothing is stored by a refused act."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records, service
from fieldapp.store.models import Project, ProjectDisbursement
from tests.projects.conftest import WAN, World, draft

D = dt.date


@pytest.mark.parametrize("role", ["member", "admin"])
def test_roles_without_project_edit_cannot_record_a_project(
        signed_in: Callable[..., AppContext], world: World, role: str) -> None:
    c = signed_in(role)
    with pytest.raises(PermissionDenied) as refused:
        service.create(c, draft(world.east))
    assert refused.value.permission == "project.edit" and "录入和修改帮扶项目" in str(refused.value)
    assert c.db.scalar("SELECT count(*) FROM project") == 0


@pytest.mark.parametrize("role", ["leader", "committee"])
def test_a_village_team_records_its_projects_but_neither_approves_disburses_nor_accepts(
        signed_in: Callable[..., AppContext], world: World, role: str) -> None:
    c = signed_in(role)
    pid = service.create(c, draft(world.east))
    with pytest.raises(PermissionDenied) as refused:  # a town's project is the town reviewers'
        service.create(c, draft(world.town))
    assert refused.value.permission == "project.approve"
    with pytest.raises(PermissionDenied) as refused:
        service.approve(c, pid, 50 * WAN, D(2026, 3, 1))
    assert refused.value.permission == "project.approve"
    with pytest.raises(PermissionDenied) as refused, c.writer.transaction() as txn:  # the write path says the same
        txn.update(Project, pid, {"status": "approved", "approved_amount": 50 * WAN, "approved_on": D(2026, 3, 1)})
    assert refused.value.permission == "project.approve"
    with pytest.raises(PermissionDenied) as refused:
        service.disburse(c, pid, day=D(2026, 4, 1), amount=WAN, channel="superior", payee="x", voucher_no="1")
    assert refused.value.permission == "project.disburse"
    with pytest.raises(PermissionDenied) as refused, c.writer.transaction() as txn:
        txn.insert(ProjectDisbursement, {"project_id": pid, "village_id": world.east, "date": D(2026, 4, 1),
                                         "amount": WAN, "channel": "superior", "payee": "x", "voucher_no": "1"})
    assert refused.value.permission == "project.disburse"
    assert records.get(c.db, pid).status == "planned" and c.db.scalar("SELECT count(*) FROM project_disbursement") == 0


def test_an_approved_project_is_changed_by_its_approvers_until_it_starts(
        signed_in: Callable[..., AppContext], ctx: AppContext, world: World, approved_project: str) -> None:
    leader = signed_in("leader")
    with pytest.raises(PermissionDenied) as refused:
        service.set_budget(leader, approved_project, {"superior": 60 * WAN})
    assert refused.value.permission == "project.approve"
    with pytest.raises(PermissionDenied) as refused:
        service.change_status(leader, approved_project, "planned")  # withdrawing the approval
    assert refused.value.permission == "project.approve"
    with pytest.raises(PermissionDenied):  # the write rule keys on the status: approved rows are the approvers'
        service.edit(leader, approved_project, {"note": "改"})
    service.change_status(leader, approved_project, "in_progress", actual_start=D(2026, 3, 15))
    service.edit(leader, approved_project, {"note": "开工"})
    with pytest.raises(PermissionDenied) as refused, leader.writer.transaction() as txn:  # the approval stays theirs
        txn.update(Project, approved_project, {"approved_amount": 60 * WAN})
    assert refused.value.permission == "project.approve"
    service.change_status(leader, approved_project, "completed", actual_end=D(2026, 9, 1))
    with pytest.raises(PermissionDenied) as refused:
        service.accept(leader, approved_project, day=D(2026, 9, 5), members=["甲"], findings="好", passed=True)
    assert refused.value.permission == "project.accept"
    assert records.get(ctx.db, approved_project).status == "completed"


@pytest.mark.parametrize("role", ["township", "district"])
def test_the_reviewers_approve_disburse_and_accept(signed_in: Callable[..., AppContext], world: World,
                                                   role: str) -> None:
    c = signed_in(role)
    pid = service.create(c, draft(world.town, budget={"superior": 10 * WAN}, industry=None, type="infrastructure"))
    service.approve(c, pid, 10 * WAN, D(2026, 3, 1))
    service.disburse(c, pid, day=D(2026, 4, 1), amount=4 * WAN, channel="superior", payee="施工方", voucher_no="A1")
    service.change_status(c, pid, "in_progress", actual_start=D(2026, 3, 10))
    service.change_status(c, pid, "completed", actual_end=D(2026, 8, 1))
    record = service.accept(c, pid, day=D(2026, 8, 5), members=["甲", "乙"], findings="合格", passed=True)
    assert record.role == role and records.get(c.db, pid).status == "accepted"
