"""A district on the district server's database, written through the one write path: 商州区 with two towns
(北宽坪镇: 东村, 西村; 杨峪河镇: 南村), six households with distinctive personal data (names, ID numbers, phones,
bank accounts, health and disability), their workflows, measures, targets and a village year.

The households, workflows, measures and targets are those of ``tests/charts/test_figures.py`` (whose values
are worked out by hand), so the expected figures here are the same:

- district: 6 households, 17 people; 北宽坪镇 4 households 10 people (一般 2, 低保 1, 特困 1), 杨峪河镇 2 / 7;
- exits of 2026: 3 households (乙二 March, 己六 May, 丁四 typed, year only), 11 people; targets: households 4
  (3 + 1 from the towns; 东村 2 of its own), people 12; 东村 摘帽 in 2026;
- measures of 2026 in the district: 3 planned, 2 done, 3 households; industry 果业 1 household of 2 planned;
- one project of 东村, 东村核桃基地产业路 (completed, acceptance failed): budget 200 000 元 (上级 150 000, 本级财政
  50 000), approved 180 000, disbursed 60 000 from 上级 to a person by name, one beneficiary household, progress
  80% with a note naming a person — the names, voucher, findings and notes are in ``District.project_secrets``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.domain import charts as ch
from fieldapp.domain.ids import natural_id
from fieldapp.domain.refdata import RefData
from fieldapp.server.storage import open_server
from fieldapp.store.db import Database
from fieldapp.store.models import (
    Household,
    Measure,
    Member,
    Project,
    ProjectAcceptance,
    ProjectBeneficiary,
    ProjectBudget,
    ProjectDisbursement,
    ProjectProgress,
    Summary,
)
from fieldapp.store.writer import Actor, ChangeWriter, shared_clock
from tests.helpers.charts import add_area, finish_workflow, set_target, set_village_year
from tests.helpers.idgen import resident_id


@dataclass
class Writing:
    """What the chart helpers take from an app context: a writer and the reference data."""

    db: Database
    writer: ChangeWriter
    ref: RefData = field(default_factory=RefData)


@dataclass(frozen=True)
class Person:
    name: str
    id_no: str
    phone: str


# head name, village key, group, attribute, members, extra household fields
HOUSEHOLDS: dict[str, tuple[str, str, int, str, int, dict[str, Any]]] = {
    "A": ("邬璎珞", "east", 1, "01", 3, {}),
    "B": ("蔺晏殊", "east", 2, "04", 2, {}),
    "C": ("阙霁月", "east", 1, "06", 1, {}),
    "D": ("亓官翊", "west", 1, "05", 4, {"exit_status": "1", "exit_year": 2026}),
    "E": ("璩骁骞", "south", 3, "07", 2, {}),
    "F": ("笪沁苒", "south", 3, "01", 5, {}),
}


@dataclass
class District:
    ids: dict[str, str]
    people: list[Person]  # every member written, with their ID number and the household's phone
    bank_accounts: list[str]
    member_ids: list[str]
    project_secrets: list[str] = field(default_factory=list)  # project text the extract must leave out

    @property
    def household_ids(self) -> list[str]:
        return [self.ids[k] for k in HOUSEHOLDS]


def _household(w: Writing, n: int, key: str, village_id: str) -> tuple[str, list[Person], str, list[str]]:
    head, _, group, attribute, members, extra = HOUSEHOLDS[key]
    phone, bank = f"139876{n:05d}", f"62284800{n:011d}"
    people: list[Person] = []
    member_ids: list[str] = []
    with w.writer.transaction() as txn:
        hid = str(txn.insert(Household, {
            "village_id": village_id, "group_no": group, "hh_no": f"61100277{n:04d}", "main_cause": "01",
            "attribute": attribute, "exit_status": "0", "standard": "01", "phone": phone, "bank_name": "农商银行",
            "bank_account": bank, "address": f"{head}家门前老槐树下", "note": f"{head}的家：电话 {phone}", **extra}))
        for i in range(members):
            name = head if i == 0 else f"{head[0]}{'甲乙丙丁戊'[i - 1]}瑾"
            id_no = resident_id(100 + 10 * n + i, dt.date(1960 + 5 * i, 1 + n, 3))
            member_ids.append(str(txn.insert(Member, {
                "household_id": hid, "name": name, "relation": "01" if i == 0 else "03", "id_no": id_no,
                "health": "03" if i == 0 else "02", "disability_grade": "2" if i == 1 else None,
                "disability_cert": f"6110021960{n:02d}{i:02d}4421" if i == 1 else None,
                "employer": f"{name}打工的砖厂"})))
            people.append(Person(name, id_no, phone))
    return hid, people, bank, member_ids


def _measure(w: Writing, hid: str, kind: str, content: str, *, industry: str | None = None,
             amount: int | None = None, on: dt.date | None = None) -> None:
    with w.writer.transaction() as txn:
        txn.insert(Measure, {"household_id": hid, "type": kind, "content": content, "industry": industry,
                             "amount": amount, "date": on, "responsible_unit": "区农业农村局"})


def seed(db: Database, device_id: str) -> District:
    """Write the district (see the module docstring) into a server database."""
    w = Writing(db, ChangeWriter(db, Actor(device_id, None, "测试数据"), shared_clock(db)))
    district = add_area(w, "district", "商州区", None, "611002")  # type: ignore[arg-type]
    town1 = add_area(w, "town", "北宽坪镇", district, "611002100")  # type: ignore[arg-type]
    town2 = add_area(w, "town", "杨峪河镇", district, "611002200")  # type: ignore[arg-type]
    ids = {"district": district, "town1": town1, "town2": town2,
           "east": add_area(w, "village", "东村", town1, "611002100001"),  # type: ignore[arg-type]
           "west": add_area(w, "village", "西村", town1, "611002100002"),  # type: ignore[arg-type]
           "south": add_area(w, "village", "南村", town2, "611002200001")}  # type: ignore[arg-type]
    people: list[Person] = []
    banks: list[str] = []
    members: list[str] = []
    for n, key in enumerate(HOUSEHOLDS, start=1):
        ids[key], found, bank, member_ids = _household(w, n, key, ids[HOUSEHOLDS[key][1]])
        people += found
        banks.append(bank)
        members += member_ids
    finish_workflow(w, ids["B"], "exit", dt.date(2026, 3, 10))  # type: ignore[arg-type]
    finish_workflow(w, ids["C"], "monitoring", dt.date(2026, 4, 2), category="01",  # type: ignore[arg-type]
                    risk_type="01")
    finish_workflow(w, ids["F"], "exit", dt.date(2026, 5, 20))  # type: ignore[arg-type]
    finish_workflow(w, ids["E"], "identification", dt.date(2026, 1, 8))  # type: ignore[arg-type]
    _measure(w, ids["A"], "industry", f"为{HOUSEHOLDS['A'][0]}发放果树苗", industry="fruit", amount=300_000,
             on=dt.date(2026, 2, 1))
    _measure(w, ids["F"], "industry", f"{HOUSEHOLDS['F'][0]}养牛", industry="livestock", amount=500_000)
    _measure(w, ids["B"], "social_security", f"{HOUSEHOLDS['B'][0]}纳入低保", amount=480_000,
             on=dt.date(2025, 1, 1))
    set_target(w, town1, 2026, ch.TARGET_HOUSEHOLDS, 3)  # type: ignore[arg-type]
    set_target(w, town2, 2026, ch.TARGET_HOUSEHOLDS, 1)  # type: ignore[arg-type]
    set_target(w, district, 2026, ch.TARGET_PEOPLE, 12)  # type: ignore[arg-type]
    set_target(w, ids["east"], 2026, "industry_fruit", 2)  # type: ignore[arg-type]
    set_target(w, ids["east"], 2026, ch.TARGET_HOUSEHOLDS, 2)  # type: ignore[arg-type]
    set_village_year(w, ids["east"], 2026, out_year=2026)  # type: ignore[arg-type]
    _summary(w, ids["east"], people[0])
    ids["project"], secrets = _project(w, ids, people)
    return District(ids, people, banks, members, secrets)


PROJECT_NAME = "东村核桃基地产业路"


def _project(w: Writing, ids: dict[str, str], people: list[Person]) -> tuple[str, list[str]]:
    """东村's project, whose beneficiary, payee, voucher, progress note and acceptance name people."""
    voucher, findings = "记字2026第0417号", "路基沉降需返工，验收组不同意通过"
    progress_note, beneficiary_note = f"{people[0].name}家门口路段完工", f"{people[0].name}家核桃苗补助"
    with w.writer.transaction() as txn:
        pid = str(txn.insert(Project, {
            "village_id": ids["east"], "town_id": ids["town1"], "name": PROJECT_NAME, "type": "industry",
            "industry": "fruit", "unit": "北宽坪镇人民政府", "planned_start": dt.date(2026, 3, 1),
            "planned_end": dt.date(2026, 6, 30), "actual_start": dt.date(2026, 3, 15),
            "actual_end": dt.date(2026, 5, 30), "budget_total": 20_000_000, "approved_amount": 18_000_000,
            "approved_on": dt.date(2026, 3, 1), "status": "completed", "note": f"联系人{people[1].name}"}))
        for channel, amount in (("superior", 15_000_000), ("local_finance", 5_000_000)):
            txn.insert(ProjectBudget, {"id": natural_id("project_budget", pid, channel), "project_id": pid,
                                       "village_id": ids["east"], "channel": channel, "amount": amount})
        txn.insert(ProjectBeneficiary, {"id": natural_id("project_beneficiary", pid, ids["A"]), "project_id": pid,
                                        "household_id": ids["A"], "amount": 200_000, "note": beneficiary_note})
        txn.insert(ProjectDisbursement, {"project_id": pid, "village_id": ids["east"], "date": dt.date(2026, 4, 1),
                                         "amount": 6_000_000, "channel": "superior", "payee": people[3].name,
                                         "voucher_no": voucher, "recorded_by_name": people[4].name})
        txn.insert(ProjectProgress, {"project_id": pid, "village_id": ids["east"], "date": dt.date(2026, 4, 20),
                                     "percent": 40, "note": "路基完成", "recorded_by_name": people[4].name})
        txn.insert(ProjectProgress, {"project_id": pid, "village_id": ids["east"], "date": dt.date(2026, 5, 20),
                                     "percent": 80, "note": progress_note, "recorded_by_name": people[4].name})
        txn.insert(ProjectAcceptance, {"project_id": pid, "village_id": ids["east"], "date": dt.date(2026, 6, 5),
                                       "members": f'["{people[5].name}", "{people[6].name}"]', "findings": findings,
                                       "passed": False, "recorded_by_name": people[5].name})
    return pid, [voucher, findings, progress_note, beneficiary_note, "路基完成"]


def _summary(w: Writing, village: str, person: Person) -> None:
    """东村's signed weekly summary, whose narrative names a person and their ID (the extract keeps neither)."""
    figures = '{"visits": {"count": 7, "households": 3}, "measures_done": 2}'
    with w.writer.transaction() as txn:
        txn.insert(Summary, {"id": natural_id("summary", village, "weekly", "2026-W10"), "village_id": village,
                             "kind": "weekly", "period": "2026-W10", "figures": figures,
                             "narrative": f"走访{person.name}（{person.id_no}，{person.phone}）", "generated_at": 1,
                             "author_name": person.name, "signed_at": 2})


def seed_server(home: Path, db_url: str) -> District:
    """Open the server's home and database (as ``fieldapp-server`` does) and seed the district in it."""
    server = open_server(db_url, home, log_to_file=False)
    try:
        return seed(server.db, server.device_id)
    finally:
        server.close()
