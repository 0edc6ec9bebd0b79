"""``fieldapp --self-test``: prove that this installation works, without touching the user's data.

Runs in a fresh temporary folder (removed afterwards) and goes through what a cadre's
laptop does every day, each step printed with its time:

1. open a fresh register (the Alembic migrations run from the shipped files),
2. set the laptop up and create a household through the register service (the one write path),
3. render its door card (信息公示牌) to PDF with the bundled fonts (the head's name has rare
   characters, so each fallback font is needed) and read it back with PDFium,
4. write a sync package for a second device (a simulated district), import it there, answer
   with a reply package and import that on the laptop,
5. start the Qt front end off-screen: bundled font, translations, image plugins, main window;
6. with ``--self-test-cards N`` only: print the door cards of N households into one PDF as the desktop app's
   print jobs do, drawn by a child process (in a frozen build: the executable started again as that child,
   which ``multiprocessing.freeze_support`` in the entry point turns into the child's work).

Exit code 0 when every step passed; 1 with the failing step named (and its traceback on
stderr) otherwise. The frozen build's smoke test, the installers' tests and CI run it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fieldapp import __version__, paths

if TYPE_CHECKING:
    from fieldapp.services.context import AppContext

log = logging.getLogger("fieldapp.selftest")

# rare characters (Ext B, F, G) too: each needs one of the bundled fallback fonts, so a build without them fails
HEAD_NAME = "自检户主𠮷𬺰𰻝"
HH_NO = "611002990001"


class SelfTestFailure(Exception):
    """A check inside a step did not hold (the message says which)."""


def _check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


@dataclass
class State:
    """What the steps hand on to each other."""

    work: Path
    ctx: AppContext | None = None
    household_id: str = ""


SELF_TEST_PASSWORD = "self-test-only"  # the self-test's own throw-away register


def step_database(st: State) -> str:
    from fieldapp.services.context import open_context
    from fieldapp.store.db import SCHEMA_VERSION

    # encrypted (SQLCipher) with a throw-away key: proves a frozen build bundles sqlcipher3
    st.ctx = open_context(paths.DataPaths(home=st.work / "laptop"), key=os.urandom(32))
    version = st.ctx.db.user_version()
    _check(version == SCHEMA_VERSION, f"数据库结构版本为 {version}，应为 {SCHEMA_VERSION}")
    _check(st.ctx.db.scalar("PRAGMA journal_mode") == "wal", "数据库未使用 WAL 模式")
    _check(st.ctx.db.key is not None and not st.ctx.paths.database.read_bytes().startswith(b"SQLite format"),
           "数据库未加密")
    return f"结构版本 {version}，{st.ctx.paths.database.name}（加密）"


def step_household(st: State) -> str:
    from fieldapp.domain.resident_id import check_digit
    from fieldapp.services import register
    from fieldapp.services.people.auth import sign_in
    from fieldapp.services.setup import SetupInfo, run_setup, villages

    ctx = _ctx(st)
    run_setup(ctx, SetupInfo(district="自检区", town="自检镇", villages=["自检村"], cadre_name="自检干部",
                             district_code="611002", password=SELF_TEST_PASSWORD))
    # from here on as the first account, through a real login: its roles are checked on every write
    ctx.close()
    ctx = st.ctx = sign_in(ctx.paths, "自检干部", SELF_TEST_PASSWORD)
    session = ctx.session
    assert session is not None
    first17 = "61100219800101001"
    record = register.HouseholdRecord(
        household={"village_id": villages(ctx)[0][0], "group_no": 1, "hh_no": HH_NO, "main_cause": "01",
                   "attribute": "01", "exit_status": "0", "standard": "01"},
        members=[{"name": HEAD_NAME, "relation": "01", "id_no": first17 + check_digit(first17)}])
    st.household_id = register.save_record(ctx.writer, ctx.ref, record)
    loaded = register.load_record(ctx.db, st.household_id)
    _check(loaded.household["hh_no"] == HH_NO, "读回的户编号不一致")
    _check([m["name"] for m in loaded.members] == [HEAD_NAME], "读回的家庭成员不一致")
    listed = ctx.db.scalar("SELECT head_name FROM household_list WHERE household_id = :h", h=st.household_id)
    _check(listed == HEAD_NAME, "农户列表中没有新建的户")
    changes = int(str(ctx.db.scalar("SELECT count(*) FROM change_log WHERE household_id = :h", h=st.household_id)))
    _check(changes >= 2, "修改记录（change_log）缺失")
    by = ctx.db.scalar("SELECT user_id FROM change_log WHERE household_id = :h LIMIT 1", h=st.household_id)
    _check(by == session.person_id, "修改记录未记下登录的账户")
    return f"户 {HH_NO}，修改记录 {changes} 条（账户 {session.name} 登录后写入）"


def step_door_card(st: State) -> str:
    import pypdfium2

    from fieldapp.services.printing import cards

    ctx = _ctx(st)
    out = st.work / "门牌.pdf"
    result = cards.render_cards(ctx, [st.household_id], out, paper="A4-landscape")
    data = out.read_bytes()
    _check(data.startswith(b"%PDF-") and result.cards == 1, "门牌 PDF 文件不完整")
    _check(b"+WenQuanYiMicroHei" in data, "门牌 PDF 未嵌入内置中文字体（子集）")
    for face in (b"+HanaMinA", b"+HanaMinB", b"+BabelStoneHan"):
        _check(face in data, f"门牌 PDF 未嵌入生僻字字体 {face[1:].decode()}（子集）")
    pdf = pypdfium2.PdfDocument(data)
    try:
        _check(len(pdf) == 1, f"门牌 PDF 应为 1 页，实为 {len(pdf)} 页")
        page = pdf[0]
        text = page.get_textpage().get_text_range()
        bitmap = page.render(scale=0.5)
        width, height = bitmap.width, bitmap.height
    finally:
        pdf.close()
    _check(HEAD_NAME in text, "门牌 PDF 中读不出户主姓名（字体或文字编码有误）")
    return f"{len(data) // 1024} KB，1 页，已用 PDFium 读回并渲染（{width}×{height}）"


def step_sync(st: State) -> str:
    from fieldapp.services import identity as identity_mod
    from fieldapp.services import syncing
    from fieldapp.store.db import Database
    from fieldapp.sync import package, service
    from fieldapp.sync.district import public_identity, register_peer

    ctx = _ctx(st)
    laptop = syncing.replica_of(ctx)
    home = st.work / "district"
    db = Database.open(home / "register.sqlite3")
    try:
        district = service.Replica(db, identity_mod.create(home / "device"), None)
        register_peer(ctx.db, public_identity(district.identity, "自检区县"), scope=None)
        register_peer(db, public_identity(laptop.identity, "自检笔记本"), scope=laptop.scope)
        stick = st.work / "usb"
        written = service.export_to(laptop, district.device_id, stick)
        header = package.read_header(written.read_bytes())
        _check(header["recipient"] == district.device_id, "同步包的接收方不对")
        result = service.import_file(district, written)
        _check(result.stats.applied > 0, "区县端没有应用任何修改")
        head = db.scalar("SELECT head_name FROM household_list WHERE household_id = :h", h=st.household_id)
        _check(head == HEAD_NAME, "区县端读不到新建的户")
        try:
            service.import_file(district, written)
        except package.PackageRefused as exc:
            _check(exc.reason == "replay", f"重复导入被拒绝的原因不对：{exc.reason}")
        else:
            raise SelfTestFailure("同一个同步包被导入了两次")
        reply = service.export_to(district, laptop.device_id, stick)
        back = service.import_file(laptop, reply)
    finally:
        db.close()
    return (f"{written.name}（{written.stat().st_size // 1024 + 1} KB，{header['counts']['changes']} 条修改）"
            f"已由区县端导入；回复包已由本机导入（{back.header['counts']['changes']} 条）")


def step_gui(st: State) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: no display needed
    from fieldapp.gui import selfcheck

    return selfcheck.check(_ctx(st))


def card_batch_step(count: int) -> tuple[str, Callable[[State], str]]:
    """The step that prints ``count`` door cards through the desktop app's child-process drawing."""

    if not 1 <= count <= 999:
        raise ValueError("门牌张数应在 1–999 之间")

    def step(st: State) -> str:
        import pypdfium2

        from fieldapp.domain.resident_id import check_digit
        from fieldapp.services import register
        from fieldapp.services.printing.apart import render_cards_apart
        from fieldapp.services.setup import villages

        ctx = _ctx(st)
        village = villages(ctx)[0][0]
        ids = []
        for n in range(count):
            first17 = f"61100219800102{n:03d}"  # born a day after the first household's head
            record = register.HouseholdRecord(
                household={"village_id": village, "group_no": 2, "hh_no": f"61100299{1000 + n:04d}",
                           "main_cause": "01", "attribute": "01", "exit_status": "0", "standard": "01"},
                members=[{"name": f"批量户主{n:04d}", "relation": "01", "id_no": first17 + check_digit(first17)}])
            ids.append(register.save_record(ctx.writer, ctx.ref, record))
        out = st.work / "门牌批量.pdf"
        result = render_cards_apart(ctx, ids, out, paper="A4-landscape")
        _check(result.cards == count and not result.skipped, f"应打印 {count} 张门牌，实为 {result.cards} 张")
        pdf = pypdfium2.PdfDocument(out)
        try:
            pages = len(pdf)
            last = pdf[pages - 1].get_textpage().get_text_range()
        finally:
            pdf.close()
        _check(pages == result.pages == count, f"门牌 PDF 应为 {count} 页，实为 {pages} 页")
        _check(f"批量户主{count - 1:04d}" in last, "门牌 PDF 最后一页不是最后一户的门牌")
        return f"{count} 张门牌由子进程绘制，{pages} 页，{out.stat().st_size // 1024} KB"

    return (f"批量打印 {count} 张门牌（子进程）", step)


