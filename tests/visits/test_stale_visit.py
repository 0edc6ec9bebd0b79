"""Two forms on one visit: the second save is refused where the first changed a field it changes too."""

from __future__ import annotations

import copy
import datetime as dt

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
