"""An accepted project becomes assets; a year's income is distributed to households to the fen and shows on their
records; transfers, damage and disposal are signed and never deleted; every refusal names why, before saving."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fieldapp.domain import assets as rules
from fieldapp.domain.people import PermissionDenied
from fieldapp.services.assets import records, service
from fieldapp.services.context import AppContext
from fieldapp.services.signoff import service as signoff
from fieldapp.store import guard
from fieldapp.store.models import AssetEvent
from tests.assets.conftest import WAN, D, World


def _count(ctx: AppContext, table: str) -> int:
    return int(ctx.db.scalar(f"SELECT count(*) FROM {table}"))


def _plant(ctx: AppContext, pid: str, world: World) -> tuple[str, str, str]:
    """The station (经营性, collective), its access road (公益性) and a household's cattle (到户类)."""
    return tuple(service.from_project(ctx, pid, [  # type: ignore[return-value]
        service.AssetDraft("光伏电站 100kW", rules.OPERATING, 38 * WAN, "村股份经济合作社", location="东村二组山坡"),
        service.AssetDraft("电站检修道路", rules.PUBLIC, 6 * WAN, "村委会", location="二组"),
        service.AssetDraft("基础母牛 2 头", rules.HOUSEHOLD, 2 * WAN + 50, "张大山", owner_household_id=world.a)]))


def test_a_project_not_yet_accepted_makes_no_assets(ctx: AppContext, world: World, completed_project: str) -> None:
    with pytest.raises(rules.InconsistentAsset) as refused:
        service.from_project(ctx, completed_project, [service.AssetDraft("光伏电站", rules.OPERATING, WAN, "村委会")])
    assert [p.code for p in refused.value.problems] == ["not_accepted"]
    assert "处于“已完工”，验收合格（已验收）后才能登记资产" in str(refused.value)
    assert _count(ctx, "asset") == 0


def test_the_assets_of_a_project_are_worth_at_most_its_approved_amount(
        ctx: AppContext, world: World, accepted_project: str) -> None:
    _plant(ctx, accepted_project, world)  # 46万 + 50 fen of 50万
    with pytest.raises(rules.InconsistentAsset) as refused:
        service.from_project(ctx, accepted_project, [
            service.AssetDraft("储能柜", rules.OPERATING, 4 * WAN, "村委会"),
            service.AssetDraft("围栏", rules.PUBLIC, 0, "", owner_household_id=world.a),
            service.AssetDraft("羊", rules.HOUSEHOLD, 100, "赵四海"),
            service.AssetDraft("鸡", rules.HOUSEHOLD, 100, "赵四海", owner_household_id=world.c)])
    codes = [p.code for p in refused.value.problems]
    assert codes == ["manager", "value", "public_owner", "household_owner", "owner_not_beneficiary",
                     "value_over_approved"]
    assert ("资产价值合计 500,002.50元（已登记 460,000.50元），超过项目“村级光伏电站”批复金额 500,000.00元"
            "（超出 2.50元）") in str(refused.value)
    assert _count(ctx, "asset") == 3
    # exactly the rest of the approved amount is accepted, to the fen
    service.from_project(ctx, accepted_project, [service.AssetDraft("储能柜", rules.OPERATING, 4 * WAN - 50, "村委会")])
    assert sum(a.value for a in records.of_project(ctx.db, accepted_project)) == 50 * WAN


def test_income_is_distributed_to_households_to_the_fen_and_shows_on_their_records(
        ctx: AppContext, world: World, accepted_project: str) -> None:
    station, _road, cattle = _plant(ctx, accepted_project, world)
    shares = rules.split_evenly(3_000_001, [world.a, world.b, world.c])  # 30 000.01元 among three
    assert shares == {world.a: 1_000_001, world.b: 1_000_000, world.c: 1_000_000}
    service.record_income(ctx, station, 2025, 4_000_000, note="上网电费", shares=shares)
    with pytest.raises(rules.InconsistentAsset,
                       match=r"2025 年分配合计 40,000\.01元，超过当年收益 40,000\.00元（超出 0\.01元）"):
        service.distribute(ctx, station, 2025, {world.a: 2_000_001})
    with pytest.raises(rules.InconsistentAsset, match=r"少于已分配的 30,000\.01元"):
        service.record_income(ctx, station, 2025, 3_000_000)
    with pytest.raises(rules.AssetError, match="还没有登记 2026 年的收益"):
        service.distribute(ctx, station, 2026, {world.a: 1})
    with pytest.raises(rules.AssetError, match="1 户不属于资产所在的村"):
        service.distribute(ctx, station, 2025, {world.west: 1})
    service.distribute(ctx, station, 2025, {world.a: 1_999_999})  # changes 张大山's share: 39 999.99 in all
    view = records.get(ctx.db, station)
    [income] = view.incomes
    assert (income.income, income.distributed, income.retained) == (4_000_000, 3_999_999, 1)
    service.record_income(ctx, station, 2026, 4_200_000, shares={world.a: 2_100_000, world.b: 2_100_000})
    service.record_income(ctx, cattle, 2026, 500_000, shares={world.a: 500_000})
    assert _count(ctx, "asset_distribution") == 6

    mine = records.household_shares(ctx.db, world.a)
    assert [(s.year, s.asset_name, s.amount) for s in mine] == [
        (2025, "光伏电站 100kW", 1_999_999), (2026, "光伏电站 100kW", 2_100_000), (2026, "基础母牛 2 头", 500_000)]
    assert records.household_totals(mine) == {2025: 1_999_999, 2026: 2_600_000}
    assert records.household_totals(records.household_shares(ctx.db, world.c)) == {2025: 1_000_000}
    line = next(x for x in records.ledger(ctx.db) if x.id == station)
    assert (line.income, line.distributed) == (8_200_000, 8_199_999)
    # the year's distribution replaced: 赵四海 out, the others' shares as given
    service.record_income(ctx, station, 2025, 4_000_000, shares={world.a: 2_000_000, world.b: 2_000_000})
    assert records.household_totals(records.household_shares(ctx.db, world.c)) == {}
    assert records.get(ctx.db, station).incomes[0].retained == 0


