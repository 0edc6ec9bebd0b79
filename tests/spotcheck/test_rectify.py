"""Findings and rectifications: who answers for a value, report, reopen, confirm, and the summary figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from fieldapp.domain import spotcheck as sc
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.people import PermissionDenied
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.spotcheck import checklist, draw, rectify, summary
from fieldapp.store.models import Cadre

TODAY = dt.date.today()


def _cadre(ctx: AppContext, name: str) -> str:
    with ctx.writer.transaction() as txn:
        return str(txn.insert(Cadre, {"name": name, "role": "member"}))


def test_the_cadre_who_entered_a_value_answers_for_it_and_the_reviewer_closes_it(
        ctx: AppContext, make_household: Callable[..., str], signed_in: Callable[..., AppContext]) -> None:
    wang = ctx.settings["cadre_id"]
    li = _cadre(ctx, "李四")
    hid = make_household("张三", cadre_id=wang)
    editor = signed_in("member", name="李四", cadre_id=li)
    record = register.load_record(editor.db, hid)
    changed = register.load_record(editor.db, hid)
    changed.household["main_cause"] = "02"
    register.save_record(editor.writer, editor.ref, changed, record)  # 李四 entered the cause of poverty
    reviewer = signed_in("township", name="乡审")
    made = draw.draw_sample(reviewer, level="village", area_id=villages(ctx)[0][0], percent=100, seed="x")
    items = {i.kind: i for i in checklist.draw_items(reviewer.db, made.draw_id, hid)}
    assert (items["eight.3"].cadre_id, items["eight.3"].entered_by_name) == (li, "李四")
    assert items["eight.1"].cadre_id == wang  # the rest was entered before accounts, by the set-up cadre

    with pytest.raises(ValidationError, match="写明哪里不对"):
        checklist.mark_item(reviewer, items["eight.3"].id, sc.INCORRECT)
    with pytest.raises(PermissionDenied):
        checklist.mark_item(editor, items["eight.3"].id, sc.CORRECT)
    outcome = checklist.mark_item(reviewer, items["eight.3"].id, sc.INCORRECT, "应为因病", today=TODAY)
    rect = rectify.get(reviewer.db, outcome.rectification_id or "")
    assert (rect.cadre_id, rect.status, rect.due_date) == (li, sc.OPEN, TODAY + dt.timedelta(days=30))

    wang_account = signed_in("member", name="王伟", cadre_id=wang)
    with pytest.raises(PermissionDenied, match="代他人报告整改完成"):
        rectify.report_done(wang_account, rect.id, "我来改")  # only the responsible cadre (or a leader)
    with pytest.raises(ValidationError, match="尚未报告整改完成"):
        rectify.confirm(reviewer, rect.id)
    rectify.report_done(editor, rect.id, "已改为因病")
    with pytest.raises(ValidationError, match="等待审核员确认"):
        rectify.report_done(editor, rect.id, "再报一次")
    again = rectify.reopen(reviewer, rect.id, "病历未附")
    assert (again.round, again.status, again.reopen_note) == (2, sc.OPEN, "病历未附")
    rectify.report_done(editor, rect.id, "已附病历", done_on=TODAY)
    with pytest.raises(PermissionDenied):
        rectify.confirm(editor, rect.id)
    closed = rectify.confirm(reviewer, rect.id)
    assert closed.status == sc.CLOSED and closed.on_time and len(closed.reports) == 2
    with pytest.raises(ValidationError, match="已经确认"):
        checklist.mark_item(reviewer, items["eight.3"].id, sc.CORRECT)

    _more_findings(reviewer, signed_in("leader", name="队长", cadre_id=wang), items)
    result = summary.summary(reviewer.db, (made.draw_id,), today=TODAY + dt.timedelta(days=31))
    t = result.total
    assert (t.checked, t.incorrect, t.rectifications, t.closed, t.closed_on_time, t.open_overdue) == (5, 2, 2, 1, 1, 0)
    by_cadre = {line.name: line.tally for line in result.by_cadre}
    assert (by_cadre["李四"].checked, by_cadre["李四"].incorrect, by_cadre["李四"].closed_on_time) == (1, 1, 1)
    assert by_cadre["王伟"].checked == 4 and by_cadre["王伟"].error_rate == 0.25


def _more_findings(reviewer: AppContext, leader: AppContext, items: dict[str, checklist.ItemView]) -> None:
    """A leader reports another's rectification done; a finding withdrawn; two items found correct."""
    other = checklist.mark_item(reviewer, items["eight.8"].id, sc.INCORRECT, "渠道应为上级")
    rectify.report_done(leader, other.rectification_id or "", "队长代报")  # a leader may report for others
    checklist.mark_item(reviewer, items["eight.6"].id, sc.INCORRECT, "时限不对")
    withdrawn = checklist.mark_item(reviewer, items["eight.6"].id, sc.CORRECT)
    assert withdrawn.withdrawn and len(rectify.rectifications(reviewer.db)) == 2
    for item in items.values():
        if item.kind in ("eight.1", "eight.2"):
            checklist.mark_item(reviewer, item.id, sc.CORRECT)



def test_the_summary_arithmetic() -> None:
    due = dt.date(2026, 1, 31)
    late = sc.RectificationFacts(due, 1, True, frozenset({1}), dt.date(2026, 2, 3))
    prompt = sc.RectificationFacts(due, 1, True, frozenset({1}), due)
    waiting = sc.RectificationFacts(due, 2, False, frozenset({1}))
    tallies = sc.summarise([("a", sc.CORRECT), ("a", sc.INCORRECT), ("a", None), ("b", sc.CORRECT)],
                           [("a", late), ("a", prompt), ("a", waiting)], dt.date(2026, 2, 10))
    a = tallies["a"]
    assert (a.checked, a.incorrect, a.rectifications, a.closed, a.closed_on_time, a.open_overdue) == (2, 1, 3, 2, 1, 1)
    assert sc.percent_text(a.error_rate) == "50.0%" and tallies["b"].error_rate == 0.0
    assert sc.rectification_status(waiting) == sc.OPEN and sc.overdue(waiting, dt.date(2026, 2, 1))
