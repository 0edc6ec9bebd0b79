"""Disclosure notices (资金公示): what each kind states and how a notice's figures are checked. Pure rules.

**The kinds.** ``plan`` (a village's 资金使用计划 for a year: its projects with their budget by fund channel
and approved amount), ``project`` (项目公示 before work starts: one project's budget by channel, approved
amount and beneficiary households with their planned amounts), ``completion`` (项目完成公告 after a passed
acceptance: what was disbursed on each channel, the acceptance's date and result) and ``subsidy``
(到户补助公示: the amount per household, of one project or of a village's year). They are stored as
``notice`` rows of kind ``disclosure_<kind>`` (:data:`KIND_CODES`), so posting and objections are those of
the workflow's 公示.

**Figures.** A notice's figures (a JSON object of integer fen, dates as ISO text) are read from the project
ledger when it is issued, never typed, and are signed with the notice. A household appears by its 户编号,
group, head's name and *masked* ID number; nothing of its health or bank. :func:`differences` says where the
ledger now disagrees with what a notice states: a notice out of date is shown so, never changed.

**The period.** At least ``disclosure_minimum_days`` of ``workflows.json`` (default 10); a shorter one is
refused by :func:`period`, naming the minimum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fieldapp.domain.notice import NoticeError

PLAN, PROJECT, COMPLETION, SUBSIDY = "plan", "project", "completion", "subsidy"
KINDS = (PLAN, PROJECT, COMPLETION, SUBSIDY)
#: the notice title of each kind
KIND_WORDS = {PLAN: "资金使用计划公示", PROJECT: "项目公示", COMPLETION: "项目完成公告", SUBSIDY: "到户补助公示"}
PREFIX = "disclosure_"
#: the ``notice.kind`` each kind is stored as (a workflow's kind is never one of these)
KIND_CODES = {k: PREFIX + k for k in KINDS}


#: where a notice stands (:func:`fieldapp.domain.notice.status`), in words
STATUS_WORDS = {"unposted": "未张贴", "posted": "已张贴，未到公示期", "running": "公示中", "ended": "公示期已满"}


class DisclosureError(NoticeError):
    """A disclosure notice refused; the message names the problem."""


def kind_of(code: str) -> str | None:
    """The disclosure kind of a ``notice.kind`` (None: a workflow's notice)."""
    return code[len(PREFIX):] if code.startswith(PREFIX) and code[len(PREFIX):] in KINDS else None


def kind_word(code: str) -> str:
    """A notice kind (``plan`` or ``disclosure_plan``) in words."""
    return KIND_WORDS.get(kind_of(code) or code, code)


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DisclosureError(f"公示类别应为 {'、'.join(f'{k}（{KIND_WORDS[k]}）' for k in KINDS)} 之一：{kind}")


def period(start: dt.date, days: int, minimum: int) -> tuple[dt.date, dt.date]:
    """(first day, last day) of ``days`` days from ``start``; refused below ``minimum``."""
    if days < minimum:
        raise DisclosureError(f"公示期 {days} 天太短：资金公示的公示期不得少于 {minimum} 天"
                              "（workflows.json 的 disclosure_minimum_days）")
    return start, start + dt.timedelta(days=days - 1)


def totals_by_channel(amounts: list[Mapping[str, int]]) -> dict[str, int]:
    """The sum per channel of several ``channel -> fen`` maps."""
    found: dict[str, int] = {}
    for by_channel in amounts:
        for channel, fen in by_channel.items():
            found[channel] = found.get(channel, 0) + int(fen)
    return dict(sorted(found.items()))


def flatten(figures: Any, path: str = "") -> dict[str, Any]:
    """Every leaf of ``figures`` by its path (``projects[0].budget.superior``); list items of records are
    keyed by their ``id`` or ``household_id`` when they have one, so an added row is one difference."""
    found: dict[str, Any] = {}
    if isinstance(figures, dict):
        for key, value in figures.items():
            found.update(flatten(value, f"{path}.{key}" if path else str(key)))
    elif isinstance(figures, list):
        for i, item in enumerate(figures):
            key = item.get("key") or item.get("id") or item.get("household_id") if isinstance(item, dict) else None
            found.update(flatten(item, f"{path}[{key or i}]"))
    else:
        found[path] = figures
    return found


#: words for the paths a difference is named by
_WORDS = {"budget": "预算", "budget_total": "总预算", "approved": "批复金额", "approved_on": "批复日期",
          "beneficiaries": "受益户", "amount": "金额", "total": "合计", "disbursed": "已拨付", "disbursements": "拨付",
          "projects": "项目", "lines": "补助", "acceptance": "验收", "households": "户数", "name": "名称",
          "status": "状态", "disbursed_total": "拨付合计", "beneficiary_total": "受益户合计"}


def differences(stated: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """Where the ledger (``now``) disagrees with what a notice states, one line each (empty: it agrees)."""
    a, b = flatten(dict(stated)), flatten(dict(now))
    lines = []
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            words = ".".join(_WORDS.get(part, part) for part in key.replace("[", ".[").split("."))
            lines.append(f"{words}：公示 {_text(a.get(key))}，现账目 {_text(b.get(key))}")
    return lines


def _text(value: Any) -> str:
    return "（无）" if value is None else str(value)
