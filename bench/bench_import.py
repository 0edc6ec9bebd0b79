"""Household import (issue 7): 100,000 households with 350,000 members from .xlsx, against openpyxl
merely reading the same workbook in read-only mode (limit: 3×), and the peak memory of both.

The workbook has the export layout (one row per member, 49 columns, household columns repeated)
and is generated once into ``bench/out/import-<N>.xlsx`` (git-ignored). Each measurement runs in
its own process on a fresh, set-up data folder, so its peak RSS (``ru_maxrss``) is its own:

- baseline: ``load_workbook(read_only=True)`` and ``iter_rows(values_only=True)`` over every row;
- ours: :func:`~fieldapp.services.excel.plan.build_plan` (read, clean, group, decide) then
  :func:`~fieldapp.services.excel.apply.apply_plan` (one transaction through the write path);
- again: the dry run of the same file against the filled register (every household unchanged).

    python -m bench.bench_import [--households 100000]
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
from pathlib import Path
from typing import Any

from bench.common import OUT

LIMIT = 3.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红春梅玉兰金凤文德福"


def _workbook(households: int) -> Path:
    path = OUT / f"import-{households}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    from fieldapp.domain.resident_id import check_digit
    from fieldapp.services.excel.layout import HOUSEHOLD_LAYOUT

    OUT.mkdir(parents=True, exist_ok=True)
    print(f"generating {path.name} (once)…", flush=True)
    start = time.perf_counter()
    rng = random.Random(7)
    fields = HOUSEHOLD_LAYOUT.export_fields()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("农户成员")
    ws.append([f.label for f in fields])
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
            values = {**household, **member}
            ws.append([values.get(f.key) for f in fields])
    wb.save(path)
    print(f"  {seq} members in {time.perf_counter() - start:.0f} s, {path.stat().st_size / 1e6:.1f} MB", flush=True)
    return path


def _child(kind: str, path: str, home: str) -> dict[str, Any]:
    start = time.perf_counter()
    result: dict[str, Any] = {}
    if kind == "baseline":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
        wb.close()
        result["rows"] = rows
    else:
        os.environ["FIELDAPP_HOME"] = home
        from fieldapp import paths
        from fieldapp.services import demo
        from fieldapp.services.context import open_context
        from fieldapp.services.excel.apply import apply_plan
        from fieldapp.services.excel.plan import build_plan

        ctx = open_context(paths.resolve())
        if not ctx.is_set_up:
            demo.set_up_demo(ctx, demo.SeededIds(random.Random(1)))
        begin = time.perf_counter()
        with build_plan(ctx, path) as plan:
            result["plan_s"] = time.perf_counter() - begin
            result["counts"] = plan.counts()
            if kind == "ours":
                begin = time.perf_counter()
                apply_plan(ctx, plan)
                result["apply_s"] = time.perf_counter() - begin
        ctx.close()
    result["process_s"] = time.perf_counter() - start
    # The import proper: opening the data folder and setting the laptop up are not part of it.
    result["seconds"] = result["process_s"] if kind == "baseline" else result["plan_s"] + result.get("apply_s", 0.0)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _measure(kind: str, path: Path, home: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "bench.bench_import", "--child", kind, str(path), str(home)],
                         capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PATH", "HOME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return
    path = _workbook(args.households)
    home = OUT / f"import-home-{args.households}"
    shutil.rmtree(home, ignore_errors=True)
    base = _measure("baseline", path, home)
    print(f"baseline: openpyxl read-only over {base['rows']} rows: {base['seconds']:.1f} s, "
          f"peak RSS {base['rss_mb']:.0f} MB", flush=True)
    ours = _measure("ours", path, home)
    print(f"ours: import {ours['counts']}: {ours['seconds']:.1f} s (plan {ours['plan_s']:.1f} s, "
          f"write {ours['apply_s']:.1f} s), peak RSS {ours['rss_mb']:.0f} MB", flush=True)
    again = _measure("again", path, home)
    print(f"again: dry run against the filled register {again['counts']}: {again['seconds']:.1f} s, "
          f"peak RSS {again['rss_mb']:.0f} MB", flush=True)
    ratio = ours["seconds"] / base["seconds"]
    print(f"import / read ratio {ratio:.2f} (limit {LIMIT}) {'OK' if ratio <= LIMIT else 'OVER'}; "
          f"file {path.stat().st_size / 1e6:.1f} MB, RSS ours/baseline {ours['rss_mb'] / base['rss_mb']:.2f}",
          flush=True)


if __name__ == "__main__":
    main()
