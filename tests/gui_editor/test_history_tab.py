"""The 变更记录 tab reads in words: visits, visit cadres and follow-ups by name, in the UI language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import pytest

from fieldapp.gui import i18n
from fieldapp.gui.household_editor import HouseholdEditor
from fieldapp.services import visits
from fieldapp.services.context import AppContext
from fieldapp.store.models import Cadre

pytestmark = pytest.mark.gui

RAW = re.compile(r"follow_up|visit_cadre|visit_id|cadre_id|[0-9a-f]{8}-[0-9a-f]{4}-")


@pytest.fixture
def visited(ctx: AppContext, make_household: Callable[..., str]) -> str:
    hid = make_household("李大山", identified_on=dt.date(2020, 1, 1))
    with ctx.writer.transaction() as txn:
        other = txn.insert(Cadre, {"name": "赵敏", "role": "member"})
    visits.save_visit(ctx, visits.VisitDraft(
        date=dt.date(2025, 3, 1), type="01", household_id=hid, found="住房漏雨",
        cadre_ids=[str(ctx.settings["cadre_id"]), other],
        follow_ups=[visits.FollowUpDraft("联系维修", dt.date(2025, 3, 20))]), today=dt.date(2025, 3, 2))
    return hid


@pytest.fixture
def english() -> Iterator[None]:
    i18n.install("en")
    yield
    i18n.install("zh-Hans")


def rows(ed: HouseholdEditor) -> list[tuple[str, ...]]:
    ed.tabs.setCurrentWidget(ed.history)
    model = ed.history.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_history_tab_names_visits_cadres_and_follow_ups(open_editor: Callable[..., HouseholdEditor],
                                                         visited: str, ctx: AppContext) -> None:
    shown = rows(open_editor(visited))
    assert shown
    assert [r for r in shown if RAW.search(" ".join(r))] == []
    visit = f"2025-03-01 {ctx.ref['visit_type'].label('01')}"
    assert {r[4] for r in shown if r[1] == f"走访干部 {visit}" and r[2] == "参与干部"} == {"王伟", "赵敏"}
    assert (f"后续事项 {visit}", "期限", "", "2025-03-20") in {r[1:5] for r in shown}


def test_history_tab_in_english(open_editor: Callable[..., HouseholdEditor], visited: str, english: None) -> None:
    shown = rows(open_editor(visited))
    fields = {r[2] for r in shown}
    assert {"Cadre", "Due date", "Name", "Main cause of poverty"} <= fields
    assert {r[6] for r in shown} == {"This computer"}
