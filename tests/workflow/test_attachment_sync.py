"""Attachments travel like visit photos: the village laptop attaches the minutes to a 评议 meeting and to a
decision, the district server and the township reviewer's laptop receive the rows and the sealed photo files
through real HTTP sync, and the reviewer's ``workflow show`` lists them with the file on the laptop; the batch
decision's one signature checks at the district (``fieldapp-server verify``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator

import pytest

from fieldapp import paths
from fieldapp.services import photos
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import attachments, service
from fieldapp.store import sealed
from tests.helpers.people import PASSWORD, logged_in
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, count
from tests.workflow.conftest import T0, write_image

pytest_plugins = ["tests.server.conftest"]


def _as(monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    monkeypatch.setenv("FIELDAPP_USER", who)
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)


def test_attachments_reach_the_reviewers_laptop_sealed_with_their_rows(
        server: ServerProcess, laptop: Callable[[str], Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "now_ms", lambda: T0 + 3_600_000)
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    village = laptop("village")
    east, west = village.setup()
    with village.ctx() as c:
        hid = add_household(c, east, "东户乙", cadre_id=c.settings["cadre_id"])
        other = add_household(c, east, "东户丙", cadre_id=c.settings["cadre_id"])
    village.ok("enrol", server.url, server.code("王伟", [east, west], "--role", "leader"), "--name", "村里的笔记本")
    _as(monkeypatch, "王伟")
    village.ok("people", "add", "孙主任", "--role", "committee")
    for h in (hid, other):
        village.ok("workflow", "start", "identification", h)
    village.ok("workflow", "decide", hid, other, "01", "pass")  # a batch of a step without a signature
    _as(monkeypatch, "孙主任")
    minutes = write_image(village.home.parent / "scans" / "会议记录.png", fmt="PNG")
    day = dt.datetime.fromtimestamp(T0 / 1000).date().isoformat()
    added = village.ok("workflow", "deliberation", "add", "--village", east, "--date", day, "--present", "21",
                       "--for", "19", "--against", "1", "--households", f"{hid},{other}",
                       "--attach", f"{minutes}:minutes", "--caption", "村民代表大会会议记录")
    assert "附件 1 个已保存" in added
    meeting = added.split("--meeting ")[1].strip()
    vote = write_image(village.home.parent / "scans" / "表决票.jpg", color=(230, 250, 230))
    decided = village.ok("workflow", "decide", hid, other, "02", "pass", "--meeting", meeting,
                         "--attach", f"{vote}:other", "--caption", "表决票汇总")
    assert "一个签字覆盖全部 2 户的决定" in decided
    code = decided.split("验证码 ")[1].split()[0]
    with _opened(village, "孙主任") as c:
        [on_decision] = [a for found in attachments.of_household(c, hid).values() for a in found]
        assert len(attachments.of_household(c, other)) == 1  # the batch's attachment is on each decision
        [on_meeting] = attachments.of_meeting(c, meeting_id(c, meeting))
        assert c.photos.key is not None  # the laptop's data folder is encrypted: photo files are sealed
        stored = photos.photo_path(c.photos.root, on_decision.sha256).read_bytes()
        assert sealed.is_sealed(stored[:len(sealed.MAGIC)])
    assert "同步完成" in village.ok("sync", "now")
    assert count(server.home, server.db_url, "SELECT count(*) FROM step_attachment") == 2
    status, out, err = server.admin("verify", code)  # the batch's one signature, checked at the district
    assert status == 0, err
    assert "批量决定" in out and "02 村民代表大会民主评议 通过 2 户" in out and "一致" in out
    assert count(server.home, server.db_url, "SELECT count(*) FROM deliberation_attachment") == 1

    reviewer = laptop("reviewer")
    reviewer.ok("enrol", server.url, server.code("乡审", [east, west], "--role", "township"), "--name", "乡审笔记本")
    _as(monkeypatch, "乡审")
    reviewer.ok("sync", "now")
    shown = reviewer.ok("workflow", "show", hid)
    assert "附件：其他“表决票汇总”" in shown and "评议会议的附件：会议记录“村民代表大会会议记录”" in shown
    assert "尚未同步" not in shown and f"已签字（批量决定，一个签字覆盖 2 户），验证码 {code}" in shown
    with _opened(reviewer, "乡审") as c:
        for sha in (on_decision.sha256, on_meeting.sha256):
            plain = c.photos.read(sha)
            assert plain is not None and hashlib.sha256(plain).hexdigest() == sha and plain[:3] == b"\xff\xd8\xff"
            assert c.photos.read_thumb(sha) is not None
            if c.photos.key is not None:
                raw = photos.photo_path(c.photos.root, sha).read_bytes()
                assert sealed.is_sealed(raw[:len(sealed.MAGIC)])
    assert on_decision.kind == "other" and on_meeting.kind == "minutes"


@contextlib.contextmanager
def _opened(lap: Laptop, who: str) -> Iterator[AppContext]:
    """The laptop's encrypted data folder, opened as ``who``."""
    ctx = logged_in(paths.DataPaths(lap.home), who, PASSWORD)
    try:
        yield ctx
    finally:
        ctx.close()


def meeting_id(ctx: object, tail: str) -> str:
    from fieldapp.services.workflow import deliberation

    return deliberation.get(ctx, tail).id  # type: ignore[arg-type]
