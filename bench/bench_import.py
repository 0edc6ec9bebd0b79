"""Household import: 100,000 households with 350,000 members from .xlsx, against python-calamine
merely reading the same workbook (limits: the import 4×, a dry run 3×), with openpyxl's read-only
read beside it for comparison, and the peak memory of each.

The workbook has the export layout (one row per member, 49 columns, household columns repeated)
and is generated once into ``bench/out/import-<N>.xlsx`` (git-ignored; see :func:`_workbook`, about a
minute for 100,000 households; ``--check-generator N`` compares it with openpyxl's own). Each measurement runs in
its own process on a fresh, set-up data folder, so its peak RSS (``ru_maxrss``) is its own:

- calamine (the baseline): ``CalamineWorkbook.from_path`` and ``iter_rows()`` over the sheet (best of 3);
- openpyxl: ``load_workbook(read_only=True)`` and ``iter_rows(values_only=True)`` over every row;
- import: :func:`~fieldapp.services.excel.plan.build_plan` (the dry run: read, clean, group, decide)
  then :func:`~fieldapp.services.excel.apply.apply_plan` (one transaction through the write path);
- again: the dry run of the same file against the filled register (every household unchanged).

Times are CPU seconds of the process (``time.process_time``), with wall seconds beside them: on a
shared machine the wall clock mostly measures the other jobs. ``--before SRC`` also runs the import
and the dry run with the code of the source tree SRC (e.g. ``git archive main | tar -x -C SRC``),
side by side in the same run. ``--one-core`` pins everything to CPU 0.

    python -m bench.bench_import [--households 100000] [--before SRC] [--no-openpyxl] [--one-core]
    python -m bench.bench_import --check-generator 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import ONE_CORE, OUT  # importing it pins the process when --one-core is given

IMPORT_LIMIT = 4.0
DRY_RUN_LIMIT = 3.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红春梅玉兰金凤文德福"


def _households(households: int) -> Iterator[list[dict[str, Any]]]:
    """The generated register, household by household: each a list of its members' cell values by field key.

    Valid 18-digit ID numbers (check digit computed), unique across the file; random names; the household's
    columns repeated on each of its 3 or 4 rows, as the app's own export writes them.
    """
    from fieldapp.domain.resident_id import check_digit

    rng = random.Random(7)
    relations = ["户主", "配偶", "之子", "之女"]
    seq = 0
    for h in range(households):
        hh_no = f"611002105001{h:06d}"
        household = {"village": "桃园村", "group_no": 1 + h % 12, "hh_no": hh_no, "phone": f"139{h:08d}",
                     "address": f"北宽坪镇桃园村{1 + h % 12}组", "standard": "国家标准",
                     "identified_on": dt.datetime(2014, 1 + h % 12, 1 + h % 28), "attribute": "一般脱贫户",
                     "exit_status": "已脱贫(享受政策)", "exit_year": 2016 + h % 5, "exit_deadline": 2020,
                     "main_cause": rng.choice(["因病", "因残", "缺劳动力", "缺资金"]),
                     "other_causes": "因学、缺技术" if h % 3 == 0 else None, "cadre": "张建华",
                     "fund_channel": "上级", "farmland_mu": "2.5", "house_area": "80", "danger_grade": "无",
                     "sanitary_toilet": "是", "electricity": "是", "broadcast_tv": "是", "road_type": "水泥路",
                     "road_distance_km": "0.8", "fuel": "柴草", "per_person_income": 4527.5}
        members = []
        for m in range(4 if h % 2 else 3):
            seq += 1
            born = dt.date(1950, 1, 1) + dt.timedelta(days=(seq * 7919) % 25000)
            # unique: the birth date runs through 25,000 days for each region code
            first17 = f"{610000 + seq // 25000}{born:%Y%m%d}{seq % 1000:03d}"
            gender = "男" if int(first17[16]) % 2 else "女"
            member = {"name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                      "id_no": first17 + check_digit(first17), "gender": gender,
                      "birth_date": dt.datetime(born.year, born.month, born.day),
                      "relation": relations[min(m, 3)], "ethnicity": "汉族", "education": "初中",
                      "schooling": "非在校生", "health": "健康", "labour_skill": "普通劳动力",
                      "work_status": "乡外县内",
                      "work_months": 10, "employer": "西安某建筑公司", "medical_insurance": "是",
                      "critical_illness_insurance": "是", "pension_insurance": "是", "dibao": "否", "tekun": "否",
                      "military": "否"}
            members.append({**household, **member})
        yield members


_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _cell(ref: str, value: Any) -> str:
    """One cell as openpyxl's write-only sheet writes it: inline strings, numbers, dates as serials (style 1)."""
    if isinstance(value, str):
        if "&" in value or "<" in value or ">" in value:
            value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    if isinstance(value, dt.datetime):  # whole days after 1900-03-01: the serial is an integer
        return f'<c r="{ref}" s="1" t="n"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}" t="n"><v>{value}</v></c>'
    raise TypeError(f"cannot write {value!r}")


