"""Generating and signing a summary: who may, regenerating before and after signing, a change after signing
shown, the roll-up of the stored summaries with a missing village flagged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fieldapp.domain import report as rules
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.context import AppContext
from fieldapp.services.report import rollup, service
from fieldapp.services.signoff import service as signoff
from fieldapp.store import guard
from tests.report.conftest import AFTER, WEEK, Week, ms, visit


def test_generate_sign_regenerate_and_tamper(signed_in: Callable[..., AppContext], week: Week) -> None:
    leader = signed_in("leader", name="吴书记", cadre_id=week.me)
    member = signed_in("member", name="郑队员")
    with pytest.raises(PermissionDenied, match=r"report\.write"):
        service.generate(member, week.east, WEEK, today=AFTER)
    with pytest.raises(rules.ReportError, match="尚未结束"):
        service.generate(leader, week.east, WEEK, today=AFTER.replace(day=5))
    draft = service.generate(leader, week.east, WEEK, narrative="本周走访 3 户次。", today=AFTER)
    assert not draft.signed and draft.figures.visits == 3 and draft.author_name == "吴书记"
    visit(leader, week.east, AFTER.replace(day=6), [week.me], week.b)
    again = service.generate(leader, week.east, WEEK, today=AFTER)  # before signing: updated, narrative kept
    assert again.id == draft.id and again.figures.visits == 4 and again.narrative == "本周走访 3 户次。"
    signed = service.generate(leader, week.east, WEEK, narrative="本周走访 4 户次。", sign=True, today=AFTER)
    assert signed.signed and service.status(leader.db, signed.id).state == signoff.VALID
    with pytest.raises(rules.ReportError, match="已签字上报；重新生成须同时重新签字"):
        service.generate(leader, week.east, WEEK, narrative="改一下", today=AFTER)
    assert service.get(leader.db, signed.id).narrative == "本周走访 4 户次。"  # nothing written

    # a change that bypasses the app shows against the signature, naming the field
    with guard.raw_writes_allowed(), leader.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE summary SET narrative = '本周走访 40 户次。' WHERE id = ?", (signed.id,))
    changed = service.status(leader.db, signed.id)
    assert changed.state == signoff.CHANGED and [d.field for d in changed.differences] == ["narrative"]
    resigned = service.generate(leader, week.east, WEEK, narrative="本周走访 4 户次。", sign=True, today=AFTER)
    assert service.status(leader.db, resigned.id).state == signoff.VALID
    history = service.history(leader.db, resigned.id)
    assert len(history) == 2 and history[0].id == resigned.signoff_id and history[1].id == signed.signoff_id
    assert "本周走访 4 户次。" in history[1].snapshot  # the earlier signature keeps what it covered
    with pytest.raises(rules.ReportError, match="无须再签"):
        service.sign(leader, week.east, WEEK)


def test_the_rollup_sums_signed_summaries_and_flags_the_rest(signed_in: Callable[..., AppContext], week: Week) -> None:
    leader = signed_in("leader", name="吴书记", cadre_id=week.me)
    period = rules.parse_period(WEEK)
    east = service.generate(leader, week.east, WEEK, sign=True, today=AFTER, at_ms=ms(AFTER))  # a day late
    up = rollup.rollup(leader.db, period, today=AFTER)
    lines = {v.name: v.standing for v in up.villages}
    assert lines["东村"].state == rules.LATE and lines["西村"].state == rules.MISSING and lines["西村"].overdue
    assert [v.name for v in up.flagged] == ["东村", "西村"]
    (town,) = up.towns
    assert (town.name, town.totals.villages, town.totals.reported, town.missing, town.late) == ("北宽坪镇", 2, 1, 1, 1)
    assert town.totals.visits == east.figures.visits == 3 and town.totals.measure_amount == 150000
    (district,) = up.districts
    assert district.name == "商州区" and district.totals.exited == 1
    west = service.generate(leader, week.west, WEEK, today=AFTER)  # generated, not signed: not summed
    up = rollup.rollup(leader.db, period, today=AFTER)
    assert {v.name: v.standing.state for v in up.villages}["西村"] == rules.UNSIGNED
    assert up.towns[0].totals.reported == 1 and up.towns[0].unsigned == 1
    service.sign(leader, week.west, WEEK, at_ms=ms(AFTER.replace(day=7)))
    up = rollup.rollup(leader.db, period, today=AFTER)
    assert up.towns[0].totals.visits == 3 + west.figures.visits and up.towns[0].totals.reported == 2


def test_a_monthly_update_says_whose_attendance_month_is_closed(signed_in: Callable[..., AppContext],
                                                               week: Week) -> None:
    from fieldapp.domain.visits import Month
    from fieldapp.services import attendance

    leader = signed_in("leader", name="吴书记")
    before = service.preview(leader, week.east, rules.parse_period("2026-11"))
    assert [(c.name, c.days, c.met, c.closed) for c in before.cadre_days] == [("王伟", 1, False, False)]
    attendance.close_month(leader, week.me, Month(2026, 11), today=AFTER)
    update = service.generate(leader, week.east, "2026-11", kind="monthly", sign=True, today=AFTER)
    assert [(c.name, c.closed) for c in update.figures.cadre_days] == [("王伟", True)]
    assert update.figures.attendance_minimum == 15 and update.figures.cadres_short == 1
