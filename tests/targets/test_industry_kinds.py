"""Target kinds ``industry_<code>`` (an industry's planned households, what the 产业发展规划图 compares
against): validated against refdata ``industry`` in the rules, the write path and the import, labelled with
the industry's label, and read back by the charts."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from fieldapp.domain import targets as rules
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.refdata import RefData
from fieldapp.services.charts import figures
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from fieldapp.services.targets import importing, records
from fieldapp.services.targets.overview import target_lines


def test_the_rules_accept_industry_plans_of_listed_industries_only() -> None:
    ref = RefData()
    kinds, industries = ref["target_kind"], ref["industry"]
    assert rules.kind_problem("industry_fruit", kinds, industries) is None
    why = rules.kind_problem("industry_chickens", kinds, industries)
    assert why is not None and "chickens" in why and "industry" in why and "fruit（果）" in why
    assert rules.kind_problem("industry_fruit", kinds) is not None  # without the industry list: not a kind
    plain = rules.kind_problem("chickens", kinds, industries)
    assert plain is not None and "industry_fruit" in plain  # says how an industry plan is written
    assert rules.kind_label("industry_fruit", kinds, "zh-Hans", industries) == "果产业计划户数"
    assert rules.kind_label("industry_fruit", kinds, "zh-Hant", industries) == "果產業計劃戶數"
    assert rules.kind_label("industry_fruit", kinds, "en", industries) == "Planned households: Fruit"
    assert rules.kind_label("industry_chickens", kinds, "zh-Hans", industries) == "industry_chickens"
    assert rules.kind_unit("industry_fruit", kinds) == "户" and rules.kind_unit("people_exit", kinds) == "人"
    assert rules.kind_for("industry_fruit", kinds, industries) == "industry_fruit"
    assert rules.kind_for("果产业计划户数", kinds, industries) == "industry_fruit"
    assert rules.kind_for("水果计划户数", kinds, industries) == "industry_fruit"  # a synonym of the industry
    assert rules.kind_for("industry_chickens", kinds, industries) is None
    assert rules.kind_for("养鸡计划户数", kinds, industries) is None
    choices = dict(rules.kind_choices(kinds, industries))
    assert choices["people_exit"] == "脱贫人数" and choices["industry_livestock"] == "畜产业计划户数"
    assert len(choices) == len(kinds.codes) + len(industries.codes)


def test_the_write_path_stores_an_industry_plan_and_names_an_unknown_industry(ctx: AppContext) -> None:
    east = villages(ctx)[0][0]
    saved = records.set_target(ctx, east, 2026, "industry_fruit", 12)
    assert records.targets_of(ctx.db, [east], 2026) == [saved]
    with pytest.raises(ValidationError) as bad:
        records.set_target(ctx, east, 2026, "industry_chickens", 3)
    assert set(bad.value.problems) == {"kind"} and "chickens" in bad.value.problems["kind"]
    assert ctx.db.scalar("SELECT count(*) FROM target") == 1
    line = next(t for t in target_lines(ctx, 2026) if t.kind == "industry_fruit")
    assert (line.kind_label, line.value, line.unit) == ("果产业计划户数", 12, "户")
    assert next(t for t in target_lines(ctx, 2026, "en") if t.kind == "industry_fruit").kind_label \
        == "Planned households: Fruit"


def test_the_import_reads_industry_plans_and_names_a_bad_one(ctx: AppContext, tmp_path: Path) -> None:
    town = ctx.db.scalar("SELECT name FROM area WHERE level = 'town'")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["目标项目", "区域", "目标值", "年度"])
    sheet.append(["industry_fruit", town, 30, 2026])
    sheet.append(["畜产业计划户数", town, 20, 2026])
    sheet.append(["industry_chickens", town, 5, 2026])
    book.save(tmp_path / "plans.xlsx")
    planned = importing.plan(ctx, tmp_path / "plans.xlsx")
    assert [p.row for p in planned.problems] == [4]
    assert "chickens" in " ".join(planned.problems[0].problems)
    sheet.delete_rows(4)
    book.save(tmp_path / "plans.xlsx")
    importing.apply(ctx, importing.plan(ctx, tmp_path / "plans.xlsx"))
    assert sorted((t.kind, t.value) for t in records.targets_of(ctx.db, year=2026)) == [
        ("industry_fruit", 30), ("industry_livestock", 20)]


def test_the_industry_chart_takes_an_areas_own_plan_else_the_villages_sum(ctx: AppContext) -> None:
    east, west = (v for v, _name in villages(ctx))
    town = ctx.db.scalar("SELECT id FROM area WHERE level = 'town'")
    records.set_target(ctx, east, 2026, "industry_fruit", 7)
    records.set_target(ctx, west, 2026, "industry_fruit", 5)
    row = next(r for r in figures.industries(ctx.db, ctx.ref, town, 2026).rows if r.industry == "fruit")
    assert row.total.plan == 12 and [u.plan for u in row.units] == [7, 5]
    records.set_target(ctx, town, 2026, "industry_fruit", 40)  # the town's own plan wins
    row = next(r for r in figures.industries(ctx.db, ctx.ref, town, 2026).rows if r.industry == "fruit")
    assert row.total.plan == 40