STEPS: list[tuple[str, Callable[[State], str]]] = [
    ("打开新数据库", step_database),
    ("新建农户", step_household),
    ("生成门牌 PDF", step_door_card),
    ("写入并读回同步包", step_sync),
    ("界面（离屏）", step_gui),
]


def _ctx(st: State) -> AppContext:
    if st.ctx is None:
        raise SelfTestFailure("数据库没有打开")
    return st.ctx


def _drop_log_handlers(folder: Path) -> None:
    """Close the log file that opening the temporary data folder set up (it is about to be deleted)."""
    root = logging.getLogger("fieldapp")
    for handler in list(root.handlers):
        filename = getattr(handler, "baseFilename", None)
        if filename and Path(filename).resolve().is_relative_to(folder.resolve()):
            root.removeHandler(handler)
            handler.close()


def describe_installation() -> str:
    kind = "打包版" if getattr(sys, "frozen", False) else "源码版"
    mode = "，便携模式" if paths.is_portable() else ""
    return f"FieldApp {__version__}（{kind}{mode}，程序目录 {paths.program_dir()}）"


def run(out: TextIO | None = None, *, workdir: Path | None = None,
        steps: Sequence[tuple[str, Callable[[State], str]]] | None = None, cards: int = 0) -> int:
    """Run the steps in a fresh temporary folder (inside ``workdir`` if given); returns the exit code.
    ``cards``: also print that many door cards drawn by a child process (:func:`card_batch_step`)."""
    out = out or sys.stdout
    steps = [*(STEPS if steps is None else steps), *([card_batch_step(cards)] if cards else [])]

    def say(text: str) -> None:
        print(text, file=out, flush=True)

    say(f"自检：{describe_installation()}，{dt.datetime.now():%Y-%m-%d %H:%M:%S}")
    started = time.perf_counter()
    failed: str | None = None
    st: State | None = None
    try:
        if workdir is not None:
            workdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="fieldapp-selftest-", dir=workdir, ignore_cleanup_errors=True) as tmp:
            st = State(Path(tmp))
            for number, (name, func) in enumerate(steps, start=1):
                t0 = time.perf_counter()
                try:
                    detail = func(st)
                except Exception as exc:
                    failed = name
                    say(f"[{number}/{len(steps)}] {name} …… 失败（{time.perf_counter() - t0:.2f} 秒）：{exc}")
                    traceback.print_exc(file=sys.stderr)
                    log.error("self-test step %s failed", name, exc_info=True)
                    break
                say(f"[{number}/{len(steps)}] {name} …… 通过（{time.perf_counter() - t0:.2f} 秒）：{detail}")
            if st.ctx is not None:
                st.ctx.close()
            _drop_log_handlers(Path(tmp))
    except OSError as exc:  # the temporary folder itself could not be made or removed
        failed = failed or "准备临时文件夹"
        say(f"无法使用临时文件夹：{exc}")
    total = time.perf_counter() - started
    if failed is not None:
        say(f"自检失败：{failed}（共 {total:.1f} 秒）")
        return 1
    say(f"自检通过：{len(steps)} 项全部通过（共 {total:.1f} 秒）")
    return 0
