"""Recording, editing and deleting visits through the service: one transaction, the history, bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.domain.errors import ValidationError
from fieldapp.services import photos, register
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.visits import FollowUpDraft, VisitDraft
from fieldapp.store import queries
from tests.visits.conftest import TODAY


def _count(ctx: AppContext, sql: str, **params: object) -> int:
    return int(ctx.db.scalar(sql, **params) or 0)


def _changes(ctx: AppContext) -> int:
    return _count(ctx, "SELECT count(*) FROM change_log")


def _last_visit(ctx: AppContext, household: str) -> object:
    return ctx.db.scalar("SELECT last_visit FROM household_list WHERE household_id = :h", h=household)


def _add_measure(ctx: AppContext, household: str, content: str = "发放仔猪5头") -> str:
    record = register.load_record(ctx.db, household)
    record.measures.append({"type": "industry", "content": content})
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, household))
    return str(register.load_record(ctx.db, household).measures[-1]["id"])


def test_a_full_visit_is_saved_in_one_transaction_and_reads_back(
        ctx: AppContext, household: str, me: str, make_cadre: Callable[..., str], image_file: Callable[..., Path]
) -> None:
    colleague = make_cadre("赵敏")
    measure = _add_measure(ctx, household)
    photo = photos.import_photo(photos.photo_root(ctx.paths.home), image_file("door.jpg"))
    draft = VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household, found="  屋顶漏雨  ",
                       done="联系危房改造", cadre_ids=[me, colleague, me], measure_ids=[measure],
                       follow_ups=[FollowUpDraft("落实改造资金", dt.date(2025, 4, 1))], photos=[photo])
    hlc_before = _count(ctx, "SELECT max(hlc) FROM change_log")
    visit_id = svc.save_visit(ctx, draft, today=TODAY)

    # one writer transaction: every change row of the save sits after the previous ones, none half-written
    rows = ctx.db.engine.connect().execute(
        text("SELECT tbl, household_id FROM change_log WHERE hlc > :h ORDER BY seq"), {"h": hlc_before}).all()
    assert sorted({r.tbl for r in rows}) == ["follow_up", "photo", "visit", "visit_cadre", "visit_measure",
                                             "visit_photo"]
    assert {r.household_id for r in rows if r.tbl != "photo"} == {household}

    loaded = svc.load_visit(ctx.db, visit_id)
    assert (loaded.date, loaded.type, loaded.found, loaded.done, loaded.title) == (
        dt.date(2025, 3, 10), "01", "屋顶漏雨", "联系危房改造", None)
    assert loaded.cadre_ids == [me, colleague]  # the duplicate is dropped, the order kept
    assert loaded.measure_ids == [measure]
    assert [(f.text, f.due_date, f.done_on) for f in loaded.follow_ups] == [("落实改造资金", dt.date(2025, 4, 1), None)]
    assert [p.id for p in loaded.photos] == [photo.id]
    assert loaded.created_by == me
    village = ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=household)
    assert loaded.village_id == village  # taken from the household, not typed
    assert str(_last_visit(ctx, household)) == "2025-03-10"

    with ctx.db.read() as conn:
        history = queries.history_page(conn, household)
        assert {"visit", "visit_cadre", "follow_up"} <= {e.tbl for e in history}
        [summary] = svc.household_visits_page(conn, household)
    assert summary.cadre_names == tuple(sorted(["王伟", "赵敏"]))
    assert (summary.photo_count, summary.open_follow_ups, summary.head_name) == (1, 1, "李大山")


def test_editing_replaces_links_and_keeps_copies_in_step(
        ctx: AppContext, household: str, me: str, make_cadre: Callable[..., str]) -> None:
    colleague = make_cadre("赵敏")
    draft = VisitDraft(date=dt.date(2025, 3, 1), type="01", household_id=household, found="看望",
                       cadre_ids=[me, colleague],
                       follow_ups=[FollowUpDraft("送药", dt.date(2025, 3, 5)),
                                   FollowUpDraft("复查", dt.date(2025, 4, 1))])
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    edit = svc.load_visit(ctx.db, visit_id)
    edit.date = dt.date(2025, 3, 2)
    edit.cadre_ids = [colleague]
    edit.follow_ups = [f for f in edit.follow_ups if f.text == "复查"]
    edit.follow_ups[0].text = "复查血压"
    kept_id = edit.follow_ups[0].id
    assert svc.save_visit(ctx, edit, today=TODAY) == visit_id

    again = svc.load_visit(ctx.db, visit_id)
    assert again.cadre_ids == [colleague]
    assert [(f.id, f.text) for f in again.follow_ups] == [(kept_id, "复查血压")]
    assert _count(ctx, "SELECT count(*) FROM visit_cadre WHERE visit_id = :v AND deleted = 1", v=visit_id) == 1
    live_dates = ctx.db.engine.connect().execute(
        text("SELECT DISTINCT date FROM visit_cadre WHERE visit_id = :v AND deleted = 0"), {"v": visit_id}).all()
    assert [str(r[0]) for r in live_dates] == ["2025-03-02"]
    assert str(_last_visit(ctx, household)) == "2025-03-02"

    changes = _changes(ctx)
    svc.save_visit(ctx, svc.load_visit(ctx.db, visit_id), today=TODAY)  # unchanged: nothing written
    assert _changes(ctx) == changes


def test_delete_tombstones_the_visit_and_last_visit_falls_back(ctx: AppContext, household: str) -> None:
    first = svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 1, 5), type="01", household_id=household, found="一"),
                           today=TODAY)
    second = svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 2, 5), type="02", household_id=household, done="二",
                                            follow_ups=[FollowUpDraft("三", dt.date(2025, 2, 9))]), today=TODAY)
    assert str(_last_visit(ctx, household)) == "2025-02-05"
    svc.delete_visit(ctx, second)
    assert str(_last_visit(ctx, household)) == "2025-01-05"
    assert _count(ctx, "SELECT count(*) FROM follow_up WHERE deleted = 0") == 0
    assert _count(ctx, "SELECT count(*) FROM visit_cadre WHERE visit_id = :v AND deleted = 0", v=second) == 0
    with pytest.raises(LookupError):
        svc.load_visit(ctx.db, second)
    svc.delete_visit(ctx, first)
    assert _last_visit(ctx, household) is None
    with ctx.db.read() as conn:
        assert svc.household_visits_page(conn, household) == []


def test_a_village_activity_needs_a_village_of_this_laptop(ctx: AppContext, village_ids: list[str]) -> None:
    draft = VisitDraft(date=dt.date(2025, 3, 1), type="02", title="脱贫政策宣讲会", found="到会42人")
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, draft, today=TODAY)
    assert err.value.problems == {"village_id": "村级活动请选择村"}
    draft.village_id = "some-other-village"
    with pytest.raises(ValidationError, match="不属于本机负责的村"):
        svc.save_visit(ctx, draft, today=TODAY)
    draft.village_id = village_ids[1]
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    loaded = svc.load_visit(ctx.db, visit_id)
    assert (loaded.household_id, loaded.village_id, loaded.title) == (None, village_ids[1], "脱贫政策宣讲会")


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"date": dt.date(2025, 3, 16)}, "date", "晚于今天"),
    ({"date": dt.date(2019, 12, 31)}, "date", "早于该户登记日期 2020-01-01"),
    ({"date": None}, "date", "请填写走访日期"),
    ({"type": None}, "type", "请选择走访类型"),
    ({"type": "42"}, "type", "不在“走访类型”代码表中"),
    ({"found": "   ", "done": None}, "found", "走访记录是空的"),
    ({"cadre_ids": ["no-such-cadre"]}, "cadres", "所选干部不存在"),
    ({"follow_ups": [FollowUpDraft("", dt.date(2025, 3, 20))]}, "follow_up[0].text", "请填写后续事项内容"),
    ({"follow_ups": [FollowUpDraft("修路", None)]}, "follow_up[0].due_date", "请填写后续事项的到期日期"),
    ({"follow_ups": [FollowUpDraft("修路", dt.date(2025, 3, 1))]}, "follow_up[0].due_date", "不能早于走访日期"),
    ({"title": "长" * 101}, "title", "不能超过100字"),
])
def test_bad_visits_are_refused_with_a_message_and_nothing_is_written(
        ctx: AppContext, household: str, changes: dict[str, object], field: str, message: str) -> None:
    draft = VisitDraft(date=dt.date(2025, 3, 10), type="01", household_id=household, found="情况")
    for name, value in changes.items():
        setattr(draft, name, value)
    before = _changes(ctx)
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, draft, today=TODAY)
    assert message in err.value.problems[field], err.value.problems
    assert _changes(ctx) == before
    assert _count(ctx, "SELECT count(*) FROM visit") == 0


def test_without_identified_on_the_household_row_date_counts_as_registration(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    newcomer = make_household("钱小二")  # no 首次识别时间: registered the day its row was written (today)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, VisitDraft(date=yesterday, type="01", household_id=newcomer, found="x"))
    assert "早于该户登记日期" in err.value.problems["date"]
    assert "首次识别时间" in err.value.problems["date"]
    assert svc.save_visit(ctx, VisitDraft(date=dt.date.today(), type="01", household_id=newcomer, found="x"))


def test_a_household_outside_this_laptops_villages_is_refused(
        ctx: AppContext, make_household: Callable[..., str], village_ids: list[str]) -> None:
    west = make_household("孙西", village=1, identified_on=dt.date(2020, 1, 1))
    ctx.settings["village_ids"] = village_ids[:1]  # this laptop now serves 东村 only
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 1), type="01", household_id=west, found="x"),
                       today=TODAY)
    assert err.value.problems == {"household_id": "该户不属于本机负责的村，不能在本机记录走访"}


def test_measures_must_belong_to_the_household_and_a_visit_cannot_move(
        ctx: AppContext, household: str, make_household: Callable[..., str]) -> None:
    other = make_household("周邻", identified_on=dt.date(2020, 1, 1))
    foreign = _add_measure(ctx, other)
    draft = VisitDraft(date=dt.date(2025, 3, 1), type="01", household_id=household, found="x", measure_ids=[foreign])
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, draft, today=TODAY)
    assert "不属于该户" in err.value.problems["measures"]
    draft.measure_ids = []
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    moved = svc.load_visit(ctx.db, visit_id)
    moved.household_id = other
    with pytest.raises(ValidationError) as err:
        svc.save_visit(ctx, moved, today=TODAY)
    assert "不能把走访记录改到另一户" in err.value.problems["household_id"]


def test_follow_ups_are_completed_and_reopened(ctx: AppContext, household: str) -> None:
    visit_id = svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, 1), type="01", household_id=household,
                                              follow_ups=[FollowUpDraft("办低保", dt.date(2025, 3, 20))]),
                              today=TODAY)
    [follow_up] = svc.load_visit(ctx.db, visit_id).follow_ups
    assert follow_up.id is not None
    with pytest.raises(ValidationError, match="晚于今天"):
        svc.set_follow_up_done(ctx, follow_up.id, dt.date(2025, 3, 16), today=TODAY)
    with pytest.raises(ValidationError, match="早于走访日期"):
        svc.set_follow_up_done(ctx, follow_up.id, dt.date(2025, 2, 1), today=TODAY)
    svc.set_follow_up_done(ctx, follow_up.id, dt.date(2025, 3, 14), today=TODAY)
    with ctx.db.read() as conn:
        assert svc.household_follow_ups(conn, household) == []
        [done] = svc.household_follow_ups(conn, household, include_done=True)
    assert done.done_on == dt.date(2025, 3, 14)
    svc.set_follow_up_done(ctx, follow_up.id, None)
    with ctx.db.read() as conn:
        assert [f.text for f in svc.household_follow_ups(conn, household)] == ["办低保"]
