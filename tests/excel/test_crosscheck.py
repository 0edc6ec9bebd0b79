"""Cross-checking department lists against the register, both ways, and the report in .xlsx and PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.excel.crosscheck import check_list
from fieldapp.services.excel.read import SpreadsheetError
from fieldapp.services.excel.report import write_report_pdf, write_report_xlsx
from fieldapp.services.setup import villages
from tests.excel.conftest import pid
from tests.printing import pdftools

P = {name: pid(i, dt.date(1960 + i, 1, 1)) for i, name in enumerate(
    ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "外人"], start=1)}


def _save(ctx: AppContext, hh_no: str, people: list[dict[str, Any]]) -> str:
    household = {"village_id": villages(ctx)[0][0], "group_no": 2, "hh_no": hh_no, "main_cause": "01"}
    return register.save_record(ctx.writer, ctx.ref, register.HouseholdRecord(household=household, members=people))


def _p(name: str, relation: str = "01", **flags: Any) -> dict[str, Any]:
    return {"name": name, "id_no": P[name], "relation": relation, **flags}


@pytest.fixture
def people(ctx: AppContext) -> None:
    _save(ctx, "611002000101", [_p("甲", dibao=True, medical_insurance=True), _p("乙", "02", dibao=True)])
    _save(ctx, "611002000102", [_p("丙", medical_insurance=False),
                                _p("丁", "03", health="04", disability_grade="2", disability_cert=P["丁"] + "12")])
    _save(ctx, "611002000103", [_p("戊", dibao=True), _p("己", "02", health="04", disability_grade="1")])
    for hh, head, spouse in (("104", "庚", "辛"), ("105", "壬", None), ("106", "癸", None)):
        family = [_p(head, tekun=head != "庚")] + ([_p(spouse, "02", tekun=True)] if spouse else [])
        _save(ctx, f"611002000{hh}", family)


def _list(path: Path, rows: list[list[Any]],
          header: tuple[str, ...] = ("序号", "姓名", "身份证号码", "保障金额")) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["北宽坪镇2026年1月农村低保名单"])
    ws.append(list(header))
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    wb.save(path)
    return path


def test_dibao_list_mismatches_both_ways(ctx: AppContext, people: None, tmp_path: Path) -> None:
    path = _list(tmp_path / "低保.xlsx", [["甲", P["甲"], 300], ["乙某", P["乙"], 300], ["丙", P["丙"], 200],
                                          ["外人", P["外人"], 100], ["错号", float(P["丁"]), 100], ["空号", None, 1]])
    result = check_list(ctx, path, "dibao")
    found = {c: [(f.row, f.list_name, f.register_name) for f in result.of(c)] for c in result.counts()}
    assert result.rows == 6 and result.matched == 2 and not result.per_household
    assert found["marked_not_listed"] == [(None, None, "戊")]
    assert found["listed_not_marked"] == [(5, "丙", "丙")]
    assert found["not_found"] == [(6, "外人", None)]
    assert found["name_differs"] == [(4, "乙某", "乙")]
    assert result.of("invalid")[0].note.startswith("证件号码被存成了数字")
    assert len(result.of("invalid")) == 2
    assert result.of("listed_not_marked")[0].hh_no == "611002000102"
    assert "登记册中标记为享受低保，但不在名单中 1 人" in result.summary()


def test_disability_grade_that_differs(ctx: AppContext, people: None, tmp_path: Path) -> None:
    path = _list(tmp_path / "残疾人.xlsx", [["丁", P["丁"], "三级", "肢体"], ["甲", P["甲"], "四级", "视力"]],
                 header=("序号", "姓名", "公民身份号码", "残疾等级", "残疾类别"))
    result = check_list(ctx, path, "disability")
    assert [(f.register_name, f.note) for f in result.of("grade_differs")] == [("丁", "登记册：2级；名单：3级")]
    assert [f.register_name for f in result.of("listed_not_marked")] == ["甲"]
    assert [f.register_name for f in result.of("marked_not_listed")] == ["己"]


def test_a_list_of_household_heads_is_compared_per_household(ctx: AppContext, people: None, tmp_path: Path) -> None:
    path = _list(tmp_path / "特困.csv.xlsx", [["庚", P["庚"], 1], ["壬", P["壬"], 1], ["癸", P["癸"], 1]])
    result = check_list(ctx, path, "tekun")
    assert result.per_household and result.matched == 3
    assert result.counts() == dict.fromkeys(result.counts(), 0)


def test_insurance_list_and_a_list_without_id_column(ctx: AppContext, people: None, tmp_path: Path) -> None:
    result = check_list(ctx, _list(tmp_path / "医保.xlsx", [["丙", P["丙"], 0]]), "insurance")
    assert [f.register_name for f in result.of("listed_not_marked")] == ["丙"]
    assert [f.register_name for f in result.of("marked_not_listed")] == ["甲"]
    with pytest.raises(SpreadsheetError, match="找不到可识别的表头"):
        check_list(ctx, _list(tmp_path / "x.xlsx", [["丙", "x"]], header=("序号", "姓名", "金额")), "insurance")


def test_the_report_in_xlsx_and_pdf(ctx: AppContext, people: None, tmp_path: Path) -> None:
    path = _list(tmp_path / "低保.xlsx", [["甲", P["甲"], 300], ["丙", P["丙"], 200], ["=HYPERLINK(1)", P["外人"], 1]])
    result = check_list(ctx, path, "dibao")
    xlsx_out = write_report_xlsx(result, tmp_path / "报告.xlsx")
    wb = load_workbook(xlsx_out, read_only=True)
    assert wb.sheetnames == ["汇总", "登记册中标记为享受低保，但不在名单中", "在名单中，但登记册未标记享受低保",
                             "在名单中，但登记册中查无此人"]
    summary = dict(wb["汇总"].iter_rows(values_only=True))
    assert summary["名单"] == "低保名单" and summary["在名单中，但登记册中查无此人"] == 1
    missing = list(wb["在名单中，但登记册中查无此人"].iter_rows(values_only=True))
    assert missing[1][1] == "'=HYPERLINK(1)" and missing[1][3] == P["外人"]  # neutralised; full ID in the workbook
    wb.close()
    pdf = write_report_pdf(result, tmp_path / "报告.pdf")
    pdftools.qpdf_ok(pdf)
    text = pdftools.text(pdf)
    assert "低保名单与建档立卡登记册比对" in text and "在名单中，但登记册未标记享受低保（1 人）" in text
    assert not pdftools.FULL_ID.search(text.replace(" ", ""))  # masked in print
    assert P["丙"][:4] + "**********" + P["丙"][-4:] in text.replace(" ", "")


def test_no_message_says_a_word_twice(ctx: AppContext, people: None, tmp_path: Path) -> None:
    """Every kind of bad ID number: the note names the field once, in the result, the workbook and the PDF."""
    good = P["甲"]
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    bad_date = good[:10] + "1399" + good[14:]
    path = _list(tmp_path / "低保.xlsx", [["坏校验", bad_check, 1], ["短号", good[:15], 1],
                                          ["字母", "61100A" + good[6:], 1], ["坏日期", bad_date, 1],
                                          ["十七位", good[:17], 1], ["数字", float(good), 1]])
    result = check_list(ctx, path, "dibao")
    notes = [f.note or "" for f in result.of("invalid")]
    assert len(notes) == 6 and all(n.startswith("证件号码") for n in notes), notes
    xlsx_out = write_report_xlsx(result, tmp_path / "报告.xlsx")
    wb = load_workbook(xlsx_out, read_only=True)
    cells = " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)
    wb.close()
    pdf_text = pdftools.text(write_report_pdf(result, tmp_path / "报告.pdf")).replace(" ", "").replace("\n", "")
    for text in ("\n".join(notes), result.summary(), cells, pdf_text):
        assert "证件号码证件号码" not in text and "号码号码" not in text and "证件号码：证件号码" not in text
