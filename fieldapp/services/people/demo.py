"""The demo's accounts: one per role, all with the documented password :data:`DEMO_PASSWORD`.

The team leader (the demo's set-up cadre) is also the laptop's administrator; a team member and
a village committee member are demo cadres; the township reviewer and the district approver are
people of the district without a cadre record. ``fieldapp demo`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.services.context import AppContext
from fieldapp.services.people import accounts
from fieldapp.services.people.auth import session_in
from fieldapp.services.people.keystore import Keystore
from fieldapp.store.models import Cadre

DEMO_PASSWORD = "demo1234"
REVIEWERS = (("乡镇审核员", "township"), ("区县审批员", "district"))


@dataclass(frozen=True)
class DemoAccount:
    name: str
    roles: tuple[str, ...]


def demo_accounts(ctx: AppContext) -> list[DemoAccount]:
    """Create the demo accounts unless this laptop has accounts already; returns those created."""
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
    first, *rest = plan
    accounts.create_account(ctx, first[0], first[1], first[2], villages, DEMO_PASSWORD)
    session = session_in(ctx, first[0], DEMO_PASSWORD)  # login() would encrypt the register under ctx
    saved = ctx.session
    ctx.session = session
    ctx.reset_writer()
    try:
        for name, cadre_id, roles in rest:
            accounts.create_account(ctx, name, cadre_id, roles, villages, DEMO_PASSWORD)
    finally:
        ctx.session = saved
        ctx.reset_writer()
    return [DemoAccount(name, roles) for name, _c, roles in plan]
