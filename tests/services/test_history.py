"""A household's change history in words: record kinds, field labels, code labels, names, 元, local time.

The changes are made through the real write path (register and visit services); the
history read back must not show a table name, a column name or an id anywhere.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable

import pytest

from fieldapp.domain.refdata import RefData
from fieldapp.services import history, register, visits
from fieldapp.services.context import AppContext
from fieldapp.store.models import Cadre
from fieldapp.store.queries import HistoryEntry

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
RAW = re.compile(r"\b(follow_up|visit_cadre|visit_measure|income_year|cadre_id|member_id|visit_id|household_id|"
                 r"main_cause|hh_no)\b")
TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


@pytest.fixture
def edited(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    """A household whose cause, cadre, measures and visits were changed through the services."""
    me = str(ctx.settings["cadre_id"])
    hid = make_household("李大山", identified_on=dt.date(2020, 1, 1))
    with ctx.writer.transaction() as txn:
        other = txn.insert(Cadre, {"name": "赵敏", "role": "member"})
    original = register.load_record(ctx.db, hid)
    record = copy.deepcopy(original)
    record.household["main_cause"] = "02"
    record.household["cadre_id"] = me
    helped = record.members[1]["id"]
    record.measures.append({"household_id": hid, "type": "industry", "content": "发放鸡苗", "amount": 150000,
                            "member_id": helped, "date": dt.date(2025, 2, 1)})
    register.save_record(ctx.writer, ctx.ref, record, original)
    visit = visits.save_visit(ctx, visits.VisitDraft(
        date=dt.date(2025, 3, 1), type="01", household_id=hid, found="住房漏雨",
        cadre_ids=[me, other], follow_ups=[visits.FollowUpDraft("联系维修", dt.date(2025, 3, 20))]),
        today=dt.date(2025, 3, 2))
    return {"household": hid, "me": me, "other": other, "visit": visit, "helped": record.members[1]["name"]}


def lines_of(ctx: AppContext, hid: str, lang: str = "zh-Hans") -> list[history.HistoryLine]:
    with ctx.db.read() as conn:
        return history.full_household_history(conn, ctx.ref, hid, lang=lang,
                                              own_device=ctx.identity.device_id if ctx.identity else "")


def test_history_reads_in_words_without_table_names_column_names_or_ids(
        ctx: AppContext, edited: dict[str, str]) -> None:
    lines = lines_of(ctx, edited["household"])
    assert lines
    for line in lines:
        text = " | ".join((line.record, line.target, line.field, line.old, line.new, line.user, line.device))
        assert not UUID.search(text), text
        assert not RAW.search(text), text
        assert TIME.match(line.when), line.when
        assert line.user == "王伟" and line.device == "本机"
    cause = ctx.ref["poverty_cause"]
    by_field: dict[tuple[str, str], history.HistoryLine] = {}
    for ln in lines:  # newest first: the latest change of each field
        by_field.setdefault((ln.target, ln.field), ln)
    main = by_field["户", "主要致贫原因"]
    assert (main.old, main.new) == (cause.label("01"), cause.label("02"))
    assert by_field["户", "包扶责任人"].new == "王伟"
    visit_label = f"2025-03-01 {ctx.ref['visit_type'].label('01')}"
    assert by_field[f"走访 {visit_label}", "情况"].new == "住房漏雨"
    cadres = {ln.new for ln in lines if ln.field == "参与干部"}
    assert cadres == {"王伟", "赵敏"}
    assert {ln.record for ln in lines if ln.field == "参与干部"} == {"走访干部"}
    follow = by_field[f"后续事项 {visit_label}", "后续事项"]
    assert (follow.record, follow.new) == ("后续事项", "联系维修")
    assert by_field[f"后续事项 {visit_label}", "期限"].new == "2025-03-20"
    measure = f"措施 {ctx.ref['measure_type'].label('industry')}"
    assert by_field[measure, "金额（元）"].new == "1,500.00"
    assert by_field[measure, "受益成员"].new == edited["helped"]


def test_history_follows_the_language(ctx: AppContext, edited: dict[str, str]) -> None:
    lines = lines_of(ctx, edited["household"], lang="en")
    fields = {ln.field for ln in lines}
    assert {"Main cause of poverty", "Responsible cadre", "Cadre", "Due date"} <= fields
    assert {ln.record for ln in lines} >= {"Household", "Visit", "Visiting cadre", "Follow-up", "Measure"}
    assert {ln.device for ln in lines} == {"This computer"}
    hant = lines_of(ctx, edited["household"], lang="zh-Hant")
    assert "主要致貧原因" in {ln.field for ln in hant}


def test_describe_is_a_function_of_the_entries_and_names(ctx: AppContext) -> None:
    """Values from another device, a deletion, a household reference and an unknown id, without a database."""
    entries = [
        HistoryEntry(7, 1 << 20, "dev-a-0000-1111-22223333", "李四", "visit", "v1", "update", "household_id",
                     "h2", "h1"),
        HistoryEntry(7, 1 << 20, "dev-a-0000-1111-22223333", "李四", "visit", "v1", "update", "created_by",
                     "c-unknown-id-123", None),
        HistoryEntry(6, 1 << 19, "mine", None, "member", "m1", "delete", "deleted", True, None),
        HistoryEntry(5, 1 << 18, "mine", None, "member", "m1", "update", "id_no", "610102199001011234", None),
    ]
    names = history.HistoryNames(targets={"v1": "走访 2025-03-01 入户走访", "m1": "成员 张三"},
                                 names={"h1": "611002000001", "h2": "611002000002"})
    # household_id is bookkeeping on the household's own parts; a visit moved between households is not.
    lines = history.describe(entries, names, ctx.ref.fields, own_device="mine", masked=True)
    assert [(ln.field, ln.old, ln.new) for ln in lines] == [
        ("记录人", "", "c-unknow"),
        ("整条记录", "", "已删除"),
        ("证件号码", "", "6101**********1234"),
    ]
    assert lines[0].device == "设备 22223333" and lines[0].user == "李四"
    assert lines[1].device == "本机" and lines[1].user == "—" and lines[1].target == "成员 张三"


def test_catalogue_covers_every_synced_column() -> None:
    """Every column a change can carry has a label, so no history line shows a column name."""
    from fieldapp.store.models import SYNC_COLUMNS, SYNCED_MODELS

    fields = RefData().fields
    missing = [(m.__tablename__, c.name) for m in SYNCED_MODELS  # type: ignore[attr-defined]
               for c in m.__table__.columns  # type: ignore[attr-defined]
               if c.name not in SYNC_COLUMNS - {"deleted"} and c.name not in history.SKIP_ALWAYS
               and (m.__tablename__, c.name) not in fields]  # type: ignore[attr-defined]
    assert missing == []
    assert all(fields.table_label(m.__tablename__) != m.__tablename__ for m in SYNCED_MODELS)  # type: ignore[attr-defined]


def test_cli_prints_the_history_in_words_with_ids_masked(ctx: AppContext, edited: dict[str, str],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli.main import main

    hh_no = register.load_record(ctx.db, edited["household"]).household["hh_no"]
    assert main(["history", hh_no, "--limit", "4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4
    assert all(line.endswith("王伟（本机）") for line in out)
    assert not [line for line in out if RAW.search(line) or UUID.search(line)]
    assert main(["history", hh_no]) == 0
    everything = capsys.readouterr().out
    assert "主要致贫原因\t因病 → 因残\t" in everything
    assert "后续事项 2025-03-01" in everything and "参与干部\t赵敏" in everything
    assert not re.search(r"\d{17}[\dX]", everything)  # ID numbers masked
    assert main(["history", hh_no, "--lang", "en"]) == 0
    assert "Main cause of poverty\tIllness → Disability\t王伟 (This computer)" in capsys.readouterr().out
    assert main(["history", "没有这户"]) == 1
    assert "找不到户" in capsys.readouterr().err
