"""Importing the project library from real .xlsx files written by openpyxl: the dry run writes nothing, every bad
row is refused with its row, column and reason (and listed in the rejects workbook), a re-import makes no
duplicates and updates what changed, money is exact to the fen, and a file that is no workbook is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldapp.services.context import AppContext
from fieldapp.services.excel.read import SpreadsheetError
from fieldapp.services.projects import importing, records, service
from fieldapp.services.projects.import_sheets import read_workbook, template_headers, write_rejects, write_template
from tests.projects.conftest import World

HEAD = ["村", "项目名称", "项目类型", "产业", "实施单位", "计划开工", "计划完工", "上级资金", "本级财政", "金融资金",
        "社会资金", "预算合计", "批复金额", "批复日期", "状态"]
BEN_HEAD = ["项目名称", "户编号", "计划金额"]
D = dt.date


def walnut(**changes: Any) -> list[Any]:
    row = {"村": "东村", "项目名称": "核桃园提质增效", "项目类型": "产业", "产业": "水果", "实施单位": "镇农业站",
           "计划开工": D(2026, 3, 10), "计划完工": D(2026, 9, 30), "上级资金": 500000, "本级财政": "100000.50",
           "金融资金": None, "社会资金": None, "预算合计": None, "批复金额": None, "批复日期": None, "状态": "储备"}
    row.update(changes)
    return [row[h] for h in HEAD]


def road(**changes: Any) -> list[Any]:
    return walnut(**{"项目名称": "村组道路硬化", "项目类型": "基础设施", "产业": None, "上级资金": 1234567.89,
                     "本级财政": None, "批复金额": "1200000", "批复日期": "2026-04-01", "状态": "已批复", **changes})


def workbook(path: Path, rows: Sequence[Sequence[Any]], beneficiaries: Sequence[Sequence[Any]] = (),
             head: Sequence[str] = HEAD) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "项目库"
    ws.append(list(head))
    for r in rows:
        ws.append(list(r))
    if beneficiaries:
        ws = book.create_sheet("受益户")
        ws.append(BEN_HEAD)
        for r in beneficiaries:
            ws.append(list(r))
    book.save(path)
    return path


def count(ctx: AppContext, table: str) -> int:
    return int(ctx.db.scalar(f"SELECT count(*) FROM {table} WHERE deleted = 0"))  # type: ignore[arg-type]


def hh_no(ctx: AppContext, household_id: str) -> str:
    return str(ctx.db.scalar("SELECT hh_no FROM household WHERE id = :i", i=household_id))


def test_dry_run_writes_nothing_then_the_import_writes_every_figure_to_the_fen(ctx: AppContext, world: World,
                                                                               tmp_path: Path) -> None:
    path = workbook(tmp_path / "项目库.xlsx", [walnut(), road()],
                    [["村组道路硬化", hh_no(ctx, world.a), "3000.10"], ["村组道路硬化", hh_no(ctx, world.b), 2999.9]])
    mark = ctx.db.scalar("SELECT max(seq) FROM change_log")
    plan = importing.build_plan(ctx, path)
    assert plan.counts() == {"create": 2, "update": 0, "unchanged": 0, "rejected": 0}
    assert [e.message for e in plan.entries] == ["预算 600,000.50元",
                                                 "预算 1,234,567.89元，批复 1,200,000.00元（2026-04-01），受益户 2 户"]
    assert ctx.db.scalar("SELECT max(seq) FROM change_log") == mark and count(ctx, "project") == 0

    ids = importing.apply_plan(ctx, plan)
    walnut_view, road_view = (records.get(ctx.db, i) for i in ids)
    assert walnut_view.budget == {"superior": 50_000_000, "local_finance": 10_000_050}
    assert (walnut_view.budget_total, walnut_view.status, walnut_view.type, walnut_view.industry) == (
        60_000_050, "planned", "industry", "fruit")
    assert (walnut_view.village_id, walnut_view.planned_start) == (world.east, D(2026, 3, 10))
    assert road_view.budget == {"superior": 123_456_789} and road_view.budget_total == 123_456_789
    assert (road_view.status, road_view.approved_amount, road_view.approved_on) == ("approved", 120_000_000,
                                                                                    D(2026, 4, 1))
    assert {b.household_id: b.amount for b in road_view.beneficiaries} == {world.a: 300_010, world.b: 299_990}


def test_reimport_makes_no_duplicates_and_updates_a_changed_budget(ctx: AppContext, world: World,
                                                                   tmp_path: Path) -> None:
    a = hh_no(ctx, world.a)
    first = workbook(tmp_path / "a.xlsx", [walnut(), road()], [["村组道路硬化", a, "3000"]])
    importing.apply_plan(ctx, importing.build_plan(ctx, first))
    tables = ("project", "project_budget", "project_beneficiary")
    before = {t: count(ctx, t) for t in tables}
    mark = ctx.db.scalar("SELECT max(seq) FROM change_log")
    again = importing.build_plan(ctx, first)
    assert again.counts() == {"create": 0, "update": 0, "unchanged": 2, "rejected": 0} and not again.saves
    importing.apply_plan(ctx, again)
    assert ctx.db.scalar("SELECT max(seq) FROM change_log") == mark

    changed = workbook(tmp_path / "b.xlsx", [walnut(上级资金=550000, 社会资金="20000"), road()],
                       [["村组道路硬化", a, "3500"]])
    plan = importing.build_plan(ctx, changed)
    assert plan.counts() == {"create": 0, "update": 2, "unchanged": 0, "rejected": 0}
    assert plan.entries[0].message == ("预算·上级：500,000.00元 → 550,000.00元；预算·社会：（无） → 20,000.00元")
    assert plan.entries[1].message == f"受益户 {a}：3,000.00元 → 3,500.00元"
    importing.apply_plan(ctx, plan)
    assert {t: count(ctx, t) for t in tables} == {**before, "project_budget": before["project_budget"] + 1}
    view = records.get(ctx.db, next(p.id for p in records.list_projects(ctx.db) if p.name == "核桃园提质增效"))
    assert view.budget == {"superior": 55_000_000, "local_finance": 10_000_050, "social": 2_000_000}
    assert view.budget_total == 67_000_050
    assert importing.build_plan(ctx, changed).counts()["unchanged"] == 2


def test_the_same_name_in_two_years_is_two_projects(ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [walnut(), walnut(计划开工=D(2027, 3, 1), 计划完工=D(2027, 9, 1))])
    importing.apply_plan(ctx, importing.build_plan(ctx, path))
    assert count(ctx, "project") == 2
    plan = importing.build_plan(ctx, workbook(tmp_path / "b.xlsx", [
        walnut(), walnut(计划开工=D(2027, 3, 1), 计划完工=D(2027, 9, 1), 上级资金=1)]))
    assert [e.status for e in plan.entries] == ["unchanged", "update"]


def reasons(plan: importing.ImportPlan, sheet: str = "项目库") -> dict[int, str]:
    return plan.rejected[sheet]


def test_every_bad_row_is_refused_with_its_row_column_and_reason(ctx: AppContext, world: World,
                                                               tmp_path: Path) -> None:
    rows = [
        walnut(),                                                   # 2: good
        walnut(村="南村", 项目名称="甲"),                             # 3
        walnut(项目名称="乙", 项目类型="修路"),                        # 4
        walnut(项目名称="丙", 上级资金="12.345"),                     # 5
        walnut(项目名称="丁", 上级资金="abc"),                        # 6
        walnut(项目名称="戊", 本级财政=-5),                           # 7
        walnut(项目名称="己", 计划开工="2026-13-01"),                 # 8
        walnut(项目名称="庚"), walnut(项目名称="庚"),                  # 9, 10
        walnut(项目名称="辛", 预算合计="600000"),                     # 11
        walnut(项目名称="壬", 批复金额="700000", 批复日期="2026-03-01", 状态="已批复"),  # 12
        walnut(项目名称="癸", 状态="实施中"),                          # 13
        walnut(项目名称="子", 计划完工=D(2026, 1, 1)),                # 14
        walnut(项目名称="丑", 状态="已批复"),                          # 15
        walnut(项目名称="寅", 上级资金=12.345),                        # 16: a number cell
    ]
    path = workbook(tmp_path / "坏.xlsx", rows, [["核桃园提质增效", "611002999999", "100"]])
    plan = importing.build_plan(ctx, path)
    got = reasons(plan)
    assert sorted(got) == list(range(2, 17))  # the good row too: its beneficiary row is bad
    assert "受益户" in got[2]
    assert got[3].startswith("A列“村”：没有村或乡镇“南村”（本机的村：东村、西村）")
    assert got[4] == ("C列“项目类型”：“修路”不是有效的项目类型"
                      "（可选：产业、基础设施、易地搬迁、教育、健康、就业、生态、其他）")
    assert got[5] == "H列“上级资金”：金额最多两位小数（到分），现为“12.345”"
    assert got[6] == "H列“上级资金”：应为金额（元，如 12500.50），现为“abc”"
    assert got[7] == "I列“本级财政”：金额不能为负数（-5）"
    assert got[8].startswith("F列“计划开工”：不是有效的日期（2026-13-01）")
    assert got[9] == "与第10行重复（村、项目名称和计划开工年份相同）；同一项目只能有一行"
    assert got[10] == "与第9行重复（村、项目名称和计划开工年份相同）；同一项目只能有一行"
    assert got[11] == ("L列“预算合计”：预算合计 600,000.00元，与各资金渠道之和 600,000.50元 不相等（相差 0.50元）")
    assert got[12] == "M列“批复金额”：批复金额 700,000.00元 超过总预算 600,000.50元"
    assert got[13].startswith("O列“状态”：导入只能是“储备”或“已批复”")
    assert got[14] == "G列“计划完工”：计划完工日期 2026-01-01 早于计划开工日期 2026-03-10"
    assert got[15] == "M列“批复金额”：已批复的项目须填写批复金额；N列“批复日期”：已批复的项目须填写批复日期"
    assert got[16] == "H列“上级资金”：金额最多两位小数（到分），现为 12.345"
    assert reasons(plan, "受益户") == {2: "B列“户编号”：登记册中没有户编号为 611002999999 的农户"}
    assert plan.counts() == {"create": 0, "update": 0, "unchanged": 0, "rejected": 15}

    out = tmp_path / "rejects.xlsx"
    assert write_rejects(plan.book, plan.rejected, out) == 16
    book = read_workbook(out, ctx.ref)  # the rejects import with the same columns
    assert [n for n, _v in book.projects.rows] == list(range(2, 17))
    first = book.projects.rows[1][1]
    assert first[:2] == ("南村", "甲") and first[-2:] == (3, got[3])
    assert book.projects.rows[3][1][7] == "12.345"  # as typed, not rounded
    assert book.beneficiaries is not None and book.beneficiaries.rows[0][1][-1].startswith("B列“户编号”")


def test_a_beneficiary_total_over_the_approved_amount_rejects_the_project(ctx: AppContext, world: World,
                                                                          tmp_path: Path) -> None:
    a, c = hh_no(ctx, world.a), hh_no(ctx, world.c_west)
    path = workbook(tmp_path / "a.xlsx", [road(批复金额="5000"), walnut()],
                    [["村组道路硬化", a, "4000"], ["村组道路硬化", a, "100"], ["村组道路硬化", c, "1000"],
                     ["没有的项目", a, "1"]])
    plan = importing.build_plan(ctx, path)
    assert [e.status for e in plan.entries] == ["rejected", "create", "rejected"]
    ben = reasons(plan, "受益户")
    assert ben[3] == "该户已在受益户第2行列出；同一项目每户只能有一行"
    assert ben[4] == f"B列“户编号”：户编号 {c} 的农户不属于项目所在的“东村”"
    assert ben[2] == "所属项目（项目库第2行）有错误，整个项目未导入"
    assert ben[5] == "项目库表中没有项目“没有的项目”"
    importing.apply_plan(ctx, plan)
    assert [p.name for p in records.list_projects(ctx.db)] == ["核桃园提质增效"]

    b = hh_no(ctx, world.b)
    plan = importing.build_plan(ctx, workbook(tmp_path / "b.xlsx", [road(批复金额="5000")],
                                              [["村组道路硬化", a, "4000"], ["村组道路硬化", b, 1000.01]]))
    assert reasons(plan) == {2: "M列“批复金额”：受益户计划金额合计 5,000.01元，超过批复金额 5,000.00元（超出 0.01元）"}


def test_stored_disbursements_count(ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [road()])
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, path))
    service.disburse(ctx, project, day=D(2026, 5, 1), amount=100_000_000, channel="superior", payee="镇财政所",
                     voucher_no="记-1")
    plan = importing.build_plan(ctx, workbook(tmp_path / "b.xlsx", [road(上级资金="900000", 批复金额="900000")]))
    got = reasons(plan)[2]
    assert "资金渠道“上级”已拨付 1,000,000.00元，超过该渠道预算 900,000.00元" in got
    assert "累计拨付 1,000,000.00元，超过批复金额 900,000.00元" in got and "（含本机已登记的拨付或受益户）" in got
    plan = importing.build_plan(ctx, workbook(tmp_path / "c.xlsx", [road(状态="储备", 批复金额=None, 批复日期=None)]))
    assert reasons(plan)[2].startswith("O列“状态”：该项目已是“已批复”，导入不能撤回批复")


def test_a_team_leader_imports_planned_projects_but_not_approvals(ctx: AppContext, world: World, tmp_path: Path,
                                                                  signed_in: Callable[..., AppContext]) -> None:
    leader = signed_in("leader")
    plan = importing.build_plan(leader, workbook(tmp_path / "a.xlsx", [walnut(), road()]))
    assert [e.status for e in plan.entries] == ["create", "rejected"]
    assert reasons(plan)[3] == "M列“批复金额”：填写或修改批复须有“批复项目”权限（project.approve）"
    importing.apply_plan(leader, plan)
    assert [p.name for p in records.list_projects(ctx.db)] == ["核桃园提质增效"]


def test_an_unknown_budget_column_is_not_silently_dropped(ctx: AppContext, world: World, tmp_path: Path) -> None:
    head = [*HEAD, "乡村振兴资金"]
    plan = importing.build_plan(ctx, workbook(tmp_path / "a.xlsx", [[*walnut(), 5000], [*walnut(项目名称="乙"), None]],
                                              head=head))
    assert reasons(plan)[2].startswith("P列“乡村振兴资金”：“乡村振兴资金”不是已知的资金渠道，这笔预算无法导入")
    assert [e.status for e in plan.entries] == ["rejected", "create"]


def test_the_register_moving_on_after_the_dry_run_refuses_the_plan(ctx: AppContext, world: World,
                                                                   tmp_path: Path) -> None:
    plan = importing.build_plan(ctx, workbook(tmp_path / "a.xlsx", [walnut()]))
    service.create(ctx, service.ProjectDraft(world.west, "别的项目", "other", "镇政府", {"superior": 1}))
    with pytest.raises(importing.PlanOutdated):
        importing.apply_plan(ctx, plan)
    assert count(ctx, "project") == 1


def test_the_template_imports_once_filled(ctx: AppContext, world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_template(tmp_path / "模板.xlsx", ctx.ref)
    projects_head, beneficiary_head = template_headers(ctx.ref)
    assert beneficiary_head == ["村", "项目名称", "户编号", "户主", "计划金额"]
    assert projects_head[:7] == ["村", "项目名称", "项目类型", "产业", "实施单位", "计划开工", "计划完工"]
    assert projects_head[7:11] == ["上级资金", "本级财政", "金融资金", "社会资金"]
    book = load_workbook(path)
    assert book.sheetnames == ["项目库", "受益户", "说明"]
    book["项目库"].append(["东村", "光伏电站", "产业", None, "镇政府", "2026-05-01", "2026-10-01", "200000", None,
                           "50000.25", None, None, "250000.25", "2026-04-20", "已批复"])
    book["受益户"].append(["东村", "光伏电站", hh_no(ctx, world.a), "张大山", "1000"])
    book.save(path)
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, path))
    view = records.get(ctx.db, project)
    assert view.budget == {"superior": 20_000_000, "financial": 5_000_025} and view.approved_amount == 25_000_025
    assert [b.amount for b in view.beneficiaries] == [100_000]


def test_a_wrong_head_of_household_is_caught(ctx: AppContext, world: World, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(HEAD)
    book.active.append(walnut())
    ws = book.create_sheet("受益户")
    ws.append(["项目名称", "户编号", "户主", "计划金额"])
    ws.append(["核桃园提质增效", hh_no(ctx, world.a), "李四", "1"])
    book.save(tmp_path / "a.xlsx")
    plan = importing.build_plan(ctx, tmp_path / "a.xlsx")
    assert reasons(plan, "Sheet") == {2: "该项目的受益户行有错误（见受益户表）"}
    assert reasons(plan, "受益户") == {2: f"C列“户主”：户编号 {hh_no(ctx, world.a)} 的户主是“张大山”，不是“李四”"}


def test_csv_is_read_too(ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = tmp_path / "项目库.csv"
    path.write_text("村,项目名称,项目类型,实施单位,上级资金,本级财政\n东村,核桃园,产业,镇农业站,\"1,000.10\",5\n",
                    encoding="gb18030")
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, path))
    assert records.get(ctx.db, project).budget == {"superior": 100_010, "local_finance": 500}


@pytest.mark.parametrize(("content", "message"), [
    (b"this is not a workbook", "扩展名是“.xlsx”"),
    (None, "文件已损坏或不完整"),
    (b"", "文件是空的"),
])
def test_a_file_that_is_no_workbook_is_refused_clearly(ctx: AppContext, tmp_path: Path, content: bytes | None,
                                                       message: str) -> None:
    path = tmp_path / "项目库.xlsx"
    if content is None:  # a real workbook cut short (a copy interrupted)
        workbook(path, [walnut()])
        path.write_bytes(path.read_bytes()[:1500])
    else:
        path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=message):
        importing.build_plan(ctx, path)
    assert count(ctx, "project") == 0


def test_a_workbook_without_a_project_header_says_what_it_needs(ctx: AppContext, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [["x"]], head=["名称", "金额"])
    with pytest.raises(SpreadsheetError, match=r"找不到项目库表：.*“村、项目名称、项目类型、实施单位”"):
        importing.build_plan(ctx, path)


@pytest.mark.parametrize(("cell", "fen"), [(12, 1200), (12.5, 1250), (0.1 + 0.2, 30), ("1,234.56元", 123456),
                                           ("0.07", 7), (1234567.89, 123456789), ("", None), ("—", None)])
def test_money_is_exact_to_the_fen(cell: Any, fen: int | None) -> None:
    assert importing.money(cell) == fen


@pytest.mark.parametrize("cell", ["12.345", 12.345, "abc", "-1", -0.01, "5万", "=1+1", True])
def test_money_refuses_what_is_not_an_amount_to_the_fen(cell: Any) -> None:
    from fieldapp.services.excel.clean import CellProblem

    with pytest.raises(CellProblem):
        importing.money(cell)


def test_save_all_writes_all_or_nothing(ctx: AppContext, world: World) -> None:
    good = service.ProjectSave(service.ProjectDraft(world.east, "甲", "other", "镇政府", {"superior": 100}))
    bad = service.ProjectSave(service.ProjectDraft(world.east, "乙", "other", "镇政府", {"superior": 100}),
                              approval=(200, D(2026, 1, 1)))
    with pytest.raises(service.rules.ProjectError, match=r"项目“乙”未保存：批复金额 2\.00元 超过总预算 1\.00元"):
        service.save_all(ctx, [good, bad])
    assert count(ctx, "project") == 0 and count(ctx, "project_budget") == 0


def test_a_member_without_project_edit_is_refused_before_reading(ctx: AppContext, world: World, tmp_path: Path,
                                                                 signed_in: Callable[..., AppContext]) -> None:
    from fieldapp.domain.people import PermissionDenied

    with pytest.raises(PermissionDenied, match=r"project\.edit"):
        importing.build_plan(signed_in("member"), workbook(tmp_path / "a.xlsx", [walnut()]))


def test_a_project_id_column_matches_whatever_the_name(ctx: AppContext, world: World, tmp_path: Path) -> None:
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, workbook(tmp_path / "a.xlsx", [walnut()])))
    head = [*HEAD, "项目编号"]
    plan = importing.build_plan(ctx, workbook(tmp_path / "b.xlsx", [[*walnut(项目名称="核桃园二期"), project]],
                                              head=head))
    assert [(e.status, e.message) for e in plan.entries] == [("update", "项目名称：核桃园提质增效 → 核桃园二期")]
    importing.apply_plan(ctx, plan)
    assert [p.name for p in records.list_projects(ctx.db)] == ["核桃园二期"]
    plan = importing.build_plan(ctx, workbook(tmp_path / "c.xlsx", [[*walnut(), "0000-no-such"]], head=head))
    assert reasons(plan) == {2: "项目编号“0000-no-such”在本机没有对应的项目（新项目请把项目编号留空）"}


def test_a_towns_project_takes_households_of_its_villages(ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [road(村="北宽坪镇")],
                    [["村组道路硬化", hh_no(ctx, world.a), "100"], ["村组道路硬化", hh_no(ctx, world.c_west), "200"]])
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, path))
    view = records.get(ctx.db, project)
    assert view.is_town_project and view.village_id == world.town and len(view.beneficiaries) == 2


def test_blank_cells_keep_what_is_stored_and_zero_clears(ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [walnut(社会资金="20000")])
    [project] = importing.apply_plan(ctx, importing.build_plan(ctx, path))
    plan = importing.build_plan(ctx, workbook(tmp_path / "b.xlsx", [walnut(上级资金=None, 计划开工=None)]))
    assert [e.status for e in plan.entries] == ["unchanged"]
    plan = importing.build_plan(ctx, workbook(tmp_path / "c.xlsx", [walnut(社会资金=0)]))
    assert [e.message for e in plan.entries] == ["预算·社会：20,000.00元 → 0.00元"]
    importing.apply_plan(ctx, plan)
    assert records.get(ctx.db, project).budget_total == 60_000_050
    plan = importing.build_plan(ctx, workbook(tmp_path / "d.xlsx", [walnut(上级资金=None, 预算合计="1")]))
    assert reasons(plan)[2].startswith("L列“预算合计”：预算合计 1.00元，与各资金渠道之和 600,000.50元"
                                       "（含本机已登记、表中留空的渠道） 不相等")
    plan = importing.build_plan(ctx, workbook(tmp_path / "e.xlsx", [walnut(项目名称="新", 上级资金=None,
                                                                           本级财政=None)]))
    assert reasons(plan) == {2: "未填写预算：请至少填写一个资金渠道的金额"}


def test_save_all_holds_the_single_functions_permissions(ctx: AppContext, world: World,
                                                         signed_in: Callable[..., AppContext]) -> None:
    from fieldapp.domain.people import PermissionDenied

    leader = signed_in("leader")
    approved = service.ProjectSave(service.ProjectDraft(world.east, "甲", "other", "镇政府", {"superior": 100}),
                                   approval=(100, D(2026, 1, 1)))
    with pytest.raises(PermissionDenied, match=r"project\.approve"):
        service.save_all(leader, [approved])
    town = service.ProjectSave(service.ProjectDraft(world.town, "乙", "other", "镇政府", {"superior": 100}))
    with pytest.raises(PermissionDenied, match=r"project\.approve"):
        service.save_all(leader, [town])
    assert count(ctx, "project") == 0
