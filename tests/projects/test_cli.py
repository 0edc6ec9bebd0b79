"""``fieldapp project`` on a demo laptop, as the demo's accounts: a project's whole course from the command
line, each refusal printed problem by problem with exit code 1 and nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import paths
from fieldapp.cli.main import main
from tests.helpers.people import DEMO_LEADER, DEMO_PASSWORD, cli_user, logged_in

TOWNSHIP = "乡镇审核员"


@pytest.fixture
def laptop(data_home: Path) -> None:
    assert main(["demo", "--households", "4"]) == 0


def _households() -> list[str]:
    ctx = logged_in(paths.resolve(), DEMO_LEADER, DEMO_PASSWORD)
    try:
        with ctx.db.read() as conn:
            return [str(r[0]) for r in conn.exec_driver_sql(
                "SELECT hh_no FROM household WHERE deleted = 0 ORDER BY hh_no")]
    finally:
        ctx.close()


def test_a_projects_course_from_the_command_line(laptop: None, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _households()[:2]
    capsys.readouterr()
    add = ["project", "add", "--area", "桃园村", "--name", "核桃园提质增效", "--type", "industry", "--industry",
           "fruit", "--unit", "镇农业站", "--budget", "superior=50万,local_finance=10万"]
    assert main([*add, "--total", "61万", "--start", "2026-05-01", "--finish", "2026-04-01"]) == 1
    err = capsys.readouterr().err
    assert "错误：各资金渠道预算合计 600,000.00元，与总预算 610,000.00元 不相等（相差 10,000.00元）" in err
    assert "错误：计划完工日期 2026-04-01 早于计划开工日期 2026-05-01" in err
    assert main(["project", "list"]) == 0 and "核桃园提质增效" not in capsys.readouterr().out  # the demo's only
    assert main([*add, "--start", "2026-03-10"]) == 0
    assert "状态：储备" in capsys.readouterr().out

    assert main(["project", "status", "核桃园提质增效", "approve", "--amount", "55万", "--date", "2026-03-01"]) == 1
    assert "project.approve" in capsys.readouterr().err  # the team leader does not approve
    cli_user(monkeypatch, TOWNSHIP, DEMO_PASSWORD)
    assert main(["project", "status", "核桃园提质增效", "approve", "--amount", "61万", "--date", "2026-03-01"]) == 1
    assert "错误：批复金额 610,000.00元 超过总预算 600,000.00元" in capsys.readouterr().err
    assert main(["project", "status", "核桃园提质增效", "approve", "--amount", "55万", "--date", "2026-03-01"]) == 0
    assert main(["project", "disburse", "核桃园提质增效", "--date", "2026-04-01", "--amount", "51万", "--channel",
                 "superior", "--to", "镇财政所", "--voucher", "记-001"]) == 1
    assert "超过该渠道预算 500,000.00元" in capsys.readouterr().err
    assert main(["project", "disburse", "核桃园提质增效", "--date", "2026-04-01", "--amount", "30万", "--channel",
                 "superior", "--to", "镇财政所", "--voucher", "记-001"]) == 0
    with pytest.raises(SystemExit) as usage:
        main(["project", "disburse", "核桃园提质增效", "--date", "2026-04-01", "--amount", "十万", "--channel",
              "superior", "--to", "镇财政所", "--voucher", "记-002"])
    assert usage.value.code == 2 and "金额应为元，如 1200、12.50 或 5万：十万" in capsys.readouterr().err

    cli_user(monkeypatch, DEMO_LEADER, DEMO_PASSWORD)
    assert main(["project", "beneficiary", "核桃园提质增效", first, "--amount", "30万"]) == 0
    assert main(["project", "beneficiary", "核桃园提质增效", second, "--amount", "250000.01"]) == 1
    assert "受益户计划金额合计 550,000.01元，超过批复金额 550,000.00元（超出 0.01元）" in capsys.readouterr().err
    assert main(["project", "status", "核桃园提质增效", "start", "--date", "2026-03-15"]) == 0
    assert main(["project", "progress", "核桃园提质增效", "--date", "2026-05-01", "--percent", "40",
                 "--note", "栽植完成"]) == 0
    assert main(["project", "status", "核桃园提质增效", "finish", "--date", "2026-09-20"]) == 0
    assert main(["project", "accept", "核桃园提质增效", "--date", "2026-09-25", "--members", "甲",
                 "--findings", "好", "--passed"]) == 1
    assert "project.accept" in capsys.readouterr().err
    cli_user(monkeypatch, TOWNSHIP, DEMO_PASSWORD)
    assert main(["project", "accept", "核桃园提质增效", "--date", "2026-09-25", "--members", "赵镇长、村监委刘",
                 "--findings", "成活率95%，同意验收", "--passed"]) == 0
    assert "验证码" in capsys.readouterr().out
    assert main(["project", "show", "核桃园提质增效"]) == 0
    shown = capsys.readouterr().out
    for line in ("状态：已验收", "总预算：600,000.00元；批复金额：550,000.00元（2026-03-01 批复）",
                 "预算 上级：500,000.00元，已拨付 300,000.00元", "已拨付合计：300,000.00元",
                 "受益户 1 户，计划金额合计 300,000.00元", "进度 2026-05-01：40%，栽植完成",
                 "拨付 2026-04-01：300,000.00元，上级，拨给 镇财政所，凭证号 记-001",
                 "验收 2026-09-25：合格；人员：赵镇长、村监委刘；意见：成活率95%，同意验收",
                 "签字：有效，内容未变（乡镇审核员"):
        assert line in shown, line
    assert main(["project", "show", "没有的项目"]) == 1
    assert "没有项目“没有的项目”" in capsys.readouterr().err
    assert main(["project", "received", first]) == 0
