"""The demo's 挂图作战 plans and 汇总上报: this year's 摘帽 and industry plans make the progress and industry
charts show targets (an area's own, else its villages' sum), and the team leader's signed weekly summaries
and monthly update fill the summaries page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fieldapp import paths
from fieldapp.domain import report as report_rules
from fieldapp.services import demo
from fieldapp.services.charts import figures
from fieldapp.services.context import open_context
from fieldapp.services.people.auth import login, open_for
from fieldapp.services.people.demo import DEMO_PASSWORD, demo_accounts
from fieldapp.services.report import service as reports
from fieldapp.services.signoff import service as signoff_rules
from fieldapp.services.targets import records


def test_the_demo_has_this_years_plans_and_signed_summaries(tmp_path: Path) -> None:
    data = paths.DataPaths(tmp_path / "home")
    today = dt.date.today()
    ctx = open_context(data)
    try:
        demo.build_demo(ctx, households=12, today=today)
        made = demo_accounts(ctx)
    finally:
        ctx.close()
    signed = open_for(data, login(data, made[0].name, DEMO_PASSWORD))
    try:
        village = figures.resolve_area(signed.db, "village", None)
        town = figures.resolve_area(signed.db, "town", None)
        progress = figures.progress(signed.db, signed.ref, village.area_id, today.year)
        assert progress.villages.target == 1 and progress.households.target is not None
        kinds = {t.kind for t in records.targets_of(signed.db, [village.area_id], today.year)}
        assert {f"industry_{c.code}" for c in signed.ref["industry"].codes} <= kinds
        rows = {r.industry: r for r in figures.industries(signed.db, signed.ref, town.area_id, today.year).rows}
        own = {t.kind: t.value for t in records.targets_of(signed.db, [town.area_id], today.year)}
        village_plans = {t.kind: t.value for t in records.targets_of(signed.db, [village.area_id], today.year)}
        assert rows["fruit"].total.plan == own["industry_fruit"] != village_plans["industry_fruit"]  # the town's own
        assert "industry_other" not in own and rows["other"].total.plan == village_plans["industry_other"]  # summed

        listed = reports.listed(signed.db, village_ids=[village.area_id])
        weekly = [s for s in listed if s.kind == report_rules.WEEKLY]
        monthly = [s for s in listed if s.kind == report_rules.MONTHLY]
        assert len(weekly) == 3 and len(monthly) == 1
        assert report_rules.previous(report_rules.WEEKLY, today).text in {s.period.text for s in weekly}
        for s in listed:
            assert s.narrative and reports.status(signed.db, s.id).state == signoff_rules.VALID
            assert {h.person_name for h in reports.history(signed.db, s.id)} == {made[0].name}
    finally:
        signed.close()
