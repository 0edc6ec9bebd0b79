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

from fieldapp.domain.money import format_yuan
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


#: words for the keys a difference is named by
_WORDS = {"budget": "预算", "budget_total": "总预算", "approved": "批复金额", "approved_on": "批复日期",
          "beneficiaries": "受益户", "amount": "金额", "total": "合计", "disbursed": "已拨付", "disbursements": "拨付",
          "projects": "项目", "lines": "补助", "acceptance": "验收", "households": "户数", "name": "名称",
          "status": "状态", "disbursed_total": "拨付合计", "beneficiary_total": "受益户合计",
          "approved_total": "批复合计", "household_totals": "户合计", "project": "项目", "id_masked": "证件号码",
          "head": "户主", "date": "日期", "passed": "验收结果", "members": "验收人员", "findings": "验收意见",
          "channel": "资金渠道", "voucher_no": "凭证号", "unit": "实施单位", "hh_no": "户编号", "group_no": "组"}
#: the keys whose whole numbers are fen (shown in yuan)
_MONEY = frozenset({"budget", "budget_total", "approved", "amount", "total", "disbursed", "disbursed_total",
                    "beneficiary_total", "approved_total", "household_totals"})


def flatten(figures: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every leaf of ``figures`` by its path of keys; a list item of a record is keyed by its ``key``, ``id``
    or ``household_id`` (an added row is one difference, not a shift of every row after it)."""
    found: dict[tuple[str, ...], Any] = {}
    if isinstance(figures, dict):
        for key, value in figures.items():
            found.update(flatten(value, (*path, str(key))))
    elif isinstance(figures, list):
        for i, item in enumerate(figures):
            key = (item.get("key") or item.get("id") or item.get("household_id")) if isinstance(item, dict) else None
            found.update(flatten(item, (*path, f"#{key or i}")))
    else:
        found[path] = figures
    return found


def _names(figures: Any, found: dict[str, str]) -> dict[str, str]:
    """Each listed record's key → how a person names it (户主 and 户编号, a project's name, a date)."""
    if isinstance(figures, dict):
        for value in figures.values():
            _names(value, found)
    elif isinstance(figures, list):
        for i, item in enumerate(figures):
            if isinstance(item, dict):
                key = item.get("key") or item.get("id") or item.get("household_id") or i
                words = [str(item[k]) for k in ("head", "hh_no", "project", "name", "date", "channel") if item.get(k)]
                found[f"#{key}"] = " ".join(words) or f"第{i + 1}项"
                _names(item, found)
    return found


def differences(stated: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """Where the ledger (``now``) disagrees with what a notice states, one line each in words, amounts in yuan
    (empty: it agrees)."""
    a, b = flatten(dict(stated)), flatten(dict(now))
    names = _names(dict(now), _names(dict(stated), {}))
    names.update({k: f"（{v}）" for k, v in _household_names(stated, now).items()})
    lines = []
    for path in sorted(set(a) | set(b)):
        if a.get(path) != b.get(path):
            money = any(part in _MONEY for part in path)
            words = "·".join(names.get(p, _WORDS.get(p, p)) for p in path)
            lines.append(f"{words}：公示 {_text(a.get(path), money)}，现账目 {_text(b.get(path), money)}")
    return lines


def _household_names(*figures: Mapping[str, Any]) -> dict[str, str]:
    """household id → 户主 户编号 (the keys of ``household_totals``)."""
    found: dict[str, str] = {}
    for f in figures:
        for line in f.get("lines", ()) if isinstance(f, Mapping) else ():
            found[line["household_id"]] = f"{line.get('head', '')} {line.get('hh_no', '')}".strip()
    return found


def _text(value: Any, money: bool) -> str:
    if value is None:
        return "（无）"
    if money and isinstance(value, int) and not isinstance(value, bool):
        return f"{format_yuan(value)}元"
    return str(value)
