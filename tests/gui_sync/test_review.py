"""Conflicts and quarantined changes on the 同步 page: real concurrent edits, resolved or released through the page."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.domain.hlc import HybridClock
from fieldapp.gui.sync.page import SyncPage
from fieldapp.gui.tasks import SyncTaskManager, TaskManager
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.syncing import replica_of
from fieldapp.store.models import Household, Member
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import review
from fieldapp.sync.district import DEMO_DISTRICT_NAME
from tests.gui_sync.conftest import District, round_trip
from tests.helpers.dialogs import BoxAnswerer
from tests.helpers.idgen import resident_id


def cause(ctx: AppContext, code: str) -> str:
    return ctx.ref["poverty_cause"].label(code, "zh-Hans")


def own_log(ctx: AppContext) -> list[dict[str, Any]]:
    assert ctx.identity is not None
    with ctx.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT tbl, row_id, fields, user_name FROM change_log WHERE origin = ? "
                                    "ORDER BY origin_seq", (ctx.identity.device_id,)).all()
    return [{"tbl": r[0], "row_id": r[1], "fields": json.loads(r[2]), "user": r[3]} for r in rows]


def texts(model: Any, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


@pytest.fixture
def conflicted(*, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
                  open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager,
                  qtbot: QtBot) -> SyncPage:
    """The laptop and the district changed 主要致贫原因 and the phone of 李大山's household at the same time."""
    first = two_households[0]
    page = open_page(sync_tasks)
    round_trip(page, district, stick, qtbot)
    record = register.load_record(ctx.db, first)
    record.household |= {"main_cause": "02", "phone": "13800000001"}
    register.save_record(ctx.writer, ctx.ref, record, register.load_record(ctx.db, first))
    with district.writer.transaction() as txn:
        txn.update(Household, first, {"main_cause": "03", "phone": "13800000002"})
    district.reply(ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000):
        page.import_from(stick)
    return page


def test_conflicts_show_labels_names_and_who(ctx: AppContext, conflicted: SyncPage, qtmodeltester: Any) -> None:
    model = conflicted.conflict_model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and "冲突 2 条" in conflicted.conflicts_label.text()
    rows = {texts(model, r)[2]: texts(model, r) for r in range(2)}
    assert set(rows) == {"主要致贫原因", "联系电话"}
    household, record, _field, current, current_by, other, other_by = rows["主要致贫原因"]
    assert (household, record) == ("李大山户", "户")
    assert (current, other) == (cause(ctx, "03"), cause(ctx, "02")) and current != "03"
    assert current_by.startswith(f"区县审核员（{DEMO_DISTRICT_NAME}）") and other_by.startswith("王伟（本机）")
    assert rows["联系电话"][3:6:2] == ["13800000002", "13800000001"]
    assert "新冲突 2 条" in (conflicted.report_box.text() if conflicted.report_box else "")
    qtmodeltester.check(conflicted.peer_model, force_py=True)


