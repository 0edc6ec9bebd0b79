"""Batch decisions: a township reviewer decides several households' 乡镇审核 under ONE signature, all or nothing;
the signature covers every decision (and the attachments made with them) and a later change shows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain import workflow as rules
from fieldapp.services.audit import sections
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.services.signoff.verify import check_code
from fieldapp.services.workflow import attachments, batch, service, store
from fieldapp.store import guard
from tests.workflow.conftest import DAY, T0, hold_meeting, post_notice, write_image

HOUR = 3_600_000


def _to_township(team: dict[str, AppContext], hid: str, t: int, *, notice_days: int = 8) -> int:
    """Identification through 第一次公示 (01-04): the township's 05 is current; returns the time after."""
    service.start(team["member"], hid, "identification", at_ms=t)
    service.decide(team["member"], hid, "01", rules.PASS, at_ms=t + HOUR)
    meeting = hold_meeting(team["committee"], [hid], t + 2 * HOUR)
    service.decide(team["committee"], hid, "02", rules.PASS, meeting_id=meeting, at_ms=t + 2 * HOUR)
    service.decide(team["leader"], hid, "03", rules.PASS, at_ms=t + 3 * HOUR)
    post_notice(team["leader"], hid, t + 3 * HOUR)
    service.decide(team["leader"], hid, "04", rules.PASS, at_ms=t + 3 * HOUR + notice_days * DAY)
    return t + 3 * HOUR + notice_days * DAY


def _counts(ctx: AppContext) -> tuple[object, object, object]:
    return (ctx.db.scalar("SELECT count(*) FROM workflow_step"), ctx.db.scalar("SELECT count(*) FROM signoff"),
            ctx.db.scalar("SELECT count(*) FROM step_attachment"))


