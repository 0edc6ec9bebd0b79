"""Writing assets through the one write path, every check made *before* saving.

Permissions (``permissions.json``): ``asset.edit`` records the assets of an accepted project, a year's income and
its distribution to households; ``asset.change`` records a transfer (移交), damage (毁损) or disposal (处置), signed
by the person recording it (signoff subject ``asset_event``, written in the same transaction as the change and the
asset's new owner, manager and state). Nobody holds ``asset.amend``: an asset is never deleted and a change is never
altered nor deleted (the write path and the sync merge refuse both, :func:`delete_event` says so to a person).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fieldapp.domain import assets as rules
from fieldapp.domain.ids import natural_id, new_id
from fieldapp.services.assets import records
from fieldapp.services.context import AppContext
from fieldapp.services.projects import records as projects
from fieldapp.services.signoff import service as signoff
from fieldapp.services.signoff import snapshots
from fieldapp.store.models import Area, Asset, AssetDistribution, AssetEvent, AssetIncome, Household, Signoff

_H = Household.__table__
AMEND = "asset.amend"
#: a keyword default meaning "leave the owner as it is" (None is the collective)
KEEP: Any = object()


@dataclass(frozen=True)
class AssetDraft:
    """A new asset of a project: name, kind (``asset_kind``), value (fen), location, ownership (a household id;
    None: the collective), manager (管护主体)."""

    name: str
    kind: str
    value: int
    manager: str
    location: str = ""
    owner_household_id: str | None = None
    state: str = rules.IN_USE
    note: str = ""


def _acceptance_day(view: projects.ProjectView) -> dt.date:
    passed = [a.date for a in view.acceptances if a.passed]
    return max(passed) if passed else dt.date.today()


def from_project(ctx: AppContext, project_id: str, drafts: Sequence[AssetDraft]) -> list[str]:
    """Record the assets an accepted project made; returns their ids. Refused, every problem named, for a project
    not accepted, a value above what is left of the approved amount, a 到户类 asset without a beneficiary household."""
    ctx.require(rules.EDIT)
    view = projects.get(ctx.db, project_id)
    existing = sum(a.value for a in records.of_project(ctx.db, project_id))
    new = [rules.NewAsset(d.name, d.kind, d.value, d.owner_household_id, d.state, d.manager) for d in drafts]
    rules.check(rules.project_problems(view.status, view.approved_amount, existing, new,
                                       {b.household_id for b in view.beneficiaries}, project_name=view.name))
    day = _acceptance_day(view)
    ids: list[str] = []
    with ctx.writer.transaction() as txn:
        for d in drafts:
            ids.append(txn.insert(Asset, {
                "id": new_id(), "project_id": project_id, "village_id": view.village_id, "kind": d.kind,
                "name": d.name.strip(), "value": d.value, "location": d.location.strip(),
                "owner_household_id": d.owner_household_id, "manager": d.manager.strip(), "state": d.state,
                "recorded_on": day, "note": d.note.strip()}))
    return ids


def edit(ctx: AppContext, asset_id: str, *, name: str | None = None, location: str | None = None,
         note: str | None = None) -> None:
    """Correct the asset's name, location or note (owner, manager and state change through a signed change)."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, asset_id)
    values = {k: v.strip() for k, v in (("name", name), ("location", location), ("note", note)) if v is not None}
    if "name" in values and not values["name"]:
        raise rules.AssetError("请填写资产名称")
    if values:
        with ctx.writer.transaction() as txn:
            txn.update(Asset, view.id, values)


# -- income and its distribution ---------------------------------------------------------------------------


def _households_of(ctx: AppContext, view: records.AssetView, household_ids: Sequence[str]) -> None:
    """Every household exists and lives where the asset is (a town's asset: anywhere in the town)."""
    if not household_ids:
        return
    a = Area.__table__
    with ctx.db.read() as conn:
        homes = {r.id: (r.village_id, r.town) for r in conn.execute(
            select(_H.c.id, _H.c.village_id, a.c.parent_id.label("town"))
            .select_from(_H.outerjoin(a, a.c.id == _H.c.village_id))
            .where(_H.c.id.in_(sorted(set(household_ids))), _H.c.deleted.is_(False)))}
    missing = sorted(set(household_ids) - set(homes))
    if missing:
        raise LookupError(f"农户 {'、'.join(missing)} 不存在")
    away = sorted(h for h, (village, town) in homes.items() if view.village_id not in (village, town))
    if away:
        raise rules.AssetError(f"{len(away)} 户不属于资产所在的村（{view.area_name}），不能参与分配")


