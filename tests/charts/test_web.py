"""The charts for a web page (services/charts/web.py): the drawings of the screen and the posters written by
reportlab's renderSVG — well-formed, each number a spot carrying its value, names escaped, unique ids on a
page of four, the text in the bundled font, and no household ids even though the figures hold them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from fieldapp.services.charts import figures, web
from fieldapp.services.context import AppContext
from fieldapp.services.printing.fonts import FONT
from fieldapp.services.setup import villages
from fieldapp.store.models import Area
from tests.helpers.charts import finish_workflow

AS_OF = dt.datetime(2026, 6, 15, 9, 30)
NS = "{http://www.w3.org/2000/svg}"


def spots(root: ET.Element) -> list[tuple[str, str]]:
    return [(r.get("data-caption") or "", r.get("data-value") or "") for r in root.iter(f"{NS}rect")
            if r.get("class") == "spot"]


def test_numbers_are_spots_names_escaped_and_no_ids(ctx: AppContext, make_household: Callable[..., str]) -> None:
    village = villages(ctx)[0][0]
    with ctx.writer.transaction() as txn:  # a name that is markup
        txn.update(Area, village, {"name": "<东村&>"})
    ids = [make_household("甲", members=3, group_no=1, legacy=True),
           make_household("乙", members=2, group_no=1, legacy=True)]
    finish_workflow(ctx, ids[0], "exit", dt.date(2026, 3, 10))
    pictures = web.charts_svg(figures.all_charts(ctx.db, ctx.ref, village, 2026, AS_OF), ctx.ref)
    texts = [pictures.distribution, pictures.measures, pictures.industries, pictures.progress]
    roots = [ET.fromstring(t) for t in texts]  # well-formed despite the name
    assert [r.get("data-chart") for r in roots] == list(web.KEYS)
    assert all(r.get("role") == "img" and r.get("width") is None and r.get("viewBox") for r in roots)
    dist = dict(spots(roots[0]))
    assert (dist["1组：全部户"], dist["1组：未脱贫户"], dist["1组：已脱贫户"]) == ("2", "1", "1")
    assert "&lt;东村&amp;&gt;" in pictures.distribution
    assert ("3月脱贫户", "1") in spots(roots[3]) and "本年脱贫户 1" in (roots[3].get("aria-label") or "")
    titles = ["".join(t.itertext()) for t in roots[3].iter(f"{NS}title")]
    assert titles[0] == "任务进度进展图" and "3月脱贫户 1" in titles
    ids_seen = [el.get("id") for r in roots for el in r.iter() if el.get("id")]
    assert len(ids_seen) == len(set(ids_seen))  # four charts on one page: no id twice
    assert f"font-family: {FONT}" in pictures.progress
    for hid in ids:
        assert all(hid not in t for t in texts)


def test_a_village_without_households_draws_its_empty_charts(ctx: AppContext) -> None:
    village = villages(ctx)[1][0]
    pictures = web.charts_svg(figures.all_charts(ctx.db, ctx.ref, village, 2026, AS_OF), ctx.ref)
    progress = ET.fromstring(pictures.progress)
    assert ("本年新识别", "0") in spots(progress)
    assert "未定目标" in "".join(progress.itertext())
