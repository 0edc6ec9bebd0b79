"""``fieldapp print charts`` and ``fieldapp charts show``: the 挂图作战 charts from the command line.

    fieldapp print charts (--village V | --town T | --district) [--year Y] --size A3|A1 [--map F] --out F.pdf
    fieldapp charts show (--village V | --town T | --district) [--year Y]

A village or town is named by its name or id. The poster shows the four charts, one a sheet; ``--map``
names the district's village boundary file (GeoJSON), default the setting ``village_map`` or
``village_map.geojson`` in the data folder, else a tile grid. Services are imported when a command runs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.cli.errors import CommandError
from fieldapp.cli.runner import run

OpenCtx = Callable[[argparse.Namespace], Any]


def _scope_arguments(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", help="村名或村的标识")
    where.add_argument("--town", help="乡镇名或乡镇的标识")
    where.add_argument("--district", action="store_true", help="全区县（本机所有的村）")
    p.add_argument("--year", type=int, help="年度（默认今年）")


def register_print(pr_sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``charts`` to ``fieldapp print``."""
    p = pr_sub.add_parser("charts", help="挂图作战：四张图的 A3/A1 挂图（PDF，每张图一页）")
    _scope_arguments(p)
    p.add_argument("--size", choices=["A3", "A1"], default="A3", help="纸张（横向），默认 A3")
    p.add_argument("--map", help="村界文件（GeoJSON）；默认用设置 village_map 或数据文件夹中的 village_map.geojson")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.set_defaults(func=lambda a: run(open_ctx, a, _print))


def register(sub: Any, open_ctx: OpenCtx) -> None:
    """Add ``charts`` (figures as text) to the ``fieldapp`` parser."""
    cp = sub.add_parser("charts", help="挂图作战：四张图的数字（文本）")
    c_sub = cp.add_subparsers(dest="charts_command", required=True, metavar="COMMAND")
    p = c_sub.add_parser("show", help="显示某村、乡镇或全区县的四张图的数字")
    _scope_arguments(p)
    p.set_defaults(func=lambda a: run(open_ctx, a, _show))


def _scope(ctx: Any, args: argparse.Namespace) -> Any:
    from fieldapp.domain import charts as ch
    from fieldapp.services.charts import figures

    if args.district:
        return figures.resolve_area(ctx.db, ch.DISTRICT, None)
    if args.town is not None:
        return figures.resolve_area(ctx.db, ch.TOWN, args.town)
    return figures.resolve_area(ctx.db, ch.VILLAGE, args.village)


def _print(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.domain.charts import ChartError
    from fieldapp.services.charts import figures, geomap, posters

    started = time.perf_counter()
    scope = _scope(ctx, args)
    try:
        map_file = Path(args.map) if args.map else geomap.map_file(ctx.paths.home, ctx.settings["village_map"])
        if map_file is not None and not map_file.is_file():
            raise ChartError(f"村界文件不存在：{map_file}")
        charts = figures.all_charts(ctx.db, ctx.ref, scope.area_id, args.year)
        path = posters.write_poster(charts, ctx.ref, args.out, size=args.size, map_file=map_file)
    except ChartError as exc:
        raise CommandError(str(exc)) from exc
    print(f"已生成{scope.name}{charts.year}年挂图（{args.size}，4 张，{time.perf_counter() - started:.1f} 秒）：{path}")
    return 0


def _show(ctx: Any, args: argparse.Namespace) -> int:
    from fieldapp.services.charts import figures, text

    scope = _scope(ctx, args)
    charts = figures.all_charts(ctx.db, ctx.ref, scope.area_id, args.year)
    print(text.as_text(charts, ctx.ref))
    return 0