def _workbook(households: int) -> Path:
    """``bench/out/import-<N>.xlsx``, generated once (a temporary name until complete).

    openpyxl (write-only) writes the workbook with its header row: the package, styles and the sheet's
    frame are its own. The data rows are then written into that sheet's XML in the form openpyxl's
    write-only writer gives them (the same XML text; ``--check-generator N`` compares the two), streamed
    into the zip: openpyxl's element tree per cell took 15-30 minutes for 100,000 households on this
    shared machine.
    """
    path = OUT / f"import-{households}.xlsx"
    if path.exists():
        return path
    import io
    import zipfile

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT

    OUT.mkdir(parents=True, exist_ok=True)
    print(f"generating {path.name} (once)…", flush=True)
    start = time.perf_counter()
    fields = HOUSEHOLD_LAYOUT.export_fields()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("农户成员")
    ws.append([f.label for f in fields])
    template = io.BytesIO()
    wb.save(template)
    letters = [(get_column_letter(i + 1), f.key) for i, f in enumerate(fields)]
    partial = path.with_suffix(".partial")
    rows = 0
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if not info.filename.startswith("xl/worksheets/"):
                out.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with out.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(head)
                chunk: list[str] = []
                number = 1
                for members in _households(households):
                    for values in members:
                        number += 1
                        cells = "".join(_cell(f"{col}{number}", values[key]) for col, key in letters
                                        if values.get(key) is not None)
                        chunk.append(f'<row r="{number}">{cells}</row>')
                    if len(chunk) >= 2000:
                        sheet.write("".join(chunk).encode())
                        chunk = []
                sheet.write("".join(chunk).encode())
                sheet.write(b"</sheetData>" + tail)
                rows = number - 1
    partial.rename(path)
    print(f"  {rows} members in {time.perf_counter() - start:.0f} s, {path.stat().st_size / 1e6:.1f} MB", flush=True)
    return path


def _openpyxl_workbook(households: int, path: Path) -> None:
    """The same register written by openpyxl cell by cell (slow): what ``_workbook`` must equal."""
    from openpyxl import Workbook

    from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT

    fields = HOUSEHOLD_LAYOUT.export_fields()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("农户成员")
    ws.append([f.label for f in fields])
    for members in _households(households):
        for values in members:
            ws.append([values.get(f.key) for f in fields])
    wb.save(path)


