"""The public notice list (公示名单) and the village ledger (台账)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.printing.ledger import render_ledger
from fieldapp.services.printing.notice import render_notice
from fieldapp.services.setup import villages
from fieldapp.store.queries import HouseholdQuery
from tests.printing import pdftools
from tests.printing.conftest import BANK_ACCOUNT, HEALTH_MEASURE

START, END = dt.date(2026, 7, 1), dt.date(2026, 7, 7)


def _flat(text: str) -> str:
    return "".join(text.split())


def _notice(ctx: AppContext, ids: list[str], tmp_path: Path, kind: str = "entry", **kwargs: object) -> Path:
    out = tmp_path / "notice.pdf"
    render_notice(ctx, ids, out, kind=kind, start=START, end=END, contact="村委会王主任（电话 13912345678）",
                  **kwargs)  # type: ignore[arg-type]
    pdftools.qpdf_ok(out)
    return out


def test_entry_notice(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    ids = [two_kinds["safety_net"], two_kinds["development"]]
    out = _notice(ctx, ids, tmp_path, today=dt.date(2026, 6, 30))
    text = _flat(pdftools.text(out))
    for expected in ("东村拟纳入建档立卡贫困户名单公示", "拟将以下2户5人纳入",
                     "公示期：2026年7月1日至2026年7月7日（共7天）", "村委会王主任（电话13912345678）", "周桂兰",
                     "王德福", "低保贫困户", "因残、因病", "缺技术",
                     "东村村民委员会", "2026年6月30日"):
        assert expected in text, expected
    record = register.load_record(ctx.db, ids[0])
    number = record.members[0]["id_no"]
    assert f"{number[:4]}**********{number[-4:]}" in text
    assert not pdftools.FULL_ID.search(text)
    for secret in (HEALTH_MEASURE, "长期慢性病", "残疾", BANK_ACCOUNT):
        assert secret not in text
    width, height = pdftools.page_size(out)
    assert width > height  # landscape


def test_notice_type_is_large(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    words, _ = pdftools.words(_notice(ctx, list(two_kinds.values()), tmp_path))
    title = next(w for w in words if "公示" in w.text and w.y0 < 80)
    name = next(w for w in words if w.text == "王德福")
    assert title.y1 - title.y0 >= 24
    assert name.y1 - name.y0 >= 12  # the table is read standing in front of a notice board


def test_exit_notice_gives_income_and_guarantees(ctx: AppContext, two_kinds: dict[str, str],
                                                 tmp_path: Path) -> None:
    hid = two_kinds["development"]
    original = register.load_record(ctx.db, hid)
    record = register.load_record(ctx.db, hid)
    record.indicators = [{"code": c.code, "met": True, "checked_on": dt.date(2025, 12, 1)}
                         for c in ctx.ref["indicator"].codes]
    register.save_record(ctx.writer, ctx.ref, record, original)
    text = _flat(pdftools.text(_notice(ctx, [hid, two_kinds["safety_net"]], tmp_path, kind="exit",
                                       issuer="东村村民委员会　东村驻村工作队",
                                       reasons={two_kinds["safety_net"]: "经评议暂缓退出，继续兜底保障"})))
    assert "东村拟退出贫困户名单公示" in text
    assert "2024年人均纯收入6,600.00元，“两不愁三保障”及饮水安全达标" in text
    assert "经评议暂缓退出，继续兜底保障" in text
    assert "东村驻村工作队" in text


def test_bad_notice_requests_write_nothing(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    hid = two_kinds["development"]
    with pytest.raises(ValidationError) as info:
        render_notice(ctx, [hid], out, kind="promote", start=END, end=START, contact=" ")
    assert set(info.value.problems) == {"kind", "end", "contact"}
    with pytest.raises(ValidationError):
        render_notice(ctx, [], out, kind="entry", start=START, end=END, contact="x")
    with pytest.raises(LookupError):
        render_notice(ctx, [hid, "00000000-0000-7000-8000-000000000000"], out, kind="entry", start=START, end=END,
                      contact="x")
    assert not out.exists()


def test_ledger_filters_like_the_list(ctx: AppContext, two_kinds: dict[str, str],
                                      make_household: Callable[..., str], tmp_path: Path) -> None:
    make_household("西村户", village=1, group_no=5)
    out = tmp_path / "ledger.pdf"
    east = villages(ctx)[0][0]
    count = render_ledger(ctx, HouseholdQuery(filters={"village_id": east, "group_no": 5}), out)
    pdftools.qpdf_ok(out)
    text = _flat(pdftools.text(out))
    assert count == 1
    assert "东村建档立卡户台账" in text and "王德福" in text and "周桂兰" not in text and "西村户" not in text
    assert "筛选条件——组：第5组" in text
    assert "合计" in text and "1户" in text and "脱贫户1户" in text
    assert not pdftools.FULL_ID.search(text)
    assert render_ledger(ctx, HouseholdQuery(text="周"), out) == 1
    assert "周桂兰" in _flat(pdftools.text(out)) and "搜索：周" in _flat(pdftools.text(out))
    assert render_ledger(ctx, HouseholdQuery(filters={"exit_status": "1"}), out) == 1


def test_a_long_ledger_repeats_its_header_and_totals_once(ctx: AppContext, make_household: Callable[..., str],
                                                          tmp_path: Path) -> None:
    names = [f"户主{i:02d}" for i in range(45)]
    for i, name in enumerate(names):
        make_household(name, attribute="04" if i % 3 == 0 else "01", members=1 + i % 3)
    out = tmp_path / "ledger.pdf"
    assert render_ledger(ctx, HouseholdQuery(sort="hh_no"), out) == 45
    total = pdftools.pages(out)
    assert total >= 2
    width, height = pdftools.page_size(out)
    assert width > height
    for page in range(1, total + 1):
        text = _flat(pdftools.text(out, page, page))
        assert "户编号" in text and "证件号码" in text and "门牌类别" in text, page  # header on every page
        assert f"第{page}页共{total}页" in text
    whole = _flat(pdftools.text(out))
    assert all(whole.count(name) == 1 for name in names)
    people = sum(1 + i % 3 for i in range(45))
    assert f"共45户{people}人" in whole and "合计45户" in whole and "兜底户15户，脱贫户30户" in whole
    assert whole.count("合计") == 1
