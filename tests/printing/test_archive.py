"""The cadre archive (包扶纪实档案): visits in date order, attendance, signature lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services import attendance, visits
from fieldapp.services.context import AppContext
from fieldapp.services.lookups import resolve_cadre
from fieldapp.services.printing.archive import render_archive
from fieldapp.services.signoff import service as signoffs
from fieldapp.store.models import Cadre
from tests.helpers.people import as_role
from tests.printing import pdftools

TODAY = dt.date(2025, 12, 31)


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def visited(ctx: AppContext, add_household: Callable[..., str]) -> str:
    """Three visits in June 2025 (entered out of order), one in July, check-ins on 14 June days."""
    hid = add_household("赵金山", identified_on=dt.date(2016, 4, 1))
    for day, found in ((20, "第三次：复核收入"), (2, "第一次：了解家庭情况"), (11, "第二次：讲解小额信贷政策")):
        visits.save_visit(ctx, visits.VisitDraft(date=dt.date(2025, 6, day), type="01", household_id=hid,
                                                 found=found, done="已登记"), today=TODAY)
    village = ctx.settings["village_ids"][0]
    visits.save_visit(ctx, visits.VisitDraft(date=dt.date(2025, 7, 1), type="02", village_id=village,
                                             title="七一政策宣讲会", done="宣讲产业奖补政策"), today=TODAY)
    for day in range(3, 17):
        attendance.checkin(ctx, dt.date(2025, 6, day), today=dt.date(2025, 6, day))
    return hid


def test_month_archive(ctx: AppContext, visited: str, tmp_path: Path) -> None:
    out = tmp_path / "archive.pdf"
    render_archive(ctx, ctx.settings["cadre_id"], out, year=2025, month=6, today=TODAY)
    pdftools.qpdf_ok(out)
    text = _flat(pdftools.text(out))
    for expected in ("包扶纪实档案", "王伟", "区国土资源局", "2025年6月", "走访及活动3次", "户主赵金山",
                     "2025年6月在村16天（每月不少于15天）：达标", "包扶干部（签字）", "单位负责人（签字）",
                     "（单位盖章）"):
        assert expected in text, expected
    assert text.index("第一次") < text.index("第二次") < text.index("第三次")  # date order
    assert "七一政策宣讲会" not in text  # July is another month
    assert "走访日期" in text and "走访类型" in text  # the visit column headers are the field catalogue's labels


def test_year_archive(ctx: AppContext, visited: str, tmp_path: Path) -> None:
    out = tmp_path / "archive.pdf"
    render_archive(ctx, ctx.settings["cadre_id"], out, year=2025, today=TODAY)
    text = _flat(pdftools.text(out))
    assert "2025年度" in text and "走访及活动4次" in text and "七一政策宣讲会" in text and "村级活动" in text
    assert "未达标月份：1月、2月、3月、4月、5月、7月" in text
    days = next(line for line in pdftools.text(out, layout=True).splitlines() if "在村天数" in line)
    assert days.split()[1:] == ["0", "0", "0", "0", "0", "16", "1", "0", "0", "0", "0", "0", "17"]


def test_unit_leader_counts_visits(ctx: AppContext, visited: str, tmp_path: Path) -> None:
    with ctx.writer.transaction() as txn:
        leader = txn.insert(Cadre, {"name": "刘局长", "unit": "区国土资源局", "role": "unit_leader"})
    signed, _unsigned = (visits.save_visit(ctx, visits.VisitDraft(
        date=dt.date(2025, 6, day), type="01", household_id=visited, found="单位领导走访", cadre_ids=[leader]),
        today=TODAY) for day in (5, 6))
    himself = as_role(ctx, "member", name="刘局长", cadre_id=leader)
    try:
        signoffs.sign_visit(himself, signed)
    finally:
        himself.close()
    out = tmp_path / "leader.pdf"
    render_archive(ctx, resolve_cadre(ctx.db, "刘局长"), out, year=2025, today=dt.date(2026, 1, 15))
    text = _flat(pdftools.text(out))
    assert "2025年本人签字的走访1次（单位领导每年不少于3次）：未达标" in text
    assert "另有1次走访未经本人签字，不计入" in text


def test_a_long_archive_repeats_its_header(ctx: AppContext, visited: str, tmp_path: Path) -> None:
    for i in range(40):
        visits.save_visit(ctx, visits.VisitDraft(date=dt.date(2025, 3, 1) + dt.timedelta(days=i), type="03",
                                                 household_id=visited, found=f"产业指导第{i}次，" + "查看蜂箱" * 12),
                          today=TODAY)
    out = tmp_path / "archive.pdf"
    render_archive(ctx, ctx.settings["cadre_id"], out, year=2025, today=TODAY)
    total = pdftools.pages(out)
    assert total >= 3
    for page in range(2, total):
        text = _flat(pdftools.text(out, page, page))
        assert "措施与成效" in text and "参与干部" in text, page
        assert f"第{page}页共{total}页" in text


def test_cadres_are_found_by_name_or_id(ctx: AppContext) -> None:
    cadre_id = ctx.settings["cadre_id"]
    assert resolve_cadre(ctx.db, "王伟") == cadre_id == resolve_cadre(ctx.db, cadre_id)
    with ctx.writer.transaction() as txn:
        txn.insert(Cadre, {"name": "王伟", "unit": "区教育局", "role": "member"})
    with pytest.raises(LookupError, match="有多位干部名为“王伟”"):
        resolve_cadre(ctx.db, "王伟")
    with pytest.raises(LookupError, match="找不到干部"):
        resolve_cadre(ctx.db, "李四")


def test_cli_archive(ctx: AppContext, visited: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.pdf"
    assert main(["print", "archive", "--cadre", "王伟", "--month", "2025-06", "--out", str(out)]) == 0
    assert "2025年6月" in _flat(pdftools.text(out))
    assert main(["print", "archive", "--cadre", "王伟", "--year", "2025", "--out", str(out)]) == 0
    assert "2025年度" in _flat(pdftools.text(out))
    assert main(["print", "archive", "--cadre", "无名", "--year", "2025", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "找不到干部“无名”" in capsys.readouterr().err