def test_changes_are_signed_move_the_asset_and_are_never_deleted(
        ctx: AppContext, world: World, accepted_project: str, signed_in: Callable[..., AppContext]) -> None:
    station, road, cattle = _plant(ctx, accepted_project, world)
    leader = signed_in("leader", name="王队长")
    with pytest.raises(rules.InconsistentAsset) as refused:
        service.transfer(leader, cattle, day=D(2025, 8, 1), reason="")
    assert [p.code for p in refused.value.problems] == ["reason", "transfer_nothing", "event_before_asset"]
    record = service.transfer(leader, cattle, day=D(2025, 10, 1), reason="张大山外出务工，母牛交由李二河饲养",
                              owner=world.b, manager="李二河")
    view = records.get(ctx.db, cattle)
    assert (view.owner_household_id, view.manager, view.state) == (world.b, "李二河", "in_use")
    [event] = view.events
    assert (event.owner_before, event.owner_after, event.signoff_id) == (world.a, world.b, record.id)
    assert event.owner_before_name.endswith("张大山") and event.owner_after_name.endswith("李二河")
    state = service.event_status(ctx, event.id)
    assert state.state == signoff.VALID and state.signoff is not None and state.signoff.person_name == "王队长"
    assert "资产变更 基础母牛 2 头 移交 2025-10-01" in signoff.subject_text(ctx.db, state.signoff)

    with pytest.raises(rules.InconsistentAsset, match="公益性资产的产权归村集体"):
        service.transfer(leader, road, day=D(2025, 10, 1), reason="x", owner=world.a)
    service.damage(leader, station, day=D(2026, 7, 12), reason="暴雨冲毁 12 块组件")
    service.dispose(leader, cattle, day=D(2026, 3, 1), reason="母牛病死，经兽医站证明报废")
    with pytest.raises(rules.InconsistentAsset, match="资产已处置，不能再登记移交"):
        service.transfer(leader, cattle, day=D(2026, 4, 1), reason="x", manager="别人")
    with pytest.raises(rules.InconsistentAsset, match="资产于 2026 年已处置，不能登记 2027 年的收益"):
        service.record_income(ctx, cattle, 2027, 100)
    assert [e.kind for e in records.get(ctx.db, cattle).events] == ["transfer", "disposal"]

    # never deleted: the service, the write path (asset.amend, which no role holds)
    for who in (leader, signed_in("district")):
        with pytest.raises(PermissionDenied) as denied:
            service.delete_event(who, event.id)
        assert denied.value.permission == "asset.amend"
        with pytest.raises(PermissionDenied), who.writer.transaction() as txn:
            txn.delete(AssetEvent, event.id)
        with pytest.raises(PermissionDenied), who.writer.transaction() as txn:
            txn.update(AssetEvent, event.id, {"reason": "改"})
    with pytest.raises(rules.AssetError, match="不能删除"):
        service.delete_event(ctx, event.id)
    assert _count(ctx, "asset_event") == 3

    # the reason rewritten behind the app's back: the signature says the change no longer matches
    with guard.raw_writes_allowed(), ctx.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE asset_event SET reason = '自愿转让' WHERE id = ?", (event.id,))
    changed = service.event_status(ctx, event.id)
    assert changed.state == signoff.CHANGED
    assert any("自愿转让" in str(line) for line in changed.lines)


def test_roles(ctx: AppContext, world: World, accepted_project: str, signed_in: Callable[..., AppContext]) -> None:
    member = signed_in("member")
    with pytest.raises(PermissionDenied) as refused:
        service.from_project(member, accepted_project, [service.AssetDraft("x", rules.OPERATING, 1, "y")])
    assert refused.value.permission == "asset.edit"
    [station] = service.from_project(signed_in("committee", name="村两委"), accepted_project,
                                     [service.AssetDraft("光伏电站", rules.OPERATING, WAN, "村委会")])
    with pytest.raises(PermissionDenied) as refused:  # the committee records, it does not sign changes
        service.damage(signed_in("committee", name="村两委二"), station, day=D(2026, 1, 1), reason="雷击")
    assert refused.value.permission == "asset.change"
    service.damage(signed_in("township"), station, day=D(2026, 1, 1), reason="雷击")
    assert records.get(ctx.db, station).state == "damaged"
