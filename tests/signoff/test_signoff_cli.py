"""``fieldapp sign``: sign a household, see it hold, change it, see the difference; a member is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fieldapp.cli.main import main
from fieldapp.services.context import AppContext
from tests.helpers.people import add_account, cli_user, logged_in
from tests.server.util import edit_household


def test_sign_show_change_and_refuse(ctx: AppContext, make_household: Callable[..., str],
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    hid = make_household("周长富", hh_no="611002009901")
    add_account(ctx, "吴书记", ["leader"], cadre_id=ctx.settings["cadre_id"])
    add_account(ctx, "郑队员", ["member"])
    cli_user(monkeypatch, "吴书记")
    assert main(["sign", "show", "household", "611002009901"]) == 3
    assert "未签字" in capsys.readouterr().out
    assert main(["sign", "household", "611002009901"]) == 0
    out = capsys.readouterr().out
    assert "已签字：农户档案" in out and "户编号 611002009901" in out and "吴书记（队长/第一书记）" in out
    code = next(line for line in out.splitlines() if line.startswith("验证码")).split()[1].split("（")[0]
    assert main(["sign", "show", "household", hid]) == 0
    out = capsys.readouterr().out
    assert "签字后未修改，签名有效" in out and code in out

    c = logged_in(ctx.paths, "吴书记")
    try:
        edit_household(c, hid, address="东村五组12号")
    finally:
        c.close()
    assert main(["sign", "show", "household", hid]) == 3
    out = capsys.readouterr().out
    assert "签字后已修改（1 处）" in out and "户 详细地址：（空） → 东村五组12号" in out

    cli_user(monkeypatch, "郑队员")
    assert main(["sign", "household", hid]) == 1
    err = capsys.readouterr().err
    assert "签字背书" in err and "signoff" in err
    cli_user(monkeypatch, "吴书记")
    assert main(["sign", "household", hid]) == 0
    capsys.readouterr()
    assert main(["sign", "show", "household", hid]) == 0
    assert main(["sign", "visit", "nonexistent-id"]) == 1
    assert "走访记录" in capsys.readouterr().err
