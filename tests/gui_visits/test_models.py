"""Every model of the visit pages passes Qt's model tester; the paged visit model pages on its key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from fieldapp.domain.visits import Month
from fieldapp.gui.visits.followups import FollowUpModel
from fieldapp.gui.visits.models import STATUS_ROLE, VISIT_ID_ROLE, ComplianceModel, LeaderModel, VisitTableModel
from fieldapp.services import attendance, browse
from fieldapp.services.attendance import ComplianceRow, LeaderRow, MonthCell
from fieldapp.services.context import AppContext
from fieldapp.services.visits import FollowUpDraft, VisitSummary


def test_visit_model_pages_and_passes_the_tester(ctx: AppContext, qtmodeltester: Any, household: str,
                                                 add_visit: Callable[..., str], village_ids: list[str]) -> None:
    start = dt.date.today() - dt.timedelta(days=30)
    ids = [add_visit(household, start + dt.timedelta(days=i), f"情况{i}\n第二行",
                     follow_ups=[("事", start + dt.timedelta(days=i + 40), None)] if i == 2 else [])
           for i in range(5)]
    ids.append(add_visit(None, start, "开会", kind="07", village_id=village_ids[0], title="民主评议会"))
    me = str(ctx.settings["cadre_id"])
    calls: list[tuple[Any, int]] = []

    def fetch(after: tuple[dt.date, str] | None, limit: int) -> list[VisitSummary]:
        calls.append((after, limit))
        return browse.visits_of_cadre(ctx.db, me, None, None, household_id=None, text=None, after=after,
                                      limit=limit)

    model = VisitTableModel(ctx, fetch=fetch, page_size=2)
    assert model.rowCount() == 2 and calls == [(None, 3)]  # one extra row tells whether there is more
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 6 and not model.canFetchMore(QModelIndex())
    assert sorted(model.data(model.index(r, 0), VISIT_ID_ROLE) for r in range(6)) == sorted(ids)
    texts = {model.data(model.index(r, 2)) for r in range(6)}
    assert "村级活动：民主评议会" in texts and any(t.startswith("李大山（") for t in texts)
    row = next(r for r in range(6) if model.data(model.index(r, 0), VISIT_ID_ROLE) == ids[2])
    assert model.data(model.index(row, 4)) == "情况2 第二行"  # one line
    assert model.data(model.index(row, 7)) == "1项"
    assert model.data(model.index(row, 7), Qt.ItemDataRole.ForegroundRole) is not None
    model.set_fetch(None)  # the tester, still connected, rechecks after every change
    assert model.rowCount() == 0


def test_attendance_models_pass_the_tester(ctx: AppContext, qtmodeltester: Any) -> None:
    year = dt.date.today().year - 1
    cells = tuple(MonthCell(Month(year, m), d, s) for m, d, s in
                  zip(range(1, 13), [15, 3, *[0] * 10], ["met", "short", *["short"] * 10], strict=True))
    compliance = ComplianceModel(ctx)
    compliance.set_rows([ComplianceRow("c1", "王伟", "区国土资源局", "member", cells)])
    qtmodeltester.check(compliance, force_py=True)
    assert compliance.data(compliance.index(0, 2)) == "15 达标"
    assert compliance.data(compliance.index(0, 3)) == "3 未达标"
    assert compliance.data(compliance.index(0, 2), STATUS_ROLE) == "met"
    assert compliance.data(compliance.index(0, 14)) == "1"
    leaders = LeaderModel(ctx)
    leaders.set_rows([LeaderRow("l1", "石局长", "区国土资源局", 2, "open")], 3)
    qtmodeltester.check(leaders, force_py=True)
    assert [leaders.data(leaders.index(0, c)) for c in range(5)] == ["石局长", "区国土资源局", "2", "3", "进行中"]
    with ctx.db.read() as conn:
        compliance.set_rows(attendance.compliance_table(conn, year))
    assert compliance.rowCount() == 1 and compliance.data(compliance.index(0, 0)) == "王伟"


def test_follow_up_model_edits_and_passes_the_tester(qtmodeltester: Any) -> None:
    model = FollowUpModel()
    model.set_drafts([FollowUpDraft("送药", dt.date(2025, 3, 1), None, id="f1")])
    model.add_row("回访", dt.date(2025, 4, 1))
    qtmodeltester.check(model, force_py=True)
    assert model.setData(model.index(1, 1), "2025年4月9日")
    assert model.data(model.index(1, 1)) == "2025-04-09"
    assert model.setData(model.index(1, 2), "明天")
    assert model.widget_problems() == {"follow_up[1].done_on": "日期应为 年-月-日，如 2024-03-05"}
    assert model.drafts()[1].done_on is None
    model.set_problems({"follow_up[0].text": "太长"})
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "太长"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    model.remove_row(0)
    assert [d.text for d in model.drafts()] == ["回访"] and model.problems == {}
