"""Two forms on one visit: the second save is refused where the first changed a field it changes too."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.visits import VisitDraft
from fieldapp.store.writer import StaleWrite
from tests.visits.conftest import TODAY


def _visit(ctx: AppContext, household: str) -> str:
    return svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household,
                                          found="屋顶漏雨", done="联系危房改造"), today=TODAY)


def test_a_note_saved_in_one_form_is_not_undone_by_the_other(ctx: AppContext, household: str) -> None:
    visit_id = _visit(ctx, household)
    first, second = svc.load_visit(ctx.db, visit_id), svc.load_visit(ctx.db, visit_id)
    note = copy.deepcopy(first)
    note.done = "联系危房改造；已报镇里"
    svc.save_visit(ctx, note, today=TODAY, original=first)

    # the other form changed only 情况: it saves, and keeps the note
    other = copy.deepcopy(second)
    other.found = "屋顶漏雨，墙体开裂"
    svc.save_visit(ctx, other, today=TODAY, original=second)
    now = svc.load_visit(ctx.db, visit_id)
    assert (now.found, now.done) == ("屋顶漏雨，墙体开裂", "联系危房改造；已报镇里")

    # a third form, loaded before both, that changes the note: refused with both values
    third = copy.deepcopy(second)
    third.done = "联系危房改造；未办"
    with pytest.raises(StaleWrite) as refused:
        svc.save_visit(ctx, third, today=TODAY, original=second)
    [field] = refused.value.fields
    assert (field.field, field.mine, field.theirs) == ("done", "联系危房改造；未办", "联系危房改造；已报镇里")
    assert svc.load_visit(ctx.db, visit_id).done == "联系危房改造；已报镇里"

    base, mine = svc.rebase_visit(second, third, refused.value.fields, {("visit", visit_id, "done")})
    svc.save_visit(ctx, mine, today=TODAY, original=base)
    assert svc.load_visit(ctx.db, visit_id).done == "联系危房改造；未办"


def test_a_follow_up_done_elsewhere_is_not_reopened_by_a_stale_form(ctx: AppContext, household: str) -> None:
    draft = VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household, found="屋顶漏雨",
                       follow_ups=[svc.FollowUpDraft("落实改造资金", dt.date(2025, 4, 1))])
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    stale = svc.load_visit(ctx.db, visit_id)
    [follow_up] = stale.follow_ups
    assert follow_up.id is not None
    svc.set_follow_up_done(ctx, follow_up.id, dt.date(2025, 3, 12), today=TODAY)

    # the stale form only changed 措施/成效: the follow-up stays done
    mine = copy.deepcopy(stale)
    mine.done = "联系危房改造"
    svc.save_visit(ctx, mine, today=TODAY, original=stale)
    assert svc.load_visit(ctx.db, visit_id).follow_ups[0].done_on == dt.date(2025, 3, 12)

    # a form that changes the follow-up's due date too is refused, naming the follow-up field
    again = copy.deepcopy(stale)
    again.follow_ups[0].due_date = dt.date(2025, 4, 15)
    again.follow_ups[0].done_on = None
    svc.save_visit(ctx, again, today=TODAY, original=stale)  # due date: not changed elsewhere, so written
    loaded = svc.load_visit(ctx.db, visit_id).follow_ups[0]
    assert (loaded.due_date, loaded.done_on) == (dt.date(2025, 4, 15), dt.date(2025, 3, 12))

    reopen = copy.deepcopy(stale)
    reopen.follow_ups[0].done_on = dt.date(2025, 3, 14)
    with pytest.raises(StaleWrite) as refused:
        svc.save_visit(ctx, reopen, today=TODAY, original=stale)
    [field] = refused.value.fields
    assert (field.table, field.field, field.mine, field.theirs) == (
        "follow_up", "done_on", dt.date(2025, 3, 14), dt.date(2025, 3, 12))


def test_cadre_measure_and_follow_up_links_changed_elsewhere_are_neither_lost_nor_revived(
        ctx: AppContext, household: str, me: str, make_cadre: Any) -> None:
    li, zhao = make_cadre("李娜"), make_cadre("赵强")
    draft = VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household, found="屋顶漏雨",
                       cadre_ids=[me, li], follow_ups=[svc.FollowUpDraft("落实改造资金", dt.date(2025, 4, 1))])
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    stale = svc.load_visit(ctx.db, visit_id)

    # elsewhere: 赵强 is added, 李娜 removed, and the follow-up is reworded
    other = copy.deepcopy(stale)
    other.cadre_ids = [me, zhao]
    other.follow_ups[0].text = "落实改造资金（镇里已批）"
    svc.save_visit(ctx, other, today=TODAY, original=stale)

    # the stale form only changes 情况: 赵强 stays, 李娜 is not brought back
    mine = copy.deepcopy(stale)
    mine.found = "屋顶漏雨，已修"
    svc.save_visit(ctx, mine, today=TODAY, original=stale)
    now = svc.load_visit(ctx.db, visit_id)
    assert sorted(now.cadre_ids) == sorted([me, zhao]) and now.follow_ups[0].text == "落实改造资金（镇里已批）"

    # removing the follow-up reworded elsewhere is refused, and it stays unless the cadre chooses to remove it
    gone = copy.deepcopy(stale)
    gone.follow_ups = []
    with pytest.raises(StaleWrite) as refused:
        svc.save_visit(ctx, gone, today=TODAY, original=stale)
    [field] = refused.value.fields
    assert (field.table, field.field, field.deleting, field.theirs) == (
        "follow_up", "text", True, "落实改造资金（镇里已批）")
    assert len(svc.load_visit(ctx.db, visit_id).follow_ups) == 1
    base, kept = svc.rebase_visit(stale, gone, refused.value.fields, set())
    svc.save_visit(ctx, kept, today=TODAY, original=base)
    assert [u.text for u in svc.load_visit(ctx.db, visit_id).follow_ups] == ["落实改造资金（镇里已批）"]


def test_removing_a_cadre_link_changed_elsewhere_is_refused(
        ctx: AppContext, household: str, me: str, make_cadre: Any) -> None:
    li = make_cadre("李娜")
    visit_id = svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household,
                                              found="屋顶漏雨", cadre_ids=[me, li]), today=TODAY)
    stale = svc.load_visit(ctx.db, visit_id)
    # elsewhere: 李娜 removed and added again (her link row changed since the form loaded it)
    for cadres in ([me], [me, li]):
        loaded = svc.load_visit(ctx.db, visit_id)
        change = copy.deepcopy(loaded)
        change.cadre_ids = cadres
        svc.save_visit(ctx, change, today=TODAY, original=loaded)
    mine = copy.deepcopy(stale)
    mine.cadre_ids = [me]
    with pytest.raises(StaleWrite) as refused:
        svc.save_visit(ctx, mine, today=TODAY, original=stale)
    assert {(f.table, f.deleting) for f in refused.value.fields} == {("visit_cadre", True)}
    base, again = svc.rebase_visit(stale, mine, refused.value.fields, set())
    svc.save_visit(ctx, again, today=TODAY, original=base)
    assert sorted(svc.load_visit(ctx.db, visit_id).cadre_ids) == sorted([me, li])
    base, again = svc.rebase_visit(stale, mine, refused.value.fields, {(f.table, f.row_id, f.field)
                                                                      for f in refused.value.fields})
    svc.save_visit(ctx, again, today=TODAY, original=base)
    assert svc.load_visit(ctx.db, visit_id).cadre_ids == [me]
