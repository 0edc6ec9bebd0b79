"""The charts' SVG (services/charts/svg.py): well-formed, the numbers drawn and carried in data attributes,
names escaped, empty charts saying so, and no household ids even though the figures hold them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from fieldapp.domain import charts as ch
from fieldapp.services.charts import figures, svg
from fieldapp.services.context import AppContext
from fieldapp.services.setup import villages
from tests.helpers.charts import finish_workflow

AS_OF = dt.datetime(2026, 6, 15, 9, 30)
NS = "{http://www.w3.org/2000/svg}"


def parsed(text: str) -> ET.Element:
    return ET.fromstring(text)


def test_a_village_without_households_draws_empty_charts(ctx: AppContext) -> None:
    village = villages(ctx)[1][0]
    pictures = svg.charts_svg(figures.all_charts(ctx.db, ctx.ref, village, 2026, AS_OF), ctx.ref)
    dist = parsed(pictures.distribution)
    assert dist.get("data-chart") == "distribution" and dist.get("role") == "img"
    assert ["".join(t.itertext()) for t in dist.iter(f"{NS}text") if t.get("class") == "empty"] == ["暂无建档立卡户"]
    assert "本年度暂无产业措施与产业计划" in "".join(parsed(pictures.industries).itertext())
    measures = parsed(pictures.measures)  # the 五个一批 pathways are listed even with nothing planned
    assert [t.text for t in measures.iter(f"{NS}text") if t.get("class") == "label"][:2] == ["产业发展", "易地搬迁"]
    assert not [r for r in measures.iter(f"{NS}rect") if r.get("class") == "bar"]
    progress = parsed(pictures.progress)
    assert "脱贫户 0户（未定目标）" in (progress.get("aria-label") or "")


def test_numbers_are_drawn_and_names_escaped(ctx: AppContext, make_household: Callable[..., str]) -> None:
    village = villages(ctx)[0][0]
    ids = [make_household("甲", members=3, group_no=1, legacy=True),
           make_household("乙", members=2, group_no=1, legacy=True)]
    finish_workflow(ctx, ids[0], "exit", dt.date(2026, 3, 10))
    charts = figures.all_charts(ctx.db, ctx.ref, village, 2026, AS_OF)
    row = charts.distribution.rows[0]
    odd = ch.Distribution(charts.distribution.scope, 2026, AS_OF,
                          (ch.DistributionRow(ch.Unit("k", ch.GROUP, "<1组&>", village, 1), row.households,
                                              row.people, row.general, row.dibao, row.tekun, row.poor, row.exited,
                                              row.monitored),), (), row)
    text = svg.distribution_svg(odd)
    root = parsed(text)  # well-formed despite the name
    bars = {(r.get("data-series"), r.get("data-value")) for r in root.iter(f"{NS}rect") if r.get("class") == "bar"}
    assert bars == {("poor", "1"), ("exited", "1")}
    assert "&lt;1组&amp;&gt;" in text and "2户 5人" in "".join(root.itertext())
    progress = svg.progress_svg(charts.progress)
    march = [r for r in parsed(progress).iter(f"{NS}rect") if r.get("class") == "bar"]
    assert [(r.get("data-series"), r.get("data-value")) for r in march] == [("month", "1")]
    for hid in ids:
        assert all(hid not in s for s in (text, progress))