def record_income(ctx: AppContext, asset_id: str, year: int, income: int, *, note: str = "",
                  shares: Mapping[str, int] | None = None) -> str:
    """A year's income of the asset (replacing that year's figure); with ``shares`` (household -> fen) its
    distribution too, replacing the year's earlier one, in the same transaction. Returns the income's id."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, asset_id)
    before = view.income_of(year)
    after = dict(shares) if shares is not None else {s.household_id: s.amount for s in (before.shares if before
                                                                                         else ())}
    found = rules.income_problems(year, income, 0 if shares is not None else sum(after.values()), view.state,
                                  view.final_year)
    if shares is not None:
        found += rules.distribution_problems(income, year, after)
    rules.check(found)
    _households_of(ctx, view, list(after))
    income_id = natural_id("asset_income", asset_id, str(year))
    with ctx.writer.transaction() as txn:
        txn.put(AssetIncome, income_id, {"asset_id": asset_id, "village_id": view.village_id, "year": year,
                                         "income": income, "note": note.strip()})
        if shares is not None:
            _write_shares(txn, asset_id, income_id, year, after, before=before)
    return income_id


def _write_shares(txn: Any, asset_id: str, income_id: str, year: int, shares: Mapping[str, int], *,
                  before: records.Income | None, notes: Mapping[str, str] | None = None) -> None:
    for household_id, amount in sorted(shares.items()):
        txn.put(AssetDistribution, natural_id("asset_distribution", income_id, household_id),
                {"income_id": income_id, "asset_id": asset_id, "household_id": household_id, "year": year,
                 "amount": amount, "note": (notes or {}).get(household_id, "")})
    for s in before.shares if before else ():
        if s.household_id not in shares:
            txn.delete(AssetDistribution, s.id)


def distribute(ctx: AppContext, asset_id: str, year: int, shares: Mapping[str, int], *, replace: bool = False,
               notes: Mapping[str, str] | None = None) -> None:
    """Give households their shares of the year's income (household -> fen; a household already given a share
    gets the new amount). ``replace``: the year's distribution is exactly ``shares``. Refused before saving when the
    shares would add up to more than the income, naming by how much."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, asset_id)
    income = view.income_of(year)
    if income is None:
        raise rules.AssetError(f"资产“{view.name}”还没有登记 {year} 年的收益，先登记收益再分配")
    earlier = {} if replace else {s.household_id: s.amount for s in income.shares}
    after = earlier | dict(shares)
    rules.check(rules.distribution_problems(income.income, year, after))
    _households_of(ctx, view, list(shares))
    kept_notes = {s.household_id: s.note for s in income.shares} | dict(notes or {})
    with ctx.writer.transaction() as txn:
        _write_shares(txn, asset_id, income.id, year, after, before=income, notes=kept_notes)


def remove_share(ctx: AppContext, asset_id: str, year: int, household_id: str) -> None:
    """Take a household out of the year's distribution (a wrong entry; the change log keeps it)."""
    ctx.require(rules.EDIT)
    view = records.get(ctx.db, asset_id)
    income = view.income_of(year)
    share = next((s for s in income.shares if s.household_id == household_id), None) if income else None
    if share is None:
        raise LookupError(f"该户没有分到资产“{view.name}” {year} 年的收益")
    with ctx.writer.transaction() as txn:
        txn.delete(AssetDistribution, share.id)


# -- signed changes ------------------------------------------------------------------------------------


