"""No public document shows a full ID number, wherever the number hides.

The demo village gets awkward data first: IDs typed into a household's note, a measure, a
visit's text and a head's name field, a member whose ID has a bad check digit, and a
cross-check list with bad check digits and numbers too long or too short. Then every
document a cadre can print from it is rendered and its text searched for a run of 17 digits,
and, with the whitespace taken out (a number wrapped in a narrow cell), for the first 17
digits of every ID number the register and the list hold. The disclosure notices (资金公示, posted
for the whole village) are also searched for the bank account and the health measure.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from fieldapp.services import demo
from fieldapp.services.context import AppContext
from fieldapp.services.excel.crosscheck import check_list
from fieldapp.services.excel.report import write_report_pdf
from fieldapp.services.printing.archive import render_archive
from fieldapp.services.printing.cards import household_ids, render_cards
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.printing.ledger import render_ledger
from fieldapp.services.printing.notice import render_notice
from fieldapp.store.models import Household, HouseholdListRow, Measure, Member, Visit, VisitCadre
from fieldapp.store.queries import HouseholdQuery
from tests.disclosure.documents import disclosure_documents
from tests.helpers.idgen import resident_id
from tests.printing import pdftools

RUN_OF_17 = re.compile(r"\d{17}")
BANK, HEALTH = "6217000011112222333", "住院医疗救助4321元"
TODAY = dt.date(2026, 6, 30)


def _awkward(ctx: AppContext) -> tuple[str, str]:
    """Hide ID numbers in the demo's free text; returns (household id, the cadre who visited it)."""
    m, me, v, lst = Member.__table__, Measure.__table__, Visit.__table__, HouseholdListRow.__table__
    with ctx.db.read() as conn:
        vc = VisitCadre.__table__
        visit = conn.execute(select(v.c.id, v.c.household_id, vc.c.cadre_id).join(vc, vc.c.visit_id == v.c.id).where(
            v.c.household_id.is_not(None), v.c.deleted.is_(False)).order_by(v.c.date.desc())).first()
        assert visit is not None
        hid = visit.household_id
        head = conn.execute(select(lst.c.head_id_no).where(lst.c.household_id == hid)).scalar()
        members = conn.execute(select(m.c.id, m.c.relation).where(m.c.household_id == hid)).all()
        measure = conn.execute(select(me.c.id).where(me.c.household_id == hid, me.c.type != "health")).scalar()
    other = resident_id(7, dt.date(1988, 8, 8))
    bad_check = other[:17] + ("0" if other[17] != "0" else "1")
    with ctx.writer.transaction() as txn:  # as another laptop or an old register may hold them
        txn.update(Household, hid, {"note": f"户主身份证{head}，银行卡6217000011112222333"})
        txn.update(Visit, visit.id, {"found": f"核对户主证件{head}与家人证件 {other} 一致",
                                     "done": f"补录证件号{bad_check}（校验位待核）"})
        txn.insert(Measure, {"household_id": hid, "type": "health", "content": HEALTH})
        if measure:
            txn.update(Measure, measure, {"content": f"为{other}办理小额信贷"})
        else:
            txn.insert(Measure, {"household_id": hid, "type": "industry", "content": f"为{other}办理小额信贷"})
        spare = next((r.id for r in members if r.relation != "01"), None)
        if spare:
            txn.update(Member, spare, {"id_no": bad_check, "name": f"李四{bad_check}"})
    return str(hid), str(visit.cadre_id)


def _check_list(tmp_path: Path, head: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["低保名单"])
    ws.append(["序号", "姓名", "身份证号码", "保障金额"])
    bad = head[:17] + ("0" if head[17] != "0" else "1")
    for i, (name, number) in enumerate((("甲", bad), ("乙", head + "1"), ("丙", head[:17]), ("丁", head),
                                        ("戊", float(head[:17]))), start=1):
        ws.append([i, name, number, 300])
    path = tmp_path / "低保名单.xlsx"
    wb.save(path)
    return path


def test_no_public_document_shows_a_full_id(bare_ctx: AppContext, tmp_path: Path) -> None:
    ctx = bare_ctx
    demo.build_demo(ctx, households=25, seed=3, today=TODAY)
    hid, cadre = _awkward(ctx)
    with ctx.db.read() as conn:
        head = str(conn.execute(select(HouseholdListRow.__table__.c.head_id_no).where(
            HouseholdListRow.__table__.c.household_id == hid)).scalar())
    ids = household_ids(ctx)
    documents = {
        "cards": lambda out: render_cards(ctx, ids, out),
        "household": lambda out: render_household_file(ctx, hid, out, today=TODAY),
        "notice": lambda out: render_notice(ctx, [*ids[:5], hid], out, kind="entry", start=TODAY,
                                            end=TODAY + dt.timedelta(days=6), contact="王主任 13800001111",
                                            today=TODAY),
        "ledger": lambda out: render_ledger(ctx, HouseholdQuery(), out, today=TODAY),
        "archive": lambda out: render_archive(ctx, cadre, out, year=TODAY.year, today=TODAY),
        "check-list": lambda out: write_report_pdf(check_list(ctx, _check_list(tmp_path, head), "dibao"), out),
        **disclosure_documents(ctx, [hid, *ids[:5]], TODAY, bank_account=BANK),
    }
    with ctx.db.read() as conn:
        known = {str(n)[:17] for n in conn.execute(select(Member.__table__.c.id_no)).scalars() if n}
    assert len(known) > 50
    leaks = {}
    for name, render in documents.items():
        out = tmp_path / f"{name}.pdf"
        render(out)
        text = pdftools.text(out)
        flat = "".join(text.split())
        found = RUN_OF_17.findall(text) + [n for n in known if n in flat]
        if found:
            leaks[name] = found
    assert leaks == {}
    for name in (n for n in documents if n.startswith("disclosure-")):  # no bank data, no health details
        flat = "".join(pdftools.text(tmp_path / f"{name}.pdf").split())
        assert BANK not in flat and HEALTH not in flat and "健康" not in flat, name
    assert "**********" in "".join(pdftools.text(tmp_path / "disclosure-subsidy.pdf").split())
    # the awkward data was printed (masked), not left out
    assert f"户主身份证{head[:4]}**********{head[-4:]}" in "".join(pdftools.text(tmp_path / "household.pdf").split())
    assert f"核对户主证件{head[:4]}" in "".join(pdftools.text(tmp_path / "archive.pdf").split())
