"""责任倒查 on paper: a household's trace and a person's report, as PDFs.

Both come from :mod:`fieldapp.services.audit.trace` (one read snapshot). The household trace
lists who identified the household, each current value with who entered it and when, and the
sections that follow it (sign-offs, spot checks, rectifications); with a field, every value
that field held. The person report lists everything one account entered in a period. ID numbers
and bank data are masked unless the caller asks for the full values (internal checks only).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from reportlab.platypus import Paragraph

from fieldapp.services.audit import trace
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import (
    heading,
    label_pairs,
    para,
    ruled_table,
    styles,
    write_a4,
)

log = logging.getLogger("fieldapp.services.printing")

WIDTH_MM = 174.0
NUMBERS = "一二三四五六七八九十"


def render_household_trace(ctx: AppContext, household_id: str, out_path: Path | str, *,
                           field_label: str | None = None, full_ids: bool = False) -> Path:
    """The household's trace (责任倒查表) as a PDF at ``out_path``."""
    device = ctx.identity.device_id if ctx.identity else ""
    t = trace.household_trace(ctx.db, ctx.ref, household_id, field_label=field_label, own_device=device,
                              masked=not full_ids)
    st = styles(9)
    story: list[Any] = [
        Paragraph("责任倒查表", st["title"]),
        para(f"{t.village}　{t.title}" + (f"　项目：{field_label}" if field_label else ""), st["subtitle"]),
        *heading("一、识别", st),
        label_pairs([("首次识别时间", t.identified_on or "（未填）"), ("建档人", t.identified_by),
                ("建档时间", t.identified_at), ("生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M"))], st,
                    WIDTH_MM, 26),
    ]
    n = 1
    if field_label:
        n += 1
        story += heading(f"{NUMBERS[n - 1]}、“{field_label}”的每一次填报", st)
        rows = [["时间", "对象", "原值", "新值", "填报人", "设备"],
                *[[ln.when[:16], ln.target, ln.old, ln.new, ln.user, ln.device] for ln in t.field_history]]
        story.append(ruled_table(rows, [28, 28, 34, 34, 26, WIDTH_MM - 150], st, keep_ids=full_ids))
    n += 1
    story += heading(f"{NUMBERS[n - 1]}、现值由谁填报（谁填报谁负责）", st)
    rows = [["对象", "项目", "现值", "填报人", "填报时间", "填报次数"],
            *[[v.target, v.field, v.value, v.entered_by, v.entered_at[:16], str(v.times_set)] for v in t.values]]
    story.append(ruled_table(rows, [24, 28, 50, 22, 28, WIDTH_MM - 152], st, keep_ids=full_ids))
    for section in t.sections:
        n += 1
        story += _section(section, f"{NUMBERS[n - 1]}、", st)
    target = write_a4(story, out_path, title="责任倒查表", footer=f"{t.title} 责任倒查表")
    log.info("trace of household %s written to %s", household_id, target)
    return target


def render_person_trace(ctx: AppContext, person_id: str, start: dt.date, end: dt.date,
                        out_path: Path | str) -> Path:
    """One person's report for [start, end] as a PDF at ``out_path``."""
    device = ctx.identity.device_id if ctx.identity else ""
    p = trace.person_trace(ctx.db, ctx.ref, person_id, start, end, own_device=device)
    st = styles(9)
    period = f"{start.isoformat()} 至 {end.isoformat()}"
    story: list[Any] = [
        Paragraph("个人填报与核查情况", st["title"]),
        para(f"{p.name}　{p.roles}　{period}", st["subtitle"]),
        *heading("一、概况", st),
        label_pairs([("姓名", p.name), ("角色", p.roles), ("期间", period), ("填报项数", str(len(p.entered))),
                     ("涉及农户", f"{p.households} 户"), ("生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M"))],
                    st, WIDTH_MM, 26),
        *heading("二、填报的内容（按时间顺序）", st),
    ]
    if p.entered:
        rows = [["时间", "对象", "项目", "原值", "新值", "设备"],
                *[[ln.when[:16], ln.target, ln.field, ln.old, ln.new, ln.device] for ln in p.entered]]
        story.append(ruled_table(rows, [28, 28, 28, 34, 34, WIDTH_MM - 152], st))
    else:
        story.append(para("（期间内没有填报）", st["note"]))
    for i, section in enumerate(p.sections, start=3):
        story += _section(section, f"{NUMBERS[i - 1]}、", st)
    target = write_a4(story, out_path, title="个人填报与核查情况", footer=f"{p.name} 个人填报与核查情况 {period}")
    log.info("report of person %s for %s written to %s", person_id, period, target)
    return target


def _section(section: trace.TraceSection, number: str, st: dict[str, Any]) -> list[Any]:
    items: list[Any] = heading(f"{number}{section.title}", st)
    if not section.rows:
        return [*items, para(f"（{section.empty}）", st["note"])]
    weights = section.weights or (1,) * len(section.headings)
    widths = [WIDTH_MM * w / sum(weights) for w in weights]
    items.append(ruled_table([list(section.headings), *[list(r) for r in section.rows]], widths, st))
    if section.note:
        items.append(para(section.note, st["note"]))
    return items