def _child(kind: str, path: str, home: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if kind in ("calamine", "openpyxl"):
        wall, cpu = time.perf_counter(), time.process_time()
        if kind == "calamine":
            from python_calamine import CalamineWorkbook

            with CalamineWorkbook.from_path(path) as wb:
                rows = sum(1 for _ in wb.get_sheet_by_index(0).iter_rows())
        else:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
            rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
            wb.close()
        result.update(rows=rows, seconds=time.perf_counter() - wall, cpu=time.process_time() - cpu)
    else:
        source = os.environ.get("FIELDAPP_BENCH_SOURCE")
        if source:  # --before: the earlier code's fieldapp, imported ahead of this checkout's
            sys.path.insert(0, source)
        os.environ["FIELDAPP_HOME"] = home
        import fieldapp

        result["code"] = str(Path(fieldapp.__file__).parent.parent)
        from fieldapp import paths
        from fieldapp.services import demo
        from fieldapp.services.context import open_context
        from fieldapp.services.excel.apply import apply_plan
        from fieldapp.services.excel.plan import build_plan

        ctx = open_context(paths.resolve())
        if not ctx.is_set_up:
            demo.set_up_demo(ctx, demo.SeededIds(random.Random(1)))
        # The import proper: opening the data folder and setting the laptop up are not part of it.
        wall, cpu = time.perf_counter(), time.process_time()
        with build_plan(ctx, path) as plan:
            result.update(plan_s=time.perf_counter() - wall, plan_cpu=time.process_time() - cpu,
                          counts=plan.counts())
            if kind == "import":
                apply_plan(ctx, plan)
        result.update(seconds=time.perf_counter() - wall, cpu=time.process_time() - cpu)
        ctx.close()
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _measure(kind: str, path: Path, home: Path, source: Path | None = None) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("FIELDAPP_BENCH_SOURCE", None)
    if source is not None:
        env["FIELDAPP_BENCH_SOURCE"] = str(source.resolve())
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "bench.bench_import", "--child", kind, str(path), str(home)],
                         capture_output=True, text=True, check=True, env=env, cwd=root)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _line(name: str, r: dict[str, Any], base: dict[str, Any] | None = None, limit: float | None = None, *,
          cpu: str = "cpu", wall: str = "seconds") -> str:
    text = f"{name}: {r[cpu]:.1f} s CPU ({r[wall]:.1f} s wall), peak RSS {r['rss_mb']:.0f} MB"
    if base is not None:
        ratio = r[cpu] / base["cpu"]
        text += f"; {ratio:.2f}× the calamine read (wall {r[wall] / base['seconds']:.2f}×)"
        if limit is not None:
            text += f", limit {limit}× {'OK' if ratio <= limit else 'OVER'}"
    return text


def _check_generator(households: int) -> None:
    import tempfile
    import zipfile

    global OUT  # noqa: PLW0603  (the fast generator writes into OUT; here a scratch folder)
    saved, OUT = OUT, Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        fast = _workbook(households)
        slow = OUT / "openpyxl.xlsx"
        _openpyxl_workbook(households, slow)
        part = "xl/worksheets/sheet1.xml"
        with zipfile.ZipFile(fast) as a, zipfile.ZipFile(slow) as b:
            same = a.read(part) == b.read(part) and a.namelist() == b.namelist()
        print(f"{households} households: the sheet XML is {'the same' if same else 'DIFFERENT'}")
        if not same:
            raise SystemExit(1)
    finally:
        shutil.rmtree(OUT, ignore_errors=True)
        OUT = saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--before", type=Path, help="a source tree of the earlier code, run side by side")
    parser.add_argument("--no-openpyxl", action="store_true", help="skip openpyxl's read (minutes at 100,000)")
    parser.add_argument("--check-generator", type=int, metavar="N",
                        help="write N households both ways (fast, openpyxl cell by cell) and compare the sheets")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PATH", "HOME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return
    if args.check_generator:
        _check_generator(args.check_generator)
        return
    path = _workbook(args.households)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB{', pinned to one core' if ONE_CORE else ''}",
          flush=True)
    runs = [_measure("calamine", path, OUT) for _ in range(3)]
    base = min(runs, key=lambda r: r["cpu"])
    print(_line(f"calamine read of {base['rows']} rows (best of 3)", base), flush=True)
    if not args.no_openpyxl:
        print(_line("openpyxl read-only read", _measure("openpyxl", path, OUT), base), flush=True)
    for label, source in [("before", args.before), ("after", None)] if args.before else [("", None)]:
        home = OUT / f"import-home-{args.households}{'-' + label if label else ''}"
        shutil.rmtree(home, ignore_errors=True)
        tag = f"[{label}] " if label else ""
        done = _measure("import", path, home, source)
        if source is not None and Path(done["code"]) != source.resolve():
            raise SystemExit(f"--before ran the code in {done['code']}, not {source}")
        print(_line(f"{tag}import {done['counts']}", done, base, IMPORT_LIMIT), flush=True)
        print(_line(f"{tag}  of which the dry run (new file)", {**done, "cpu": done["plan_cpu"]}, base,
                    DRY_RUN_LIMIT, wall="plan_s"), flush=True)
        again = _measure("again", path, home, source)
        print(_line(f"{tag}dry run again {again['counts']}", again, base, DRY_RUN_LIMIT), flush=True)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
