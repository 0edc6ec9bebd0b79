"""The printed 公示 / 公告 of a workflow step: the households the notice was issued for, masked IDs,
the period with its first and last day, where to object, the issuer and the issuer's signature with
its verification QR code (``fieldapp-server verify CODE``).

The title and intro come from the workflow's reference data (its label and the steps already passed),
so a district that renames or adds steps prints them without code. The table is the one of
:func:`fieldapp.services.printing.notice.render_notice`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from fieldapp.domain import workflow as flows
from fieldapp.services.context import AppContext
from fieldapp.services.printing.common import styles
from fieldapp.services.printing.notice import render_notice
from fieldapp.services.printing.signoff_block import signoff_block
from fieldapp.services.workflow import store
from fieldapp.services.workflow.notices import NoticeView

#: workflows whose notice reasons are the exit's (income, 两不愁三保障) rather than the causes of poverty
EXIT_LIKE = ("exit", "risk_elimination")


def notice_word(ctx: AppContext, notice: NoticeView) -> str:
    """公告 for an announcement step (no objection period), else 公示."""
    definition = flows.definitions(ctx.ref).get(notice.kind)
    step = definition.steps[definition.index(notice.step)]
    return "公告" if step.announcement and not step.notice else "公示"


def title_and_intro(ctx: AppContext, notice: NoticeView) -> tuple[str, str]:
    """The notice's title and intro from the workflow's definition ({place}, {households}, {people} left to fill)."""
    definition = flows.definitions(ctx.ref).get(notice.kind)
    index = definition.index(notice.step)
    step = definition.steps[index]
    # every step before this one, the 公示 among them: a 公告 follows a 公示 that ran its course
    done = "、".join(s.text() for s in definition.steps[:index]) or "审核"
    word = notice_word(ctx, notice)
    title = "{place}" + f"{definition.text()}名单{step.text() if step.text().endswith(word) else word}"
    intro = (f"根据{definition.text()}工作程序，经{done}，以下{{households}}户{{people}}人"
             f"进入“{step.text()}”，现予以{word}。")
    return title, intro


def render_workflow_notice(ctx: AppContext, notice: NoticeView, out_path: Path | str,
                           today: dt.date | None = None) -> Path:
    """Write the notice's PDF; raises LookupError when a listed household is gone."""
    definition = flows.definitions(ctx.ref).get(notice.kind)
    step = definition.steps[definition.index(notice.step)]
    title, intro = title_and_intro(ctx, notice)
    word = notice_word(ctx, notice)
    issuer = None  # a village step: the village committee (render_notice's default)
    if step.role == "township":
        issuer = f"{ctx.settings['town_name']}人民政府"
    elif step.role == "district":
        issuer = f"{ctx.settings['district_name'] or ctx.settings['town_name']}人民政府"
    width = landscape(A4)[0] - 30 * mm
    tail = signoff_block(ctx, "notice", notice.id, styles(11), width)
    kind = "exit" if notice.kind in EXIT_LIKE else "entry"
    return render_notice(ctx, list(notice.household_ids), out_path, kind=kind, start=notice.period_start,
                         end=notice.period_end, contact=notice.contact, issuer=issuer,
                         today=today or flows.day_of(notice.issued_at), title=title, intro=intro, tail=tail,
                         word=word, reasons=monitoring_reasons(ctx, notice) if notice.kind == "monitoring" else None)


def monitoring_reasons(ctx: AppContext, notice: NoticeView) -> dict[str, str]:
    """household id → its monitoring category and risk type, as its monitoring workflow records them (the
    household's main cause of poverty is not why it is monitored)."""
    defs = flows.definitions(ctx.ref)
    reasons: dict[str, str] = {}
    by_household = store.workflows_of_households(ctx.db, list(notice.household_ids), defs)
    for hid in notice.household_ids:
        views = [v for v in by_household.get(hid, []) if v.kind == notice.kind and v.started_at <= notice.issued_at]
        if not views:
            continue
        v = views[-1]
        parts = []
        if v.category:
            parts.append(f"监测对象类别：{ctx.ref['monitoring_category'].label(v.category)}")
        if v.risk_type:
            parts.append(f"风险类型：{ctx.ref['risk_type'].label(v.risk_type)}")
        if parts:
            reasons[hid] = "；".join(parts)
    return reasons
