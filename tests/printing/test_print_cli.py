"""``fieldapp print …`` end to end on a real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.cardcode import card_code
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.helpers.fixtures import write_unchecked
from tests.printing import pdftools
from tests.printing.conftest import BANK_ACCOUNT


def test_cards_for_all_villages_one_village_or_one_group(ctx: AppContext, two_kinds: dict[str, str],
                                                         make_household: object, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    make_household("西村户", village=1)  # type: ignore[operator]
    out = tmp_path / "all.pdf"
    assert main(["print", "cards", "--out", str(out)]) == 0
    assert pdftools.pages(out) == 3
    assert "已生成 3 张公示牌" in capsys.readouterr().out
    assert main(["print", "cards", "--village", "东村", "--out", str(out)]) == 0
    assert pdftools.pages(out) == 2
    assert main(["print", "cards", "--village", "东村", "--group", "2", "--paper", "A4-2up",
                 "--out", str(out)]) == 0
    assert pdftools.pages(out) == 1 and "周桂兰" in pdftools.text(out)
    assert main(["print", "cards", "--village", "南村", "--out", str(out)]) == 1
    assert "没有村“南村”。本机的村：东村、西村" in capsys.readouterr().err
    assert main(["print", "cards", "--village", "东村", "--group", "9", "--out", str(tmp_path / "none.pdf")]) == 1
    assert not (tmp_path / "none.pdf").exists()


def test_household_by_number_or_card_code(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    hid = two_kinds["safety_net"]
    hh_no = register.load_record(ctx.db, hid).household["hh_no"]
    out = tmp_path / "h.pdf"
    assert main(["print", "household", hh_no, "--out", str(out)]) == 0
    assert "周桂兰" in pdftools.text(out)
    out.unlink()
    assert main(["print", "household", card_code(hid).lower(), "--full-ids", "--out", str(out)]) == 0
    assert pdftools.FULL_ID.search("".join(pdftools.text(out).split()))
    assert main(["print", "household", "nope", "--out", str(out)]) == 1
    assert "找不到户“nope”" in capsys.readouterr().err


def test_notice_and_ledger(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    numbers = [register.load_record(ctx.db, h).household["hh_no"] for h in two_kinds.values()]
    out = tmp_path / "n.pdf"
    assert main(["print", "notice", "--households", "，".join(numbers), "--kind", "exit", "--start", "2026-07-01",
                 "--end", "2026-07-05", "--contact", "王主任 13912345678", "--out", str(out)]) == 1
    assert "公示期只有 5 天，公示期不得少于 7 天" in capsys.readouterr().err and not out.exists()
    assert main(["print", "notice", "--households", "，".join(numbers), "--kind", "exit", "--start", "2026-07-01",
                 "--end", "2026-07-07", "--contact", "王主任 13912345678", "--out", str(out)]) == 0
    assert "请改用 --workflow W --step S" in capsys.readouterr().err
    assert "拟退出贫困户名单公示" in "".join(pdftools.text(out).split())
    assert main(["print", "notice", "--households", numbers[0], "--kind", "entry", "--start", "2026-07-05",
                 "--end", "2026-07-01", "--contact", "x", "--out", str(tmp_path / "bad.pdf")]) == 1
    assert "公示结束日期不能早于开始日期" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["print", "notice", "--households", numbers[0], "--kind", "entry", "--start", "7/1",
              "--end", "2026-07-01", "--contact", "x", "--out", str(out)])
    ledger = tmp_path / "l.pdf"
    assert main(["print", "ledger", "--village", "东村", "--status", "1", "--out", str(ledger)]) == 0
    text = pdftools.text(ledger)
    assert "王德福" in text and "周桂兰" not in text
    assert "已生成台账（1 户）" in capsys.readouterr().out


def test_bank_accounts_need_their_own_option_and_come_with_a_warning(
        ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hh_no = register.load_record(ctx.db, two_kinds["safety_net"]).household["hh_no"]
    out = tmp_path / "h.pdf"
    assert main(["print", "household", hh_no, "--full-ids", "--out", str(out)]) == 0
    assert BANK_ACCOUNT not in "".join(pdftools.text(out).split())
    assert "银行账号" not in capsys.readouterr().err
    assert main(["print", "household", hh_no, "--bank", "--out", str(out)]) == 0
    assert BANK_ACCOUNT in "".join(pdftools.text(out).split())
    assert "警告：" in capsys.readouterr().err


def test_cards_leave_out_a_household_without_a_head_and_name_it(
        ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    village = villages(ctx)[0][0]
    write_unchecked(ctx, register.HouseholdRecord(household={"village_id": village, "hh_no": "6110029990000001"}))
    out = tmp_path / "cards.pdf"
    assert main(["print", "cards", "--village", "东村", "--out", str(out)]) == 0
    assert pdftools.pages(out) == 2  # the two real households only: no blank plate
    captured = capsys.readouterr()
    assert "已生成 2 张公示牌" in captured.out
    assert "户编号 6110029990000001没有户主，未打印公示牌" in captured.err
    write_unchecked(ctx, register.HouseholdRecord(household={"village_id": village, "group_no": 9}))
    assert main(["print", "cards", "--village", "东村", "--group", "9", "--out", str(out)]) == 1
    assert "东村 第9组未填户编号的一户" in capsys.readouterr().err