def test_taking_the_other_value_is_a_new_change_that_reaches_the_district(
        *, ctx: AppContext, conflicted: SyncPage, district: District, two_households: tuple[str, str],
        stick: Path, qtbot: QtBot) -> None:
    first = two_households[0]
    page, model = conflicted, conflicted.conflict_model
    assert ctx.db.scalar("SELECT main_cause FROM household WHERE id = :h", h=first) == "03"  # LWW: the later edit
    before = own_log(ctx)
    row = next(r for r in range(2) if texts(model, r)[2] == "主要致贫原因")
    page.select_rows(page.conflicts_view, [row])
    assert page.other_button.isEnabled() and page.keep_button.isEnabled()
    changed: list[bool] = []
    page.hub.changed.connect(lambda c: c.bulk and changed.append(True))  # merged data announced
    with qtbot.waitSignal(page.action_finished, timeout=20000):
        page.other_button.click()
    assert ctx.db.scalar("SELECT main_cause FROM household WHERE id = :h", h=first) == "02"
    (new,) = own_log(ctx)[len(before):]
    assert new["tbl"] == "household" and new["row_id"] == first and new["fields"] == {"main_cause": "02"}
    assert new["user"] == "王伟" and changed == [True]
    assert model.rowCount() == 1 and texts(model, 0)[2] == "联系电话"

    page.select_rows(page.conflicts_view, [0])  # keep the district's phone number: confirmed by a new change
    with qtbot.waitSignal(page.action_finished, timeout=20000):
        page.keep_button.click()
    assert ctx.db.scalar("SELECT phone FROM household WHERE id = :h", h=first) == "13800000002"
    (kept,) = own_log(ctx)[len(before) + 1:]
    assert kept["row_id"] == first and kept["fields"] == {"phone": "13800000002"}
    assert model.rowCount() == 0 and review.conflicts(replica_of(ctx)) == []

    with qtbot.waitSignal(page.export_finished, timeout=20000) as exported:  # both choices sync
        page.export(district.device_id, stick)
    district.import_file(exported.args[0].path)
    assert district.ctx.db.scalar("SELECT main_cause FROM household WHERE id = :h", h=first) == "02"
    assert district.ctx.db.scalar("SELECT phone FROM household WHERE id = :h", h=first) == "13800000002"
    # The district listed the same two conflicts; the laptop's choices settled both there too.
    assert [c for c in review.conflicts(district.rep) if c["kind"] != "clock"] == []


@pytest.fixture
def quarantined(*, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
                   open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager,
                   qtbot: QtBot) -> SyncPage:
    """At the district, two members were added to 张小河's household with resident IDs of 李大山's household."""
    first, second = two_households
    page = open_page(sync_tasks)
    round_trip(page, district, stick, qtbot)
    ids = [r[0] for r in ctx.db.engine.connect().exec_driver_sql(
        "SELECT id_no FROM member WHERE household_id = ? ORDER BY relation", (first,))]
    with district.writer.transaction() as txn:
        for name, id_no in zip(("冒名甲", "冒名乙"), ids, strict=True):
            txn.insert(Member, {"household_id": second, "name": name, "relation": "03", "id_no": id_no})
        txn.update(Household, second, {"address": "二组"})  # the rest of the package still applies
    district.reply(ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000):
        page.import_from(stick)
    assert ctx.db.scalar("SELECT address FROM household WHERE id = :h", h=second) == "二组"
    return page


def test_quarantined_changes_show_what_and_why(ctx: AppContext, quarantined: SyncPage, qtmodeltester: Any,
                                               two_households: tuple[str, str]) -> None:
    model = quarantined.quarantine_model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and "隔离待审 2 条" in quarantined.quarantine_label.text()
    household, record, reason, content, who, _when = texts(model, 0)
    assert (household, record) == ("张小河户", "成员 冒名甲")
    assert content.startswith("姓名：冒名甲") and "证件号码：" in content and "与户主关系：" in content
    assert who.startswith(f"区县审核员（{DEMO_DISTRICT_NAME}）")
    assert "已属于另一户（李大山户）" in reason and two_households[0] not in reason