def change(ctx: AppContext, asset_id: str, kind: str, *, day: dt.date, reason: str, owner: Any = KEEP,
           manager: str | None = None, state: str | None = None, at_ms: int | None = None) -> signoff.SignoffRecord:
    """Record a transfer, damage or disposal (``asset_event`` code) and sign it; the asset takes the new owner
    (a household id, None: the collective; left out: unchanged), manager and state in the same transaction."""
    ctx.require(rules.CHANGE)
    view = records.get(ctx.db, asset_id)
    new_owner = view.owner_household_id if owner is KEEP else owner
    new_manager = view.manager if manager is None else manager.strip()
    new_state = state or (view.state if kind == rules.TRANSFER and view.state in rules.EVENT_STATES[rules.TRANSFER]
                          else rules.default_state(kind))
    now = rules.AssetNow(view.owner_household_id, view.manager, view.state, view.recorded_on, view.last_change)
    found = rules.event_problems(kind, day, reason, now, owner=new_owner, manager=new_manager, state=new_state)
    if new_owner is not None and view.kind == rules.PUBLIC:
        found.append(rules.Problem("public_owner", "公益性资产的产权归村集体，不能移交给一户"))
    rules.check(found)
    if new_owner is not None and new_owner != view.owner_household_id:
        _households_of(ctx, view, [new_owner])
    if ctx.session is None:
        raise rules.AssetError("资产变更签字须以本人账户登录")
    event_id = new_id()
    row: dict[str, Any] = {
        "id": event_id, "asset_id": asset_id, "village_id": view.village_id, "kind": kind, "date": day,
        "reason": reason.strip(), "owner_before": view.owner_household_id, "owner_after": new_owner,
        "manager_before": view.manager, "manager_after": new_manager, "state_before": view.state,
        "state_after": new_state, "recorded_by_name": ctx.session.name}
    asset_row = {c: getattr(view, c) for c in snapshots.ASSET_SIGNED_COLUMNS}
    values, record = signoff.prepare(ctx, "asset_event", event_id,
                                     tables={"asset_event": [row], "asset": [asset_row]}, at_ms=at_ms)
    with ctx.writer.transaction() as txn:
        txn.insert(Signoff, values)
        txn.insert(AssetEvent, {**row, "signoff_id": record.id})
        txn.update(Asset, asset_id, {"owner_household_id": new_owner, "manager": new_manager, "state": new_state})
    return record


def transfer(ctx: AppContext, asset_id: str, *, day: dt.date, reason: str, owner: Any = KEEP,
             manager: str | None = None, state: str | None = None) -> signoff.SignoffRecord:
    """移交: a new owner (产权) or manager (管护主体), signed."""
    return change(ctx, asset_id, rules.TRANSFER, day=day, reason=reason, owner=owner, manager=manager, state=state)


def damage(ctx: AppContext, asset_id: str, *, day: dt.date, reason: str, state: str = rules.DAMAGED,
           manager: str | None = None) -> signoff.SignoffRecord:
    """毁损: the asset is damaged (or idle), signed."""
    return change(ctx, asset_id, rules.DAMAGE, day=day, reason=reason, state=state, manager=manager)


def dispose(ctx: AppContext, asset_id: str, *, day: dt.date, reason: str) -> signoff.SignoffRecord:
    """处置: the asset leaves the ledger (报废、拍卖、核销), signed; it takes no income nor change after."""
    return change(ctx, asset_id, rules.DISPOSAL, day=day, reason=reason, state=rules.DISPOSED)


def delete_event(ctx: AppContext, event_id: str) -> None:
    """A recorded change is never deleted: refused (``asset.amend``, which no role holds), naming why."""
    with ctx.db.read() as conn:
        found = conn.execute(select(AssetEvent.__table__.c.id).where(AssetEvent.__table__.c.id == event_id)).first()
    if found is None:
        raise LookupError(f"资产变更 {event_id} 不存在")
    ctx.require(AMEND)
    raise rules.AssetError("资产变更记录经签字，不能删除")  # the program itself (no account) is refused too


def event_status(ctx: AppContext, event_id: str) -> signoff.Status:
    """Whether the change's signature still holds (a changed reason, date or owner shows as 已变更)."""
    return signoff.status(ctx.db, "asset_event", event_id, ref=ctx.ref)
