"""Importing a messy register: the dry run, the write, re-importing (a no-op), and the rows refused."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldapp.services import register
from fieldapp.services.context import AppContext
from fieldapp.services.excel.apply import apply_plan
from fieldapp.services.excel.plan import Plan, build_plan
from fieldapp.store.models import ChangeLog, Household, Member
from tests.excel.conftest import HEADER, household, person, pid
from tests.helpers.fixtures import write_unchecked

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HYPERLINK = '=HYPERLINK("http://example.com","点此领补贴")'


def x_id(born: dt.date) -> str:
    return next(pid(s, born) for s in range(1000) if pid(s, born).endswith("X"))


def messy_items(registered_id: str) -> list[Any]:
    """Two good households among ten bad ones, a title, blank rows, a repeated header, a totals row."""
    head_id = pid(1, dt.date(1965, 3, 5))
    spaced = f" {head_id[:6]} {head_id[6:]}".translate(FULL_WIDTH)
    a = household("6110021050000001", [
        person("张建国", spaced, "户主", 出生日期="1965年3月5日", 文化程度="小学", 健康状况="健康",
               劳动技能="普通劳动力", 是否享受低保="是"),
        person("李秀英", pid(2, dt.date(1967, 7, 1)), "配偶", 出生日期="1967/7/1", 是否享受低保="是"),
        person("张 伟", pid(3, dt.date(1990, 1, 1)), "之子", 出生日期=19900101, 文化程度="初中"),
    ], group="第3组", 主要致贫原因="缺劳动力", 其他致贫原因="因学、缺技术", 首次识别时间="2014.3",
        贫困户属性="低保贫困户")
    b = household("6110021050000002", [person("王五", pid(4)), person("王小五", float(pid(5)), "之子")])
    c = household("6110021050000003", [person("赵妻", pid(6), "配偶"), person("赵子", pid(7), "之子")])
    d = household("6110021050000004", [person("钱一", pid(8)), person("重复人", pid(40), "之女")])
    e = household("6110021050000005", [person("孙二", pid(9)), person("重复人", pid(40), "之女")])
    f = household("6110021050000006", [person("周三", "6.12501E+17")])
    g = household("6110021050000007", [person("吴四", x_id(dt.date(1980, 1, 1))[:17])])
    h = household("6110021050000008", [person("郑六", pid(10)), person(HYPERLINK, pid(11), "之子")])
    i = household("6110021050000009", [person("冯七", pid(12, dt.date(1980, 3, 5)), 出生日期="03/05/1980")])
    j = household("6110021050000010", [person("陈八", registered_id)])
    k = household("6110021050000011", [
        person("褚九", pid(13, dt.date(1975, 6, 18)), 出生日期="1975.06", 健康状况="残疾", 残疾等级="三级"),
    ], village="西村", 脱贫状态="已脱贫（享受政策）")
    conflicting = household("6110021050000012", [person("卫十", pid(14)), person("卫十一", pid(15), "之女")])
    conflicting[1]["贫困户属性"] = "低保贫困户"
    # Households given as lists get their household cells merged; the conflicting one repeats them per row.
    return [a, None, b, HEADER, c, d, e, f, g, h, i, j, k, *conflicting, {"行政村": "合计：12户"}]


@pytest.fixture
def registered(make_household: Callable[..., str], ctx: AppContext) -> dict[str, Any]:
    hid = make_household("已在册户主")
    return {"id": hid, "record": register.load_record(ctx.db, hid)}


@pytest.fixture
def messy(xlsx_file: Callable[..., Path], registered: dict[str, Any]) -> Path:
    items = messy_items(registered["record"].members[0]["id_no"])
    return xlsx_file(items, title="东村建档立卡贫困户家庭成员信息表", merge=True)


def _by_hh(plan: Plan) -> dict[str | None, Any]:
    return {e.hh_no: e for e in plan.entries}


def _log_count(ctx: AppContext) -> int:
    with ctx.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(ChangeLog.__table__)).scalar() or 0)


def test_the_dry_run_lists_each_household_with_rows_and_reasons(ctx: AppContext, messy: Path) -> None:
    before = _log_count(ctx)
    with build_plan(ctx, messy) as plan:
        entries = _by_hh(plan)
        assert plan.counts() == {"create": 2, "update": 0, "unchanged": 0, "rejected": 10}
        assert _log_count(ctx) == before  # a dry run writes nothing
    a = entries["6110021050000001"]
    assert (a.status, a.rows, a.head, a.people) == ("create", [4, 5, 6], "张建国", 3)
    reasons = {hh: entries[f"61100210500000{hh:02d}"].message for hh in range(2, 13)}
    assert "第9行 证件号码被存成了数字（6.11002E+17）" in reasons[2]
    assert "本户没有户主" in reasons[3]
    assert "第14行 证件号码 " in reasons[4] and "也出现在第16行（户编号 6110021050000005）" in reasons[4]
    assert "第16行 证件号码 " in reasons[5] and "也出现在第14行（户编号 6110021050000004）" in reasons[5]
    assert "科学计数法（6.12501E+17）" in reasons[6]
    assert "末位应为X" in reasons[7]
    assert "姓名以“=”开头" in reasons[8] and "公式注入" in reasons[8]
    assert "顺序无法确定" in reasons[9]
    assert "已登记在户编号 611002000001（户主 已在册户主）的成员 已在册户主 名下" in reasons[10]
    assert entries["6110021050000011"].status == "create"
    assert "第25行 “贫困户属性”与本户第24行不一致（一般贫困户／低保贫困户）" in reasons[12]
    assert any("跳过重复的表头行 1 行" in n for n in plan.notes)
    assert any("跳过空行 1 行" in n for n in plan.notes)
    assert any("没有户编号和成员信息的行" in n for n in plan.notes)
    assert any("A列“序号”" in n and "T列“人编号”" in n for n in plan.notes)
    assert plan.rejected_rows[9].startswith("证件号码被存成了数字")
    assert plan.rejected_rows[8].startswith("同户其他行有误（第9行）")


def test_one_dry_run_lists_every_problem_of_a_household_once(ctx: AppContext, xlsx_file: Callable[..., Path],
                                                               registered: dict[str, Any]) -> None:
    bad_check = pid(21)[:17] + ("0" if pid(21)[17] != "0" else "1")
    # no head, a wrong check digit and an unknown relation code: all in the first dry run
    h = household("6110021050000031", [person("甲子", bad_check, "之子"), person("甲女", pid(22), "之女"),
                                       person("甲孙", pid(23), "外星人")])
    # the head's row itself is refused (the person is registered in another household): no "本户没有户主" then
    taken = registered["record"].members[0]["id_no"]
    dup = household("6110021050000032", [person("乙", taken), person("乙子", pid(24), "之子")])
    with build_plan(ctx, xlsx_file([h, dup])) as plan:
        entries = _by_hh(plan)
    text = entries["6110021050000031"].message
    assert entries["6110021050000031"].status == "rejected"
    assert "第2行 证件号码校验位错误" in text and "证件号码证件号码" not in text and "证件号码：证件号码" not in text
    assert "本户没有户主" in text
    assert "与户主关系" in text and "外星人" in text
    assert "为必填" not in text, text  # the refused cell is not reported again as a missing value
    assert "本户没有户主" not in entries["6110021050000032"].message
    assert "同一人不能在两户" in entries["6110021050000032"].message


def test_a_number_the_register_holds_in_two_households_goes_to_the_holder_the_register_gives(
        ctx: AppContext, xlsx_file: Callable[..., Path], make_household: Callable[..., str],
        village_ids: dict[str, str]) -> None:
    """An old register (or another laptop's rows) may hold one ID number in two households. The file's household
    is checked against the holder the register's lookup gives (the later row), even when one of its own members
    holds the number too: the first household is refused naming the second, the second is not refused for it."""
    first = register.load_record(ctx.db, make_household("甲户主", members=1))
    number = first.members[0]["id_no"]
    write_unchecked(ctx, register.HouseholdRecord(
        household={"village_id": village_ids["东村"], "group_no": 1, "hh_no": "611002009999", "main_cause": "01",
                   "attribute": "01", "exit_status": "0", "standard": "01"},
        members=[{"name": "乙户主", "relation": "01", "id_no": number}]))
    with build_plan(ctx, xlsx_file([household(first.household["hh_no"], [person("甲户主", number)])])) as plan:
        [entry] = plan.entries
    assert entry.status == "rejected"
    assert f"证件号码 {number} 已登记在户编号 611002009999（户主 乙户主）的成员 乙户主 名下" in entry.message
    with build_plan(ctx, xlsx_file([household("611002009999", [person("乙户主", number)])])) as plan:
        [entry] = plan.entries
    assert "同一人不能在两户" not in entry.message, entry.message


def test_a_new_household_is_checked_with_every_rule_its_cells_did_not_decide(
        ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    born = dt.date(1970, 1, 1)
    bad = household("6110021050000041", [
        person("甲", pid(31, born), 出生日期="1970-01-02", 性别="女" if int(pid(31, born)[16]) % 2 else "男"),
        person("甲子", pid(32), "之子"),
        person("甲女", pid(33), "之女", 健康状况="残疾")], group=120)
    good = household("6110021050000042", [person("乙", pid(34, born), 出生日期="1970-01-01")])
    with build_plan(ctx, xlsx_file([bad, good])) as plan:
        entries = _by_hh(plan)
    assert entries["6110021050000042"].status == "create"
    text = entries["6110021050000041"].message
    assert entries["6110021050000041"].status == "rejected"
    for said in ("第2行 出生日期与证件号码不一致", "第2行 性别与证件号码不一致", "第2行 组号应在1到99之间",
                 "第4行 残疾等级：残疾人须填写残疾等级"):
        assert said in text, text


def test_applying_writes_codes_through_the_write_path_and_shows_in_history(ctx: AppContext, messy: Path,
                                                                        village_ids: dict[str, str]) -> None:
    with build_plan(ctx, messy) as plan:
        result = apply_plan(ctx, plan)
    assert (result.created, result.members_created, result.updated) == (2, 4, 0)
    h, m = Household.__table__, Member.__table__
    with ctx.db.read() as conn:
        a = conn.execute(select(h).where(h.c.hh_no == "6110021050000001")).mappings().one()
        people = {r.name: r for r in conn.execute(select(m).where(m.c.household_id == a["id"]))}
        k = conn.execute(select(h).where(h.c.hh_no == "6110021050000011")).mappings().one()
        disabled = conn.execute(select(m).where(m.c.household_id == k["id"])).one()
        bad = conn.execute(select(func.count()).select_from(h).where(h.c.hh_no.in_(
            [f"61100210500000{n:02d}" for n in range(2, 13) if n != 11]))).scalar()
        logged = conn.execute(select(ChangeLog.__table__).where(ChangeLog.__table__.c.household_id == a["id"])).all()
    assert (a["village_id"], a["group_no"], a["main_cause"], a["cause2"], a["cause3"], a["attribute"]) == (
        village_ids["东村"], 3, "08", "03", "07", "04")
    assert a["identified_on"] == dt.date(2014, 3, 1)
    head = people["张建国"]
    assert (head.id_no, head.birth_date, head.gender, head.education, head.dibao, head.relation) == (
        pid(1, dt.date(1965, 3, 5)), dt.date(1965, 3, 5), "1", "02", True, "01")
    assert people["张伟"].birth_date == dt.date(1990, 1, 1)
    assert (k["village_id"], k["exit_status"]) == (village_ids["西村"], "1")
    assert (disabled.health, disabled.disability_grade, disabled.birth_date) == ("04", "3", dt.date(1975, 6, 18))
    assert bad == 0  # nothing of a rejected household was written
    assert {r.tbl for r in logged} == {"household", "member"} and len(logged) == 4
    assert {r.user_name for r in logged} == {"王伟"}
    assert json.loads(next(r.fields for r in logged if r.tbl == "household"))["main_cause"] == "08"


def test_importing_the_same_file_again_changes_nothing(ctx: AppContext, messy: Path) -> None:
    with build_plan(ctx, messy) as plan:
        apply_plan(ctx, plan)
    before = _log_count(ctx)
    with build_plan(ctx, messy) as again:
        assert again.counts() == {"create": 0, "update": 0, "unchanged": 2, "rejected": 10}
        assert not again.has_writes
        apply_plan(ctx, again)
    assert _log_count(ctx) == before
    with ctx.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(Household.__table__)).scalar() == 3


def test_an_edited_cell_updates_only_that_field(ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    people = [person("甲", pid(21)), person("乙", pid(22, dt.date(2001, 1, 1)), "之子", 文化程度="初中"),
              person("丙孩", None, "之女")]
    first = xlsx_file(household("6110021050000021", people))
    with build_plan(ctx, first) as plan:
        apply_plan(ctx, plan)
    people[1]["文化程度"] = "高中"
    people[0]["文化程度"] = None  # a blank cell never erases
    edited = xlsx_file(household("6110021050000021", people, 贫困户属性="一般脱贫户"))
    before = _log_count(ctx)
    with build_plan(ctx, edited) as plan:
        entry = plan.entries[0]
        assert entry.status == "update"
        assert entry.message == "户：贫困户属性 一般贫困户→一般脱贫户；成员 乙：文化程度 初中→高中"
        result = apply_plan(ctx, plan)
    assert (result.updated, result.members_updated, result.members_created) == (1, 1, 0)
    assert _log_count(ctx) == before + 2
    with build_plan(ctx, edited) as plan:  # the member without an ID number is matched by name
        assert plan.counts()["unchanged"] == 1


def test_households_are_matched_by_number_among_the_live_ones_only(
        ctx: AppContext, xlsx_file: Callable[..., Path], make_household: Callable[..., str]) -> None:
    make_household("孙甲", hh_no="611002009901")
    make_household("孙乙", hh_no="611002009901")
    register.delete_household(ctx.writer, make_household("钱甲", hh_no="611002009902"))
    kept = make_household("钱乙", hh_no="611002009902")
    file = xlsx_file([household("611002009901", [person("孙丙", pid(51))]),
                      household("611002009902", [person("钱丙", pid(52), "之子")]),
                      household("611002009903", [person("李丙", pid(53))])])
    with build_plan(ctx, file) as plan:
        entries = _by_hh(plan)
        assert entries["611002009901"].status == "rejected"
        assert "户编号 611002009901 在本机对应 2 户，无法确定导入到哪一户" in entries["611002009901"].message
        assert entries["611002009902"].status == "update"  # the deleted household with that number is not one
        assert entries["611002009903"].status == "create"
        apply_plan(ctx, plan)
    assert sorted(m["name"] for m in register.load_record(ctx.db, kept).members) == sorted(["钱乙", "成员4-1", "钱丙"])


def test_a_stale_plan_is_refused_and_a_cancel_writes_nothing(ctx: AppContext, xlsx_file: Callable[..., Path],
                                                            make_household: Callable[..., str]) -> None:
    from fieldapp.services.excel.apply import PlanOutdated
    from fieldapp.services.excel.fragments import ImportCancelled

    path = xlsx_file(household("6110021050000031", [person("甲", pid(31))]))
    with build_plan(ctx, path) as plan:
        make_household("插队户")
        with pytest.raises(PlanOutdated, match="请重新预览"):
            apply_plan(ctx, plan)
    before = _log_count(ctx)
    with build_plan(ctx, path) as plan, pytest.raises(ImportCancelled):
        apply_plan(ctx, plan, cancelled=lambda: True)
    assert _log_count(ctx) == before


def test_villages_a_default_village_and_the_mapping(ctx: AppContext, xlsx_file: Callable[..., Path],
                                                     village_ids: dict[str, str]) -> None:
    from fieldapp.services.excel.plan import ImportOptions
    from fieldapp.services.excel.read import SpreadsheetError

    columns = ["户编号", "户主或成员", "证件号码", "与户主关系", "致贫原因"]
    path = xlsx_file([{"户编号": "6110021050000041", "户主或成员": "甲", "证件号码": pid(41), "与户主关系": "户主",
                       "致贫原因": "因病"}], columns=columns)
    with pytest.raises(SpreadsheetError, match="缺少必需的列：姓名"):
        build_plan(ctx, path)
    mapping: dict[int, str | None] = {0: "hh_no", 1: "name", 2: "id_no", 3: "relation", 4: "main_cause"}
    with build_plan(ctx, path, ImportOptions(mapping=mapping)) as plan:
        assert "缺少行政村：本机有多个村（东村、西村）" in plan.entries[0].message
    with build_plan(ctx, path, ImportOptions(mapping=mapping, default_village=village_ids["西村"])) as plan:
        assert plan.entries[0].status == "create"
    with pytest.raises(SpreadsheetError, match="“姓名”同时指定给了B列和D列"):
        build_plan(ctx, path, ImportOptions(mapping={**mapping, 3: "name"}))
    wrong = xlsx_file(household("6110021050000042", [person("乙", pid(42))], village="南村"))
    with build_plan(ctx, wrong) as plan:
        assert "行政村“南村”不是本机的村（本机：东村、西村）" in plan.entries[0].message


def test_rows_of_one_household_apart_are_merged_and_said_so(ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    one = household("6110021050000051", [person("甲", pid(51)), person("甲妻", pid(52), "配偶")])
    other = household("6110021050000052", [person("乙", pid(53))])
    with build_plan(ctx, xlsx_file([one[0], *other, one[1]])) as plan:
        entries = _by_hh(plan)
        assert entries["6110021050000051"].rows == [2, 4] and entries["6110021050000051"].people == 2
        assert any("6110021050000051 的行不连续" in n for n in plan.notes)


def test_csv_import(ctx: AppContext, tmp_path: Path) -> None:
    from tests.excel.conftest import write_csv

    rows = household("6110021050000061", [person("甲", pid(61)), person("乙", pid(62), "配偶")])
    path = write_csv(tmp_path / "gbk.csv", rows, encoding="gb18030")
    with build_plan(ctx, path) as plan:
        assert plan.counts()["create"] == 1
        apply_plan(ctx, plan)
    with build_plan(ctx, path) as plan:
        assert plan.counts()["unchanged"] == 1


def test_a_name_longer_than_its_column_is_refused_by_the_import_not_cut(
        ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    name = "阿卜杜热合曼·买买提艾力·阿不都克热木·吐尔逊·艾合买提江·库尔班"
    with build_plan(ctx, xlsx_file([household("6110021050000091", [person(name, pid(91))])])) as plan:
        assert plan.counts()["rejected"] == 1
        assert f"姓名过长（{len(name)}个字，最多32个）" in plan.entries[0].message


def test_a_household_without_a_number_is_refused_by_the_import(
        ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    with build_plan(ctx, xlsx_file([household(None, [person("无号户主", pid(92))])])) as plan:
        assert plan.counts()["rejected"] == 1
        assert "缺少户编号" in plan.entries[0].message  # the import already required it; the rule agrees


def test_number_cells_remembered_per_column_give_each_row_its_own_value(
        ctx: AppContext, xlsx_file: Callable[..., Path]) -> None:
    """A number cell is cleaned once per distinct value; 0.0 and -0.0 (equal numbers) each name their own."""
    rows = [household(f"61100210500001{n:02d}", [person(f"甲{n}", pid(70 + n), 出生日期=born)])
            for n, born in enumerate([99999.0, 99999.0, 0.0, -0.0, 25569.0, 25569.0])]
    with build_plan(ctx, xlsx_file(rows)) as plan:
        messages = [e.message for e in plan.entries]
        statuses = [e.status for e in plan.entries]
    assert messages[0] == "第2行 出生日期不是日期（99999.0）；请写成“2016-03-05”这样的格式"
    assert messages[1] == messages[0].replace("第2行", "第3行")
    assert "出生日期不是日期（0.0）" in messages[2] and "出生日期不是日期（-0.0）" in messages[3]
    assert statuses == ["rejected"] * 4 + ["create"] * 2  # serial 25569 is 1970-01-01, the ID's birth date
