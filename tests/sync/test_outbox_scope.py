"""What the district sends a laptop of some villages: its villages' rows of every village table (notices,
projects, summaries …), its town's projects, objections to its notices — nothing of the other villages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import and_

from fieldapp.domain.ids import natural_id
from fieldapp.store.models import VILLAGE_MOVES, Area, Household, Notice, Objection, Project, ProjectBudget
from fieldapp.sync import outbox
from fieldapp.sync.district import public_identity, register_peer
from tests.projects.test_sync import EAST, TOWN, WEST, _world
from tests.sync.conftest import Node
from tests.sync.model import deliver, send

D = dt.date


def _notice(village: str, name: str) -> dict[str, object]:
    return {"village_id": village, "kind": "disclosure_subsidy", "step": "", "households": "[]",
            "period_start": D(2026, 3, 2), "period_end": D(2026, 3, 11), "contact": name,
            "issued_by": natural_id("person", "队长"), "issued_by_name": "队长", "issued_at": 1, "year": 2026,
            "figures": "{}", "posted_on": D(2026, 3, 2)}


def _ids(node: Node, table: str) -> set[str]:
    with node.db.read() as conn:
        return {str(r[0]) for r in conn.exec_driver_sql(f"SELECT id FROM {table}")}


def test_a_village_laptop_gets_its_villages_and_towns_rows_and_none_of_another_villages(
        nodes: Callable[[int], list[Node]]) -> None:
    district, east, both = nodes(3)
    register_peer(district.db, public_identity(east.rep.identity, east.name), scope=[EAST])
    register_peer(district.db, public_identity(both.rep.identity, both.name), scope=[EAST, WEST])
    east.rep.scope, both.rep.scope = [EAST], [EAST, WEST]
    _world(district)
    ids = {k: natural_id("bench", k) for k in ("n-east", "n-west", "p-town", "p-west", "o-east", "o-west")}
    with district.writer.transaction() as txn:
        txn.put(Notice, ids["n-east"], _notice(EAST, "东村"))
        txn.put(Notice, ids["n-west"], _notice(WEST, "西村"))
        for key, place in (("p-town", TOWN), ("p-west", WEST)):
            txn.put(Project, ids[key], {"village_id": place, "town_id": TOWN, "name": key, "type": "industry",
                                        "unit": "镇", "budget_total": 100, "status": "planned"})
            txn.put(ProjectBudget, natural_id("project_budget", ids[key], "superior"),
                    {"project_id": ids[key], "village_id": place, "channel": "superior", "amount": 100})
        for key, notice in (("o-east", "n-east"), ("o-west", "n-west")):
            txn.put(Objection, ids[key], {"household_id": None, "workflow_id": None, "notice_id": ids[notice],
                                          "step": "", "received_on": D(2026, 3, 4), "from_whom": "村民",
                                          "content": "名单有误"})
    assert deliver(east, send(district, east)) is None
    assert deliver(both, send(district, both)) is None

    assert _ids(east, "notice") == {ids["n-east"]}
    assert _ids(east, "project") == {ids["p-town"]}
    assert _ids(east, "project_budget") == {natural_id("project_budget", ids["p-town"], "superior")}
    assert _ids(east, "objection") == {ids["o-east"]}
    assert _ids(both, "notice") == {ids["n-east"], ids["n-west"]}
    assert _ids(both, "project") == {ids["p-town"], ids["p-west"]}
    assert _ids(both, "objection") == {ids["o-east"], ids["o-west"]}
    assert len(_ids(east, "area")) == 4  # the areas go to everybody


def test_the_scope_exit_query_reads_the_moves_through_their_partial_index(nodes: Callable[[int], list[Node]]) -> None:
    """The exit markers' query names the moves as the partial index's own predicate: SQLite refuses a
    query forced onto a partial index its WHERE does not imply, so a bound parameter in its place fails here."""
    (district,) = nodes(1)
    with district.writer.transaction() as txn:
        txn.put(Area, EAST, {"level": "village", "name": "东村", "parent_id": None})
        txn.put(Area, WEST, {"level": "village", "name": "西村", "parent_id": None})
        for key in ("moves", "stays"):
            txn.put(Household, natural_id(key), {"village_id": EAST, "phone": "1"})
    with district.writer.transaction() as txn:
        txn.update(Household, natural_id("moves"), {"village_id": WEST})
        txn.update(Household, natural_id("stays"), {"phone": "2"})  # an update, but no move
    above = and_(outbox._LOG.c.origin == district.device_id, outbox._LOG.c.origin_seq > 0)
    with district.db.read() as conn:
        sql = str(outbox.exits_query(above, [EAST]).compile(dialect=conn.dialect,
                                                              compile_kwargs={"literal_binds": True}))
        forced = sql.replace("FROM change_log ", "FROM change_log INDEXED BY ix_change_log_village_moves ", 1)
        assert forced != sql
        rows = conn.exec_driver_sql(forced).all()
        in_index = conn.exec_driver_sql(
            "SELECT count(*) FROM change_log INDEXED BY ix_change_log_village_moves "
            f"WHERE origin_seq > 0 AND {VILLAGE_MOVES}").scalar()
    assert [(r.household_id, r.now_in) for r in rows] == [(natural_id("moves"), WEST)]
    assert in_index == 1  # the move only: neither the inserts nor the other update
