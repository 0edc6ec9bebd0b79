"""What was tried: one cadre wrote 15 check-ins for another and made her month compliant.

Now it is impossible through the services, the CLI and sync, and a cadre who back-fills her own
month is visible: late check-ins wait for the team leader and count only once confirmed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.domain.people import PermissionDenied
from fieldapp.domain.visits import Month
from fieldapp.services import attendance
from fieldapp.services.context import AppContext
from fieldapp.sync.body import Change
from fieldapp.sync.merge import Merger
from tests.helpers.people import as_role, cli_user

MONTH = Month(2025, 5)
AFTER = dt.date(2025, 6, 2)  # the forger's "today": the month is over


def _days(ctx: AppContext, cadre: str) -> int:
    with ctx.db.read() as conn:
        return attendance.month_days(conn, [cadre], MONTH.first, MONTH.last).get(cadre, {}).get(MONTH, 0)


def test_a_cadre_cannot_check_in_for_another(ctx: AppContext, make_cadre: Callable[..., str]) -> None:
    her = make_cadre("刘芳")
    forger = as_role(ctx, "member", name="张三", cadre_id=ctx.settings["cadre_id"])
    leader = as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader"))
    try:
        for who in (forger, leader):  # not even the team leader writes somebody else's days
            with pytest.raises(PermissionDenied) as refused:
                attendance.checkin(who, dt.date(2025, 5, 1), cadre_id=her, today=dt.date(2025, 5, 1))
            assert refused.value.permission == "checkin.others"
            assert "替他人签到" in str(refused.value)
    finally:
        forger.close()
        leader.close()
    assert _days(ctx, her) == 0 and ctx.db.scalar("SELECT count(*) FROM checkin") == 0


def test_fifteen_forged_check_ins_arriving_by_sync_are_refused(ctx: AppContext,
                                                               make_cadre: Callable[..., str]) -> None:
    her = make_cadre("刘芳")
    forger = as_role(ctx, "member", name="张三", cadre_id=ctx.settings["cadre_id"])
    forger_id = forger.session.person_id
    forger.close()
    village = ctx.settings["village_ids"][0]
    base = ctx.writer.clock.now() + 1000
    forged = [Change(origin="forger-laptop", seq=i, hlc=base + i, tbl="checkin",
                     row_id=natural_id("checkin", her, dt.date(2025, 5, i).isoformat()), household_id=None,
                     op="insert", fields={"cadre_id": her, "village_id": village,
                                          "date": dt.date(2025, 5, i).isoformat(), "entered_on": AFTER.isoformat()},
                     prev={}, user_id=forger_id, user_name="张三") for i in range(1, 16)]
    with ctx.db.transaction() as conn:
        merger = Merger(conn, ctx.writer.clock, {})
        merger.apply(forged)
        stats = merger.finish()
    assert (stats.applied, stats.refused) == (0, 15)
    assert all("checkin.others" in r["reason"] for r in stats.refusals)
    assert _days(ctx, her) == 0


def test_back_filling_ones_own_month_is_visible_and_counts_only_once_confirmed(
        ctx: AppContext, make_cadre: Callable[..., str]) -> None:
    her_cadre = make_cadre("刘芳")
    her = as_role(ctx, "member", name="刘芳", cadre_id=her_cadre)
    try:
        for i in range(1, 16):  # all fifteen written on 2 June
            attendance.checkin(her, dt.date(2025, 5, i), today=AFTER)
        attendance.checkin(her, dt.date(2025, 5, 31), today=AFTER)  # two days back: on time
        assert _days(ctx, her_cadre) == 1  # the fifteen entered late count for nothing yet
        with ctx.db.read() as conn:
            waiting = attendance.late_checkins(conn)
            days = attendance.days_of_month(conn, her_cadre, MONTH)
        assert [(w.name, w.entered_on) for w in waiting] == [("刘芳", AFTER)] * 15
        assert sum(d.pending for d in days) == 15 and [d.date.day for d in days if d.checked_in] == [31]
        with pytest.raises(PermissionDenied) as refused:  # nobody confirms their own
            attendance.confirm_checkin(her, her_cadre, dt.date(2025, 5, 1))
        assert refused.value.permission == "checkin.confirm_own"
    finally:
        her.close()
    leader = as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader"))
    try:
        for i in range(1, 16):
            attendance.confirm_checkin(leader, her_cadre, dt.date(2025, 5, i))
        with pytest.raises(ValidationError, match="已经确认过"):
            attendance.confirm_checkin(leader, her_cadre, dt.date(2025, 5, 1))
        with pytest.raises(ValidationError, match="按时登记"):
            attendance.confirm_checkin(leader, her_cadre, dt.date(2025, 5, 31))
        confirmer = ctx.db.scalar("SELECT DISTINCT person_id FROM checkin_confirm")
        assert confirmer == leader.session.person_id
    finally:
        leader.close()
    assert _days(ctx, her_cadre) == 16
    with ctx.db.read() as conn:
        assert attendance.late_checkins(conn) == []
        assert len(attendance.late_checkins(conn, pending_only=False)) == 15


def test_the_cli_checks_in_only_oneself_and_lists_late_ones(
        ctx: AppContext, make_cadre: Callable[..., str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    her_cadre = make_cadre("刘芳")
    as_role(ctx, "member", name="刘芳", cadre_id=her_cadre).close()
    as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader")).close()
    early = dt.date.today() - dt.timedelta(days=10)
    cli_user(monkeypatch, "刘芳")
    assert main(["attendance", "checkin", "--date", early.isoformat()]) == 0
    assert "补登" in capsys.readouterr().out
    assert main(["attendance", "confirm", "刘芳", early.isoformat()]) == 1
    assert "checkin.confirm_own" in capsys.readouterr().err
    cli_user(monkeypatch, "队长甲")
    assert main(["attendance", "late"]) == 0
    assert f"刘芳\t{early.isoformat()}" in capsys.readouterr().out
    assert main(["attendance", "confirm", "刘芳", early.isoformat()]) == 0
    capsys.readouterr()
    assert main(["attendance", "month", "刘芳", early.strftime("%Y-%m")]) == 0
    out = capsys.readouterr().out
    assert f"{early.isoformat()}\t签到" in out and "在村 1 天" in out
