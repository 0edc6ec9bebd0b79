"""The ledgers roll up through sync, over a real district server process: two laptops each record one village's
projects and money (东村's on the first, 西村's on a laptop holding only 西村), a township laptop holding both
villages reads the town's ledgers, and the district server's database gives the district's. Each village's line
in the roll-up is that village laptop's own ledger, to the fen, and the town's and district's totals their sum."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fieldapp.server.storage import open_server_db
from fieldapp.services.context import AppContext
from fieldapp.services.projects import ledgers, service
from tests.projects.conftest import WAN
from tests.server.conftest import Laptop, ServerProcess, laptop, server, server_backend  # noqa: F401

D = dt.date


def _projects(c: AppContext, village: str, tag: str, amounts: tuple[int, int, int]) -> None:
    """A village's library: an industry project approved and partly paid on two channels, and a planned one."""
    budget, paid_superior, paid_local = amounts
    pid = service.create(c, service.ProjectDraft(area_id=village, name=f"{tag}产业园", type="industry",
                                                 industry="fruit", unit="镇农业站",
                                                 budget={"superior": budget, "local_finance": budget // 3}))
    service.approve(c, pid, budget, D(2026, 3, 1))
    service.disburse(c, pid, day=D(2026, 4, 1), amount=paid_superior, channel="superior", payee="镇财政所",
                     voucher_no=f"{tag}-1")
    service.disburse(c, pid, day=D(2026, 6, 1), amount=paid_local, channel="local_finance", payee="镇财政所",
                     voucher_no=f"{tag}-2")
    service.create(c, service.ProjectDraft(area_id=village, name=f"{tag}通组路", type="infrastructure",
                                           unit="镇交管站", budget={"social": 7 * WAN + 3},
                                           planned_start=D(2027, 3, 1)))


def _key(t: ledgers.Totals) -> tuple[object, ...]:
    return t.projects, t.budget_total, dict(t.budget), t.approved, dict(t.disbursed)


def test_two_villages_roll_up_to_the_town_and_the_district_to_the_fen(
        server: ServerProcess, laptop: Callable[[str], Laptop]) -> None:  # noqa: F811
    a = laptop("a")
    east, west = a.setup()
    a.ok("enrol", server.url, server.code("王伟", [east, west]), "--name", "王伟的笔记本")
    with a.ctx() as c:
        _projects(c, east, "东", (33_333_333, 12_345_677, 1_111_111))
    assert "同步完成" in a.ok("sync", "now")
    b = laptop("b")
    b.ok("enrol", server.url, server.code("赵敏", ["西村"]), "--name", "西村笔记本")
    assert b.setting("village_ids") == [west]
    b.ok("sync", "now")
    with b.ctx() as c:
        _projects(c, west, "西", (50 * WAN + 1, 25 * WAN + 1, 9_999_999))
    assert "同步完成" in b.ok("sync", "now")
    township = laptop("town")
    township.ok("enrol", server.url, server.code("乡审", [east, west]), "--name", "乡镇笔记本")
    assert "同步完成" in township.ok("sync", "now")

    with a.ctx() as ca, b.ctx() as cb, township.ctx() as ct:
        east_alone = ledgers.project_ledger(ca.db, east)
        west_alone = ledgers.project_ledger(cb.db, west)
        town_id = str(ct.db.scalar("SELECT id FROM area WHERE level = 'town'"))
        town = ledgers.project_ledger(ct.db, town_id)
        funds = ledgers.fund_ledger(ct.db, town_id, 2026)
        east_funds = ledgers.fund_ledger(ca.db, east, 2026)
    assert [a.area_id for a in town.by_area] == [east, west]
    assert _key(town.by_area[0]) == _key(east_alone.total) and _key(town.by_area[1]) == _key(west_alone.total)
    assert town.total.disbursed_total == (12_345_677 + 1_111_111) + (25 * WAN + 1 + 9_999_999)
    assert town.total.budget_total == sum(t.budget_total for t in (east_alone.total, west_alone.total))
    assert [d.voucher_no for d in funds.disbursements] == ["东-1", "西-1", "东-2", "西-2"]
    east_line = next(f for f in funds.by_area if f.area_id == east)
    assert (dict(east_line.budgeted), east_line.approved, dict(east_line.disbursed)) == (
        dict(east_funds.by_area[0].budgeted), east_funds.by_area[0].approved, dict(east_funds.by_area[0].disbursed))

    held = open_server_db(server.db_url, server.home)
    try:
        district_id = str(held.scalar("SELECT id FROM area WHERE level = 'district'"))
        district = ledgers.project_ledger(held, district_id)
    finally:
        held.close()
    assert [_key(t) for t in district.by_town] == [_key(town.total)]
    assert _key(district.total) == _key(town.total)
    assert [(a.area_id, _key(a)) for a in district.by_area] == [(a.area_id, _key(a)) for a in town.by_area]
