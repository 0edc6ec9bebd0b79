"""By sync: an exit completed on one laptop shows on the other's household list as exited (with its year),
and a typed change of the exit status from another laptop (an older FieldApp) is refused by the merge."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import natural_id, new_id
from fieldapp.store import derived
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household, Person, Workflow, WorkflowStep
from fieldapp.store.writer import Actor, ChangeWriter
from fieldapp.sync import service as sync
from tests.sync.conftest import Node, connect, make_node
from tests.workflow.conftest import DAY, T0

HOUSEHOLD = "0190aaaa-0000-7000-8000-000000000002"
LEADER = "0190aaaa-0000-7000-8000-0000000000e1"
VILLAGE = natural_id("area", "east")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Node]]:
    template = tmp_path / "template" / "register.sqlite3"
    template.parent.mkdir()
    Database.open(template).close()
    made = [make_node(tmp_path / name, template, name) for name in ("village", "district")]
    connect(made)
    with made[0].writer.transaction() as txn:
        txn.put(Area, VILLAGE, {"level": "village", "name": "东村", "parent_id": None})
        txn.insert(Household, {"id": HOUSEHOLD, "village_id": VILLAGE, "hh_no": "611002000009", "main_cause": "01",
                               "exit_status": "0"})
        txn.insert(Person, {"id": LEADER, "name": "吴书记", "roles": json.dumps(["leader"]),
                            "village_ids": json.dumps([VILLAGE]), "active": True})
    _send(made[0], made[1])
    yield made
    for node in made:
        node.db.close()


def _send(src: Node, dst: Node) -> sync.ImportResult:
    return sync.import_package(dst.rep, sync.build_package(src.rep, dst.device_id).data)


def _listed(node: Node) -> rules.Standing:
    with node.db.read() as conn:
        return derived.standings(conn, [HOUSEHOLD])[HOUSEHOLD]


def test_an_exit_completed_on_one_laptop_shows_as_exited_on_the_other(pair: list[Node]) -> None:
    village, district = pair
    assert _listed(district) == rules.Standing("0", None, rules.SOURCE_IMPORTED)
    steps = rules.definitions().get("exit").steps
    with village.writer.transaction() as txn:
        wid = txn.insert(Workflow, {"household_id": HOUSEHOLD, "kind": "exit", "started_at": T0, "origin": "app",
                                    "started_by_name": "吴书记"})
    _send(village, district)
    assert _listed(district) == rules.Standing("0", None, rules.SOURCE_IMPORTED, "exit", "10")
    prev, at = "", T0
    for i, step in enumerate(steps):
        at = T0 + (i + 1) * 8 * DAY
        with village.writer.transaction() as txn:
            prev = txn.insert(WorkflowStep, {
                "id": new_id(), "workflow_id": wid, "household_id": HOUSEHOLD, "step": step.code, "prev_id": prev,
                "decision": rules.PASS, "reason": "", "override": False, "person_id": "p", "person_name": "吴书记",
                "role": step.role, "decided_as": step.role, "decided_at": at, "settles": ""})
        if step.code == "04":  # half way, received: the district's list shows the 公示
            _send(village, district)
            assert (_listed(district).kind, _listed(district).step) == ("exit", "11")
    assert _listed(village) == rules.Standing("1", rules.day_of(at).year, rules.SOURCE_WORKFLOW)
    _send(village, district)
    assert _listed(district) == rules.Standing("1", rules.day_of(at).year, rules.SOURCE_WORKFLOW)


def test_a_typed_status_change_from_another_laptop_is_refused_by_the_merge(pair: list[Node]) -> None:
    village, district = pair
    # an older FieldApp let the leader type the status: the change names the leader, whose roles the
    # district judges it by (the write path here would refuse it, so it is written as that old laptop did)
    old_app = ChangeWriter(village.db, Actor(village.device_id, LEADER, "吴书记"), village.rep.clock)
    with old_app.transaction() as txn:
        txn.update(Household, HOUSEHOLD, {"exit_status": "1", "exit_year": 2020, "address": "二组"})
    with old_app.transaction() as txn:
        txn.update(Household, HOUSEHOLD, {"phone": "13900000000"})
    result = _send(village, district)
    assert result.stats.refused == 1
    reason = result.stats.refusals[0]["reason"]
    assert "household.exit_status" in reason and "退出" in reason and "吴书记" in reason
    row = district.db.engine.connect().exec_driver_sql(
        "SELECT exit_status, exit_year, address, phone FROM household WHERE id = ?", (HOUSEHOLD,)).one()
    assert tuple(row) == ("0", None, None, "13900000000")  # refused whole; the later edit applies
    assert _listed(district).exit_status == "0"
