"""Attendance (驻村考勤): days in the village from visits and check-ins, compliance tables, xlsx export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.domain import visits as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.domain.visits import Month
from fieldapp.services import attendance
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoffs
from fieldapp.services.visits import VisitDraft
from tests.helpers.people import as_role

TODAY = dt.date(2025, 6, 15)


def _visit(ctx: AppContext, household: str, day: dt.date, *cadres: str, found: str = "走访") -> str:
    return svc.save_visit(ctx, VisitDraft(date=day, type="01", household_id=household, found=found,
                                          cadre_ids=list(cadres)), today=TODAY)


def _days(ctx: AppContext, cadres: list[str], start: dt.date, end: dt.date) -> dict[str, dict[Month, int]]:
    with ctx.db.read() as conn:
        return attendance.month_days(conn, cadres, start, end)


def test_days_split_at_the_month_boundary(ctx: AppContext, household: str, me: str) -> None:
    for day in (dt.date(2025, 1, 30), dt.date(2025, 1, 31), dt.date(2025, 2, 1)):
        _visit(ctx, household, day, me)
    _visit(ctx, household, dt.date(2025, 1, 31), me, found="同一天第二次走访")
    assert _days(ctx, [me], dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == {
        me: {Month(2025, 1): 2, Month(2025, 2): 1}}
    # the range is respected day by day: Jan 31 alone
    assert _days(ctx, [me], dt.date(2025, 1, 31), dt.date(2025, 1, 31)) == {me: {Month(2025, 1): 1}}


def test_every_cadre_on_a_shared_visit_gets_the_day(
        ctx: AppContext, household: str, me: str, make_cadre: Callable[..., str]) -> None:
    a, b = make_cadre("赵敏"), make_cadre("钱进")
    _visit(ctx, household, dt.date(2025, 3, 3), me, a, b)
    _visit(ctx, household, dt.date(2025, 3, 4), a)
    assert _days(ctx, [me, a, b], dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == {
        me: {Month(2025, 3): 1}, a: {Month(2025, 3): 2}, b: {Month(2025, 3): 1}}


def test_a_checkin_and_a_visit_on_the_same_day_count_once(ctx: AppContext, household: str, me: str) -> None:
    _visit(ctx, household, dt.date(2025, 4, 7), me)
    attendance.checkin(ctx, dt.date(2025, 4, 7), note="开会", today=dt.date(2025, 4, 8))
    attendance.checkin(ctx, dt.date(2025, 4, 8), today=dt.date(2025, 4, 8))
    attendance.checkin(ctx, dt.date(2025, 4, 8), note="补记", today=TODAY)  # same day again: one check-in
    assert ctx.db.scalar("SELECT count(*) FROM checkin") == 2
    assert _days(ctx, [me], dt.date(2025, 4, 1), dt.date(2025, 4, 30)) == {me: {Month(2025, 4): 2}}
    with ctx.db.read() as conn:
        days = attendance.days_of_month(conn, me, Month(2025, 4))
    assert [(d.date.day, d.visits, d.checked_in, d.note) for d in days] == [(7, 1, True, "开会"), (8, 0, True, "补记")]
    assert attendance.remove_checkin(ctx, me, dt.date(2025, 4, 8))
    assert not attendance.remove_checkin(ctx, me, dt.date(2025, 4, 8))
    assert _days(ctx, [me], dt.date(2025, 4, 1), dt.date(2025, 4, 30)) == {me: {Month(2025, 4): 1}}


def test_deleted_visits_and_removed_cadres_stop_counting(
        ctx: AppContext, household: str, me: str, make_cadre: Callable[..., str]) -> None:
    other = make_cadre("赵敏")
    gone = _visit(ctx, household, dt.date(2025, 5, 5), me)
    shared = _visit(ctx, household, dt.date(2025, 5, 6), me, other)
    svc.delete_visit(ctx, gone)
    edit = svc.load_visit(ctx.db, shared)
    edit.cadre_ids = [other]
    svc.save_visit(ctx, edit, today=TODAY)
    assert _days(ctx, [me, other], dt.date(2025, 5, 1), dt.date(2025, 5, 31)) == {other: {Month(2025, 5): 1}}


def test_bad_checkins_are_refused(ctx: AppContext, village_ids: list[str]) -> None:
    with pytest.raises(ValidationError, match="不能提前签到"):
        attendance.checkin(ctx, dt.date(2025, 6, 16), today=TODAY)
    with pytest.raises(ValidationError, match="不属于本机负责的村"):
        attendance.checkin(ctx, dt.date(2025, 6, 1), village_id="elsewhere", today=TODAY)
    with pytest.raises(ValidationError, match="所选干部不存在"):
        attendance.checkin(ctx, dt.date(2025, 6, 1), cadre_id="nobody", today=TODAY)
    assert ctx.db.scalar("SELECT count(*) FROM checkin") == 0
    attendance.checkin(ctx, dt.date(2025, 6, 1), village_id=village_ids[1], today=TODAY)
    assert ctx.db.scalar("SELECT village_id FROM checkin") == village_ids[1]


def test_the_month_status_rule() -> None:
    may, june, july = Month(2025, 5), Month(2025, 6), Month(2025, 7)
    assert rules.month_status(may, 15, TODAY) == "met"
    assert rules.month_status(may, 14, TODAY) == "short"
    assert rules.month_status(june, 3, TODAY) == "open"
    assert rules.month_status(june, 15, TODAY) == "met"
    assert rules.month_status(july, 0, TODAY) == "future"
    assert rules.month_status(Month(2025, 6), 14, dt.date(2025, 6, 30)) == "open"  # the last day still counts
    assert rules.leader_status(2024, 2, TODAY) == "short"
    assert rules.leader_status(2025, 2, TODAY) == "open"
    assert rules.leader_status(2025, 3, TODAY) == "met"
    assert Month(2024, 2).last == dt.date(2024, 2, 29) and Month(2025, 2).last == dt.date(2025, 2, 28)


def test_compliance_and_leader_tables_and_their_export(
        ctx: AppContext, household: str, me: str, make_cadre: Callable[..., str], tmp_path: Path) -> None:
    leader = make_cadre("孙局长", role="unit_leader", unit="区国土资源局")
    make_cadre("周主任", role="unit_leader", unit="区财政局")
    make_cadre("吴科员", role="town_office")  # not a resident cadre: not in the compliance table
    for day in range(1, 16):  # 15 days in January: met
        attendance.checkin(ctx, dt.date(2025, 1, day), today=dt.date(2025, 1, day))
    for day in range(1, 15):  # 14 days in February: short
        _visit(ctx, household, dt.date(2025, 2, day), me)
    march = [_visit(ctx, household, dt.date(2025, 3, day), me, leader) for day in (2, 9, 16)]
    old = _visit(ctx, household, dt.date(2024, 12, 31), leader)  # last year: not counted for 2025
    unit_leader = as_role(ctx, "member", name="孙局长", cadre_id=leader)
    colleague = as_role(ctx, "leader", name="别人", cadre_id=me)
    try:
        for visit in (*march[:2], old):  # a unit leader's visit counts once they sign it themselves
            signoffs.sign_visit(unit_leader, visit)
        signoffs.sign_visit(colleague, march[2])  # somebody else's signature does not make it theirs
        with pytest.raises(PermissionDenied):  # nor may they sign a visit they were not on
            signoffs.sign_visit(unit_leader, _visit(ctx, household, dt.date(2025, 3, 20), me))
    finally:
        unit_leader.close()
        colleague.close()

    with ctx.db.read() as conn:
        [row] = attendance.compliance_table(conn, 2025, today=TODAY)
        leaders = attendance.leader_table(conn, 2025, today=TODAY)
    assert row.name == "王伟"
    assert [(c.days, c.status) for c in row.months[:7]] == [
        (15, "met"), (14, "short"), (4, "short"), (0, "short"), (0, "short"), (0, "open"), (0, "future")]
    assert [(r.name, r.visits, r.unsigned, r.status) for r in leaders] == [
        ("周主任", 0, 0, "open"), ("孙局长", 2, 1, "open")]
    signer = as_role(ctx, "member", name="孙局长2", cadre_id=leader)
    try:
        signoffs.sign_visit(signer, march[2])
    finally:
        signer.close()
    with ctx.db.read() as conn:
        leaders = attendance.leader_table(conn, 2025, today=TODAY)
    assert [(r.name, r.visits, r.unsigned, r.status) for r in leaders] == [
        ("周主任", 0, 0, "open"), ("孙局长", 3, 0, "met")]

    attendance.checkin(ctx, dt.date(2025, 6, 2), today=dt.date(2025, 6, 2))
    path = attendance.export_attendance(ctx, tmp_path / "out" / "考勤.xlsx", 2025, today=TODAY)
    book = load_workbook(path)
    assert book.sheetnames == ["驻村考勤2025", "单位领导走访2025"]
    sheet = book["驻村考勤2025"]
    assert [c.value for c in sheet[1]][:4] == ["姓名", "单位", "角色", "1月"]
    values = [c.value for c in sheet[2]]
    assert values[:3] == ["王伟", "区国土资源局", "驻村工作队员/包扶干部"]
    assert values[3:10] == [15, 14, 4, 0, 0, 1, None]
    assert values[-1] == "2月、3月、4月、5月"
    leader_rows = [[c.value for c in r] for r in book["单位领导走访2025"].iter_rows(min_row=2)]
    assert leader_rows == [["周主任", "区财政局", 0, 3, "进行中", 0], ["孙局长", "区国土资源局", 3, 3, "达标", 0]]
