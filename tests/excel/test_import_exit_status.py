"""A file's 脱贫状态: a new household brings it as an imported value; an existing household's, which its
workflows decide, is not changed by an import (the row is refused, naming the workflow), and a value the
register already shows is no change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.domain import workflow as rules
from fieldapp.services.context import AppContext
from fieldapp.services.excel.apply import apply_plan
from fieldapp.services.excel.plan import build_plan
from fieldapp.services.workflow import store
from tests.excel.conftest import household, person, pid


def _hid(ctx: AppContext, hh_no: str) -> str:
    return str(ctx.db.scalar("SELECT id FROM household WHERE hh_no = :n", n=hh_no))


def test_a_new_households_status_is_imported_and_an_existing_ones_is_not_changed(
        ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    first = [household("6110021050000041", [person("褚九", pid(31))], 脱贫状态="已脱贫（享受政策）"),
             household("6110021050000042", [person("卫十", pid(32))], 脱贫状态="未脱贫")]
    with build_plan(ctx, xlsx_file(first)) as plan:
        assert [e.status for e in plan.entries] == ["create", "create"]
        apply_plan(ctx, plan)
    exited = _hid(ctx, "6110021050000041")
    stands = store.standing_of(ctx.db, exited, rules.definitions())
    assert (stands.exit_status, stands.source) == ("1", rules.SOURCE_IMPORTED)  # reads as imported

    again = [household("6110021050000041", [person("褚九", pid(31))], 脱贫状态="已脱贫（享受政策）"),  # as shown
             household("6110021050000042", [person("卫十", pid(32))], 脱贫状态="已脱贫（享受政策）", 组=2)]
    with build_plan(ctx, xlsx_file(again)) as plan:
        entries = {e.hh_no: e for e in plan.entries}
        assert entries["6110021050000041"].status == "unchanged"
        refused = entries["6110021050000042"]
        assert refused.status == "rejected"
        assert "由动态管理流程确定" in refused.message and "“退出”流程" in refused.message
        assert "本户现为“未脱贫”，表中为“已脱贫(享受政策)”" in refused.message
        assert plan.rejected_rows and all("脱贫状态" in r for r in plan.rejected_rows.values())
        apply_plan(ctx, plan)
    kept = _hid(ctx, "6110021050000042")
    assert ctx.db.scalar("SELECT exit_status FROM household WHERE id = :h", h=kept) == "0"
    assert ctx.db.scalar("SELECT group_no FROM household WHERE id = :h", h=kept) == 1  # the row refused whole
