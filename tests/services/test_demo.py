"""The demo village generator: the speech's village, consistent records, determinism, the one write path."""

from __future__ import annotations

import collections
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fieldapp import paths
from fieldapp.domain import resident_id, validation
from fieldapp.domain.income import net_income, per_person
from fieldapp.services import demo, register, setup
from fieldapp.services.context import AppContext, open_context
from fieldapp.store.models import SYNC_COLUMNS

CONTENT_TABLES = ("area", "cadre", "household", "member", "income_year", "indicator", "measure")
SIX_INDUSTRIES = {"fruit", "livestock", "vegetable", "medicinal", "labour", "ecommerce"}


def _open(home: Path) -> AppContext:
    return open_context(paths.DataPaths(home=home))


def _rows(ctx: AppContext, sql: str, **params: Any) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def _content(ctx: AppContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the record tables without the sync clocks (the id is kept)."""
    content = {}
    with ctx.db.read() as conn:
        for table in CONTENT_TABLES:
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            keep = ["id", *(c for c in columns if c not in SYNC_COLUMNS)]
            rows = conn.exec_driver_sql(f"SELECT {', '.join(keep)} FROM {table} ORDER BY id")
            content[table] = [tuple(r) for r in rows]
    return content


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, str]]:
    """The default demo village (948 households, seed 1), built once for this module."""
    ctx = _open(tmp_path_factory.mktemp("village"))
    summary = demo.build_demo(ctx)
    yield ctx, summary
    ctx.close()


# -- the speech's village -------------------------------------------------------------------------------


def test_default_village_has_the_speech_s_households_people_and_safety_net(village: tuple[AppContext, str]) -> None:
    ctx, summary = village
    assert _rows(ctx, "SELECT count(*) AS n FROM household")[0]["n"] == 948
    people = _rows(ctx, "SELECT count(*) AS n FROM member")[0]["n"]
    assert 2900 <= people <= 3100
    attributes = {c.code: c.attrs["support"] for c in ctx.ref["household_attribute"].codes}
    support = collections.Counter(attributes[r["attribute"]] for r in _rows(ctx, "SELECT attribute FROM household"))
    assert support["dibao"] == 79
    assert support["tekun"] == 7
    assert support["dibao_tekun"] == 0
    assert summary.startswith(f"948户 {people}人，低保79户，五保7户")


def test_causes_labour_and_migration_are_like_the_speech(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    causes = collections.Counter(r["main_cause"] for r in _rows(ctx, "SELECT main_cause FROM household"))
    assert causes.most_common(1)[0][0] == "01"
    assert 0.40 <= causes["01"] / 948 <= 0.55
    assert len(causes) >= 8  # mixed causes
    labour = _rows(ctx, "SELECT count(*) AS n FROM member WHERE labour_skill IN ('01', '02')")[0]["n"]
    away = _rows(ctx, "SELECT count(*) AS n FROM member WHERE work_status IN ('02', '03', '04')")[0]["n"]
    assert 1100 <= labour <= 1500
    assert 650 <= away <= 880
    statuses = collections.Counter(r["exit_status"] for r in _rows(ctx, "SELECT exit_status FROM household"))
    assert statuses["1"] + statuses["4"] > 0.6 * 948
    assert statuses["0"] > 0
    assert 0 < statuses["3"] < 0.1 * 948


def test_incomes_sit_near_the_poverty_line_and_fit_the_exit_status(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    latest = {}
    years = collections.Counter()
    for row in _rows(ctx, "SELECT * FROM income_year ORDER BY year"):
        latest[row["household_id"]] = row
        years[row["household_id"]] += 1
        assert all(row[f] % 100 == 0 for f in ("wage", "production", "production_cost"))  # whole yuan, in fen
    assert set(years.values()) <= {2, 3}
    status = {r["id"]: r["exit_status"] for r in _rows(ctx, "SELECT id, exit_status FROM household")}
    line = 4000_00  # the latest current-price national line shipped in the reference data (2020)
    yuan = []
    for household_id, row in latest.items():
        income = per_person(net_income(row), row["persons"])
        assert income is not None
        yuan.append(income / 100)
        if status[household_id] in ("1", "4"):
            assert income >= line, household_id
        else:
            assert income < line, household_id
    near = sum(2500 <= y <= 6000 for y in yuan) / len(yuan)
    assert near > 0.8
    assert max(yuan) > 6000  # a tail
    assert 4000 <= sum(yuan) / len(yuan) <= 5000  # the speech: 4,527元


# -- consistent records ------------------------------------------------------------------------------------


def test_every_household_passes_the_register_s_validation(tmp_path: Path) -> None:
    ctx = _open(tmp_path / "home")
    demo.build_demo(ctx, households=200, seed=5)
    ids = [r["id"] for r in _rows(ctx, "SELECT id FROM household")]
    assert len(ids) == 200
    for household_id in ids:
        record = register.load_record(ctx.db, household_id)
        assert register.validate_record(record, ctx.ref) == {}, household_id
        assert 1 <= len(record.measures) <= 4
        assert len(record.indicators) == 9
    # and the register service can edit a demo household (natural ids of incomes and indicators match)
    original = register.load_record(ctx.db, ids[0])
    edited = register.load_record(ctx.db, ids[0])
    edited.members[0]["name"] = "王改名"
    edited.incomes[-1]["wage"] += 100_00
    edited.indicators[0]["met"] = not edited.indicators[0]["met"]
    register.save_record(ctx.writer, ctx.ref, edited, original)
    again = register.load_record(ctx.db, ids[0])
    assert again.members[0]["name"] == "王改名"
    assert len(again.incomes) == len(original.incomes)
    assert len(again.indicators) == 9
    ctx.close()


def test_ids_phones_and_numbers_are_valid_and_unique(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    members = _rows(ctx, "SELECT * FROM member")
    numbers = [m["id_no"] for m in members]
    assert len(set(numbers)) == len(numbers)
    regions = collections.Counter()
    for m in members:
        number = resident_id.validate(m["id_no"])
        assert resident_id.birth_date(number).isoformat() == m["birth_date"]
        assert resident_id.gender_code(number) == m["gender"]
        regions[number[:4]] += 1
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", m["name"]), m["name"]
    assert set(regions) == {"6110", "6125"}  # 商洛: 611002 商州区 (since 2002) and 6125xx (商洛地区 before)
    households = _rows(ctx, "SELECT hh_no, phone FROM household")
    assert len({h["hh_no"] for h in households}) == 948
    assert all(re.fullmatch(r"6110021050010\d{3}", h["hh_no"]) for h in households)
    phones = [h["phone"] for h in households if h["phone"]]
    assert len(phones) > 0.8 * 948
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) and validation.phone_problem(p) is None for p in phones)


def test_members_are_consistent_with_their_age_health_and_household(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    today = demo.reference_date()
    school_start = dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    relations = collections.Counter()
    for m in _rows(ctx, "SELECT m.*, h.attribute FROM member m JOIN household h ON h.id = m.household_id"):
        born = dt.date.fromisoformat(m["birth_date"])
        school_age = school_start.year - born.year - ((school_start.month, school_start.day) < (born.month, born.day))
        relations[m["relation"]] += 1
        if 6 <= school_age <= 11:
            assert m["schooling"] in ("03", "01")  # 小学 (or a drop-out)
        elif 12 <= school_age <= 14:
            assert m["schooling"] in (f"{school_age - 8:02d}", "01")  # 七/八/九年级
        elif school_age < 6 or school_age > 25:
            assert m["schooling"] in ("01", "02")
        if m["health"] == "04":
            assert m["disability_grade"] in ("1", "2", "3", "4")
            assert re.fullmatch(re.escape(m["id_no"]) + r"\d\d", m["disability_cert"])
        if m["work_status"] in ("02", "03", "04"):
            assert 1 <= m["work_months"] <= 12
            assert m["employer"]
            assert m["labour_skill"] in ("01", "02")
        support = ctx.ref["household_attribute"].by_code[m["attribute"]].attrs["support"]
        assert bool(m["dibao"]) == (support == "dibao")
        assert bool(m["tekun"]) == (support == "tekun")
        assert m["medical_insurance"] is not None
    for code in ("01", "02", "03", "04", "05", "07", "08"):
        assert relations[code] > 0, code
    assert relations["01"] == 948


def test_indicators_measures_and_cadres_fit_the_households(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    today = dt.date.today()
    households = {h["id"]: h for h in _rows(ctx, "SELECT * FROM household")}
    indicators = _rows(ctx, "SELECT * FROM indicator")
    assert len(indicators) == 9 * 948
    unmet = collections.Counter(i["code"] for i in indicators if not i["met"])
    assert 0 < sum(unmet.values()) < 0.2 * 948
    for i in indicators:
        h = households[i["household_id"]]
        assert i["checked_by"] == h["cadre_id"]
        assert dt.date.fromisoformat(i["checked_on"]) <= today
        if i["code"] == "housing_safety":
            assert bool(i["met"]) == (h["danger_grade"] == "0")
    measures = _rows(ctx, "SELECT * FROM measure")
    kinds = collections.Counter(m["type"] for m in measures)
    assert len(kinds) >= 10
    assert {m["industry"] for m in measures if m["type"] == "industry"} >= SIX_INDUSTRIES
    assert {m["post"] for m in measures if m["type"] == "public_welfare_job"} == {"forest", "cleaning"}
    assert any("雨露计划" in m["content"] for m in measures)
    assert any("小额信贷" in m["content"] for m in measures)
    assert all(m["amount"] is None or (m["amount"] > 0 and m["amount"] % 100 == 0) for m in measures)
    assert all(dt.date.fromisoformat(m["date"]) <= today for m in measures)
    safety_net = {k for k, h in households.items() if h["attribute"] in ("02", "03", "04", "06")}
    assert {m["household_id"] for m in measures if m["type"] == "social_security"} >= safety_net
    cadres = {c["id"]: c for c in _rows(ctx, "SELECT * FROM cadre")}
    paired = collections.Counter(h["cadre_id"] for h in households.values())
    assert 28 <= len(paired) <= 32
    assert max(paired.values()) - min(paired.values()) <= 1
    assert ctx.settings["cadre_id"] in paired  # the signed-in team leader has households too
    assert cadres[ctx.settings["cadre_id"]]["role"] == "leader"
    assert any(c["unit"] == "区国土资源局" for c in cadres.values())
    assert len({c["unit"] for c in cadres.values()}) >= 5


def test_safety_net_money_agrees_between_measure_and_income(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    latest = {r["household_id"]: r for r in _rows(ctx, "SELECT * FROM income_year ORDER BY year")}
    measures = _rows(ctx, "SELECT m.*, h.attribute FROM measure m JOIN household h ON h.id = m.household_id "
                          "WHERE m.type = 'social_security' AND h.attribute IN ('02', '03', '04', '06')")
    assert len(measures) == 79 + 7
    for m in measures:
        income = latest[m["household_id"]]
        if m["attribute"] in ("02", "04"):  # 低保
            assert m["amount"] == income["transfer_dibao"] > 0
            assert income["transfer_tekun"] == 0
        else:  # 特困供养
            assert m["amount"] == income["transfer_tekun"] > 0


def test_fresh_laptop_is_set_up_as_the_demo_district(village: tuple[AppContext, str]) -> None:
    ctx, _ = village
    assert ctx.is_set_up
    assert ctx.identity is not None
    assert ctx.settings["district_code"] == "611002"
    assert ctx.settings["town_name"] == "北宽坪镇"
    assert [name for _, name in setup.villages(ctx)] == ["桃园村"]
    assert ctx.cadre_name == "张建华"
    thresholds = _rows(ctx, "SELECT count(*) AS n FROM threshold")[0]["n"]
    years = {r["year"] for r in _rows(ctx, "SELECT DISTINCT year FROM income_year")}
    assert thresholds == len(ctx.ref.thresholds) + len(demo.DEMO_MONITORING_LINES) + len(years)
    standards = _rows(ctx, "SELECT year, source FROM threshold WHERE kind = 'exit_standard' AND year >= 2019")
    assert {r["year"] for r in standards} == years and all("演示数据" in r["source"] for r in standards)
    assert demo.has_households(ctx)


def test_every_exited_household_meets_the_exit_gate(village: tuple[AppContext, str]) -> None:
    """已脱贫 in the demo means what the exit gate asks: the latest income above that year's exit standard and
    every 两不愁三保障 indicator met; the households still poor are below it."""
    from fieldapp.services.workflow import gate

    ctx, _ = village
    verdicts = {r["id"]: (r["exit_status"], gate.exit_gate_of(ctx, r["id"]))
                for r in _rows(ctx, "SELECT id, exit_status FROM household")}
    exited = [g for status, g in verdicts.values() if status in ("1", "4")]
    assert len(exited) > 500
    assert [g.problems for g in exited if not g.passed] == []
    still_poor = [g for status, g in verdicts.values() if status == "0"]
    assert still_poor and all(g.per_person is not None and g.per_person <= (g.standard or 0) for g in still_poor)
    # the facts behind the indicators agree: no exited household has a drop-out, a member uninsured or a 危房
    assert _rows(ctx, "SELECT count(*) AS n FROM household h JOIN member m ON m.household_id = h.id "
                      "WHERE h.exit_status IN ('1', '4') AND NOT m.medical_insurance")[0]["n"] == 0
    assert _rows(ctx, "SELECT count(*) AS n FROM household WHERE exit_status IN ('1', '4') "
                      "AND danger_grade <> '0'")[0]["n"] == 0


# -- determinism -----------------------------------------------------------------------------------------


def test_same_seed_gives_the_same_register_and_another_seed_another(tmp_path: Path) -> None:
    built = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        ctx = _open(tmp_path / name)
        demo.build_demo(ctx, households=120, seed=seed)
        built.append(_content(ctx))
        ctx.close()
    first, again, other = built
    assert all(first[t] for t in CONTENT_TABLES)
    for table in CONTENT_TABLES:
        assert first[table] == again[table], table
    assert first["household"] != other["household"]
    assert {r[0] for r in first["member"]}.isdisjoint({r[0] for r in other["member"]})  # ids differ too


# -- the write path, progress, an existing register ---------------------------------------------------


def test_everything_is_written_through_the_change_log(tmp_path: Path) -> None:
    ctx = _open(tmp_path / "home")
    demo.build_demo(ctx, households=30, seed=2)
    for table in CONTENT_TABLES:
        rows = _rows(ctx, f"SELECT count(*) AS n FROM {table}")[0]["n"]
        logged = _rows(ctx, "SELECT count(*) AS n FROM change_log WHERE tbl = :t AND op = 'insert'", t=table)[0]["n"]
        assert logged == rows, table
    listed = _rows(ctx, "SELECT count(*) AS n FROM household_list WHERE per_person_income IS NOT NULL")[0]["n"]
    assert listed == 30
    ctx.close()


def test_progress_is_reported_per_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BATCH", 50)
    ctx = _open(tmp_path / "home")
    calls: list[tuple[int, int]] = []
    demo.build_demo(ctx, households=120, seed=4, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(50, 120), (100, 120), (120, 120)]
    ctx.close()


def test_an_already_set_up_laptop_gets_households_in_its_own_villages(ctx: AppContext) -> None:
    assert not demo.has_households(ctx)
    villages = dict(setup.villages(ctx))
    summary = demo.build_demo(ctx, households=40, seed=3)
    assert summary.startswith("40户 ")
    per_village = collections.Counter(r["village_id"] for r in _rows(ctx, "SELECT village_id FROM household"))
    assert set(per_village) == set(villages)  # 东村 and 西村
    assert sorted(per_village.values()) == [20, 20]
    assert _rows(ctx, "SELECT count(*) AS n FROM area")[0]["n"] == 4  # no demo district added
    demo.build_demo(ctx, households=40, seed=3)  # again: more households, nothing clashes
    assert _rows(ctx, "SELECT count(*) AS n FROM household")[0]["n"] == 80
    for column, table in (("id_no", "member"), ("hh_no", "household"), ("id", "member")):
        dupes = _rows(ctx, f"SELECT {column} FROM {table} GROUP BY {column} HAVING count(*) > 1")
        assert dupes == [], column


def test_no_households_is_refused(bare_ctx: AppContext) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        demo.build_demo(bare_ctx, households=0)
    assert not demo.has_households(bare_ctx)
    assert not bare_ctx.is_set_up
