"""A month of attendance closed by the team leader's signature, reopened only with a reason that stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.domain.visits import Month
from fieldapp.services import attendance
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoffs
from tests.helpers.people import as_role, cli_user

TODAY = dt.date.today()
LAST = Month.of(TODAY.replace(day=1) - dt.timedelta(days=1))  # last month: over


def _day(n: int) -> dt.date:
    return dt.date(LAST.year, LAST.month, n)


def test_a_closed_month_takes_no_change_until_reopened_with_a_reason(
        ctx: AppContext, make_cadre: Callable[..., str]) -> None:
    her_cadre = make_cadre("刘芳")
    her = as_role(ctx, "member", name="刘芳", cadre_id=her_cadre)
    leader = as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader"))
    try:
        attendance.checkin(her, _day(3), today=_day(3))
        attendance.checkin(her, _day(4), today=_day(4) + dt.timedelta(days=9))  # late: waits
        with pytest.raises(PermissionDenied) as refused:  # a member closes nothing
            attendance.close_month(her, her_cadre, LAST)
        assert refused.value.permission == "attendance.close"
        with pytest.raises(ValidationError, match="补登的签到待确认"):
            attendance.close_month(leader, her_cadre, LAST)
        attendance.confirm_checkin(leader, her_cadre, _day(4))
        with pytest.raises(ValidationError, match="还没有结束"):
            attendance.close_month(leader, her_cadre, Month.of(TODAY))
        record = attendance.close_month(leader, her_cadre, LAST)
        assert record.subject == "attendance_month" and record.period == f"{LAST.year:04d}-{LAST.month:02d}"
        with pytest.raises(ValidationError, match=r"已由队长甲.*签字关闭"):
            attendance.checkin(her, _day(5), today=_day(5))
        with pytest.raises(ValidationError, match="签字关闭"):
            attendance.remove_checkin(her, her_cadre, _day(3))
        with pytest.raises(ValidationError, match="签字关闭"):
            attendance.close_month(leader, her_cadre, LAST)  # closed already
        with pytest.raises(ValidationError, match="原因"):
            attendance.reopen_month(leader, her_cadre, LAST, "  ")
        with pytest.raises(PermissionDenied):
            attendance.reopen_month(her, her_cadre, LAST, "我想改")
        attendance.reopen_month(leader, her_cadre, LAST, "漏记了5日的村民大会")
        attendance.checkin(her, _day(5), today=_day(5))  # open again
        status = signoffs.status(ctx.db, "attendance_month", her_cadre, record.period)
        assert status.state == signoffs.CHANGED  # the signed month no longer matches: it shows
        attendance.close_month(leader, her_cadre, LAST)
    finally:
        her.close()
        leader.close()
    with ctx.db.read() as conn:
        state = attendance.month_close(conn, her_cadre, LAST)
        cells = attendance.compliance_table(conn, LAST.year, cadre_ids=[her_cadre])[0].months
    assert state.closed and state.signed_by == "队长甲"
    assert [(r.who, r.reason) for r in state.reopenings] == [("队长甲", "漏记了5日的村民大会")]  # kept for good
    assert cells[LAST.month - 1].closed and cells[LAST.month - 1].days == 3
    assert signoffs.status(ctx.db, "attendance_month", her_cadre, record.period).state == signoffs.VALID


def test_the_cli_closes_reopens_and_shows_a_month(ctx: AppContext, make_cadre: Callable[..., str],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    her_cadre = make_cadre("刘芳")
    as_role(ctx, "member", name="刘芳", cadre_id=her_cadre).close()
    as_role(ctx, "leader", name="队长甲", cadre_id=make_cadre("队长甲", role="leader")).close()
    month = f"{LAST.year:04d}-{LAST.month:02d}"
    cli_user(monkeypatch, "刘芳")
    assert main(["attendance", "close", "刘芳", month]) == 1
    assert "attendance.close" in capsys.readouterr().err
    cli_user(monkeypatch, "队长甲")
    assert main(["attendance", "close", "刘芳", month]) == 0
    assert "验证码" in capsys.readouterr().out
    assert main(["attendance", "month", "刘芳", month]) == 0
    assert "队长甲 已签字关闭" in capsys.readouterr().out
    assert main(["attendance", "reopen", "刘芳", month, "--reason", "补录会议"]) == 0
    capsys.readouterr()
    assert main(["attendance", "month", "刘芳", month]) == 0
    out = capsys.readouterr().out
    assert "已签字关闭" not in out and "重新打开" in out and "补录会议" in out
