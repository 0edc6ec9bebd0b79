"""Door-plate cards: content, privacy, the two kinds in colour and in greyscale, paper, settings, the job."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import segno

from fieldapp.domain.cardcode import card_code, parse_card_code
from fieldapp.services.context import AppContext
from fieldapp.services.printing import card_draw
from fieldapp.services.printing.cards import card_look, household_ids, render_cards, slots
from fieldapp.services.printing.common import PrintCancelled
from fieldapp.services.setup import villages
from tests.printing import pdftools
from tests.printing.conftest import BANK_ACCOUNT, HEALTH_MEASURE


def _cards(ctx: AppContext, ids: list[str], tmp_path: Path, name: str = "cards.pdf", **kwargs: object) -> Path:
    out = tmp_path / name
    render_cards(ctx, ids, out, **kwargs)  # type: ignore[arg-type]
    return out


def test_card_shows_the_public_fields(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    out = _cards(ctx, [two_kinds["development"], two_kinds["safety_net"]], tmp_path)
    pdftools.qpdf_ok(out)
    assert pdftools.pages(out) == 2
    first = pdftools.text(out, 1, 1)
    for expected in ("精准扶贫信息公示牌", "脱贫户", "东村 第5组", "王德福", "3人", "一般脱贫户", "缺技术",
                     "产业发展：养殖中蜂10箱，发放蜂箱补助", "就业：推荐到区扶贫车间务工", "王伟", "区国土资源局",
                     "13912345678", "已脱贫(享受政策)，2019年脱贫", "档案核验码", "商州区 北宽坪镇"):
        assert expected in first, expected
    second = pdftools.text(out, 2, 2)
    for expected in ("兜底户", "周桂兰", "2人", "低保贫困户", "因残、因病", "社保兜底：纳入农村低保", "计划2027年脱贫"):
        assert expected in second, expected


def test_pathways_come_first(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    text = pdftools.text(_cards(ctx, [two_kinds["development"]], tmp_path))
    assert text.index("产业发展") < text.index("就业：")


def test_card_never_shows_ids_health_or_bank_data(ctx: AppContext, two_kinds: dict[str, str],
                                                  tmp_path: Path) -> None:
    out = _cards(ctx, list(two_kinds.values()), tmp_path)
    text = pdftools.text(out)
    assert not pdftools.FULL_ID.search(text.replace(" ", "").replace("\n", ""))
    for secret in (HEALTH_MEASURE, "4321", "长期慢性病", "残疾", BANK_ACCOUNT, "邮储银行", "证件号码", "6110021"):
        assert secret not in text, secret
    assert "健康扶贫" in text  # the health measure is listed by its type only


def test_the_qr_code_and_typed_code_open_the_household(ctx: AppContext, two_kinds: dict[str, str],
                                                      tmp_path: Path) -> None:
    hid = two_kinds["safety_net"]
    out = _cards(ctx, [hid], tmp_path)
    # (pdftotext joins the two printed lines and, taking the dash at the break for hyphenation, drops it)
    typed = re.search(r"FA1:[0-9A-F-]{32,36}:[0-9A-Z]", "".join(pdftools.text(out).split()))
    assert typed and parse_card_code(typed.group(0)) == hid
    # the vector QR code, rasterised, has exactly segno's modules for the card code
    dpi = 200
    image = pdftools.render(out, tmp_path, 1, dpi, gray=True)
    matrix = segno.make(card_code(hid), error="m", micro=False).matrix
    n = len(matrix)
    module = card_draw.QR.w / (n + 4)
    k = dpi / 72
    page_h = card_draw.CARD_H
    wrong = 0
    for r in range(n):
        for c in range(n):
            x = (card_draw.QR.x + (2 + c + 0.5) * module) * k
            y = (page_h - (card_draw.QR.y + card_draw.QR.h - (2 + r + 0.5) * module)) * k
            dark = image.getpixel((round(x), round(y))) < 128
            wrong += dark != bool(matrix[r][c])
    assert wrong == 0


def _probe(slot_index: int, paper: str) -> tuple[float, float, float, float]:
    _, sheet = slots(paper)
    r = sheet[slot_index].rect(card_draw.BAND_PROBE)
    return r.x, r.y, r.w, r.h


def test_each_kind_prints_in_its_colour(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    ctx.settings["plate_colour_safety_net"] = "#1F5C99"
    ctx.settings["plate_colour_development"] = "#C0392B"
    out = _cards(ctx, [two_kinds["safety_net"], two_kinds["development"]], tmp_path)
    height = card_draw.CARD_H
    for page, expected in ((1, (0x1F, 0x5C, 0x99)), (2, (0xC0, 0x39, 0x2B))):
        image = pdftools.render(out, tmp_path, page, 60)  # fine enough to resolve the hatching stripes
        got = pdftools.commonest_rgb(pdftools.region(image, _probe(0, "A4-landscape"), height, 60))
        assert all(abs(a - b) <= 12 for a, b in zip(got, expected, strict=True)), (page, got, expected)


def test_the_kinds_differ_in_greyscale_even_with_one_colour(ctx: AppContext, two_kinds: dict[str, str],
                                                            tmp_path: Path) -> None:
    """Same colour for both kinds: only the hatching and the label tell them apart — and they do."""
    ctx.settings["plate_colour_safety_net"] = "#2E7D32"
    ctx.settings["plate_colour_development"] = "#2E7D32"
    out = _cards(ctx, [two_kinds["safety_net"], two_kinds["development"]], tmp_path)
    stats = {}
    for page in (1, 2):
        image = pdftools.render(out, tmp_path, page, 60, gray=True)
        stats[page] = pdftools.grey_stats(pdftools.region(image, _probe(0, "A4-landscape"), card_draw.CARD_H, 60))
    (hatched_mean, hatched_sd), (solid_mean, solid_sd) = stats[1], stats[2]
    assert hatched_sd > 12 > solid_sd
    assert hatched_mean - solid_mean > 10
    assert "兜底户" in pdftools.text(out, 1, 1) and "兜底户" not in pdftools.text(out, 2, 2)
    assert "脱贫户" in pdftools.text(out, 2, 2)


@pytest.mark.parametrize(("paper", "per_page", "size"), [("A4-landscape", 1, (842, 595)),
                                                         ("A3-landscape", 1, (1191, 842)),
                                                         ("A4-2up", 2, (595, 842))])
def test_page_counts_and_paper(ctx: AppContext, make_household: Callable[..., str],  # noqa: PLR0917
                               tmp_path: Path, paper: str, per_page: int, size: tuple[int, int]) -> None:
    ids = [make_household(f"户主{i}") for i in range(5)]
    out = _cards(ctx, ids, tmp_path, paper=paper)
    pdftools.qpdf_ok(out)
    assert pdftools.pages(out) == math.ceil(5 / per_page)
    width, height = pdftools.page_size(out)
    assert (round(width), round(height)) == size
    assert all(f"户主{i}" in pdftools.text(out) for i in range(5))


def test_two_up_puts_each_colour_on_its_half(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    ctx.settings["plate_colour_safety_net"] = "#1F5C99"
    ctx.settings["plate_colour_development"] = "#C0392B"
    out = _cards(ctx, [two_kinds["development"], two_kinds["safety_net"]], tmp_path, paper="A4-2up")
    image = pdftools.render(out, tmp_path, 1, 40)
    top = pdftools.commonest_rgb(pdftools.region(image, _probe(0, "A4-2up"), 841.89, 40))
    bottom = pdftools.commonest_rgb(pdftools.region(image, _probe(1, "A4-2up"), 841.89, 40))
    assert top[0] > 150 > top[2] and bottom[2] > 120 > bottom[0]


def test_the_paper_setting_is_used(ctx: AppContext, make_household: Callable[..., str], tmp_path: Path) -> None:
    ctx.settings["plate_paper"] = "A4-2up"
    out = _cards(ctx, [make_household() for _ in range(3)], tmp_path)
    assert pdftools.pages(out) == 2


def test_fields_and_title_follow_the_district_settings(ctx: AppContext, two_kinds: dict[str, str],
                                                       tmp_path: Path) -> None:
    ctx.settings["plate_title"] = "脱贫攻坚帮扶联系卡"
    ctx.settings["plate_fields"] = ["village_group", "head", "cadre", "bogus"]
    text = pdftools.text(_cards(ctx, [two_kinds["development"]], tmp_path))
    assert "脱贫攻坚帮扶联系卡" in text and "精准扶贫信息公示牌" not in text
    assert "王德福" in text and "13912345678" in text
    for hidden in ("致贫原因", "缺技术", "养殖中蜂", "2019年脱贫", "FA1", "核验码"):
        assert hidden not in text, hidden
    assert card_look(ctx).fields == ("village_group", "head", "cadre")


def test_long_values_wrap_inside_the_card(ctx: AppContext, add_household: Callable[..., str],
                                          tmp_path: Path) -> None:
    long_unit = "商洛市商州区人民政府扶贫开发办公室驻北宽坪镇桃园村第一书记工作队综合协调组"
    with ctx.writer.transaction() as txn:
        from fieldapp.store.models import Cadre

        txn.update(Cadre, ctx.settings["cadre_id"], {"unit": long_unit})
    measures = [{"type": t, "content": "为该户协调落实" + "各项帮扶政策和资金支持、技术指导与跟踪服务" * 6}
                for t in ("industry", "education", "employment", "finance", "living_conditions", "motivation")]
    hid = add_household("欧阳诸葛上官司马端木慕容长孙宇文轩辕令狐钟离东方皇甫尉迟公羊", measures=measures)
    out = _cards(ctx, [hid], tmp_path)
    assert pdftools.pages(out) == 1
    words, _ = pdftools.words(out)
    right_edge = card_draw.BORDER.x + card_draw.BORDER.w
    bottom_edge = card_draw.CARD_H - card_draw.BORDER.y
    assert words
    for w in words:
        assert w.x0 >= card_draw.BORDER.x and w.x1 <= right_edge, w
        assert w.y1 <= bottom_edge, w
    text = pdftools.text(out)
    assert "…" in text  # the measures did not fit even at the smallest size: cut, not overflowing
    assert "欧阳诸葛" in text


def test_progress_and_cancel(ctx: AppContext, make_household: Callable[..., str], tmp_path: Path) -> None:
    ids = [make_household() for _ in range(4)]
    seen: list[tuple[int, int]] = []
    out = _cards(ctx, ids, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    before = out.read_bytes()
    calls = iter(range(100))
    with pytest.raises(PrintCancelled):
        render_cards(ctx, ids, out, cancelled=lambda: next(calls) >= 2)
    assert out.read_bytes() == before  # the earlier file is untouched
    fresh = tmp_path / "never.pdf"
    with pytest.raises(PrintCancelled):
        render_cards(ctx, ids, fresh, cancelled=lambda: True)
    assert not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []


def test_an_unknown_household_writes_nothing(ctx: AppContext, make_household: Callable[..., str],
                                             tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    with pytest.raises(LookupError):
        render_cards(ctx, [make_household(), "00000000-0000-7000-8000-000000000000"], out)
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []


def test_household_selection_by_village_and_group(ctx: AppContext, make_household: Callable[..., str]) -> None:
    east = [make_household(group_no=1, hh_no="A2"), make_household(group_no=1, hh_no="A1"),
            make_household(group_no=2, hh_no="A0")]
    west = make_household(village=1, group_no=1)
    east_id, west_id = villages(ctx)[0][0], villages(ctx)[1][0]
    assert household_ids(ctx, east_id) == [east[1], east[0], east[2]]
    assert household_ids(ctx, east_id, 1) == [east[1], east[0]]
    assert household_ids(ctx, west_id) == [west]
    assert household_ids(ctx) == [east[1], east[0], east[2], west]


def test_the_font_is_embedded_once_as_a_subset(ctx: AppContext, make_household: Callable[..., str],
                                               tmp_path: Path) -> None:
    out = _cards(ctx, [make_household(f"户主{i}") for i in range(6)], tmp_path)
    rows = pdftools.fonts(out)
    assert rows
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert "+" in row[0] and row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, ToUnicode
