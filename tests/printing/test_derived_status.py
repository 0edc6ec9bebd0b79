"""Printed documents show the exit status and year the workflows decided, not the household's own
(imported) value: the door card's exit line, the ledger and the household file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.domain import workflow as rules
from fieldapp.domain.ids import new_id
from fieldapp.services.context import AppContext
from fieldapp.services.printing.card_data import load_cards
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.printing.ledger import render_ledger
from fieldapp.store.models import Workflow, WorkflowStep
from fieldapp.store.queries import HouseholdQuery
from tests.printing import pdftools
from tests.workflow.conftest import DAY, T0


def _complete_exit(ctx: AppContext, hid: str) -> int:
    """Every step of an exit passed (the rows the service writes); returns the completing decision's time."""
    prev, at = "", T0
    with ctx.writer.transaction() as txn:
        wid = txn.insert(Workflow, {"household_id": hid, "kind": "exit", "started_at": T0, "origin": "app"})
        for i, step in enumerate(rules.definitions().get("exit").steps):
            at = T0 + (i + 1) * 8 * DAY
            prev = txn.insert(WorkflowStep, {
                "id": new_id(), "workflow_id": wid, "household_id": hid, "step": step.code, "prev_id": prev,
                "decision": rules.PASS, "reason": "", "override": False, "person_id": "p", "person_name": "吴书记",
                "role": step.role, "decided_as": step.role, "decided_at": at, "settles": ""})
    return rules.day_of(at).year


def _flat(text: str) -> str:
    return "".join(text.split())


def test_prints_show_the_status_the_workflows_decided(ctx: AppContext, add_household: Callable[..., str],
                                                      tmp_path: Path) -> None:
    hid = add_household("李春生")  # imported as 未脱贫
    other = add_household("赵秀兰")
    [card] = load_cards(ctx, [hid])
    assert card.exit_text.startswith("未脱贫")
    year = _complete_exit(ctx, hid)
    assert ctx.db.scalar("SELECT exit_status FROM household WHERE id = :h", h=hid) == "0"  # never typed

    [card] = load_cards(ctx, [hid])
    assert card.exit_text == f"已脱贫(享受政策)，{year}年脱贫"

    ledger = tmp_path / "ledger.pdf"
    render_ledger(ctx, HouseholdQuery(sort="hh_no"), ledger)
    lines = [line for line in pdftools.text(ledger, layout=True).splitlines() if "李春生" in line or "赵秀兰" in line]
    assert len(lines) == 2
    assert "已脱贫" in lines[0] and str(year) in lines[0] and "未脱贫" in lines[1]
    assert "已脱贫1户" in _flat(pdftools.text(ledger))

    on_notice = tmp_path / "notice.pdf"  # filtered by where households stand: none is at the exit's 公示 now
    assert render_ledger(ctx, HouseholdQuery(filters={"wf_kind": "exit", "wf_step": "04"}), on_notice) == 0
    assert "流程/环节：退出（脱贫）·公示" in _flat(pdftools.text(on_notice))

    file = tmp_path / "file.pdf"
    render_household_file(ctx, hid, file)
    text = _flat(pdftools.text(file))
    assert "已脱贫(享受政策)（由流程确定）" in text and f"{year}年" in text
    render_household_file(ctx, other, file)
    assert "未脱贫（导入）" in _flat(pdftools.text(file))
