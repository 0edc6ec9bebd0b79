"""Line wrapping for the canvas-drawn card: never wider than asked, Chinese line-breaking rules kept."""

from __future__ import annotations

import pytest

from fieldapp.services.printing.layout import (
    NO_LINE_END,
    NO_LINE_START,
    ellipsize,
    fit_lines,
    parse_colour,
    text_width,
    wrap_text,
)

SAMPLES = [
    "纳入农村低保，每人每月260元；家庭医生签约服务，每年免费体检一次。（联系电话13912345678）",
    "陕西省商洛市商州区北宽坪镇桃园村第三村民小组一百二十三号附近的小河边上那一排房子的第二家",
    "Household head: Zhang San, phone 13912345678, unit Shangzhou District Land and Resources Bureau",
    "「产业发展」：养殖中蜂10箱，发放蜂箱补助3000元！再加（一）项：“电商扶贫”奖补……",
    "x" * 300,
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("width", [40.0, 95.0, 180.0, 400.0])
def test_lines_fit_and_lose_nothing(text: str, width: float) -> None:
    lines = wrap_text(text, 12, width)
    assert all(text_width(line, 12) <= width + 1e-6 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text", SAMPLES[:2] + SAMPLES[3:4])
def test_closing_marks_never_start_a_line_and_opening_marks_never_end_one(text: str) -> None:
    for width in range(60, 300, 7):
        lines = wrap_text(text, 12, float(width))
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)


def test_numbers_stay_whole_when_they_fit() -> None:
    lines = wrap_text("包扶责任人电话13912345678", 12, 100)
    assert "13912345678" in lines


def test_fit_lines_cuts_with_an_ellipsis_that_fits() -> None:
    lines = fit_lines(SAMPLES[1], 12, 100, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert text_width(lines[-1], 12) <= 100
    assert ellipsize("短", 12, 100) == "短…"


def test_colours_fall_back_when_malformed() -> None:
    assert parse_colour("#C0392B", "#000000").hexval().upper() == "0XC0392B"
    assert parse_colour("red", "#2E7D32").hexval().upper() == "0X2E7D32"
    assert parse_colour(None, "#2E7D32").hexval().upper() == "0X2E7D32"
