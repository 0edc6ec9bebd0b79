"""``fieldapp report`` on the hand-counted week: the figures printed, the PDF written, the refusals in words."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.services.context import AppContext
from tests.printing import pdftools
from tests.report.conftest import WEEK, Week


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_report_weekly_show_and_rollup(ctx: AppContext, week: Week, tmp_path: Path) -> None:
    pdf = tmp_path / "weekly.pdf"
    code, out, err = run("report", "weekly", "--village", "东村", "--period", WEEK.lower(), "--narrative",
                         "本周走访 3 户次。身份证 610102199001011234 已核", "--out", str(pdf))
    assert code == 0, err
    assert "东村 周汇总 2026-W49（2026-11-30 至 2026-12-06）" in out
    assert "入户走访（户次）：3" in out and "措施金额：1,500.00 元" in out and "在村天数 王伟：5" in out
    assert "状态：未签字（草稿，尚未上报）" in out
    text = "".join(pdftools.text(pdf).split())
    assert "东村周汇总" in text and "未签字（草稿，尚未上报）" in text
    assert "610102199001011234" not in text and "6101**********1234" in text  # a typed ID is masked in print

    code, out, _err = run("report", "show", "--village", "东村", "--period", WEEK)
    assert code == 3 and "情况说明：本周走访 3 户次。" in out  # unsigned: not a valid report yet
    code, out, _err = run("report", "rollup", "weekly", "--period", WEEK, "--out", str(tmp_path / "r.pdf"))
    assert code == 3 and "东村：未签字" in out and "西村：※ 未上报" in out
    assert "北宽坪镇：0/2 村已签字上报，未上报 1，未签字 1" in out

    for argv, words in [
        (("report", "monthly", "--village", "东村", "--period", WEEK), "月更新的期间应为月份"),
        (("report", "weekly", "--village", "北村", "--period", WEEK), "没有村“北村”。本机的村：东村、西村"),
        (("report", "weekly", "--village", "东村", "--period", "2026-W60"), "2026 年没有第 60 周"),
        (("report", "weekly", "--village", "东村", "--period", "2999-W01"), "尚未结束"),
        (("report", "weekly", "--village", "东村", "--period", WEEK, "--sign"), "签字需要先以本人账户登录"),
        (("report", "show", "--village", "西村", "--period", WEEK), "还没有生成周汇总"),
    ]:
        code, out, err = run(*argv)
        assert code == 1 and words in err, (argv, err)
