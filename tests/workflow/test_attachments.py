"""Attachments on decisions and 评议 meetings: 户认可 passes only with the signed 脱贫确认书, the signature covers
the attachments made with the decision, and a file that is not a JPEG or PNG image is refused, nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.photos import PhotoError
from fieldapp.services.signoff import service as signoff
from fieldapp.services.workflow import attachments, batch, deliberation, service
from fieldapp.store import guard
from tests.workflow.conftest import T0, consent_attachment, hold_meeting, set_economy, write_image

HOUR = 3_600_000


def _to_consent(ctx: AppContext, team: dict[str, AppContext], hid: str) -> int:
    """An exit through 入户核实 (10, 01, 02): 户认可 (03) is current; returns the time after."""
    set_economy(ctx, hid, year=2018, wage_yuan=9000)
    service.start(team["leader"], hid, "exit", at_ms=T0)
    service.decide(team["leader"], hid, "10", rules.PASS, at_ms=T0 + HOUR)
    meeting = hold_meeting(team["committee"], [hid], T0 + 2 * HOUR)
    service.decide(team["committee"], hid, "01", rules.PASS, meeting_id=meeting, at_ms=T0 + 2 * HOUR)
    service.decide(team["leader"], hid, "02", rules.PASS, at_ms=T0 + 3 * HOUR)
    return T0 + 4 * HOUR


def test_consent_passes_only_with_the_signed_confirmation_which_its_signature_covers(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str],
        confirmation: Callable[..., Path]) -> None:
    hid = make_household("陈立新")
    t = _to_consent(ctx, team, hid)
    step = rules.definitions().get("exit").steps[3]
    assert (step.code, step.attachment) == ("03", "confirmation")
    with pytest.raises(rules.WorkflowError, match=r"“户认可（脱贫确认书）”须附上脱贫确认书（户认可）的照片"):
        service.decide(team["member"], hid, "03", rules.PASS, at_ms=t)
    other = [attachments.NewAttachment(confirmation("门前合影.jpg"), attachments.OTHER, "门前合影")]
    with pytest.raises(rules.WorkflowError, match="confirmation"):
        service.decide(team["member"], hid, "03", rules.PASS, at_ms=t, attach=other)
    other_hh = make_household("黄小梅")
    _to_consent(ctx, team, other_hh)
    with pytest.raises(batch.BatchRefused, match="只能逐户决定"):  # each household signs its own document
        batch.decide_batch(team["member"], [hid, other_hh], "03", rules.PASS, at_ms=t,
                           attach=consent_attachment(confirmation()))
    assert ctx.db.scalar("SELECT count(*) FROM step_attachment") == 0
    made = service.decide(team["member"], hid, "03", rules.PASS, at_ms=t,
                          attach=[*consent_attachment(confirmation()), *other])
    assert made.workflow.current.code == "04" and made.signature is not None
    snap = json.loads(made.signature.snapshot)["tables"]
    assert sorted(a["kind"] for a in snap["step_attachment"]) == ["confirmation", "other"]
    assert {p["sha256"] for p in snap["photo"]} == {
        a.sha256 for a in attachments.of_household(ctx, hid)[made.decision.id]}
    assert signoff.status(ctx.db, "workflow_step", made.decision.id).state == signoff.VALID
    # the confirmation is swapped for another picture behind the app's back: the signature says so
    with guard.raw_writes_allowed(), ctx.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE step_attachment SET kind = 'other' WHERE kind = 'confirmation'")
    changed = signoff.status(ctx.db, "workflow_step", made.decision.id)
    assert changed.state == signoff.CHANGED
    assert [(d.table, d.field, d.old, d.new) for d in changed.differences] == [
        ("step_attachment", "kind", "confirmation", "other")]
    assert changed.lines[0].old == "脱贫确认书（户认可）" and changed.lines[0].new == "其他"


def test_a_file_that_is_not_a_jpeg_or_png_is_refused_and_nothing_is_written(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("孙大山")
    t = _to_consent(ctx, team, hid)
    text = tmp_path / "确认书.jpg"  # named like a photo, but a text file
    text.write_text("户主已签字", encoding="utf-8")
    gif = write_image(tmp_path / "确认书.gif", fmt="GIF")  # an image, but not one the app accepts
    before = (ctx.db.scalar("SELECT count(*) FROM workflow_step"), ctx.db.scalar("SELECT count(*) FROM photo"))
    for bad in (text, gif):
        with pytest.raises(PhotoError, match=f"附件“{bad.name}”不是 JPEG 或 PNG 图片"):
            service.decide(team["member"], hid, "03", rules.PASS, at_ms=t, attach=consent_attachment(bad))
    with pytest.raises(rules.WorkflowError, match="附件类别 receipt 不存在"):
        service.decide(team["member"], hid, "03", rules.PASS, at_ms=t,
                       attach=[attachments.NewAttachment(write_image(tmp_path / "a.jpg"), "receipt")])
    after = (ctx.db.scalar("SELECT count(*) FROM workflow_step"), ctx.db.scalar("SELECT count(*) FROM photo"))
    assert after == before
    assert not list(ctx.photos.root.rglob("*.jpg"))  # no file stored either


def test_a_meetings_minutes_are_attached_to_the_meeting(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str], tmp_path: Path) -> None:
    hid = make_household("李小红")
    village = str(ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=hid))
    minutes = write_image(tmp_path / "会议记录.png", fmt="PNG")
    meeting = deliberation.record(
        team["committee"], village, rules.day_of(T0), present_count=21, present_names="", votes_for=19,
        votes_against=1, summary="", household_ids=[hid],
        attach=[attachments.NewAttachment(minutes, attachments.MINUTES, "会议记录第 1 页")])
    [found] = attachments.of_meeting(ctx, meeting.id)
    assert (found.kind, found.caption, found.owner_id) == ("minutes", "会议记录第 1 页", meeting.id)
    stored = ctx.photos.read(found.sha256)
    assert stored is not None and stored[:3] == b"\xff\xd8\xff"  # the PNG converted to JPEG, as visits do
    assert ctx.db.scalar("SELECT village_id FROM deliberation_attachment") == village
