"""The field catalogue: complete trilingual labels, valid kinds and code lists, flags, overrides, value texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fieldapp import resources
from fieldapp.domain.fields import KINDS, CatalogueError
from fieldapp.domain.refdata import LANGUAGES, RefData, RefDataError
from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT

HAN = re.compile(r"[\u4e00-\u9fff]")
# Characters whose Traditional form differs: one of them in a zh-Hant label means it was not converted.
SIMPLIFIED = re.compile("[户农干证号码务责财产险医药贫园长岗访项类签区划级别与门时层担发证纯脱资]")


@pytest.fixture(scope="module")
def ref() -> RefData:
    return RefData()


def test_every_field_and_record_kind_has_three_languages(ref: RefData) -> None:
    fields = ref.fields
    assert len(fields.fields) > 120
    for f in fields.fields:
        assert set(f.label) == set(LANGUAGES), f.key
        assert f.kind in KINDS, f.key
        assert not HAN.search(f.label["en"]), f.key
        assert not SIMPLIFIED.search(f.label["zh-Hant"]), (f.key, f.label["zh-Hant"])
    raw = json.loads(resources.read_bytes("refdata", "fields.json"))
    for table in raw["tables"]:
        assert set(table["label"]) == set(LANGUAGES), table["table"]
        assert not SIMPLIFIED.search(table["label"]["zh-Hant"]), table
    for name, word in raw["words"].items():
        assert set(word) == set(LANGUAGES), name


def test_code_lists_exist_and_kinds_fit(ref: RefData) -> None:
    for f in ref.fields.fields:
        if f.codes:
            assert f.kind in ("code", "codes"), f.key
            assert len(ref[f.codes].codes) > 0
        else:
            assert f.kind not in ("code", "codes"), f.key


def test_privacy_flags(ref: RefData) -> None:
    fields = ref.fields
    assert {("member", "id_no"), ("member", "disability_cert"), ("household", "bank_account"),
            ("member", "health")} <= fields.sensitive
    # A sensitive field on a public print must be a number that can be masked (ID shown as 6101…1234).
    assert [f.key for f in fields.fields if f.sensitive and f.public] == [("member", "id_no")]
    assert not fields[("member", "health")].public and not fields[("household", "bank_account")].public
    assert fields[("household", "hh_no")].public and not fields[("household", "phone")].public


def test_labels_and_values_in_each_language(ref: RefData) -> None:
    fields = ref.fields
    assert [fields.label("member", "id_no", lang) for lang in LANGUAGES] == ["证件号码", "證件號碼", "ID number"]
    assert fields.label("income_year", "wage", "en") == ref["income_item"].label("wage", "en")  # label_codes
    assert fields.table_label("follow_up", "zh-Hant") == "後續事項"
    assert fields.label("member", "no_such_column") == "no_such_column"
    assert fields.format_value("member", "gender", "2", "en") == "Female"
    assert fields.format_value("measure", "amount", 150000) == "1,500.00"
    assert fields.format_value("member", "dibao", True, "zh-Hant") == "是"
    assert fields.format_value("indicator", "met", 0, "en") == "No"
    assert fields.format_value("member", "deleted", True) == "已删除"
    assert fields.format_value("household", "other_causes", ["01", "02"], "en") == \
        ", ".join(ref["poverty_cause"].label(c, "en") for c in ("01", "02"))
    assert fields.format_value("visit_cadre", "cadre_id", "abc", names={"abc": "王伟"}) == "王伟"
    assert fields.format_value("member", "id_no", "610102199001011234", masked=True) == "6101**********1234"
    assert fields.format_value("member", "health", "01", masked=True) == ref["health"].label("01")
    assert fields.format_value("member", "birth_date", "1990-01-01") == "1990-01-01"


def test_excel_headers_come_from_the_catalogue(ref: RefData) -> None:
    assert HOUSEHOLD_LAYOUT.by_key["village"].headers == ref.fields[("household", "village_id")].headers
    assert HOUSEHOLD_LAYOUT.by_key["id_no"].label == "证件号码"
    assert HOUSEHOLD_LAYOUT.match("身份证号") == "id_no"
    assert HOUSEHOLD_LAYOUT.match("是否参加新农合") == "medical_insurance"


def test_an_override_changes_a_label(tmp_path: Path) -> None:
    raw = json.loads(resources.read_bytes("refdata", "fields.json"))
    for f in raw["fields"]:
        if (f["table"], f["column"]) == ("household", "hh_no"):
            f["label"]["zh-Hans"] = "户码"
    (tmp_path / "fields.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert RefData(tmp_path).fields.label("household", "hh_no") == "户码"


@pytest.mark.parametrize(("change", "needle"), [
    (lambda raw: raw["fields"][0].update(kind="colour"), "未知类型 colour"),
    (lambda raw: raw["fields"][0]["label"].pop("zh-Hans"), "缺少 zh-Hans"),
    (lambda raw: raw.pop("words"), "缺少 'words'"),
    (lambda raw: raw["fields"].append(dict(raw["fields"][0])), "字段重复"),
])
def test_a_malformed_catalogue_is_refused_naming_the_problem(tmp_path: Path, change: object, needle: str) -> None:
    raw = json.loads(resources.read_bytes("refdata", "fields.json"))
    change(raw)  # type: ignore[operator]
    (tmp_path / "fields.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(needle)) as info:
        _ = RefData(tmp_path).fields
    assert isinstance(info.value, RefDataError)
    assert "fields.json" in str(info.value)
