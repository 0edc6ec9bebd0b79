"""Reference data: every enumeration of DOMAIN.md ships with three languages; overrides; errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp import resources
from fieldapp.domain import refdata
from fieldapp.domain.refdata import LANGUAGES, RefData, RefDataError

# Every enumeration DOMAIN.md describes, with codes (or labels) it fixes. Values: code → zh-Hans label
# where DOMAIN.md gives national codes; otherwise a set of texts that must map to some code.
EXPECTED_CODES: dict[str, dict[str, str]] = {
    "household_attribute": {
        "01": "一般贫困户", "02": "低保脱贫户", "03": "特困供养脱贫户", "04": "低保贫困户", "05": "一般脱贫户",
        "06": "特困供养贫困户", "07": "低保特困供养贫困户", "08": "低保特困供养户",
    },
    "exit_status": {"0": "未脱贫", "1": "已脱贫(享受政策)", "3": "返贫", "4": "已脱贫(不再享受政策)"},
    "poverty_cause": {
        "01": "因病", "02": "因残", "03": "因学", "04": "因灾", "05": "缺土地", "06": "缺水", "07": "缺技术",
        "08": "缺劳力", "09": "缺资金", "10": "交通条件落后", "11": "自身发展动力不足", "12": "因婚", "99": "其他",
    },
    "relation": {
        "01": "户主", "02": "配偶", "03": "之子", "04": "之女", "05": "之儿媳", "06": "之女婿", "07": "之孙子",
        "08": "之孙女", "09": "之外孙子", "10": "之外孙女", "11": "之父", "12": "之母", "13": "之岳父", "14": "之岳母",
        "15": "之公公", "16": "之婆婆", "17": "之祖父", "18": "之祖母", "19": "之外祖父", "20": "之外祖母",
        "99": "其他",
    },
    "education": {"01": "文盲或半文盲", "02": "小学", "03": "初中", "04": "高中", "05": "大专及以上",
                  "06": "学龄前儿童"},
    "schooling": {
        "01": "非在校生", "02": "学前教育", "03": "小学", "04": "七年级", "05": "八年级", "06": "九年级",
        "07": "高中一年级", "08": "高中二年级", "09": "高中三年级", "10": "中职一年级", "11": "中职二年级",
        "12": "中职三年级", "13": "高职一年级", "14": "高职二年级", "15": "高职三年级", "16": "大专及以上",
    },
    "health": {"01": "健康", "02": "长期慢性病", "03": "患有大病", "04": "残疾"},
    "labour_skill": {"01": "普通劳动力", "02": "技能劳动力", "03": "丧失劳动力", "04": "无劳动力"},
    "household_kind": {"safety_net": "兜底户", "development": "脱贫户"},
}
EXPECTED_TEXTS: dict[str, list[str]] = {
    "identification_standard": ["国家标准", "省定标准", "市定标准"],
    "dangerous_house_grade": ["无", "C级", "D级"],
    "work_status": ["乡内", "乡外县内", "县外省内", "省外", "其他"],
    "disability_grade": ["一级", "二级", "三级", "四级"],
    "gender": ["男", "女"],
    "indicator": ["不愁吃", "不愁穿", "义务教育有保障", "基本医疗有保障", "住房安全有保障",
                  "水量", "水质", "取水方便", "供水保证率"],
    "road_type": ["泥土路", "水泥路"],
    "fuel": ["柴草", "煤", "电", "液化气", "其他"],
    "relocation_type": ["集中", "分散"],
    "measure_type": ["产业发展", "易地搬迁", "生态补偿", "教育", "社保兜底", "就业", "公益岗位", "健康", "危房改造",
                     "金融", "生活条件", "扶志"],
    "industry": ["果", "畜", "菜", "药", "劳务", "电商"],
    "public_welfare_post": ["护林", "护路", "护水", "护洁"],
    "visit_type": ["入户走访", "政策宣讲", "产业指导", "就业帮扶", "送医送药", "资金物资发放", "民主评议", "其他"],
    "identification_step": ["农户申请", "民主评议", "核实", "第一次公示", "乡镇审核", "第二次公示", "县审批", "公告"],
    "exit_step": ["民主评议", "核实", "户认可", "公示", "公告", "销号"],
    "monitoring_category": ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"],
    "risk_type": ["因病", "因学", "因残", "因自然灾害", "因意外事故", "因产业项目失败", "因务工就业不稳", "缺劳动力",
                  "其他"],
    "risk_state": ["风险识别", "风险消除"],
    "fund_channel": ["上级", "本级财政", "金融", "社会"],
    "cadre_role": ["驻村工作队员", "第一书记", "村两委"],
    "income_item": ["工资性收入", "生产经营性收入", "生产经营性支出", "低保金", "特困供养金", "养老保险金",
                    "计划生育金",
                    "生态补偿金", "资产收益分红"],
}
ORDERED = ("identification_step", "exit_step")  # workflow steps: codes follow the order of the steps
EXPECTED_NAMES = sorted({*EXPECTED_CODES, *EXPECTED_TEXTS})


@pytest.fixture(scope="module")
def ref() -> RefData:
    return RefData()


def test_every_expected_list_ships(ref: RefData) -> None:
    assert set(EXPECTED_NAMES) <= set(ref.names())


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_every_code_has_three_languages(ref: RefData, name: str) -> None:
    codes = ref[name]
    assert codes.name == name
    assert set(LANGUAGES) <= set(codes.title)
    assert codes.codes, name
    for c in codes.codes:
        for lang in LANGUAGES:
            assert c.label.get(lang, "").strip(), f"{name}/{c.code} has no {lang} label"
            assert codes.label(c.code, lang) == c.label[lang]
        assert c.label["en"].isascii(), f"{name}/{c.code}: English label {c.label['en']!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_national_codes_and_labels(ref: RefData, name: str) -> None:
    codes = ref[name]
    assert {c.code: c.label["zh-Hans"] for c in codes.codes} == EXPECTED_CODES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_TEXTS))
def test_texts_map_to_codes(ref: RefData, name: str) -> None:
    codes = ref[name]
    found = [codes.code_for(text) for text in EXPECTED_TEXTS[name]]
    assert None not in found, dict(zip(EXPECTED_TEXTS[name], found, strict=True))
    if name in ORDERED:
        assert found == sorted(found) and len(set(found)) == len(found)


def test_poverty_cause_lookups(ref: RefData) -> None:
    causes = ref["poverty_cause"]
    assert [c.code for c in causes.codes] == [f"{i:02d}" for i in range(1, 13)] + ["99"]
    assert causes.code_for("缺劳动力") == "08"
    assert causes.code_for("缺劳力") == "08"
    assert causes.code_for(" 因病 ") == "01"
    assert causes.code_for("08") == "08"
    assert causes.code_for("Illness") == "01"
    assert causes.code_for("因殘") == "02"  # traditional label
    assert causes.code_for("不存在") is None
    assert causes.label("08", "zh-Hant") == "缺勞力"
    assert causes.label("02", "en") == "Disability"
    assert causes.label("77") == "?77"
    assert causes.label(None) == "" and causes.label("") == ""
    assert "08" in causes and "77" not in causes


def test_household_attribute_safety_net_flags(ref: RefData) -> None:
    flags = {c.code: c.attrs["safety_net"] for c in ref["household_attribute"].codes}
    assert flags == {"01": False, "02": True, "03": True, "04": True, "05": False, "06": True, "07": True, "08": True}


def test_schooling_compulsory_flags(ref: RefData) -> None:
    compulsory = {c.code for c in ref["schooling"].codes if c.attrs.get("compulsory")}
    assert compulsory == {"03", "04", "05", "06"}


def test_thresholds(ref: RefData) -> None:
    table = {(t.kind, t.year, t.area_code, t.price_basis): t.amount_yuan for t in ref.thresholds}
    assert table[("poverty_line", 2010, "000000", "2010")] == 2300
    national = {year: table[("poverty_line", year, "000000", "current")] for year in range(2011, 2017)}
    assert national == {2011: 2536, 2012: 2625, 2013: 2736, 2014: 2800, 2015: 2855, 2016: 2952}
    assert table[("poverty_line", 2010, "610000", "2010")] == 2500  # Shaanxi
    exits = {t.year: t.amount_yuan for t in ref.thresholds if t.kind == "exit_standard"}
    assert exits == {2015: 2968, 2016: 3146, 2017: 3335, 2018: 3535}
    assert any(t.kind == "monitoring_line" and t.amount_yuan == 8050 and t.year == 2023 for t in ref.thresholds)
    for t in ref.thresholds:
        assert t.kind in {"poverty_line", "exit_standard", "monitoring_line"}
        assert t.source.strip(), t
        assert t.price_basis in {"current", "2010"}
        assert len(t.area_code) == 6 and t.area_code.isdigit()


def _write(folder: Path, rel: str, data: object | str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _small_list(name: str = "poverty_cause") -> dict[str, object]:
    return {
        "name": name, "title": {"zh-Hans": "致贫原因", "zh-Hant": "致貧原因", "en": "Cause"}, "source": "county list",
        "codes": [
            {"code": "01", "label": {"zh-Hans": "因病", "zh-Hant": "因病", "en": "Illness"}},
            {"code": "50", "label": {"zh-Hans": "因债", "zh-Hant": "因債", "en": "Debt"}, "synonyms": ["欠债"]},
        ],
    }


def test_override_file_replaces_the_shipped_list(tmp_path: Path) -> None:
    _write(tmp_path, "enums/poverty_cause.json", _small_list())
    ref = RefData(tmp_path)
    causes = ref["poverty_cause"]
    assert [c.code for c in causes.codes] == ["01", "50"]
    assert causes.source == "county list"
    assert causes.code_for("欠债") == "50"
    assert "08" not in causes
    assert len(ref["relation"].codes) == 21  # lists without an override stay shipped
    assert "08" in RefData()["poverty_cause"]  # no override dir: shipped


def test_override_of_thresholds(tmp_path: Path) -> None:
    _write(tmp_path, "thresholds.json", [
        {"kind": "poverty_line", "year": 2024, "area_code": "611002", "amount": 9000, "price_basis": "current",
         "source": "县文件"},
    ])
    (t,) = RefData(tmp_path).thresholds
    assert (t.kind, t.year, t.area_code, t.amount_yuan, t.source) == ("poverty_line", 2024, "611002", 9000.0, "县文件")


def test_empty_override_dir_changes_nothing(tmp_path: Path) -> None:
    ref = RefData(tmp_path / "missing")
    assert ref["poverty_cause"].code_for("缺劳动力") == "08"
    assert len(ref.thresholds) == len(RefData().thresholds)


@pytest.mark.parametrize("content,needle", [
    ("{not json", "JSON"),
    ("", "JSON"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"}}, "codes"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"}, "codes": [{"label": {"zh-Hans": "a"}}]}, "code"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"}, "codes": [{"code": "01", "label": "因病"}]}, "格式错误"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"}, "codes": "01"}, "格式错误"),
    ([1, 2, 3], "格式错误"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"},
      "codes": [{"code": "01", "label": {"en": "Illness"}}]}, "简体中文"),
    ({"name": "poverty_cause", "title": {"zh-Hans": "x"},
      "codes": [{"code": "01", "label": {"zh-Hans": "a"}}, {"code": "01", "label": {"zh-Hans": "b"}}]}, "重复"),
])
def test_malformed_override_raises_refdata_error_naming_the_file(tmp_path: Path, content: object, needle: str) -> None:
    _write(tmp_path, "enums/poverty_cause.json", content)
    with pytest.raises(RefDataError) as info:
        RefData(tmp_path)["poverty_cause"]
    assert "poverty_cause.json" in str(info.value)
    assert needle in str(info.value)


def test_invalid_json_error_names_the_override_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "enums/relation.json", "[")
    with pytest.raises(RefDataError, match="JSON") as info:
        RefData(tmp_path)["relation"]
    assert str(path) in str(info.value)


def test_not_utf8_override_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "enums" / "relation.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(json.dumps(_small_list("relation"), ensure_ascii=False).encode("gbk"))
    with pytest.raises(RefDataError, match=r"relation\.json"):
        RefData(tmp_path)["relation"]


@pytest.mark.parametrize("content", [
    "[{", [{"kind": "poverty_line", "year": 2024}], [{"kind": "poverty_line", "year": "x", "area_code": "0",
                                                       "amount": 1, "source": "s"}], {"a": 1},
])
def test_malformed_thresholds_override(tmp_path: Path, content: object) -> None:
    _write(tmp_path, "thresholds.json", content)
    with pytest.raises(RefDataError, match=r"thresholds\.json"):
        RefData(tmp_path).thresholds  # noqa: B018


def test_configure_and_default(tmp_path: Path) -> None:
    _write(tmp_path, "enums/poverty_cause.json", _small_list())
    try:
        configured = refdata.configure(tmp_path)
        assert refdata.default() is configured
        assert "50" in refdata.default()["poverty_cause"]
    finally:
        refdata.configure(None)
    assert "50" not in refdata.default()["poverty_cause"]


def test_shipped_files_are_valid_json_with_matching_names() -> None:
    folder = resources.root() / "refdata" / "enums"
    for node in folder.iterdir():
        if node.name.endswith(".json"):
            raw = json.loads(node.read_bytes().decode("utf-8"))
            assert raw["name"] == node.name[:-5]
            assert raw.get("source"), node.name
