"""挂图作战 posters and the CLI: real PDFs (pages, size, text, fonts), the village map from a GeoJSON file,
the greyscale palette, clear errors, and ``fieldapp print charts`` / ``fieldapp charts show``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain import charts as ch
from fieldapp.services.charts import drawings, figures, geomap, posters
from fieldapp.services.context import AppContext
from tests.helpers.charts import two_town_district
from tests.printing import pdftools

AS_OF = dt.datetime(2026, 6, 15, 9, 30)
A3_LANDSCAPE = (1190.55, 841.89)
A1_LANDSCAPE = (2383.94, 1683.78)


@pytest.fixture
def district(ctx: AppContext, make_household: Callable[..., str]) -> dict[str, str]:
    return two_town_district(ctx, make_household)


def _square(x: float, y: float) -> list[list[list[float]]]:
    return [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.04], [x, y + 0.04], [x, y]]]


def _map(path: Path, features: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_an_a3_poster_has_the_four_charts_with_scope_year_and_times(ctx: AppContext, district: dict[str, str],
                                                                     tmp_path: Path) -> None:
    charts = figures.all_charts(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    out = posters.write_poster(charts, ctx.ref, tmp_path / "wall.pdf", size="A3")
    pdftools.qpdf_ok(out)
    assert pdftools.pages(out) == 4
    assert pdftools.page_size(out) == pytest.approx(A3_LANDSCAPE, abs=0.5)
    assert all(f[3] == "yes" for f in pdftools.fonts(out))  # every font embedded: prints anywhere
    words = "".join(pdftools.text(out).split())
    for title in ("贫困对象分布图", "计划措施细则图", "产业发展规划图", "任务进度进展图"):
        assert f"商州区{title}" in words
    assert "2026年度" in words and "打印：2026年06月15日09:30" in words and "数据截至：" in words
    assert "合计6户17人·未脱贫3户·已脱贫3户·监测对象1户" in words
    assert "北宽坪镇" in words and "杨峪河镇" in words
    assert "3/4户" in words and "11/12人" in words and "还差1户" in words  # progress against the targets
    assert "目标4户" in words
    for name in ("甲一", "乙二", "己六"):  # a wall chart shows counts, never a household's name
        assert name not in words
    # a village's chart has its groups
    village = posters.write_poster(figures.all_charts(ctx.db, ctx.ref, district["east"], 2026, AS_OF), ctx.ref,
                                   tmp_path / "east.pdf")
    assert "1组" in pdftools.text(village, 1, 1) and "2组" in pdftools.text(village, 1, 1)


def test_an_a1_poster_is_the_a3_one_twice_as_large(ctx: AppContext, district: dict[str, str],
                                                   tmp_path: Path) -> None:
    charts = figures.all_charts(ctx.db, ctx.ref, district["town1"], 2026, AS_OF)
    a3 = posters.write_poster(charts, ctx.ref, tmp_path / "a3.pdf", size="A3")
    a1 = posters.write_poster(charts, ctx.ref, tmp_path / "a1.pdf", size="A1")
    assert pdftools.page_size(a1) == pytest.approx(A1_LANDSCAPE, abs=0.5)
    assert sorted(pdftools.text(a1).split()) == sorted(pdftools.text(a3).split())
    grey = pdftools.render(a1, tmp_path, 4, 20, gray=True)
    _mean, spread = pdftools.grey_stats(grey)
    assert spread > 20  # drawn, not blank
    with pytest.raises(ch.ChartError, match="纸张只能是 A3、A1"):
        posters.write_poster(charts, ctx.ref, tmp_path / "a4.pdf", size="A4")
    assert not (tmp_path / "a4.pdf").exists()


def test_the_map_classes_keep_their_order_in_greyscale_and_series_differ_by_hatching() -> None:
    def luma(c: object) -> float:
        return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue  # type: ignore[attr-defined]

    lumas = [luma(c) for c in drawings.MAP_CLASSES]
    assert lumas == sorted(lumas, reverse=True) and len(set(lumas)) == len(lumas)
    series = [drawings.GENERAL, drawings.DIBAO, drawings.TEKUN]
    assert len({s.hatch for s in series}) == 3
    assert len({s.hatch for s in (drawings.PLANNED, drawings.DONE)}) == 2


def test_the_district_map_draws_the_villages_of_the_boundary_file(ctx: AppContext, district: dict[str, str],
                                                                  tmp_path: Path) -> None:
    path = _map(tmp_path / "villages.geojson", [
        {"type": "Feature", "properties": {"name": "东村"}, "geometry": {"type": "Polygon",
                                                                       "coordinates": _square(109.9, 33.9)}},
        {"type": "Feature", "properties": {"code": "611002200001", "name": "别名"},
         "geometry": {"type": "MultiPolygon", "coordinates": [_square(110.0, 33.9), _square(110.0, 33.95)]}},
        {"type": "Feature", "properties": {"name": "外区的村"}, "geometry": {"type": "Polygon",
                                                                        "coordinates": _square(111, 34)}},
    ])
    dist = figures.distribution(ctx.db, ctx.ref, district["district"], 2026, AS_OF)
    chart = drawings.distribution(dist, map_file=path)
    polygons = [s for s in chart.drawing.contents if s.__class__.__name__ == "Polygon"]
    assert len(polygons) == 3  # 东村 by name, 南村 by code (two parts); the other district's village left out
    strings = " ".join(getattr(s, "text", "") for s in chart.drawing.contents)
    assert "边界文件中没有：西村" in strings and "村界" in strings
    hits = {h.caption for h in chart.hotspots}
    assert {"东村：未脱贫户", "南村：未脱贫户"} <= hits
    tiles = drawings.distribution(dist)
    assert "每格一处" in " ".join(getattr(s, "text", "") for s in tiles.drawing.contents)


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "不是有效的 GeoJSON"),
    ('{"type": "Feature"}', "应为 GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection", "features": [{"properties": {"name": "东村"}, '
     '"geometry": {"type": "Point", "coordinates": [1, 2]}}]}', "第 1 个要素（东村）：只能是 Polygon 或 MultiPolygon"),
])
def test_a_bad_boundary_file_is_refused_naming_the_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ch.ChartError, match=problem):
        geomap.load(path, [("v1", None, "东村")])


def test_the_boundary_file_is_the_setting_s_or_the_data_folder_s(tmp_path: Path) -> None:
    assert geomap.map_file(tmp_path, "") is None
    default = _map(tmp_path / geomap.DEFAULT_NAME, [])
    assert geomap.map_file(tmp_path, "") == default
    with pytest.raises(ch.ChartError, match="村界文件不存在"):
        geomap.map_file(tmp_path, str(tmp_path / "missing.geojson"))


def test_cli_prints_posters_for_a_district_a_town_and_a_village(ctx: AppContext, district: dict[str, str],
                                                                tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "district.pdf"
    assert main(["print", "charts", "--district", "--year", "2026", "--size", "A1", "--out", str(out)]) == 0
    assert "已生成商州区2026年挂图（A1，4 张" in capsys.readouterr().out
    assert pdftools.pages(out) == 4 and pdftools.page_size(out) == pytest.approx(A1_LANDSCAPE, abs=0.5)
    town = tmp_path / "town.pdf"
    assert main(["print", "charts", "--town", "杨峪河镇", "--year", "2026", "--out", str(town)]) == 0
    assert "杨峪河镇 贫困对象分布图" in pdftools.text(town, 1, 1) and "南村" in pdftools.text(town, 1, 1)
    assert pdftools.page_size(town) == pytest.approx(A3_LANDSCAPE, abs=0.5)
    assert main(["print", "charts", "--village", "东村", "--size", "A3", "--out", str(tmp_path / "v.pdf")]) == 0
    assert main(["print", "charts", "--town", "某镇", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有乡镇“某镇”。本机的乡镇：北宽坪镇、杨峪河镇" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["print", "charts", "--district", "--map", str(tmp_path / "none.geojson"),
                 "--out", str(tmp_path / "y.pdf")]) == 1
    assert "村界文件不存在" in capsys.readouterr().err


def test_cli_shows_the_figures_as_text(ctx: AppContext, district: dict[str, str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["charts", "show", "--district", "--year", "2026"]) == 0
    shown = capsys.readouterr().out
    assert "北宽坪镇  4  10  2  1  1  2  2  1" in shown
    assert "脱贫户 3/4户，还差 1户" in shown and "贫困村摘帽 1个（未定目标）" in shown
