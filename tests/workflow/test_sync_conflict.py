"""Two laptops decide the same step offline: after a real package exchange both hold both decisions and the
derived state reports the conflict on each replica, with neither decision silently chosen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import new_id
from fieldapp.services.workflow import store
from fieldapp.store.db import Database
from fieldapp.store.models import Area, Household, Workflow, WorkflowStep
from fieldapp.sync import service as sync
from fieldapp.sync.package import PackageRefused
from tests.sync.conftest import Node, connect, make_node
from tests.workflow.conftest import DAY, T0

HOUSEHOLD = "0190aaaa-0000-7000-8000-000000000001"


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Node]]:
    template = tmp_path / "template" / "register.sqlite3"
    template.parent.mkdir()
    Database.open(template).close()
    made = [make_node(tmp_path / name, template, name) for name in ("village", "township")]
    connect(made)
    yield made
    for node in made:
        node.db.close()


def _exchange(a: Node, b: Node) -> None:
    for src, dst in ((a, b), (b, a)):
        try:
            sync.import_package(dst.rep, sync.build_package(src.rep, dst.device_id).data)
        except PackageRefused as exc:  # pragma: no cover - a refusal is the failure being tested for
            raise AssertionError(exc.reason) from exc


def _decide(node: Node, workflow_id: str, step: str, decision: str, *, prev: str, at: int, who: str,
            settles: str = "") -> str:
    """A decision row as the service writes it (append-only: always an insert)."""
    with node.writer.transaction() as txn:
        return txn.insert(WorkflowStep, {
            "id": new_id(), "workflow_id": workflow_id, "household_id": HOUSEHOLD, "step": step, "prev_id": prev,
            "decision": decision, "reason": "" if decision == rules.PASS else "异议", "override": False,
            "person_id": "p-" + who, "person_name": who, "role": "township", "decided_as": "township",
            "decided_at": at, "settles": settles})


def _state(node: Node) -> store.WorkflowView:
    views = store.workflows_of(node.db, HOUSEHOLD, rules.definitions())
    assert len(views) == 1
    return views[0]


def test_concurrent_decisions_on_one_step_surface_as_a_conflict_on_both_replicas(pair: list[Node]) -> None:
    village, township = pair
    ident = rules.definitions().get("identification")
    with village.writer.transaction() as txn:
        area = txn.insert(Area, {"level": "village", "name": "东村"})
        txn.insert(Household, {"id": HOUSEHOLD, "village_id": area, "hh_no": "611002000001", "main_cause": "01"})
        wid = txn.insert(Workflow, {"household_id": HOUSEHOLD, "kind": "identification", "started_at": T0,
                                    "origin": "app", "started_by_name": "吴书记"})
    prev = ""
    for i, step in enumerate(ident.steps[:4]):  # through 第一次公示: the township's review (05) is current
        prev = _decide(village, wid, step.code, rules.PASS, prev=prev, at=T0 + (i + 8) * DAY, who="吴书记")
    _exchange(village, township)
    assert _state(township).current.code == "05" and _state(township).state.head_id == prev

    # offline, two reviewers decide 05: one passes it on one laptop, one returns it on the other
    passed = _decide(township, wid, "05", rules.PASS, prev=prev, at=T0 + 20 * DAY, who="镇审核甲")
    returned = _decide(village, wid, "05", rules.RETURN, prev=prev, at=T0 + 21 * DAY, who="镇审核乙")
    _exchange(village, township)

    for node in pair:
        view = _state(node)
        assert view.state.status == rules.CONFLICT
        assert {d.id for d in view.state.conflicts} == {passed, returned}
        assert "镇审核甲" in view.state.problems[-1] and "镇审核乙" in view.state.problems[-1]
        with node.db.read() as conn:
            rows = conn.exec_driver_sql("SELECT id, decision FROM workflow_step WHERE step = '05'").all()
        assert sorted(rows) == sorted([(passed, rules.PASS), (returned, rules.RETURN)])  # both kept as written
        with pytest.raises(rules.WorkflowError, match="互相冲突"):
            rules.check_decision(ident, view.state, "05", rules.PASS, reason="", now_ms=T0 + 30 * DAY)

    # a reviewer settles it on one laptop, naming both decisions; both laptops then agree and keep all three
    settled = _decide(township, wid, "05", rules.PASS, prev=prev, at=T0 + 22 * DAY, who="镇审核甲",
                      settles=json.dumps(sorted([passed, returned])))
    _exchange(village, township)
    for node in pair:
        view = _state(node)
        assert view.state.status == rules.OPEN and view.current.code == "06"
        assert view.state.history[-1].id == settled and {d.id for d in view.state.superseded} == {passed, returned}
