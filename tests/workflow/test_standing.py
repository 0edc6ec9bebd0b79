"""Where a household stands is derived from its workflows and never typed.

The list projection carries the derived exit status and year and the open workflow's kind and step,
refreshed by every decision (made here or received by sync); an edit of the status is refused by the
register service, the write path and the sync merge; the list filters by workflow and step; the
exit-candidate proposal reads all households in a few statements.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from fieldapp.domain import people
from fieldapp.domain import workflow as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.services import browse, register
from fieldapp.services.context import AppContext
from fieldapp.services.workflow import queue, service, store
from fieldapp.store import derived
from fieldapp.store.models import Household
from fieldapp.store.queries import HouseholdQuery
from tests.store.util import StatementLog
from tests.workflow.conftest import DAY, T0, consent_attachment, hold_meeting, post_notice, set_economy, write_image

HOUR = 3_600_000


def _listed(ctx: AppContext, hid: str) -> rules.Standing:
    with ctx.db.read() as conn:
        return derived.standings(conn, [hid])[hid]


def _pass_steps(team: dict[str, AppContext], hid: str, steps: tuple[rules.Step, ...], t: int) -> int:
    for step in steps:
        if step.notice:  # a 公示 passes once its notice was posted and its period is over
            post_notice(team[step.role], hid, t)
        t += step.min_days * DAY + HOUR
        meeting = hold_meeting(team["committee"], [hid], t) if step.deliberation else None
        attach = consent_attachment(write_image(team["leader"].paths.home / "in" / f"{hid}.jpg")) \
            if step.attachment else []
        service.decide(team[step.role], hid, step.code, rules.PASS, meeting_id=meeting, at_ms=t, attach=attach)
    return t


def test_the_list_follows_an_exit_workflow_step_by_step_and_its_completion_sets_status_and_year(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("周长富")  # created with 未脱贫: an imported value
    assert _listed(ctx, hid) == rules.Standing("0", None, rules.SOURCE_IMPORTED)
    set_economy(ctx, hid, year=2018, wage_yuan=9000)
    service.start(team["leader"], hid, "exit", at_ms=T0)
    steps = rules.definitions().get("exit").steps
    assert _listed(ctx, hid) == rules.Standing("0", None, rules.SOURCE_IMPORTED, "exit", "10")
    t = _pass_steps(team, hid, steps[:4], T0)
    assert (_listed(ctx, hid).kind, _listed(ctx, hid).step) == ("exit", "04")  # at its 公示
    on_notice = browse.household_page(ctx.db, HouseholdQuery(filters={"wf_kind": "exit", "wf_step": "04"})).rows
    assert [r["household_id"] for r in on_notice] == [hid]
    assert browse.household_page(ctx.db, HouseholdQuery(filters={"wf_kind": "exit", "wf_step": "11"})).rows == []
    t = _pass_steps(team, hid, steps[4:], t)
    done = _listed(ctx, hid)
    assert done == rules.Standing("1", rules.day_of(t).year, rules.SOURCE_WORKFLOW)  # the completing decision's year
    assert done.exited and store.standing_of(ctx.db, hid, rules.definitions()) == done
    # the household's own value is untouched: it stays the imported one
    assert ctx.db.scalar("SELECT exit_status FROM household WHERE id = :h", h=hid) == "0"
    exited = browse.household_page(ctx.db, HouseholdQuery(filters={"exit_status": "1"})).rows
    assert [r["household_id"] for r in exited] == [hid]
    with pytest.raises(rules.WorkflowError, match="该户已脱贫"):
        service.start(team["leader"], hid, "exit")


def test_an_edit_of_the_exit_status_is_refused_by_the_service_naming_the_workflow(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("刘桂兰")
    original = register.load_record(ctx.db, hid)
    for name, value in (("exit_status", "1"), ("exit_year", 2020)):
        edited = copy.deepcopy(original)
        edited.household[name] = value
        with pytest.raises(ValidationError) as refused:
            register.save_record(team["leader"].writer, ctx.ref, edited, original)
        assert "由动态管理流程确定" in refused.value.problems[f"household.{name}"]
        assert "“退出”流程" in refused.value.problems[f"household.{name}"]
    assert ctx.db.scalar("SELECT exit_status FROM household WHERE id = :h", h=hid) == "0"
    # another field of the same record saves as before
    edited = copy.deepcopy(original)
    edited.household["phone"] = "13900000001"
    register.save_record(team["leader"].writer, ctx.ref, edited, original)


def test_the_write_path_refuses_a_typed_status_with_a_permission_nobody_holds(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    hid = make_household("张三明")
    for role in ("leader", "district"):
        with pytest.raises(people.PermissionDenied, match=r"household\.exit_status") as refused, \
                team[role].writer.transaction() as txn:
            txn.update(Household, hid, {"exit_status": "1"})
        assert "退出" in str(refused.value)
    assert not people.permission_table().permissions["household.exit_status"].roles
    with team["leader"].writer.transaction() as txn:  # the rest of the household is edited as before
        txn.update(Household, hid, {"address": "二组"})


def test_exit_candidates_read_all_households_in_a_few_statements(
        ctx: AppContext, team: dict[str, AppContext], make_household: Callable[..., str]) -> None:
    def statements() -> tuple[int, list[str]]:
        with StatementLog(ctx.db) as seen:
            found = queue.exit_candidates(team["leader"])
        return len(seen.statements), [c.household_id for c in found]

    first = [make_household(f"户{i}") for i in range(5)]
    set_economy(ctx, first[0], year=2018, wage_yuan=9000)
    few, found = statements()
    assert found == [first[0]]
    more = [make_household(f"后{i}") for i in range(120)]
    set_economy(ctx, more[-1], year=2018, wage_yuan=9000)
    service.start(team["leader"], first[0], "exit", at_ms=T0)  # running: no longer a candidate
    many, found = statements()
    assert found == [more[-1]]
    assert many == few  # the same statements for 5 or 125 households (no query per household)
    assert few <= 12


def test_a_new_household_imported_with_a_status_reads_as_imported(
        ctx: AppContext, make_household: Callable[..., str]) -> None:
    hid = make_household("王芳", exit_status="1", exit_year=2019)
    assert _listed(ctx, hid) == rules.Standing("1", 2019, rules.SOURCE_IMPORTED)
    assert store.standing_of(ctx.db, hid, rules.definitions()).exited
    row = browse.household_page(ctx.db, HouseholdQuery(text="王芳")).rows[0]
    assert (row["exit_status"], row["exit_year"], row["status_source"]) == ("1", 2019, "imported")


def test_standing_agrees_with_has_exited_and_keeps_a_returns_exit_year() -> None:
    defs = rules.definitions()

    class Flow:
        def __init__(self, kind: str, state: rules.State, imported: str | None = None) -> None:
            self.kind, self.state, self.imported_value = kind, state, imported
            self.origin = rules.ORIGIN_IMPORTED if state.status == rules.IMPORTED else rules.ORIGIN_APP
            self.definition = defs.get(kind)

    done = rules.State(rules.COMPLETED, 8, T0, "x")
    imported = rules.State(rules.IMPORTED, 8, 0, "")
    running = rules.State(rules.OPEN, 2, T0, "y")
    cases = [
        ([], "1", 2019),
        ([Flow("exit", imported, "4")], "0", None),
        ([Flow("exit", imported, "1"), Flow("return", done)], None, 2018),
        ([Flow("identification", done), Flow("exit", done)], None, None),
        ([Flow("exit", done), Flow("monitoring", running)], None, None),
    ]
    for flows, typed, year in cases:
        s = rules.standing(flows, typed, year)
        finished = [(f.kind, f.imported_value) for f in flows if f.state.status in (rules.COMPLETED, rules.IMPORTED)]
        assert s.exited == rules.has_exited(finished, typed), json.dumps([f.kind for f in flows])
    back = rules.standing([Flow("exit", imported, "1"), Flow("return", done)], "1", 2018)
    assert (back.exit_status, back.exit_year, back.source) == ("3", 2018, rules.SOURCE_WORKFLOW)
    watched = rules.standing([Flow("exit", done), Flow("monitoring", running)], None, None)
    assert (watched.exit_status, watched.kind, watched.step) == ("1", "monitoring", "02")
    assert rules.where_text(defs, "exit", "04") == "退出（脱贫） · 公示"
