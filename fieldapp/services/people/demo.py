"""The demo's accounts: one per role, all with the documented password :data:`DEMO_PASSWORD`.

The team leader (the demo's set-up cadre) is also the laptop's administrator; a team member and
a village committee member are demo cadres; the township reviewer and the district approver are
people of the district without a cadre record. ``fieldapp demo`` prints them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.services import demo, demo_workflows
from fieldapp.services.context import AppContext
from fieldapp.services.demo_data import DEMO_PASSWORD
from fieldapp.services.people import accounts
from fieldapp.services.people.auth import session_in
from fieldapp.services.people.keystore import Keystore
from fieldapp.store.models import Cadre, VisitCadre

REVIEWERS = (("乡镇审核员", "township"), ("区县审批员", "district"))


@dataclass(frozen=True)
class DemoAccount:
    name: str
    roles: tuple[str, ...]


def demo_accounts(ctx: AppContext, today: dt.date | None = None) -> list[DemoAccount]:
    """Create the demo accounts unless this laptop has accounts already; returns those created. Then the
    accounts play the demo's workflows up to ``today`` (:mod:`fieldapp.services.demo_workflows`)."""
    if Keystore.load(ctx.paths.home).slots or ctx.identity is None:
        return []
    villages = list(ctx.settings["village_ids"])
    table = Cadre.__table__
    with ctx.db.read() as conn:
        cadres = conn.execute(select(table.c.id, table.c.name, table.c.role)
                              .where(table.c.deleted.is_(False)).order_by(table.c.id)).all()
    me = ctx.settings["cadre_id"]
    leader = next((c for c in cadres if c.id == me), None)
    member = next((c for c in cadres if c.role == "member" and c.id != me), None)
    committee = next((c for c in cadres if c.role == "village_committee"), None)
    plan: list[tuple[str, str | None, tuple[str, ...]]] = []
    if leader is not None:
        plan.append((leader.name, leader.id, ("leader", "admin")))
    if member is not None:
        plan.append((member.name, member.id, ("member",)))
    if committee is not None and committee.name not in {p[0] for p in plan}:
        plan.append((committee.name, committee.id, ("committee",)))
    plan += [(name, None, (role,)) for name, role in REVIEWERS]
    # unit leaders sign their own visits (only those count toward their 3 a year)
    plan += [(c.name, c.id, ("member",)) for c in cadres if c.role == "unit_leader"
             and c.name not in {p[0] for p in plan}]
    first, *rest = plan
    accounts.create_account(ctx, first[0], first[1], first[2], villages, DEMO_PASSWORD)
    session = session_in(ctx, first[0], DEMO_PASSWORD)  # login() would encrypt the register under ctx
    saved = ctx.session
    ctx.session = session
    ctx.reset_writer()
    try:
        for name, cadre_id, roles in rest:
            accounts.create_account(ctx, name, cadre_id, roles, villages, DEMO_PASSWORD)
        _close_first_month(ctx)
        from fieldapp.services.demo_reports import add_demo_summaries

        add_demo_summaries(ctx)  # 汇总上报: weekly summaries and a monthly update, signed
        for name, cadre_id, _roles in rest:
            if cadre_id is not None and any(c.id == cadre_id and c.role == "unit_leader" for c in cadres):
                _sign_own_visits(ctx, name, cadre_id)
        by_role = {roles[0]: name for name, _c, roles in plan}
        if all(role in by_role for role in demo_workflows.ROLES):
            demo_workflows.run_demo_workflows(ctx, today or demo.reference_date(), by_role, DEMO_PASSWORD)
        if "township" in by_role:
            from fieldapp.services.demo_projects import make_demo_projects

            make_demo_projects(ctx, today=today)  # the 项目库: recorded by the leader, approved by the township
        if all(role in by_role for role in demo_workflows.ROLES):
            from fieldapp.services.demo_assets import add_demo_assets

            add_demo_assets(ctx, today or demo.reference_date(), by_role, DEMO_PASSWORD)  # 资产台账
    finally:
        ctx.session = saved
        ctx.reset_writer()
    return [DemoAccount(name, roles) for name, _c, roles in plan]


def _close_first_month(ctx: AppContext) -> None:
    """The team leader (signed in on ``ctx``) has closed the demo year's first month for every resident cadre."""
    from fieldapp.domain.visits import Month
    from fieldapp.services import attendance
    from fieldapp.services.lookups import visit_date_range

    table = Cadre.__table__
    with ctx.db.read() as conn:
        resident = [r.id for r in conn.execute(select(table.c.id).where(
            table.c.role.in_(attendance.RESIDENT_ROLES), table.c.deleted.is_(False)).order_by(table.c.id))]
    for cadre_id in resident:
        first, _last = visit_date_range(ctx.db, cadre_id)
        if first is not None:
            month = Month.of(first)
            with ctx.db.read() as conn:
                waiting = attendance.late_checkins(conn, cadre_ids=[cadre_id], since=month.first)
            if month.last < dt.date.today() and not any(w.date <= month.last for w in waiting):
                attendance.close_month(ctx, cadre_id, month)


def _sign_own_visits(ctx: AppContext, name: str, cadre_id: str) -> None:
    """A unit leader of the demo signs the visits they went on (as themselves, with their own key)."""
    from fieldapp.services.signoff import service as signoffs

    vc = VisitCadre.__table__
    with ctx.db.read() as conn:
        visits = [r.visit_id for r in conn.execute(select(vc.c.visit_id).where(
            vc.c.cadre_id == cadre_id, vc.c.deleted.is_(False)).distinct().order_by(vc.c.visit_id))]
    leader_session = ctx.session
    ctx.session = session_in(ctx, name, DEMO_PASSWORD)
    ctx.reset_writer()
    try:
        for visit_id in visits[:-1]:  # the latest one still waits for its signature
            signoffs.sign_visit(ctx, visit_id)
    finally:
        ctx.session = leader_session
        ctx.reset_writer()
