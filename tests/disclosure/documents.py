"""Every kind of disclosure notice of a register's households, issued and ready to print (for the public-print
privacy test): two projects of their village, one approved (项目公示, 到户补助公示, the year's plan), one
accepted (项目完成公告), a disbursement's payee and a beneficiary's note carrying a bank account number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from fieldapp.services.context import AppContext
from fieldapp.services.disclosure import service as disclosure
from fieldapp.services.printing.disclosure import render_disclosure
from fieldapp.services.projects import service as projects
from tests.helpers.people import as_role

WAN = 1_000_000


def disclosure_documents(ctx: AppContext, household_ids: Sequence[str], today: dt.date, *,
                         bank_account: str) -> dict[str, Callable[[Path], Path]]:
    """name → render(out) of a plan, project, completion and subsidy notice listing ``household_ids``."""
    village = str(ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=household_ids[0]))
    ids = [h for h in household_ids if ctx.db.scalar("SELECT village_id FROM household WHERE id = :h", h=h) == village]
    made = []
    for name in ("到户产业奖补", "村组道路硬化"):
        pid = projects.create(ctx, projects.ProjectDraft(
            area_id=village, name=name, type="industry", unit="镇农业综合服务站",
            budget={"superior": 40 * WAN, "local_finance": 10 * WAN}, planned_start=today, planned_end=today))
        projects.approve(ctx, pid, 45 * WAN, today)
        for hid in ids:
            projects.set_beneficiary(ctx, pid, hid, 123_456, note=f"打卡至 {bank_account}")
        made.append(pid)
    plain, finished = made
    projects.change_status(ctx, finished, "in_progress", actual_start=today)
    projects.disburse(ctx, finished, day=today, amount=20 * WAN + 1, channel="superior",
                      payee=f"合作社 账号{bank_account}", voucher_no="记-101")
    projects.change_status(ctx, finished, "completed", actual_end=today)
    leader, township = as_role(ctx, "leader", name="公示队长"), as_role(ctx, "township", name="公示验收员")
    try:
        projects.accept(township, finished, day=today, members=["镇长", "村监委"], findings="合格", passed=True)
        contact = "村委会 王主任 13800001111"
        views = {
            "disclosure-plan": disclosure.issue(leader, "plan", village_id=village, year=today.year, start=today,
                                                days=10, contact=contact),
            "disclosure-project": disclosure.issue(leader, "project", project_id=plain, start=today, days=10,
                                                   contact=contact),
            "disclosure-completion": disclosure.issue(leader, "completion", project_id=finished, start=today,
                                                      days=10, contact=contact),
            "disclosure-subsidy": disclosure.issue(leader, "subsidy", village_id=village, year=today.year,
                                                   start=today, days=10, contact=contact),
        }
    finally:
        leader.close()
        township.close()
    return {name: (lambda out, v=v: render_disclosure(ctx, v, out)) for name, v in views.items()}