def test_discard_and_release_a_quarantined_change(ctx: AppContext, quarantined: SyncPage, boxes: BoxAnswerer,
                                                  two_households: tuple[str, str], qtbot: QtBot) -> None:
    page, model = quarantined, quarantined.quarantine_model
    second = two_households[1]
    members = "SELECT count(*) FROM member WHERE household_id = :h AND name LIKE '冒名%'"
    before = own_log(ctx)

    page.select_rows(page.quarantine_view, [0])
    boxes.answer("取消")
    page.discard_button.click()
    assert model.rowCount() == 2 and "丢弃后" in boxes.seen[-1]

    boxes.answer("丢弃")
    with qtbot.waitSignal(page.action_finished, timeout=20000):
        page.discard_button.click()
    assert model.rowCount() == 1 and texts(model, 0)[1] == "成员 冒名乙"
    assert ctx.db.scalar(members, h=second) == 0 and own_log(ctx) == before
    assert ctx.db.scalar("SELECT status FROM sync_quarantine WHERE status != 'open'") == "discarded"

    page.select_rows(page.quarantine_view, [0])
    boxes.answer("放行")
    with qtbot.waitSignal(page.action_failed, timeout=20000) as failed:  # the cause is still there: refused
        page.release_button.click()
    assert "请先处理隔离的原因" in boxes.seen[-1] and "已属于另一户" in str(failed.args[0])
    assert model.rowCount() == 1 and ctx.db.scalar(members, h=second) == 0 and own_log(ctx) == before
    held = ctx.db.scalar("SELECT id FROM member WHERE household_id = :h AND id_no = :n", h=two_households[0],
                         n=json.loads(str(ctx.db.scalar("SELECT change FROM sync_quarantine WHERE status = 'open'"))
                                      )["fields"]["id_no"])
    with ctx.writer.transaction() as txn:  # the reviewer corrects the other household's member first
        txn.update(Member, str(held), {"id_no": resident_id(555)})
    before = own_log(ctx)
    page.select_rows(page.quarantine_view, [0])
    boxes.answer("放行")
    with qtbot.waitSignal(page.hub.changed, timeout=20000, check_params_cb=lambda c: c.bulk):
        page.release_button.click()
    assert model.rowCount() == 0 and not page.release_button.isEnabled()
    assert ctx.db.scalar(members, h=second) == 1
    (new,) = own_log(ctx)[len(before):]
    assert new["tbl"] == "member" and new["fields"]["name"] == "冒名乙"


def test_a_delete_against_an_edit_and_a_clock_far_ahead(
        *, ctx: AppContext, two_households: tuple[str, str], district: District, stick: Path,
        open_page: Callable[[TaskManager], SyncPage], sync_tasks: SyncTaskManager, qtbot: QtBot) -> None:
    first = two_households[0]
    page = open_page(sync_tasks)
    round_trip(page, district, stick, qtbot)
    member = str(ctx.db.scalar("SELECT id FROM member WHERE household_id = :h AND relation = '03'", h=first))
    with ctx.writer.transaction() as txn:
        txn.delete(Member, member)
    far = HybridClock(wall_ms=lambda: time.time_ns() // 1_000_000 + 3 * 86_400_000)  # three days ahead
    assert district.ctx.identity is not None
    with ChangeWriter(district.ctx.db, Actor(district.device_id, None, "区县审核员"), far).transaction() as txn:
        txn.update(Member, member, {"name": "改名"})
    district.reply(ctx, stick)
    with qtbot.waitSignal(page.import_finished, timeout=20000):
        page.import_from(stick)
    model = page.conflict_model
    kinds = {model.kind(r): texts(model, r) for r in range(model.rowCount())}
    assert set(kinds) == {"delete", "clock"}
    assert kinds["delete"][2] == "删除与修改：姓名" and kinds["delete"][3] == "已删除"
    assert kinds["delete"][5] == "姓名：改名"
    assert kinds["clock"][2] == "时钟超前" and "冲突 1 条，时钟超前 1 条" in page.conflicts_label.text()

    clock_row = next(r for r in range(model.rowCount()) if model.kind(r) == "clock")
    page.select_rows(page.conflicts_view, [clock_row])
    assert page.keep_button.isEnabled() and not page.other_button.isEnabled()  # nothing else to take
    with qtbot.waitSignal(page.action_finished, timeout=20000):
        page.keep_button.click()
    assert [model.kind(r) for r in range(model.rowCount())] == ["delete"]

    page.select_rows(page.conflicts_view, [0])
    with qtbot.waitSignal(page.action_finished, timeout=20000):
        page.other_button.click()
    assert ctx.db.scalar("SELECT name FROM member WHERE id = :m", m=member) == "改名"
    assert ctx.db.scalar("SELECT deleted FROM member WHERE id = :m", m=member) == 0  # restored with the edit
    assert model.rowCount() == 0
