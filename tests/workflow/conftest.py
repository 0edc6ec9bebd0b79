"""A village team and its reviewers on one laptop, and a household's income and indicators for the exit gate."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import refdata
from fieldapp.services import register
from fieldapp.services.context import AppContext
from tests.helpers.people import add_account, logged_in

DAY = 86_400_000
# a working day in the past, so that stepping through 公示 periods stays before today
T0 = int(dt.datetime(2026, 3, 2, 9, 0).timestamp() * 1000)
TEAM = {"leader": "吴书记", "member": "郑队员", "committee": "孙主任", "township": "镇审核", "district": "区审批"}


@pytest.fixture
def team(ctx: AppContext) -> Iterator[dict[str, AppContext]]:
    """role → a context logged in as that role's account (the team leader is the laptop's cadre)."""
    opened: dict[str, AppContext] = {}
    for role, name in TEAM.items():
        add_account(ctx, name, [role], cadre_id=ctx.settings["cadre_id"] if role == "leader" else None)
    for role, name in TEAM.items():
        opened[role] = logged_in(ctx.paths, name)
    yield opened
    for c in opened.values():
        c.close()


def set_economy(ctx: AppContext, household_id: str, *, year: int, wage_yuan: int, unmet: tuple[str, ...] = ()) -> None:
    """Give the household one income year (wages only, household size from its members) and every
    两不愁三保障 indicator, met except ``unmet``."""
    original = register.load_record(ctx.db, household_id)
    record = copy.deepcopy(original)
    record.incomes = [{"year": year, "persons": len(record.members), "wage": wage_yuan * 100}]
    record.indicators = [{"code": c.code, "met": c.code not in unmet, "checked_on": dt.date(year + 1, 1, 5)}
                         for c in refdata.default()["indicator"].codes]
    register.save_record(ctx.writer, ctx.ref, record, original)


def hold_meeting(ctx: AppContext, household_ids: list[str], at_ms: int, *, present: int = 21, votes_for: int = 19,
                 votes_against: int = 1) -> str:
    """A 评议 meeting (recorded by ``ctx``, a leader or committee account) of the households, held on the day of
    ``at_ms``; returns its id."""
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import deliberation

    village = ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=household_ids[0])
    return deliberation.record(ctx, village, rules.day_of(at_ms), present_count=present,
                               present_names="村民代表 " + "、".join(f"代表{i}" for i in range(1, 4)) + " 等",
                               votes_for=votes_for, votes_against=votes_against, summary="逐户介绍情况后举手表决",
                               household_ids=household_ids).id


def post_notice(ctx: AppContext, household_id: str, at_ms: int) -> object:
    """The posted notice of the household's current 公示 step (issued by ``ctx``, a leader, township or district
    account, at ``at_ms`` with the minimum period from that day, posted on its first day), or the one that
    already lists it (posted if it was not): the step then passes once the period is over."""
    from fieldapp.domain import workflow as rules
    from fieldapp.services.workflow import notices, store

    defs = rules.definitions(ctx.ref)
    view = store.open_workflow(ctx.db, household_id, defs)
    assert view is not None and view.current is not None and view.current.posts_notice
    found = notices.notice_of(ctx, view.kind, view.current.code, household_id, view.state.since)
    if found is None:
        village = ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=household_id)
        found = notices.issue(ctx, view.kind, view.current.code, start=rules.day_of(at_ms),
                              days=defs.notice_minimum_days, contact="村委会办公室 13900000000", village_id=village,
                              at_ms=at_ms)
    if found.posted_on is None:
        found = notices.post(ctx, found.id, found.period_start)
    return found


def write_image(path: Path, size: tuple[int, int] = (640, 480), color: tuple[int, int, int] = (240, 240, 230),
                fmt: str | None = None) -> Path:
    """A real image file (Pillow), with a text-like stripe so two colours give two different photos."""
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(40, size[1] - 40, 28):  # lines of "writing", as on a photographed form
        draw.line((40, y, size[0] - 60 - (y * 7) % 90, y), fill=(40, 40, 60), width=3)
    image.save(path, fmt)
    return path


@pytest.fixture
def confirmation(tmp_path: Path) -> Callable[..., Path]:
    """``confirmation(name)``: a photo of a signed 脱贫确认书 (a distinct JPEG per name)."""
    def make(name: str = "确认书.jpg") -> Path:
        shade = sum(name.encode()) % 60
        return write_image(tmp_path / "photos-in" / name, color=(250 - shade, 245, 235))
    return make


def consent_attachment(path: Path) -> list[Any]:
    """The attachment 户认可 needs to pass: the signed 脱贫确认书."""
    from fieldapp.services.workflow.attachments import CONFIRMATION, NewAttachment

    return [NewAttachment(path, CONFIRMATION, "户主签字的脱贫确认书")]
