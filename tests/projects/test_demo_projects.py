"""The demo's project library: built with the demo (its accounts recording, approving and signing), every project's
figures consistent, projects at every stage, acceptances signed, disbursements with vouchers, and the beneficiaries'
measures naming their project so the ledgers and the households' records agree to the fen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from fieldapp.domain import projects as rules
from fieldapp.services.context import AppContext
from fieldapp.services.demo_projects import make_demo_projects
from fieldapp.services.projects import ledgers, records
from fieldapp.services.projects.household import household_benefits
from fieldapp.services.signoff import service as signoff
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, logged_in


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(paths.ENV_HOME, str(home))
        assert main(["demo", "--households", "40"]) == 0
    return home


@pytest.fixture
def demo(demo_home: Path) -> Iterator[AppContext]:
    ctx = logged_in(paths.DataPaths(demo_home), DEMO_LEADER, DEMO_PASSWORD)
    yield ctx
    ctx.close()


def test_the_demo_library_is_consistent_and_at_every_stage(demo: AppContext) -> None:
    lines = records.list_projects(demo.db)
    assert len(lines) == 10
    channels = [c.code for c in demo.ref["fund_channel"].codes]
    for line in lines:
        view = records.get(demo.db, line.id)
        assert rules.problems(view.figures(), channels) == [], view.name
        assert all(d.voucher_no and d.payee for d in view.disbursements)
    statuses = {line.status for line in lines}
    assert statuses == {"planned", "approved", "in_progress", "accepted"}
    centre = next(line for line in lines if line.name.startswith("党群综合服务中心"))
    view = records.get(demo.db, centre.id)
    assert view.budget == {"superior": 450_000_00, "social": 300_000_00} and view.disbursed == 550_000_00
    for line in lines:
        if line.status == "accepted":
            passed = [a for a in records.get(demo.db, line.id).acceptances if a.passed]
            assert len(passed) == 1 and passed[0].signoff_id
            assert signoff.status(demo.db, "project_acceptance", passed[0].id).state == signoff.VALID
    failed_first = next(line for line in lines if line.name.startswith("原一组人行路"))
    assert [a.passed for a in records.get(demo.db, failed_first.id).acceptances] == [False, True]


def test_the_beneficiaries_records_and_the_ledgers_agree_to_the_fen(demo: AppContext) -> None:
    village = demo.settings["village_ids"][0]
    town = str(demo.db.scalar("SELECT parent_id FROM area WHERE id = :v", v=village))
    ledger = ledgers.project_ledger(demo.db, town)
    assert ledger.total.disbursed_total == int(demo.db.scalar(
        "SELECT sum(amount) FROM project_disbursement WHERE deleted = 0"))
    assert [a.name for a in ledger.by_area] == ["北宽坪镇", "桃园村"]
    pigs = next(p for p in ledger.lines if p.name == "生猪养殖到户扶持")
    assert pigs.beneficiaries == 10
    view = records.get(demo.db, pigs.id)
    integrated = ledgers.integrated_funds(demo.db, village)
    assert integrated.per_project_households[pigs.id] == sum(b.amount for b in view.beneficiaries) == 50_000_00
    home = view.beneficiaries[0].household_id
    got = household_benefits(demo.db, home)
    mine = [b for b in got.benefits if b.project_id == pigs.id]
    assert [(b.amount, b.channel, b.project_name) for b in mine] == [(5_000_00, "superior", "生猪养殖到户扶持")]
    assert sum(t.amount for t in got.totals) == got.total == sum(b.amount for b in got.benefits)


def test_the_library_on_a_test_laptop_with_a_township_account(ctx: AppContext,
                                                              signed_in: Callable[..., AppContext]) -> None:
    """What another capability's tests do to get accepted projects: a township account signs the acceptances."""
    township = signed_in("township", name="乡镇验收员")
    made = make_demo_projects(ctx, today=dt.date(2026, 6, 30), sessions={"leader": None,
                                                                         "township": township.session})
    statuses = {pid: records.get(ctx.db, pid).status for pid in made}
    assert len(made) == 10 and sum(s == "accepted" for s in statuses.values()) == 5
    assert ctx.session is None  # the context is given back as it was
    without = make_demo_projects(ctx, today=dt.date(2026, 6, 30))  # no account to sign: finished, not accepted
    assert {records.get(ctx.db, pid).status for pid in without} == {"planned", "approved", "in_progress",
                                                                     "completed"}