def test_a_batch_is_all_or_nothing_and_lists_every_household_refused_and_why(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    ready = [make_household(name) for name in ("周长富", "刘桂兰")]
    for hid in ready:
        _to_township(team, hid, T0)
    behind = make_household("王秀英")  # its 公示 is still running: 04 is current
    service.start(team["member"], behind, "identification", at_ms=T0)
    service.decide(team["member"], behind, "01", rules.PASS, at_ms=T0 + HOUR)
    meeting = hold_meeting(team["committee"], [behind], T0 + 2 * HOUR)
    service.decide(team["committee"], behind, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
    service.decide(team["leader"], behind, "03", rules.PASS, at_ms=T0 + 3 * HOUR)
    when = T0 + 12 * DAY
    before = _counts(ctx)
    with pytest.raises(batch.BatchRefused) as refused:
        batch.decide_batch(team["township"], [*ready, behind], "05", rules.PASS, "材料齐全", at_ms=when)
    assert [r.household_id for r in refused.value.refusals] == [behind]
    assert "王秀英" in str(refused.value) and "当前步骤是“第一次公示”" in str(refused.value)
    assert "3 户均未写入" in str(refused.value)
    assert _counts(ctx) == before  # nothing written, not even for the households that were ready
    # the leader may not decide the township's step: every household is listed with the permission
    with pytest.raises(batch.BatchRefused) as denied:
        batch.decide_batch(team["leader"], ready, "05", rules.PASS, at_ms=when)
    assert len(denied.value.refusals) == 2
    assert all("workflow.decide.township" in r.message for r in denied.value.refusals)
    with pytest.raises(rules.WorkflowError, match="出现了两次"):
        batch.decide_batch(team["township"], [ready[0], ready[0]], "05", rules.PASS, at_ms=when)
    assert _counts(ctx) == before

    done = batch.decide_batch(team["township"], ready, "05", rules.PASS, "材料齐全，同意", at_ms=when)
    assert len(done.decided) == 2 and all(d.workflow.current.code == "06" for d in done.decided)
    assert _counts(ctx)[0] == before[0] + 2 and _counts(ctx)[1] == before[1] + 1  # two decisions, ONE signature


def test_one_signature_covers_the_batch_verifies_and_shows_a_changed_decision(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hids = [make_household(name) for name in ("赵建国", "陈立新", "黄小梅")]
    t = max(_to_township(team, hid, T0) for hid in hids)
    minutes = write_image(tmp_path / "in" / "审核会议记录.png", fmt="PNG")
    done = batch.decide_batch(team["township"], hids, "05", rules.PASS, "乡镇审核会议逐户核对，同意",
                              at_ms=t + DAY, attach=[attachments.NewAttachment(minutes, "minutes", "审核会议记录")])
    sig = done.signature
    assert sig is not None and sig.subject == "workflow_batch" and sig.subject_id == done.batch_id
    assert sig.household_id is None and sig.role == "township"
    rows = ctx.db.scalar("SELECT count(DISTINCT signoff_id) FROM workflow_step WHERE step = '05'")
    assert rows == 1 and {d.decision.signoff_id for d in done.decided} == {sig.id}
    snap = json.loads(sig.snapshot)["tables"]
    assert sorted(r["household_id"] for r in snap["workflow_step"]) == sorted(hids)
    assert {r["decision"] for r in snap["workflow_step"]} == {rules.PASS}
    assert len(snap["step_attachment"]) == 3 and len(snap["photo"]) == 1  # one photo, linked to each decision
    sha = snap["photo"][0]["sha256"]
    assert ctx.photos.has(sha) and ctx.photos.read(sha)[:3] == b"\xff\xd8\xff"  # the PNG stored as a JPEG
    assert signoff.status(ctx.db, "workflow_batch", done.batch_id).state == signoff.VALID
    words = signoff.subject_text(ctx.db, sig)
    assert words.startswith("批量决定 精准识别（纳入） 05 乡镇审核 通过 3 户：") and words.count("户编号") == 3
    [report] = check_code(ctx.db, sig.code)
    assert report.valid and report.matches is True and "一致" in report.verdict
    # the decisions show the batch's signature, checked
    view = store.workflows_of(ctx.db, hids[1], rules.definitions())[-1]
    record, problems = store.signature(ctx.db, view.state.history[-1].signoff_id or "")
    assert record is not None and record.code == sig.code and problems == []

    # each household's 责任倒查 lists the batch's signature among its own
    [signed, *_rest] = sections.household_sections(ctx.db, ctx.ref, hids[0])
    batch_rows = [r for r in signed.rows if r[3] == sig.code]
    assert len(batch_rows) == 1 and batch_rows[0][2].startswith("批量决定") and batch_rows[0][4] == "有效"

    # behind the app's back, one decision of the batch becomes a failure: the signature says so
    with guard.raw_writes_allowed(), ctx.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE workflow_step SET decision = 'fail' WHERE id = ?",
                             (done.decided[1].decision.id,))
    status = signoff.status(ctx.db, "workflow_batch", done.batch_id)
    assert status.state == signoff.CHANGED
    assert [(d.table, d.row_id, d.field, d.old, d.new) for d in status.differences] == [
        ("workflow_step", done.decided[1].decision.id, "decision", "pass", "fail")]
    [report] = check_code(ctx.db, sig.code)
    assert report.valid and report.matches is False and "签字后数据已修改" in report.verdict
    assert [(line.field, line.old, line.new) for line in report.lines] == [("决定", "pass", "fail")]


def test_a_batch_of_a_deliberation_names_one_meeting_and_a_consent_needs_each_households_document(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hids = [make_household(name) for name in ("孙大山", "李小红")]
    for hid in hids:
        service.start(team["member"], hid, "identification", at_ms=T0)
        service.decide(team["member"], hid, "01", rules.PASS, at_ms=T0 + HOUR)
    with pytest.raises(batch.BatchRefused, match="须注明评议会议"):
        batch.decide_batch(team["committee"], hids, "02", rules.PASS, at_ms=T0 + 2 * HOUR)
    meeting = hold_meeting(team["committee"], hids, T0 + 2 * HOUR)
    done = batch.decide_batch(team["committee"], hids, "02", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
    assert {d.decision.meeting_id for d in done.decided} == {meeting}
    assert signoff.status(ctx.db, "workflow_batch", done.batch_id).state == signoff.VALID
