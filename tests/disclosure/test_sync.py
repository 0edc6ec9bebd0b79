"""A disclosure notice and an objection to it between two laptops through the district: the notice's figures and
the objection without household or workflow go up from the village team and reach the township laptop as
written; the township's handling of the objection comes back down."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import Notice, Objection
from fieldapp.sync import service
from tests.projects.test_sync import EAST, LEADER, REVIEWER, WEST, _as, _world
from tests.sync.conftest import Node
from tests.sync.model import deliver, send

D = dt.date


def test_a_disclosure_and_its_objection_go_up_and_the_handling_comes_down(
        nodes: Callable[[int], list[Node]]) -> None:
    district, village, township = nodes(3)
    _world(district, village, township)
    figures = json.dumps({"budget": {"superior": 50_000_001}, "budget_total": 50_000_001}, sort_keys=True)
    notice = natural_id("notice", "资金公示")
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.put(Notice, notice, {"village_id": EAST, "kind": "disclosure_plan", "step": "", "households": "[]",
                                 "period_start": D(2026, 3, 2), "period_end": D(2026, 3, 11), "contact": "村委会",
                                 "issued_by": LEADER, "issued_by_name": "队长", "issued_at": 1, "year": 2026,
                                 "figures": figures, "posted_on": D(2026, 3, 2)})
        objection = txn.insert(Objection, {"household_id": None, "workflow_id": None, "notice_id": notice,
                                           "step": "", "received_on": D(2026, 3, 4), "from_whom": "村民甲",
                                           "content": "道路预算偏高"})
    result = service.import_package(district.rep, send(village, district), allowed_villages=[EAST])
    assert result.stats.refusals == []
    assert deliver(township, send(district, township)) is None
    assert township.db.scalar("SELECT figures FROM notice WHERE id = :n", n=notice) == figures
    assert township.db.scalar("SELECT year FROM notice WHERE id = :n", n=notice) == 2026
    assert township.db.scalar("SELECT coalesce(household_id, workflow_id, notice_id) FROM objection") == notice

    with _as(township, REVIEWER, "乡审").transaction() as txn:
        txn.update(Objection, objection, {"result": "dismissed", "handling": "核实：按定额",
                                          "handled_on": D(2026, 3, 6)})
    result = service.import_package(district.rep, send(township, district), allowed_villages=[EAST, WEST])
    assert result.stats.refusals == []
    assert deliver(village, send(district, village)) is None
    assert village.db.scalar("SELECT result FROM objection WHERE id = :o", o=objection) == "dismissed"


def test_an_objection_to_another_villages_notice_is_refused_by_the_district(
        nodes: Callable[[int], list[Node]]) -> None:
    """An objection without household belongs to its notice's village: a laptop of the other village may neither
    file one nor change a stored one; its own village's objection passes."""
    district, village, township = nodes(3)
    _world(district, village, township)
    notice = natural_id("notice", "资金公示")
    with _as(village, LEADER, "队长").transaction() as txn:
        txn.put(Notice, notice, {"village_id": EAST, "kind": "disclosure_plan", "step": "", "households": "[]",
                                 "period_start": D(2026, 3, 2), "period_end": D(2026, 3, 11), "contact": "村委会",
                                 "issued_by": LEADER, "issued_by_name": "队长", "issued_at": 1, "year": 2026,
                                 "figures": "{}", "posted_on": D(2026, 3, 2)})
        mine = txn.insert(Objection, {"household_id": None, "workflow_id": None, "notice_id": notice, "step": "",
                                      "received_on": D(2026, 3, 4), "from_whom": "村民甲", "content": "预算偏高"})
    assert service.import_package(district.rep, send(village, district), allowed_villages=[EAST]).stats.refusals == []
    assert deliver(township, send(district, township)) is None

    with _as(township, REVIEWER, "乡审").transaction() as txn:
        txn.update(Objection, mine, {"handling": "改写"})
        txn.insert(Objection, {"household_id": None, "workflow_id": None, "notice_id": notice, "step": "",
                               "received_on": D(2026, 3, 5), "from_whom": "村民乙", "content": "冒名"})
        txn.insert(Objection, {"household_id": None, "workflow_id": None, "notice_id": "no-such-notice", "step": "",
                               "received_on": D(2026, 3, 5), "from_whom": "村民丙", "content": "无处公示"})
    result = service.import_package(district.rep, send(township, district), allowed_villages=[WEST])
    reasons = [r["reason"] for r in result.stats.refusals if r["tbl"] == "objection"]
    assert len(reasons) == 3, result.stats.refusals
    assert sum(EAST in r for r in reasons) == 2 and sum("未知村" in r for r in reasons) == 1
    assert district.db.scalar("SELECT count(*) FROM objection") == 1
    assert district.db.scalar("SELECT handling FROM objection WHERE id = :o", o=mine) is None
