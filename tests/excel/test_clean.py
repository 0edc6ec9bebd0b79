"""Cell cleaning: what is fixed (safely) and what is reported, never silently "fixed"."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.refdata import RefData
from fieldapp.services.excel import clean
from fieldapp.services.excel.clean import CellProblem, CodeCleaner, MonthOnly
from tests.excel.conftest import pid

ID = next(pid(s, dt.date(1975, 6, 18)) for s in range(1000) if not pid(s, dt.date(1975, 6, 18)).endswith("X")
          and pid(s, dt.date(1975, 6, 18))[-1] != "0")
X_ID = next(pid(s, dt.date(1980, 1, 1)) for s in range(1000) if pid(s, dt.date(1980, 1, 1)).endswith("X"))


def test_full_width_digits_spaces_and_a_lower_case_x_are_fixed() -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ID)
    assert clean.clean_id(f"　{full_width[:6]} {full_width[6:]} ") == ID
    assert clean.clean_id(X_ID.lower()) == X_ID
    assert clean.clean_id("'" + ID) == ID  # Excel's text marker typed into the cell


@pytest.mark.parametrize(("value", "match"), [
    (6.12501197506181e17, r"被存成了数字（6\.12501E\+17）.*后几位可能已经丢失"),
    (612501197506181234, "被存成了数字"),
    ("6.12501E+17", r"科学计数法（6\.12501E\+17）"),
    (ID + ".0", "带有小数点"),
    (next(i[:17] for i in (pid(s) for s in range(100)) if not i.endswith("X")), "应为18位，现为17位"),
    (ID[:-1] + "0", "校验位错误"),
    ("=" + ID, "公式注入"),
])
def test_mangled_ids_are_reported_never_repaired(value: object, match: str) -> None:
    with pytest.raises(CellProblem, match=match):
        clean.clean_id(value)


def _with_check(first17: str) -> str:
    return first17 + clean.resident_id.check_digit(first17)


@pytest.mark.parametrize("typed", [ID, X_ID, X_ID.lower(), ID[:17] + ("1" if ID[17] != "1" else "2"),
                                   _with_check("61100220990101001"), _with_check("61100219801340001"),
                                   "６" + ID[1:]])
def test_an_id_typed_plainly_cleans_as_the_same_id_with_spaces_around(typed: str) -> None:
    """18 plain characters take a shorter way to the rules: the same number or the same message."""
    def outcome(value: str) -> str:
        try:
            return str(clean.clean_id(value))
        except CellProblem as exc:
            return f"refused: {exc}"

    assert outcome(typed) == outcome(f" {typed} ")


def test_an_id_that_lost_its_trailing_x_is_named_as_such() -> None:
    with pytest.raises(CellProblem, match="按校验规则末位应为X，可能被 Excel 丢掉了"):
        clean.clean_id(X_ID[:17])


@pytest.mark.parametrize(("value", "expected"), [
    (dt.datetime(2016, 3, 5, 0, 0), dt.date(2016, 3, 5)),
    ("2016-03-05", dt.date(2016, 3, 5)),
    ("2016/3/5", dt.date(2016, 3, 5)),
    ("2016.3.5", dt.date(2016, 3, 5)),
    ("2016年3月5日", dt.date(2016, 3, 5)),
    ("２０１６年３月５日", dt.date(2016, 3, 5)),
    ("20160305", dt.date(2016, 3, 5)),
    (20160305, dt.date(2016, 3, 5)),
    (42434, dt.date(2016, 3, 5)),  # an Excel date serial whose cell lost its date format
    ("2016-03-05 00:00:00", dt.date(2016, 3, 5)),
    ("2016年3月", MonthOnly(2016, 3)),
    ("1975.06", MonthOnly(1975, 6)),
    ("", None),
])
def test_dates_in_several_formats(value: object, expected: object) -> None:
    assert clean.clean_date(value) == expected


@pytest.mark.parametrize(("value", "match"), [("03/05/2016", "顺序无法确定"), ("2016-02-30", "不是有效的日期"),
                                              ("去年春天", "无法识别的日期"), ("2016年13月", "不是有效的日期")])
def test_dates_that_cannot_be_read_safely(value: str, match: str) -> None:
    with pytest.raises(CellProblem, match=match):
        clean.clean_date(value)


def test_labels_synonyms_codes_and_traditional_chinese_map_to_codes() -> None:
    causes = CodeCleaner(RefData(), "poverty_cause")
    assert causes("缺劳动力") == causes("缺劳力") == causes("缺勞力") == causes(" 08 ") == causes(8) == "08"
    assert causes.many("因学、缺技术") == ("03", "07") and causes.many("因学,缺技术，") == ("03", "07")
    status = CodeCleaner(RefData(), "exit_status")
    assert status("已脱贫（享受政策）") == status("已脱贫(享受政策)") == "1"
    with pytest.raises(CellProblem, match="“因穷”不是有效的致贫原因（可选：因病、因残"):
        causes("因穷")


@pytest.mark.parametrize(("value", "expected"), [("是", True), ("否", False), ("√", True), ("×", False),
                                                 (1, True), (0, False), (True, True), ("Y", True), (None, None),
                                                 ("-", None)])
def test_yes_no(value: object, expected: object) -> None:
    assert clean.clean_bool(value) is expected


def test_numbers_groups_and_decimals() -> None:
    assert clean.clean_group("第3组") == clean.clean_group("三组") == clean.clean_group(3.0) == 3
    assert clean.clean_group("十二组") == 12
    assert clean.clean_int("6个月", "个月") == 6
    assert clean.clean_year("2018年") == clean.clean_year(2018.0) == clean.clean_year(dt.date(2018, 5, 1)) == 2018
    assert clean.clean_decimal("2.5亩") == "2.5" and clean.clean_decimal(2.0) == "2"
    assert clean.clean_decimal(1.1) == "1.1"
    assert clean.clean_phone(13912345678.0) == "13912345678"
    assert clean.clean_money("4,527.50元") == 452750
    with pytest.raises(CellProblem):
        clean.clean_decimal("-1")
    with pytest.raises(CellProblem, match="应为整数"):
        clean.clean_group("三队")


def test_hh_numbers_stored_as_numbers() -> None:
    assert clean.clean_hh_no(611002105001.0) == "611002105001"  # 12 digits survive as a number
    with pytest.raises(CellProblem, match="后几位可能已经丢失"):
        clean.clean_hh_no(6110021050010001)  # 16 digits do not


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"点击\")", "@SUM(A1)", "+cmd|' /C calc'!A0",
                                   "-2+3+cmd|' /C calc'!A0", "'=1+1", "\t=1+1"])
def test_formula_injection_is_refused(value: str) -> None:
    with pytest.raises(CellProblem, match="公式注入"):
        clean.text(value)


def test_plain_text_that_only_resembles_a_formula_start_is_fine() -> None:
    assert clean.text("-5") == "-5" and clean.text("+86") == "+86"
    assert clean.text("—") is None and clean.text(" / ") is None
    assert clean.clean_name("张 三") == "张三" and clean.clean_name("Ali  Khan") == "Ali Khan"
