"""The household file (一户一档): every section, masking, computed income, history, page breaks."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from sqlalchemy import create_engine

from fieldapp.services import register, visits
from fieldapp.services.context import AppContext
from fieldapp.services.printing.household_file import render_household_file
from fieldapp.services.printing.household_history import visit_rows
from tests.printing import pdftools


def _file(ctx: AppContext, hid: str, tmp_path: Path, **kwargs: bool) -> Path:
    out = tmp_path / "household.pdf"
    render_household_file(ctx, hid, out, **kwargs)
    pdftools.qpdf_ok(out)
    return out


def _flat(text: str) -> str:
    return "".join(text.split())


def test_every_section_is_there(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    text = _flat(pdftools.text(_file(ctx, two_kinds["development"], tmp_path)))
    for expected in ("建档立卡户档案（一户一档）", "一、基本情况", "二、家庭成员", "三、收入情况",
                     "四、“两不愁三保障”及饮水安全", "五、生产生活条件", "六、帮扶措施", "变更记录", "王德福",
                     "王小梅", "长期慢性病", "一般脱贫户",
                     "缺技术", "王伟", "区国土资源局", "13912345678", "户主签名", "养殖中蜂10箱", "不愁吃", "未核查",
                     "户主（签字）"):
        assert expected in text, expected


def test_per_person_income_is_computed(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    text = pdftools.text(_file(ctx, two_kinds["development"], tmp_path))
    # 15,000 wages + 6,000 production − 1,200 costs = 19,800 for 3 people
    assert "19,800.00" in text and "6,600.00" in text


def test_ids_are_masked_unless_asked(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    hid = two_kinds["safety_net"]
    record = register.load_record(ctx.db, hid)
    full = [m["id_no"] for m in record.members]
    masked = pdftools.text(_file(ctx, hid, tmp_path))
    assert not pdftools.FULL_ID.search(_flat(masked))
    assert f"{full[0][:4]}**********{full[0][-4:]}" in masked
    assert "6217***********2333" in masked
    shown = pdftools.text(_file(ctx, hid, tmp_path, full_ids=True))
    assert all(number in shown for number in full)
    assert "6217000011112222333" not in shown and "6217***********2333" in shown  # bank data is its own choice
    bank = pdftools.text(_file(ctx, hid, tmp_path, bank=True))
    assert "6217000011112222333" in bank and not any(number in bank for number in full)


def test_history_shows_who_changed_what(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    hid = two_kinds["development"]
    original = register.load_record(ctx.db, hid)
    edited = copy.deepcopy(original)
    edited.household["phone"] = "13800001111"
    edited.household["main_cause"] = "09"
    register.save_record(ctx.writer, ctx.ref, edited, original)
    text = pdftools.text(_file(ctx, hid, tmp_path), layout=True)
    change = next(line for line in text.splitlines() if "主要致贫原因" in line and "王伟" in line)
    assert "缺技术" in change and "王伟" in change and "本机" in change
    assert re.search(r"联系电话\s+13800001111", text)
    assert "新建" in text  # the household's creation, as one row


def test_long_tables_break_with_their_header_repeated(ctx: AppContext, add_household: Callable[..., str],
                                                      tmp_path: Path) -> None:
    hid = add_household("张大户", members=[{"name": f"成员{i:02d}"} for i in range(45)])
    out = _file(ctx, hid, tmp_path)
    total = pdftools.pages(out)
    assert total >= 3
    second = _flat(pdftools.text(out, 2, 2))
    assert "成员30" in second or "成员40" in second
    assert "证件号码" in second and "与户主关系" in second  # the header row, again
    for page in range(1, total + 1):
        assert f"第{page}页共{total}页" in _flat(pdftools.text(out, page, page))


def test_a_long_address_wraps_inside_the_page(ctx: AppContext, add_household: Callable[..., str],
                                              tmp_path: Path) -> None:
    address = "陕西省商洛市商州区北宽坪镇桃园村第三村民小组一百二十三号小河边第二家院"
    assert len(address) >= 35
    hid = add_household("李长地址", address=address + "（靠近村委会）")
    out = _file(ctx, hid, tmp_path)
    words, sizes = pdftools.words(out)
    width = sizes[0][0]
    assert all(w.x1 <= width - 18 * mm + 2 for w in words), [w for w in words if w.x1 > width - 18 * mm + 2]
    assert "小河边第二家院" in _flat(pdftools.text(out))


def test_visits_are_left_out_when_the_register_has_no_visit_tables() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        assert visit_rows(conn, "x") is None


def test_visits_are_summarised(ctx: AppContext, two_kinds: dict[str, str], tmp_path: Path) -> None:
    hid = two_kinds["development"]
    out = _file(ctx, hid, tmp_path)
    assert "暂无走访记录" in pdftools.text(out)
    for day, found in ((3, "了解蜂箱越冬情况"), (9, "核实务工收入")):
        visits.save_visit(ctx, visits.VisitDraft(date=dt.date(2025, 5, day), type="01", household_id=hid,
                                                 found=found, done="已记录"), today=dt.date(2025, 6, 1))
    text = _flat(pdftools.text(_file(ctx, hid, tmp_path)))
    assert "共2次" in text and "最近一次2025-05-09" in text and "入户走访2次" in text
    assert "核实务工收入" in text and "王伟" in text.split("七、走访记录")[1]
    assert "八、变更记录" in text
    visits_part = text.split("七、走访记录")[1].split("八、变更记录")[0]
    assert "走访日期" in visits_part and "走访类型" in visits_part  # headers from the field catalogue
