"""``fieldapp-server export-analytics``: the de-identified SQLite extract of a seeded district (SQLite and
PostgreSQL servers): its contents against the hand-worked figures, foreign keys, full-text search, the
chart views, and no personal data anywhere in the file (every byte and every table searched)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from fieldapp.server.main import main as server_main
from fieldapp.services.analytics.extract import numeric_figures
from tests.helpers.district import District, seed_server
from tests.server.conftest import Backend, _capture

FORBIDDEN_COLUMNS = {"id_no", "phone", "bank_account", "bank_name", "health", "disability_grade", "disability_cert",
                     "head_name", "household_id", "member_id", "address", "content", "note", "narrative",
                     "author", "author_name", "employer", "hh_no", "birth_date", "payee", "voucher_no", "members",
                     "findings", "recorded_by_name"}


def export(home: Path, url: str, *args: str) -> tuple[int, str, str]:
    return _capture(server_main, ["--home", str(home), "--db", url, "export-analytics", *args])


@pytest.fixture
def seeded(tmp_path: Path, server_backend: Backend) -> tuple[Path, str, District]:
    home, url = tmp_path / "server-home", server_backend.url(tmp_path)
    return home, url, seed_server(home, url)


@pytest.fixture
def extract(tmp_path: Path, seeded: tuple[Path, str, District]) -> tuple[Path, District]:
    home, url, district = seeded
    out = tmp_path / "district.sqlite3"
    code, stdout, stderr = export(home, url, "--out", str(out), "--year", "2026")
    assert code == 0, stderr
    assert f"已导出 {out}（2026年）" in stdout and "households 3 行" in stdout
    assert "summary 1 行" in stdout and "summary_figure 3 行" in stdout  # 东村's week, its numbers only
    return out, district


def test_the_extract_holds_the_figures_per_village(extract: tuple[Path, District]) -> None:
    out, district = extract
    db = sqlite_utils.Database(out)
    ids = district.ids
    rows = {r["village_id"]: r for r in db["households"].rows}
    assert {k: (rows[ids[k]]["households"], rows[ids[k]]["people"]) for k in ("east", "west", "south")} == {
        "east": (3, 6), "west": (1, 4), "south": (2, 7)}
    assert sum(r["households"] for r in rows.values()) == 6 and sum(r["people"] for r in rows.values()) == 17
    assert (sum(r["exits_households"] for r in rows.values()), sum(r["exits_people"] for r in rows.values())) == (3, 11)
    assert rows[ids["west"]]["exits_undated"] == 1  # 丁四: typed 已脱贫 of 2026, no workflow
    assert (rows[ids["east"]]["general"], rows[ids["east"]]["dibao"], rows[ids["east"]]["tekun"]) == (1, 1, 1)
    measures = {(r["village_id"], r["type"]): r for r in db["measures"].rows}
    assert sum(r["planned"] for r in measures.values()) == 3
    assert measures[(ids["east"], "social_security")]["amount_fen"] == 480_000
    assert measures[(ids["east"], "social_security")]["type_label"] == "社保兜底"
    fruit = next(db["industries"].rows_where("industry = 'fruit'"))
    assert (fruit["village_id"], fruit["households"], fruit["plan"], fruit["amount_fen"]) == (
        ids["east"], 1, 2, 300_000)
    targets = {(r["area_id"], r["kind"]): r["value"] for r in db["target"].rows}
    assert targets[(ids["town1"], "households_exit")] == 3 and targets[(ids["district"], "people_exit")] == 12
    assert [(r["village_id"], r["out_year"], r["poor_village"]) for r in db["village_year"].rows] == [
        (ids["east"], 2026, 1)]
    levels = [(r["level"], r["name"], r["parent_id"]) for r in db["area"].rows]
    assert levels[0] == ("district", "商州区", None) and ("village", "南村", ids["town2"]) in levels
    about = {r["key"]: r["value"] for r in db["about"].rows}
    assert about["years"] == "2026" and "没有姓名" in about["privacy"]
    assert list(db["readme"].rows_where("kind = 'absent'")) == []  # projects are built; summaries are there
    assert [(r["village_id"], r["kind"], r["period"], r["signed"]) for r in db["summary"].rows] == [
        (ids["east"], "weekly", "2026-W10", 1)]
    assert {r["name"]: r["value"] for r in db["summary_figure"].rows} == {
        "visits.count": 7, "visits.households": 3, "measures_done": 2}
    described = {r["name"] for r in db["readme"].rows}
    fts = {n for n in db.table_names() if n.startswith(("area_fts", "project_fts"))}
    assert set(db.table_names()) - fts <= described
    assert set(db.view_names()) <= described


def test_the_extract_holds_the_projects_as_totals(extract: tuple[Path, District]) -> None:
    out, district = extract
    db = sqlite_utils.Database(out)
    ids = district.ids
    [project] = db["project"].rows
    assert {k: project[k] for k in ("id", "area_id", "town_id", "name", "type", "type_label", "industry",
                                    "industry_label", "unit", "status", "status_label")} == {
        "id": ids["project"], "area_id": ids["east"], "town_id": ids["town1"], "name": "东村核桃基地产业路",
        "type": "industry", "type_label": "产业", "industry": "fruit", "industry_label": "果",
        "unit": "北宽坪镇人民政府", "status": "completed", "status_label": "已完工"}
    assert (project["planned_start"], project["planned_end"], project["actual_start"], project["actual_end"],
            project["approved_on"]) == ("2026-03-01", "2026-06-30", "2026-03-15", "2026-05-30", "2026-03-01")
    assert (project["budget_total_fen"], project["approved_amount_fen"], project["disbursed_fen"]) == (
        20_000_000, 18_000_000, 6_000_000)
    assert (project["beneficiaries"], project["percent"]) == (1, 80)  # a count; the latest update's percent
    assert sorted((r["channel"], r["channel_label"], r["budget_fen"], r["disbursed_fen"])
                  for r in db["project_channel"].rows) == [
        ("local_finance", "本级财政", 5_000_000, 0), ("superior", "上级", 15_000_000, 6_000_000)]
    funds = [(r["area_id"], r["year"], r["channel"], r["budget_fen"], r["approved_budget_fen"], r["disbursed_fen"])
             for r in db["project_funds"].rows]  # the fund ledger per area, year and channel
    assert sorted(funds) == [(ids["east"], 2026, "local_finance", 5_000_000, 5_000_000, 0),
                             (ids["east"], 2026, "superior", 15_000_000, 15_000_000, 6_000_000)]
    assert [r["disbursed_yuan"] for r in db.query("SELECT * FROM fund_summary ORDER BY channel")] == [0.0, 60_000.0]
    [summary] = db.query("SELECT * FROM project_summary")
    assert (summary["town"], summary["village"], summary["name"], summary["budget_yuan"], summary["approved_yuan"],
            summary["disbursed_yuan"], summary["disbursed_percent"], summary["beneficiaries"]) == (
        "北宽坪镇", "东村", "东村核桃基地产业路", 200_000.0, 180_000.0, 60_000.0, 33.3, 1)
    assert [r["name"] for r in db["project"].search("核桃基")] == ["东村核桃基地产业路"]  # inside the name
    assert [r["id"] for r in db["project"].search("hetao")] == [ids["project"]]  # pinyin
    assert list(db["project"].search("西村道路")) == []
    found = db.execute("SELECT project.name FROM project_fts JOIN project ON project.rowid = project_fts.rowid "
                       "WHERE project_fts MATCH '产业路'").fetchall()
    assert found == [("东村核桃基地产业路",)]


def test_foreign_keys_views_and_full_text_search(extract: tuple[Path, District]) -> None:
    out, _ = extract
    db = sqlite_utils.Database(out)
    for table in ("village_year", "households", "measures", "industries", "progress"):
        assert [(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys] == [
            ("village_id", "area", "id")], table
    assert [(fk.column, fk.other_table) for fk in db["target"].foreign_keys] == [("area_id", "area")]
    assert [(fk.column, fk.other_table) for fk in db["area"].foreign_keys] == [("parent_id", "area")]
    assert sorted((fk.column, fk.other_table) for fk in db["project"].foreign_keys) == [
        ("area_id", "area"), ("town_id", "area")]
    assert [(fk.column, fk.other_table) for fk in db["project_channel"].foreign_keys] == [("project_id", "project")]
    with sqlite3.connect(out) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert [r["name"] for r in db["area"].search("南村")] == ["南村"]
    assert {r["name"] for r in db["area"].search("dong*")} == {"东村"}  # pinyin, prefix
    assert [r["name"] for r in db["area"].search("bkpz")] == ["北宽坪镇"]  # initials
    assert {"chart_distribution", "chart_measures", "chart_industries", "chart_progress", "village_status"} <= set(
        db.view_names())
    dist = {r["village"]: r for r in db.query("SELECT * FROM chart_distribution WHERE year = 2026")}
    assert (dist["东村"]["town"], dist["东村"]["households"], dist["南村"]["people"]) == ("北宽坪镇", 3, 7)
    progress = list(db.query("SELECT month, cumulative_households FROM chart_progress WHERE village = '南村'"))
    assert [r["cumulative_households"] for r in progress][4:6] == [1, 1]  # 己六 exited in May
    status = {r["village"]: r for r in db.query("SELECT * FROM village_status")}
    assert (status["东村"]["exit_target"], status["东村"]["exit_gap"], status["东村"]["out_year"]) == (2, 1, 2026)
    industries = {r["industry"]: r for r in db.query("SELECT * FROM chart_industries")}
    assert (industries["fruit"]["gap"], industries["fruit"]["amount_yuan"]) == (1, 3000.0)
    assert next(db.query("SELECT sum(amount_yuan) AS s FROM chart_measures"))["s"] == 12_800.0


def test_no_personal_data_anywhere_in_the_file(extract: tuple[Path, District]) -> None:
    out, district = extract
    secrets = ([p.name for p in district.people] + [p.id_no for p in district.people]
               + [p.phone for p in district.people] + district.bank_accounts + district.household_ids
               + district.member_ids + district.project_secrets
               + ["老槐树", "砖厂", "果树苗", "养牛", "纳入低保", "农商银行", "4421"])
    assert len(district.project_secrets) == 5  # the project's voucher, findings, notes are seeded
    raw = out.read_bytes()
    for value in secrets:
        for encoded in (value.encode("utf-8"), value.encode("utf-16-le"), value.encode("utf-16-be")):
            assert encoded not in raw, value
    db = sqlite_utils.Database(out)
    for table in db.table_names():
        columns = {c.name for c in db[table].columns}
        assert not columns & FORBIDDEN_COLUMNS, (table, columns & FORBIDDEN_COLUMNS)
        for row in db[table].rows:
            for value in row.values():
                text = str(value)
                assert not any(s in text for s in secrets), (table, text)
    for name in (p.name for p in district.people):
        assert list(db["area"].search(f'"{name}"')) == []
        assert list(db["project"].search(f'"{name}"')) == []


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path, seeded: tuple[Path, str, District]) -> None:
    home, url, _ = seeded
    out = tmp_path / "kept.sqlite3"
    out.write_bytes(b"an analyst's own file")
    code, _, stderr = export(home, url, "--out", str(out))
    assert code == 1 and "文件已存在" in stderr and "--force" in stderr
    assert out.read_bytes() == b"an analyst's own file"
    code, stdout, _ = export(home, url, "--out", str(out), "--force", "--year", "2025", "--year", "2026")
    assert code == 0 and "（2025、2026年）" in stdout
    assert sorted({r["year"] for r in sqlite_utils.Database(out)["households"].rows}) == [2025, 2026]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    code, _, stderr = export(home, url, "--out", str(tmp_path / "x.sqlite3"), "--year", "1899")
    assert code == 2 and "2000–2100" in stderr


def test_an_empty_server_has_nothing_to_export(tmp_path: Path, server_backend: Backend) -> None:
    out = tmp_path / "empty.sqlite3"
    code, _, stderr = export(tmp_path / "home", server_backend.url(tmp_path), "--out", str(out))
    assert code == 1 and "还没有区县、乡镇和村" in stderr and not out.exists()


def test_a_summarys_numbers_only() -> None:
    """What the extract takes from a summary's figures: numbers reached through objects, not lists or text."""
    found = numeric_figures('{"households": 12, "exits": {"households": 2, "people": 5.5, "ok": true},'
                            ' "names": ["邬璎珞"], "visits": [{"household": "x", "count": 3}], "note": "邬璎珞",'
                            ' "by": {"01a24dfc-bf54": 2, "邬璎珞": 1}}')
    assert found == [("households", 12), ("exits.households", 2), ("exits.people", 5.5), ("exits.ok", 1)]
    assert numeric_figures("not json") == []
